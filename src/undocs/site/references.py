"""A document as reference managers read it: BibTeX, RIS and CSL-JSON entries, and the
Highwire Press and Dublin Core tags of its page (what Zotero, Mendeley and Google Scholar
read). Written by hand: each format is a few fields of plain text, and the tests read every
entry back with an independent parser (bibtexparser, rispy, citeproc-py)."""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..model import Record
from ..read import symbols

PUBLISHER = "United Nations"

#: Document type -> its CSL type, RIS type, BibTeX entry type and Zotero item type:
#: resolutions and decisions as legislation (Zotero's "statute"), reports as reports,
#: letters as letters, the rest as documents.
_TYPES = {
    "resolution": ("legislation", "STAT", "misc", "statute"),
    "decision": ("legislation", "STAT", "misc", "statute"),
    "report": ("report", "RPRT", "techreport", "report"),
    "letter": ("document", "GEN", "misc", "letter"),
}
_OTHER = ("document", "GEN", "misc", "document")


@dataclass(frozen=True)
class Reference:
    """What a citation of one document holds."""

    key: str
    """Citation key: the symbol's letters and digits and the language (`A_RES_70_1_en`)."""
    document_type: str
    title: str
    author: str
    """The organ as an institution ("United Nations General Assembly")."""
    date: str | None
    year: int | None
    symbol: str | None
    language: str
    url: str
    """The page's address where the site's base URL is set, else the official copy's."""
    official: str | None
    """The official copy's address on undocs.org, in the document's language."""

    @property
    def types(self) -> tuple[str, str, str, str]:
        return _TYPES.get(self.document_type, _OTHER)


def reference(record: Record, url: str) -> Reference:
    """Return the reference of a record whose page is at the absolute `url` ("": unknown)."""
    body = record.body or ""
    author = body if body.startswith(PUBLISHER) else f"{PUBLISHER} {body}".strip()
    name = record.symbol or record.file.rsplit(".", 1)[0]
    key = re.sub(r"[^A-Za-z0-9]+", "_", name).strip("_") + "_" + record.language
    official = (
        f"https://undocs.org/{record.language}/{symbols.url_path(record.symbol)}"
        if record.symbol
        else None
    )
    return Reference(
        key, record.document_type, record.title, author, record.date, record.year,
        record.symbol, record.language, url or official or "", official,
    )  # fmt: skip


#: BibTeX's special characters, escaped (the text is UTF-8, as biblatex and bibtexparser read).
_BIBTEX_SPECIAL = str.maketrans(
    {
        "\\": r"\textbackslash{}",
        "{": r"\{",
        "}": r"\}",
        "&": r"\&",
        "%": r"\%",
        "$": r"\$",
        "#": r"\#",
        "_": r"\_",
        "~": r"\textasciitilde{}",
        "^": r"\textasciicircum{}",
    }
)


def _bib(text: str) -> str:
    return text.translate(_BIBTEX_SPECIAL)


def bibtex(ref: Reference) -> str:
    """Return the BibTeX entry of a reference (`@techreport` for reports, else `@misc`)."""
    entry_type = ref.types[2]
    fields = [
        ("author", "{" + _bib(ref.author) + "}"),  # an institution: braced, not "Last, First"
        ("title", _bib(ref.title)),
        ("year", str(ref.year) if ref.year else ""),
        ("date", ref.date or ""),
        ("number", _bib(ref.symbol or "")),
        ("type", ref.document_type.capitalize()),
        ("institution" if entry_type == "techreport" else "publisher", PUBLISHER),
        ("language", ref.language),
        ("url", ref.url),
        ("howpublished", f"United Nations document {_bib(ref.symbol)}" if ref.symbol else ""),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@{entry_type}{{{ref.key},\n{body}\n}}\n"


def ris(ref: Reference) -> str:
    """Return the RIS record of a reference (`STAT` for resolutions, `RPRT` for reports)."""
    lines = [("TY", ref.types[1]), ("TI", ref.title), ("AU", ref.author)]
    if ref.year:
        lines.append(("PY", str(ref.year)))
    if ref.date:
        lines.append(("DA", ref.date.replace("-", "/")))
    if ref.symbol:
        lines.append(("M1", ref.symbol))
    lines += [("PB", PUBLISHER), ("LA", ref.language), ("UR", ref.url)]
    if ref.official:
        lines.append(("L1", ref.official))
    text = "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines if value)
    return text + "ER  - \n"


def csl(ref: Reference) -> dict[str, object]:
    """Return the CSL-JSON item of a reference (`legislation` for resolutions)."""
    item: dict[str, object] = {
        "id": ref.key,
        "type": ref.types[0],
        "title": ref.title,
        "author": [{"literal": ref.author}],
        "publisher": PUBLISHER,
        "language": ref.language,
        "URL": ref.url,
    }
    if ref.date:
        item["issued"] = {"date-parts": [[int(part) for part in ref.date.split("-")]]}
    elif ref.year:
        item["issued"] = {"date-parts": [[ref.year]]}
    if ref.symbol:
        item["number"] = ref.symbol
    return item


def csl_json(refs: Iterable[Reference]) -> str:
    """Return CSL-JSON: a list of items."""
    return json.dumps([csl(ref) for ref in refs], ensure_ascii=False, indent=1) + "\n"


def meta_tags(ref: Reference) -> list[tuple[str, str]]:
    """Return the Highwire Press (`citation_*`), Dublin Core (`DC.*`) and Zotero (`z.*`)
    tags of a page, as Zotero's "Embedded Metadata" translator and Google Scholar read them:
    a report as a report (institution and number), a resolution as a statute, any document
    with its symbol as identifier."""
    when = ref.date or (str(ref.year) if ref.year else "")
    tags = [
        ("citation_title", ref.title),
        ("citation_author", ref.author),
        ("citation_publication_date", when.replace("-", "/")),
        ("citation_publisher", PUBLISHER),
        ("citation_language", ref.language),
        ("citation_abstract_html_url", ref.url if ref.url != ref.official else ""),
        ("citation_pdf_url", ref.official or ""),
    ]
    if ref.document_type == "report" and ref.symbol:
        tags += [
            ("citation_technical_report_institution", PUBLISHER),
            ("citation_technical_report_number", ref.symbol),
        ]
    tags += [
        ("DC.title", ref.title),
        ("DC.creator", ref.author),
        ("DC.date", when),
        ("DC.publisher", PUBLISHER),
        ("DC.language", ref.language),
        ("DC.identifier", ref.symbol or ""),
        ("DC.type", ref.document_type),
        # Zotero's item type: its "Embedded Metadata" translator hands `z.*` tags to its RDF
        # reader, where `z:itemType` decides the type before anything else (RDF.js
        # `detectType`). Without it a resolution would be a journal article (the guess from
        # `citation_title`) and a UN "note" a Zotero note, DC.type naming a Zotero type.
        ("z.itemType", ref.types[3]),
    ]
    return [(name, value) for name, value in tags if value]


def bibtex_file(refs: Iterable[Reference]) -> str:
    """Return BibTeX entries, a blank line between them."""
    return "\n".join(bibtex(ref) for ref in refs)


def ris_file(refs: Iterable[Reference]) -> str:
    """Return RIS records, a blank line between them."""
    return "\n".join(ris(ref) for ref in refs)


#: Each export: its file's extension, its name, its media type and how a file of it is written.
FORMATS: tuple[tuple[str, str, str, Callable[[Iterable[Reference]], str]], ...] = (
    ("bib", "BibTeX", "application/x-bibtex", bibtex_file),
    ("ris", "RIS", "application/x-research-info-systems", ris_file),
    ("json", "CSL-JSON", "application/vnd.citationstyles.csl+json", csl_json),
)


#: How a file of each export is written, by its extension.
WRITERS = {ext: write for ext, _, _, write in FORMATS}


def downloads(ref: Reference) -> list[tuple[str, str, str]]:
    """Return each export of a reference as (format name, file name, `data:` URL): a page
    offers them as downloads without a file of its own per format."""
    return [
        (
            name,
            f"{ref.key}.{ext}",
            f"data:{media};charset=utf-8;base64,"
            + base64.b64encode(write([ref]).encode()).decode("ascii"),
        )
        for ext, name, media, write in FORMATS
    ]
