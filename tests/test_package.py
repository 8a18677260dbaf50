"""undocs as an installed package: a wheel holds its templates, static files and starter
project, and builds a site from any folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel from a copy of the sources (setuptools writes a build/ folder)."""
    pytest.importorskip("build")
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md", "templates", "src"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, source / name, **({"symlinks": True} if copy is shutil.copytree else {}))
    shutil.rmtree(source / "src" / "undocs.egg-info", ignore_errors=True)
    out = tmp_path_factory.mktemp("dist")
    done = subprocess.run(
        [sys.executable, "-P", "-m", "build", "--wheel", "--no-isolation", "-o", str(out)],
        cwd=source,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    (found,) = out.glob("undocs-*.whl")
    return found


def test_wheel_holds_what_a_build_needs(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for template in (ROOT / "templates").rglob("*"):
        if template.is_file():
            assert f"undocs/templates/{template.relative_to(ROOT / 'templates')}" in names
    assert "undocs/starter/A_RES_80_56.md" in names
    assert "undocs/py.typed" in names
    assert "undocs/lang/unterm_states.tsv" in names  # the states' names
    assert "undocs/locales/fr/LC_MESSAGES/undocs.po" in names


def test_installed_wheel_builds_from_any_folder(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "installed"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
    )
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import undocs; print(undocs.__file__)"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.startswith(str(target))  # the wheel's undocs, not this checkout's
    assert (
        subprocess.run(
            [sys.executable, "-m", "undocs", "new", "project"], cwd=elsewhere, env=env
        ).returncode
        == 0
    )
    done = subprocess.run(
        [sys.executable, "-m", "undocs", "build", "--no-search", "--quiet"],
        cwd=elsewhere / "project",
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    site = elsewhere / "project" / "_site"
    assert (site / "en/A/RES/80/56/index.html").is_file()
    assert (site / "static").is_dir() and any((site / "static").iterdir())
