"""The quality report for archivists: what could not be read, per document.

The loader reports what it could not find in one file (no symbol, no date, an agenda line not
understood); the checks here need the whole archive (a citation that resolves nowhere).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from ..model import Problem, Record
from .graph import Archive, target_symbol


def archive_problems(archive: Archive) -> list[Problem]:
    """Return the problems only the whole archive shows: unknown bodies, citations to nothing."""
    return [problem for doc in archive.docs for problem in record_problems(doc.record)]


def record_problems(record: Record) -> list[Problem]:
    """Return the problems of one record that `archive_problems` reports (they depend on the
    record alone: a build works them out where the record is read)."""
    problems = []
    if record.body is None:
        problems.append(
            Problem(
                record.file,
                record.text_line,
                "unknown body (no organ named and no symbol series known; "
                "add `body:` to the front matter)",
            )
        )
    seen: set[str] = set()
    for cite in record.citations:
        if cite.kind != "resolution" or cite.target in seen:
            continue
        seen.add(cite.target)
        if target_symbol(cite, record) is None:
            why = (
                f"undocs knows no symbol series for resolutions of the {cite.body}"
                if cite.body
                else "its body is not named next to it"
            )
            problems.append(
                Problem(
                    record.file,
                    cite.line or record.text_line,
                    f"resolution {cite.target} resolves to no symbol ({why})",
                )
            )
    return problems


@dataclass(frozen=True)
class QualityReport:
    """Problems grouped for the `/quality/` page."""

    by_reason: list[tuple[str, int]]
    """Each kind of problem with its count, commonest first."""
    by_file: list[tuple[str, list[Problem]]]
    """Each file with its problems, in file order."""


def _kind(reason: str) -> str:
    for marker in (
        "resolves to no symbol",
        "agenda item line",
        "no document symbol",
        "no date",
        "unknown body",
        "front matter",
        "same symbol and language",
    ):
        if marker in reason:
            return marker
    return reason.split(":")[0][:60]


def report(problems: list[Problem]) -> QualityReport:
    """Group problems by kind and by file."""
    files: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        files[problem.path].append(problem)
    kinds = Counter(_kind(p.reason) for p in problems)
    return QualityReport(kinds.most_common(), sorted(files.items()))
