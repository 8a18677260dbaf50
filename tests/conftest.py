"""Shared fixtures: the real corpus and gold beside the repository, at ../shared.

Without them (a fresh clone), the tests that need them skip, saying so; under `CI=true` a
missing corpus fails them instead, so that CI cannot pass by skipping (GitHub's workflow,
where the corpus is not, says so with UNDOCS_CORPUS_OPTIONAL=1).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("UNDOCS_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
GOLD = SHARED / "gold" / "dev.jsonl"


HOW = "clone undocs beside shared/, or set UNDOCS_SHARED to the folder holding corpus/ and gold/"


def pytest_report_header(config: pytest.Config) -> str | None:
    if CORPUS.is_dir():
        return None
    return f"shared corpus: not at {CORPUS}; the tests that need it skip ({HOW})"


def _missing(what: Path) -> None:
    message = f"needs {what} ({HOW})"
    if os.environ.get("CI") == "true" and not os.environ.get("UNDOCS_CORPUS_OPTIONAL"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def corpus() -> Path:
    if not CORPUS.is_dir():
        _missing(CORPUS)
    return CORPUS


@pytest.fixture(scope="session")
def gold() -> list[dict]:
    if not GOLD.is_file():
        _missing(GOLD)
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo archive (`seeds/`) built without search, once for the session: read, never
    written to."""
    from undocs.build import BuildOptions, build
    from undocs.site.render import Settings

    out = tmp_path_factory.mktemp("demo") / "_site"
    build(BuildOptions(seeds=ROOT / "seeds", out=out, settings=Settings(search=False)))
    return out
