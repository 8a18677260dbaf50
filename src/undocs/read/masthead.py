"""The masthead of a UN document: symbol, dates, distribution, body, session, agenda, title.

A list of named rules run in order over the first lines of the text (markdown-it-py style).
Each rule reads the `Header` and fills one field of the `Masthead`; languages are tables in
`languages.py`, bodies in `bodies.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from ..lang.bodies import body_of_series, find_body, is_body_line
from ..lang.dates import damaged_date, find_date
from ..lang.languages import LANGUAGES, Language, language, normalise_digits, parse_ordinal
from . import symbols

#: How many non-empty lines of a text can belong to its masthead.
HEADER_LINES = 45


@dataclass
class Masthead:
    """The fields read from a masthead; rules fill them in turn."""

    symbol: str | None = None
    date: str | None = None
    distribution: str | None = None
    original_language: str | None = None
    body: str | None = None
    session: int | None = None
    agenda_items: list[str] = field(default_factory=list)
    title: str = ""
    document_type: str = "other"
    title_label: str = ""
    """The label lines around the title ("Note by the Secretariat"): they tell the type."""
    body_start: int = 0
    """Index of the first line of the document's body proper (after masthead and title)."""
    used: set[int] = field(default_factory=set)
    """Indexes of lines a rule read as a masthead field."""
    session_line: int | None = None
    agenda_line: int | None = None
    skip_lines: set[int] = field(default_factory=set)
    """Lines whose symbols are not citations (an old resolution's own first issue)."""
    unread_agenda: list[int] = field(default_factory=list)
    """Lines that look like an agenda line but whose items could not be read."""
    heading_line: int | None = None
    """The line of an old Security Council heading ("Resolution 687 (1991)"), if any."""


@dataclass(frozen=True)
class Header:
    """The first lines of a text, with what rules need to read them."""

    lines: list[str]
    """Every line of the text (after front matter), right-stripped."""
    code: str
    """Language of the text."""
    limit: int
    """Index past the last line the masthead may take."""

    def indexes(self) -> range:
        return range(self.limit)


def _each_language(field: Callable[[Language], str]) -> str:
    """Return the alternation of one table field over every language (those that have it)."""
    return "|".join(part for lang in LANGUAGES.values() if (part := field(lang)))


_OPENERS = re.compile(r"^\s*(?:" + _each_language(lambda lang: lang.openers) + ")")
_MEETING = re.compile(r"^\s*(?:" + _each_language(lambda lang: lang.meeting) + ")")
_BODY_START = re.compile(
    r"^\s*(?:\d{1,3}\.\s+\S|[IVX]{1,5}\.\s+\S|[A-H]\.\s+[A-Z]|"
    + _each_language(lambda lang: lang.headings)
    + r"|GE\.\d|\*\d{5,}\*|\d{2}-\d{5}\s*\(|\*\s+\S|\*+$)|"
    + _MEETING.pattern
)
_PARAGRAPH = re.compile(r"^\s*(?:\d{1,3}\.\s+\S|[IVX]{1,5}\.\s+\S|Contents$|Introduction$)")
_LABEL = re.compile(
    r"^\s*(?:" + _each_language(lambda lang: lang.labels) + r"|\[.*\]|\(.*\))$",
    re.IGNORECASE,
)
_SC_RESOLUTION = _each_language(lambda lang: lang.sc_resolution)
_SC_HEADING = re.compile(
    rf"^\s*(?:(?:{_SC_RESOLUTION})\s+(?P<n1>\d{{1,4}})\s*$|"
    rf"(?:(?:{_SC_RESOLUTION})\s+)?(?P<n>\d{{1,4}})\s*"
    r"\((?P<y>\d{3}-?\d)\)[.,]?(?:\s+Resolution\b.*|\s+of\s+.*|\s*)$)",
    re.IGNORECASE,
)
_RES_NUMBER_PREFIX = re.compile(r"^\s*(?:E?S-)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?\.?\s+(?=\w)")
_DISTR = re.compile(r"Distr\.?\s*:?\s*(?P<word>[^\s\d]+)", re.IGNORECASE)
#: The document types read from a title's or label's words, in the order they are tried.
TYPE_ORDER = ("draft resolution", "draft decision", "note", "letter", "agenda", "report")
_TYPE_WORDS = tuple(
    (
        kind,
        "|".join(words for lang in LANGUAGES.values() if (words := lang.document_types.get(kind))),
    )
    for kind in TYPE_ORDER
)
_SYMBOL_TYPES = (
    ("/RES/", "resolution"),
    ("/DEC/", "decision"),
    ("/PRST/", "presidential statement"),
    ("/AGENDA/", "agenda"),
    ("/PV.", "verbatim record"),
    ("/SR.", "summary record"),
)

Rule = Callable[[Header, Masthead], None]


@lru_cache(maxsize=256)
def _rx(pattern: str) -> re.Pattern[str]:
    """Return a language table's pattern compiled once (case-insensitive)."""
    return re.compile(pattern, re.IGNORECASE)


_DISTR_ALONE = re.compile(r"Distr\.?\s*:?\s*$")
_COLUMNS = re.compile(r"\s{3,}|\s+Distr\b")
_BODY_SESSION = re.compile(r"^(?P<body>.+?)\s+\S+(?:-\S+)?\s+session$", re.IGNORECASE)
_YEAR = re.compile(r"\d{4}")


def rule_symbol(head: Header, out: Masthead) -> None:
    """Read the symbol printed at the top right of the first lines."""
    for i in [i for i in head.indexes() if head.lines[i].strip()][:8]:
        if head.lines[i].strip().startswith(("[", "(")):
            continue  # "[S/5167]" under an old heading is the first issue, not this symbol
        line = head.lines[i].strip()
        match = next(symbols.find_symbols(line), None)
        # On a masthead the symbol stands alone, or at either end of a line with columns;
        # a symbol inside prose is a citation.
        if match and (match.start() == 0 or match.end() >= len(line.rstrip("*"))):
            members = symbols.split_joint(match.group(0))
            if members:
                if out.symbol is None:
                    out.symbol = "-".join(members) if len(members) > 1 else members[0]
                out.used.add(i)
                return


def rule_sc_heading(head: Header, out: Masthead) -> None:
    """Read an old Security Council heading: "Resolution 500 (1982)" or "175 (1962). ..."."""
    for i in [i for i in head.indexes() if head.lines[i].strip()][:12]:
        match = _SC_HEADING.match(head.lines[i])
        if not match:
            continue
        number = match["n"] or match["n1"]
        year = (match["y"] or "").replace("-", "")
        if not year:  # "Resolution 290" with the year only in "of 8 December 1970"
            found = find_date(" ".join(head.lines[i : i + 3]), head.code)
            if found is None:
                continue
            year = found[0][:4]
        out.used.add(i)
        out.heading_line = i
        if out.symbol is None:
            out.symbol = f"S/RES/{number} ({year})"
        out.title = f"Resolution {number} ({year})"
        out.document_type = "resolution"
        # A bracketed symbol under the heading is the resolution's own first issue.
        for j in range(i + 1, min(i + 3, len(head.lines))):
            if head.lines[j].strip().startswith(("[", "(")):
                out.used.add(j)
                out.skip_lines.add(j)
        return


def rule_distribution(head: Header, out: Masthead) -> None:
    """Read "Distr.: General", "Distr. générale", "Distr. LIMITED"."""
    table = language(head.code).distribution
    for i in head.indexes():
        line = head.lines[i]
        if _DISTR_ALONE.search(line) and i + 1 < head.limit:
            line = line.rstrip() + " " + head.lines[i + 1]  # "Distr." / "GENERAL"
        match = _DISTR.search(line)
        if match:
            word = match["word"].lower().strip(".:")
            out.distribution = table.get(word, out.distribution)
            out.used.add(i)
            return


def rule_date(head: Header, out: Masthead) -> None:
    """Read the first date on the masthead (the date of distribution or adoption)."""
    stop = out.session_line if out.session_line is not None else head.limit
    for i in range(min(stop + 1, head.limit)):
        found = find_date(head.lines[i], head.code)
        if found:
            out.date = found[0]
            out.used.add(i)
            return
    if out.heading_line is not None and out.symbol:  # "Resolution 687 (1991)" / "of 3 Apri] 1991"
        year = symbols.year_of(out.symbol)
        for i in range(out.heading_line + 1, min(out.heading_line + 4, len(head.lines))):
            date = damaged_date(head.lines[i], head.code, year) if year else None
            if date:
                out.date = date
                out.used.add(i)
                return


def rule_original(head: Header, out: Masthead) -> None:
    """Read "Original: English", "Original : anglais", "Подлинный текст: английский"."""
    lang = language(head.code)
    names = {**LANGUAGES["en"].language_names, **lang.language_names}
    pattern = _rx(rf"(?:{lang.original_label}|Original)\s*[:：]\s*(?P<name>\S+)")
    for i in head.indexes():
        match = pattern.search(head.lines[i])
        if match:
            out.original_language = names.get(match["name"].lower().strip(".,"))
            out.used.add(i)
            return


def rule_session(head: Header, out: Masthead) -> None:
    """Read the session line: "Forty-third session", "Septième session", "第七十届会议"."""
    patterns = [language(head.code).session_line]
    if head.code != "en":
        patterns.append(LANGUAGES["en"].session_line)
    for i in head.indexes():
        line = head.lines[i].strip()
        for pattern in patterns:
            match = _rx(pattern).search(line)
            if not match:
                continue
            words = match["ord"].strip()
            number = parse_ordinal(words, head.code) or parse_ordinal(words, "en")
            if number is None:  # "Twentieth session" after other words on the line
                number = parse_ordinal(words.split()[-1], head.code)
            if number:
                out.session, out.session_line = number, i
                out.used.add(i)
                return


def rule_session_dates(head: Header, out: Masthead) -> None:
    """Mark the dates and place of the session printed under its line as masthead."""
    if out.session_line is None:
        return
    for i in range(out.session_line + 1, min(out.session_line + 3, head.limit)):
        line = head.lines[i].strip()
        if line and len(line) < 70 and _YEAR.search(line) and find_date(line, head.code):
            out.used.add(i)
        elif line:
            return


_DIGIT = re.compile(r"\d")


def rule_agenda(head: Header, out: Masthead) -> None:
    """Read agenda items: "Agenda item 119 (b)", "Point 2 c) de l'ordre du jour provisoire"."""
    patterns = [language(head.code).agenda_line]
    if head.code != "en":
        patterns.append(LANGUAGES["en"].agenda_line)
    loose = _rx(
        r"agenda\s+item|ordre\s+du\s+jour|del\s+programa|Tagesordnungspunkt|повестки\s+дня|"
        r"جدول\s+الأعمال|议程项目"
    )
    for i in head.indexes():
        if not _DIGIT.search(head.lines[i]):
            continue  # items are numbers: a line without digits names none
        line = normalise_digits(head.lines[i].strip()).replace("**", "")
        for pattern in patterns:
            match = _rx(pattern).search(line)
            if match:
                items = parse_items(match["items"])
                if items:
                    out.agenda_items, out.agenda_line = items, i
                    out.used.add(i)
                    return
        if loose.search(line) and len(line) < 80 and re.search(r"\d", line):
            out.unread_agenda.append(i)


def parse_items(text: str) -> list[str]:
    """Split "45 and 55", "2 c)", "119 (b), 120" into normalised items `2 (c)`."""
    items = []
    for match in re.finditer(r"(?P<n>\d{1,3})\s*(?:\(?(?P<l>[a-z]{1,2})\))?", text):
        items.append(f"{match['n']} ({match['l']})" if match["l"] else match["n"])
    return items


def rule_body(head: Header, out: Masthead) -> None:
    """Name the organ printed next to the session line; else any organ line; else the series."""
    if out.session_line is not None:
        order = [out.session_line, *range(out.session_line - 1, -1, -1)]
        order += [out.session_line + 1, out.session_line + 2]
        for i in order:
            if 0 <= i < head.limit and _body_line(head, i):
                out.body = find_body(head.lines[i])
                out.used.add(i)
                return
    for i in head.indexes():
        if (i > 0 and is_body_line(head.lines[i])) or (i == 0 and _body_line(head, i)):
            out.body = find_body(head.lines[i])
            out.used.add(i)
            return
    out.body = body_of_series(out.symbol)


def _body_line(head: Header, i: int) -> bool:
    line = head.lines[i].strip()
    if is_body_line(line):
        return True
    # "General Assembly     Distr.: General" and "Human Rights Council ... session"
    first = _COLUMNS.split(line, maxsplit=1)[0]
    if is_body_line(first):
        return True
    session = out_session_words(line)
    return bool(session and is_body_line(session))


def out_session_words(line: str) -> str | None:
    """Return the organ part of "General Assembly Fifty-sixth session", if any."""
    match = _BODY_SESSION.match(line)
    return match["body"] if match else None


def rule_title(head: Header, out: Masthead) -> None:
    """Read the title: the lines between the masthead fields and the body proper."""
    start = _title_start(head, out)
    end = start
    while end < len(head.lines) and end < start + 25:
        line = head.lines[end]
        if _OPENERS.match(line) or _BODY_START.match(line) or _is_running_header(line, out):
            break
        end += 1
    out.body_start = end
    if out.title:
        return
    segments, labels = _title_segments(head.lines, start, end)
    chosen = next((s for s in reversed(segments[1:]) if s), None) or segments[0]
    if chosen:
        blocks = _distinct_blocks(chosen)
        # Past three blocks it is a list (an agenda's items, a cover page), headed by the title.
        title = ": ".join(blocks if len(blocks) <= _TITLE_BLOCKS else blocks[:1])
    elif labels:
        title = labels[-1]
    else:
        title = ""
    if len(title) > 400 and labels:  # paragraphs, not a title: the label names the text
        title = labels[-1]
    out.title = clean_title(title)
    out.title_label = " ".join(labels)


#: The most blocks (cut at blank lines) a title is printed in.
_TITLE_BLOCKS = 3


def _title_start(head: Header, out: Masthead) -> int:
    """Return the first line after the last masthead field read (and its agenda title)."""
    # A field read inside the body ("Auf der 5100. Sitzung ... am 14. Dezember 2004") does
    # not move the title past the body's first line.
    first_body = next(
        (
            i
            for i in range(1, min(len(head.lines), head.limit + 25))
            if _MEETING.match(head.lines[i])
            or _OPENERS.match(head.lines[i])
            or _PARAGRAPH.match(head.lines[i])
            or (_is_sentence(head.lines[i].strip()) and not _DISCLAIMER.match(head.lines[i]))
        ),
        len(head.lines),
    )
    last = max((i for i in out.used if i < first_body), default=-1)
    if out.agenda_line is not None and out.agenda_line == last:
        last = _skip_agenda_title(head, last + 1) - 1
    return last + 1


def _title_segments(
    lines: list[str], start: int, end: int
) -> tuple[list[list[list[str]]], list[str]]:
    """Return the title's blocks of lines, cut at each label ("Note by the Secretariat"),
    and the labels."""
    segments: list[list[list[str]]] = [[]]
    labels: list[str] = []

    def add_label(text: str) -> None:
        if not text.startswith(("[", "(")):
            labels.append(text)
            segments.append([])

    blocks = _blocks(lines, start, end)
    # The block right above "The General Assembly," is the title, full stop or not.
    above_opener = (
        blocks[-1] if blocks and end < len(lines) and _OPENERS.match(lines[end]) else None
    )
    for raw_block in blocks:
        joined = _join_lines(raw_block)
        if _DISCLAIMER.match(joined):
            continue  # a translation service's notice, not the title
        if (_is_sentence(joined) and raw_block is not above_opener) or _CORRIGENDUM.match(joined):
            break  # sentences, or a corrigendum's corrections: the body has begun
        if joined[:1].islower() and _continue(raw_block, segments, labels):
            continue
        if len(raw_block) > 1 and _LABEL.match(joined):
            add_label(joined)  # a label printed over two lines
            continue
        block: list[str] = []
        for line in raw_block:
            if _LABEL.match(line) or (labels and not block and line.startswith("on ")):
                if block:
                    segments[-1].append(block)
                block = []
                add_label(line)
            else:
                block.append(line)
        if block:
            segments[-1].append(block)
    return segments, labels


#: The end of a sentence or of a sentence introducing a list ("... zu wählen:"), not of an
#: abbreviation ("Rev.", "No.").
_SENTENCE_END = re.compile(r"(?:[^\W\d]{3,}|\)|\d{4})[.:;]$")


def _is_sentence(text: str) -> bool:
    """Return whether a block is a sentence of the body rather than a line of a title."""
    if len(text) > 300 and text.count(". ") >= 2:
        return True
    return len(text) >= 80 and bool(_SENTENCE_END.search(text))


def _distinct_blocks(blocks: list[list[str]]) -> list[str]:
    """Return the blocks' texts, dropping a block an earlier one already holds: a joint title
    ("Emergency assistance ... and the situation in Afghanistan ...") before its part's."""
    out: list[str] = []
    for block in blocks:
        text = _join_lines(block)
        core = re.sub(r"^\W*\w+\s+", "", text).casefold()  # without its article
        if len(core) < 20 or not any(core in earlier.casefold() for earlier in out):
            out.append(text)
    return out


def _continue(block: list[str], segments: list[list[list[str]]], labels: list[str]) -> bool:
    """Join a block that starts in lower case to what it continues, over a blank line: the
    title's last block, or the label before it ("Bericht des Generalsekretärs" "über die
    Tätigkeit der Vereinten Nationen"); return whether it was joined."""
    if segments[-1]:
        segments[-1][-1].extend(block)
    elif labels and len(segments) > 1:
        segments[-1].append([labels.pop(), *block])
    else:
        return False
    return True


def _blocks(lines: list[str], start: int, end: int) -> list[list[str]]:
    """Return the stripped lines of `lines[start:end]` grouped at blank lines.

    A bracketed line left open ("[on the report of the ...") runs on to its closing bracket,
    across blank lines, in one block.
    """
    out: list[list[str]] = [[]]
    open_bracket = False
    for line in lines[start:end]:
        text = line.strip()
        if text:
            out[-1].append(text)
            if text.startswith("[") and "]" not in text:
                open_bracket = True
            elif "]" in text:
                open_bracket = False
        elif out[-1] and not open_bracket:
            out.append([])
    return [b for b in out if b]


def _join_lines(lines: list[str]) -> str:
    """Join a block's lines, mending words hyphenated across them ("forty-" "third")."""
    out = ""
    for line in lines:
        out += line if out.endswith("-") and line[:1].islower() else (" " if out else "") + line
    return out


def _skip_agenda_title(head: Header, i: int) -> int:
    """Return the index after an agenda item's title block (to the blank or a label)."""
    while i < len(head.lines) and not head.lines[i].strip():
        i += 1
    start = i
    if head.lines[i : i + 1] and head.lines[i].lstrip().startswith(("[", "(")):
        return i  # no agenda title printed: the bracket names the report (its own block)
    while i < len(head.lines) and head.lines[i].strip():
        line = head.lines[i]
        if i > start and (_LABEL.match(line.strip()) or _OPENERS.match(line)):
            return i
        i += 1
    after = i
    while after < len(head.lines) and not head.lines[after].strip():
        after += 1
    if after < len(head.lines) and head.lines[after].strip()[:1].islower():
        return _skip_agenda_title(head, after)  # the item's title runs on past a blank line
    return i


def _is_running_header(line: str, out: Masthead) -> bool:
    return bool(out.symbol) and line.strip() == out.symbol


_CORRIGENDUM = re.compile(
    r"\s*(?:" + _each_language(lambda lang: lang.corrigendum) + r")\s*$", re.IGNORECASE
)
#: The start of a notice printed above a title, in any language (`Language.disclaimers`).
_DISCLAIMER = re.compile(
    r"\s*(?:" + "|".join(lang.disclaimers for lang in LANGUAGES.values() if lang.disclaimers) + ")",
    re.IGNORECASE,
)
#: Translation-memory markup left in a text (`<0}`, `{0>`, `<}99{>`): what follows the first
#: mark in a title is the memory's, not the title's.
_TM_MARKUP = re.compile(r"<\d+\}|\{\d+>|<\}\d+\{>")


def clean_title(title: str) -> str:
    """Return a title without markup, footnote marks or the resolution number prefix."""
    title = _TM_MARKUP.split(title, maxsplit=1)[0]
    title = title.replace("**", "").replace("__", "")
    title = _RES_NUMBER_PREFIX.sub("", title)
    title = re.sub(r"(?<=\w)\*+|\s\*+(?=\s|$)|[\u2217∗]", "", title)
    title = re.sub(r"(?<=[a-z\)])\d{1,2}(?=$|:|\s)", "", title)  # footnote numbers
    return re.sub(r"\s+", " ", title).strip(" :")


def rule_document_type(head: Header, out: Masthead) -> None:
    """Decide the document type from the symbol, then from label and title words."""
    if out.document_type != "other":
        return
    symbol = out.symbol or ""
    for marker, kind in _SYMBOL_TYPES:
        if marker in symbol:
            out.document_type = kind
            return
    label = out.title_label
    texts = [label, out.title] if label else [out.title]
    for text in texts:
        for kind, pattern in _TYPE_WORDS:
            if text and _rx(pattern).search(text):
                out.document_type = kind
                return
    if re.search(r"/L\.\d", symbol):
        out.document_type = "draft resolution"


RULES: list[tuple[str, Rule]] = [
    ("sc_heading", rule_sc_heading),
    ("symbol", rule_symbol),
    ("distribution", rule_distribution),
    ("original", rule_original),
    ("session", rule_session),
    ("date", rule_date),
    ("session_dates", rule_session_dates),
    ("agenda", rule_agenda),
    ("body", rule_body),
    ("title", rule_title),
    ("document_type", rule_document_type),
]


def read_masthead(lines: list[str], code: str, symbol: str | None = None) -> Masthead:
    """Run every masthead rule over the first lines of a text and return what they read."""
    limit, seen = 0, 0
    while limit < len(lines) and seen < HEADER_LINES:
        if lines[limit].strip():
            seen += 1
            if _OPENERS.match(lines[limit]) or (seen > 3 and _PARAGRAPH.match(lines[limit])):
                break
        limit += 1
    head = Header(lines, code, limit)
    out = Masthead(symbol=symbol)
    for _name, rule in RULES:
        rule(head, out)
    return out
