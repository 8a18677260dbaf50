r"""Regex searches made fast where the loader spends its time, with the same results.

- `alternation`: many words as a tree of their shared prefixes. Python's regex engine tries
  the branches of `a|b|c` one by one at every position of the text: with hundreds of names
  (bodies, symbol series) that is most of the time spent searching. As a tree
  (`S(?:ecurity Council|ixth Committee)`), each position costs a few steps.
- `anchored`: what `finditer` finds, trying the pattern only near a literal every match
  holds (a slash in a symbol, "esolution" in "Resolution"), found with `str.find`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

#: A prefix tree of words: character -> subtree ("" marks the end of a word).
_Tree = dict[str, "_Tree"]


def alternation(words: list[str] | tuple[str, ...], lower: bool = False) -> str:
    """Return a regex matching any of `words`, with any run of white space between their
    words; lower-cased with `lower`, for a pattern compiled to ignore case.

    At each branch the next characters differ, so the longest word that matches is tried
    first, as in an alternation of the words longest first.
    """
    tree: _Tree = {}
    for word in words:
        node = tree
        for char in re.sub(r"\s+", " ", word.lower() if lower else word):
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: _Tree) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word may end here: the longer ones are tried first (greedy)
            return f"(?:{body})?"
        return body

    return pattern(tree)


def anchored(
    pattern: re.Pattern[str],
    text: str,
    hint: str,
    lead: int,
    first: frozenset[str] | None = None,
) -> Iterator[re.Match[str]]:
    """Yield what `pattern.finditer(text)` yields, given that every match holds `hint` at most
    `lead` characters after its start (and starts with one of `first`, when given).

    The starts worth trying are found with `str.find`, many times faster than a regex scan.
    """
    pos = 0  # matches do not overlap: none starts before the end of the last
    tried = 0  # every start before this one has been tried
    while (at := text.find(hint, max(pos, tried))) != -1:
        for start in range(max(pos, tried, at - lead), at + 1):
            if first is not None and text[start] not in first:
                continue
            match = pattern.match(text, start)
            if match is not None:
                yield match
                pos = match.end()
                break
        tried = at + 1
