"""A folder of hostile inputs beside good documents: every problem reported, nothing lost,
nothing written outside the output folder, nothing from the input runs in a page."""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.cli import main
from undocs.read.loader import MAX_BYTES
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent
GOOD = [
    "hrc/014_da25a16a97833e27.txt",
    "hrc/025_5dc118074c9b9ede.txt",
    "ga80/A_RES_80_44.md",
    "unpc/s_res_2213__2015___2015/ar.txt",
]
XSS = '<script>alert("x")</script><img src=x onerror=alert(1)>'
SECRET = "SECRET-TOKEN-8c1f"
FRENCH = (
    "Conférence des Parties\n\nDistr. générale\n12 juin 2014\n\nSeptième session\n\n"
    "Note du Secrétariat\n\n1. Conformément à la résolution 5/3, le Groupe s’est réuni.\n"
)


def _hostile(folder: Path) -> dict[str, str]:
    """Write the hostile files; return name -> the reason expected in its problem line."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("   \n\n  \n")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary" * 100)
    (folder / "pdf.txt").write_bytes(b"%PDF-1.4\n" + bytes(range(1, 9)) * 600)
    (folder / "big.txt").write_bytes(b"A" * (MAX_BYTES + 1))
    (folder / "bad-yaml.md").write_text("---\nsymbol: A/1\ntitle: [unclosed\n---\ntext\n")
    (folder / "list-front-matter.md").write_text("---\n- a\n- b\n---\ntext\n")
    (folder / "wrong-type.md").write_text("---\nsymbol: A/70/1\nsession: seven\n---\ntext\n")
    (folder / "unclosed.md").write_text("---\nsymbol: A/70/1\ntext without a fence\n")
    (folder / "traversal.md").write_text(
        "---\nsymbol: ../../../tmp/x\nlanguage: ../../etc\n---\nThe General Assembly,\n"
    )
    (folder / "absolute.md").write_text("---\nsymbol: /etc/x\n---\nThe text.\n")
    (folder / "long.md").write_text("---\nsymbol: A/" + "/".join(["1"] * 400) + "\n---\nText.\n")
    (folder / "longpart.md").write_text("---\nsymbol: A/" + "9" * 500 + "\n---\nText.\n")
    (folder / "xss.md").write_text(
        f"---\nsymbol: A/70/999\nlanguage: en\ntitle: '{XSS}'\n---\nThe General Assembly,\n\n"
        f"1. Recalls {XSS} and resolution 60/251 ]]> </script>.\n"
    )
    (folder / "dup-a.md").write_text("---\nsymbol: A/70/500\nlanguage: en\n---\nFirst.\n")
    (folder / "dup-b.md").write_text("---\nsymbol: A/70/500\nlanguage: en\n---\nSecond.\n")
    (folder / "cp1252.txt").write_bytes(FRENCH.encode("cp1252"))
    (folder / "latin1.txt").write_bytes(FRENCH.replace("’", "'").encode("latin-1"))
    (folder / "utf16.txt").write_bytes(FRENCH.encode("utf-16"))
    (folder / "utf8bom.txt").write_bytes(FRENCH.encode("utf-8-sig"))
    (folder / "name with spaces é.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "résolution ü.txt").write_text(FRENCH, encoding="utf-8")
    loop = folder / "loop"
    loop.mkdir()
    os.symlink("..", loop / "parent", target_is_directory=True)
    os.symlink("missing-target.txt", folder / "dangling.txt")
    # links out of the folder: a system file, a secret beside it, a whole folder of them
    secrets = folder.parent / "secrets"
    secrets.mkdir()
    (secrets / "secret.txt").write_text(f"The General Assembly,\n\n1. {SECRET}\n")
    os.symlink("/etc/passwd", folder / "passwd.txt")
    os.symlink(secrets / "secret.txt", folder / "secret.txt")
    os.symlink(secrets, folder / "outside", target_is_directory=True)
    os.symlink("seed.txt", folder / "alias.txt")  # inside: read once, as seed.txt
    noise = random.Random(7)
    (folder / "random.txt").write_bytes(noise.randbytes(6000))
    (folder / "noise.txt").write_bytes(bytes(noise.randrange(0x80, 0x100) for _ in range(6000)))
    (folder / "control.txt").write_text("The General Assembly,\n" + "\x1b[2J\x07" * 400)
    (folder / "new\nline\x1b[31m.txt").write_text("x")
    return {
        "passwd.txt": "links outside the input folder, skipped",
        "secret.txt": "links outside the input folder, skipped",
        "outside/": "links outside the input folder, skipped",
        "loop/parent/": "links to a folder read already",
        "random.txt": "not text",
        "noise.txt": "not text",
        "control.txt": "not text",
        "new\\nline\\x1b[31m.txt": "no document symbol found",
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "binary.txt": "binary file",
        "pdf.txt": "binary file",
        "big.txt": "-byte limit",
        "bad-yaml.md": "not valid YAML",
        "list-front-matter.md": "must be a mapping",
        "wrong-type.md": "'session' must be a whole number, not the text 'seven'",
        "unclosed.md": "never closed",
        "traversal.md": "is not a UN symbol",
        "absolute.md": "is not a UN symbol",
        "dup-a.md": "same symbol and language as dup-b.md",
        "dup-b.md": "same symbol and language as dup-a.md",
        "dangling.txt": "could not read",
    }


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    base = tmp_path_factory.mktemp("hostile")
    seeds = base / "seeds"
    seeds.mkdir()
    for name in GOOD:
        shutil.copy(ROOT / "seeds" / name, seeds / name.replace("/", "_"))
    shutil.copy(ROOT / "seeds" / "seed" / "000_a4e48ed0b737bc3c.txt", seeds / "seed.txt")
    expected = _hostile(seeds)
    out = base / "out" / "_site"
    result = build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=True)))
    return base, seeds, out, result, expected


def test_every_hostile_file_reported_as_path_line_reason(hostile) -> None:
    _, _, _, result, expected = hostile
    lines = [str(p) for p in result.problems]
    for name, reason in expected.items():
        hits = [line for line in lines if line.startswith(f"{name}:") and reason in line]
        assert hits, f"{name}: no problem saying {reason!r} in {lines}"
    bad_yaml = next(line for line in lines if line.startswith("bad-yaml.md:"))
    assert bad_yaml.startswith("bad-yaml.md:3:")  # the line of the YAML error


def test_links_out_of_the_folder_are_never_published(hostile) -> None:
    base, _, out, _result, _ = hostile
    for folder in (out, base / "out" / "._site.undocs-cache"):
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert SECRET.encode() not in data, path
                assert b"root:x:0:0" not in data, path
    records = (out / "data/records.jsonl").read_text(encoding="utf-8")
    assert '"file": "alias.txt"' not in records  # the link inside: read once, as seed.txt
    assert '"file": "seed.txt"' in records


def test_every_problem_is_one_line(hostile) -> None:
    _, _, _, result, _ = hostile
    for problem in result.problems:
        line = str(problem)
        assert line.isprintable(), line


def test_links_out_are_not_even_opened(tmp_path: Path) -> None:
    """A build in a process that logs every file it (and its workers) opens: nothing outside
    the input folders is opened, not even to look."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "seed" / "000_a4e48ed0b737bc3c.txt", seeds / "seed.txt")
    secrets = tmp_path / "secrets"
    (secrets / "inner").mkdir(parents=True)
    (secrets / "secret.txt").write_text(SECRET)
    (secrets / "inner" / "more.md").write_text(SECRET)
    os.symlink(secrets / "secret.txt", seeds / "secret.txt")
    os.symlink(secrets, seeds / "outside", target_is_directory=True)
    templates = tmp_path / "templates"
    (templates / "static").mkdir(parents=True)
    os.symlink(secrets / "secret.txt", templates / "base.html")
    os.symlink(secrets / "secret.txt", templates / "static" / "style.css")
    content = tmp_path / "content"
    content.mkdir()
    os.symlink(secrets / "inner" / "more.md", content / "about.md")
    log = tmp_path / "opened.log"
    script = (
        "import sys, os\n"
        f"log = os.open({str(log)!r}, os.O_WRONLY | os.O_CREAT | os.O_APPEND)\n"
        "def hook(event, args):\n"
        "    if event == 'open' and isinstance(args[0], str):\n"
        "        os.write(log, (os.path.realpath(args[0]) + '\\n').encode())\n"
        "sys.addaudithook(hook)\n"
        "from undocs.cli import main\n"
        "sys.exit(main(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            script,
            "build",
            "--seeds",
            str(seeds),
            "--content",
            str(content),
            "--templates",
            str(templates),
            "--out",
            str(tmp_path / "site"),
        ],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    opened = log.read_text().splitlines()
    assert any(path.endswith("seed.txt") for path in opened)  # the hook saw the reads
    assert not [path for path in opened if path.startswith(str(secrets.resolve()))]
    for name in ("secret.txt", "outside/", "templates/base.html", "static/style.css", "about.md"):
        assert name in done.stderr and "links outside the input folder" in done.stderr, name
    assert SECRET not in "".join(
        p.read_text(errors="replace") for p in (tmp_path / "site").rglob("*") if p.is_file()
    )


def test_no_good_document_lost(hostile) -> None:
    _, _, out, _result, _ = hostile
    files = {
        line.split('"file": "')[1].split('"')[0]
        for line in (out / "data/records.jsonl").read_text(encoding="utf-8").splitlines()
    }
    for name in [n.replace("/", "_") for n in GOOD] + ["seed.txt"]:
        assert name in files
    decoded = [
        "cp1252.txt",
        "latin1.txt",
        "utf16.txt",
        "utf8bom.txt",
        "name with spaces é.txt",
        "résolution ü.txt",
        "dup-a.md",
        "dup-b.md",
        "traversal.md",
        "absolute.md",
        "long.md",
        "longpart.md",
        "xss.md",
    ]
    assert set(decoded) <= files
    assert (out / "en/A/RES/80/44/index.html").is_file()


def test_encodings_decoded_not_garbage(hostile) -> None:
    _, _, out, _, _ = hostile
    text = (out / "data/records.jsonl").read_text(encoding="utf-8")
    for name in ("cp1252.txt", "latin1.txt", "utf16.txt", "utf8bom.txt"):
        line = next(x for x in text.splitlines() if f'"file": "{name}"' in x)
        assert '"language": "fr"' in line and '"session": 7' in line
        assert '"date": "2014-06-12"' in line and "\\ufffd" not in line and "Ã" not in line


def test_duplicates_both_reachable_deterministically(hostile) -> None:
    _, _, out, _, _ = hostile
    owner = (out / "en/A/70/500/index.html").read_text(encoding="utf-8")
    assert "dup-a.md" in owner
    others = list((out / "en/doc").glob("dup-b*/index.html"))
    assert len(others) == 1 and "dup-b.md" in others[0].read_text(encoding="utf-8")


def test_a_second_copy_says_so_and_stays_out_of_search(hostile) -> None:
    """Each page names the other; the second copy is not indexed (one search result per
    symbol and language) and does not list the first as a language version of itself."""
    _, _, out, _, _ = hostile
    owner = (out / "en/A/70/500/index.html").read_text(encoding="utf-8")
    copy_path = next((out / "en/doc").glob("dup-b*/index.html"))
    copy = copy_path.read_text(encoding="utf-8")
    copy_url = "en/doc/" + copy_path.parent.name + "/"
    assert '<article class="document" data-pagefind-body>' in owner
    assert '<article class="document">' in copy
    assert re.search(r'class="excerpt-note copy-note".*href="[./]*' + re.escape(copy_url), owner)
    assert re.search(r'class="excerpt-note copy-note".*href="[./]*en/A/70/500/"', copy)
    versions = copy[copy.index('class="versions"') :]
    assert "<a " not in versions[: versions.index("</nav>")]  # English is its own language
    card_urls = {
        card[0]
        for path in (out / "pagefind/cards").rglob("*.json")
        for card in json.loads(path.read_text(encoding="utf-8")).values()
    }
    assert any(url.endswith("en/A/70/500/") for url in card_urls)
    assert not any(url.endswith(copy_url) for url in card_urls)


def test_nothing_written_outside_out(hostile) -> None:
    base, _seeds, out, _, _ = hostile
    written = {p.relative_to(base).parts[0] for p in base.iterdir()}
    assert written == {"seeds", "secrets", "out"}  # the secrets are the test's own input
    # beside the site only its build cache (not published), never anything named by input
    assert sorted(p.name for p in (base / "out").iterdir()) == ["._site.undocs-cache", "_site"]
    assert not Path("/tmp/x").exists() and not Path("/etc/x").exists()
    for path in out.rglob("*"):
        assert path.resolve().is_relative_to(out.resolve())
        assert len(path.relative_to(out).as_posix()) < 400


def test_nothing_from_the_input_runs(hostile) -> None:
    _, _, out, _, _ = hostile
    for path in out.rglob("*"):
        if path.suffix not in (".html", ".xml", ".txt") or "pagefind" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
        if path.suffix == ".html":
            assert "Content-Security-Policy" in text, path
    page = (out / "en/A/70/999/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert" in page
    ld = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in ld and "\\u003cscript" in ld


def test_csv_cells_cannot_run_as_formulas(hostile, tmp_path: Path) -> None:
    _, _seeds, _, _, _ = hostile
    folder = tmp_path / "s"
    folder.mkdir()
    (folder / "formula.md").write_text("---\nsymbol: A/70/1\ntitle: '=HYPERLINK(\"x\")'\n---\nx\n")
    build(BuildOptions(seeds=folder, out=tmp_path / "o", settings=Settings(search=False)))
    assert "'=HYPERLINK" in (tmp_path / "o/data/records.csv").read_text(encoding="utf-8")


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        digest.update(path.relative_to(folder).as_posix().encode())
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()


def test_failed_build_leaves_previous_site(tmp_path: Path, capsys) -> None:
    out = tmp_path / "site"
    assert (
        main(["build", "--seeds", str(ROOT / "seeds"), "--out", str(out), "--quiet", "--no-search"])
        == 0
    )
    before = _tree_hash(out)
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "document.html").write_text(
        "{% extends 'base.html' %}\n{% block main %}\n{% if %}\n{% endblock %}\n"
    )
    code = main(
        [
            "build",
            "--seeds",
            str(ROOT / "seeds"),
            "--out",
            str(out),
            "--quiet",
            "--no-search",
            "--templates",
            str(broken),
        ]
    )
    assert code == 2
    assert "document.html:3: template error" in capsys.readouterr().err
    assert _tree_hash(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.undocs-cache", "site", "templates"]


def test_interrupted_build_leaves_previous_site(tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "site"
    options = BuildOptions(seeds=ROOT / "seeds", out=out, settings=Settings(search=False))
    build(options)
    before = _tree_hash(out)

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("undocs.build.steps.write_archive_data", interrupt)
    with pytest.raises(KeyboardInterrupt):
        build(replace(options, clean=True))
    assert _tree_hash(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.undocs-cache", "site"]


def test_strict_fails_on_hostile_input(hostile, tmp_path: Path) -> None:
    _, seeds, _, _, _ = hostile
    code = main(
        [
            "build",
            "--seeds",
            str(seeds),
            "--out",
            str(tmp_path / "o"),
            "--strict",
            "--quiet",
            "--no-search",
        ]
    )
    assert code == 1


def test_the_corpus_is_all_text(corpus: Path) -> None:
    """The checks for binary data and noise skip no real document, in any language."""
    from undocs.model import InputError
    from undocs.read.loader import decode, scan_sources

    sources = scan_sources(corpus)
    refused = []
    for source in sources:
        try:
            decode(Path(source.path).read_bytes(), source.name)
        except InputError as err:
            refused.append(str(err))
    assert len(sources) > 13_000
    assert refused == []
