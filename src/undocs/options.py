"""A build's options, from flags first, then `undocs.yml`, then defaults."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .build.pipeline import BuildOptions
from .config import CONFIG_FILE, Config, check_value, load_config
from .model import SetupError
from .site.render import Settings


def config_path(args: argparse.Namespace) -> Path:
    """Return the settings file a command reads (or would read, once it exists)."""
    return Path(args.config) if getattr(args, "config", None) else Path(CONFIG_FILE)


def _setting(args: argparse.Namespace, config: Config, key: str) -> Any:
    """Return a flag's value if given, else undocs.yml's (flags override the file)."""
    value = getattr(args, key, None)
    if value is None:
        return config.get(key)
    if isinstance(value, str):
        check_value(key, value, f"--{key.replace('_', '-')}")
    return value


def build_options(args: argparse.Namespace, reading: bool = True) -> BuildOptions:
    """Return the build's options: flags first, then undocs.yml, then defaults.

    `reading`: the command reads the sources (build, serve --watch); then a folder that is
    missing but was asked for, by a flag or in undocs.yml, is an error (SetupError)."""
    config = load_config(args.config)
    seeds = _folder(args, config, "seeds", "folder of documents", reading)
    templates = _folder(args, config, "templates", "folder of templates", reading)
    content = _folder(args, config, "content", "folder of Markdown pages", reading)
    settings = Settings(
        title=config.get("title"),
        description=config.get("description"),
        base_url=_setting(args, config, "base_url"),
        language=config.get("language"),
        interface_languages=tuple(config.get("interface_languages")),
        templates=templates if templates.is_dir() else None,
        search=not getattr(args, "no_search", False),
    )
    return BuildOptions(
        seeds=seeds,
        out=_folder(args, config, "out", "output folder", False),
        settings=settings,
        content=content,
        clean=getattr(args, "clean", False),
        config=Path(config.source) if config.source else None,
    )


def _folder(args: argparse.Namespace, config: Config, key: str, what: str, required: bool) -> Path:
    """Return a folder setting: a flag's, relative to the current folder, else undocs.yml's,
    relative to the file's folder. With `required`, raise SetupError when the folder is
    missing and was asked for (by a flag or in undocs.yml), or is the documents' folder."""
    flag = getattr(args, key, None)
    if flag is not None:
        check_value(key, flag, f"--{key}")
        path, named = Path(flag), f"--{key} {flag}"
    elif config.where(key):
        path, named = config.path(key), f"{config.where(key)}: {key}: {config.get(key)}"
    else:
        path, named = config.path(key), None
    if required and not path.is_dir() and (named or key == "seeds"):
        if named is None:
            raise SetupError(
                f"{path}: no {what} here; give one with --{key} DIR or with {key}: in {CONFIG_FILE}"
            )
        relative = " (relative to the settings file's folder)" if flag is None else ""
        raise SetupError(f"{named}: no such {what}{relative}")
    return path
