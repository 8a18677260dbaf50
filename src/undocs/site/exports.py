"""Open data: the records and the citations as JSON lines and CSV, for `/data/`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable

from ..archive.graph import Archive, Doc, target_symbol
from ..archive.quality import Gap
from ..model import RECORD_FIELDS, Record

#: Files written under `/data/`, with what each holds (shown on the `/data/` page).
DATA_FILES = {
    "records.jsonl": "One JSON object per document: the record fields below plus `file`.",
    "records.csv": "The same records as CSV; list fields joined with `; `.",
    "symbols.json": "Every symbol held, for the go-to-symbol box: `[key, symbol, {language: "
    "url}]`, the key being the symbol without spaces, in lower case.",
    "citations.csv": "One row per citation: citing file, symbol and language, the cited "
    "symbol or resolution number, its kind (`document` or `resolution`), the "
    "symbol it resolves to, whether the archive holds it, and the paragraphs of it the "
    "text names (`paragraph 5 of resolution 2231 (2015)`: `5`; several joined with `; `).",
    "citations.graphml": "The citation network for Gephi, Cytoscape or networkx: a node per "
    "symbol (its language versions together; `held` false for what the archive only cites) "
    "with its title, body, year, type, languages and how many documents cite it, and an "
    "edge per citing and cited pair with the citing languages and the paragraphs named.",
    "votes.csv": "One row per state's vote printed in the archive (a session report's "
    "recorded vote, the states named beside a Security Council resolution's counts): the "
    "resolution, its body, the draft, the meeting and its record, the date, the state as "
    "printed, its vote (`in favour`, `against`, `abstaining`), and the file and line read.",
    "gaps.csv": "One row per gap of a record (undated, untitled, typed other, excerpt, suspect "
    "title or date, no symbol): file, symbol, language, gap, page; the counts are on "
    "/quality/.",
}

GAPS_HEADER = "file,symbol,language,gap,url\n"


def gaps_csv(archive: Archive, found: list[Gap]) -> str:
    """Return one CSV row per gap of each record (`found`: `quality.gaps` of the archive)."""
    buffer = io.StringIO()
    buffer.write(GAPS_HEADER)
    writer = csv.writer(buffer, lineterminator="\n")
    for gap in found:
        for file in gap.files:
            doc = archive.by_file[file]
            r = doc.record
            writer.writerow([_cell(file), _cell(r.symbol), r.language, gap.name, doc.url])
    return buffer.getvalue()


def records_jsonl(records: list[Record]) -> str:
    """Return the records as JSON lines: GUIDE.md's field names plus `file`."""
    return "".join(map(json_line, records))


def json_line(record: Record) -> str:
    """Return one record's line of `records.jsonl`."""
    return json.dumps(record.to_json(), ensure_ascii=False) + "\n"


CSV_HEADER = ",".join(["file", *RECORD_FIELDS]) + "\n"


def records_csv(records: list[Record]) -> str:
    """Return the records as CSV, list fields joined with `; `."""
    buffer = io.StringIO()
    buffer.write(CSV_HEADER)
    writer = csv.writer(buffer, lineterminator="\n")
    for record in records:
        writer.writerow(_csv_cells(record))
    return buffer.getvalue()


def records_files(rows: list[tuple[bytes, bytes]]) -> tuple[bytes, bytes]:
    """Return records.jsonl and records.csv made of the records' `record_rows`."""
    return b"".join(row[0] for row in rows), CSV_HEADER.encode() + b"".join(r[1] for r in rows)


def record_rows(record: Record) -> tuple[bytes, bytes]:
    """Return one record's line of records.jsonl and row of records.csv, in UTF-8 (made as
    it is read, kept in the build cache: the exports of an edit are joined, not made)."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(_csv_cells(record))
    return json_line(record).encode(), buffer.getvalue().encode()


def _csv_cells(record: Record) -> list[str]:
    row = record.to_json()
    return [_cell(row[name]) for name in ("file", *RECORD_FIELDS)]


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    text = str(value)
    # A cell starting with = + - @ runs as a formula in spreadsheets: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


CITATIONS_HEADER = (
    "citing_file,citing_symbol,citing_language,cited,kind,cited_symbol,held,paragraphs\n"
)


def citations_csv(archive: Archive) -> str:
    """Return one CSV row per distinct citation of each document."""
    buffer = io.StringIO()
    buffer.write(CITATIONS_HEADER)
    writer = csv.writer(buffer, lineterminator="\n")
    for doc in archive.docs:
        writer.writerows(_citation_cells(archive, doc))
    return buffer.getvalue()


def _citation_cells(archive: Archive, doc: Doc) -> list[list[str]]:
    r = doc.record
    rows = []
    paragraphs: dict[tuple[str, str], set[str]] = {}
    for cite in r.citations:
        paragraphs.setdefault((cite.kind, cite.target), set()).update(cite.paragraphs)
    seen = set()
    for cite in r.citations:
        if (cite.kind, cite.target) in seen:
            continue
        seen.add((cite.kind, cite.target))
        target = target_symbol(cite, r)
        held = bool(target and archive.doc_for(target, r.language))
        rows.append(
            [
                _cell(r.file),
                _cell(r.symbol),
                r.language,
                _cell(cite.target),
                cite.kind,
                _cell(target),
                "yes" if held else "no",
                "; ".join(sorted(paragraphs[(cite.kind, cite.target)], key=int)),
            ]
        )
    return rows


class ExportRows:
    """The rows of the archive's data exports by record, kept between the builds of one
    process (`serve --watch`): a build after an edit turns into rows only the records read
    again (the records' own rows are made as they are read: `record_rows`).

    A record counts by identity: an unchanged file keeps its record object from build to
    build. A document's citation rows also depend on which symbols the archive holds. Rows
    are kept encoded, as they are written.
    """

    def __init__(self) -> None:
        self._citations = _Rows()
        self._held: object = None
        self._gaps: tuple[object, bytes] = ((), b"")

    def citations(self, archive: Archive) -> bytes:
        """Return `citations_csv(archive)`, in UTF-8."""
        held = archive.by_symbol.keys()
        if held != self._held:
            self._citations = _Rows()
            self._held = set(held)
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")

        def rows(record: Record) -> tuple[bytes, ...]:
            buffer.seek(0)
            buffer.truncate()
            writer.writerows(_citation_cells(archive, archive.by_file[record.file]))
            return (buffer.getvalue().encode(),)

        (table,) = self._citations.update([doc.record for doc in archive.docs], rows)
        return CITATIONS_HEADER.encode() + b"".join(table)

    def gaps(self, archive: Archive, found: list[Gap]) -> bytes:
        """Return `gaps_csv(archive, found)`, in UTF-8: the last one when the files of each
        gap and their pages' addresses are the same (a row shows a file, its symbol and
        language, which its address shows, and the gap)."""
        by_file = archive.by_file
        key = tuple(
            (gap.name, gap.files, tuple(by_file[file].url for file in gap.files)) for gap in found
        )
        if key != self._gaps[0]:
            self._gaps = (key, gaps_csv(archive, found).encode())
        return self._gaps[1]


class _Rows:
    """Rows made from records, in the records' order, each made again only when its record
    is another object."""

    def __init__(self) -> None:
        self.records: list[Record] = []
        self.columns: list[list[bytes]] = []

    def update(
        self, records: list[Record], make: Callable[[Record], tuple[bytes, ...]]
    ) -> list[list[bytes]]:
        """Return the rows of `records` (one list per part `make` returns)."""
        if len(records) == len(self.records) and all(
            a.file == b.file for a, b in zip(records, self.records, strict=True)
        ):
            for i, (new, old) in enumerate(zip(records, self.records, strict=True)):
                if new is not old:
                    for column, row in zip(self.columns, make(new), strict=True):
                        column[i] = row
        else:
            known = {r.file: i for i, r in enumerate(self.records)}
            made = []
            for record in records:
                at = known.get(record.file)
                if at is not None and self.records[at] is record:
                    made.append(tuple(c[at] for c in self.columns))
                else:
                    made.append(make(record))
            self.columns = [list(column) for column in zip(*made, strict=True)] or [[]]
        self.records = list(records)
        return self.columns


def symbol_map(archive: Archive) -> str:
    """Return the symbols held as JSON: `[[key, symbol, {lang: url}], ...]`, sorted by key.

    The key is the symbol as GUIDE.md compares it (no white space, folded case), so the
    browser normalises what a reader types with one replace and one lower-case.
    """
    rows = []
    for key, versions in sorted(archive.by_symbol.items()):
        any_doc = next(iter(versions.values()))
        rows.append(
            [key, any_doc.record.symbol, {lang: doc.url for lang, doc in sorted(versions.items())}]
        )
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
