"""A user's mistakes get one clear line and exit 2, naming the file and line where there is one:
settings, folders, templates, ports, and `serve --watch` reading undocs.yml again."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from undocs.cli import main
from undocs.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "seed" / "000_a4e48ed0b737bc3c.txt"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "project"
    (folder / "texts").mkdir(parents=True)
    shutil.copy(SEED, folder / "texts" / "note.txt")
    monkeypatch.chdir(tmp_path)  # not the project: paths in its undocs.yml are its own
    return folder


def _build(*args: str) -> int:
    return main(["build", "--quiet", "--no-search", *args])


def test_paths_in_undocs_yml_are_relative_to_its_folder(project: Path) -> None:
    (project / "undocs.yml").write_text("seeds: texts\nout: site\n", encoding="utf-8")
    assert _build("--config", str(project / "undocs.yml")) == 0
    assert (project / "site" / "index.html").is_file()
    assert not Path("site").exists()


@pytest.mark.parametrize(
    ("settings", "flags", "said"),
    [
        ("seeds: textz\n", [], "undocs.yml:1: seeds: textz: no such folder of documents "
         "(relative to the settings file's folder)"),
        ("seeds: texts\ntemplates: my-templates\n", [], "undocs.yml:2: templates: "
         "my-templates: no such folder of templates"),
        ("seeds: texts\ncontent: pages\n", [], "undocs.yml:2: content: pages: no such folder "
         "of Markdown pages"),
        ("seeds: texts\n", ["--templates", "tmpl"], "--templates tmpl: no such folder of "
         "templates"),
        ("seeds: texts\n", ["--content", "pagez"], "--content pagez: no such folder of "
         "Markdown pages"),
        ("title: x\n", ["--seeds", "nowhere"], "--seeds nowhere: no such folder of documents"),
    ],
)  # fmt: skip
def test_a_missing_folder_asked_for_is_named_with_its_setting(
    project: Path, capsys: pytest.CaptureFixture[str], settings: str, flags: list[str], said: str
) -> None:
    (project / "undocs.yml").write_text(settings, encoding="utf-8")
    assert _build("--config", str(project / "undocs.yml"), *flags) == 2
    err = capsys.readouterr().err
    assert said in err, err
    assert len(err.strip().splitlines()) == 1


def test_folders_not_asked_for_may_be_missing(project: Path) -> None:
    """The defaults (templates/, content/) are optional: a project without them builds."""
    (project / "undocs.yml").write_text("seeds: texts\n", encoding="utf-8")
    assert _build("--config", str(project / "undocs.yml")) == 0


@pytest.mark.parametrize(
    ("files", "said"),
    [
        ({}, "no documents to build, the folder is empty"),
        (
            {"a.pdf": b"%PDF-1.4", "b.pdf": b"%PDF", "sub/c.pdf": b"%PDF", "README.md": b"x"},
            "no .txt or .md documents to build, only 3 PDF files: extract their text first, "
            "see docs/preparing-a-corpus.md",
        ),
        ({"a.docx": b"PK", "notes.rtf": b"{"}, "only 1 DOCX file, 1 RTF file: extract"),
        ({"x.json": b"{}"}, "only 1 JSON file; undocs reads .txt and .md texts"),
    ],
)
def test_a_folder_with_no_documents_says_what_it_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: dict[str, bytes], said: str
) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, data in files.items():
        (seeds / name).parent.mkdir(parents=True, exist_ok=True)
        (seeds / name).write_bytes(data)
    out = tmp_path / "site"
    assert _build("--seeds", str(seeds), "--out", str(out)) == 2
    assert said in capsys.readouterr().err
    assert not out.exists()
    assert main(["check", str(seeds)]) == 2


def test_a_port_in_use_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert _build("--seeds", str(ROOT / "seeds"), "--out", str(out)) == 0
    capsys.readouterr()
    first = make_server(out, 0)
    port = first.server_address[1]
    try:
        assert main(["serve", "--out", str(out), "--port", str(port)]) == 2
    finally:
        first.server_close()
    err = capsys.readouterr().err
    assert err == (
        f"port {port} is in use (another `undocs serve`?); give another with --port, e.g. "
        f"--port {port + 1}\n"
    )


BROKEN = [
    # (template file, its text, the start of the one line expected)
    ("document.html", '{% extends "base.html" %}\n{% block main %}\n{{ doc.titel }}\n'
     "{% endblock %}\n", "tpl/document.html:3: template error: "),
    ("home.html", '{% extends "base.html" %}\n{% block main %}\n\n\n{% if %}\n{% endblock %}\n',
     "tpl/home.html:5: template error: "),
    ("base.html", "<html>\n<body>\n{{ site.nothing_here }}\n</body>\n</html>\n",
     "tpl/base.html:3: template error: "),
    ("list.html", '{% extends "base.html" %}\n{% block main %}{{ 1 + "a" }}{% endblock %}\n',
     "tpl/list.html:2: template error: "),
]  # fmt: skip


@pytest.mark.parametrize(("name", "text", "said"), BROKEN)
def test_a_template_error_names_its_file_and_line(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
    text: str,
    said: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "tpl").mkdir()
    (tmp_path / "tpl" / name).write_text(text, encoding="utf-8")
    shutil.copytree(ROOT / "tests/golden/seeds", tmp_path / "seeds")  # pages of every kind
    assert _build("--seeds", "seeds", "--templates", "tpl", "--out", "site") == 2
    err = capsys.readouterr().err
    assert err.startswith(said), err
    assert err.rstrip().endswith("the previous site was left as it was")
    assert len(err.strip().splitlines()) == 1
    assert not Path("site").exists()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Serving:
    """`undocs serve --watch` in its own process, as a user runs it, its output gathered."""

    def __init__(self, folder: Path) -> None:
        self.port = _free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "undocs",
                "serve",
                "--watch",
                "--no-search",
                "--port",
                str(self.port),
            ],
            cwd=folder,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.append(line.rstrip("\n"))

    def home(self) -> str:
        url = f"http://127.0.0.1:{self.port}/"
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")

    def wait(self, test, what: str, seconds: float = 30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                found = test()
            except OSError:
                found = None
            if found:
                return found
            time.sleep(0.2)
        raise AssertionError(f"{what} did not happen; the server said: {self.lines}")

    def said(self, text: str) -> str:
        return self.wait(
            lambda: next((line for line in self.lines if text in line), None), f"{text!r}"
        )

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


def test_serve_watch_reads_undocs_yml_again(tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "texts").mkdir(parents=True)
    shutil.copy(SEED, project / "texts" / "note.txt")
    config = project / "undocs.yml"
    config.write_text("title: First title\nseeds: texts\nout: site\n", encoding="utf-8")
    serving = _Serving(project)
    try:
        serving.wait(lambda: "First title" in serving.home(), "the first build")
        time.sleep(1.5)  # the watcher's first look is taken
        config.write_text("title: Second title\nseeds: texts\nout: site\n", encoding="utf-8")
        serving.wait(lambda: "Second title" in serving.home(), "a rebuild with the new title")

        config.write_text("titel: Third title\nseeds: texts\nout: site\n", encoding="utf-8")
        line = serving.said("unknown key 'titel'")
        assert line.startswith("undocs.yml:1: unknown key 'titel' (did you mean 'title'?")
        assert line.endswith("the last good site is still served")
        assert "Second title" in serving.home()

        config.write_text("title: Fourth title\nseeds: textz\nout: site\n", encoding="utf-8")
        serving.said("undocs.yml:2: seeds: textz: no such folder of documents")
        assert "Second title" in serving.home()

        (project / "tpl").mkdir()
        (project / "tpl" / "home.html").write_text(
            '{% extends "base.html" %}\n{% block main %}\n{{ site.nothing }}\n{% endblock %}\n',
            encoding="utf-8",
        )
        config.write_text(
            "title: Fifth title\nseeds: texts\nout: site\ntemplates: tpl\n", encoding="utf-8"
        )
        line = serving.said("template error")
        assert line.startswith("tpl/home.html:3: template error: ")
        assert line.endswith("the last good site is still served")
        (project / "tpl" / "home.html").write_text(
            '{% extends "base.html" %}\n{% block main %}\n{% for %}\n{% endblock %}\n',
            encoding="utf-8",
        )
        line = serving.said("Expected an expression")  # a syntax error, in --watch too
        assert line.startswith("tpl/home.html:3: template error: ")
        assert sum("template error" in line for line in serving.lines) == 2

        (project / "tpl" / "home.html").unlink()
        serving.wait(lambda: "Fifth title" in serving.home(), "a rebuild once mended")
        assert serving.process.poll() is None
    finally:
        serving.stop()
