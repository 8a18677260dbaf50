"""The interface in the documents' languages: complete catalogs, no stray English in the
translated templates, document pages speaking their document's language (Babel's dates)."""

from __future__ import annotations

import re
import sys
from html import unescape
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.site import i18n
from undocs.site.render import BUILTIN_TEMPLATES, Settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import messages  # noqa: E402  (tools/messages.py)

#: The templates whose every word goes through the catalogs: every page's.
TRANSLATED = (
    "base.html", "document.html", "listfilter.html", "adoption.html", "home.html",
    "list.html", "heading.html", "index.html", "search.html", "data.html", "quality.html",
    "404.html", "page.html", "resolutions.html", "states.html", "state.html",
    "resolution.html", "compare.html", "parallel.html",
)  # fmt: skip


@pytest.mark.parametrize("language", [lang for lang in i18n.INTERFACE_LANGUAGES if lang != "en"])
def test_every_message_is_translated(language: str) -> None:
    """A catalog of a shipped language misses no message of the templates, nor a body's
    name, and leaves none untranslated (`python tools/messages.py --check`)."""
    template = i18n.interface_messages(ROOT / "templates")
    assert len(template) > 100
    assert messages.gaps(template, language) == []


def _words_outside_catalogs(source: str) -> list[str]:
    """Return the words of a template that no `_()` or `{% trans %}` carries."""
    text = re.sub(r"\{#.*?#\}", " ", source, flags=re.S)
    # an element marked as English (`en_attrs`: field definitions, problems as reported)
    text = re.sub(r"<(\w+)[^>]*\{\{ en_attrs \}\}[^>]*>.*?</\1>", " ", text, flags=re.S)
    text = re.sub(r"\{%-? *trans\b.*?\{%-? *endtrans *-?%\}", " ", text, flags=re.S)
    text = re.sub(r"<code>.*?</code>", " ", text, flags=re.S)  # names in data: `symbol`
    text = re.sub(
        r"\{%-? *(set|macro) [^%]*%\}.*?\{%-? *end(set|macro) *-?%\}", " ", text, flags=re.S
    )
    text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|&#?\w+;", " ", text, flags=re.S)
    # attributes a reader meets: labels, titles, placeholders
    found = [  # a symbol ("A/HRC/28/15") is no word
        value
        for value in re.findall(r'(?:aria-label|title|placeholder|alt)="([^"]*)"', text)
        if re.search(r"[A-Za-z]{2}", value) and "/" not in value
    ]
    text = re.sub(r"<script\b.*?</script>|<[^>]*>", " ", text, flags=re.S)
    words = [w.strip() for w in re.findall(r"[A-Za-z]{2,}[A-Za-z' ]*", text)]
    return found + [w for w in words if w not in FORMATS]


#: Names of file formats, the same in every language.
FORMATS = {"BibTeX", "RIS", "CSL", "JSON"}


@pytest.mark.parametrize("name", TRANSLATED)
def test_no_interface_text_outside_the_catalogs(name: str) -> None:
    source = (ROOT / "templates" / name).read_text(encoding="utf-8")
    assert _words_outside_catalogs(source) == []


def test_the_check_finds_a_word_left_out() -> None:
    assert _words_outside_catalogs("<p>{{ _('Body') }}</p><h2>Cited by</h2>") == ["Cited by"]
    assert _words_outside_catalogs("<td{{ en_attrs }}>as reported</td><td>Gap</td>") == ["Gap"]
    assert _words_outside_catalogs('<nav aria-label="Site">') == ["Site"]
    assert _words_outside_catalogs("<dt><code>symbol</code></dt><dd>Symbol</dd>") == ["Symbol"]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("i18n") / "site"
    build(
        BuildOptions(
            seeds=ROOT / "seeds", out=out, content=ROOT / "content", settings=Settings(search=False)
        )
    )
    return out


def _visible(page: Path) -> str:
    html = page.read_text(encoding="utf-8")
    html = re.sub(r"<head>.*?</head>|<script\b.*?</script>", " ", html, flags=re.S)
    html = re.sub(r'<section class="text".*?</section>|<div hidden.*?</div>', " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def test_a_french_document_speaks_french(demo: Path) -> None:
    page = demo / "fr/doc/seed/000_a4e48ed0b737bc3c/index.html"
    html = page.read_text(encoding="utf-8")
    assert '<html lang="fr" dir="ltr">' in html
    text = _visible(page)
    for label in ("Organe", "Points de l'ordre du jour", "Citer ce document", "Résolutions citées"):
        assert label in text
    assert "12 juin 2014" in text and 'datetime="2014-06-12"' in html  # Babel's French date
    assert "français (original : anglais)" in text  # CLDR's names of languages
    for english in ("Language versions", "Cite this", "Resolutions cited", "Skip to content"):
        assert english not in text


def test_an_arabic_document_is_arabic_from_the_top(demo: Path) -> None:
    page = next(p for p in sorted((demo / "ar").rglob("index.html")) if "search" not in p.parts)
    html = page.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<header class="site-header" lang="ar" dir="rtl">' in html
    text = _visible(page)
    assert "النسخ اللغوية" in text and "الاستشهاد بهذه الوثيقة" in text
    assert "Language versions" not in text


def test_english_pages_keep_their_words(demo: Path) -> None:
    text = _visible(demo / "documents/index.html")
    assert "Skip to content" in text and "Go to symbol" in text


def test_a_body_is_named_in_the_page_language() -> None:
    with i18n.speaking("fr"):
        assert i18n.body_name("Security Council") == "Conseil de sécurité"
        assert i18n.long_date("2014-06-12") == "12 juin 2014"
    with i18n.speaking("zh"):
        assert i18n.body_name("Human Rights Council") == "人权理事会"
        assert i18n.long_date("2014-06-12") == "2014年6月12日"
    with i18n.speaking("en"):
        assert i18n.long_date("2014-06-12") == "12 June 2014"
    with i18n.speaking("ru"):
        assert (
            i18n.ngettext("%(count)s document", "%(count)s documents", 3) == "%(count)s документа"
        )


# Site pages in every interface language --------------------------------------------------


def _links(html: str, rel_class: str = "switcher") -> dict[str, str]:
    nav = re.search(rf'<nav class="{rel_class}".*?</nav>', html, flags=re.S)
    assert nav, f"no {rel_class} navigation"
    return dict(
        (lang, href)
        for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(\w+)"', nav.group(0))
    )


def test_site_pages_are_written_in_every_interface_language(demo: Path) -> None:
    """Home, lists, search, data, quality, resolutions and 404 at the root in English and
    under /<lang>/ in the six others, each linking its versions (switcher and hreflang)."""
    for url in ("index.html", "bodies/index.html", "years/index.html", "types/index.html",
                "languages/index.html", "documents/index.html", "resolutions/index.html",
                "states/index.html", "search/index.html", "data/index.html",
                "quality/index.html", "about/index.html", "404.html"):  # fmt: skip
        assert (demo / url).is_file(), url
        for lang in ("ar", "zh", "fr", "ru", "es", "de"):
            assert (demo / lang / url).is_file(), f"{lang}/{url}"
    html = (demo / "fr/bodies/index.html").read_text(encoding="utf-8")
    assert '<html lang="fr" dir="ltr">' in html
    assert "<h1>Organes</h1>" in html and "Conseil de sécurité" in html
    switcher = _links(html)
    assert switcher == {
        "ar": "../../ar/bodies/", "zh": "../../zh/bodies/", "en": "../../bodies/",
        "fr": "../../fr/bodies/", "ru": "../../ru/bodies/", "es": "../../es/bodies/",
        "de": "../../de/bodies/",
    }  # fmt: skip
    assert 'hreflang="fr" lang="fr" aria-current="page"' in html
    assert '<link rel="alternate" hreflang="en" href="../../bodies/">' in html
    # its links stay in French: to the lists, the search, a body's sessions
    assert 'href="../../fr/search/"' in html and 'href="../../fr/bodies/security-council/"' in html
    text = _visible(demo / "fr/bodies/index.html")
    for english in ("Bodies", "Skip to content", "Security Council", "Documents by year"):
        assert english not in text
    arabic = (demo / "ar/index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in arabic and "أحدث الوثائق" in arabic
    assert '<html lang="en" dir="ltr">' in (demo / "index.html").read_text(encoding="utf-8")


def test_a_session_list_speaks_russian(demo: Path) -> None:
    session = next((demo / "ru/bodies/human-rights-council").glob("session-*/index.html"))
    text = _visible(session)
    assert "Совет по правам человека, сессия" in text and "Пункты повестки дня" in text
    assert "документ" in text and "session" not in text.lower().split("·")[0]


@pytest.mark.parametrize("language", i18n.INTERFACE_LANGUAGES)
def test_templates_say_what_jinja_s_own_gettext_says(language: str, tmp_path: Path) -> None:
    """`_()` in a template (read from the page's table of words by render.QuickLabels) gives
    what Jinja's own i18n extension gives: every message of the catalogs, with nothing to
    fill in, with values written in the template, and with values from the page (escaped),
    the translation's own markup kept ("<del>deleted</del>" a tag, not text)."""
    import jinja2

    from undocs.site.render import environment

    source = "".join(
        f"{{{{ _({message!r}, " + ", ".join(f"{n}='<{n}>'" for n in names) + ") }}|"
        f"{{{{ _({message!r}, " + ", ".join(f"{n}=v" for n in names) + ") }}\n"
        if names
        else f"{{{{ _({message!r}) }}}}\n"
        for message, names in _template_messages()
    )
    (tmp_path / "t.html").write_text(source, encoding="utf-8")
    value = "A & <b>"
    with i18n.speaking(language):
        ours = (
            environment(Settings(templates=tmp_path))
            .get_template("t.html")
            .render(v=value, ui_text=i18n.template_labels(language))
        )
    plain = jinja2.Environment(autoescape=True, extensions=["jinja2.ext.i18n"])
    plain.install_gettext_translations(i18n.translations(language), newstyle=True)  # type: ignore[attr-defined]
    assert ours.splitlines() == plain.from_string(source).render(v=value).splitlines()
    assert "<del>" in ours and "&lt;b&gt;" in ours


def _template_messages() -> list[tuple[str, tuple[str, ...]]]:
    """The messages of the interface (`i18n.interface_messages`: the templates' and the
    code's), each with the names of its placeholders."""
    catalog = i18n.interface_messages(BUILTIN_TEMPLATES)
    return sorted(
        (m.id, tuple(sorted(set(re.findall(r"%\((\w+)\)s", m.id)))))
        for m in catalog
        if m.id and isinstance(m.id, str)
    )


def test_a_comparison_marks_deleted_and_inserted_words(demo: Path) -> None:
    """The comparison's key shows how deleted and inserted words look, as markup."""
    page = demo / "de/A/RES/60/251/compare/A/60/L.48/index.html"
    text = page.read_text(encoding="utf-8")
    assert "<del>Gestrichene</del> Wörter" in text and "&lt;del&gt;" not in text


def test_comparison_pages_speak_their_documents_language(demo: Path) -> None:
    """What changed from a draft to its resolution, in the resolution's language; two
    language versions side by side, in the newer one's."""
    compare = demo / "de/A/RES/60/251/compare/A/60/L.48/index.html"
    assert '<html lang="de" dir="ltr">' in compare.read_text(encoding="utf-8")
    text = _visible(compare)
    for words in ("Was sich von A/60/L.48 zu A/RES/60/251 geändert hat", "Vorher", "Absätze:"):
        assert words in text
    assert "changed" not in text and "Before" not in text
    parallel = _visible(demo / "es/NPT/CONF.2015/WP.7/parallel/en/index.html")
    assert "En paralelo: Español , English" in parallel and "Cada texto" in parallel


def test_a_resolution_page_speaks_the_site_s_language(tmp_path: Path) -> None:
    """A resolution's page is written once, in the site's language."""
    out = tmp_path / "site"
    settings = Settings(search=False, language="fr", interface_languages=("fr", "en"))
    build(BuildOptions(seeds=ROOT / "seeds", out=out, settings=settings))
    page = out / "resolutions/general-assembly/60/251.html"
    assert '<html lang="fr" dir="ltr">' in page.read_text(encoding="utf-8")
    text = _visible(page)
    assert "résolution 60/251 (Assemblée générale)" in text  # the catalog's word order
    for words in ("Adoptée par", "Cote", "Dans l'archive", "Citée par"):
        assert words in text


def _states(page: Path) -> list[str]:
    listed = page.read_text(encoding="utf-8").split('<ul class="states">')[1].split("</ul>")[0]
    return [unescape(name) for name in re.findall(r"<a [^>]*>([^<]*)</a>", listed)]


def test_member_states_are_named_in_the_page_language(demo: Path) -> None:
    """The UN's short names of the states (UNTERM's) in its official languages, CLDR's in
    German, in the language's alphabetical order; a state of the past keeps the name the
    texts print, marked English."""
    names = _states(demo / "fr/states/index.html")
    assert "Royaume-Uni de Grande-Bretagne et d'Irlande du Nord" in names
    assert "United States of America" not in names and "Royaume-Uni" not in names
    assert names.index("Équateur") < names.index("États-Unis d'Amérique") < names.index("France")
    html = (demo / "fr/states/index.html").read_text(encoding="utf-8")
    assert re.search(r'czechoslovakia/" lang="en" dir="ltr">Czechoslovakia<', html)
    arabic = demo / "ar/states/united-kingdom-of-great-britain-and-northern-ireland/index.html"
    assert "<h1>المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية</h1>" in arabic.read_text(
        encoding="utf-8"
    )
    assert "美利坚合众国" in _states(demo / "zh/states/index.html")  # CLDR: 美国
    assert "Vereinigtes Königreich" in _states(demo / "de/states/index.html")  # not UN
    english = (demo / "states/index.html").read_text(encoding="utf-8")
    assert ">United Kingdom of Great Britain and Northern Ireland</a>" in english


def test_the_un_names_of_the_states_are_every_member_s() -> None:
    """Every state of the UN's names (UNTERM) is named in the six languages, and found by
    its English short name (the name undocs lists it under, `lang.states`)."""
    unterm = i18n._unterm()
    assert len(unterm) >= 195  # 193 Member States, 2 observer States
    assert all(len(names) == 6 and all(names.values()) for names in unterm.values())
    for code, names in unterm.items():
        assert i18n._state_codes()[names["en"]] == code


def test_a_document_links_the_lists_of_its_language(demo: Path) -> None:
    html = (demo / "fr/doc/seed/000_a4e48ed0b737bc3c/index.html").read_text(encoding="utf-8")
    assert re.search(r'<dt>Organe</dt><dd><a href="(\.\./)+fr/bodies/', html)
    assert 'href="../../../../fr/search/"' in html


def test_alphabetical_lists_follow_the_language_s_collation(demo: Path) -> None:
    """The languages and document types are listed in each language's alphabetical order
    (ICU's collation: pinyin in Chinese)."""
    html = (demo / "zh/languages/index.html").read_text(encoding="utf-8")
    names = re.findall(r'<span class="note">([^<]+)</span>|lang="zh"><bdi>(中文)</bdi>', html)
    shown = [a or b for a, b in names]
    assert shown == ["阿拉伯语", "德语", "俄语", "法语", "西班牙语", "英语", "中文"]
    html = (demo / "fr/types/index.html").read_text(encoding="utf-8")
    main = html[html.index('<ul class="index">') :]
    types = re.findall(r'<li><a href="[^"]+">([^<]+)</a>', main)
    key = i18n.collation_key("fr")
    assert types == sorted(types, key=key) and len(types) > 3


def test_charts_and_counts_speak_the_page_language(demo: Path) -> None:
    text = _visible(demo / "fr/index.html")
    assert "documents par année, de" in text and "L'archive contient 366 documents." in text
    assert "Chiffres Année Documents" in text  # the chart's table
    with i18n.speaking("ru"):  # the search page's counts, picked by Intl.PluralRules
        forms = i18n.plural_forms("results")
    assert forms == {
        "one": "{n} результат", "few": "{n} результата", "many": "{n} результатов",
        "other": "{n} результатов",  # what a browser may pick for a fraction: never empty
    }  # fmt: skip


def test_the_site_s_interface_languages_are_a_setting(tmp_path: Path) -> None:
    """`interface_languages` in undocs.yml: only those are written, and a document in
    another language speaks the root's (its parts marked English)."""
    out = tmp_path / "site"
    settings = Settings(search=False, interface_languages=("en", "fr"))
    build(BuildOptions(seeds=ROOT / "seeds" / "unpc", out=out, settings=settings))
    assert (out / "fr/bodies/index.html").is_file()
    assert not (out / "ar/bodies").exists() and not (out / "de/bodies").exists()
    assert set(_links((out / "bodies/index.html").read_text(encoding="utf-8"))) == {"en", "fr"}
    arabic = next(p for p in sorted((out / "ar").rglob("index.html")) if "search" not in p.parts)
    html = arabic.read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in html
    assert '<header class="site-header" lang="en" dir="ltr">' in html


def test_a_bad_interface_language_is_refused_where_it_is_written(tmp_path: Path) -> None:
    from undocs.config import ConfigError, load_config

    config = tmp_path / "undocs.yml"
    config.write_text("title: T\ninterface_languages: [en, it]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"undocs.yml:2: .*no interface in it"):
        load_config(config)
    config.write_text("interface_languages: fr\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"undocs.yml:1: .*must be a list"):
        load_config(config)
    config.write_text("interface_languages: [fr, en]\nlanguage: fr\n", encoding="utf-8")
    assert load_config(config).get("interface_languages") == ["fr", "en"]


def test_content_pages_per_language_fall_back_marked(tmp_path: Path) -> None:
    """`about.fr.md` is the French about page; a language without one shows the site's,
    marked with its own language, its relative links still leading where they did."""
    content = tmp_path / "content"
    content.mkdir()
    (content / "about.md").write_text(
        "# About\n\nThe [records](../data/records.jsonl).\n", encoding="utf-8"
    )
    (content / "about.fr.md").write_text("# À propos\n\nLes notices.\n", encoding="utf-8")
    out = tmp_path / "site"
    build(
        BuildOptions(
            seeds=ROOT / "seeds" / "ga80", out=out, content=content, settings=Settings(search=False)
        )
    )
    french = (out / "fr/about/index.html").read_text(encoding="utf-8")
    assert "<h1>À propos</h1>" in french and '<article class="prose">' in french
    spanish = (out / "es/about/index.html").read_text(encoding="utf-8")
    assert '<article class="prose" lang="en" dir="ltr">' in spanish
    assert 'href="../../data/records.jsonl"' in spanish
    assert (out / "es/about" / "../../data/records.jsonl").resolve().is_file()
    assert 'href="../data/records.jsonl"' in (out / "about/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", [lang for lang in i18n.INTERFACE_LANGUAGES if lang != "en"])
def test_every_translation_fills_in_what_its_message_does(language: str) -> None:
    """A translation names the same placeholders as its message (`%(count)s`), as Babel's
    checkers read them: a missing one would drop a number from the page, an unknown one
    would stop the build."""
    from babel.messages.pofile import read_po

    with i18n.catalog_path(language).open("rb") as file:
        catalog = read_po(file, locale=language, domain=i18n.DOMAIN)
    assert [(message.id, errors) for message, errors in catalog.check()] == []


def test_counts_are_written_as_the_language_writes_them() -> None:
    for language, written in (("en", "13,813"), ("fr", "13\u202f813"), ("de", "13.813")):
        with i18n.speaking(language):
            assert i18n.number(13813) == written


def test_every_reason_of_a_problem_is_in_the_catalogs() -> None:
    """A problem's reason is a message the catalogs hold (`problem_at`, `InputError`), never
    an f-string: the quality page says it in its language. The few reasons passed on as
    names are marked `N_()` where they are written (the links refused, a vote's counts)."""
    import ast

    template = i18n.interface_messages(ROOT / "templates")
    literal, named = [], []
    for path in sorted((ROOT / "src" / "undocs").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 3:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            if name not in ("problem_at", "InputError"):
                continue
            reason = node.args[2]
            if isinstance(reason, ast.Constant) and isinstance(reason.value, str):
                literal.append(reason.value)
            else:
                named.append((path.name, ast.unparse(reason)))
    assert len(literal) > 30
    assert [message for message in literal if template.get(message) is None] == []
    assert sorted(named) == [
        ("adoption.py", "message"),  # _DISAGREEING's
        ("inputs.py", "OUTSIDE"),
        ("inputs.py", "reason"),  # OUTSIDE or LOOP
        ("model.py", "message"),  # InputError's own
        ("reading.py", "refused"),  # OUTSIDE or LOOP, from the plan
    ]
