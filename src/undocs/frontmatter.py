"""YAML front matter: split it from the text and check its fields, with line numbers."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

import yaml

from .model import InputError

#: Front matter fields undocs reads, with the type each must have.
FIELDS: dict[str, tuple[type, ...]] = {
    "symbol": (str,),
    "language": (str,),
    "original_language": (str,),
    "date": (str, dt.date),
    "distribution": (str,),
    "body": (str,),
    "session": (int,),
    "agenda_items": (list,),
    "title": (str,),
    "document_type": (str,),
    "year": (int,),
    "excerpt": (bool,),
}

_FENCE = re.compile(r"^---[ \t]*$")
# libyaml's loader where PyYAML was built with it (its wheels are): ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Split:
    """A file's text with its front matter taken off."""

    meta: dict[str, object]
    """The front matter fields (empty without front matter)."""
    text: str
    """The text after the front matter."""
    text_line: int
    """1-based line of the file where `text` starts."""


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
            meta = yaml.load(source, Loader=_LOADER) if source.strip() else {}
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            if mark is not None and mark.line >= source.count("\n") + 1:
                # at the end of the front matter: the construct left open is the better place
                mark = getattr(err, "context_mark", None) or mark
            line = mark.line + 2 if mark is not None else 1
            problem = getattr(err, "problem", None) or "invalid YAML"
            raise InputError(path, line, f"front matter is not valid YAML: {problem}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise InputError(path, 2, "front matter must be a mapping of field: value")
    return Split(check(meta, path, source), text[after:], fence_line + 1)


def check(meta: dict[object, object], path: str, source: str) -> dict[str, object]:
    """Return the known fields of `meta` with their values checked; raise on a wrong type."""
    out: dict[str, object] = {}
    for key, value in meta.items():
        key = str(key)
        if key not in FIELDS or value is None:
            out[key] = value
            continue
        if not isinstance(value, FIELDS[key]) or isinstance(value, bool) != (key == "excerpt"):
            expected = " or ".join(t.__name__ for t in FIELDS[key])
            raise InputError(
                path,
                line_of_key(source, key, first=2),
                f"front matter field '{key}' must be {expected}, not {type(value).__name__}",
            )
        if key == "date" and isinstance(value, dt.date):
            value = value.isoformat()
        if key == "agenda_items":
            value = [str(v) for v in value]  # type: ignore[union-attr]
        out[key] = value
    return out


def line_of_key(text: str, key: str, first: int = 1) -> int:
    """Return the line of `text` where `key:` is set, counting from `first` (else 1)."""
    for number, line in enumerate(text.split("\n"), start=first):
        if line.startswith(f"{key}:"):
            return number
    return 1
