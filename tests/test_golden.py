"""The build of a small fixture matches the golden site (`python tests/golden/update.py`)."""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "golden"))

from update import build_golden  # noqa: E402


def _files(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def test_build_matches_golden_site(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_golden(out)
    want, got = _files(HERE / "golden" / "site"), _files(out)
    assert sorted(got) == sorted(want), "pages added or removed: run tests/golden/update.py"
    changed = [name for name in want if want[name] != got[name]]
    diff = "".join(
        "".join(difflib.unified_diff(want[n].splitlines(True), got[n].splitlines(True), n, n))
        for n in changed[:3]
    )
    assert not changed, f"{len(changed)} files differ (run tests/golden/update.py):\n{diff}"


def test_nothing_from_the_input_runs(tmp_path: Path) -> None:
    out = tmp_path / "site"
    build_golden(out)
    page = (out / "en/A/HRC/RES/99/2/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
