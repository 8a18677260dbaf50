"""Property-based tests: the parsers never raise on any text; normalising is idempotent."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from undocs.model import InputError
from undocs.read import symbols
from undocs.read.citations import find_citations
from undocs.read.frontmatter import read_fields, split
from undocs.read.loader import parse_text
from undocs.read.masthead import read_masthead

# Text drawn from what UN documents are made of: letters of the seven languages, digits,
# the punctuation of symbols and citations, and line breaks.
ALPHABET = st.sampled_from(
    list("ASERCOPHLTDV/.-() \n\t*,;:0123456789") + list("résolutionالقرار决议резолюцияÜß")
)
UN_TEXT = st.text(ALPHABET, max_size=300)
ANY_TEXT = st.text(max_size=300)
LANGS = st.sampled_from(["en", "fr", "es", "de", "ru", "ar", "zh", "xx"])
COMPONENT = st.one_of(
    st.from_regex(r"[A-Z]{1,5}", fullmatch=True),
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
    st.from_regex(r"(Add|Corr|Rev|L|C|WG|CONF)\.[0-9]{1,3}", fullmatch=True),
)
SYMBOLS = st.builds(
    lambda root, parts: "/".join([root, *parts]),
    st.sampled_from(["A", "S", "E", "CTOC", "A/HRC", "S/RES", "A/RES"]),
    st.lists(COMPONENT, min_size=1, max_size=6),
).filter(lambda s: any(c.isdigit() for c in s))


@given(st.one_of(UN_TEXT, ANY_TEXT))
def test_symbol_parse_never_raises(text: str) -> None:
    symbols.parse(text)
    list(symbols.find_symbols(text))


@given(st.one_of(UN_TEXT, ANY_TEXT))
def test_normalise_is_idempotent(text: str) -> None:
    once = symbols.normalise(text)
    if once is not None:
        assert symbols.normalise(once) == once


@given(SYMBOLS)
def test_canonical_symbol_parses_back_to_itself(symbol: str) -> None:
    canonical = symbols.normalise(symbol)
    assert canonical is not None
    assert str(symbols.parse(canonical)) == canonical
    assert symbols.normalise(canonical.lower()) == canonical


@given(st.one_of(UN_TEXT, ANY_TEXT), LANGS)
def test_citations_never_raise_and_point_into_the_text(text: str, code: str) -> None:
    for cite in find_citations(text, code, None):
        assert 0 <= cite.start <= cite.end <= len(text)


@given(st.lists(st.one_of(UN_TEXT, ANY_TEXT), max_size=12), LANGS)
def test_masthead_never_raises(lines: list[str], code: str) -> None:
    flat = [line for chunk in lines for line in chunk.split("\n")]
    head = read_masthead(flat, code)
    assert 0 <= head.body_start <= len(flat)
    assert all(0 <= i < len(flat) for i in head.skip_lines)
    assert "\n" not in head.title
    assert head.symbol is None or head.symbol.strip() == head.symbol != ""


@settings(suppress_health_check=[HealthCheck.too_slow], max_examples=200)
@given(st.one_of(UN_TEXT, ANY_TEXT))
def test_loader_never_raises_on_any_text(text: str) -> None:
    try:
        parts = split(text, "x.md")
        meta, _ = read_fields(parts, "x.md")
    except InputError as err:
        assert err.problem.path == "x.md" and err.problem.line >= 1
        return
    record, problems = parse_text(parts.text, "x.md", meta, parts.text_line, parts.lines)
    assert record.file == "x.md"
    assert all(str(p).startswith("x.md:") for p in problems)


@given(
    st.dictionaries(
        st.sampled_from(["symbol", "language", "date", "session", "title"]),
        st.one_of(st.text(max_size=20), st.integers(), st.none(), st.booleans()),
        max_size=5,
    )
)
def test_front_matter_of_any_type_is_reported_not_raised(meta: dict) -> None:
    import yaml

    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nThe text.\n"
    try:
        parts = split(text, "f.md")
        meta, problems = read_fields(parts, "f.md")
    except InputError as err:
        assert "front matter" in err.problem.reason
        assert err.problem.line >= 2
        return
    assert all(p.line >= 2 for p in problems)
    parse_text(parts.text, "f.md", meta, parts.text_line, parts.lines)


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["symbol", "excerpt", "session", "title", "date", "x_y"]),
            st.one_of(
                st.sampled_from(
                    ["true", "false", "True", "FALSE", "yes", "no", "on", "null", "~", "y"]
                ),
                st.from_regex(r"[A-Za-z][A-Za-z0-9/._\- ()]{0,15}", fullmatch=True),
                st.from_regex(r"[0-9]{1,10}|\d{4}-\d{2}-\d{2}", fullmatch=True),
                # (control characters left out: YAML refuses them, the fast reader keeps them)
                st.from_regex(
                    r'"[^"\\\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]{0,10}"', fullmatch=True
                ),
            ),
        ),
        max_size=5,
    )
)
def test_fast_front_matter_reads_what_yaml_reads(lines: list) -> None:
    """The front matter read without YAML is what YAML reads, or left to YAML."""
    import yaml

    from undocs.read.frontmatter import LOADER, _simple

    source = "\n".join(f"{key}: {value}" for key, value in lines)
    fast = _simple(source)
    if fast is None:
        return
    try:
        expected = yaml.load(source, Loader=LOADER) or {}
    except ValueError:
        return  # an impossible date ("0000-01-01"): YAML gives no value to compare
    except yaml.YAMLError:
        raise AssertionError(f"read without YAML, but YAML refuses it: {source!r}") from None
    expected = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in expected.items()}
    assert fast == expected
