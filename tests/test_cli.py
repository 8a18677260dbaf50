"""The command line, run for real: build.py, undocs build/records/check/serve."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

from undocs.cli import main
from undocs.serve import make_server

ROOT = Path(__file__).resolve().parent.parent


def test_help_explains_each_command(capsys) -> None:
    for command in ("build", "serve", "records", "check"):
        try:
            main([command, "--help"])
        except SystemExit as stop:
            assert stop.code == 0
        assert "usage: undocs" in capsys.readouterr().out


def test_build_py_is_undocs_build(tmp_path: Path) -> None:
    out = tmp_path / "site"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "build.py"),
            "--seeds",
            str(ROOT / "seeds"),
            "--content",
            str(ROOT / "content"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    last = done.stdout.strip().splitlines()[-1]
    held = [p for p in (ROOT / "seeds").rglob("*") if p.suffix in (".txt", ".md")]
    held = [p for p in held if p.name != "README.md"]
    assert last.startswith(f"Built {len(held)} documents into") and str(out) in last
    # the seed: no symbol; COP resolutions 5/3, 6/1, 6/3
    assert "000_a4e48ed0b737bc3c.txt:27: resolution 5/3 resolves to no symbol" in done.stderr
    assert f"undocs: read {len(held)}/{len(held)} files" in done.stderr
    for language in ("ar", "de", "en", "es", "fr", "ru", "zh"):
        assert (out / "pagefind" / language / "pagefind.js").is_file()


def test_strict_fails_on_problems_and_quiet_is_quiet(tmp_path: Path, capsys) -> None:
    code = main(
        [
            "build",
            "--seeds",
            str(ROOT / "seeds"),
            "--out",
            str(tmp_path / "s"),
            "--strict",
            "--quiet",
            "--no-search",
        ]
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "undocs: read" not in err and "no document symbol found" in err


def test_records_prints_guide_fields(corpus: Path, capsys) -> None:
    assert main(["records", str(corpus / "hrc")]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(lines) == 27
    by_file = {r["file"]: r for r in lines}
    assert by_file["014_da25a16a97833e27.txt"]["symbol"] == "A/HRC/43/15"


def test_check_lists_problems(corpus: Path, capsys) -> None:
    assert main(["check", str(corpus / "seed")]) == 0
    out = capsys.readouterr().out
    assert "000_a4e48ed0b737bc3c.txt:1: no document symbol found" in out
    assert "000_a4e48ed0b737bc3c.txt:28: resolution 6/1 resolves to no symbol" in out


def test_missing_seeds_folder_is_a_clear_error(tmp_path: Path, capsys) -> None:
    assert main(["build", "--seeds", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]) == 2
    assert "no such folder of documents" in capsys.readouterr().err


def test_serve_on_loopback_with_search_assets(tmp_path: Path) -> None:
    out = tmp_path / "site"
    assert main(["build", "--seeds", str(ROOT / "seeds"), "--out", str(out), "--quiet"]) == 0
    server = make_server(out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        for path in ("", "search/", "about/", "pagefind/fr/pagefind.js", "data/records.jsonl"):
            with urllib.request.urlopen(base + path, timeout=10) as response:
                assert response.status == 200
        with urllib.request.urlopen(base + "pagefind/fr/pagefind-entry.json", timeout=10) as r:
            assert "fr" in json.load(r)["languages"]
    finally:
        server.shutdown()
        server.server_close()


def test_serve_watch_rebuilds_and_pages_reload(tmp_path: Path) -> None:
    import shutil

    from undocs.build import Builder, BuildOptions
    from undocs.serve import Watcher
    from undocs.site.render import Settings

    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    out = tmp_path / "site"
    options = BuildOptions(seeds=seeds, out=out, settings=Settings(search=False))
    builder = Builder(options, defer_saving=True)  # as `undocs serve --watch` runs it
    builder.build()
    watcher = Watcher(
        [seeds], lambda changed: builder.build(changed=changed), every=0.1, after=builder.flush
    )
    server = make_server(out, 0, watcher)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    threading.Thread(target=watcher.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with urllib.request.urlopen(base + "documents/", timeout=10) as r:
            assert b'<script src="/__undocs/reload.js"></script></body>' in r.read()
        assert b"reload" in urllib.request.urlopen(base + "__undocs/reload.js").read()
        assert urllib.request.urlopen(base + "__undocs/generation").read() == b"0"
        (seeds / "more.md").write_text(
            "---\nsymbol: A/70/1\nlanguage: en\ntitle: Added\n---\nText.\n", encoding="utf-8"
        )
        for _ in range(100):
            if urllib.request.urlopen(base + "__undocs/generation").read() != b"0":
                break
            threading.Event().wait(0.1)
        assert (out / "en/A/70/1/index.html").is_file()
        for _ in range(100):  # the cache is written once the browser was told
            if (tmp_path / ".site.undocs-cache/state.pickle").is_file():
                break
            threading.Event().wait(0.1)
        assert Builder(options).build().written == 0  # the next `undocs build`: up to date
        # the reload script is added as pages are served, never written into them
        after_footer = (out / "documents/index.html").read_bytes().split(b"</footer>")[1]
        assert b"reload" not in after_footer
    finally:
        watcher.stop()
        server.shutdown()
        server.server_close()
