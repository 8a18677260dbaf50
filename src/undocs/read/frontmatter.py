"""YAML front matter: split it from the text and check its fields, with line numbers."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from typing import Any, ClassVar, cast

import yaml

from ..model import DOCUMENT_TYPES, N_, InputError, Problem, problem_at

#: Front matter fields undocs reads, with the type each must have.
FIELDS: dict[str, tuple[type, ...]] = {
    "symbol": (str,),
    "language": (str,),
    "original_language": (str,),
    "date": (str,),
    "distribution": (str,),
    "body": (str,),
    "session": (int,),
    "agenda_items": (list,),
    "title": (str,),
    "document_type": (str,),
    "year": (int,),
    "excerpt": (bool,),
}

#: Each type, as a user would name it (translated where a problem names it: `expected`).
_TYPE_WORDS = {
    str: N_("text"),
    int: N_("a whole number"),
    list: N_('a list, e.g. ["6", "2 (c)"]'),
    bool: N_("true or false"),
}

#: Unknown fields this close to a known one (difflib's ratio) are reported as misspelt; other
#: unknown fields are a catalogue's own (`source:`, `job_number:`) and kept quietly.
MISSPELT = 0.75

_FENCE = re.compile(r"^---[ \t]*$")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


# libyaml's loader where PyYAML was built with it (its wheels are): ten times faster. Dates
# stay text: a loader that made them dates would fail on `2001-13-45` with no line to show.
class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, Any]]]] = {
        first: [(tag, regex) for tag, regex in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


LOADER = _Loader


@dataclass(frozen=True)
class Split:
    """A file's text with its front matter taken off."""

    meta: dict[str, object]
    """The front matter fields as YAML read them (empty without front matter)."""
    text: str
    """The text after the front matter."""
    text_line: int
    """1-based line of the file where `text` starts."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of the file where each field is set."""

    def line(self, key: str) -> int:
        """Return the line of the file setting `key` (1, the opening fence, if none does)."""
        return self.lines.get(key, 1)


_SIMPLE = re.compile(
    r'(?P<key>[A-Za-z_][A-Za-z0-9_]*):[ \t]+(?:"(?P<quoted>[^"\\]*)"'
    r"|(?P<int>[1-9][0-9]{0,8}|0)|(?P<date>\d{4}-\d{2}-\d{2})"
    r"|(?P<plain>[A-Za-z][A-Za-z0-9/._\- ()]*?))[ \t]*"
)
#: Plain words YAML 1.1 reads as something other than text: leave those to the YAML parser.
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n", "~"}
#: The two of them written nearly always, read here as YAML reads them.
_BOOLEANS = {"true": True, "false": False}


def _simple(source: str) -> dict[str, object] | None:
    """Read front matter made only of `key: value` lines without calling YAML, or None.

    Catalogue front matter is nearly always this simple; anything else (lists, quotes with
    escapes, YAML's own words) goes to the YAML parser, which gives the same answer slower.
    """
    meta: dict[str, object] = {}
    for line in source.split("\n"):
        if not line.strip():
            continue
        match = _SIMPLE.fullmatch(line)
        if match is None or match["key"] in meta:
            return None
        if match["plain"] is not None:
            if match["plain"] in _BOOLEANS:  # `excerpt: true`, as YAML reads it
                meta[match["key"]] = _BOOLEANS[match["plain"]]
            elif match["plain"].lower() in _YAML_WORDS:
                return None
            else:
                meta[match["key"]] = match["plain"]
        elif match["int"] is not None:
            meta[match["key"]] = int(match["int"])
        elif match["date"] is not None:
            meta[match["key"]] = match["date"]
        else:
            meta[match["key"]] = match["quoted"]
    return meta


def split(text: str, path: str) -> Split:
    """Split YAML front matter off `text`; raise InputError on bad YAML, naming its line."""
    if not _FENCE.match(text[: text.find("\n") if "\n" in text else len(text)]):
        return Split({}, text, 1)
    closing = re.search(r"^---[ \t]*$", text[text.find("\n") + 1 :], re.MULTILINE)
    if "\n" not in text or closing is None:
        raise InputError(path, 1, "front matter opened with '---' is never closed")
    body_start = text.find("\n") + 1
    source = text[body_start : body_start + closing.start()].rstrip("\n")
    after = body_start + closing.end() + 1
    # lines: 1 the opening fence, then the front matter, then the closing fence
    fence_line = 2 + (source.count("\n") + 1 if source else 0)
    meta = _simple(source)
    if meta is None:
        try:
            meta = yaml.load(source, Loader=LOADER) if source.strip() else {}
        except yaml.YAMLError as err:
            line, problem = yaml_problem(err, source.count("\n") + 1)
            raise InputError(
                path, line + 1, "front matter is not valid YAML: %(problem)s", problem=problem
            ) from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(path, 2, "front matter must be a mapping of field: value")
    lines = {str(key): line_of_key(source, str(key), first=2) for key in meta}
    return Split({str(k): v for k, v in meta.items()}, text[after:], fence_line + 1, lines)


def yaml_problem(err: yaml.YAMLError, lines: int) -> tuple[int, str]:
    """Return the 1-based line of a YAML error in a text of `lines` lines, and what it says,
    with a hint where the usual cause is known."""
    mark = getattr(err, "problem_mark", None)
    if mark is not None and mark.line >= lines:
        # at the end of the text: the construct left open is the better place
        mark = getattr(err, "context_mark", None) or mark
    problem = str(getattr(err, "problem", None) or "invalid YAML")
    if "mapping values are not allowed" in problem:
        problem += (
            "; a value holding a colon must be in quotes, e.g. "
            'title: "Report of the Working Group: Slovenia"'
        )
    return (mark.line + 1 if mark is not None else 1), problem


def read_fields(parts: Split, path: str) -> tuple[dict[str, object], list[Problem]]:
    """Return the document fields of a file's front matter, checked, and what was wrong.

    A field of the wrong type raises InputError (the file cannot be trusted); a value that
    cannot be (a date not in the calendar, an unknown document type) or a misspelt field is
    reported at its line and left out, so the text's own reading stands."""
    out: dict[str, object] = {}
    problems: list[Problem] = []
    for key, value in parts.meta.items():
        line = parts.line(key)
        if key not in FIELDS:
            guess = difflib.get_close_matches(key, FIELDS, n=1, cutoff=MISSPELT)
            if guess:
                problems.append(
                    problem_at(
                        path,
                        line,
                        "front matter field '%(field)s' is not one undocs reads: did you mean "
                        "'%(guess)s'? (ignored)",
                        field=key,
                        guess=guess[0],
                    )
                )
            out[key] = value
            continue
        if value is None:
            out[key] = value
            continue
        if not isinstance(value, FIELDS[key]) or isinstance(value, bool) != (key == "excerpt"):
            raise _wrong_type(path, line, key, value)
        problem = _bad_value(path, line, key, value)
        if problem:
            problems.append(problem)
            continue
        if key == "agenda_items":
            value = [str(v) for v in cast(list[object], value)]
        out[key] = value
    return out, problems


def _bad_value(path: str, line: int, key: str, value: object) -> Problem | None:
    """Return why a field's value (of the right type) cannot be used, or None."""
    if key == "date":
        assert isinstance(value, str)
        if not _ISO_DATE.fullmatch(value.strip()):
            return problem_at(
                path,
                line,
                "front matter field 'date': %(value)s is not a date written YYYY-MM-DD "
                "(e.g. 2019-12-19); ignored",
                value=repr(value),
            )
        try:
            dt.date.fromisoformat(value.strip())
        except ValueError:
            return problem_at(
                path,
                line,
                "front matter field 'date': %(value)s is not a day of the calendar; ignored",
                value=value,
            )
    if key == "document_type" and value not in DOCUMENT_TYPES:
        guess = difflib.get_close_matches(str(value), DOCUMENT_TYPES, n=1, cutoff=0.6)
        if guess:
            return problem_at(
                path,
                line,
                "front matter field 'document_type': %(value)s is not a document type "
                "(did you mean '%(guess)s'? one of: %(types)s); reading it from the text",
                value=repr(value),
                guess=guess[0],
                types=", ".join(DOCUMENT_TYPES),
            )
        return problem_at(
            path,
            line,
            "front matter field 'document_type': %(value)s is not a document type (one of: "
            "%(types)s); reading it from the text",
            value=repr(value),
            types=", ".join(DOCUMENT_TYPES),
        )
    return None


def _wrong_type(path: str, line: int, key: str, value: object) -> InputError:
    """Return the error of a field whose value YAML read as another type than the field's."""
    (expected,) = (_TYPE_WORDS[t] for t in FIELDS[key])  # each field has one type
    if isinstance(value, bool):
        return InputError(
            path,
            line,
            "front matter field '%(field)s' must be %(expected)s, not %(value)s (true or false)",
            field=key,
            expected=expected,
            value=str(value).lower(),
        )
    if isinstance(value, int | float):
        return InputError(
            path,
            line,
            "front matter field '%(field)s' must be %(expected)s, not the number %(value)s",
            field=key,
            expected=expected,
            value=value,
        )
    if isinstance(value, list):
        return InputError(
            path,
            line,
            "front matter field '%(field)s' must be %(expected)s, not a list",
            field=key,
            expected=expected,
        )
    if isinstance(value, dict):
        return InputError(
            path,
            line,
            "front matter field '%(field)s' must be %(expected)s, not a mapping of fields (is a "
            "value holding a colon missing its quotes?)",
            field=key,
            expected=expected,
        )
    if isinstance(value, str):
        return InputError(
            path,
            line,
            "front matter field '%(field)s' must be %(expected)s, not the text %(value)s",
            field=key,
            expected=expected,
            value=repr(value),
        )
    return InputError(
        path,
        line,
        "front matter field '%(field)s' must be %(expected)s, not %(found)s",
        field=key,
        expected=expected,
        found=described(value),
    )


def described(value: object) -> str:
    """Return what kind of value YAML read, in a user's words."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (true or false)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping of fields (is a value holding a colon missing its quotes?)"
    return f"the text {value!r}" if isinstance(value, str) else "that"


def line_of_key(text: str, key: str, first: int = 1) -> int:
    """Return the line of `text` where `key:` is set, counting from `first` (else 1)."""
    for number, line in enumerate(text.split("\n"), start=first):
        if line.startswith(f"{key}:"):
            return number
    return 1
