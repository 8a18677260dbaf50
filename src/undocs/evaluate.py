"""Score the loader against hand-checked records: `python -m undocs.evaluate GOLD.jsonl`.

Scalar fields by exact match after GUIDE.md's normalisation (title loosely, similarity 0.85);
list fields by precision, recall and F1 of the set. A field a gold line lists in `unscored`,
or whose gold value is null for a list field, is not scored for that document.
"""

from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .model import RECORD_FIELDS
from .read.loader import load_file
from .read.symbols import compare_key

LIST_FIELDS = ("agenda_items", "resolutions_cited", "documents_cited")
SYMBOL_FIELDS = ("symbol", "documents_cited")


@dataclass
class Score:
    """Running totals for one field."""

    right: int = 0
    total: int = 0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def value(self) -> float:
        """Return accuracy for a scalar field, F1 for a list field."""
        if self.tp or self.fp or self.fn:
            return 2 * self.tp / (2 * self.tp + self.fp + self.fn)
        return self.right / self.total if self.total else 1.0


def _key(name: str, value: object) -> str | None:
    if value is None:
        return None
    if name in SYMBOL_FIELDS:
        return compare_key(str(value))
    if name == "resolutions_cited":
        return re.sub(r"\s+", "", str(value)).casefold()
    return str(value)


def _fold_title(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def score_line(gold: dict[str, Any], got: dict[str, Any], scores: dict[str, Score]) -> None:
    """Add one document's comparison to the running scores."""
    for name in RECORD_FIELDS:
        if name in gold.get("unscored", []):
            continue
        want, have = gold.get(name), got.get(name)
        s = scores[name]
        if name in LIST_FIELDS:
            if want is None:
                continue
            w = {_key(name, v) for v in want}
            h = {_key(name, v) for v in have or []}
            s.tp += len(w & h)
            s.fp += len(h - w)
            s.fn += len(w - h)
            s.total += 1
            if w == h:
                s.right += 1
            else:
                missing, extra = sorted(w - h, key=str), sorted(h - w, key=str)
                s.misses.append(f"{gold['file']}: missing {missing} extra {extra}")
            continue
        s.total += 1
        if name == "title":
            ok = (
                difflib.SequenceMatcher(
                    None, _fold_title(want or ""), _fold_title(have or "")
                ).ratio()
                >= 0.85
            )
        else:
            ok = _key(name, want) == _key(name, have)
        if ok:
            s.right += 1
        else:
            s.misses.append(f"{gold['file']}: want {want!r} got {have!r}")


def main(argv: list[str] | None = None) -> int:
    """Print per-field accuracy and F1 of the loader on a gold file."""
    parser = argparse.ArgumentParser(prog="python -m undocs.evaluate", description=__doc__)
    parser.add_argument("gold", type=Path, help="gold JSONL (../shared/gold/dev.jsonl)")
    parser.add_argument("--corpus", type=Path, help="corpus folder (default: gold/../corpus)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    corpus = args.corpus or args.gold.resolve().parent.parent / "corpus"
    scores = {name: Score() for name in RECORD_FIELDS}
    lines = [
        json.loads(line)
        for line in args.gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    for gold in lines:
        record, _ = load_file(corpus / gold["file"], gold["file"])
        score_line(gold, record.to_json(), scores)
    print(f"{'field':<20} {'score':>6} {'kind':>9} {'right/total':>12}")
    values = []
    for name, s in scores.items():
        kind = "F1" if name in LIST_FIELDS else "accuracy"
        values.append(s.value())
        print(f"{name:<20} {s.value():6.3f} {kind:>9} {s.right:>5}/{s.total:<6}")
    mean = sum(values) / len(values)
    print(f"{'mean':<20} {mean:6.3f}   ({len(lines)} documents)")
    if args.verbose:
        for name, s in scores.items():
            for miss in s.misses:
                print(f"  {name}: {miss}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
