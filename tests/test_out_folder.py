"""undocs deletes only what it wrote: an `--out` of the user's own is refused, untouched.

Each case is a librarian's mistake seen in use; every file that existed before the command
must exist after it, with the same bytes.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest

from undocs.build.outfolder import MARKER
from undocs.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "seed" / "000_a4e48ed0b737bc3c.txt"


def _snapshot(folder: Path) -> dict[str, str]:
    """Return every file under `folder` with a digest of its bytes."""
    return {
        str(path.relative_to(folder)): hashlib.sha1(path.read_bytes()).hexdigest()
        for path in folder.rglob("*")
        if path.is_file() and ".undocs-cache" not in str(path)
    }


@pytest.fixture
def clone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project as a librarian has it: her texts, her docs/, settings, a .git folder."""
    project = tmp_path / "archive"
    (project / "mydocs").mkdir(parents=True)
    shutil.copy(SEED, project / "mydocs" / "note.txt")
    (project / "docs").mkdir()
    (project / "docs" / "index.md").write_text("# My notes\n", encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    (project / "templates").mkdir()
    (project / "templates" / "note.txt").write_text("mine\n", encoding="utf-8")
    (project / "content").mkdir()
    (project / "content" / "about.md").write_text("# About\n", encoding="utf-8")
    (project / "undocs.yml").write_text("title: My archive\nseeds: mydocs\n", encoding="utf-8")
    monkeypatch.chdir(project)
    return project


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--seeds", "mydocs", "--out", "mydocs"], "is the folder of documents"),
        (["--out", "mydocs"], "is the folder of documents"),
        (["--out", "mydocs/site"], "lies inside the folder of documents"),
        (["--out", "docs"], "holds files undocs did not write (index.md)"),
        (["--out", "."], "holds the folder of documents"),
        (["--out", ".."], "holds the folder of documents"),
        (["--out", "templates"], "is the folder of templates"),
        (["--out", "content"], "is the folder of Markdown pages"),
        (["--out", ".git"], "holds files undocs did not write (HEAD)"),
        (["--out", "undocs.yml"], "exists and is not a folder"),
    ],
)
def test_a_folder_undocs_did_not_write_is_refused_untouched(
    clone: Path, capsys: pytest.CaptureFixture[str], args: list[str], said: str
) -> None:
    before = _snapshot(clone.parent)
    assert main(["build", "--quiet", "--no-search", *args]) == 2
    err = capsys.readouterr().err
    assert said in err and "--out" in err
    assert _snapshot(clone.parent) == before
    assert sorted(p.name for p in clone.parent.iterdir()) == ["archive"]  # nothing beside


def test_the_settings_folder_and_the_current_folder_are_refused(
    clone: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--config names a project elsewhere: its folder is never replaced, from anywhere."""
    texts = tmp_path / "texts"
    shutil.copytree(clone / "mydocs", texts)
    (clone / "undocs.yml").write_text(f"seeds: {texts}\n", encoding="utf-8")
    shutil.rmtree(clone / "content")  # (the settings' folders would be named first)
    shutil.rmtree(clone / "templates")
    config = str(clone / "undocs.yml")
    before = _snapshot(tmp_path)
    os.chdir(texts)
    assert main(["build", "--quiet", "--no-search", "--config", config, "--out", str(clone)]) == 2
    assert f"is the folder of undocs.yml ({clone})" in capsys.readouterr().err
    os.chdir(clone / "docs")
    assert main(["build", "--quiet", "--no-search", "--config", config, "--out", "../.."]) == 2
    assert "--out ../.. holds the folder of" in capsys.readouterr().err
    assert main(["build", "--quiet", "--no-search", "--seeds", str(texts), "--out", "."]) == 2
    assert "is the current folder" in capsys.readouterr().err
    assert _snapshot(tmp_path) == before


def test_an_empty_or_new_folder_is_built_and_rebuilt(clone: Path) -> None:
    (clone / "empty").mkdir()
    for out in ("empty", "_site", "deep/new/site"):
        assert main(["build", "--quiet", "--no-search", "--out", out]) == 0
        assert (clone / out / MARKER).is_file()
        assert (clone / out / "index.html").is_file()
        # the site undocs made is replaced at the next build, clean or incremental
        (clone / "mydocs" / "more.md").write_text(
            "---\nsymbol: A/70/1\nlanguage: en\n---\nText.\n", encoding="utf-8"
        )
        assert main(["build", "--quiet", "--no-search", "--out", out]) == 0
        assert (clone / out / "en/A/70/1/index.html").is_file()
        assert main(["build", "--quiet", "--no-search", "--out", out, "--clean"]) == 0
        assert (clone / out / MARKER).is_file()
        (clone / "mydocs" / "more.md").unlink()
    assert (clone / "docs" / "index.md").is_file()


def test_a_site_without_the_marker_is_refused_unless_undocs_cache_is_beside(
    clone: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--quiet", "--no-search", "--out", "_site"]) == 0
    (clone / "_site" / MARKER).unlink()  # as a site built before the marker existed
    assert main(["build", "--quiet", "--no-search", "--out", "_site"]) == 0  # its cache
    assert (clone / "_site" / MARKER).is_file()
    (clone / "_site" / MARKER).unlink()
    shutil.rmtree(clone / "._site.undocs-cache")
    assert main(["build", "--quiet", "--no-search", "--out", "_site"]) == 2
    assert f"(holding {MARKER})" in capsys.readouterr().err
    assert (clone / "_site" / "index.html").is_file()


def test_the_readme_build_still_works_in_a_clone(tmp_path: Path) -> None:
    """The quick start's `python build.py` in a fresh copy of the repository: `_site/`."""
    copy = tmp_path / "undocs"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(".venv", ".git", "_site", "node_modules", "*.undocs-cache"),
    )
    cwd = os.getcwd()
    os.chdir(copy)
    try:
        assert main(["build", "--quiet", "--no-search"]) == 0
    finally:
        os.chdir(cwd)
    assert (copy / "_site" / MARKER).is_file()
    assert (copy / "seeds" / "seed" / SEED.name).is_file()
