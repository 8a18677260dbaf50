"""How resolutions were adopted: read from real lines of the corpus in every language it holds
them in, scored against a hand-checked file, shown on the pages and in `/data/votes.csv`."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.evaluate_adoptions import score
from undocs.read.adoption import adoption_of, adoptions_in, split_states
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).parent / "adoptions.jsonl"

SC = "Security Council"
GA = "General Assembly"


def lines(text: str) -> Callable[[int], int]:
    """The line of an offset in `text`, counted from 1 (what the loader passes)."""
    return lambda offset: text.count("\n", 0, offset) + 1


def _read(text: str, code: str, symbol: str, body: str, date: str | None = None):  # type: ignore[no-untyped-def]
    adoption, problems = adoption_of(text, code, symbol, body, date, lines(text), "t.txt")
    assert adoption is not None, text
    return adoption, problems


def test_a_security_council_vote_with_the_states_named() -> None:
    text = (
        "Recalling its resolution 95 (1951),\n\nAdopted at the 219th meeting by 7 votes to 1\n"
        "(Poland), with 3 abstentions\n(Colombia, Syria, Union of\nSoviet Socialist Republics).\n"
    )
    a, problems = _read(text, "en", "S/RES/63 (1948)", SC, "1948-12-24")
    assert (a.meeting, a.record, a.outcome) == (219, "S/PV.219", "by a vote")
    assert (a.in_favour, a.against, a.abstaining) == (7, 1, 3)
    assert a.states_against == ("Poland",)
    assert a.states_abstaining == ("Colombia", "Syria", "Union of Soviet Socialist Republics")
    assert a.date == "1948-12-24" and a.line == 3 and problems == []


def test_a_list_broken_by_the_ocr_is_read_whole_and_a_wrong_count_is_a_problem() -> None:
    text = (
        "Adopted at the 1716th meeting by 12 votes to none with\n3 abstentions (France,\n"
        "United Kingdom of Great\nBritain and Northern Ire-\nland, United States of\nAmerica).\n"
    )
    a, problems = _read(text, "en", "S/RES/333 (1973)", SC)
    assert a.states_abstaining == (
        "France",
        "United Kingdom of Great Britain and Northern Ireland",
        "United States of America",
    )
    assert (a.in_favour, a.against, a.abstaining) == (12, 0, 3) and problems == []
    wrong = text.replace("3 abstentions", "2 abstentions")
    _, problems = _read(wrong, "en", "S/RES/333 (1973)", SC)
    assert [str(p) for p in problems] == [
        "t.txt:1: the vote on S/RES/333 (1973) counts 2 abstaining but lists 3 states"
    ]


@pytest.mark.parametrize(
    ("code", "line", "meeting", "date", "outcome"),
    [
        ("en", "Adopted unanimously at the\n3124th meeting.", 3124, None, "unanimously"),
        ("en", "Adopted at the 2575th meeting by consensus.", 2575, None, "by consensus"),
        ("en", "Adopted without a vote at the 1023rd meeting.", 1023, None, "without a vote"),
        (
            "en",
            "Adopted by the Security Council at its 3122nd meeting, on 9 October 1992",
            3122,
            "1992-10-09",
            "",
        ),
        ("de", "Auf der 3847. Sitzung einstimmig verabschiedet.", 3847, None, "unanimously"),
        ("fr", "Adoptée par le Conseil de sécurité à sa 7366e séance,", 7366, None, ""),
        (
            "es",
            "Aprobada por el Consejo de Seguridad en su 7366a sesión, celebrada el 22 de enero "
            "de 2015",
            7366,
            "2015-01-22",
            "",
        ),
        (
            "ru",
            "принятая Советом Безопасности на его 7366м заседании 22 января 2015 года",
            7366,
            "2015-01-22",
            "",
        ),
        (
            "ar",
            "الذي اتخذه مجلس الأمن في جلسته 7366 المعقودة في 22 كانون الثاني/يناير 2015",
            7366,
            "2015-01-22",
            "",
        ),
        ("zh", "安全理事会2015年1月22日第7366次会议通过", 7366, "2015-01-22", ""),
    ],
)
def test_security_council_adoption_lines_in_every_language(
    code: str, line: str, meeting: int, date: str | None, outcome: str
) -> None:
    a, _ = _read(
        "1. Decides to remain seized of the matter.\n\n" + line, code, "S/RES/1 (2015)", SC
    )
    assert (a.meeting, a.record, a.date, a.outcome) == (meeting, f"S/PV.{meeting}", date, outcome)


@pytest.mark.parametrize(
    "heading",
    [
        "verabschiedet auf der 4088. Sitzung des Sicherheitsrats\n\nam 13. Januar 2000\n",
        "Verabschiedet auf der 4088. Sitzung des Sicherheitsrats am 13. Januar 2000\n",
    ],
)
def test_a_german_resolution_prints_its_meeting_under_its_number(heading: str) -> None:
    """The German Security Council resolutions of 2000-2009 print the meeting and date in
    their heading, and no outcome."""
    text = f"Resolution 1285 (2000)\n\n{heading}\nDer Sicherheitsrat,\n\n1. beschließt ...\n"
    adoption, _ = _read(text, "de", "S/RES/1285 (2000)", SC)
    assert (adoption.meeting, adoption.record, adoption.date) == (4088, "S/PV.4088", "2000-01-13")
    assert adoption.outcome == "" and adoption.line == 3


def test_a_german_vote_with_abstentions_named() -> None:
    a, _ = _read(
        "Auf der 3937. Sitzung mit 13 Stimmen ohne Gegenstimme bei 2 Enthaltungen (China und "
        "Russische Föderation) verabschiedet.",
        "de",
        "S/RES/1199 (1998)",
        SC,
    )
    assert (a.in_favour, a.against, a.abstaining) == (13, 0, 2)
    assert a.states_abstaining == ("China", "Russische Föderation")


@pytest.mark.parametrize(
    ("code", "line", "meeting", "date"),
    [
        ("en", "52nd plenary meeting\n1 December 2025", 52, "2025-12-01"),
        (
            "en",
            "4. Decides to include ... “Lethal autonomous weapons systems”. 52nd plenary "
            "meeting 1 December 2025",
            52,
            "2025-12-01",
        ),
        ("de", "83. Plenarsitzung\n20. Dezember 2006", 83, "2006-12-20"),
        ("fr", "51e séance plénière", 51, None),
        ("es", "51ª sesión plenaria", 51, None),
        ("ru", "51-e пленарное заседание,", 51, None),
        ("ar", "الجلسة العامة 51", 51, None),
        ("zh", "第51次全体会议", 51, None),
    ],
)
def test_plenary_meetings_in_every_language(
    code: str, line: str, meeting: int, date: str | None
) -> None:
    a, _ = _read("Preamble.\n" + line, code, "A/RES/61/1", GA)
    assert (a.meeting, a.record, a.date, a.outcome) == (
        meeting,
        "A/61/PV." + str(meeting),
        date,
        "",
    )


@pytest.mark.parametrize(
    ("code", "line", "date"),
    [
        ("en", "44th meeting\n19 June 2020", "2020-06-19"),
        ("fr", "44e séance\n19 juin 2020", "2020-06-19"),
        ("es", "44ª sesión\n19 de junio de 2020", "2020-06-19"),
        ("zh", "第44次会议\n2020年6月19日", "2020-06-19"),
    ],
)
def test_a_human_rights_council_resolution_ends_with_its_meeting(
    code: str, line: str, date: str
) -> None:
    a, _ = _read("1. Decides to remain seized of the matter.\n\n" + line, code, "A/HRC/RES/43/2",
                 "Human Rights Council")  # fmt: skip
    assert (a.meeting, a.record, a.date) == (44, "A/HRC/43/SR.44", date)


def test_a_text_that_only_mentions_a_meeting_is_not_an_adoption() -> None:
    text = "Recalling the statement adopted by the Security Council at its 3116th meeting,"
    assert adoption_of(text, "en", "S/RES/1 (1992)", SC, None, lines(text), "t")[0] is None
    plenary = "52nd plenary meeting"
    assert adoption_of(plenary, "en", "A/80/1", GA, None, lines(plenary), "t")[0] is None


def test_states_joined_by_and_stay_one() -> None:
    assert split_states("Trinidad and Tobago, Bosnia and Herzegovina and the Sudan", "en") == (
        "Trinidad and Tobago",
        "Bosnia and Herzegovina",
        "Sudan",
    )


REPORT = """\
     104. At the 44th meeting, on 19 June 2020, the representative of Costa Rica introduced draft
     resolution A/HRC/43/L.35. At the same meeting, a recorded vote was taken on the draft
     resolution. The voting was as follows:
                    In favour:
                           Afghanistan, Argentina, Australia
                    Against:
                          Eritrea, Venezuela (Bolivarian Republic of)
                                                                                     21
A/HRC/43/2
                    Abstaining:
                           Angola
     105. Also at the same meeting, the Human Rights Council adopted the draft resolution by
     3 votes to 2, with 1 abstentions (resolution 43/2).
     106. At the 45th meeting, on 20 June 2020, the Human Rights Council adopted the draft
     resolution without a vote (resolution 43/3).
"""


def test_a_session_report_records_each_draft_adopted_and_its_recorded_vote() -> None:
    hrc = "Human Rights Council"
    found, problems = adoptions_in(REPORT, "en", hrc, "A/HRC/43/2", lines(REPORT), "r.txt")
    assert problems == []
    first, second = found
    assert (first.number, first.draft, first.meeting, first.record, first.date) == (
        "43/2",
        "A/HRC/43/L.35",
        44,
        "A/HRC/43/SR.44",
        "2020-06-19",
    )
    assert (first.in_favour, first.against, first.abstaining) == (3, 2, 1)
    assert first.states_in_favour == ("Afghanistan", "Argentina", "Australia")
    assert first.states_against == ("Eritrea", "Venezuela (Bolivarian Republic of)")
    assert first.states_abstaining == ("Angola",) and first.line == 12
    assert (second.number, second.outcome, second.meeting, second.states_in_favour) == (
        "43/3",
        "without a vote",
        45,
        (),
    )


# Scored against the hand-checked file --------------------------------------------------------


def test_the_hand_checked_adoptions_score_at_least_098_on_every_field(corpus: Path) -> None:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    assert len(lines) >= 40
    languages = {json.loads(line)["language"] for line in lines}
    bodies = {json.loads(line)["body"] for line in lines}
    assert len(languages) >= 3 and {SC, GA, "Human Rights Council"} <= bodies
    for name, (right, n, _) in score(corpus, GOLD).items():
        assert n and right / n >= 0.98, (name, right, n)


# On the pages and in the data -----------------------------------------------------------------


def test_the_demo_site_shows_each_adoption_and_writes_the_votes(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    out = tmp_path / "site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    page = (out / "en" / "S" / "RES" / "538(1983)" / "index.html").read_text(encoding="utf-8")
    panel = page[page.index('id="h-adoption"') : page.index("</section>", page.index("h-adoption"))]
    assert "meeting 2480" in panel and "S/PV.2480" in panel
    assert "13 in favour, 0 against, 2 abstaining" in panel
    assert '<a href="../../../../states/poland/">Poland</a>, <a href="../../../../states/' in panel
    rows = list(csv.DictReader(io.StringIO((out / "data" / "votes.csv").read_text("utf-8"))))
    mine = [r for r in rows if r["resolution"] == "S/RES/538 (1983)"]
    assert [(r["state"], r["vote"]) for r in mine] == [
        ("Poland", "abstaining"),
        ("Union of Soviet Socialist Republics", "abstaining"),
    ]
    assert all(r["meeting"] == "2480" and r["record"] == "S/PV.2480" for r in mine)
    record = next(
        json.loads(line)
        for line in (out / "data" / "records.jsonl").read_text("utf-8").splitlines()
        if json.loads(line)["symbol"] == "S/RES/538 (1983)"
    )
    assert record["adoption"]["abstaining"] == 2
    assert record["adoption"]["states_abstaining"][0] == "Poland"
    poland = (out / "states" / "poland" / "index.html").read_text(encoding="utf-8")
    assert "538 (1983)" in poland and "abstaining" in poland
    index = (out / "states" / "index.html").read_text(encoding="utf-8")
    assert 'href="../states/poland/">Poland</a>' in index


def test_state_names_across_languages_and_spellings() -> None:
    from undocs.lang.states import state_name
    from undocs.urls import state_url

    assert state_name("Russische Föderation") == "Russian Federation"
    assert (
        state_name("Union of S0viet Socialist Republics") == "Union of Soviet Socialist Republics"
    )
    assert state_name("Peru4") == "Peru"
    assert state_name("Yugoslavia") == "Yugoslavia"  # a state of the past, as printed
    assert state_name("absent") is None
    assert (
        state_url("Venezuela (Bolivarian Republic of)")
        == "states/venezuela-bolivarian-republic-of/"
    )
