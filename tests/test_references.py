"""Citation exports read back by independent parsers: BibTeX by bibtexparser, RIS by rispy,
CSL-JSON by citeproc-py (rendered in a citation style), on documents of every type."""

from __future__ import annotations

import base64
import json
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import bibtexparser
import pytest
import rispy
from citeproc import (
    Citation,
    CitationItem,
    CitationStylesBibliography,
    CitationStylesStyle,
    formatter,
)
from citeproc.source.json import CiteProcJSON

from undocs.build import BuildOptions, build
from undocs.model import Record
from undocs.read.loader import load_file, scan_sources
from undocs.site import references
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent

#: BibTeX escapes undone (what a reader of the entry sees).
_UNESCAPE = [
    (r"\textbackslash{}", "\\"), (r"\textasciitilde{}", "~"), (r"\textasciicircum{}", "^"),
    (r"\{", "{"), (r"\}", "}"), (r"\&", "&"), (r"\%", "%"), (r"\$", "$"), (r"\#", "#"),
    (r"\_", "_"),
]  # fmt: skip


def _unbib(text: str) -> str:
    for escaped, plain in _UNESCAPE:
        text = text.replace(escaped, plain)
    return text


def _sample() -> list[Record]:
    """Up to six records of each document type of the demo archive."""
    by_type: dict[str, list[Record]] = defaultdict(list)
    for source in scan_sources(ROOT / "seeds"):
        path = Path(source.path)
        record, _ = load_file(path, path.name)
        if len(by_type[record.document_type]) < 6:
            by_type[record.document_type].append(record)
    assert {"resolution", "report", "other"} <= set(by_type)
    return [r for records in by_type.values() for r in records]


SAMPLE = _sample()


def _ref(record: Record) -> references.Reference:
    return references.reference(record, "https://example.org/un/x/")


@pytest.mark.parametrize("record", SAMPLE, ids=lambda r: f"{r.document_type}:{r.file}")
def test_bibtex_read_back(record: Record) -> None:
    ref = _ref(record)
    library = bibtexparser.parse_string(references.bibtex(ref))
    assert not library.failed_blocks
    (entry,) = library.entries
    fields = {f.key: f.value for f in entry.fields}
    assert entry.key == ref.key
    assert entry.entry_type == ("techreport" if record.document_type == "report" else "misc")
    assert _unbib(fields["title"]) == record.title
    assert fields["author"] == "{" + ref.author + "}"  # one institution, not "Last, First"
    if record.year:
        assert fields["year"] == str(record.year)
    if record.symbol:
        assert _unbib(fields["number"]) == record.symbol


@pytest.mark.parametrize("record", SAMPLE, ids=lambda r: f"{r.document_type}:{r.file}")
def test_ris_read_back(record: Record) -> None:
    ref = _ref(record)
    (entry,) = rispy.loads(references.ris(ref))
    expected = {"resolution": "STAT", "decision": "STAT", "report": "RPRT"}
    assert entry["type_of_reference"] == expected.get(record.document_type, "GEN")
    assert entry["title"] == " ".join(record.title.split())
    assert entry["authors"] == [ref.author]
    if record.year:
        assert entry["year"] == str(record.year)
    if record.symbol:
        assert entry["note"] == record.symbol  # RIS M1
    assert entry["urls"] == ["https://example.org/un/x/"]


def test_csl_json_rendered_by_a_citation_style() -> None:
    items = json.loads(references.csl_json(_ref(r) for r in SAMPLE))
    source = CiteProcJSON(items)
    style = CitationStylesStyle("harvard-cite-them-right", validate=False)
    bibliography = CitationStylesBibliography(style, source, formatter.plain)
    for item in items:
        bibliography.register(Citation([CitationItem(item["id"])]))
    rendered = [str(entry) for entry in bibliography.bibliography()]
    assert len(rendered) == len({item["id"] for item in items})
    for record in SAMPLE:
        assert any(record.title[:40] in text for text in rendered), record.file
    types = {item["type"] for item in items}
    assert {"legislation", "report", "document"} <= types


def test_special_characters_survive_every_format() -> None:
    record = Record(
        "a.txt", "E/CN.15/2015/1", "en", None, "2015-05-18", None,
        "Commission on Crime Prevention and Criminal Justice", 24, (),
        r"Costs & benefits: 50% of #1_a {draft} ~ ^ \ $", "report", (), (),
    )  # fmt: skip
    ref = _ref(record)
    (entry,) = bibtexparser.parse_string(references.bibtex(ref)).entries
    assert _unbib(entry.fields_dict["title"].value) == record.title
    assert rispy.loads(references.ris(ref))[0]["title"] == record.title
    assert json.loads(references.csl_json([ref]))[0]["title"] == record.title


def test_a_document_page_carries_its_tags_and_downloads(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    build(
        BuildOptions(
            seeds=ROOT / "seeds" / "ga80",
            out=out,
            settings=Settings(search=False, base_url="https://example.org/un/"),
        )
    )
    page = (out / "en/A/RES/80/1/index.html").read_text(encoding="utf-8")
    tags = dict(re.findall(r'<meta name="((?:citation|DC|z\.)[^"]+)" content="([^"]*)"', page))
    assert (
        tags["citation_title"] == "Participation by the State of Palestine during the 80th session"
    )
    assert tags["citation_author"] == "United Nations General Assembly"
    assert tags["citation_publication_date"] == "2025/09/19"
    assert tags["citation_abstract_html_url"] == "https://example.org/un/en/A/RES/80/1/"
    assert tags["DC.identifier"] == "A/RES/80/1"
    assert tags["z.itemType"] == "statute"  # Zotero: a resolution is legislation
    bib = re.search(
        r'download="A_RES_80_1_en\.bib" href="data:application/x-bibtex;[^,]+,([^"]+)"', page
    )
    assert bib
    (entry,) = bibtexparser.parse_string(base64.b64decode(bib[1]).decode()).entries
    assert entry.fields_dict["number"].value == "A/RES/80/1"


@pytest.mark.parametrize(
    ("document_type", "zotero"),
    [
        ("resolution", "statute"),
        ("decision", "statute"),
        ("report", "report"),
        ("letter", "letter"),
        ("note", "document"),  # not a Zotero note: that is an item with no fields
        ("agenda", "document"),
    ],
)
def test_zotero_types_each_document_as_its_kind(document_type: str, zotero: str) -> None:
    record = SAMPLE[0]
    ref = references.reference(replace(record, document_type=document_type), "")
    tags = dict(references.meta_tags(ref))
    assert tags["z.itemType"] == zotero
    assert tags["DC.type"] == document_type


def test_a_body_and_each_session_have_their_references_in_one_file(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    build(BuildOptions(seeds=ROOT / "seeds" / "ga80", out=out, settings=Settings(search=False)))
    held = len(list((ROOT / "seeds" / "ga80").glob("*.md")))
    for folder in ("bodies/general-assembly/", "bodies/general-assembly/session-80/"):
        bib = bibtexparser.parse_string((out / folder / "references.bib").read_text("utf-8"))
        assert not bib.failed_blocks and len(bib.entries) == held
        assert bib.entries[0].fields_dict["number"].value == "A/RES/80/1"  # symbol order
        ris = rispy.loads((out / folder / "references.ris").read_text("utf-8"))
        assert [r["note"] for r in ris] == [e.fields_dict["number"].value for e in bib.entries]
        items = json.loads((out / folder / "references.json").read_text("utf-8"))
        assert [i["number"] for i in items] == [r["note"] for r in ris]
    page = (out / "bodies/general-assembly/index.html").read_text("utf-8")
    assert 'href="../../bodies/general-assembly/references.bib" download' in page
