"""Pagefind: one search bundle per language, built over the written site.

Each language's document pages (`/<lang>/...`) are indexed into their own bundle at
`/pagefind/<lang>/`, so each is searched with its own language's analyser (Chinese segmented
by the extended binary), the search page can query several languages side by side, and the
memory of one Pagefind run is bounded by the largest language rather than the whole archive.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

#: Pagefind runs at once (each is one process; this machine class has two cores).
WORKERS = 2
#: Languages indexed as character bigrams (`textbody.cjk_bigrams`): Pagefind splits their
#: words on spaces only (`--force-language en`: no segmenter; stemming leaves Han alone).
BIGRAM_LANGUAGES = {"zh"}


class SearchIndexError(RuntimeError):
    """Pagefind could not be run or failed."""


@dataclass(frozen=True)
class IndexReport:
    """What Pagefind indexed for one language."""

    language: str
    pages: int
    """Pages indexed (from Pagefind's summary; 0 if it did not say)."""
    seconds: float


def index_language(site: Path, language: str, subdir: str | None = None) -> IndexReport:
    """Run Pagefind (the `pagefind` package's extended binary) over one language's pages."""
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site),
        "--glob",
        f"{language}/**/*.html",
        "--output-subdir",
        subdir or f"pagefind/{language}",
    ]
    if language in BIGRAM_LANGUAGES:
        command += ["--force-language", "en"]
    start = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as err:
        raise SearchIndexError(f"could not run Pagefind: {err}") from err
    output = done.stdout + done.stderr
    if done.returncode != 0 or "No module named pagefind" in output:
        raise SearchIndexError(
            "Pagefind failed (install it with `pip install 'pagefind[extended]'`, or build "
            f"with --no-search):\n{output.strip()[-2000:]}"
        )
    found = re.search(r"Indexed (\d+) pages?", output)
    return IndexReport(language, int(found.group(1)) if found else 0, time.perf_counter() - start)


def build_index(site: Path, languages: list[str]) -> list[IndexReport]:
    """Index every language's pages into `/pagefind/<lang>/`, two Pagefind runs at a time."""
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(lambda lang: index_language(site, lang), sorted(languages)))


def reindex(site: Path, languages: list[str]) -> list[IndexReport]:
    """Index languages of a published site again, swapping each new bundle in when done."""
    reports = []
    for language in languages:
        bundle = site / "pagefind" / language
        fresh = site / "pagefind" / f".{language}.next"
        shutil.rmtree(fresh, ignore_errors=True)
        reports.append(index_language(site, language, f"pagefind/.{language}.next"))
        old = site / "pagefind" / f".{language}.old"
        shutil.rmtree(old, ignore_errors=True)
        if bundle.exists():
            bundle.rename(old)
        fresh.rename(bundle)
        shutil.rmtree(old, ignore_errors=True)
    return reports
