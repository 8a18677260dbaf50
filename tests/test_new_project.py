"""`undocs new DIR`: a project that builds as it is, and nothing written over a user's files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import yaml

from undocs.cli import main
from undocs.config import KEYS

ROOT = Path(__file__).resolve().parent.parent


def test_new_project_builds_as_written(tmp_path: Path) -> None:
    project = tmp_path / "my-archive"
    assert main(["new", str(project)]) == 0
    written = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert written == [
        ".github/workflows/pages.yml",
        ".gitignore",
        "content/about.md",
        "seeds/A_RES_80_56.md",
        "undocs.yml",
    ]
    settings = (project / "undocs.yml").read_text(encoding="utf-8")
    assert yaml.safe_load(settings) is None  # every setting commented out: the defaults hold
    for name, key in KEYS.items():
        assert f"# {name}: " in settings and key.meaning in settings
    uncommented = "\n".join(
        line.removeprefix("# ")
        for line in settings.splitlines()
        if line.startswith(tuple(f"# {name}: " for name in KEYS))
    )
    assert set(yaml.safe_load(uncommented)) == set(KEYS)  # and each, uncommented, is valid
    workflow = yaml.safe_load((project / ".github/workflows/pages.yml").read_text())
    assert "undocs build" in str(workflow["jobs"]["build"]["steps"])
    # built from inside the project, with no flags: its undocs.yml and folders
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "undocs", "build", "--no-search", "--quiet"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    site = project / "_site"
    assert (site / "en/A/RES/80/56/index.html").is_file()
    assert (site / "about/index.html").is_file()


def test_new_refuses_a_folder_with_files(tmp_path: Path, capsys) -> None:
    mine = tmp_path / "mine"
    mine.mkdir()
    (mine / "notes.txt").write_text("my notes")
    assert main(["new", str(mine)]) == 2
    assert "already holds files" in capsys.readouterr().err
    assert [p.name for p in mine.iterdir()] == ["notes.txt"]
    assert main(["new", str(tmp_path / "mine" / "notes.txt")]) == 2
