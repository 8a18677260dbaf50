"""`undocs serve --watch`: one Builder kept between rebuilds, and the settings read again
whenever `undocs.yml` changes (a bad edit is reported and the last good site kept)."""

from __future__ import annotations

import argparse
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from .build.pipeline import Builder, BuildOptions, BuildResult
from .model import SetupError
from .options import build_options, config_path


class Rebuilds:
    """What the watcher calls: rebuilds with the settings of the moment."""

    def __init__(
        self,
        args: argparse.Namespace,
        options: BuildOptions,
        report: Callable[[Callable[[], BuildResult]], object],
    ) -> None:
        """`report` runs a build and tells the user what it built."""
        self.args = args
        self.report = report
        self.config = config_path(args)
        self.builder = Builder(options, defer_saving=True)

    def folders(self) -> list[Path]:
        """Return what to watch: the documents, pages, templates and the settings file."""
        options = self.builder.options
        watched = [options.seeds, self.config]
        if options.content is not None:
            watched.append(options.content)
        if options.settings.templates is not None:
            watched.append(options.settings.templates)
        return watched

    def __call__(self, changed: Iterable[str]) -> None:
        """Rebuild after `changed` (paths); read the settings again first if they changed."""
        changed = list(changed)
        if any(_same_file(path, self.config) for path in changed):
            self.reconfigure()
            self.report(self.builder.build)  # every file is looked at with new settings
            return
        self.report(lambda: self.builder.build(changed=changed))

    def reconfigure(self) -> None:
        """Read the settings again; raise ConfigError or SetupError (the Builder and its
        site are kept) when they cannot be used."""
        options = build_options(self.args)
        old = self.builder.options
        if os.path.realpath(options.out) != os.path.realpath(old.out):
            raise SetupError(
                f"{self.config}: out changed to {options.out} while serving {old.out}; stop "
                "`undocs serve` (Ctrl-C) and start it again to serve the new folder"
            )
        if options != old:
            self.builder.flush()
            self.builder = Builder(options, defer_saving=True)

    def flush(self) -> None:
        """Write the cache of the last build (`Builder.flush`)."""
        self.builder.flush()

    def prepare(self) -> None:
        """Build what changed while no server ran; gather what rebuilds patch."""
        self.builder.prepare()


def _same_file(path: str, other: Path) -> bool:
    return os.path.realpath(path) == os.path.realpath(other)
