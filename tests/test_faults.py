"""Faults a build must survive: a second build into the same folder, a build killed at any
moment, a full disk, a folder it may not write. The previous site stays whole, and the next
build equals a clean one."""

from __future__ import annotations

import errno
import hashlib
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from undocs.build.outfolder import build_lock
from undocs.cli import main

ROOT = Path(__file__).resolve().parent.parent
TRIALS = 20


def _tree(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds" / "hrc", folder / "hrc")
    return folder


def _build(seeds: Path, out: Path, *flags: str) -> list[str]:
    return [
        sys.executable, "-m", "undocs", "build", "--seeds", str(seeds), "--out", str(out),
        "--no-search", "--quiet", *flags,
    ]  # fmt: skip


def test_a_second_build_into_the_same_folder_is_refused(seeds: Path, tmp_path: Path, capsys):
    out = tmp_path / "site"
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--no-search", "--quiet"]) == 0
    before = _tree(out)
    with build_lock(out.resolve()):  # a build of another process, holding the folder
        code = main(["build", "--seeds", str(seeds), "--out", str(out), "--no-search"])
    assert code == 2
    assert "another build is writing this site" in capsys.readouterr().err
    assert _tree(out) == before
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--no-search", "--quiet"]) == 0


def test_builds_killed_at_random_moments(seeds: Path, tmp_path: Path) -> None:
    """SIGKILL during clean and incremental builds, at random moments: the site in --out is
    always a whole site (the old or the new), and the next build equals a clean build."""
    out, reference = tmp_path / "site", tmp_path / "reference"
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    edited = seeds / "hrc" / "014_da25a16a97833e27.txt"
    original = edited.read_bytes()
    states = {}
    for state, text in (("original", original), ("edited", original + b"\n\n99. Added.\n")):
        edited.write_bytes(text)
        subprocess.run(_build(seeds, reference, "--clean"), env=env, check=True)
        states[state] = _tree(reference)
    edited.write_bytes(original)
    subprocess.run(_build(seeds, out), env=env, check=True)
    start = time.perf_counter()
    subprocess.run(_build(seeds, tmp_path / "timing", "--clean"), env=env, check=True)
    duration = time.perf_counter() - start
    chance = random.Random(20261202)
    for trial in range(TRIALS):
        state = chance.choice(["original", "edited"])
        edited.write_bytes(original if state == "original" else original + b"\n\n99. Added.\n")
        flags = ["--clean"] if trial % 2 else []
        process = subprocess.Popen(_build(seeds, out, *flags), env=env)
        time.sleep(chance.uniform(0, duration))
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert (out / "index.html").is_file(), f"trial {trial}: no site left"
        if flags:  # a clean build swaps whole: the site is the old one or the new one
            assert _tree(out) in (states["original"], states["edited"]), f"trial {trial}"
        assert main(_build(seeds, out)[3:]) == 0  # the next build, in this process
        assert _tree(out) == states[state], f"trial {trial}: not what a clean build writes"


def test_a_full_disk_leaves_the_previous_site(seeds: Path, tmp_path: Path, monkeypatch, capsys):
    out = tmp_path / "site"
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--no-search", "--quiet"]) == 0
    before = _tree(out)
    real_write = os.write

    def full(fd: int, data: bytes) -> int:
        if len(data) > 1000:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_write(fd, data)

    monkeypatch.setattr(os, "write", full)
    (seeds / "hrc" / "014_da25a16a97833e27.txt").write_text("The General Assembly,\n\n1. New.\n")
    for flags in ([], ["--clean"]):
        argv = ["build", "--seeds", str(seeds), "--out", str(out), "--no-search", *flags]
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert "No space left on device" in err and "the previous site was left as it was" in err
        assert _tree(out) == before
    assert not [p for p in tmp_path.iterdir() if ".building-" in p.name]  # no staging left


def test_a_folder_it_may_not_write(seeds: Path, tmp_path: Path, monkeypatch, capsys) -> None:
    out = tmp_path / "site"

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(tmp_path))

    monkeypatch.setattr("undocs.build.outfolder.tempfile.mkdtemp", refuse)
    assert main(["build", "--seeds", str(seeds), "--out", str(out), "--no-search"]) == 2
    assert "Permission denied" in capsys.readouterr().err
