"""The quality report for archivists: what could not be read, per document.

The loader reports what it could not find in one file (no symbol, no date, an agenda line not
understood); the checks here need the whole archive (a citation that resolves nowhere).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import compress

from ..lang.bodies import GA
from ..model import Problem, Record, problem_at
from ..read.loader import session_of_symbol
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
            problem_at(
                record.file,
                record.text_line,
                "unknown body (no organ named and no symbol series known; add `body:` to the "
                "front matter)",
            )
        )
    late = suspect_date(record)
    if late is not None:
        problems.append(
            problem_at(
                record.file,
                record.text_line,
                "date %(date)s is before its session opened (%(opened)s): suspect date",
                date=record.date,
                opened=late[:7],
            )
        )
    seen: set[str] = set()
    for cite in record.citations:
        if cite.kind != "resolution" or cite.target in seen:
            continue
        seen.add(cite.target)
        if target_symbol(cite, record) is None:
            line = cite.line or record.text_line
            if not cite.body:
                problem = problem_at(
                    record.file,
                    line,
                    "resolution %(target)s resolves to no symbol (its body is not named next "
                    "to it)",
                    target=cite.target,
                )
            elif cite.body == "Security Council" and cite.target.isdigit():
                problem = problem_at(
                    record.file,
                    line,
                    "resolution %(target)s resolves to no symbol (its year is not printed, and "
                    "the resolutions undocs knows do not tell it)",
                    target=cite.target,
                )
            else:
                problem = problem_at(
                    record.file,
                    line,
                    "resolution %(target)s resolves to no symbol (undocs knows no symbol "
                    "series for resolutions of the %(body)s)",
                    target=cite.target,
                    body=cite.body,
                )
            problems.append(problem)
    return problems


def session_opened(record: Record) -> str | None:
    """Return the first day a General Assembly resolution or decision of a numbered regular
    session can bear (`YYYY-MM-DD`): the session opens in September of 1945 + its number.
    None when the symbol is no such resolution (reports of a session are often issued
    before it opens)."""
    symbol = record.symbol or ""
    session = session_of_symbol(symbol, GA) if symbol.startswith(("A/RES/", "A/DEC/")) else None
    if session is None or session < 2:  # the first session opened in January 1946
        return None
    return f"{1945 + session}-09-01"


def suspect_date(record: Record) -> str | None:
    """Return the day its session opened when a record is dated before it, else None."""
    opened = session_opened(record)
    return opened if opened and record.date and record.date < opened else None


#: Above this length a title is likely an agenda or paragraphs read as a title (real titles
#: run to 440 characters: "Financing of the International Criminal Tribunal for ... Rwanda").
LONG_TITLE = 500
#: A sentence inside a title: a word of four letters or more ("Vol.", "Rev." are shorter)
#: ending with a full stop, then another sentence (a title may end with a full stop).
_SENTENCE = re.compile(r"[^\W\d]{4,}[.!?]\s+[^\W\d_]")


def suspect_title(record: Record) -> str | None:
    """Return why a record's title looks read from the wrong lines, else None."""
    title = record.title
    if record.untitled or not title:
        return None
    if title[:1].islower():
        return "starts mid-sentence"
    if _SENTENCE.search(title):
        return "holds a sentence"
    if len(title) > LONG_TITLE or title.count(": ") >= 3:
        return "runs on like a list"
    return None


@dataclass(frozen=True)
class Gap:
    """A kind of record that lacks something a librarian would want, with its records."""

    name: str
    meaning: str
    """What it means, in plain words."""
    files: tuple[str, ...]


#: Each gap: its name, what it means, and the test of a record.
GAPS: tuple[tuple[str, str, Callable[[Record], bool]], ...] = (
    ("undated", "no date printed in the text or given in front matter", lambda r: not r.date),
    (
        "untitled",
        "no title printed: shown by its symbol",
        lambda r: r.untitled,
    ),
    (
        "typed other",
        "document type not recognised (not a resolution, report, note, letter ...)",
        lambda r: r.document_type == "other",
    ),
    (
        "excerpt",
        "an excerpt of the document (aligned sentences), not the whole text",
        lambda r: r.excerpt,
    ),
    (
        "suspect title",
        f"title starts mid-sentence, holds a sentence, or runs over {LONG_TITLE} characters or"
        " four parts: probably read from the wrong lines",
        lambda r: suspect_title(r) is not None,
    ),
    (
        "suspect date",
        "dated before its General Assembly session opened",
        lambda r: suspect_date(r) is not None,
    ),
    ("no symbol", "no document symbol found", lambda r: not r.symbol),
)


def gaps(records: list[Record], known: Mapping[str, tuple[bool, ...]] | None = None) -> list[Gap]:
    """Return every gap of the records, with the files that have it, in file order.

    `known`: each file's `record_gaps`, worked out as it was read (the others are tested
    here)."""
    ordered = sorted(records, key=lambda r: r.file)
    files = [r.file for r in ordered]
    known = known or {}
    found = [known.get(r.file) or record_gaps(r) for r in ordered]
    columns = list(zip(*found, strict=True)) or [() for _ in GAPS]  # each gap, file by file
    return [
        Gap(name, meaning, tuple(compress(files, has)))
        for (name, meaning, _), has in zip(GAPS, columns, strict=True)
    ]


def record_gaps(record: Record) -> tuple[bool, ...]:
    """Return whether a record has each gap of `GAPS`, in order (worked out as it is read:
    `build.reading`, kept in the build cache)."""
    return tuple(test(record) for _, _, test in GAPS)


@dataclass(frozen=True)
class QualityReport:
    """Problems grouped for the `/quality/` page."""

    by_reason: list[tuple[str, int, bool]]
    """Each kind of problem with its count, commonest first, and whether it is one of
    `PROBLEM_KINDS` (its name is translated), else the first words of its reason."""
    by_file: list[tuple[str, list[Problem]]]
    """Each file with its problems, in file order."""


#: The kinds of problems the quality report counts: what a problem's reason holds, and the
#: kind's name (translated, in the context `problem`), the first that matches.
PROBLEM_KINDS = (
    ("resolves to no symbol", "citation resolving to no symbol"),
    ("before its session opened", "date before its session opened"),
    ("agenda item line", "agenda item line not understood"),
    ("no document symbol", "no document symbol found"),
    ("no date found", "no date found"),
    ("unknown body", "unknown body"),
    ("same symbol and language", "same symbol and language as another file"),
    ("but lists", "vote counts that disagree with the states listed"),
    ("front matter", "front matter not usable"),
    ("over GitHub Pages", "over GitHub Pages' size limits"),
    ("not UTF-8", "not UTF-8 text"),
    ("could not read", "file that could not be read"),
)


def _kind(reason: str) -> tuple[str, bool]:
    for marker, name in PROBLEM_KINDS:
        if marker in reason:
            return name, True
    return reason.split(":")[0][:60], False


def report(problems: list[Problem]) -> QualityReport:
    """Group problems by kind and by file."""
    files: dict[str, list[Problem]] = defaultdict(list)
    for problem in problems:
        files[problem.path].append(problem)
    kinds = Counter(_kind(p.reason) for p in problems)
    by_reason = [(kind, count, named) for (kind, named), count in kinds.most_common()]
    return QualityReport(by_reason, sorted(files.items()))
