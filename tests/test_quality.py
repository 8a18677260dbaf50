"""The quality page and `undocs check --summary` count every gap in plain words; the data
files list every record of each."""

from __future__ import annotations

import csv
import html
import io
import itertools
import re
import shutil
from pathlib import Path

import pytest

from htmlcheck import parse
from undocs.build import BuildOptions, build
from undocs.cli import main
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    base = tmp_path_factory.mktemp("quality")
    seeds = base / "seeds"
    for part in ("seed", "multiun-de"):
        shutil.copytree(ROOT / "seeds" / part, seeds / part)
    for folder in sorted((ROOT / "seeds" / "unpc").iterdir())[:3]:
        shutil.copytree(folder, seeds / "unpc" / folder.name)
    # a resolution of the 56th session dated before the session opened (as multiun-de has)
    (seeds / "early.md").write_text(
        '---\nsymbol: "A/RES/56/999"\nlanguage: en\ndate: "2001-07-31"\n---\n'
        "The General Assembly,\n\n1. Decides.\n",
        encoding="utf-8",
    )
    out = base / "site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    return out


def _gaps(site: Path) -> dict[str, list[dict[str, str]]]:
    rows = list(csv.DictReader(io.StringIO((site / "data/gaps.csv").read_text("utf-8"))))
    found: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        found.setdefault(row["gap"], []).append(row)
    return found


def test_every_gap_counted_and_listed(site: Path) -> None:
    gaps = _gaps(site)
    page = parse(site / "quality/index.html")
    cells = [e.text for e in page.elements if e.tag == "td"]
    counted = {
        name: int(count)
        for name, count in itertools.pairwise(cells)
        if name in {"undated", "untitled", "excerpt"}
    }
    for name in ("undated", "untitled", "excerpt"):
        assert counted[name] == len(gaps.get(name, [])) > 0, name
    excerpts = {row["file"] for row in gaps["excerpt"]}
    assert all(f.startswith("unpc/") for f in excerpts)  # the aligned excerpts, and only they
    assert len(excerpts) == 18  # three documents in six languages
    for row in gaps["undated"]:
        assert (site / row["url"] / "index.html").is_file()


def test_a_resolution_dated_before_its_session_is_suspect(site: Path) -> None:
    gaps = _gaps(site)
    suspect = {row["symbol"] for row in gaps["suspect date"]}
    assert "A/RES/56/999" in suspect
    assert all(s.startswith(("A/RES/", "A/DEC/")) for s in suspect)
    text = (site / "quality/index.html").read_text(encoding="utf-8")
    assert "date 2001-07-31 is before its session opened (2001-09): suspect date" in text


def test_problems_are_counted_by_kind_in_the_pages_language(site: Path) -> None:
    """Dates before their session are one kind, however many dates; a kind undocs names is
    in the page's language."""
    from undocs.archive.quality import report

    def kinds(page: Path) -> dict[str, int]:
        elements = parse(page).elements
        start = next(i for i, e in enumerate(elements) if e.tag == "caption" and e.text in captions)
        end = next(i for i, e in enumerate(elements) if i > start and e.tag == "h2")
        cells = [e.text for e in elements[start:end] if e.tag == "td"]
        return dict(zip(cells[::2], map(int, cells[1::2]), strict=True))

    captions = {"Problems by kind", "Problèmes par nature"}
    english = kinds(site / "quality/index.html")
    text = (site / "quality/index.html").read_text(encoding="utf-8")
    dated_early = text.count("is before its session opened")
    assert english["date before its session opened"] == dated_early > 2  # one row, many dates
    french = kinds(site / "fr/quality/index.html")
    assert french["date antérieure à l'ouverture de sa session"] == dated_early
    assert sorted(french.values()) == sorted(english.values())
    assert report([]).by_reason == []


#: Files a librarian's folder may hold by mistake, each with problems undocs words itself.
MISTAKES = {
    "empty.txt": b"",
    "scan.txt": b"%PDF-1.4\x00\x01\x02\x03" * 64,
    "unclosed.md": b"---\nsymbol: A/RES/70/1\n",
    "yaml.md": b"---\nsymbol: [A/RES\n---\nText.\n",
    "mapping.md": b"---\n- a list\n---\nText.\n",
    "typed.md": b"---\nsession: [1, 2]\n---\nText.\n",
    "fields.md": (
        b"---\nsymbl: A/RES/70/1\ndate: 12 June 2014\ndocument_type: reslution\n"
        b"language: english\n---\nThe General Assembly,\n\n1. Decides.\n"
    ),
    "calendar.md": b"---\nsymbol: A/70/1\ndate: 2014-02-30\nsymbol_: x\n---\nText.\n",
    "nothing.txt": b"Un texte sans cote ni date.\n",
    "early.md": (
        b'---\nsymbol: "A/RES/56/999"\nlanguage: en\ndate: "2001-07-31"\n---\n'
        b"The General Assembly,\n\nRecalling its resolution 1514 (XV),\n\n1. Decides.\n"
    ),
}


def _problem_lines(page: Path) -> list[str]:
    text = page.read_text(encoding="utf-8")
    return [html.unescape(line) for line in re.findall(r"<dd>(.*?)</dd>", text, flags=re.S)]


def test_a_problems_line_is_in_the_pages_language(tmp_path: Path) -> None:
    """Each problem of a folder of mistakes is worded in the quality page's language, its
    values (files, symbols, what the file holds) kept as read, each isolated (`<bdi>`, for
    Arabic's right-to-left lines); in English, the build's own words."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, data in MISTAKES.items():
        (seeds / name).write_bytes(data)
    out = tmp_path / "site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    english = _problem_lines(out / "quality/index.html")
    assert len(english) >= 12 and not any("lang=" in line for line in english)
    for language in ("fr", "ar", "zh", "ru", "es", "de"):
        lines = _problem_lines(out / language / "quality/index.html")
        assert len(lines) == len(english)
        untranslated = [line for line in lines if 'lang="en"' in line]
        assert untranslated == [], language
    french = "\n".join(_problem_lines(out / "fr/quality/index.html"))
    for said in (
        "fichier vide",
        "fichier binaire",
        "n'est jamais fermé",
        "n'est pas du YAML valide",
        "vouliez-vous dire « <bdi>symbol</bdi> » ?",
        "<bdi>'12 June 2014'</bdi> n'est pas une date écrite AAAA-MM-JJ",
        "<bdi>2014-02-30</bdi> n'est pas un jour du calendrier",
        "vouliez-vous dire « <bdi>resolution</bdi> » ?",
        "la langue <bdi>'english'</bdi> du front matter",
        "aucune cote de document trouvée",
        "la date <bdi>2001-07-31</bdi> est antérieure à l'ouverture de sa session",
        "attendu <bdi>un nombre entier</bdi>, trouvé une liste",
        "doit être une liste de paires champ: valeur",
    ):
        assert said in french
    arabic = "\n".join(_problem_lines(out / "ar/quality/index.html"))
    assert "<bdi>2001-07-31</bdi>" in arabic and "ملف فارغ" in arabic


def test_a_problem_undocs_does_not_word_stays_english_and_marked() -> None:
    from undocs.model import Problem, problem_at
    from undocs.site import i18n

    odd = Problem("a.txt", 3, "something <odd>")
    worded = problem_at(
        "a.txt",
        3,
        "resolution %(target)s resolves to no symbol (undocs knows no symbol series for "
        "resolutions of the %(body)s)",
        target="12",
        body="Security Council",
    )
    assert worded.reason.endswith("resolutions of the Security Council)")
    assert worded == Problem("a.txt", 3, worded.reason)  # the words are what compares
    with i18n.speaking("fr"):
        assert i18n.problem_reason(odd) == '<span lang="en" dir="ltr">something &lt;odd&gt;</span>'
        said = i18n.problem_reason(worded)
    assert said.startswith("la résolution <bdi>12</bdi> ne renvoie à aucune cote")
    assert "<bdi>Conseil de sécurité</bdi>" in said  # a body by its name in French
    with i18n.speaking("en"):
        assert i18n.problem_reason(odd) == "something &lt;odd&gt;"


def test_check_summary_prints_the_same_counts(site: Path, capsys) -> None:
    assert main(["check", str(ROOT / "seeds" / "unpc"), "--summary"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("excerpt"))
    assert int(line.split()[1]) == len(list((ROOT / "seeds/unpc").rglob("*.txt")))


def test_excerpts_say_so_on_their_pages_and_in_lists(site: Path) -> None:
    folder = sorted((ROOT / "seeds" / "unpc").iterdir())[0]
    row = next(r for r in _gaps(site)["excerpt"] if r["file"] == f"unpc/{folder.name}/fr.txt")
    page = (site / row["url"] / "index.html").read_text(encoding="utf-8")
    # in French, as the document is
    assert "Un extrait :" in page and 'rel="external">' + row["symbol"] + " sur undocs.org" in page
    listing = (site / "languages/fr/index.html").read_text(encoding="utf-8")
    assert "· excerpt</span>" in listing


@pytest.mark.parametrize(
    ("title", "why"),
    [
        # Real titles of multiun-de, as read before the title rules knew these forms.
        ("des Millenniums-Gipfels", "starts mid-sentence"),
        (
            "Mitteilung des Präsidenten des Sicherheitsrats: Die Anlage enthält ein Schreiben "
            "des Vorsitzenden. Ich ersuche Sie, dieses Schreiben zu verteilen.",
            "holds a sentence",
        ),
        (
            "Tagesordnung der fünfundfünfzigsten Tagung: Eröffnung der Tagung: Minute stillen "
            "Gebets oder innerer Sammlung: Ansprache des Generalsekretärs",
            "runs on like a list",
        ),
        # Real long titles are no suspects (A/RES/62/177, 331 characters), nor "Vol." or "Rev.".
        (
            "Nachhaltige Fischerei, namentlich durch das Übereinkommen von 1995 zur Durchführung "
            "der Bestimmungen des Seerechtsübereinkommens der Vereinten Nationen vom 10. Dezember "
            "1982 über die Erhaltung und Bewirtschaftung von gebietsübergreifenden Fischbeständen "
            "und Beständen weit wandernder Fische und damit zusammenhängende Übereinkünfte",
            None,
        ),
        ("A/58/49 (Vol. III)/Corr.1", None),
        ("Das Recht eines jeden auf das erreichbare Höchstmaß an Gesundheit.", None),
        ("Report of the Special Rapporteur: Addendum: Mission to Chad", None),
    ],
)
def test_a_suspect_title_says_why(title: str, why: str | None) -> None:
    from undocs.archive.quality import suspect_title
    from undocs.model import Record

    record = Record(
        "a.txt", "A/70/1", "de", None, None, None, "General Assembly", 70, (), title,
        "other", (), (),
    )  # fmt: skip
    assert suspect_title(record) == why
