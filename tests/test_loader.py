"""The loader on real documents: the seed field by field, and the gold sample of the corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from undocs.evaluate import Score, score_line
from undocs.model import RECORD_FIELDS
from undocs.read.loader import load_file, parse_text

ROOT = Path(__file__).resolve().parent.parent


def test_seed_field_by_field() -> None:
    record, problems = load_file(ROOT / "seeds" / "seed" / "000_a4e48ed0b737bc3c.txt", "seed.txt")
    assert record.symbol is None
    assert record.language == "fr"
    assert record.original_language == "en"
    assert record.date == "2014-06-12"
    assert record.distribution == "general"
    assert record.body == (
        "Conference of the Parties to the United Nations Convention against "
        "Transnational Organized Crime"
    )
    assert record.session == 7
    assert record.agenda_items == ("2 (c)",)
    assert record.title == (
        "Rapport de la réunion du Groupe de travail sur le trafic illicite "
        "de migrants tenue à Vienne du 11 au 13 novembre 2013"
    )
    assert record.document_type == "note"
    assert record.resolutions_cited == ("5/3", "6/1", "6/3")
    assert record.documents_cited == ("CTOC/COP/2014/1", "CTOC/COP/WG.7/2013/5")
    assert [p.reason for p in problems] == [
        "no document symbol found (add `symbol:` to the front matter)"
    ]


def _gold_ids(gold_lines: list[dict]) -> list[str]:
    return [g["file"] for g in gold_lines]


def test_gold_sample_has_enough_documents(gold: list[dict]) -> None:
    layouts = {g["file"].split("/")[0] for g in gold}
    assert len(gold) >= 20 and {"hrc", "unsc", "ga80", "multiun-de", "unpc"} <= layouts


def test_every_gold_document_field_by_field(corpus: Path, gold: list[dict]) -> None:
    """Each gold document, each field: the loader agrees with the hand-checked value."""
    failures = []
    for line in gold:
        record, _ = load_file(corpus / line["file"], line["file"])
        scores = {name: Score() for name in RECORD_FIELDS}
        score_line(line, record.to_json(), scores)
        failures += [f"{name}: {m}" for name, s in scores.items() for m in s.misses]
    assert failures == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        (
            "hrc/014_da25a16a97833e27.txt",
            {
                "symbol": "A/HRC/43/15",
                "date": "2019-12-19",
                "body": "Human Rights Council",
                "session": 43,
                "agenda_items": ("6",),
                "document_type": "report",
                "title": "Report of the Working Group on the Universal Periodic Review: Slovenia",
            },
        ),
        (
            "unsc/252_75002682b0b9bf96.txt",
            {
                "symbol": "S/RES/352 (1974)",
                "date": "1974-06-21",
                "body": "Security Council",
                "session": None,
                "title": "Resolution 352 (1974)",
                "documents_cited": ("S/11311",),
            },
        ),
        (
            "unsc/058_da65e1344d6a11e5.txt",
            {"symbol": "S/RES/860 (1993)", "date": "1993-08-27", "document_type": "resolution"},
        ),
        (
            "ga80/A_RES_80_44.md",
            {
                "symbol": "A/RES/80/44",
                "session": 80,
                "agenda_items": ("99 (w)",),
                "title": "Transparency and confidence-building measures in outer space activities",
            },
        ),
        (
            "multiun-de/2003/S_2003_980-de.txt",
            {"symbol": "S/2003/980", "language": "de", "document_type": "draft resolution"},
        ),
        (
            "misc/000_9a2455daaaa4c171.txt",
            {
                "body": "General Assembly",
                "session": 56,
                "distribution": "limited",
                "agenda_items": ("119 (b)",),
                "title": "The right to development",
            },
        ),
    ],
)
def test_layouts(corpus: Path, path: str, expected: dict) -> None:
    record, _ = load_file(corpus / path, path)
    for name, value in expected.items():
        assert getattr(record, name) == value, name


@pytest.mark.parametrize("code", ["ar", "zh", "en", "fr", "ru", "es"])
def test_six_language_versions_agree(code: str) -> None:
    record, _ = load_file(ROOT / f"seeds/unpc/s_res_2213__2015___2015/{code}.txt", "x")
    assert record.language == code
    assert record.symbol == "S/RES/2213 (2015)"
    assert record.body == "Security Council"
    assert record.resolutions_cited == ("1970 (2011)", "1973 (2011)", "2009 (2011)", "2146 (2014)")


def test_front_matter_overrides_the_text() -> None:
    text = "Distr.: General\n12 June 2014\n\nFifth session\n\nA title\n\n1. Text."
    record, _ = parse_text(
        text, "x.txt", {"symbol": "a/hrc/5/1", "date": "2015-01-02", "session": 9}
    )
    assert (record.symbol, record.date, record.session) == ("A/HRC/5/1", "2015-01-02", 9)


def test_citation_positions_cover_their_words() -> None:
    record, _ = load_file(ROOT / "seeds/hrc/025_5dc118074c9b9ede.txt", "x")
    for cite in record.citations:
        words = record.text[cite.start : cite.end]
        assert words and cite.target.split(" ")[0].split("/")[-1] in words


def test_text_read_again_is_the_text_parsed(corpus: Path, tmp_path: Path) -> None:
    """Pages re-read their text from `Record.text_line` on: exactly what the loader parsed."""
    from undocs.read.loader import read_text, scan_sources

    files = [Path(s.path) for s in scan_sources(corpus)][::97]
    crafted = tmp_path / "crafted.md"
    crafted.write_bytes(b"---\r\nsymbol: A/70/1\r\ntitle: |\r\n  two\r\n  lines\r\n---\r\nText\r\n")
    empty_body = tmp_path / "empty_body.md"
    empty_body.write_text("---\nsymbol: A/70/2\n---", encoding="utf-8")
    for path in [*files, crafted, empty_body]:
        record, _ = load_file(path, path.name)
        assert read_text(path, path.name, record.text_line) == record.text, path


def test_rescan_from_the_changed_names_is_a_scan(tmp_path: Path) -> None:
    """Told which files changed, `rescan_sources` gives what a whole scan gives: edits,
    additions (in scan order: a folder's files before its sub-folders') and removals."""
    import os
    import random

    from undocs.read.loader import rescan_sources, scan_sources

    rng = random.Random(3)
    names = ["a.txt", "b/c.md", "b/d/e.txt", "f.txt", "b/z.txt", ".hidden/x.txt", "README.md"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(name)
    known = {s.name: s.stat for s in scan_sources(tmp_path)}
    for step in range(40):
        changed = []
        for _ in range(rng.randrange(1, 4)):
            name = rng.choice(
                [*known, f"n{step}.txt", f"b/n{step}.md", f"b/d/n{step}.txt", "b/.h.txt", "x.pdf"]
            )
            path = tmp_path / name
            if path.exists() and rng.random() < 0.3:
                path.unlink()
            else:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(f"{name} {step}" * rng.randrange(1, 5))
                os.utime(path, ns=(step, step * 10**9))
            changed.append(name)
        again = rescan_sources(tmp_path, known, changed)
        assert again == scan_sources(tmp_path)
        known = {s.name: s.stat for s in again}


@pytest.mark.parametrize(
    ("symbol", "session"),
    [
        ("A/69/767", 69),
        ("A/RES/70/1", 70),
        ("A/C.3/56/L.60", 56),
        ("A/INF/80/4", 80),
        ("A/HRC/28/15/Add.1", 28),
        ("A/HRC/RES/28/1", 28),
        ("A/HRC/WG.6/22/PAN/1", 22),
        ("UNEP/CHW.12/12", 12),
        ("UNEP/POPS/COP.7/4", 7),
        # serial numbers, not sessions (records of the corpus once read them as sessions)
        ("A/AC.105/889/Add.15", None),
        ("A/CN.4/684", None),
        ("A/CONF.223/3", None),
        ("SPLOS/278", None),
        ("NPT/CONF.2015/10", None),
        ("CTOC/COP/2014/1", None),
        ("E/CN.15/2015/1", None),
    ],
)
def test_a_session_only_where_a_symbol_names_one(symbol: str, session: int | None) -> None:
    from undocs.read.loader import session_of_symbol

    assert session_of_symbol(symbol, "General Assembly") == session


def test_no_body_has_more_sessions_than_it_held(corpus: Path) -> None:
    from undocs.build import load_records

    records, _ = load_records(corpus)
    highest = {"General Assembly": 80, "Human Rights Council": 60}
    for record in records:
        if record.body in highest and record.session is not None:
            assert record.session <= highest[record.body], (record.file, record.symbol)


def test_a_resolution_is_its_adopting_body_s(tmp_path: Path) -> None:
    """A/RES/60/251 names the Council it created on its title line: it is still the
    General Assembly's (real lines of multiun-de/2005/A_RES_60_251-de.txt)."""
    text = (
        '---\nsymbol: "A/RES/60/251"\nlanguage: "de"\ndate: "2005-09-13"\n---\n'
        "Sechzigste Tagung\n\nTagesordnungspunkte 46 und 120\n\nResolution der "
        "Generalversammlung\n\n[ohne Überweisung an einen Hauptausschuss (A/60/L.48)]\n\n"
        "Menschenrechtsrat\n\nDie Generalversammlung,\n\nin Bekräftigung der Ziele,\n"
    )
    path = tmp_path / "A_RES_60_251-de.txt"
    path.write_text(text, encoding="utf-8")
    record, _ = load_file(path, path.name)
    assert record.body == "General Assembly"
    assert record.session == 60


def test_a_council_resolution_numbered_past_its_sessions_is_the_assembly_s() -> None:
    from undocs.archive.graph import resolution_symbol

    assert resolution_symbol("60/251", "Human Rights Council") == "A/RES/60/251"
    assert resolution_symbol("28/1", "Human Rights Council") == "A/HRC/RES/28/1"
    assert resolution_symbol("5/1", "Human Rights Council") == "A/HRC/RES/5/1"


@pytest.mark.parametrize(
    ("date", "given", "symbol", "expected"),
    [
        ("2014-06-12", None, "CTOC/COP/2014/1", (2014, "date")),
        (None, 2015, "A/70/68", (2015, "front matter")),  # the aligned excerpts of 2015
        (None, None, "E/CN.15/2015/4", (2015, "symbol")),
        (None, None, "S/RES/1325 (2000)", (2000, "symbol")),
        (None, None, "S/2000/772", (2000, "symbol")),
        (None, None, "A/HRC/WG.6/20/SVN/1", (None, "")),  # a session, not a year
        (None, None, "A/RES/2200 (XXI)", (None, "")),
        (None, None, "A/CN.4/684", (None, "")),
        (None, None, None, (None, "")),
    ],
)
def test_a_year_where_the_document_prints_one(date, given, symbol, expected) -> None:
    from undocs.read.loader import _year

    assert _year(date, given, symbol) == expected


def test_a_known_misreading_is_mended_in_record_and_page_text(tmp_path: Path) -> None:
    """multiun-de/2009/A_RES_60_265-de.txt prints "ß" as "ȣ" throughout (105 files do):
    search for "Maßnahmen" must find it, its title must read right."""
    from undocs.read.loader import read_text

    path = tmp_path / "a.txt"
    path.write_text(
        '---\nsymbol: "A/RES/60/265"\nlanguage: "de"\n---\nSechzigste Tagung\n\n'
        "Weiterverfolgung der Ergebnisse des Weltgipfels 2005, einschlieȣlich der Ziele\n\n"
        "Die Generalversammlung,\n\nin Anerkennung der eingeleiteten Maȣnahmen,\n",
        encoding="utf-8",
    )
    record, _ = load_file(path, "a.txt")
    assert (
        record.title
        == "Weiterverfolgung der Ergebnisse des Weltgipfels 2005, einschließlich der Ziele"
    )
    text = read_text(path, "a.txt", record.text_line)
    assert "Maßnahmen" in text and "ȣ" not in text
