"""Search and pages in a real browser: Debian's Chromium driven by Playwright, over loopback.

Needs /usr/bin/chromium (`apt-get install chromium`) and axe-core (`npm install`); .ci/run
installs both. Elsewhere these tests skip, except under CI=true, where they must run.
"""

from __future__ import annotations

import os
import re
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
#: Debian's Chromium, or the browser UNDOCS_CHROMIUM names (GitHub's runners: google-chrome).
CHROMIUM = Path(os.environ.get("UNDOCS_CHROMIUM", "/usr/bin/chromium"))
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

playwright = (
    pytest.importorskip("playwright.sync_api")
    if os.environ.get("CI") != "true"
    else __import__("playwright.sync_api", fromlist=["sync_api"])
)
if not CHROMIUM.exists() or not AXE.exists():
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"CI needs {CHROMIUM} and node_modules/axe-core (see .ci/run)")
    pytestmark = pytest.mark.skip(reason="needs Debian's chromium and npm's axe-core")
else:
    pytestmark = pytest.mark.browser

from playwright.sync_api import expect, sync_playwright  # noqa: E402

from undocs.build import BuildOptions, build  # noqa: E402
from undocs.serve import make_server  # noqa: E402
from undocs.site.render import Settings  # noqa: E402

SITES: dict[str, str] = {}
SUBSET = [
    "hrc",
    "unpc/s_res_2213__2015___2015",
    "unpc/a_69_772__2015",
    "unpc/s_2015_337__2015",
    "multiun-de/2003",
]


@pytest.fixture(scope="module")
def base_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory):
    """A built site with search, served on 127.0.0.1 for the module."""
    seeds = tmp_path_factory.mktemp("bseeds")
    for part in SUBSET:
        shutil.copytree(corpus / part, seeds / part)
    shutil.copy(ROOT / "seeds/seed/000_a4e48ed0b737bc3c.txt", seeds)
    out = tmp_path_factory.mktemp("bsite") / "site"
    build(BuildOptions(seeds=seeds, out=out, content=ROOT / "content", settings=Settings()))
    server = make_server(out, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    SITES[url] = str(out)
    yield url
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    tab.errors = []  # type: ignore[attr-defined]
    tab.on("console", lambda m: m.type == "error" and tab.errors.append(m.text))
    tab.on("pageerror", lambda e: tab.errors.append(str(e)))
    yield tab
    context.close()


def search(page, base_url: str, query: str, language: str = "all") -> list[str]:
    """Type a query on /search/ (in all languages unless told) and return the result links,
    in order."""
    page.goto(base_url + "search/" + (f"?language={language}" if language else ""))
    page.fill("#search-q", query)
    expect(page.locator("#search-status")).to_contain_text(query, timeout=15_000)
    return page.locator("#search-results li h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )


def show_all(page) -> None:
    """Press "Show more results" until every result is listed. The button is disabled
    while a page of results loads and hidden after the last: it is pressed only when
    enabled (a slow load would leave a press waiting on a button about to hide)."""
    more = page.locator("#search-more")
    while more.is_visible():
        if more.is_enabled():
            more.click()
        page.wait_for_timeout(100)


def test_french_query_finds_the_seed(page, base_url) -> None:
    links = search(page, base_url, "trafic illicite de migrants")
    assert any(link.endswith("/fr/doc/000_a4e48ed0b737bc3c/") for link in links)
    assert page.errors == []


def test_chinese_query_finds_chinese_text(page, base_url) -> None:
    links = search(page, base_url, "资产冻结")
    assert links and links[0].endswith("/zh/S/RES/2213(2015)/")


def test_arabic_query_finds_arabic_text(page, base_url) -> None:
    links = search(page, base_url, "أذربيجان")
    assert any(link.endswith("/ar/A/69/772/") for link in links)


def test_symbol_query_lands_first(page, base_url) -> None:
    links = search(page, base_url, "A/HRC/43/15")
    assert links[0].endswith("/en/A/HRC/43/15/")
    page.locator("#search-results li h2 a").first.click()
    page.wait_for_url("**/en/A/HRC/43/15/")


@pytest.mark.parametrize("typed", ["a/hrc/28/15 ", "S/RES/2213(2015)"])
def test_go_to_symbol_box(page, base_url, typed: str) -> None:
    page.goto(base_url + "en/A/HRC/43/15/")
    box = page.get_by_role("textbox", name="symbol")
    box.fill(typed)
    box.press("Enter")
    want = "A/HRC/28/15/" if typed.startswith("a/") else "S/RES/2213(2015)/"
    page.wait_for_url(f"**/en/{want}", timeout=10_000)
    assert page.errors == []


def test_go_to_symbol_suggests_closest(page, base_url) -> None:
    page.goto(base_url)
    box = page.get_by_role("textbox", name="symbol")
    box.fill("A/HRC/43/16")
    box.press("Enter")
    suggestions = page.locator(".goto-results li a")
    expect(suggestions.first).to_be_visible(timeout=10_000)
    assert "A/HRC/43/15" in suggestions.all_inner_texts()


def test_the_21st_result_and_after(page, base_url) -> None:
    """Ten results a page: "Show results 11-20 of N" appends the next ones, and on to the
    21st and the last."""
    first = search(page, base_url, "human rights")
    total = int(page.locator("#search-status").inner_text().split()[0])
    assert len(first) == 10 and total > 20
    button = page.locator("#search-more")
    expect(button).to_have_text(f"Show results 11–20 of {total}")
    button.click()
    expect(page.locator("#search-results li h2 a")).to_have_count(20, timeout=15_000)
    links = page.locator("#search-results li h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert links[:10] == first and len(set(links)) == 20
    assert page.evaluate("document.activeElement.getAttribute('href')") == links[10]
    shown = 20
    while shown < total:  # each click once its results are in (the button hides at the end)
        button.click()
        shown = min(shown + 10, total)
        expect(page.locator("#search-results li h2 a")).to_have_count(shown, timeout=15_000)
    expect(button).to_be_hidden()
    assert page.errors == []


def test_a_link_and_a_citation_to_paragraph_5(page, base_url) -> None:
    """Following a paragraph's ¶: the page's link points at it, its citation is offered."""
    page.goto(base_url + "en/A/HRC/43/15/")
    expect(page.locator("#cite-para")).to_be_hidden()
    page.locator("#para-5 + .para-link").click()
    highlighted = "getComputedStyle(document.getElementById('para-5').parentNode).backgroundColor"
    assert page.evaluate(highlighted) == "rgb(255, 246, 214)"  # the paragraph followed
    expect(page.locator("#permalink")).to_have_value(re.compile(r"/en/A/HRC/43/15/#para-5$"))
    expect(page.locator("#cite-para")).to_be_visible()
    expect(page.locator("#cite-para-text")).to_have_value("A/HRC/43/15, para. 5")
    page.goto(base_url + "en/A/HRC/43/15/#para-12")  # a link someone sent
    expect(page.locator("#cite-para-text")).to_have_value("A/HRC/43/15, para. 12")
    assert page.errors == []


def test_filter_narrows_results(page, base_url) -> None:
    everything = search(page, base_url, "Slovenia")
    page.select_option("select[name=type]", "decision")
    expect(page.locator("#search-status")).not_to_have_text("Searching…", timeout=15_000)
    page.wait_for_timeout(300)
    narrowed = page.locator("#search-results li h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert 0 < len(narrowed) < len(everything)
    assert all("/DEC/" in link for link in narrowed)
    # the search, filter included, is in the address: reloaded elsewhere, it comes back
    address = page.url
    assert "q=Slovenia" in address and "type=decision" in address
    page.goto(base_url)
    page.goto(address)
    expect(page.locator("#search-q")).to_have_value("Slovenia")
    expect(page.locator("select[name=type]")).to_have_value("decision")
    expect(page.locator("#search-results li h2 a")).to_have_count(len(narrowed), timeout=15_000)
    again = page.locator("#search-results li h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert again == narrowed


def test_sub_results_link_paragraphs(page, base_url) -> None:
    search(page, base_url, "delegation")
    subs = page.locator("#search-results .sub-results a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert subs and all("#para-" in s for s in subs)


@pytest.mark.parametrize(
    "path",
    [
        "",
        "en/A/HRC/43/15/",
        "ar/S/RES/2213(2015)/",
        "search/",
        "resolutions/human-rights-council/5/1.html",
        "documents/",
        "bodies/human-rights-council/",
        "ar/",
        "ar/bodies/human-rights-council/",
        "fr/search/",
        "zh/types/",
    ],
)
def test_no_console_error_and_no_serious_axe_violation(page, base_url, path: str) -> None:
    page.goto(base_url + path)
    # Evaluated over the DevTools protocol, which the page's CSP does not govern (an inline
    # <script> would be refused, as it should be).
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])} nodes)"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []
    assert page.errors == []


def test_search_works_under_a_sub_path(page, base_url, tmp_path: Path) -> None:
    """GitHub Pages serves a project site under /<repo>/: results must link inside it."""
    import functools
    import http.server

    site = Path(_site_of(base_url))
    www = tmp_path / "www"
    www.mkdir()
    (www / "repo").symlink_to(site, target_is_directory=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(www))
    handler.log_message = lambda *args: None  # type: ignore[assignment]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        links = search(page, f"http://127.0.0.1:{server.server_address[1]}/repo/", "Slovenia")
        assert links and all(link.startswith("/repo/") for link in links)
    finally:
        server.shutdown()
        server.server_close()


def _site_of(base_url: str) -> str:
    return SITES[base_url]


def test_search_across_shards(page, corpus: Path, tmp_path: Path, monkeypatch) -> None:
    """A language split into several bundles is searched as one."""
    from undocs.site import bundles as search_module

    monkeypatch.setattr(search_module, "SHARD_BYTES", 300_000)
    seeds = tmp_path / "seeds"
    shutil.copytree(corpus / "hrc", seeds)
    out = tmp_path / "site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings()))
    assert len([p for p in (out / "pagefind").iterdir() if p.name.startswith("en.")]) >= 3
    server = make_server(out, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        links = _found(page, f"http://127.0.0.1:{server.server_address[1]}/", "Slovenia", "en")
        assert len(links) >= 20  # results from every shard
        assert page.errors == []
    finally:
        server.shutdown()
        server.server_close()


def _serve(out: Path) -> tuple[object, str]:
    server = make_server(out, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def _found(page, base: str, query: str, language: str) -> list[str]:
    links = search(page, base, query, language)
    status = page.locator("#search-status").inner_text()
    total = 0 if status.startswith("No results") else int(status.split()[0])
    show_all(page)  # every result, not the first page
    links = page.locator("#search-results li h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert len(links) == total
    return links


def test_an_edit_searched_through_the_recent_bundle(page, tmp_path: Path) -> None:
    """After an edit, the edited page is found by its new words, once, and a search finds
    the same pages as on a clean build: its older entry is dropped, not shown twice."""
    seeds, out, clean = tmp_path / "seeds", tmp_path / "site", tmp_path / "clean"
    shutil.copytree(ROOT / "seeds/multiun-de", seeds / "multiun-de")
    build(BuildOptions(seeds=seeds, out=out, settings=Settings()))
    edited = seeds / "multiun-de/2003/A_RES_58_1-de.txt"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\n\n99. Zyxwvutsrq Ergänzung.\n", encoding="utf-8")
    gone = next(seeds.glob("multiun-de/2001/*.txt"))
    gone.unlink()
    result = build(BuildOptions(seeds=seeds, out=out, settings=Settings()))
    assert result.bundles == ("de.recent",)
    build(BuildOptions(seeds=seeds, out=clean, settings=Settings()))
    server, base = _serve(out)
    server_clean, base_clean = _serve(clean)
    try:
        assert _found(page, base, "Zyxwvutsrq", "de") == ["/de/A/RES/58/1/"]
        for query in ("Generalversammlung", "Resolution", "Zyxwvutsrq"):
            assert sorted(_found(page, base, query, "de")) == sorted(
                _found(page, base_clean, query, "de")
            ), query
        assert page.errors == []
    finally:
        for running in (server, server_clean):
            running.shutdown()
            running.server_close()


def test_search_runs_in_the_readers_language(page, base_url) -> None:
    """From a French page, search runs in French; "Search all languages" widens it."""
    page.goto(base_url + "fr/doc/000_a4e48ed0b737bc3c/")
    page.get_by_role("link", name="Recherche", exact=True).click()  # from a French page
    page.wait_for_url("**/search/")
    expect(page.locator("select[name=language]")).to_have_value("fr")
    page.fill("#search-q", "migrants")
    # the French page says it in French
    expect(page.locator("#search-status")).to_contain_text("en Français", timeout=15_000)
    french = page.locator("#search-results li h2 a").evaluate_all(
        "links => links.map(a => a.getAttribute('href'))"
    )
    assert french and all("/fr/" in link for link in french)
    page.locator("#search-all").click()
    expect(page.locator("#search-status")).not_to_contain_text("en Français", timeout=15_000)
    expect(page.locator("select[name=language]")).to_have_value("all")
    assert "language=all" in page.url
    assert page.errors == []


def test_results_show_from_their_cards(page, base_url) -> None:
    """With no fragment reachable (a slow connection, still loading), results are listed
    with their titles from the cards; their excerpts come with the fragments."""
    page.route("**/fragment/**", lambda route: route.abort())
    links = search(page, base_url, "Slovenia", "en")
    assert len(links) == 10
    titles = page.locator("#search-results li h2 a").all_inner_texts()
    assert all(title and not title.startswith("/") for title in titles)
    assert page.locator("#search-results .excerpt").count() == 0


def test_newest_first_sorts_every_result(page, base_url) -> None:
    """ "Newest first" orders all the results by date, not only the first ones; undated
    ones come last."""
    page.goto(base_url + "search/?language=all&sort=desc&q=human+rights")
    expect(page.locator("#search-status")).to_contain_text("human rights", timeout=15_000)
    total = int(page.locator("#search-status").inner_text().split()[0])
    assert total > 20
    show_all(page)
    expect(page.locator("#search-results li .meta")).to_have_count(total, timeout=15_000)
    metas = page.locator("#search-results li .meta").all_inner_texts()
    dates = [found.group(0) if (found := re.search(r"\d{4}-\d\d-\d\d", m)) else "" for m in metas]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates[: len(dated)] == dated
    # the same results as by relevance: none dropped (Pagefind's own sort drops the undated)
    search(page, base_url, "human rights")
    assert int(page.locator("#search-status").inner_text().split()[0]) == total
    assert page.errors == []


def test_a_report_with_contents_does_not_scroll_sideways_on_a_phone(page, base_url) -> None:
    """A/HRC/28/15 opens with a table of contents whose leader dots ran off a 360 px
    screen; its job number and running headers are shown small, not as headings."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "en/A/HRC/28/15/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.locator(".text .leftover").count() >= 2
    assert "GE.14-23930" not in page.locator(".text .subhead").all_inner_texts()


@pytest.mark.parametrize(
    "path", ["", "bodies/human-rights-council/", "resolutions/human-rights-council/5/1.html"]
)
def test_charts_fit_a_phone_and_open_their_figures(page, base_url, path: str) -> None:
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + path)
    chart = page.locator("figure.chart")
    assert chart.count() == 1
    box = chart.locator("svg").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    chart.locator("summary").click()
    assert chart.locator("table.chart-data tbody tr").first.is_visible()


def test_comparisons_pass_axe_and_fit_a_phone(page, base_url) -> None:
    """A series compared year to year and an Arabic text beside the English: no serious axe
    violation, nothing scrolls sideways at 360 px, the Arabic side right to left."""
    site = Path(SITES[base_url])
    compared = sorted(site.glob("de/A/RES/*/*/compare/**/index.html"))
    parallel = site / "ar/S/RES/2213(2015)/parallel/en/index.html"
    assert compared and parallel.is_file()
    for path in (compared[0], parallel):
        url = base_url + path.relative_to(site).parent.as_posix() + "/"
        for width in (1280, 360):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(url)
            assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], (url, serious)
    assert page.locator('p.side[lang="ar"]').first.get_attribute("dir") == "rtl"
    assert page.errors == []


def test_filters_alone_browse_the_archive(page, base_url) -> None:
    """Before any query, the filters of the reader's language list their values with counts;
    choosing one lists its documents."""
    page.goto(base_url + "search/?language=en")
    options = page.locator("select[name=type] option")
    expect(options).not_to_have_count(1, timeout=15_000)  # more than "Any"
    texts = options.all_inner_texts()
    decision = next(t for t in texts if t.startswith("decision ("))
    count = int(decision.split("(")[1].rstrip(")"))
    page.select_option("select[name=type]", "decision")
    expect(page.locator("#search-status")).to_contain_text(f"{count} result", timeout=15_000)
    assert page.errors == []


def test_sessions_are_listed_with_their_body(page, base_url) -> None:
    """The session filter names each session's body ("Human Rights Council 28"), not a bare
    number shared by every body's 28th session."""
    page.goto(base_url + "search/?language=en")
    page.locator("select[name=session]").focus()
    options = page.locator("select[name=session] option")
    expect(options).not_to_have_count(1, timeout=15_000)
    values = options.evaluate_all("os => os.map(o => o.value)")[1:]
    assert values and all(re.fullmatch(r"\D+ \d+", v) for v in values), values
    assert "Human Rights Council 28" in values
    hrc = [v for v in values if v.startswith("Human Rights Council ")]
    numbers = [int(v.rsplit(" ", 1)[1]) for v in hrc]
    assert numbers == sorted(numbers, reverse=True)


def test_a_reference_downloads_for_a_reference_manager(page, base_url) -> None:
    """Chromium saves the BibTeX and RIS of a document page as files a reference manager
    imports; bibtexparser and rispy read them."""
    import bibtexparser
    import rispy

    page.goto(base_url + "en/A/HRC/43/15/")
    with page.expect_download() as bib:
        page.get_by_role("link", name="BibTeX").click()
    assert bib.value.suggested_filename == "A_HRC_43_15_en.bib"
    (entry,) = bibtexparser.parse_string(Path(bib.value.path()).read_text("utf-8")).entries
    assert entry.fields_dict["number"].value == "A/HRC/43/15"
    with page.expect_download() as ris:
        page.get_by_role("link", name="RIS").click()
    (record,) = rispy.loads(Path(ris.value.path()).read_text("utf-8"))
    assert record["type_of_reference"] == "RPRT" and record["note"] == "A/HRC/43/15"
    assert page.errors == []


def test_adoptions_and_state_votes_pass_axe_and_fit_a_phone(page, base_url) -> None:
    """A resolution's adoption panel (the recorded vote a session report prints, the states
    linked) and a state's page of votes: no serious axe violation, nothing scrolls sideways
    at 360 px; a state in the panel leads to its page, which lists the resolution."""
    site = Path(SITES[base_url])
    resolution = "resolutions/human-rights-council/43/2.html"
    assert (site / resolution).is_file()
    for url in (base_url + resolution, base_url + "states/afghanistan/", base_url + "states/"):
        for width in (1280, 360):
            page.set_viewport_size({"width": width, "height": 800})
            page.goto(url)
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (url, width)
        page.evaluate(AXE.read_text(encoding="utf-8"))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], (url, serious)
    page.goto(base_url + resolution)
    panel = page.locator("section.adoption")
    expect(panel).to_contain_text("24 in favour, 4 against, 19 abstaining")
    expect(panel).to_contain_text("A/HRC/43/L.35")
    panel.get_by_role("link", name="Afghanistan").click()
    expect(page.locator("h1")).to_have_text("Afghanistan")
    expect(page.locator("table.votes-table")).to_contain_text("43/2")
    assert page.errors == []


def test_a_long_cited_by_list_filters_by_year_body_and_language(page, base_url) -> None:
    """A resolution cited by many documents: its list is filtered by year and by language,
    the rows shown and the count announced agree, and "Any" shows every row again; no
    serious axe violation, nothing sideways at 360 px."""
    site = Path(SITES[base_url])

    def facets(path: Path) -> tuple[int, int]:
        """How many years and languages a page's list filter offers (0 without a filter)."""
        html = path.read_text(encoding="utf-8")
        if "list-filter" not in html:
            return 0, 0
        start = html.index("list-filter")
        form = html[start : html.index("</form>", start)]
        years = form[: form.index('name="body"')].count("<option>")
        return years, form[form.index('name="language"') :].count("<option value=") - 1

    found = [p for p in sorted(site.glob("resolutions/*/**/*.html")) if min(facets(p)) >= 2]
    assert found, "no resolution is cited by documents of two years and two languages"
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(base_url + found[0].relative_to(site).as_posix())
    form = page.locator("form.list-filter")
    expect(form).to_be_visible()
    rows = page.locator("#citing-list > li")
    total = rows.count()
    years = form.locator("select[name=year] option").all_text_contents()[1:]
    counts = {y: page.locator(f'#citing-list > li[data-year="{y}"]').count() for y in years}
    assert any(n < total for n in counts.values()), (page.url, total, counts)
    year = next(y for y in years if counts[y] < total)
    form.locator("select[name=year]").select_option(year)
    visible = page.locator("#citing-list > li:visible")
    expected = page.locator(f'#citing-list > li[data-year="{year}"]').count()
    expect(visible).to_have_count(expected)
    expect(form.locator("output")).to_have_text(f"{expected} of {total} documents")
    form.locator("select[name=year]").select_option("")
    language = form.locator("select[name=language] option").nth(1).get_attribute("value")
    form.locator("select[name=language]").select_option(language)
    with_language = sum(
        language in (rows.nth(i).get_attribute("data-langs") or "").split() for i in range(total)
    )
    expect(visible).to_have_count(with_language)
    form.locator("select[name=language]").select_option("")
    expect(visible).to_have_count(total)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], serious
    assert page.errors == []


def test_a_year_range_finds_the_years_in_it_and_stays_in_the_address(page, base_url) -> None:
    """Filters alone, a year and the year a range ends with: as many results as the years in
    the range count, the range kept in the address and restored from it."""
    page.goto(base_url + "search/?language=en")
    options = page.locator("select[name=year] option")
    expect(options).not_to_have_count(1, timeout=15_000)
    counts = {
        int(v): int(t.split("(")[1].rstrip(")"))
        for v, t in zip(
            options.evaluate_all("os => os.map(o => o.value)")[1:],
            options.all_text_contents()[1:],
            strict=True,
        )
    }
    years = sorted(counts)
    assert len(years) >= 3, counts
    first, last = years[0], years[len(years) // 2]
    expected = sum(n for year, n in counts.items() if first <= year <= last)
    page.select_option("select[name=year]", str(first))
    page.select_option("select[name=until]", str(last))
    status = page.locator("#search-status")
    expect(status).to_contain_text(f"{expected} result", timeout=15_000)
    assert f"year={first}" in page.url and f"until={last}" in page.url
    page.goto(page.url)  # the address alone gives the same search
    expect(status).to_contain_text(f"{expected} result", timeout=15_000)
    expect(page.locator("select[name=until]")).to_have_value(str(last))
    assert page.errors == []


def _doc(folder: Path, name: str, symbol: str, language: str, title: str, text: str) -> None:
    (folder / name).write_text(
        f"---\nsymbol: {symbol}\nlanguage: {language}\ndate: 2015-03-02\n"
        f'title: "{title}"\nbody: Human Rights Council\n---\n\n{text}\n',
        encoding="utf-8",
    )


def test_the_words_as_typed_come_before_stemmed_and_prefix_matches(page, tmp_path: Path) -> None:
    """A phrase's words side by side rank above pages with its words apart (however often
    they are there), and a language whose index only holds a word that begins the query's
    (the German "DIS", for "disappearance") comes after the language that holds the word."""
    seeds, out = tmp_path / "seeds", tmp_path / "site"
    seeds.mkdir()
    filler = " ".join(f"The Council considered item {n} of its agenda." for n in range(60))
    _doc(
        seeds,
        "a.txt",
        "A/HRC/1/1",
        "en",
        "Report on assemblies",
        f"1. {filler}\n\n2. It stressed freedom of expression online.\n\n3. {filler}",
    )
    _doc(
        seeds,
        "b.txt",
        "A/HRC/1/2",
        "en",
        "Freedom, the press and the expression of views",
        "1. Freedom of the press. Freedom to meet. Freedom to vote. The expression of "
        "views, the expression of faith, the expression of dissent: freedom.",
    )
    _doc(
        seeds,
        "c.txt",
        "A/HRC/1/3",
        "en",
        "Missing persons",
        "1. The Council addressed the disappearance of persons.",
    )
    _doc(
        seeds,
        "d.txt",
        "A/HRC/1/4",
        "de",
        "Sicherheitskräfte",
        "1. Die Sicherheitskräfte (DIS) des DIS wurden ausgebildet. DIS und DIS.",
    )
    build(BuildOptions(seeds=seeds, out=out, settings=Settings()))
    server, base = _serve(out)
    try:
        # Pagefind alone ranks b first: the words in its title, and often
        assert search(page, base, "freedom of expression", "en")[:2] == [
            "/en/A/HRC/1/1/",
            "/en/A/HRC/1/2/",
        ]
        assert search(page, base, "disappearance", "all") == ["/en/A/HRC/1/3/", "/de/A/HRC/1/4/"]
        assert page.errors == []
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("language", ["de", "all"])
def test_a_symbol_without_its_year_finds_the_one_document(page, base_url, language) -> None:
    links = search(page, base_url, "S/RES/1460", language)
    assert links[0].endswith("/de/S/RES/1460(2003)/")
    page.goto(base_url + "en/A/HRC/43/15/")
    box = page.get_by_role("textbox", name="symbol")
    box.fill("s/res/1460")
    box.press("Enter")
    page.wait_for_url("**/de/S/RES/1460(2003)/", timeout=10_000)


def test_a_list_remembers_the_language_chosen(page, base_url) -> None:
    """A version followed from a list is the language the list's rows open in after, where
    the archive holds it: remembered on the device."""
    page.goto(base_url + "bodies/security-council/page/2/")
    row = page.locator(".doclist > li", has_text="S/RES/2213 (2015)")
    assert row.locator(":scope > a").get_attribute("href").endswith("/en/S/RES/2213(2015)/")
    row.locator('.langs a[hreflang="fr"]').click()
    page.wait_for_url("**/fr/S/RES/2213(2015)/")
    page.goto(base_url + "bodies/security-council/page/2/")
    main = page.locator(".doclist > li", has_text="S/RES/2213 (2015)").locator(":scope > a")
    assert main.get_attribute("href").endswith("/fr/S/RES/2213(2015)/")
    assert main.get_attribute("lang") == "fr"
    german = page.locator(".doclist > li", has_text="S/RES/1463 (2003)").locator(":scope > a")
    assert german.get_attribute("href").endswith("/de/S/RES/1463(2003)/")  # held only so
    assert page.errors == []


def test_an_arabic_document_reads_right_to_left_on_a_phone(page, base_url) -> None:
    """An Arabic document page is right to left from the top, its labels in Arabic, its
    symbols left to right inside, and nothing scrolls sideways at 360 px."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "ar/S/RES/2213(2015)/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('dl.meta')).direction") == "rtl"
    assert page.locator("#h-cite").inner_text() == "الاستشهاد بهذه الوثيقة"
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.doc-symbol')).direction") == "ltr"
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert page.errors == []


def test_the_go_to_box_answers_in_the_page_language(page, base_url) -> None:
    page.goto(base_url + "fr/doc/000_a4e48ed0b737bc3c/")
    page.locator("#goto-symbol").fill("A/HRC/43/16")
    page.locator("#goto-symbol").press("Enter")
    expect(page.locator(".goto-results p")).to_have_text(
        "Aucun document A/HRC/43/16 dans l'archive. Cotes les plus proches :", timeout=10_000
    )
    assert page.errors == []


def test_the_arabic_home_page_reads_right_to_left_on_a_phone(page, base_url) -> None:
    """The Arabic home page is right to left from the top, in Arabic, its chart's years
    running from the right, and nothing scrolls sideways at 360 px; its switcher leads to
    the French home page."""
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(base_url + "ar/")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.locator("#h-latest").inner_text() == "أحدث الوثائق"
    assert "حسب السنة" in page.locator("figure.chart figcaption").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.locator("nav.switcher a[hreflang=fr]").click()
    expect(page.locator("#h-latest")).to_have_text("Derniers documents")
    assert page.url.endswith("/fr/")
    assert page.errors == []


def test_the_french_search_page_answers_in_french(page, base_url) -> None:
    """The French search page searches French first and says what it found in French,
    bodies' names in the filters in French."""
    page.goto(base_url + "fr/search/")
    page.fill("#search-q", "trafic illicite de migrants")
    status = page.locator("#search-status")
    expect(status).to_contain_text("pour « trafic illicite de migrants »", timeout=15_000)
    assert re.search(r"\d+ résultats? pour", status.inner_text())
    expect(page.locator("select[name=body] option")).not_to_have_count(1, timeout=15_000)
    options = page.locator("select[name=body] option").all_inner_texts()
    assert "Any" not in options
    assert any(o.startswith("Conférence des Parties") for o in options)
    assert not any(o.startswith("Conference of the Parties") for o in options)
    assert page.errors == []


def test_languages_share_pagefind_s_script_and_worker(page, base_url) -> None:
    """A search in several languages imports Pagefind's script from the one folder the
    bundles share, a module of its own per language (each with its own WebAssembly and
    stemmer: results come from each), and each language's worker loads the shared one."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    search(page, base_url, "2213")
    status = page.locator("#search-status").inner_text()
    found = {name for name in ("English", "Español", "Français", "Deutsch") if name in status}
    assert len(found) >= 3, status
    paths = [url.removeprefix(base_url) for url in requested if "/pagefind/" in url]
    scripts = {path for path in paths if path.split("#")[0].endswith("/pagefind.js")}
    workers = {path for path in paths if path.endswith("pagefind-worker.js")}
    (shared,) = {path.split("/")[1] for path in scripts}
    assert re.fullmatch(r"pagefind-\d+\.\d+\.\d+", shared), scripts
    assert f"pagefind/{shared}/pagefind-worker.js" in workers
    assert len(workers) > len(found)  # each language's worker, and the shared one
    assert page.errors == []


def test_a_search_index_that_failed_to_load_is_asked_again(page, base_url) -> None:
    """The search page asks for the manifest as it opens; a network error then does not
    leave search failed for good: the next search asks again, and finds."""
    failed: list[str] = []

    def once(route) -> None:
        if not failed:
            failed.append(route.request.url)
            route.abort()
        else:
            route.continue_()

    page.route("**/pagefind/undocs-search.json", once)
    page.goto(base_url + "search/?language=fr", wait_until="load")
    for _ in range(50):  # the page's own request, before any search
        if failed:
            break
        page.wait_for_timeout(100)
    assert failed, "the manifest was not asked for as the page opened"
    page.fill("#search-q", "migrants")
    expect(page.locator("#search-status")).to_contain_text("migrants", timeout=15_000)
    assert page.locator("#search-results li").count() > 0
