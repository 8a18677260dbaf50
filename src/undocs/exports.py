"""Open data: the records and the citations as JSON lines and CSV, for `/data/`."""

from __future__ import annotations

import csv
import io
import json

from .archive import Archive
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
    return "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n" for r in records)


def records_csv(records: list[Record]) -> str:
    """Return the records as CSV, list fields joined with `; `."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["file", *RECORD_FIELDS])
    for record in records:
        row = record.to_json()
        writer.writerow([_cell(row[name]) for name in ("file", *RECORD_FIELDS)])
    return buffer.getvalue()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    text = str(value)
    # A cell starting with = + - @ runs as a formula in spreadsheets: keep it text.
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def citations_csv(archive: Archive) -> str:
    """Return one CSV row per distinct citation of each document."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(
        ["citing_file", "citing_symbol", "citing_language", "cited", "kind", "cited_symbol", "held"]
    )
    for doc in archive.docs:
        r = doc.record
        seen = set()
        for cite in r.citations:
            if (cite.kind, cite.target) in seen:
                continue
            seen.add((cite.kind, cite.target))
            target = archive.target_symbol(cite, r)
            held = bool(target and archive.doc_for(target, r.language))
            writer.writerow(
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
    return buffer.getvalue()


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
