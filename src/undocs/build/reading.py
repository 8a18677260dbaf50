"""The read step: every source file -> what reading it gave, on every core, cached files kept."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ..archive.graph import links_of
from ..archive.quality import record_gaps, record_problems
from ..model import InputError, Problem, Record, problem_at
from ..read.loader import Source, load_file
from ..site.exports import record_rows
from . import parallel
from .incremental import Loaded, State
from .plan import scan

Progress = Callable[[str], None]


def _load_one(path: Path, name: str, refused: str = "") -> Loaded:
    if refused:  # a link out of the folder: reported, never opened
        return Loaded(None, [problem_at(name, 0, refused, "error")], None, ())
    try:
        record, problems = load_file(path, name)
        # the text stays on disk until its page is written: memory holds records, not texts
        record = replace(record, text="")
        return Loaded(
            record,
            problems,
            links_of(record),
            tuple(record_problems(record)),
            record_rows(record),
            record_gaps(record),
        )
    except InputError as err:
        return Loaded(None, [err.problem], None, ())
    except (OSError, ValueError) as err:
        problem = problem_at(name, 0, "could not read: %(error)s", "error", error=err)
        return Loaded(None, [problem], None, ())


#: Files one job of the workers reads.
LOAD_BLOCK = 64


def load_records(
    seeds: Path, progress: Progress | None = None
) -> tuple[list[Record], list[Problem]]:
    """Read every document under `seeds` on every core, reporting progress as it goes."""
    loaded = read_sources(seeds, progress)
    records = [item.record for item in loaded if item.record is not None]
    return records, [problem for item in loaded for problem in item.problems]


def read_sources(
    seeds: Path,
    progress: Progress | None = None,
    state: State | None = None,
    items: list[Source] | None = None,
) -> list[Loaded]:
    """Read every file under `seeds` on every core, reporting progress as it goes; return
    what each gave, in the order of `scan_sources` (`items`, if the caller scanned).

    With the `state` of the last build, a file whose size and modification time are
    unchanged is not read again; `state` is updated with what this call read.
    """
    if items is None:
        items = scan(seeds)
    stats = {source.name: source.stat for source in items}
    cached = state.loaded if state is not None else {}
    known = state.stats if state is not None else {}
    fresh = [
        i
        for i, source in enumerate(items)
        if source.name not in cached or known.get(source.name) != source.stat
    ]
    # the largest files first, so that no worker is left with a long one at the end
    fresh.sort(key=lambda i: -items[i].stat[0])
    blocks = [fresh[k : k + LOAD_BLOCK] for k in range(0, len(fresh), LOAD_BLOCK)]

    def read(block: list[int]) -> Callable[[], list[Loaded]]:
        return lambda: [
            _load_one(Path(items[i].path), items[i].name, items[i].refused) for i in block
        ]

    def report(done: int) -> None:
        if progress:
            progress(f"read {min(done * LOAD_BLOCK, len(fresh))}/{len(items)} files")

    results: dict[str, Loaded] = {}
    done = parallel.run_each([read(block) for block in blocks], len(fresh), report)
    for block, loaded in zip(blocks, done, strict=True):
        for i, result in zip(block, loaded, strict=True):
            results[items[i].name] = result
    ordered = [results.get(s.name) or cached[s.name] for s in items]
    if state is not None:
        state.stats = stats
        state.loaded = dict(zip((s.name for s in items), ordered, strict=True))
    return ordered
