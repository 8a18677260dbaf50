"""`undocs.yml`: the site's settings at the project root; command-line flags override it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .frontmatter import line_of_key

CONFIG_FILE = "undocs.yml"

#: Every key undocs.yml may hold: its type, default, and what it means (shown in errors/docs).
KEYS: dict[str, tuple[type, Any, str]] = {
    "title": (str, "UN Documents Archive", "the site's name, in the header and feeds"),
    "description": (
        str,
        "A cross-linked, searchable archive of United Nations session documents.",
        "one sentence on the home page and in page metadata",
    ),
    "base_url": (str, "", "the absolute URL the site is served from, ending in /"),
    "language": (str, "en", "ISO 639-1 code of the interface (pages that are not documents)"),
    "seeds": (str, "seeds", "folder of document texts"),
    "content": (str, "content", "folder of Markdown pages"),
    "templates": (str, "templates", "folder of templates overriding the built-in ones"),
    "out": (str, "_site", "output folder"),
}


class ConfigError(ValueError):
    """A bad value in undocs.yml, naming the file, line and key."""


@dataclass(frozen=True)
class Config:
    """The settings read from undocs.yml (defaults where it is silent)."""

    values: dict[str, Any]
    source: str | None
    """The file read, or None when there was none."""

    def get(self, key: str) -> Any:
        """Return a setting's value."""
        return self.values[key]


def load_config(path: Path | None = None) -> Config:
    """Read undocs.yml (or `path`); return defaults if the default file does not exist."""
    explicit = path is not None
    path = path or Path(CONFIG_FILE)
    values = {key: default for key, (_, default, _) in KEYS.items()}
    if not path.is_file():
        if explicit:
            raise ConfigError(f"{path}: no such configuration file")
        return Config(values, None)
    text = path.read_text(encoding="utf-8-sig")
    try:
        data = yaml.safe_load(text) if text.strip() else {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ConfigError(
            f"{path}:{line}: not valid YAML: {getattr(err, 'problem', err)}"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1: must be a mapping of key: value")
    for key, value in data.items():
        line = line_of_key(text, str(key))
        if key not in KEYS:
            known = ", ".join(KEYS)
            raise ConfigError(f"{path}:{line}: unknown key '{key}' (known keys: {known})")
        kind, _, meaning = KEYS[key]
        if not isinstance(value, kind):
            raise ConfigError(
                f"{path}:{line}: key '{key}' must be a {kind.__name__} "
                f"({meaning}), not {type(value).__name__}"
            )
        check_value(str(key), value, f"{path}:{line}")
        values[str(key)] = value
    return Config(values, str(path))


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
    if key in ("title", "seeds", "out") and not value.strip():
        raise ConfigError(f"{where}: key '{key}' must not be empty")
