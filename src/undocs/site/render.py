"""The Jinja environment, and what every page is: a URL, an output path, a template, a context."""

from __future__ import annotations

import hashlib
import inspect
import json
import os
import traceback
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from functools import cache, cached_property, partial
from pathlib import Path
from types import CodeType
from typing import Any, NamedTuple
from urllib.parse import urlsplit

import jinja2
import jinja2.ext
import jinja2.lexer
from markupsafe import Markup, escape

from .. import urls
from ..archive.graph import Resolution, Summary
from ..inputs import files_inside, inside
from ..lang.states import state_name
from ..memo import ByIdentity
from ..model import Problem
from ..urls import dest_path, root_of
from . import charts, i18n

#: The templates shipped with undocs (the project's `templates/` folder).
BUILTIN_TEMPLATES = Path(__file__).parent.parent / "templates"


class Names(dict[str, str]):
    """Language code -> name; a code without a name stands for itself
    (`{{ language_names[code] }}` in templates: a lookup, not a method call per use)."""

    def __missing__(self, key: str) -> str:
        return key


LANGUAGE_NAMES = Names({
    "ar": "العربية", "zh": "中文", "en": "English", "fr": "Français", "ru": "Русский",
    "es": "Español", "de": "Deutsch",
})  # fmt: skip
OFFICIAL_LANGUAGES = ("ar", "zh", "en", "fr", "ru", "es")


@dataclass(frozen=True)
class Settings:
    """What the user chose for the site as a whole."""

    title: str = "UN Documents Archive"
    description: str = "A cross-linked, searchable archive of United Nations session documents."
    base_url: str = ""
    """Absolute URL the site is served from (for canonical links and feeds), or empty."""
    templates: Path | None = None
    """A folder of the user's templates that override the built-in ones by name."""
    search: bool = True
    """Whether the Pagefind index is built (pages link its scripts only then)."""
    language: str = "en"
    """The site's language: the `lang` of its pages at the root (those that are not
    documents), in its interface where undocs has one (`home_language`)."""
    interface_languages: tuple[str, ...] = i18n.INTERFACE_LANGUAGES
    """The languages of the site's interface: every page that is not a document is written
    in each, in `home_language` at the root and in the others under `/<lang>/`; a document
    page speaks its document's language where it is one of them."""

    @cached_property
    def home_language(self) -> str:
        """Return the interface language of the pages at the root: the site's language where
        it is one of its interface languages, else English, else the first of them."""
        for language in (self.language, "en"):
            if language in self.interface_languages:
                return language
        return self.interface_languages[0]

    def interface(self, language: str | None) -> str:
        """Return the interface language of a page in `language`: its own where the site
        has it, else the root's."""
        return language if language in self.interface_languages else self.home_language

    def prefix(self, ui: str) -> str:
        """Return where an interface language's pages are, from the root: "" for the root's
        language, `fr/` for French."""
        return "" if ui == self.home_language else f"{ui}/"

    def root_path(self) -> str:
        """Return the path the site is served under (`/repo/` for a project's Pages site):
        links from a page served at any address (404.html) start with it."""
        return urlsplit(self.base_url).path or "/" if self.base_url else "/"

    def atom_id(self, url: str) -> str:
        """Return the permanent, absolute identifier of a page in Atom feeds: its absolute
        URL under the base URL, else a URN of its path (Atom requires absolute IRIs)."""
        return self.absolute(url) if self.base_url else f"urn:undocs:{url or 'home'}"

    def public(self, url: str) -> str:
        """Return the absolute URL of a site-relative one where a base URL is set, else ""
        (a canonical link or a reference needs the whole address or none)."""
        return self.absolute(url) if self.base_url else ""

    def absolute(self, url: str) -> str:
        """Return a site-relative URL as an absolute one (root-relative without a base URL)."""
        base = self.base_url.rstrip("/") if self.base_url else ""
        return f"{base}/{url}"


class Group(NamedTuple):
    """The group of pages a page is gathered with (`gather.Scope`): what a change must touch
    for the page to be gathered again. A named tuple: one per page, kept in the build cache.
    """

    kind: str = ""
    """`body`, `session`, `item`, `facet`, `resolution`, `document`; "": a page every build
    gathers."""
    name: str = ""
    """The body (of `body`, `session`, `item` and `resolution` groups) or the facet
    (`years`)."""
    value: str = ""
    """The facet's value (`2016`), the session's number (`70`) or the resolution's number
    (`60/251`)."""
    symbol: str = ""
    """A resolution's `compare_key`: its page lists the documents with that symbol."""
    item: str = ""
    """An agenda item's name (`item` groups: the pages of one item of one session)."""


#: The group of the pages every build gathers.
NO_GROUP = Group()


@dataclass(frozen=True)
class Page:
    """One page to write: where it goes and how it is rendered."""

    url: str
    """Site-relative URL without leading slash (`en/A/HRC/28/15/`, `` for the home page)."""
    template: str
    context: dict[str, Any] = field(default_factory=dict)
    group: Group = NO_GROUP
    """The group of pages it is gathered with: a body's lists and feed, a facet value's
    lists, a resolution's page; none for the pages every build gathers."""

    @property
    def dest(self) -> str:
        """Return the output path relative to the output folder."""
        return dest_path(self.url)


class _ContainedLoader(jinja2.FileSystemLoader):
    """The user's templates, where a link out of the folder is not followed: the built-in
    template of that name is used instead (the link is reported by `template_problems`)."""

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        pieces = jinja2.loaders.split_template_path(template)
        for root in self.searchpath:  # looked at before anything is opened
            path = os.path.join(root, *pieces)
            if os.path.isfile(path) and not inside(os.path.realpath(path), os.path.realpath(root)):
                raise jinja2.TemplateNotFound(template)
        return super().get_source(environment, template)


def template_problems(settings: Settings) -> list[Problem]:
    """Return the links of the templates folder (static files included) not followed."""
    if settings.templates is None or not settings.templates.is_dir():
        return []
    return files_inside(settings.templates)[1]


def printed(value: object) -> str:
    """What a template prints of `{{ value }}` (autoescaped): `markupsafe.escape`'s text as
    a plain string. A page is the join of its parts, never escaped again: the Markup object
    `escape` makes of each of the hundreds of values a page prints would be thrown away."""
    if type(value) is str:
        return (
            value.replace("&", "&amp;")
            .replace(">", "&gt;")
            .replace("<", "&lt;")
            .replace("'", "&#39;")
            .replace('"', "&#34;")
        )
    if type(value) is Markup:  # the interface's words (i18n.TemplateLabels), macros' output
        return value
    return escape(value)


class _Template(jinja2.Template):
    """A template that prints its values with `printed`: its compiled module's `escape`
    (which Jinja's code calls on each value printed, and nowhere else) is `printed`."""

    @classmethod
    def from_code(
        cls,
        environment: jinja2.Environment,
        code: CodeType,
        globals: MutableMapping[str, Any],
        uptodate: Callable[[], bool] | None = None,
    ) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = printed
        return template


def environment(settings: Settings, bytecode: Path | None = None) -> jinja2.Environment:
    """Return the Jinja environment: user templates first, then the built-in ones; with
    compiled templates kept in the folder `bytecode` (for the next build's)."""
    loaders: list[jinja2.BaseLoader] = []
    if settings.templates is not None:
        loaders.append(_ContainedLoader(str(settings.templates)))
    loaders.append(jinja2.FileSystemLoader(str(BUILTIN_TEMPLATES)))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=jinja2.select_autoescape(["html", "xml"], default_for_string=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # templates do not change during a build: no stat per page
        cache_size=-1,  # a plain dict of the few templates: each page looks up two
        extensions=["jinja2.ext.i18n", QuickLabels],
    )
    env.template_class = _Template
    if bytecode:
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(
            str(bytecode), f"__jinja2_%s.{compiled_key(env)}.cache"
        )
    # the words of the interface, in the language a page is rendered speaking (i18n.speaking)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        i18n.gettext,
        i18n.ngettext,
        newstyle=True,
        pgettext=i18n.pgettext,
    )
    env.globals["long_date"] = i18n.long_date
    env.globals["chart"] = charts.chart
    env.globals["collated"] = i18n.collated
    env.globals["plural_forms"] = i18n.plural_forms
    env.globals["filter_labels"] = i18n.filter_labels
    env.globals["body_name"] = i18n.body_name
    env.globals["type_name"] = i18n.type_name
    env.globals["problem_reason"] = i18n.problem_reason
    env.filters["language_name"] = i18n.language_name
    env.filters["number"] = i18n.number
    env.globals.update(language_names=LANGUAGE_NAMES, site=settings)
    env.globals["doclist"] = doclist
    env.globals["lang_attrs"] = lang_attrs
    env.globals["alternate_links"] = alternate_links
    env.globals["language_links"] = language_links
    env.globals["atom_id"] = settings.atom_id
    env.globals["resolution_links"] = resolution_links
    env.globals["state_url"] = state_url
    env.globals["state_label"] = i18n.state_label
    env.globals["state_attrs"] = state_attrs
    env.filters["json_script"] = json_script
    env.filters["capfirst"] = lambda text: text[:1].upper() + text[1:]
    return env


def compiled_key(env: jinja2.Environment) -> str:
    """Return what a template's compiled code depends on besides its source: the code of
    the environment's extensions (QuickLabels, Jinja's i18n). Jinja keys its bytecode cache
    by the source alone: a build must not run code an older undocs compiled."""
    code = "".join(inspect.getsource(type(ext)) for _, ext in sorted(env.extensions.items()))
    return hashlib.sha1(code.encode()).hexdigest()[:12]


Token = jinja2.lexer.Token


class QuickLabels(jinja2.ext.Extension):
    """`_("Body")` in a template, a label with nothing to fill in, is read from the page's
    table of words, `ui_text["Body"]` (i18n.TemplateLabels), rather than called as gettext:
    the same catalogs and the same markup, without the cost of a call per label on every
    page. So is a message whose values are all written in the template, `_("No document
    %(symbol)s", symbol="{symbol}")`: `ui_text[("No document %(symbol)s", "symbol",
    "{symbol}")]`; any other, `_("Session %(number)s", number=n)`, is one call,
    `ui_text.filled("Session %(number)s", number=n)`, not Jinja's two. (Babel still
    extracts them: it reads the templates with Jinja's own i18n extension.)"""

    def filter_stream(self, stream: jinja2.lexer.TokenStream) -> Iterator[jinja2.lexer.Token]:
        tokens = list(stream)
        i = 0
        while i < len(tokens):
            if not _opens_gettext(tokens, i):
                yield tokens[i]
                i += 1
                continue
            lineno, message = tokens[i].lineno, tokens[i + 2]
            written, end = _written_values(tokens, i + 3)
            if end is not None:  # ui_text["Body"], ui_text[("No document %(symbol)s", ...)]
                yield Token(lineno, "name", "ui_text")
                yield Token(lineno, "lbracket", "[")
                if written:
                    yield Token(lineno, "lparen", "(")
                yield message
                for part in written:
                    yield Token(lineno, "comma", ",")
                    yield part
                if written:
                    yield Token(lineno, "rparen", ")")
                yield Token(lineno, "rbracket", "]")
                i = end + 1
            else:  # ui_text.filled("Session %(number)s", number=s.number)
                yield Token(lineno, "name", "ui_text")
                yield Token(lineno, "dot", ".")
                yield Token(lineno, "name", "filled")
                yield from tokens[i + 1 : i + 3]
                i += 3


def _opens_gettext(tokens: list[Token], i: int) -> bool:
    """Whether `_("message"` starts at `tokens[i]` (not an attribute named `_`)."""
    return (
        tokens[i].type == "name"
        and tokens[i].value == "_"
        and (i == 0 or tokens[i - 1].type != "dot")
        and [t.type for t in tokens[i + 1 : i + 3]] == ["lparen", "string"]
    )


def _written_values(tokens: list[Token], i: int) -> tuple[list[Token], int | None]:
    """Read `, name="value"` pairs from `tokens[i]` on: each pair's name and value as string
    tokens, and where the call closes; (_, None) when a value is not written as a string."""
    written: list[Token] = []
    while [t.type for t in tokens[i : i + 4]] == ["comma", "name", "assign", "string"]:
        written += [Token(tokens[i + 1].lineno, "string", tokens[i + 1].value), tokens[i + 3]]
        i += 4
    return written, (i if i < len(tokens) and tokens[i].type == "rparen" else None)


#: The words of the document lists (`doclist`), translated where a list is shown.
LIST_WORDS = (i18n.N_("undated"), i18n.N_("excerpt"), i18n.N_("(no symbol)"))


def doclist(
    rows: list[list[Summary]],
    root: str,
    pinned: dict[str, tuple[str, ...]] | None = None,
    list_id: str = "",
) -> Markup:
    """Return the HTML list of documents the list pages show, one row per document: its
    first version linked with its title, then every language held (a helper: lists are
    long). `pinned`: the paragraphs of the page's resolution each row cites, by the URL of
    its first version (`docpage.cited_paragraphs`). `list_id`: the list's id, and each row
    with its year, body and languages for the list's filter (`listfilter.html`).

    What a row shows in any language (`_RowParts`) is made once for the seven language
    versions of a page, which share their rows: each adds its root and its words."""
    out = []
    ui = i18n.spoken()
    words = i18n.labels(ui)
    undated, excerpt, no_symbol = words["undated"], words["excerpt"], words["(no symbol)"]
    meta_attrs = lang_attrs(ui)
    at = str(escape(root))  # escaped apart: escaping is done character by character
    facets = bool(list_id)
    made = _ROWS_MADE(rows, partial(_rows_parts, facets=facets), facets)
    for row, parts in zip(rows, made, strict=True):
        d = row[0]
        when = d.date or (str(d.year) if d.year else undated)
        meta = " · ".join(filter(None, [when, i18n.body_name(d.body)]))
        if d.excerpt:
            meta += f" · {excerpt}"
        paragraphs = pinned.get(d.url) if pinned else None
        if paragraphs:
            para = words["para."] if len(paragraphs) == 1 else words["paras."]
            meta += f" · {para} {', '.join(paragraphs)}"
        out.append(
            f"{parts.head}{at}{parts.link}{parts.symbol or escape(no_symbol)}{parts.title}"
            f'<span class="meta"{meta_attrs}>{escape(meta)}</span> '
            f'<span class="langs">{at.join(parts.versions)}</span></li>'
        )
    opening = f'<ul class="doclist" id="{escape(list_id)}">' if list_id else '<ul class="doclist">'
    return Markup(opening + "\n" + "\n".join(out) + "\n</ul>")


class _RowParts(NamedTuple):
    """What a row of `doclist` shows in every language, escaped: its start, then the root,
    its link, its symbol ("": none, the page's words say so), its title; then its language
    versions, the root between their parts."""

    head: str
    link: str
    symbol: str
    title: str
    versions: tuple[str, ...]


def _rows_parts(rows: list[list[Summary]], facets: bool) -> list[_RowParts]:
    return [_row_parts(row, facets) for row in rows]


def _row_parts(row: list[Summary], facets: bool) -> _RowParts:
    d = row[0]
    lang = d.language
    rtl = ' dir="rtl"' if lang in i18n.RTL else ""
    attrs = (
        f' data-year="{d.year or ""}" data-body="{escape(d.body or "")}" '
        f'data-langs="{escape(" ".join(sorted(v.language for v in row)))}"'
        if facets
        else ""
    )
    # a version titled otherwise carries its title: a reader who chose its language sees
    # it in the row (undocs.js)
    links = [
        f'{escape(v.url)}" hreflang="{escape(v.language)}" lang="{escape(v.language)}"'
        f"{_own_title(v, d)}>{escape(LANGUAGE_NAMES[v.language])}</a>"
        for v in sorted(row, key=lambda v: v.language)
    ]
    # '<a href="' root link '</a> <a href="' root link ... : split where the root goes
    versions = ('<a href="', *(link + ' <a href="' for link in links[:-1]), links[-1])
    return _RowParts(
        f'<li{attrs}><a href="',
        f'{escape(d.url)}" lang="{escape(lang)}"{rtl}><span class="symbol" dir="ltr">',
        str(escape(d.symbol)) if d.symbol else "",
        # a record without a printed title is titled by its symbol: shown once
        f"</span>{'' if d.untitled else ' ' + escape(d.title)}</a> ",
        versions,
    )


#: The rows of the lists made last (`doclist`), by their list (the same list of rows in the
#: seven language versions of a page) and whether they carry the filter's facets.
_ROWS_MADE: ByIdentity[list[list[Summary]], list[_RowParts]] = ByIdentity(16)


def _own_title(version: Summary, first: Summary) -> str:
    """The `data-title` of a row's version link: its title, where it is not the row's."""
    if version.untitled or version.title == first.title:
        return ""
    return f' data-title="{escape(version.title)}"'


def state_url(printed: str) -> str | None:
    """Return the site-relative URL of a printed state's page of votes (None for what is
    not a state: "absent")."""
    name = state_name(printed)
    return urls.state_url(name) if name else None


def resolution_links(entries: list[Resolution], root: str) -> Markup:
    """Return the list items of the resolutions index: each resolution's number, linked, and
    how many documents cite it (a helper: thousands of entries, the same in the index of
    every interface language: made once for each list and root)."""
    return _LINKS_MADE(entries, partial(_resolution_links, root=root), root)


def _resolution_links(entries: list[Resolution], root: str) -> Markup:
    return Markup(
        "".join(
            f'<li><a href="{escape(root + e.url)}">{escape(e.key.number)}</a> '
            f'<span class="note">{len(e.citing)}</span></li>'
            for e in entries
        )
    )


#: The lists of resolutions made last (`resolution_links`), by their entries (gathered once
#: a build, never changed after) and their root.
_LINKS_MADE: ByIdentity[list[Resolution], Markup] = ByIdentity(64)


def json_script(value: object) -> str:
    """Return JSON safe inside a <script> element (no `<`, `>` or `&` to end it early)."""
    text = json.dumps(value, ensure_ascii=False, indent=None)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def state_attrs(name: str) -> Markup | str:
    """Return the `lang` attributes of a Member State's name where it stays English in a page
    of another language (`i18n.state_label`: a state of the past), else ""."""
    return "" if i18n.state_named(name) else lang_attrs("en")


@cache
def lang_attrs(language: str) -> Markup:
    """Return the attributes that mark an element as written in `language`."""
    return Markup(f' lang="{escape(language)}" dir="{i18n.direction(language)}"')


def alternates(settings: Settings, root: str, base: str | None) -> list[tuple[str, str, str]]:
    """Return the versions of a site page in every interface language, as (language, link
    from the page, absolute URL or ""): `base` is the page's URL at the root (none for a
    page of one language, such as a document's)."""
    if base is None or len(settings.interface_languages) < 2:
        return []
    return [
        (ui, root + settings.prefix(ui) + base, settings.public(settings.prefix(ui) + base))
        for ui in settings.interface_languages
    ]


def alternate_links(found: list[tuple[str, str, str]]) -> Markup:
    """Return the `<link rel="alternate" hreflang>` of a page's versions (`alternates`), a
    line each (a helper: every site page has seven)."""
    return Markup(
        "\n".join(
            f'<link rel="alternate" hreflang="{printed(code)}" href="{printed(public or href)}">'
            for code, href, public in found
        )
    )


def language_links(found: list[tuple[str, str, str]], ui: str) -> Markup:
    """Return the items of the language switcher: each version of the page (`alternates`)
    named in its own language, the page's own marked current."""
    current = ' aria-current="page"'
    return Markup(
        "".join(
            f'<li><a href="{printed(href)}" hreflang="{printed(code)}" lang="{printed(code)}"'
            f"{current if code == ui else ''}>{printed(LANGUAGE_NAMES[code])}</a></li>"
            for code, href, _ in found
        )
    )


def render(env: jinja2.Environment, settings: Settings, page: Page, context: dict[str, Any]) -> str:
    """Return the text of one page from its template and context; raise TemplateFailure,
    naming the template file and line, when the template fails."""
    context = dict(context)
    context.setdefault("root", root_of(page.url))
    context.setdefault("lang", settings.language)
    context.setdefault("dir", i18n.direction(context["lang"]))
    context["url"] = page.url
    # A page may name another as canonical (a second copy of a document names the first).
    context.setdefault("canonical", settings.public(page.url))
    context.setdefault("ui", settings.home_language)
    ui = context["ui"]
    # links to the site's pages (lists, search, about) lead to those in the page's language
    context["ui_root"] = context["root"] + settings.prefix(ui)
    context["alternates"] = alternates(settings, context["root"], context.get("base"))
    # what a page holds in another language than its own is marked with its `lang`: the
    # site's own words (its title), the English of the data page, the interface of a page in
    # a language without one (Italian)
    context["site_attrs"] = lang_attrs(settings.language) if ui != settings.language else ""
    context["en_attrs"] = lang_attrs("en") if ui != "en" else ""
    context["ui_attrs"] = lang_attrs(ui) if ui != context["lang"] else ""
    context["ui_text"] = i18n.template_labels(ui)  # what QuickLabels turns _("...") into
    context["ui_languages"] = i18n.language_names(ui)  # "anglais", in French
    context["ui_dir"] = i18n.direction(ui)
    template = env.get_template(page.template)
    try:
        with i18n.speaking(context["ui"]):
            return template.render(**context)
    except Exception as err:
        raise TemplateFailure.of(err, template.filename or page.template, page.url) from None


class TemplateFailure(Exception):
    """A template that failed while a page was rendered: where, why, and on which page.

    Made of plain values, so that it crosses from a worker process intact."""

    def __init__(self, path: str, line: int, reason: str) -> None:
        super().__init__(path, line, reason)
        self.path, self.line, self.reason = path, line, reason

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: template error: {self.reason}"

    @classmethod
    def of(cls, err: Exception, template: str, url: str) -> TemplateFailure:
        """Return the failure of `err`, raised rendering `template` for the page at `url`:
        at the innermost template line of its traceback (Jinja maps its frames to them)."""
        path, line = template, 0
        for frame in traceback.extract_tb(err.__traceback__):
            if frame.filename.endswith(TEMPLATE_SUFFIXES) and os.path.isfile(frame.filename):
                path, line = frame.filename, frame.lineno or 0
        message = getattr(err, "message", None) or str(err) or type(err).__name__
        if not isinstance(err, jinja2.TemplateError):
            message = f"{message} ({type(err).__name__})"
        return cls(shown_path(path), line, f"{message} (rendering /{url})")


#: What template files end in.
TEMPLATE_SUFFIXES = (".html", ".xml", ".txt")


def shown_path(path: str) -> str:
    """Return a file's path as a user reads it: relative to the current folder when under it."""
    relative = os.path.relpath(path) if os.path.isabs(path) else path
    return path if relative.startswith(os.pardir) else relative
