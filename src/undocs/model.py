"""The records that flow between stages: frozen, typed, each keeping where it came from."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

#: The record fields of ../shared/gold/GUIDE.md, in its order.
RECORD_FIELDS = (
    "symbol",
    "language",
    "original_language",
    "date",
    "distribution",
    "body",
    "session",
    "agenda_items",
    "title",
    "document_type",
    "resolutions_cited",
    "documents_cited",
)

#: The document types of ../shared/gold/GUIDE.md: what `Record.document_type` may be.
DOCUMENT_TYPES = (
    "resolution",
    "decision",
    "draft resolution",
    "draft decision",
    "report",
    "note",
    "letter",
    "presidential statement",
    "agenda",
    "summary record",
    "verbatim record",
    "other",
)


@dataclass(frozen=True)
class Problem:
    """A reason some input could not be read as it should, at a place in a file."""

    path: str
    """The file, as the user named it (relative to the folder read)."""
    line: int
    """1-based line number; 0 when the problem concerns the whole file."""
    reason: str
    """What is wrong and, where it helps, what to do."""
    severity: str = "warning"
    """`error` (the file was not built) or `warning` (built, with this flaw)."""
    message: str = field(default="", compare=False)
    """The reason's words as the catalogs hold them, each value a `%(name)s` (translated
    on the quality page); empty where undocs does not word the reason itself."""
    values: tuple[tuple[str, str], ...] = field(default=(), compare=False)
    """The values `message` names, in its order: symbols, files, what the file holds."""

    def __str__(self) -> str:
        return one_line(f"{self.path}:{self.line}: {self.reason}")


def N_(message: str) -> str:
    """Mark a message of Python code for the catalogs (`undocs.site.i18n.interface_messages`
    finds it); it is translated where it is shown."""
    return message


def problem_at(
    path: str, line: int, message: str, severity: str = "warning", **values: object
) -> Problem:
    """Return the problem `message` says, its `%(name)s` filled with `values` (the catalogs
    hold `message`: `undocs.site.i18n.interface_messages` finds it by this function's name)."""
    said = {name: str(value) for name, value in values.items()}
    return Problem(path, line, message % said, severity, message, tuple(said.items()))


def one_line(text: str) -> str:
    """Return `text` with its control characters escaped (`\\n`, `\\x1b`): a file name
    holding a line break or a terminal escape stays one line of plain text when printed."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


class InputError(Exception):
    """Bad input at a place in a file; carries `path`, `line` and a reason (`message` with
    its `values`, as `problem_at`)."""

    def __init__(self, path: str, line: int, message: str, **values: object) -> None:
        self.problem = problem_at(path, line, message, "error", **values)
        super().__init__(str(self.problem))


class SetupError(Exception):
    """A folder, setting or port a command cannot use; the message says what to do instead."""


@dataclass(frozen=True)
class Citation:
    """One reference in a document's text to a resolution or to a document symbol."""

    kind: str
    """`resolution` (cited by number) or `document` (cited by symbol)."""
    target: str
    """Normalised number (`60/251`, `2334 (2016)`) or canonical symbol (`A/HRC/28/15/Add.1`)."""
    start: int
    """Offset of the cited words in the record's `text`, or -1 if implied (`and Add.1`)."""
    end: int
    """Offset just past the cited words in `text`."""
    body: str | None = None
    """The body named next to a resolution number (`Human Rights Council`), when printed."""
    line: int = 0
    """Line of the source file the citation stands on (0 where not known)."""
    paragraphs: tuple[str, ...] = ()
    """The cited text's paragraph numbers printed with the citation ("paragraph 5 of
    resolution 2231 (2015)": `("5",)`), in order (`read.pinpoints`)."""


#: How a text can say it was adopted (`Adoption.outcome`).
OUTCOMES = ("unanimously", "without a vote", "by consensus", "by a vote", "")


@dataclass(frozen=True)
class Adoption:
    """How a resolution or decision was adopted, as its own text or a session report prints
    it: "Adopted at the 219th meeting by 7 votes to 1 (Poland), with 3 abstentions (...)"."""

    body: str
    """Canonical English name of the adopting body."""
    meeting: int | None
    """The meeting's number (`3124`), when printed."""
    record: str | None
    """The symbol of the meeting's record (`S/PV.3124`, `A/80/PV.52`), when it can be told."""
    date: str | None
    """`YYYY-MM-DD` of the meeting, printed with it (else the resolution's own date)."""
    outcome: str
    """One of `OUTCOMES`: `""` when only the meeting is printed."""
    in_favour: int | None = None
    against: int | None = None
    abstaining: int | None = None
    states_in_favour: tuple[str, ...] = ()
    """States as printed, in the order printed."""
    states_against: tuple[str, ...] = ()
    states_abstaining: tuple[str, ...] = ()
    line: int = 0
    """Line of the source file the adoption is printed on."""
    number: str = ""
    """For an adoption a report records: the number of the resolution or decision adopted
    (`43/2`); "" in the resolution's own text."""
    kind: str = "resolution"
    """`resolution` or `decision`."""
    draft: str | None = None
    """The draft's symbol (`A/HRC/43/L.35`), when the report names it."""

    @property
    def has_states(self) -> bool:
        """Whether the states' votes are printed (a list of states for any of the three)."""
        return bool(self.states_in_favour or self.states_against or self.states_abstaining)

    def to_json(self) -> dict[str, object]:
        """Return the adoption's fields, lists as lists."""
        return {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in self.__dict__.items()
        }


@dataclass(frozen=True)
class Record:
    """One UN document text, parsed: the fields of GUIDE.md plus where it came from."""

    file: str
    """Path of the source file relative to the folder read (POSIX separators)."""
    symbol: str | None
    """Canonical UN symbol, e.g. `A/HRC/28/15/Add.1`, `S/RES/2334 (2016)`; None if not printed."""
    language: str
    """ISO 639-1 code of this text."""
    original_language: str | None
    """ISO 639-1 code of the language the document was written in, if printed."""
    date: str | None
    """`YYYY-MM-DD`: date of distribution, or adoption date of a resolution without masthead."""
    distribution: str | None
    """`general`, `limited` or `restricted`."""
    body: str | None
    """Canonical English name of the organ whose session the document belongs to."""
    session: int | None
    """Session number; None for the Security Council and for ECOSOC's year-named sessions."""
    agenda_items: tuple[str, ...]
    """Agenda items on the masthead, normalised `2 (c)`."""
    title: str
    """The document's own title, without markup."""
    document_type: str
    """`resolution`, `decision`, `report`, `note` ... (GUIDE.md)."""
    resolutions_cited: tuple[str, ...]
    """Resolution numbers the text cites, normalised, sorted."""
    documents_cited: tuple[str, ...]
    """Document symbols the text cites, canonical, sorted."""
    text: str = field(default="", repr=False)
    """The body text after the masthead and front matter, as printed."""
    text_line: int = 1
    """Line of the source file where `text` starts."""
    body_offset: int = 0
    """Offset in `text` where the body proper starts, after the masthead and title."""
    citations: tuple[Citation, ...] = field(default=(), repr=False)
    """Each citation with its position in `text`, in order of appearance."""
    excerpt: bool = False
    """True for aligned sentence excerpts rather than whole documents."""
    digest: str = ""
    """Hash of the source file's bytes: what incremental builds compare."""
    year: int | None = None
    """The year the document is of: its date's, else the year its front matter or its symbol
    prints (`E/CN.15/2015/4`, `S/RES/1325 (2000)`); no day is ever invented for it."""
    year_from: str = ""
    """Where `year` comes from: `date`, `front matter` or `symbol` ("" when none)."""
    adoption: Adoption | None = None
    """How this resolution or decision was adopted, as its text prints it (`read.adoption`)."""
    adoptions: tuple[Adoption, ...] = ()
    """The adoptions of other texts this one records (a session report's), in order."""

    @property
    def untitled(self) -> bool:
        """No title printed: the symbol stands in for it (shown once, never "A/1 A/1")."""
        return untitled(self.symbol, self.title)

    def to_json(self) -> dict[str, object]:
        """Return the record as GUIDE.md names its fields, plus `file`, `year` and where the
        year comes from."""
        out: dict[str, object] = {"file": self.file}
        for name in RECORD_FIELDS:
            value = getattr(self, name)
            out[name] = list(value) if isinstance(value, tuple) else value
        out["year"], out["year_from"] = self.year, self.year_from
        out["adoption"] = self.adoption.to_json() if self.adoption else None
        if self.adoptions:
            out["adoptions"] = [a.to_json() for a in self.adoptions]
        return out


def untitled(symbol: str | None, title: str) -> bool:
    """Return whether a document's title is its symbol standing in for a title not printed."""
    return bool(symbol) and title == symbol


class ResolutionKey(NamedTuple):
    """A resolution as cited: the body that adopted it and its number (a named tuple: it is
    looked up tens of thousands of times, and a tuple hashes in C)."""

    body: str
    """Canonical English name of the adopting body."""
    number: str
    """Normalised number: `60/251`, `2334 (2016)`."""
