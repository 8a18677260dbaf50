"""A folder of hostile inputs beside good documents: every problem reported, nothing lost,
nothing written outside the output folder, nothing from the input runs in a page."""

from __future__ import annotations

import hashlib
import os
import shutil
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
    return {
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


def test_nothing_written_outside_out(hostile) -> None:
    base, _seeds, out, _, _ = hostile
    written = {p.relative_to(base).parts[0] for p in base.iterdir()}
    assert written == {"seeds", "out"}
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
