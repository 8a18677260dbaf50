"""Regenerate src/undocs/lang/sc_years.py: the years of the Security Council's resolutions.

    python tools/sc_years.py [../shared/corpus/manifest.jsonl]

The Council numbers its resolutions in one series since 1946, in order of adoption, so a
number's year is certain when it lies between the lowest and the highest number of one year.
This writes, for each year, the lowest and highest numbers of the resolutions the manifest
of the shared corpus lists with their year (`S/RES/338 (1973)`); a number between two years'
ranges is left without a year.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SYMBOL = re.compile(r"S/RES/(\d{1,4}) ?\((\d{4})\)")


def main() -> int:
    manifest = (
        Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT.parent / "shared/corpus/manifest.jsonl"
    )
    years: dict[int, list[int]] = defaultdict(list)
    for line in manifest.read_text(encoding="utf-8").splitlines():
        found = SYMBOL.fullmatch(json.loads(line).get("symbol") or "")
        if found:
            years[int(found.group(2))].append(int(found.group(1)))
    ranges = [(year, min(n), max(n)) for year, n in sorted(years.items())]
    for (_, _, last), (year, first, _) in itertools.pairwise(ranges):
        if first <= last:
            raise SystemExit(f"{manifest}: numbers of {year} overlap the year before's")
    rows = "\n".join(f"    ({year}, {first}, {last})," for year, first, last in ranges)
    out = ROOT / "src/undocs/lang/sc_years.py"
    out.write_text(TEMPLATE.format(rows=rows, count=sum(len(n) for n in years.values())), "utf-8")
    print(f"wrote {out}: {len(ranges)} years")
    return 0


TEMPLATE = '''"""The years of the Security Council's resolutions, for citations printed without one.

"Security Council resolution 338" names S/RES/338 (1973): the Council numbers its
resolutions in one series, in order of adoption, so a number lies in one year. `YEARS` holds,
for each year, the lowest and highest numbers of the {count} resolutions with their year that
the shared corpus's manifest lists (written by tools/sc_years.py); a number inside a year's
range has that year, one between two years' ranges has none (it is not guessed).
"""

from __future__ import annotations

from bisect import bisect_right

#: (year, lowest number, highest number) of the resolutions known, by year.
YEARS: tuple[tuple[int, int, int], ...] = (
{rows}
)
_FIRSTS = [first for _, first, _ in YEARS]


def year_of(number: int) -> int | None:
    """Return the year of Security Council resolution `number`, where it is certain."""
    at = bisect_right(_FIRSTS, number) - 1
    if at < 0:
        return None
    year, _, last = YEARS[at]
    return year if number <= last else None
'''

if __name__ == "__main__":
    sys.exit(main())
