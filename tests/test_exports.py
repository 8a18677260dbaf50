"""The data exports: rows made once per record in a running builder are the same files."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from undocs.archive.graph import build_archive
from undocs.build import load_records
from undocs.site.exports import ExportRows, citations_csv, records_csv, records_jsonl


def test_rows_kept_between_builds_make_the_same_exports(corpus: Path) -> None:
    records, _ = load_records(corpus / "hrc")
    records = records[:300]
    rows = ExportRows()
    archive = build_archive(records)
    for step in range(3):
        if step == 1:  # an edit: a new title and one citation fewer
            records[5] = replace(records[5], title="=SUM(A1)", citations=records[5].citations[1:])
        if step == 2:  # a document removed: what cited its symbol no longer finds it held
            cited = {s for r in records for s in r.documents_cited}
            held = next(i for i, r in enumerate(records) if r.symbol in cited)
            before = citations_csv(archive)
            del records[held]
        archive = build_archive(records)
        jsonl, table = rows.records(records)
        assert jsonl == records_jsonl(records).encode()
        assert table == records_csv(records).encode()
        assert rows.citations(archive) == citations_csv(archive).encode()
    assert citations_csv(archive).count(",yes\n") < before.count(",yes\n")
    assert b"'=SUM(A1)" in table  # a formula stays text in spreadsheets
