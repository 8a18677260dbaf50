"""The body-name table and its prefix-tree pattern: every name found, the longest one first."""

from __future__ import annotations

import re

import pytest

from undocs.lang.bodies import BODY_NAMES, PARENT_OF, _name_index, find_body
from undocs.lang.numerals import fold

NAMES = sorted({n for group in (*BODY_NAMES.values(), *PARENT_OF.values()) for n in group})


def _flat() -> re.Pattern[str]:
    """The plain alternation the prefix tree replaces: every name, longest first."""
    alternatives = "|".join(
        re.escape(n).replace(r"\ ", r"\s+") for n in sorted(NAMES, key=len, reverse=True)
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)


@pytest.mark.parametrize("name", NAMES)
def test_every_name_is_found_in_any_case_and_spacing(name):
    index = _name_index().canonical
    expected = index[fold(name)]
    spaced = name.replace(" ", " \n  ")
    upper = name.upper() if len(name.upper()) == len(name) else name  # "ß" -> "SS" does not
    for line in (name, upper, name.lower(), f"adopted by the {spaced}, on"):
        assert find_body(line) == expected, line


def test_prefix_tree_matches_what_the_flat_alternation_matches():
    flat = _flat()
    tree = _name_index().pattern
    # names run together, cut short, and followed by letters: where the longest match is
    # not the first one a careless tree would take
    texts = [f"{a} {b}" for a, b in zip(NAMES, reversed(NAMES), strict=True)]
    texts += [name[: len(name) // 2] + " x" for name in NAMES]
    texts += [name + "s of" for name in NAMES] + [name + " Board" for name in NAMES]
    longer = [b for b in NAMES if any(a != b and b.lower().startswith(a.lower()) for a in NAMES)]
    assert longer  # names that begin with another name: the longer one must win
    texts += longer
    for text in texts:
        a, b = flat.search(text), tree.search(text)
        assert (a and a.span()) == (b and b.span()), text


def test_case_sensitive_tree_for_citation_patterns():
    alternatives = _name_index().alternation
    pattern = re.compile(alternatives)
    assert pattern.fullmatch("Human Rights Council")
    assert pattern.fullmatch("Wirtschafts- und Sozialrats")
    assert pattern.fullmatch("Sicherheitsrat")
    assert not pattern.fullmatch("HUMAN RIGHTS COUNCIL")
