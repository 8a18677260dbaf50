"""Front matter checked field by field: each problem at its key's own line, in a user's words.

Each case is a file as a librarian might write it; the expected problem names its line.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from undocs.build import load_records
from undocs.model import DOCUMENT_TYPES, InputError
from undocs.read.frontmatter import read_fields, split
from undocs.read.loader import load_file

TEXT = "\nDistr.: General\n12 June 2014\n\nThe General Assembly,\n\n1. Recalls resolution 60/251.\n"

#: (front matter lines, expected "line: reason" of the one problem, the field's value after)
WARNINGS = [
    (
        ["symbol: A/70/1", "language: en", "date: 2001-13-45"],
        "4: front matter field 'date': 2001-13-45 is not a day of the calendar; ignored",
        ("date", "2014-06-12"),
    ),
    (
        ["symbol: A/70/1", "date: 2015-02-30", "language: en"],
        "3: front matter field 'date': 2015-02-30 is not a day of the calendar; ignored",
        ("date", "2014-06-12"),
    ),
    (
        ["symbol: A/70/1", "date: 12 June 2014"],
        "3: front matter field 'date': '12 June 2014' is not a date written YYYY-MM-DD",
        ("date", "2014-06-12"),
    ),
    (
        ["symbol: A/70/1", "language: en", "document_type: reprot"],
        "4: front matter field 'document_type': 'reprot' is not a document type "
        "(did you mean 'report'?",
        ("document_type", "other"),
    ),
    (
        ["symbol: A/70/1", "dtae: 2015-01-02"],
        "3: front matter field 'dtae' is not one undocs reads: did you mean 'date'? (ignored)",
        ("date", "2014-06-12"),
    ),
    (
        ["symbol: A/70/1", "langauge: fr", "title: A title"],
        "3: front matter field 'langauge' is not one undocs reads: did you mean 'language'?",
        ("language", "en"),
    ),
    (
        ["symbol: A/70/1", "", "language: xx-yy-zz"],
        "4: front matter language 'xx-yy-zz' is not an ISO 639-1 code",
        ("language", "en"),
    ),
    (
        ["title: T", "symbol: not a symbol"],
        "3: front matter symbol 'not a symbol' is not a UN symbol",
        ("symbol", None),
    ),
]

#: (front matter lines, expected "line: reason" of the error that skips the file)
ERRORS = [
    (["symbol: A/70/1", "session: seven"], "3: front matter field 'session' must be a whole "
     "number, not the text 'seven'"),
    (["symbol: A/70/1", "agenda_items: 6"], "3: front matter field 'agenda_items' must be a "
     'list, e.g. ["6", "2 (c)"], not the number 6'),
    (["excerpt: yes please", "symbol: A/70/1"], "2: front matter field 'excerpt' must be true "
     "or false, not the text 'yes please'"),
    (["symbol: A/70/1", "title: Report: Slovenia"], "3: front matter is not valid YAML: mapping "
     "values are not allowed"),
    (["symbol: A/70/1", "title: 5"], "3: front matter field 'title' must be text, not the "
     "number 5"),
]  # fmt: skip


def _write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "doc.md"
    path.write_text("---\n" + "\n".join(lines) + "\n---" + TEXT, encoding="utf-8")
    return path


@pytest.mark.parametrize(("lines", "expected", "field"), WARNINGS)
def test_a_bad_value_is_reported_at_its_line_and_the_text_read(
    tmp_path: Path, lines, expected, field
) -> None:
    record, problems = load_file(_write(tmp_path, lines), "doc.md")
    said = [f"{p.line}: {p.reason}" for p in problems]
    assert [s for s in said if s.startswith(expected)], said
    name, value = field
    assert getattr(record, name) == value


@pytest.mark.parametrize(("lines", "expected"), ERRORS)
def test_a_wrong_type_is_reported_at_its_line(tmp_path: Path, lines, expected) -> None:
    with pytest.raises(InputError) as caught:
        load_file(_write(tmp_path, lines), "doc.md")
    problem = caught.value.problem
    assert f"{problem.line}: {problem.reason}".startswith(expected)
    if "YAML" in expected:
        assert problem.reason.endswith(
            'must be in quotes, e.g. title: "Report of the Working Group: Slovenia"'
        )
    assert "str" not in problem.reason.split() and "int" not in problem.reason.split()


def test_no_bad_date_reaches_a_record(tmp_path: Path) -> None:
    for number, day in enumerate(["2001-13-45", "2021-02-29", "0000-01-01", "2020-1-1"]):
        (tmp_path / f"d{number}.md").write_text(
            f"---\nsymbol: A/70/{number + 1}\ndate: {day}\n---\nThe text.\n", encoding="utf-8"
        )
    records, problems = load_records(tmp_path)
    assert len(records) == 4  # the documents are kept, their dates are not
    assert all(r.date is None for r in records)
    assert sum("date" in p.reason and p.line == 3 for p in problems) == 4


def test_every_documented_type_is_accepted(tmp_path: Path) -> None:
    for kind in DOCUMENT_TYPES:
        record, problems = load_file(
            _write(tmp_path, ["symbol: A/70/1", f"document_type: {kind}"]), "doc.md"
        )
        assert record.document_type == kind
        assert not [p for p in problems if "document_type" in p.reason]


def test_catalogue_fields_of_the_corpus_are_not_called_misspelt(corpus: Path) -> None:
    """Real catalogues add fields of their own (source, job_number, record_id, ...): every
    front matter of the corpus is read without a problem."""
    said, read = [], 0
    for path in sorted(corpus.rglob("*")):
        if path.suffix not in (".txt", ".md") or path.name == "README.md":
            continue
        text = path.read_text(encoding="utf-8-sig")
        if not text.startswith("---"):
            continue
        _, problems = read_fields(split(text, path.name), path.name)
        said += [str(p) for p in problems]
        read += 1
    assert read > 12_000
    assert said == []
