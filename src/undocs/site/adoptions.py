"""How each resolution was adopted, as shown on its pages and in `/data/votes.csv`.

A resolution's adoption is read from its own text (`Record.adoption`: each language version
held) and from the texts that record it (`Record.adoptions`: a Human Rights Council session
report's recorded votes, a Security Council compilation). A text recording an adoption also
cites the resolution by number ("(resolution 43/2)", "Resolution 1147 (1998)"), so it is among
the resolution's citing documents: its page is rewritten when the report changes.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from ..archive.graph import Archive, Doc, Resolution, Summary, citation_number
from ..lang.states import state_name
from ..model import Adoption, Record, ResolutionKey
from ..urls import undocs_url

#: The three lists of a recorded vote: label, the Adoption field of its count, of its states.
VOTES = (
    ("In favour", "in_favour", "states_in_favour"),
    ("Against", "against", "states_against"),
    ("Abstaining", "abstaining", "states_abstaining"),
)


@dataclass(frozen=True)
class Shown:
    """One adoption as a page shows it: what was read, and where."""

    adoption: Adoption
    source: Summary
    """The document it was read from (the resolution itself, or the report recording it)."""
    record_href: str | None
    """The meeting record: its page when held, else undocs.org; None when not known."""
    draft_href: str | None

    @property
    def votes(self) -> list[tuple[str, int | None, tuple[str, ...]]]:
        """Each list of the vote (label, count, states), those printed."""
        a = self.adoption
        return [
            (label, getattr(a, count), getattr(a, states))
            for label, count, states in VOTES
            if getattr(a, count) is not None or getattr(a, states)
        ]


def adoptions(archive: Archive, entry: Resolution | None, own: list[Doc], root: str) -> list[Shown]:
    """Return the adoptions of a resolution: from its own texts (`own`: its versions held,
    the fullest first), then from the documents recording it; one per source document."""
    out: list[Shown] = []
    texts = [d for d in own if d.record.adoption is not None]
    texts.sort(key=lambda d: -_fullness(d.record.adoption))
    for doc in texts[:1]:
        out.append(_shown(archive, doc.record.adoption, doc, root))  # type: ignore[arg-type]
    if entry is not None:
        for doc in entry.citing:
            for adoption in doc.record.adoptions:
                if adoption.number == entry.key.number and adoption.body == entry.key.body:
                    out.append(_shown(archive, adoption, doc, root))
                    break
    return out


def _fullness(adoption: Adoption | None) -> int:
    if adoption is None:
        return 0
    return bool(adoption.outcome) * 4 + bool(adoption.date) * 2 + adoption.has_states * 8


def _shown(archive: Archive, adoption: Adoption, doc: Doc, root: str) -> Shown:
    return Shown(
        adoption,
        doc.summary,
        _href(archive, adoption.record, doc.record.language, root),
        _href(archive, adoption.draft, doc.record.language, root),
    )


def _href(archive: Archive, symbol: str | None, language: str, root: str) -> str | None:
    if not symbol:
        return None
    held = archive.doc_for(symbol, language)
    return root + held.url if held else undocs_url(symbol)


def printed_in(record: Record) -> Iterator[tuple[Adoption, str]]:
    """Yield each adoption a record prints with the number of the resolution adopted: its
    own (`record.adoption`, when it is a resolution of a body undocs knows), then those it
    records of others (`record.adoptions`)."""
    own = citation_number(record)
    if record.adoption is not None and own is not None:
        yield record.adoption, own.number
    for adoption in record.adoptions:
        yield adoption, adoption.number


VOTES_HEADER = "resolution,body,draft,meeting,record,date,state,vote,source_file,source_line\n"


def votes_csv(archive: Archive) -> str:
    """Return one row per state's vote printed in the archive (a recorded vote of a report,
    the states named beside a Security Council resolution's counts), each vote once."""
    buffer = io.StringIO()
    buffer.write(VOTES_HEADER)
    writer = csv.writer(buffer, lineterminator="\n")
    seen: set[tuple[str, str, str, str]] = set()
    for doc in archive.docs:
        r = doc.record
        for adoption, number in printed_in(r):
            if adoption is r.adoption:  # named by its symbol, as its own text prints it
                number = r.symbol or ""
            for label, _, states in VOTES:
                for state in getattr(adoption, states):
                    key = (adoption.body, number, state, label)
                    if key in seen:
                        continue
                    seen.add(key)
                    writer.writerow(
                        [
                            number,
                            adoption.body,
                            adoption.draft or "",
                            adoption.meeting or "",
                            adoption.record or "",
                            adoption.date or "",
                            state,
                            label.lower(),
                            r.file,
                            adoption.line,
                        ]
                    )
    return buffer.getvalue()


@dataclass(frozen=True)
class BodyCount:
    """How many of a body's resolutions have their adoption read (`undocs check`)."""

    body: str
    held: int
    """Resolutions held (one per number, whatever its language versions)."""
    read: int
    """Of those, how many have an adoption read from their own text."""
    known: int
    """Of those, how many have an adoption read, from their own text or from another."""
    recorded: int
    """Adoptions read from other texts (reports, compilations), one per number."""
    votes: int
    """Adoptions of the body with the states' votes printed."""


def adoption_counts(records: list[Record]) -> list[BodyCount]:
    """Return, per body, the resolutions held and how many have an adoption read, the
    adoptions other texts record and those with the states' votes, most resolutions first."""
    held: dict[str, set[str]] = defaultdict(set)
    read: dict[str, set[str]] = defaultdict(set)
    recorded: dict[str, set[str]] = defaultdict(set)
    votes: dict[str, set[str]] = defaultdict(set)
    for r in records:
        key = citation_number(r)
        if key is not None:
            held[key.body].add(key.number)
        for adoption, number in printed_in(r):
            (read if adoption is r.adoption else recorded)[adoption.body].add(number)
            if adoption.has_states:
                votes[adoption.body].add(number)
    bodies = sorted(set(held) | set(recorded), key=lambda b: (-len(held[b]), b))
    return [
        BodyCount(
            b,
            len(held[b]),
            len(read[b]),
            len(held[b] & (read[b] | recorded[b])),
            len(recorded[b]),
            len(votes[b]),
        )
        for b in bodies
    ]


@dataclass(frozen=True)
class StateVote:
    """One vote of a state, as its page lists it."""

    resolution: str
    """The resolution's number as cited (`43/2`, `1160 (1998)`)."""
    body: str
    url: str
    """Site-relative URL of the resolution's page."""
    date: str | None
    meeting: int | None
    vote: str
    """`in favour`, `against` or `abstaining`."""
    printed: str
    """The name as the text printed it."""
    source: str
    """Site-relative URL of the document the vote was read from."""


def state_votes(archive: Archive) -> dict[str, list[StateVote]]:
    """Return each state's votes printed in the archive, by its name (`lang.states`), each
    resolution's vote once, newest first."""
    out: dict[str, dict[tuple[str, str], StateVote]] = defaultdict(dict)
    for doc in archive.docs:
        for adoption, number in printed_in(doc.record):
            entry = archive.resolutions.get(ResolutionKey(adoption.body, number))
            if entry is None:
                continue
            for label, _, states in VOTES:
                for printed in getattr(adoption, states):
                    name = state_name(printed)
                    if name is None or (adoption.body, number) in out[name]:
                        continue
                    out[name][(adoption.body, number)] = StateVote(
                        number,
                        adoption.body,
                        entry.url,
                        adoption.date,
                        adoption.meeting,
                        label.lower(),
                        printed,
                        doc.url,
                    )
    return {
        name: sorted(votes.values(), key=lambda v: (v.date or "", v.meeting or 0), reverse=True)
        for name, votes in sorted(out.items())
    }
