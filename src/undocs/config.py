"""`undocs.yml`: the site's settings at the project root; command-line flags override it."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

import yaml

from .read.frontmatter import LOADER, described, line_of_key, yaml_problem
from .site.i18n import INTERFACE_LANGUAGES

CONFIG_FILE = "undocs.yml"


class Key(NamedTuple):
    """One key undocs.yml may hold."""

    kind: type
    default: Any
    meaning: str
    """What it means, as errors and docs say it."""


#: Every key undocs.yml may hold.
KEYS: dict[str, Key] = {
    "title": Key(str, "UN Documents Archive", "the site's name, in the header and feeds"),
    "description": Key(
        str,
        "A cross-linked, searchable archive of United Nations session documents.",
        "one sentence on the home page and in page metadata",
    ),
    "base_url": Key(str, "", "the absolute URL the site is served from, ending in /"),
    "language": Key(str, "en", "ISO 639-1 code of the pages at the site's root"),
    "interface_languages": Key(
        list,
        list(INTERFACE_LANGUAGES),
        "the languages the site's pages are written in, a list of codes from "
        + " ".join(INTERFACE_LANGUAGES),
    ),
    "seeds": Key(str, "seeds", "folder of document texts"),
    "content": Key(str, "content", "folder of Markdown pages"),
    "templates": Key(str, "templates", "folder of templates overriding the built-in ones"),
    "out": Key(str, "_site", "output folder"),
}


class ConfigError(ValueError):
    """A bad value in undocs.yml, naming the file, line and key."""


#: The settings that name folders: relative ones are relative to the settings file's folder.
FOLDERS = ("seeds", "content", "templates", "out")


@dataclass(frozen=True)
class Config:
    """The settings read from undocs.yml (defaults where it is silent)."""

    values: dict[str, Any]
    source: str | None
    """The file read, or None when there was none."""
    lines: dict[str, int] = field(default_factory=dict)
    """The line of the file setting each key it sets."""

    def get(self, key: str) -> Any:
        """Return a setting's value."""
        return self.values[key]

    def where(self, key: str) -> str | None:
        """Return `file:line` where the file sets `key`, or None when it does not."""
        return f"{self.source}:{self.lines[key]}" if key in self.lines else None

    def path(self, key: str) -> Path:
        """Return a folder setting as a path: a relative one is taken from the settings
        file's folder (the current folder when there is no file)."""
        value = Path(self.values[key])
        if self.source is None or value.is_absolute():
            return value
        return Path(self.source).parent / value


def load_config(path: Path | None = None) -> Config:
    """Read undocs.yml (or `path`); return defaults if the default file does not exist."""
    explicit = path is not None
    path = path or Path(CONFIG_FILE)
    values = {name: key.default for name, key in KEYS.items()}
    if not path.is_file():
        if explicit:
            raise ConfigError(f"{path}: no such configuration file")
        return Config(values, None)
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = yaml.load(text, Loader=LOADER) if text.strip() else {}
    except yaml.YAMLError as err:
        line, problem = yaml_problem(err, text.count("\n") + 1)
        raise ConfigError(f"{path}:{line}: not valid YAML: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: must be a mapping of key: value")
    lines = {}
    for key, value in data.items():
        line = line_of_key(text, str(key))
        if key not in KEYS:
            guess = difflib.get_close_matches(str(key), KEYS, n=1, cutoff=0.6)
            hint = f"did you mean '{guess[0]}'? " if guess else ""
            known = ", ".join(KEYS)
            raise ConfigError(f"{path}:{line}: unknown key '{key}' ({hint}known keys: {known})")
        kind, meaning = KEYS[key].kind, KEYS[key].meaning
        if not isinstance(value, kind):
            must = "a list such as [en, fr]" if kind is list else "text"
            hint = "" if kind is list else "; put it in quotes"
            raise ConfigError(
                f"{path}:{line}: key '{key}' ({meaning}) must be {must}, not "
                f"{described(value)}{hint}"
            )
        check_value(str(key), value, f"{path}:{line}")
        values[str(key)] = value
        lines[str(key)] = line
    return Config(values, str(path), lines)


def check_value(key: str, value: Any, where: str) -> None:
    """Raise ConfigError if a setting's value is unusable."""
    if key == "base_url" and value and not re.fullmatch(r"https?://[^\s/]+(/[^\s]*)?/", value):
        raise ConfigError(
            f"{where}: key 'base_url' must be an absolute http(s) URL ending in "
            f"/ (e.g. https://user.github.io/repo/), not {value!r}"
        )
    if key == "language" and not re.fullmatch(r"[a-z]{2,3}", value):
        raise ConfigError(
            f"{where}: key 'language' must be an ISO 639-1 code such as en, not {value!r}"
        )
    if key == "interface_languages":
        unknown = [str(code) for code in value if code not in INTERFACE_LANGUAGES]
        if unknown or not value or len(set(value)) != len(value):
            why = f"has no interface in {', '.join(unknown)}" if unknown else "repeats a language"
            raise ConfigError(
                f"{where}: key 'interface_languages' must list languages undocs has an "
                f"interface in ({' '.join(INTERFACE_LANGUAGES)}), each once; "
                + ("it is empty" if not value else f"it {why}")
            )
        return
    if key in ("title", "seeds", "out") and not value.strip():
        raise ConfigError(f"{where}: key '{key}' must not be empty")
