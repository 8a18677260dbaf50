"""Regenerate the golden site: `python tests/golden/update.py`, then review `git diff`.

The golden site is the build of `tests/golden/seeds/` plus the repository's seed document,
without the search index, at a fixed base URL. `tests/test_golden.py` fails when a build
differs from it, so a change to a template or the loader shows up as a reviewable diff.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "src"))

from undocs.build import BuildOptions, build  # noqa: E402
from undocs.site.render import Settings  # noqa: E402

BASE_URL = "https://example.org/golden/"


def build_golden(out: Path) -> None:
    """Build the golden site into `out` (clean: no build cache is read or left behind)."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds = Path(tmp) / "seeds"
        shutil.copytree(HERE / "seeds", seeds)
        shutil.copy(ROOT / "seeds" / "seed" / "000_a4e48ed0b737bc3c.txt", seeds / "seed.txt")
        build(
            BuildOptions(
                seeds=seeds,
                out=out,
                content=ROOT / "content",
                clean=True,
                settings=Settings(base_url=BASE_URL, search=False),
            )
        )


if __name__ == "__main__":
    target = HERE / "site"
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "site"
        build_golden(fresh)
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(fresh, target)
    print(f"golden site written to {target}")
