"""Open data: the records and the citations as JSON lines and CSV, for `/data/`."""

from __future__ import annotations

import csv
import io
import json

from .archive import Archive, Doc
from .model import RECORD_FIELDS, Record

#: Files written under `/data/`, with what each holds (shown on the `/data/` page).
DATA_FILES = {
    "records.jsonl": "One JSON object per document: the record fields below plus `file`.",
    "records.csv": "The same records as CSV; list fields joined with `; `.",
    "symbols.json": "Every symbol held, for the go-to-symbol box: `[key, symbol, {language: "
    "url}]`, the key being the symbol without spaces, in lower case.",
    "citations.csv": "One row per citation: citing file, symbol and language, the cited "
    "symbol or resolution number, its kind (`document` or `resolution`), the "
    "symbol it resolves to, and whether the archive holds it.",
}


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


CITATIONS_HEADER = "citing_file,citing_symbol,citing_language,cited,kind,cited_symbol,held\n"


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
    seen = set()
    for cite in r.citations:
        if (cite.kind, cite.target) in seen:
            continue
        seen.add((cite.kind, cite.target))
        target = archive.target_symbol(cite, r)
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
            ]
        )
    return rows


class ExportRows:
    """The rows of the data exports by record, kept between the builds of one process
    (`serve --watch`): a build after an edit turns into rows only the records read again.

    A record counts by identity: an unchanged file keeps its record object from build to
    build. A document's citation rows also depend on which symbols the archive holds.
    """

    def __init__(self) -> None:
        self._records: dict[str, tuple[Record, str, str]] = {}
        self._citations: dict[str, tuple[Record, str]] = {}
        self._held: object = None

    def records(self, records: list[Record]) -> tuple[str, str]:
        """Return `records_jsonl(records)` and `records_csv(records)`."""
        known, rows = self._records, {}
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for record in records:
            row = known.get(record.file)
            if row is None or row[0] is not record:
                buffer.seek(0)
                buffer.truncate()
                writer.writerow(_csv_cells(record))
                row = (record, json_line(record), buffer.getvalue())
            rows[record.file] = row
        self._records = rows
        return (
            "".join([row[1] for row in rows.values()]),
            CSV_HEADER + "".join([row[2] for row in rows.values()]),
        )

    def citations(self, archive: Archive) -> str:
        """Return `citations_csv(archive)`."""
        held = archive.by_symbol.keys()
        known = self._citations if held == self._held else {}
        self._held = set(held)
        rows = {}
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        for doc in archive.docs:
            row = known.get(doc.record.file)
            if row is None or row[0] is not doc.record:
                buffer.seek(0)
                buffer.truncate()
                writer.writerows(_citation_cells(archive, doc))
                row = (doc.record, buffer.getvalue())
            rows[doc.record.file] = row
        self._citations = rows
        return CITATIONS_HEADER + "".join([row[1] for row in rows.values()])


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
