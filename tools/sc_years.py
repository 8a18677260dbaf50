"""Regenerate src/undocs/lang/sc_years.py: the years of the Security Council's resolutions.

    python tools/sc_years.py [../shared/corpus/manifest.jsonl]

The Council numbers its resolutions in one series since 1946, in order of adoption, so a
number's year is certain when it lies between the lowest and the highest number of one year.
This writes into the table `YEARS` of that module (its code is left as it is), for each
year, the lowest and highest numbers of the resolutions the manifest of the shared corpus
lists with their year (`S/RES/338 (1973)`); a number between two years' ranges is left
without a year.
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
    years: dict[int, set[int]] = defaultdict(set)  # a resolution once, whatever its languages
    for line in manifest.read_text(encoding="utf-8").splitlines():
        found = SYMBOL.fullmatch(json.loads(line).get("symbol") or "")
        if found:
            years[int(found.group(2))].add(int(found.group(1)))
    ranges = [(year, min(n), max(n)) for year, n in sorted(years.items())]
    for (_, _, last), (year, first, _) in itertools.pairwise(ranges):
        if first <= last:
            raise SystemExit(f"{manifest}: numbers of {year} overlap the year before's")
    rows = "".join(f"    ({year}, {first}, {last}),\n" for year, first, last in ranges)
    out = ROOT / "src/undocs/lang/sc_years.py"
    module = out.read_text(encoding="utf-8")
    table = re.compile(r"(^YEARS: .* = \(\n).*?(^\)\n)", re.S | re.M)
    count = re.compile(r"the \d[\d,]* resolutions with their year")
    module = table.sub(lambda m: m.group(1) + rows + m.group(2), module, count=1)
    total = sum(len(n) for n in years.values())
    module = count.sub(f"the {total:,} resolutions with their year", module, count=1)
    out.write_text(module, encoding="utf-8")
    print(f"wrote {out}: {len(ranges)} years")
    return 0


if __name__ == "__main__":
    sys.exit(main())
