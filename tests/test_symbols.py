"""The symbol grammar: parse, canonical form, what counts as a symbol in running text."""

import pytest

from undocs.read import symbols


@pytest.mark.parametrize(
    ("typed", "canonical"),
    [
        ("CTOC/COP/2014/1", "CTOC/COP/2014/1"),
        ("A/RES/70/1", "A/RES/70/1"),
        ("s/res/2334(2016)", "S/RES/2334 (2016)"),
        ("S/RES/2334 (2016)", "S/RES/2334 (2016)"),
        (" a/hrc/28/15 ", "A/HRC/28/15"),
        ("A/HRC/28/15/add.1", "A/HRC/28/15/Add.1"),
        ("A/HRC/28/15*", "A/HRC/28/15"),
        ("A/RES/491 (V)", "A/RES/491 (V)"),
        ("A/C.3/56/L.5/rev.1", "A/C.3/56/L.5/Rev.1"),
        ("E/CN.4/sub.2/1999/3", "E/CN.4/Sub.2/1999/3"),
        ("A/80/130 (part ii)", "A/80/130 (Part II)"),
        ("NPT/CONF.1995/32 (Part I)/Corr.2", "NPT/CONF.1995/32 (Part I)/Corr.2"),
        ("NPT/CONF.2010/50 (Vol. II)", "NPT/CONF.2010/50 (Vol. II)"),
        ("A/RES/45/55B", "A/RES/45/55 B"),
        ("A / HRC / 28 / 2", "A/HRC/28/2"),
    ],
)
def test_normalise(typed: str, canonical: str) -> None:
    assert symbols.normalise(typed) == canonical


@pytest.mark.parametrize("text", ["", "foo", "A/B", "2011/36/EU", "/A/1", "A//1"])
def test_not_a_symbol(text: str) -> None:
    assert symbols.normalise(text) is None


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("paragraph 15 (a) (A/HRC/WG.6/34/SVN/1);", ["A/HRC/WG.6/34/SVN/1"]),
        ("* CTOC/COP/2014/1.", ["CTOC/COP/2014/1"]),
        ("(A/55/985-S/2001/574)", ["A/55/985", "S/2001/574"]),
        ("application of Grenada (S/\n11311),", ["S/11311"]),
        ("President’s statement PRST/8/1 of 9 April 2008", []),
        ("GE.15-10722 (E) and 94-12513 (E)", []),
        ("Directive 2011/36/EU of the European Parliament", []),
        ("(NPT/CONF.2000/28\n    (Part III) and", ["NPT/CONF.2000/28 (Part III)"]),
        ("见A/70/1号文件", ["A/70/1"]),
    ],
)
def test_symbols_in_running_text(sentence: str, found: list[str]) -> None:
    got = [
        m for match in symbols.find_symbols(sentence) for m in symbols.split_joint(match.group(0))
    ]
    assert got == found


def test_canonical_parses_back_to_itself() -> None:
    for text in ("A/HRC/WG.6/48/SVN/1", "S/RES/2334 (2016)", "A/80/130 (Part II)"):
        assert symbols.normalise(symbols.normalise(text) or "") == text


def test_natural_order() -> None:
    got = sorted(["A/70/10", "A/70/2", "A/69/100"], key=symbols.natural_key)
    assert got == ["A/69/100", "A/70/2", "A/70/10"]


def test_parent_of_addendum() -> None:
    parsed = symbols.parse("A/HRC/28/15/Add.1")
    assert parsed is not None and str(parsed.parent) == "A/HRC/28/15"


def test_symbols_tried_near_slashes_find_what_a_full_scan_finds(corpus) -> None:
    """`find_symbols` tries the grammar only before each slash: on real texts and on the
    longest series roots it must find what `SYMBOL_RE.finditer` finds."""
    from pathlib import Path

    from undocs.read.loader import decode, scan_sources
    from undocs.read.symbols import _GLUED, SERIES_ROOTS, SYMBOL_RE, find_symbols

    sample = scan_sources(corpus)[::29]
    texts = [decode(Path(s.path).read_bytes(), s.name) for s in sample]
    longest = sorted(SERIES_ROOTS, key=len)[-3:]
    texts += [f"see {root}.12/3/Add.1, x{root}/1 and ({root}/ \n 2-A/70/1)" for root in longest]
    found = 0
    for text in texts:
        expected = [
            m.span()
            for m in SYMBOL_RE.finditer(text)
            if m.start() == 0 or text[m.start() - 1] not in _GLUED
        ]
        assert [m.span() for m in find_symbols(text)] == expected
        found += len(expected)
    assert found > 1000
