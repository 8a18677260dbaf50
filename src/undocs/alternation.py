r"""A regex alternation of many words as a tree of their shared prefixes.

Python's regex engine tries the branches of `a|b|c` one by one at every position of the text:
with hundreds of names (bodies, symbol series) that is most of the time spent searching. As a
tree (`S(?:ecurity Council|ixth Committee)`), each position costs a few steps.
"""

from __future__ import annotations

import re


def alternation(words: list[str] | tuple[str, ...], lower: bool = False) -> str:
    """Return a regex matching any of `words`, with any run of white space between their
    words; lower-cased with `lower`, for a pattern compiled to ignore case.

    At each branch the next characters differ, so the longest word that matches is tried
    first, as in an alternation of the words longest first.
    """
    tree: dict[str, dict] = {}
    for word in words:
        node = tree
        for char in re.sub(r"\s+", " ", word.lower() if lower else word):
            node = node.setdefault(char, {})
        node[""] = {}  # a word ends here

    def pattern(node: dict[str, dict]) -> str:
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
