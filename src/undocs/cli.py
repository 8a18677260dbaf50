"""The `undocs` command: thin commands calling plain functions; errors become exit codes."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from . import __version__
from .archive.quality import gaps
from .build.pipeline import BuildResult, build, check, load_records
from .build.search import SearchIndexError
from .config import CONFIG_FILE, ConfigError
from .model import SetupError, one_line
from .newproject import new_project
from .options import build_options
from .serve import Watcher, serve
from .site.adoptions import adoption_counts
from .site.render import TemplateFailure, shown_path
from .watch import Rebuilds


def _err(message: str) -> None:
    print(message, file=sys.stderr)


def _report(result: BuildResult, seconds: float, strict: bool) -> int:
    for problem in result.problems:
        _err(str(problem))
    again = "" if result.written < 0 else f", {result.written} written again"
    print(
        f"Built {result.documents} documents into {result.pages} pages in {result.out}"
        f"{again} ({seconds:.2f} s, {len(result.problems)} problems reported).",
        flush=True,
    )
    return 1 if strict and result.problems else 0


def _timed(run: Callable[[], Any]) -> tuple[Any, float]:
    start = time.perf_counter()
    return run(), time.perf_counter() - start


def cmd_build(args: argparse.Namespace) -> int:
    """Build the site and report what was written."""
    options = build_options(args)
    progress = None if args.quiet else (lambda msg: _err(f"undocs: {msg}"))
    return _report(*_timed(lambda: build(options, progress)), args.strict)


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve a built site on 127.0.0.1; with --watch, rebuild it on changes."""
    options = build_options(args, reading=args.watch)
    watcher = rebuilds = None
    if args.watch:
        rebuilds = Rebuilds(args, options, lambda run: _report(*_timed(run), False))
        watcher = Watcher(  # watching before the first build: no change falls in between
            rebuilds.folders,
            rebuilds,
            after=rebuilds.flush,
            start=rebuilds.prepare,
            explain=lambda err: _explain(err, "the last good site is still served"),
        )
        if not (options.out / "index.html").is_file():
            _report(*_timed(rebuilds.builder.build), False)
    try:
        serve(options.out, args.port, watcher, options.settings.root_path())
    finally:
        if rebuilds is not None:
            rebuilds.flush()  # the cache of the last build, for the next `undocs build`
    return 0


def cmd_records(args: argparse.Namespace) -> int:
    """Print one JSON record per document under DIR."""
    records, problems = load_records(args.dir)
    for record in records:
        print(json.dumps(record.to_json(), ensure_ascii=False))
    for problem in problems:
        _err(str(problem))
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    """List, per document, what could not be read."""
    records, problems = check(args.dir)
    if args.summary:
        for gap in gaps(records):
            print(f"{gap.name:14} {len(gap.files):7}  {gap.meaning}")
    else:
        for problem in problems:
            print(problem)
    for count in adoption_counts(records):
        print(
            f"{count.body}: adoption read for {count.known} of {count.held} resolutions held "
            f"({count.read} from their own text); {count.recorded} adoptions recorded in other "
            f"texts; {count.votes} with the states' votes"
        )
    print(f"{len(records)} documents read, {len(problems)} problems.")
    return 1 if problems and args.strict else 0


def cmd_new(args: argparse.Namespace) -> int:
    """Write a new project to start an archive from."""
    for note in new_project(args.dir):
        print(note)
    print(
        f"Next: cd {args.dir}, add your document texts to seeds/, then `undocs build` and "
        "`undocs serve`."
    )
    return 0


def parser() -> argparse.ArgumentParser:
    """Return the argument parser of every command."""
    top = argparse.ArgumentParser(
        prog="undocs",
        description="Build a cross-linked, searchable static site from a folder of UN "
        f"document texts. Settings come from {CONFIG_FILE} in the current folder, if "
        "present; flags override them.",
    )
    top.add_argument("--version", action="version", version=f"undocs {__version__}")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")
    config_help = f"settings file (default: {CONFIG_FILE} in the current folder, if present)"

    b = commands.add_parser(
        "build",
        help="build the site from a folder of document texts",
        description="Read every .txt and .md under --seeds, render the site into --out and "
        "index it for search. The site is swapped into --out only when the build succeeds.",
    )
    b.add_argument("--seeds", help="folder of document texts, read recursively (default: seeds/)")
    b.add_argument(
        "--content", help="folder of Markdown pages such as about.md (default: content/)"
    )
    b.add_argument(
        "--templates",
        help="folder of templates overriding the built-in ones by name (default: templates/)",
    )
    b.add_argument("--out", help="output folder (default: _site/)")
    b.add_argument(
        "--base-url",
        help="absolute URL the site will be served from, ending in / "
        "(canonical links, feeds, sitemap)",
    )
    b.add_argument("--config", type=Path, help=config_help)
    b.add_argument("--strict", action="store_true", help="exit 1 if any problem was reported")
    b.add_argument("--quiet", action="store_true", help="print no progress")
    b.add_argument("--no-search", action="store_true", help="skip the Pagefind index")
    b.add_argument(
        "--clean",
        action="store_true",
        help="ignore the cache of the last build: read every file and write every page",
    )
    b.set_defaults(func=cmd_build)

    s = commands.add_parser(
        "serve",
        help="serve the built site on 127.0.0.1",
        description="Serve --out over HTTP on 127.0.0.1 (search works).",
    )
    s.add_argument("--out", help="built site (default: _site/)")
    s.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    s.add_argument("--config", type=Path, help=config_help)
    s.add_argument(
        "--watch",
        action="store_true",
        help="rebuild when a document, page, "
        "template or undocs.yml changes, and reload the browser",
    )
    s.add_argument("--seeds", help="with --watch: folder of document texts (default: seeds/)")
    s.add_argument("--content", help="with --watch: folder of Markdown pages")
    s.add_argument("--templates", help="with --watch: folder of template overrides")
    s.add_argument("--base-url", help=argparse.SUPPRESS)
    s.add_argument("--no-search", action="store_true", help="with --watch: skip Pagefind")
    s.set_defaults(func=cmd_serve)

    r = commands.add_parser(
        "records",
        help="print one JSON record per document",
        description="Parse every document under DIR and print one JSON "
        "record per line (fields of GUIDE.md plus `file`).",
    )
    r.add_argument("dir", type=Path, help="folder of document texts")
    r.set_defaults(func=cmd_records)

    c = commands.add_parser(
        "check",
        help="list what could not be read, per document",
        description="Report files that could not be read, fields not "
        "found and citations that resolve nowhere, as path:line: reason.",
    )
    c.add_argument("dir", type=Path, help="folder of document texts")
    c.add_argument("--strict", action="store_true", help="exit 1 if any problem was reported")
    c.add_argument(
        "--summary",
        action="store_true",
        help="print how many records lack what (undated, untitled, ...) instead of the list",
    )
    c.set_defaults(func=cmd_check)

    n = commands.add_parser(
        "new",
        help="start a new archive project in DIR",
        description="Write a ready project into DIR (new or empty): undocs.yml with every "
        "setting commented, seeds/ with one example document, content/about.md, the GitHub "
        "Pages workflow and a .gitignore.",
    )
    n.add_argument("dir", type=Path, help="folder of the new project")
    n.set_defaults(func=cmd_new)
    return top


def _explain(err: BaseException, after: str | None = None) -> str:
    """Return what to tell the user of an error a command met, as `path:line: reason` where
    it has a place; `after` says what became of the site."""
    if isinstance(err, jinja2.TemplateSyntaxError):
        where = shown_path(err.filename or err.name or "(template)")
        text = f"{where}:{err.lineno}: template error: {err.message}"
    elif isinstance(err, jinja2.TemplateError):
        text = f"undocs: template error: {err}"
    elif isinstance(err, ConfigError | SetupError | TemplateFailure):
        text = str(err)
    elif isinstance(err, OSError | SearchIndexError):
        text = f"undocs: {err}"
    else:
        text = f"undocs: {type(err).__name__}: {err}"
    return one_line(text + (f"; {after}" if after else ""))


#: Errors of the disk a user can mend (full, read-only, not hers to write).
DISK_ERRORS = frozenset(
    {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG}
)

#: Exit codes of the errors a user can mend (anything else is a bug: its traceback is shown).
EXIT_CODES: tuple[tuple[type[BaseException] | tuple[type[BaseException], ...], int], ...] = (
    ((ConfigError, SetupError, jinja2.TemplateError, TemplateFailure), 2),
    ((FileNotFoundError, FileExistsError, NotADirectoryError), 2),
    (SearchIndexError, 3),
)
KEPT = "the previous site was left as it was"


def exit_code(err: BaseException) -> tuple[int, str | None] | None:
    """Return the exit code of an error a user can mend, with what became of the site where
    that is worth saying; None for anything else (a bug)."""
    for kinds, code in EXIT_CODES:
        if isinstance(err, kinds):
            return code, KEPT if isinstance(err, jinja2.TemplateError | TemplateFailure) else None
    if isinstance(err, OSError) and err.errno in DISK_ERRORS:
        return 2, KEPT
    return None


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit code."""
    args = parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        _err("undocs: interrupted; the previous site was left as it was")
        return 130
    except BrokenPipeError:  # `undocs check ... | head`: the reader has what it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as err:
        found = exit_code(err)
        if found is None:
            raise
        code, after = found
        _err(_explain(err, after))
        return code


if __name__ == "__main__":
    sys.exit(main())
