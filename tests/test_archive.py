"""The archive patched after an edit is the archive gathered again from every record."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from undocs.archive.graph import Archive, Doc, build_archive, links_of, patch_archive
from undocs.archive.pairs import Pairs, find_pairs
from undocs.build import load_records
from undocs.model import Citation, Record
from undocs.site.gather import Site
from undocs.site.render import Settings


def _docs(docs) -> list[tuple[str, int]]:
    return [(d.url, id(d.record)) for d in docs]


def _dump(archive: Archive) -> dict:
    """Everything an archive holds, documents by URL and record identity, in order."""
    return {
        "docs": _docs(archive.docs),
        "by_file": {f: (d.url, id(d.record)) for f, d in archive.by_file.items()},
        "by_symbol": {
            k: {lang: (d.url, id(d.record)) for lang, d in v.items()}
            for k, v in archive.by_symbol.items()
        },
        "cited_by": {k: _docs(v) for k, v in archive.cited_by.items()},
        "resolutions": [
            (k, e.key, e.symbol, e.url, _docs(e.citing)) for k, e in archive.resolutions.items()
        ],
        "children": {k: _docs(v) for k, v in archive.children.items()},
        "drafts": archive.drafts,
        "adopted": {k: _docs(v) for k, v in archive.adopted.items()},
        "problems": archive.problems,
    }


@pytest.fixture(scope="module")
def records(corpus: Path) -> list[Record]:
    found = []
    for folder in ("hrc", "ga80", "unsc", "multiun-de"):
        found += load_records(corpus / folder)[0][:400]
    return found


def _edit(record: Record, others: list[Record], rng: random.Random) -> Record:
    """Return the record with a random edit that keeps its symbol and language."""
    kind = rng.randrange(8)
    if kind == 0:
        return replace(record, date=f"20{rng.randrange(10, 30)}-0{rng.randrange(1, 9)}-11")
    if kind == 1:
        return replace(record, citations=())
    if kind == 2:  # cite what another document cites (a resolution or a document)
        cites = [c for o in others for c in o.citations]
        extra = tuple(replace(rng.choice(cites), start=10**6) for _ in range(rng.randrange(1, 4)))
        return replace(record, citations=record.citations + extra)
    if kind == 3:  # cite another document of the archive by its symbol
        target = rng.choice([o for o in others if o.symbol])
        cite = Citation("document", target.symbol or "", 0, 1)
        return replace(record, citations=(cite, *record.citations))
    if kind == 4:
        return replace(record, body=rng.choice(["Human Rights Council", None, "Security Council"]))
    if kind == 5:  # cite a resolution nobody cites
        number = f"{rng.randrange(1, 80)}/{rng.randrange(900, 999)}"
        cite = Citation("resolution", number, 10**6, 10**6 + 1, "General Assembly")
        return replace(record, citations=(*record.citations, cite))
    if kind == 6:  # say it was adopted from the draft another resolution was adopted from
        drafts = [c for o in others for c in o.citations if "/L." in c.target and c.start == 0]
        drafts = drafts or [Citation("document", "A/80/L.1", 0, 1)]
        cite = replace(rng.choice(drafts), start=0)
        return replace(record, document_type="resolution", citations=(cite, *record.citations))
    return replace(record, citations=record.citations[rng.randrange(len(record.citations) + 1) :])


def test_patched_archive_is_the_archive_gathered_again(records: list[Record]) -> None:
    rng = random.Random(7)
    current = list(records)
    links = [links_of(r) for r in current]
    archive = build_archive(current, links)
    patched_count = 0
    for _ in range(60):
        picks = rng.sample(range(len(current)), rng.choice([1, 1, 2]))
        for i in picks:
            current[i] = _edit(current[i], current, rng)
            links[i] = links_of(current[i])
        patched = patch_archive(archive, [(current[i], links[i]) for i in picks])
        again = build_archive(current, links)
        if patched is not None:
            patched_count += 1
            # the records are the same objects: compare what each archive made of them
            assert _dump(patched) == _dump(again)
        archive = again
    assert patched_count == 60  # every edit keeping symbols is patched


def test_an_edit_changing_a_symbol_is_not_patched(records: list[Record]) -> None:
    archive = build_archive(records)
    record = next(r for r in records if r.symbol)
    edited = replace(record, symbol=record.symbol + "/Add.9")
    assert patch_archive(archive, [(edited, links_of(edited))]) is None


def _pairs(pairs: Pairs) -> dict:
    """Every comparison, documents by identity, in order."""

    def doc(d: Doc | None) -> int | None:
        return None if d is None else id(d)

    return {
        "pairs": [(p.kind, doc(p.old), doc(p.new), p.url) for p in pairs.pairs],
        "by_doc": {
            u: [(p.kind, doc(p.old), doc(p.new)) for p in ps] for u, ps in pairs.by_doc.items()
        },
        "series": {u: (doc(a), doc(b)) for u, (a, b) in pairs.series.items()},
    }


def test_a_patched_sites_comparisons_are_gathered_again(records: list[Record]) -> None:
    """A site of a patched archive takes the last site's comparisons, with the edited
    documents swapped in, where the edits change none: the same as finding them again."""
    rng = random.Random(11)
    current = list(records)
    links = [links_of(r) for r in current]
    site = Site(build_archive(current, links), [], Settings())
    assert site.pairs.pairs
    reused = 0
    for _ in range(40):
        picks = rng.sample(range(len(current)), rng.choice([1, 1, 2]))
        for i in picks:
            if rng.random() < 0.3:  # a series is made of titles
                current[i] = replace(current[i], title=current[i].title + " (revised)")
            elif rng.random() < 0.5:  # an edit to the text only
                current[i] = replace(current[i], text=current[i].text + "\nAn added line.")
            else:
                current[i] = _edit(current[i], current, rng)
            links[i] = links_of(current[i])
        patched = patch_archive(site.archive, [(current[i], links[i]) for i in picks])
        assert patched is not None
        site = Site(patched, [], Settings(), previous=site)
        reused += site._pairs_of is not None
        assert _pairs(site.pairs) == _pairs(find_pairs(patched))
    assert 5 < reused < 40
