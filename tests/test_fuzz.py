"""Random bytes and random front matter in a folder of documents: never a crash or a
traceback, never a write outside --out and its cache, never markup from the input in a page."""

from __future__ import annotations

import shutil
import string
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from undocs.build import BuildOptions, build
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent
MARK = "<b data-fuzz>"  # markup that must never reach a page unescaped

KEYS = (
    "symbol title date language body session agenda_items document_type original_language "
    "distribution excerpt dtae source"
).split()
SCALARS = st.one_of(
    st.text(alphabet=string.printable + "éüЖ中ع" + MARK, max_size=40),
    st.integers(-10**12, 10**12),
    st.booleans(),
    st.none(),
    st.sampled_from(["2001-13-45", "2016-02-29", "A/RES/70/1", "!!python/object:os.system",
                     "&a [1, 2]", "*a", "{a: b}", "[unclosed", "'", '"', "---", "...", "\t"]),
)  # fmt: skip
YAML_TRICKS = [
    "a: &x [1, 2, 3]\nb: *x\n",
    "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\ntitle: &t [*c, *c, *c, *c, *c, *c, *c]\n",
    "title: !!python/object/apply:os.system ['echo pwned']\n",
    "title: !custom tag\n",
    "? [complex, key]\n: value\n",
    "<<: {title: merged}\n",
    "symbol: !!binary aGVsbG8=\n",
    "date: !!timestamp 2001-12-14t21:59:43.10-05:00\n",
]


@st.composite
def front_matter(draw) -> str:
    lines = []
    for key in draw(st.lists(st.sampled_from(KEYS), max_size=6)):
        value = draw(SCALARS)
        lines.append(f"{key}: {value}" if draw(st.booleans()) else f"{key}: {value!r}")
    if draw(st.booleans()):
        lines.append(draw(st.sampled_from(YAML_TRICKS)))
    fence = draw(st.sampled_from(["---\n", "---\n", "--- \n", ""]))
    return fence + "\n".join(lines) + "\n" + draw(st.sampled_from(["---\n", "...\n", ""]))


DOCUMENT = st.tuples(
    front_matter(),
    st.text(alphabet=string.printable + "éüЖ中ع«»" + MARK, max_size=300),
).map(lambda parts: (parts[0] + parts[1]).encode("utf-8"))
FILES = st.lists(st.one_of(DOCUMENT, st.binary(max_size=2000)), min_size=1, max_size=5)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(files=FILES)
def test_random_input_never_crashes_or_escapes(files: list[bytes], tmp_path_factory) -> None:
    base = tmp_path_factory.mktemp("fuzz")
    seeds = base / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / "seed" / "000_a4e48ed0b737bc3c.txt", seeds / "good.txt")
    for n, data in enumerate(files):
        (seeds / f"f{n}.{'md' if n % 2 else 'txt'}").write_bytes(data)
    out = base / "out" / "site"
    result = build(BuildOptions(seeds=seeds, out=out, settings=Settings(search=False)))
    assert result.documents >= 1  # the good document is never lost
    assert sorted(p.name for p in base.iterdir()) == ["out", "seeds"]
    assert sorted(p.name for p in (base / "out").iterdir()) == [".site.undocs-cache", "site"]
    for problem in result.problems:
        assert str(problem).isprintable()
    for page in out.rglob("*.html"):
        assert MARK not in page.read_text(encoding="utf-8"), page
