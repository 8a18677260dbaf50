"""The interface's languages: gettext catalogs, dates and language names by Babel (CLDR).

The interface's words are in gettext catalogs, `undocs/locales/<lang>/LC_MESSAGES/undocs.po`
(English is the templates' own text), compiled in memory when a build first needs them: a
template marks its words with `{% trans %}` or `_()` (Jinja's i18n extension), and a page is
rendered speaking one language (`speaking`). Dates, numbers and the names of languages come
from CLDR through Babel, in the page's language ("12 juin 2014", "2014年6月12日").
"""

from __future__ import annotations

import contextlib
import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

import icu
from babel import Locale
from babel.dates import format_date
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import NullTranslations, Translations
from markupsafe import Markup, escape

from ..model import N_, Problem

__all__ = ["N_"]  # marks messages of Python code (`undocs.model.N_`)

#: Where the catalogs are: `<lang>/LC_MESSAGES/undocs.po`, and the template `undocs.pot`.
LOCALES = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "undocs"

#: The interface languages undocs ships: the six official languages of the United Nations
#: and German (the documents' languages in the shared corpus).
INTERFACE_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es", "de")

#: The CLDR locale of each interface language: UN English is British ("12 June 2014").
CLDR = {"en": "en_GB"}

#: The context of the bodies' names in the catalogs (`body_name`).
BODY = "body"

#: The context of the document types in the catalogs (`type_name`).
TYPE = "document type"

#: The context of the names of the quality report's gaps in the catalogs ("undated").
GAP = "gap"

#: The context of the quality report's kinds of problems in the catalogs (`PROBLEM_KINDS`).
PROBLEM = "problem"

#: What the lists call the body of a document that names none.
UNKNOWN_BODY = "Unknown body"

#: The language the page being rendered speaks (`speaking`).
_SPEAKING: ContextVar[str] = ContextVar("speaking", default="en")


def interface_language(language: str | None) -> str:
    """Return the interface language for a page in `language`: its own if shipped, else
    English."""
    return language if language in INTERFACE_LANGUAGES else "en"


def catalog_path(language: str) -> Path:
    """Return where the catalog of an interface language is kept."""
    return LOCALES / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def translations(language: str) -> NullTranslations:
    """Return the compiled catalog of an interface language (none for English, the
    templates' own words)."""
    path = catalog_path(language)
    if language == "en" or not path.is_file():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


class Labels(dict[str, str]):
    """The words of one interface language, looked up as `labels[message]`: each message
    translated by its catalog when first asked for, then kept (templates mark thousands of
    labels per build: a call each would cost seconds)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, message: str) -> str:
        found = self[message] = translations(self.language).gettext(message)
        return found


class TemplateLabels(dict[str | tuple[str, ...], Markup]):
    """The words of one interface language as templates print them (`render.QuickLabels`
    turns `_("Body")` into `ui_text["Body"]`): what Jinja's own `_()` gives, the translation
    as markup (the catalogs' "<del>deleted</del>" a tag, not text), its placeholders filled
    with escaped values. A key `(message, name, value, ...)` is a message whose values are
    written in the template (`_("No document %(symbol)s", symbol="{symbol}")`)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, key: str | tuple[str, ...]) -> Markup:
        message, written = (key, ()) if isinstance(key, str) else (key[0], key[1:])
        values = dict(zip(written[::2], written[1::2], strict=True))
        found = self[key] = self.filled(message, **values)
        return found

    def filled(self, message: str, **values: object) -> Markup:
        """Return `message` translated, its placeholders filled with `values` (escaped)."""
        return Markup(labels(self.language)[message]) % values


@cache
def template_labels(language: str) -> TemplateLabels:
    """Return the words of an interface language for templates (`TemplateLabels`)."""
    return TemplateLabels(interface_language(language))


@cache
def labels(language: str) -> Labels:
    """Return the words of an interface language (`Labels`), one table per process."""
    return Labels(interface_language(language))


@contextlib.contextmanager
def speaking(language: str) -> Iterator[None]:
    """Render in `language` (an interface language) while in this block."""
    token = _SPEAKING.set(interface_language(language))
    try:
        yield
    finally:
        _SPEAKING.reset(token)


def spoken() -> str:
    """Return the interface language being spoken (`speaking`)."""
    return _SPEAKING.get()


def gettext(message: str) -> str:
    """Return `message` in the language spoken (Jinja's `_()` and `{% trans %}`)."""
    return translations(_SPEAKING.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Return the singular or plural of a message, by the rules of the language spoken."""
    return translations(_SPEAKING.get()).ngettext(singular, plural, n)


def problem_reason(problem: Problem) -> Markup:
    """Return why `problem` is one in the language spoken, where its catalog words the
    reason: its values (symbols, files, what the file holds) as the build read them, each
    isolated (`<bdi>`) so that a symbol keeps its order in Arabic; else the build's English
    words, marked as English. A body's name and a field's type (`_WORDED`) are given in the
    language spoken."""
    language = _SPEAKING.get()
    if language == "en":
        return escape(problem.reason)
    said = translations(language).gettext(problem.message) if problem.message else ""
    if not said or said == problem.message:
        return Markup('<span lang="en" dir="ltr">%s</span>') % problem.reason
    return escape(said) % {
        name: Markup("<bdi>%s</bdi>") % (_WORDED[name](value) if name in _WORDED else value)
        for name, value in problem.values
    }


def pgettext(context: str, message: str) -> str:
    """Return `message`, as meant in `context`, in the language spoken."""
    return str(translations(_SPEAKING.get()).pgettext(context, message))


@cache
def _locale(language: str) -> Locale:
    return Locale.parse(CLDR.get(language, language))


def long_date(iso: str | None) -> str:
    """Return an ISO date as the language spoken writes it ("12 June 2014", "12 juin
    2014", "2014年6月12日"); a date that is not one is returned as given."""
    if not iso:
        return ""
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return format_date(day, "long", locale=_locale(_SPEAKING.get()))


def number(count: int) -> str:
    """Return a count as the language spoken writes it ("13,813", "13 813", "13.813")."""
    return format_decimal(count, locale=_locale(_SPEAKING.get()))


class BodyNames(dict[str, str]):
    """The names of bodies in one interface language (their UN names), looked up as
    `names[english name]`, each translated once: lists name a body on every row."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.language = language

    def __missing__(self, name: str) -> str:
        found = translations(self.language)
        named = found.gettext(name) if name == UNKNOWN_BODY else found.pgettext(BODY, name)
        self[name] = str(named)
        return self[name]


@cache
def body_names(language: str) -> BodyNames:
    """Return the names of bodies in an interface language, one table per process."""
    return BodyNames(interface_language(language))


def body_name(name: str | None) -> str:
    """Return a body's name in the language spoken (its UN name: "Conseil de sécurité");
    a body the catalog does not name keeps its English name."""
    return body_names(_SPEAKING.get())[name] if name else ""


#: The values of problems given in the language spoken (`problem_reason`): a body's name,
#: the type a front matter field must have ("a whole number", `undocs.read.frontmatter`).
_WORDED: dict[str, Callable[[str], str]] = {"body": body_name, "expected": gettext}


def known_bodies() -> set[str]:
    """Return the English names of every body undocs knows (the catalogs name each)."""
    from ..lang.bodies import BODY_NAMES, PARENT_OF, SERIES_BODY

    return {*BODY_NAMES, *PARENT_OF, *(body for _, body in SERIES_BODY)}


#: The languages written right to left.
RTL = frozenset({"ar", "fa", "he", "ur"})


def direction(language: str) -> str:
    """Return the direction a language is written in: `rtl` or `ltr`."""
    return "rtl" if language in RTL else "ltr"


def type_name(document_type: str) -> str:
    """Return a document type ("report") in the language spoken ("rapport")."""
    return pgettext(TYPE, document_type)


@cache
def _collator(language: str) -> icu.Collator:
    return icu.Collator.createInstance(icu.Locale(CLDR.get(language, language)))


def collation_key(language: str) -> Callable[[str], bytes]:
    """Return the sort key of names in `language` by its collation (ICU's, from CLDR:
    accents after letters in French, pinyin in Chinese)."""
    key: Callable[[str], bytes] = _collator(interface_language(language)).getSortKey
    return key


def collated(rows: Iterable[Any], kind: str) -> list[Any]:
    """Return a list's rows in the order of their names as the language spoken writes them
    and sorts them: `kind` `languages` (rows named by a language's code), `types` (by a
    document type) or `states` ((name, url, count) rows of Member States)."""
    language = spoken()
    key = collation_key(language)
    if kind == "states":  # (name, url, count) rows
        return sorted(rows, key=lambda row: key(state_label(row[0])))
    if kind == "languages":
        names = language_names(language)
        return sorted(rows, key=lambda row: key(names[row["name"]]))
    return sorted(rows, key=lambda row: key(type_name(row["name"])))


def plural_forms(kind: str) -> dict[str, str]:
    """Return a count's words in the language spoken for each of its plural categories
    (CLDR's: "one", "few", "many", "other"...), `{n}` standing for the count and `{query}`
    for a query: the search page picks one by the browser's `Intl.PluralRules`. `kind`:
    `results` or `results for` (a query)."""

    def words(n: int) -> str:
        if kind == "results":
            text = ngettext("%(count)s result", "%(count)s results", n)
        else:
            text = ngettext(
                "%(count)s result for “%(query)s”", "%(count)s results for “%(query)s”", n
            )
        return text % {"count": "{n}", "query": "{query}"}

    forms = {category: words(n) for category, n in _plural_examples(spoken()).items()}
    forms.setdefault("other", words(1000))  # no whole number is "other" in Russian
    return forms


@cache
def _plural_examples(language: str) -> dict[str, int]:
    """Return a count of each plural category of a language (the first from 0)."""
    rule = _locale(language).plural_form
    examples: dict[str, int] = {}
    for n in range(200):
        examples.setdefault(rule(n), n)
    return examples


def filter_labels() -> dict[str, str]:
    """Return the bodies' and document types' names in the language spoken, by their
    English names (the search index's filter values), where they differ."""
    from ..model import DOCUMENT_TYPES

    labels = {name: body_name(name) for name in known_bodies()}
    for document_type in DOCUMENT_TYPES:
        labels[document_type] = type_name(document_type)
    return {name: label for name, label in sorted(labels.items()) if label != name}


class LanguageNames(dict[str, str]):
    """The names of languages in one interface language (CLDR's: "anglais" in French),
    looked up as `names[code]`, each found once; a code CLDR does not name stands for
    itself."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.locale = _locale(language)

    def __missing__(self, code: str) -> str:
        found = self[code] = self.locale.languages.get(code) or code
        return found


@cache
def language_names(language: str) -> LanguageNames:
    """Return the names of languages in an interface language, one table per process."""
    return LanguageNames(interface_language(language))


def language_name(code: str) -> str:
    """Return the name of a language in the language spoken ("anglais" in French)."""
    return language_names(_SPEAKING.get())[code]


def interface_messages(templates: Path) -> Catalog:
    """Return every message of the interface: the words the templates in `templates` mark
    (Jinja's i18n extension, read by Babel), the names of the bodies undocs knows, the
    document types and the quality report's gaps and kinds of problems (in the contexts BODY,
    TYPE, GAP and PROBLEM), and
    what the data page says of each file. `tools/messages.py` writes it as `undocs.pot`."""
    from babel.messages.extract import extract_from_dir

    from ..archive.quality import GAPS, PROBLEM_KINDS
    from ..model import DOCUMENT_TYPES
    from .exports import DATA_FILES

    catalog = Catalog(domain=DOMAIN, project="undocs")
    found = extract_from_dir(
        str(templates),
        method_map=[("**.html", "jinja2")],
        options_map={"**.html": {"extensions": "jinja2.ext.i18n"}},
    )
    for _file, _line, message, comments, context in found:
        catalog.add(message, None, auto_comments=comments, context=context)
    code = extract_from_dir(  # the messages of Python code: marked N_(), translated by
        str(Path(__file__).parent.parent),  # gettext() and ngettext() where they are used,
        method_map=[("**.py", "python")],  # or the reasons of problems (`problem_at`)
        keywords={
            "N_": None,
            "gettext": None,
            "ngettext": (1, 2),
            "problem_at": (3,),
            "InputError": (3,),
        },
    )
    for _file, _line, message, comments, context in code:
        catalog.add(message, None, auto_comments=comments, context=context)
    for name in sorted(known_bodies()):
        catalog.add(name, None, context=BODY)
    for document_type in DOCUMENT_TYPES:
        catalog.add(document_type, None, context=TYPE)
    for name, meaning, _test in GAPS:  # the quality report's gaps
        catalog.add(name, None, context=GAP)
        catalog.add(meaning, None)
    for _marker, kind in PROBLEM_KINDS:  # the quality report's kinds of problems
        catalog.add(kind, None, context=PROBLEM)
    for description in DATA_FILES.values():  # the data page's files
        catalog.add(description, None)
    return catalog


#: The UN's short names of the states in its six official languages (UNTERM's), by ISO 3166
#: code, with their provenance at the top of the file.
UNTERM_STATES = Path(__file__).resolve().parent.parent / "lang" / "unterm_states.tsv"


@cache
def _unterm() -> dict[str, dict[str, str]]:
    """Return the UN's short name of each state, by code, in each official language."""
    with UNTERM_STATES.open(encoding="utf-8") as file:
        rows = [line.rstrip("\n").split("\t") for line in file if not line.startswith("#")]
    languages = rows[0][1:]
    return {row[0]: dict(zip(languages, row[1:], strict=True)) for row in rows[1:]}


@cache
def _state_codes() -> dict[str, str]:
    """Return the ISO 3166 code of each state by the English name undocs lists it under
    (`lang.states`): CLDR's English names, and the UN's short names (UNTERM's) where they
    differ. States of the past (the USSR, Yugoslavia...) have none: they keep the name the
    texts print."""
    codes = {
        name: code
        for code, name in Locale.parse("en").territories.items()
        if len(code) == 2 and code.isalpha()
    }
    unterm = {names["en"]: code for code, names in _unterm().items()}
    return codes | unterm  # the UN's English short names where CLDR's differ


def _state_name(name: str) -> str | None:
    """Return the name, in the language spoken, of the state listed as `name`: the UN's in
    its official languages (UNTERM), CLDR's in another (German); None for a state neither
    names (a state of the past)."""
    code = _state_codes().get(name)
    if code is None:
        return None
    language = spoken()
    return _unterm().get(code, {}).get(language) or _locale(language).territories.get(code)


def state_label(name: str) -> str:
    """Return a Member State's name in the language spoken: the UN's short name in its
    official languages ("Royaume-Uni de Grande-Bretagne et d'Irlande du Nord", UNTERM's),
    CLDR's in German ("Vereinigtes Königreich"), and the name the texts print for a state
    neither names (a state of the past)."""
    return name if spoken() == "en" else _state_name(name) or name


def state_named(name: str) -> bool:
    """Return whether `state_label` names the state in the language spoken (else it is
    English)."""
    return spoken() == "en" or _state_name(name) is not None
