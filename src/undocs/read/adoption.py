"""How a resolution was adopted: the meeting, its date and the vote, as the texts print them.

A Security Council resolution ends with its adoption ("Adopted unanimously at the 3124th
meeting", "Adopted at the 219th meeting by 7 votes to 1 (Poland), with 3 abstentions
(Colombia, Syria, Union of Soviet Socialist Republics)", "Auf der 3868. Sitzung mit 14
Stimmen ohne Gegenstimme bei einer Enthaltung (China) verabschiedet.", "安全理事会2015年1月22日
第7366次会议通过"); a General Assembly or ECOSOC resolution with its plenary meeting and date
("52nd plenary meeting 1 December 2025", "83. Plenarsitzung 20. Dezember 2006", "51e séance
plénière", "第51次全体会议"); a Human Rights Council session report with, for each draft,
the recorded vote ("In favour: ... Against: ... Abstaining: ...") and the outcome ("adopted
the draft resolution by 24 votes to 4, with 19 abstentions (resolution 43/2)").

`adoption_of` reads a resolution's own text; `adoptions_in` a report's. States are kept as
printed (`lang.states.JOINED` tells which names are one state). A count that disagrees with the list
printed beside it is a `Problem`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from typing import cast

from ..lang.dates import find_date
from ..lang.languages import normalise_digits
from ..lang.states import JOINED
from ..model import N_, Adoption, Problem, problem_at

#: Counts printed as words (and the OCR's `I` and `l` for 1).
_WORDS = {
    "none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "i": 1, "l": 1,
    "keine": 0, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
}  # fmt: skip

_COUNT = r"(?:\d{1,3}|[A-Za-zü]+)"
#: A meeting's ordinal as the English texts print it, OCR slips included ("3rd", "2Ith", "47h").
_ORDINAL = r"(?P<meeting>[\dIli]{1,5})\s?(?:st|nd|rd|th|h|d)?_?"

_SC = {
    "en": re.compile(
        r"(?m)^[ \t]*(?:Adopted|Approved)\s+(?P<how>unanimously\s+|without\s+(?:a\s+)?v[ao]te\s+)?"
        r"(?:by\s+the\s+Security\s+Council\s+)?(?:at|a[it])?\s*(?:the|its)\s+"
        + _ORDINAL
        + r"\s+meet(?:-\s*)?ing"
    ),
    "de": re.compile(
        r"Auf\s+der\s+(?P<meeting>\d{1,5})\.\s+Sitzung\s+(?:des\s+Sicherheitsrats\s+)?"
        r"(?P<rest>[^.]{0,300}?)\s*verabschiedet"
    ),
    "fr": re.compile(
        r"Adoptée\s+(?P<how>à\s+l.unanimité\s+)?(?:par\s+le\s+Conseil\s+de\s+sécurité\s+)?"
        r"à\s+sa\s+(?P<meeting>\d{1,5})e\s+séance"
    ),
    "es": re.compile(
        r"Aprobada\s+(?P<how>por\s+unanimidad\s+)?(?:por\s+el\s+Consejo\s+de\s+Seguridad\s+)?"
        r"en\s+su\s+(?P<meeting>\d{1,5})\s?[aª]\s+sesión"
    ),
    "ru": re.compile(
        r"[Пп]ринят\w*\s+(?P<how>единогласно\s+)?Советом\s+Безопасности\s+на\s+его\s+"
        r"(?P<meeting>\d{1,5})\s?-?м\s+заседании"
    ),
    "ar": re.compile(
        r"اتخذه\s+مجلس\s+الأمن\s+(?P<how>بالإجماع\s+)?في\s+جلسته\s+(?P<meeting>\d{1,5})"
    ),
    "zh": re.compile(
        r"安全理事会(?P<pre>[^第。]{0,20})第(?P<meeting>\d{1,5})次会议(?P<how>一致)?通过"
    ),
}

#: The heading line of a Security Council resolution that prints its meeting under its
#: number rather than after its text (the German translations of 2000-2009: "verabschiedet
#: auf der 4088. Sitzung des Sicherheitsrats", its date after it or on a line of its own).
_SC_HEADING = {
    "de": re.compile(
        r"(?m)^[ \t]*[Vv]erabschiedet\s+auf\s+der\s+(?P<meeting>\d{1,5})\.\s+Sitzung\s+"
        r"des\s+Sicherheitsrats\b"
    ),
}

#: The plenary meeting line closing a General Assembly or ECOSOC resolution.
_PLENARY = {
    "en": r"(?P<meeting>\d{1,4})(?:st|nd|rd|th)\s+plenary\s+meeting",
    "fr": r"(?P<meeting>\d{1,4})(?:e|re|ème)\s+séance\s+plénière",
    "es": r"(?P<meeting>\d{1,4})\s?[aª]\s+sesión\s+plenaria",
    "ru": r"(?P<meeting>\d{1,4})\s?-?[еe]\s+пленарное\s+заседание",
    "de": r"(?P<meeting>\d{1,4})\.\s+Plenarsitzung",
    "ar": r"الجلسة\s+العامة\s+(?P<meeting>\d{1,4})",
    "zh": r"第(?P<meeting>\d{1,4})次全体会议",
}
#: The meeting line closing a Human Rights Council resolution ("44th meeting 19 June 2020").
_COUNCIL = {
    "en": r"(?P<meeting>\d{1,3})(?:st|nd|rd|th)\s+meeting",
    "fr": r"(?P<meeting>\d{1,3})(?:e|re)\s+séance",
    "es": r"(?P<meeting>\d{1,3})\s?[aª]\s+sesión",
    "ru": r"(?P<meeting>\d{1,3})\s?-?[еe]\s+заседание",
    "ar": r"الجلسة\s+(?P<meeting>\d{1,3})",
    "zh": r"第(?P<meeting>\d{1,3})次会议",
}


def _closing(patterns: dict[str, str]) -> dict[str, re.Pattern[str]]:
    """A meeting line on its own line, or glued after the last paragraph by a PDF's
    extraction, its date following."""
    return {
        code: re.compile(rf"(?m)(?:^[ \t]*|(?<=[.”\"。] )){pattern}[ \t,]*(?P<date>[^\n]*)$")
        for code, pattern in patterns.items()
    }


_PLENARY_LINE = _closing(_PLENARY)
_COUNCIL_LINE = _closing(_COUNCIL)

#: "by 7 votes to 1 (Poland), with 3 abstentions (...)": the counts, and where each list of
#: states opens (its parenthesis is read by `_parenthesised`).
_EN_VOTE = re.compile(
    rf"^[,\s]*by\s+(?P<for>{_COUNT})\s+votes?(?:\s+[ti][o0]\s+(?P<against>{_COUNT}))?"
    r"(?P<against_list>\s*\()?"
)
_EN_ABSTAIN = re.compile(
    rf"^[)\s]*[,.]?\s*with\s+(?P<abst>{_COUNT})\s+abstentions?(?P<list>\s*\()?"
)
_DE_VOTE = re.compile(
    rf"mit\s+(?P<for>{_COUNT})\s+Stimmen(?:\s+ohne\s+Gegenstimmen?|"
    rf"\s+gegen\s+(?P<against>{_COUNT})(?:\s+Stimmen?)?(?P<against_list>\s*\()?)?"
)
_DE_ABSTAIN = re.compile(rf"bei\s+(?P<abst>{_COUNT})\s+Enthaltung(?:en)?(?P<list>\s*\()?")

#: A report's record of an adoption: "the Human Rights Council adopted the draft resolution
#: as orally revised by 23 votes to 16, with 8 abstentions (resolution 43/21)".
_REPORTED = re.compile(
    r"adopted\s+the\s+draft\s+(?P<kind>resolution|decision)\s*,?\s*"
    r"(?:as\s+(?:orally\s+)?(?:revised|amended)\s*,?\s*)?"
    r"(?:(?P<novote>without\s+a\s+vote)|(?P<silence>by\s+silence\s+procedure)|"
    rf"by\s+(?P<for>{_COUNT})\s+votes?\s+to\s+(?P<against>{_COUNT})"
    rf"(?:\s*,?\s*with\s+(?P<abst>{_COUNT})\s+abstentions?)?)\s*"
    r"\(\s*(?:resolution|decision)\s+(?P<number>\d{1,3}/\d{1,3}[A-Z]?)\s*\)"
)
_RECORDED = re.compile(r"recorded\s+vote\s+was\s+taken")
_LISTS = re.compile(r"(?P<label>In\s+favour|Against|Abstaining)\s*:")
_MEETING_ON = re.compile(
    r"At\s+the\s+(?P<meeting>\d{1,3})(?:st|nd|rd|th)\s+meeting,\s+on\s+(?P<date>[^,]{6,30}\d{4})"
)
_DRAFT = re.compile(r"draft\s+(?:resolution|decision)\s+(?P<symbol>A/HRC/\d+/L\.\d+(?:/Rev\.\d+)?)")
#: A page's running header or number inside a list of states: a line of digits or a symbol.
_HEADER_LINE = re.compile(r"(?m)^[ \t\f]*(?:\d{1,4}|[A-Z]{1,6}(?:/[\w.]+)+)[ \t]*$")


def adoption_of(
    text: str,
    code: str,
    symbol: str | None,
    body: str | None,
    date: str | None,
    line_of: Callable[[int], int],
    name: str,
) -> tuple[Adoption | None, list[Problem]]:
    """Return how the resolution whose text this is was adopted, read from the last adoption
    line it prints, or None; `problems` names (by line) counts that disagree with lists.
    `line_of`: the source file's line of an offset in `text` (the loader's)."""
    if not symbol or "/RES/" not in symbol or not body:
        return None, []
    if symbol.startswith("S/"):
        found = _security_council(text, code)
    else:
        lines = _COUNCIL_LINE if body == "Human Rights Council" else _PLENARY_LINE
        found = _closing_meeting(text, code, lines)
    if found is None:
        return None, []
    fields, start = found
    number = fields.pop("meeting")
    meeting = _number(str(number)) if number is not None else None
    printed = cast(str | None, fields.pop("date", None))
    adoption = Adoption(
        body=body,
        meeting=meeting,
        record=meeting_record(body, meeting, symbol.partition("/RES/")[2], printed or date),
        date=printed or date,
        line=line_of(start),
        **fields,  # type: ignore[arg-type]
    )
    return adoption, _disagreements(name, adoption, symbol)


def meeting_record(body: str, meeting: int | None, number: str, date: str | None) -> str | None:
    """Return the symbol of a meeting's record (`S/PV.3124`, `A/80/PV.52`, `A/HRC/43/SR.44`,
    `E/2015/SR.51`), given the number of the resolution adopted there (`80/1`, `43/2`,
    `2015/36`: its session, or for ECOSOC its year, comes first; else the date's year)."""
    if meeting is None:
        return None
    if body == "Security Council":
        return f"S/PV.{meeting}"
    session = number.split("/")[0]
    if not session.isdigit():
        session = (date or "")[:4] if body == "Economic and Social Council" else ""
    if not session:
        return None
    return _RECORDS.get(body, "").format(session=session, meeting=meeting) or None


#: The symbol of a meeting's record, by the body meeting.
_RECORDS = {
    "General Assembly": "A/{session}/PV.{meeting}",
    "Human Rights Council": "A/HRC/{session}/SR.{meeting}",
    "Economic and Social Council": "E/{session}/SR.{meeting}",
}


def _security_council(text: str, code: str) -> tuple[dict[str, object], int] | None:
    pattern = _SC.get(code)
    matches = list(pattern.finditer(text)) if pattern else []
    if not matches:
        return _sc_heading(text, code)
    return _sc_fields(matches[-1], text, code), matches[-1].start()


def _sc_heading(text: str, code: str) -> tuple[dict[str, object], int] | None:
    """Read the meeting and date a resolution's heading prints (`_SC_HEADING`): no outcome
    is printed there."""
    pattern = _SC_HEADING.get(code)
    match = pattern.search(text[:3000]) if pattern else None
    if match is None:
        return None
    fields: dict[str, object] = {"meeting": match.group("meeting"), "outcome": ""}
    after = text[match.end() : match.end() + 80]
    found = find_date(after, code)
    if found and re.fullmatch(r"\s*am\s*", after[: found[1]]):
        fields["date"] = found[0]
    return fields, match.start()


def _sc_fields(match: re.Match[str], text: str, code: str) -> dict[str, object]:
    """Return the meeting, outcome, counts, states and date an adoption line prints."""
    after = text[match.end() : match.end() + 600]
    fields: dict[str, object] = {"meeting": match.group("meeting"), "outcome": ""}
    how = (match.groupdict().get("how") or "").strip().lower()
    if how:
        fields["outcome"] = "without a vote" if how.startswith("without") else "unanimously"
    if code == "en":
        if not fields["outcome"]:
            fields.update(_english_vote(after))
        found = find_date(after[:60], code)
        if found and re.match(r"[,\s]*(?:held\s+)?on\s", after):
            fields["date"] = found[0]
    elif code == "de":
        fields.update(_german_vote(match.group("rest") + " " + after[:300]))
    else:
        found = find_date(
            (match.groupdict().get("pre") or "") if code == "zh" else after[:80], code
        )
        if found:
            fields["date"] = found[0]
    return fields


def _english_vote(after: str) -> dict[str, object]:
    """Read "by 12 votes to 2 (...), with 1 abstention (...)" or "by consensus" after the
    meeting."""
    head = after.lstrip(" ,\n")
    if re.match(r"by\s+consensus", head):
        return {"outcome": "by consensus"}
    if re.match(r"without\s+(?:a\s+)?vote", head):
        return {"outcome": "without a vote"}
    vote = _EN_VOTE.match(after)
    if vote is None or _count(vote.group("for")) is None:
        return {}
    out: dict[str, object] = {"outcome": "by a vote", "in_favour": _count(vote.group("for"))}
    rest = after[vote.end() :]
    if vote.group("against") is not None:
        out["against"] = _count(vote.group("against"))
    if vote.group("against_list"):
        names, rest = _parenthesised(rest)
        out["states_against"] = split_states(names, "en")
    abstain = _EN_ABSTAIN.match(rest)
    if abstain and _count(abstain.group("abst")) is not None:
        out["abstaining"] = _count(abstain.group("abst"))
        if abstain.group("list"):
            names, _ = _parenthesised(rest[abstain.end() :])
            out["states_abstaining"] = split_states(names, "en")
    elif "against" in out:
        out["abstaining"] = 0
    return out


def _german_vote(rest: str) -> dict[str, object]:
    rest = " ".join(rest.split())
    if rest.startswith("einstimmig"):
        return {"outcome": "unanimously"}
    if rest.startswith("ohne Abstimmung"):
        return {"outcome": "without a vote"}
    vote = _DE_VOTE.match(rest)
    if vote is None or _count(vote.group("for")) is None:
        return {}
    out: dict[str, object] = {"outcome": "by a vote", "in_favour": _count(vote.group("for"))}
    out["against"] = _count(vote.group("against")) if vote.group("against") else 0
    tail = rest[vote.end() :]
    if vote.group("against_list"):
        names, tail = _parenthesised(tail)
        out["states_against"] = split_states(names, "de")
    abstain = _DE_ABSTAIN.search(tail[:120])
    if abstain and _count(abstain.group("abst")) is not None:
        out["abstaining"] = _count(abstain.group("abst"))
        if abstain.group("list"):
            names, _ = _parenthesised(tail[abstain.end() :])
            out["states_abstaining"] = split_states(names, "de")
    else:
        out["abstaining"] = 0
    return out


def _closing_meeting(
    text: str, code: str, lines: dict[str, re.Pattern[str]]
) -> tuple[dict[str, object], int] | None:
    pattern = lines.get(code)
    if pattern is None:
        return None
    matches = list(pattern.finditer(normalise_digits(text) if code == "ar" else text))
    if not matches:
        return None
    match = matches[-1]
    fields: dict[str, object] = {"meeting": match.group("meeting"), "outcome": ""}
    # the date follows on the line, or on the next
    following = text[match.start("date") : match.start("date") + 120]
    found = find_date(following, code)
    if found and not following[: found[1]].strip(" \t\n,"):
        fields["date"] = found[0]
    return fields, match.start()


def adoptions_in(
    text: str,
    code: str,
    body: str | None,
    symbol: str | None,
    line_of: Callable[[int], int],
    name: str,
) -> tuple[tuple[Adoption, ...], list[Problem]]:
    """Return the adoptions of other texts this one records: each draft a Human Rights
    Council session report says was adopted (with its draft, meeting and recorded vote where
    the paragraphs before it print them), each resolution of a Security Council compilation
    (`S/INF/54`: "Resolution 1147 (1998) vom 13. Januar 1998 ... Auf der 3847. Sitzung
    einstimmig verabschiedet.")."""
    if symbol and "/RES/" in symbol:
        return (), []
    if body == "Human Rights Council" and "adopted the draft" in text:
        found = _reported(text, body, line_of)
    elif body == "Security Council" and code in _SC:
        found = _compiled(text, code, line_of)
    else:
        return (), []
    problems = [
        problem
        for adoption in found
        for problem in _disagreements(name, adoption, f"{adoption.kind} {adoption.number}")
    ]
    return tuple(found), problems


#: A resolution's heading in a compilation: "Resolution 1147 (1998)", its date below.
_HEADING = re.compile(
    r"(?m)^[ \t]*Resolution\s+(?P<number>\d{1,4})\s*\((?P<year>\d{4})\)"
    r"(?:[ \t]+(?:vom|of)[ \t]+[^\n]{6,24})?[ \t]*$"
)


def _compiled(text: str, code: str, line_of: Callable[[int], int]) -> list[Adoption]:
    headings = list(_HEADING.finditer(text))
    if not headings:
        return []
    out: list[Adoption] = []
    starts = [h.start() for h in headings]
    for match in _SC[code].finditer(text):
        i = bisect_right(starts, match.start()) - 1
        if i < 0:
            continue
        heading = headings[i]
        number = f"{heading.group('number')} ({heading.group('year')})"
        if out and out[-1].number == number:
            continue  # the first adoption line after a heading is its resolution's
        fields = _sc_fields(match, text, code)
        meeting = _number(str(fields.pop("meeting")))
        found = find_date(text[heading.start() : heading.end() + 60], code)
        date = cast(str | None, fields.pop("date", None)) or (found[0] if found else None)
        out.append(
            Adoption(
                body="Security Council",
                meeting=meeting,
                record=meeting_record("Security Council", meeting, number, date),
                date=date,
                line=line_of(match.start()),
                number=number,
                **fields,  # type: ignore[arg-type]
            )
        )
    return out


def _reported(text: str, body: str, line_of: Callable[[int], int]) -> list[Adoption]:
    out: list[Adoption] = []
    previous = 0
    meeting: tuple[int, str | None] | None = None
    for match in _REPORTED.finditer(text):
        window = text[previous : match.start()]
        for said in _MEETING_ON.finditer(window):
            found = find_date(said.group("date"), "en")
            meeting = (int(said.group("meeting")), found[0] if found else None)
        drafts = _DRAFT.findall(window)
        recorded = list(_RECORDED.finditer(window))
        lists = _vote_lists(window[recorded[-1].end() :]) if recorded else {}
        voted = match.group("for") is not None
        number = match.group("number")
        held, date = meeting or (None, None)
        out.append(
            Adoption(
                body=body,
                meeting=held,
                record=meeting_record(body, held, number, date),
                date=date,
                outcome="by a vote" if voted else "without a vote",
                in_favour=_count(match.group("for")),
                against=_count(match.group("against")),
                abstaining=(_count(match.group("abst")) or 0) if voted else None,
                states_in_favour=lists.get("In favour", ()),
                states_against=lists.get("Against", ()),
                states_abstaining=lists.get("Abstaining", ()),
                line=line_of(match.start()),
                number=number,
                kind=match.group("kind"),
                draft=drafts[0] if drafts else None,
            )
        )
        previous = match.end()
    return out


def _vote_lists(window: str) -> dict[str, tuple[str, ...]]:
    """Read "In favour: ... Against: ... Abstaining: ..." from a report's recorded vote."""
    window = _HEADER_LINE.sub(" ", window)
    labels = list(_LISTS.finditer(window))
    out: dict[str, tuple[str, ...]] = {}
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(window)
        names = window[label.end() : end]
        # the list ends where the next numbered paragraph begins
        names = re.split(r"\s\d{1,4}\.\s", names, maxsplit=1)[0]
        out[" ".join(label.group("label").split())] = split_states(names, "en")
    return out


_AND = {"en": " and ", "de": " und "}


def split_states(names: str, code: str) -> tuple[str, ...]:
    """Return the states of a printed list ("Colombia, Syria and the Union of Soviet
    Socialist Republics"), each as printed, without a leading "the"; a long name broken by
    the OCR ("United. Kingdom of Great Britain and Northern, Ireland") is read whole, and a
    footnote mark inside the list is dropped."""
    text = " ".join(names.split()).strip(" .;,")
    text = re.sub(r"(?<=\w)[’'](?=\s)|(?<=\s)\d{1,3}(?=\s)", "", text)
    if not text:
        return ()
    for i, (_, pattern) in enumerate(JOINED):
        text = pattern.sub(f"\x00{i}\x00", text)
    parts: list[str] = []
    for part in re.split(r"\s*[,;]\s*|(?<=[a-z])\.\s+", text):
        parts += [p for p in part.split(_AND.get(code, " and ")) if p.strip()]
    out = []
    for part in parts:
        part = re.sub(r"\x00(\d+)\x00", lambda m: JOINED[int(m.group(1))][0], part).strip(" .")
        part = re.sub(r"^(?:and|und)\s+", "", part)
        part = re.sub(r"^(?:the|die|der|das)\s+", "", part)
        if part:
            out.append(part)
    return tuple(out)


def _parenthesised(text: str) -> tuple[str, str]:
    """Return what stands inside the parenthesis opened just before `text` (nested ones
    kept), and what follows it."""
    depth = 1
    for i, char in enumerate(text[:800]):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return re.sub(r"-[ \t]*\n\s*(?=[a-z])", "", text[:i]), text[i + 1 :]
    return "", text


def _count(word: str | None) -> int | None:
    if word is None:
        return None
    if word.isdigit():
        return int(word)
    return _WORDS.get(word.lower())


def _number(text: str) -> int | None:
    digits = text.replace("I", "1").replace("l", "1").replace("i", "1")
    return int(digits) if digits.isdigit() else None


#: What a problem says when a vote's count disagrees with the states listed beside it, for
#: the votes in favour, against and abstaining.
_DISAGREEING = (
    N_("the vote on %(what)s counts %(count)s in favour but lists %(listed)s states"),
    N_("the vote on %(what)s counts %(count)s against but lists %(listed)s states"),
    N_("the vote on %(what)s counts %(count)s abstaining but lists %(listed)s states"),
)


def _disagreements(name: str, adoption: Adoption, what: str) -> list[Problem]:
    """Return where the counts and the lists printed beside them disagree, if they do."""
    out = []
    for message, count, states in zip(
        _DISAGREEING,
        (adoption.in_favour, adoption.against, adoption.abstaining),
        (adoption.states_in_favour, adoption.states_against, adoption.states_abstaining),
        strict=True,
    ):
        if count is not None and states and count != len(states):
            out.append(
                problem_at(name, adoption.line, message, what=what, count=count, listed=len(states))
            )
    return out
