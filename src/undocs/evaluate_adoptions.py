"""Score the adoption reader against hand-checked adoptions:
`python -m undocs.evaluate_adoptions tests/adoptions.jsonl [--corpus ../shared/corpus] [-v]`.

Each gold line names a file of the corpus (and, for an adoption a report or compilation
records, the `number` of the resolution adopted) with the adoption's fields as they should be
read; a resolution whose text prints no adoption has them all null. Every field is scored by
exact match (lists in order), and the accuracy of each is printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .read.loader import load_file

FIELDS = (
    "meeting", "record", "date", "outcome", "in_favour", "against", "abstaining",
    "states_in_favour", "states_against", "states_abstaining", "draft",
)  # fmt: skip
LISTS = ("states_in_favour", "states_against", "states_abstaining")


def score(corpus: Path, gold: Path) -> dict[str, tuple[int, int, list[str]]]:
    """Return, per field, (right, checked, the misses as `file: got != want`)."""
    scores: dict[str, tuple[int, int, list[str]]] = {name: (0, 0, []) for name in FIELDS}
    for line in gold.read_text(encoding="utf-8").splitlines():
        want = json.loads(line)
        record, _ = load_file(corpus / want["file"], want["file"])
        if want.get("number"):
            got = next((a for a in record.adoptions if a.number == want["number"]), None)
        else:
            got = record.adoption
        for name in FIELDS:
            if name not in want:
                continue
            value = getattr(got, name) if got else None
            if name in LISTS:
                value = list(value or ())
            right, n, misses = scores[name]
            if value != want[name]:
                misses.append(
                    f"{want['file']} {want.get('number', '')}: {value!r} != {want[name]!r}"
                )
            scores[name] = (right + (value == want[name]), n + 1, misses)
    return scores


def main(argv: list[str] | None = None) -> int:
    """Print each field's accuracy (and with -v its misses)."""
    parser = argparse.ArgumentParser(
        prog="python -m undocs.evaluate_adoptions", description=__doc__.splitlines()[0]
    )
    parser.add_argument("gold", type=Path, help="gold JSONL (tests/adoptions.jsonl)")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = parser.parse_args(argv)
    lines = args.gold.read_text(encoding="utf-8").splitlines()
    print(f"{len(lines)} adoptions checked by hand ({args.gold})")
    for name, (right, n, misses) in score(args.corpus, args.gold).items():
        print(f"{name:<18} {right / n if n else 0:.3f}  {right}/{n}")
        if args.verbose:
            for miss in misses:
                print("    " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
