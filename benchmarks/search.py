"""Search figures: index size, first queries, ranking, recall of Chinese queries.

    python benchmarks/search.py [--site _site] [--seeds ../shared/corpus] [--sample 100]
                                [--ranked 56]

Builds the site (unless --site names one already built with search), serves it on 127.0.0.1
(uncompressed, as `undocs serve` does: GitHub Pages would gzip the scripts), and drives
Debian's Chromium with Playwright. First queries: 21 queries, three in each of the seven
languages, each typed as soon as a search page opened with a cold cache is there, in the
query's language and in all languages: milliseconds from submitting to the first ten results
listed, and the bytes the server sent from opening the page to then (the page's own files
and Pagefind's worker included, files the browser had in its cache not, nor those asked
for once the results showed, such as the filters' counts), as sent and as a
host that gzips text (GitHub Pages) would send them; medians and worst. --rounds types each
query several times (its median kept); --latency and --down emulate a slower link. Ranking:
the title, then the symbol, of --ranked documents sampled across languages typed on the
search page in the document's language, counting those in the first three. Chinese recall:
for each sampled Chinese document, a run of 2 and of 4 Chinese characters taken from its
text is searched in the Chinese bundle; recall counts the queries whose document is among
the results at all, and top-10 those where it is among the first ten. Relevance: the
RELEVANCE queries (phrases in the seven languages, judged by whether a result's text holds
the phrase as typed; known items, judged by the documents that must be listed), typed on the
search page: precision at 5.

    python benchmarks/search.py --site S --only relevance     # just the relevance figures
    python benchmarks/search.py --site S --only first --rounds 3  # each first query 3 times
    python benchmarks/search.py --site S --only first --latency 150 --down 200  # a slow link
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import random
import re
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from playwright.sync_api import sync_playwright

from undocs.build import BuildOptions, build
from undocs.build.writer import human
from undocs.serve import make_server
from undocs.site.render import Settings

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CJK = re.compile(r"[\u4e00-\u9fff]{4,}")


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def queries_for(text: str, rng: random.Random) -> list[str]:
    runs = CJK.findall(text)
    if not runs:
        return []
    run = rng.choice(runs)
    start = rng.randrange(0, len(run) - 3)
    return [run[start : start + 2], run[start : start + 4]]


#: First queries, three per language: what a reader types first.
QUERIES = {
    "en": ["human rights defenders", "sanctions committee", "peacekeeping operations"],
    "fr": ["trafic illicite de migrants", "droits de l'homme", "maintien de la paix"],
    "es": ["desapariciones forzadas", "derechos humanos", "mantenimiento de la paz"],
    "de": ["Menschenrechte", "Generalversammlung", "Friedenssicherung"],
    "ru": ["права человека", "Совет Безопасности", "миротворческих операций"],
    "ar": ["حقوق الإنسان", "مجلس الأمن", "أذربيجان"],
    "zh": ["资产冻结", "人权理事会", "维持和平行动"],
}

#: Submits a query on the search page and resolves with the milliseconds until the status
#: line reports its results (the first ten listed from their cards), and the moment it did
#: (ms since the epoch: the server's clock).
TIMED = """async q => {
  const status = document.getElementById("search-status");
  const t0 = performance.now();
  const done = new Promise(resolve => {
    const seen = new MutationObserver(() => {
      if (status.textContent.includes(q)) { seen.disconnect(); resolve(); }
    });
    seen.observe(status, {childList: true, characterData: true, subtree: true});
  });
  document.getElementById("search-q").value = q;
  document.getElementById("search-form").requestSubmit();
  await done;
  const at = performance.now();
  return [at - t0, performance.timeOrigin + at];
}"""


@dataclass(frozen=True)
class Link:
    """An emulated connection: round trip added to each request (ms), bytes a second down."""

    latency: float
    down: int
    """kB a second (upload: half)."""


#: What a first query returns: ms to the first results, bytes fetched, requests, the status
#: line, and the bytes as a host that gzips text would send them (`Served.gzipped`).
Row = tuple[float, int, int, str, int]


def first_query(
    browser, base: str, query: str, language: str, served: Served, link: Link | None = None
) -> Row:
    """Return ms from submitting to the first results, the bytes and requests the server
    answered from opening the page (cold cache) to those results, the status line, and those
    bytes as GitHub Pages would send them (`Served.gzipped`). `link`: a slower connection
    than loopback, as Chromium's DevTools emulate one (its page's and worker's requests)."""
    context = browser.new_context()
    page = context.new_page()
    if link is not None:
        session = context.new_cdp_session(page)
        session.send("Network.enable")
        session.send(
            "Network.emulateNetworkConditions",
            {
                "offline": False,
                "latency": link.latency,
                "downloadThroughput": link.down * 1000 if link.down else -1,
                "uploadThroughput": link.down * 500 if link.down else -1,
            },
        )
    first = len(served.files)
    # typed as soon as the page is there: its own files and whatever it loads before the
    # query (the filters of the reader's language) count with the query's
    page.goto(f"{base}search/?language={language}", wait_until="domcontentloaded")
    ms, shown = page.evaluate(TIMED, query)
    # what the server sent by the time the results showed: not what the page asks for after
    # (the filters' counts), which may reach the server before this line runs
    files = [path for at, path in served.files[first:] if at * 1000 <= shown]
    status = page.inner_text("#search-status")
    context.close()
    size = sum(file.stat().st_size for file in files)
    return ms, size, len(files), status, sum(served.gzipped(file) for file in files)


#: Files a host such as GitHub Pages sends gzipped (Pagefind's own files are compressed
#: already, and sent as they are).
TEXT = {".html", ".js", ".css", ".json", ".xml", ".svg", ".txt"}


class Served:
    """The files the benchmark's server sent (status 200), in order, each with when it was
    answered (seconds since the epoch): counted where they are sent, so that a file the
    browser had in its cache counts nothing and a worker's script counts (Chromium reports
    its size as 0)."""

    def __init__(self, server, site: Path) -> None:
        self.files: list[tuple[float, Path]] = []
        self._gzipped: dict[Path, int] = {}
        files = self.files

        def log_request(handler, code="-", size="-") -> None:
            if str(code) == "200":
                path = Path(handler.translate_path(handler.path))
                if path.is_dir():
                    path = path / "index.html"
                if path.is_file() and path.is_relative_to(site):
                    files.append((time.time(), path))

        server.RequestHandlerClass.func.log_request = log_request

    def gzipped(self, file: Path) -> int:
        """Return a file's size as a host that gzips text sends it (level 6, as nginx and
        most hosts do): `undocs serve` sends every file as it is."""
        if file.suffix not in TEXT:
            return file.stat().st_size
        if file not in self._gzipped:
            self._gzipped[file] = len(gzip.compress(file.read_bytes(), compresslevel=6))
        return self._gzipped[file]


def median_and_worst(rows: list[Row], label: str) -> None:
    times = sorted(r[0] for r in rows)
    sizes = sorted(r[1] for r in rows)
    wire = sorted(r[4] for r in rows)
    print(
        f"{label} ({len(rows)} queries): to first results median {times[len(times) // 2]:.0f} ms, "
        f"worst {times[-1]:.0f} ms; fetched median {human(sizes[len(sizes) // 2])}, "
        f"worst {human(sizes[-1])}; gzipped text (as GitHub Pages sends it) median "
        f"{human(wire[len(wire) // 2])}, worst {human(wire[-1])}"
    )


def first_queries(
    browser, base: str, served: Served, rounds: int = 1, link: Link | None = None
) -> None:
    """Every query of QUERIES, cold cache, in its own language and in all languages; each
    typed `rounds` times (a fresh browser context each time), its median time kept."""
    for mode in ("own", "all"):
        rows = []
        for language, queries in QUERIES.items():
            for query in queries:
                runs = [
                    first_query(
                        browser, base, query, language if mode == "own" else "all", served, link
                    )
                    for _ in range(rounds)
                ]
                row = sorted(runs)[len(runs) // 2]
                rows.append(row)
                each = f" (of {', '.join(f'{r[0]:.0f}' for r in runs)})" if rounds > 1 else ""
                print(
                    f"  [{mode}] {query!r}: {row[0]:.0f} ms{each}, {human(row[1])} "
                    f"({human(row[4])} gzipped) in {row[2]} requests; {row[3]}",
                    flush=True,
                )
        median_and_worst(rows, "in the query's language" if mode == "own" else "all languages")


#: Relevance: (language searched, query, documents that must come first). With no documents
#: named, the query is a phrase and a result is relevant if its text holds the phrase as typed
#: (case aside; as whole words, but Arabic, whose words take their articles and conjunctions
#: in front, and Chinese, written without spaces): "exact words and phrases first, stemmed
#: matches after". With documents named (known items: a symbol, a title), precision at 5 is
#: the share of them among the first five.
RELEVANCE: list[tuple[str, str, tuple[str, ...]]] = [
    ("en", "enforced disappearance", ()),
    ("en", "human rights defenders", ()),
    ("en", "peacekeeping operations", ()),
    ("en", "freedom of expression", ()),
    ("en", "climate change", ()),
    ("en", "sexual violence", ()),
    ("en", "small arms", ()),
    ("fr", "droits de l'homme", ()),
    ("fr", "maintien de la paix", ()),
    ("fr", "changements climatiques", ()),
    ("fr", "violence sexuelle", ()),
    ("fr", "armes légères", ()),
    ("fr", "criminalité transnationale organisée", ()),
    ("es", "derechos humanos", ()),
    ("es", "mantenimiento de la paz", ()),
    ("es", "cambio climático", ()),
    ("es", "armas pequeñas", ()),
    ("es", "violencia sexual", ()),
    ("es", "libertad de expresión", ()),
    ("de", "Menschenrechte", ()),
    ("de", "Friedenssicherung", ()),
    ("de", "Klimaänderungen", ()),
    ("de", "Verschwindenlassen", ()),
    ("de", "sexuelle Gewalt", ()),
    ("de", "Meinungsfreiheit", ()),
    ("ru", "права человека", ()),
    ("ru", "Совет Безопасности", ()),
    ("ru", "миротворческих операций", ()),
    ("ru", "изменение климата", ()),
    ("ru", "сексуальное насилие", ()),
    ("ru", "стрелковое оружие", ()),
    ("ar", "حقوق الإنسان", ()),
    ("ar", "مجلس الأمن", ()),
    ("ar", "أذربيجان", ()),
    ("ar", "تغير المناخ", ()),
    ("ar", "عمليات حفظ السلام", ()),
    ("ar", "العنف الجنسي", ()),
    ("zh", "人权理事会", ()),
    ("zh", "维持和平行动", ()),
    ("zh", "气候变化", ()),
    ("zh", "安全理事会", ()),
    ("zh", "性暴力", ()),
    ("zh", "小武器", ()),
    ("all", "disappearance", ()),
    ("all", "climate change", ()),
    ("all", "S/RES/1325", ("S/RES/1325 (2000)",)),
    ("de", "Resolution 1325", ("S/RES/1325 (2000)",)),
    ("en", "A/HRC/28/15", ("A/HRC/28/15",)),
    ("zh", "S/RES/2209", ("S/RES/2209 (2015)",)),
    ("ar", "A/69/19", ("A/69/19",)),
    (
        "en",
        "Report of the Working Group on the Universal Periodic Review: Slovenia",
        ("A/HRC/14/15", "A/HRC/28/15", "A/HRC/43/15", "A/HRC/59/15"),
    ),
    (
        "en",
        "Outcome of the universal periodic review: Slovenia",
        ("A/HRC/DEC/14/105", "A/HRC/DEC/28/111", "A/HRC/DEC/43/112", "A/HRC/DEC/59/112"),
    ),
]

#: Languages whose phrases are matched inside words (see RELEVANCE).
UNSPACED = ("ar", "zh")


def page_text(site: Path, href: str, base: str) -> str:
    """The text of the document a result links to, folded for matching a phrase."""
    path = unquote(href.split("#")[0]).removeprefix(base).removeprefix("/").strip("/")
    page = site / path / "index.html"
    if not page.is_file():
        return ""
    body = page.read_text(encoding="utf-8").split('<section class="text"')[-1]
    text = re.sub(r"<[^>]+>", " ", body.split("</section>")[0])
    return re.sub(r"\s+", " ", html.unescape(text)).casefold().replace("’", "'")


def holds(text: str, phrase: str, language: str) -> bool:
    phrase = phrase.casefold().replace("’", "'")
    if language in UNSPACED or CJK.search(phrase) or re.search(r"[؀-ۿ]", phrase):
        return phrase in text
    return re.search(r"(?<!\w)" + re.escape(phrase) + r"(?!\w)", text) is not None


TEXTS: dict[str, list[str]] = {}


def texts_of(site: Path, language: str) -> list[str]:
    """The folded texts of a language's documents (all languages': "all"), read once."""
    cache = TEXTS
    if language not in cache:
        if language == "all":
            languages = sorted(p.name for p in site.iterdir() if p.is_dir() and len(p.name) == 2)
            cache[language] = [t for lang in languages for t in texts_of(site, lang)]
        else:
            cache[language] = [
                page_text(site, str(page.parent.relative_to(site)), "")
                for page in sorted((site / language).rglob("index.html"))
                if "search" not in page.parts
            ]
    return cache[language]


def relevance(browser, base: str, site: Path) -> None:
    """Precision at 5 over RELEVANCE, per kind of query and over all: of a phrase, the share
    of the first five that hold it (of fewer, if fewer documents of the language hold it)."""
    symbol_at = {}
    for _, symbol, urls in json.loads((site / "data/symbols.json").read_text("utf-8")):
        for url in urls.values():
            symbol_at["/" + url] = symbol
    page = browser.new_page()
    scores: dict[str, list[float]] = {"phrase": [], "known": []}
    for language, query, must in RELEVANCE:
        page.goto(f"{base}search/?language={language}")
        page.evaluate(TIMED, query)
        links = page.locator("#search-results li h2 a").evaluate_all(
            "links => links.slice(0, 5).map(a => new URL(a.href).pathname)"
        )
        if must:
            found = [symbol_at.get(unquote(link)) for link in links]
            score = sum(symbol in found for symbol in must) / min(5, len(must))
            scores["known"].append(score)
            misses = [s for s in must if s not in found]
        else:
            texts = [page_text(site, link, "/") for link in links]
            holding = sum(holds(text, query, language) for text in texts_of(site, language))
            score = sum(holds(text, query, language) for text in texts) / max(1, min(5, holding))
            scores["phrase"].append(score)
            misses = [
                unquote(link)
                for link, text in zip(links, texts, strict=True)
                if not holds(text, query, language)
            ]
        print(
            f"  [{language}] {query[:60]!r}: P@5 {score:.2f}"
            + (f"; not: {', '.join(misses[:3])}" if misses else ""),
            flush=True,
        )
    page.close()
    every = scores["phrase"] + scores["known"]
    print(
        f"relevance ({len(every)} queries): precision at 5 {sum(every) / len(every):.3f}; "
        f"phrases ({len(scores['phrase'])}) {sum(scores['phrase']) / len(scores['phrase']):.3f}, "
        f"known items ({len(scores['known'])}) {sum(scores['known']) / len(scores['known']):.3f}"
    )


def ranking(browser, base: str, site: Path, sample: int) -> None:
    """Type the title, then the symbol, of sampled documents (across languages, each with a
    title no other document of its language has) on the search page in the document's
    language: count those ranked in the first three."""
    records = [
        json.loads(line)
        for line in (site / "data/records.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    where = {
        symbol: urls
        for _, symbol, urls in json.loads((site / "data/symbols.json").read_text("utf-8"))
    }
    titled = [
        dict(r, url=where[r["symbol"]][r["language"]])
        for r in records
        if r.get("title")
        and r["title"] != r.get("symbol")
        and r["language"] in where.get(r.get("symbol"), {})
    ]
    # a title many documents share ("Erklärung des Präsidenten des Sicherheitsrats", or a
    # resolution's adopted every year) cannot put one of them first: sample unique titles
    shared = Counter((r["language"], r["title"]) for r in titled)
    by_language: dict[str, list[dict]] = {}
    for record in titled:
        if shared[(record["language"], record["title"])] > 1:
            continue
        by_language.setdefault(record["language"], []).append(record)
    rng = random.Random(11)
    chosen = []
    for language in sorted(by_language):
        found = by_language[language]
        chosen += rng.sample(found, min(len(found), -(-sample // len(by_language))))
    page = browser.new_page()
    for kind in ("title", "symbol"):
        top3 = 0
        misses = []
        for record in chosen:
            query = record[kind]
            page.goto(f"{base}search/?language={record['language']}")
            page.evaluate(TIMED, query)
            links = page.locator("#search-results li h2 a").evaluate_all(
                "links => links.slice(0, 3).map(a => a.getAttribute('href'))"
            )
            want = "/" + record["url"] if kind == "title" else None
            hit = (
                want in links
                if want
                else any(record["symbol"].replace(" ", "") in unquote(link) for link in links)
            )
            top3 += hit
            if not hit:
                misses.append(f"{record['language']} {query[:70]!r}")
        print(f"typing the {kind} of {len(chosen)} documents: {top3} in the first three")
        for miss in misses[:10]:
            print(f"  missed: {miss}")
    page.close()


def chinese_recall(browser, base: str, site: Path, size: int) -> None:
    """Recall of Chinese 2- and 4-character queries taken from sampled documents."""
    rng = random.Random(7)
    zh = sorted((site / "zh").rglob("index.html"))
    zh = [p for p in zh if "search" not in p.parts]
    sample = rng.sample(zh, min(size, len(zh)))
    page = browser.new_page()
    page.goto(base + "search/")
    page.evaluate(
        "async () => { window.pf = await import('/pagefind/zh/pagefind.js');"
        " await window.pf.options({baseUrl: '/'}); }"
    )
    # the search page's own transformation of a Chinese query into bigrams
    bigrams = (
        "q => q.replace(/[\\u3400-\\u4dbf\\u4e00-\\u9fff]{2,}/g, run => { const o = [];"
        " for (let i = 0; i < run.length - 1; i++) o.push(run.slice(i, i + 2));"
        " return ' ' + o.join(' ') + ' '; }).trim()"
    )
    found = {2: 0, 4: 0}
    top10 = {2: 0, 4: 0}
    tried = {2: 0, 4: 0}
    for path in sample:
        body = path.read_text(encoding="utf-8").split('<section class="text"')[-1]
        text = re.sub(r"<[^>]+>", "", body.split("</section>")[0])
        url = "/" + path.relative_to(site).parent.as_posix() + "/"
        for query in queries_for(text, rng):
            query_sent = page.evaluate(bigrams, query)
            urls = page.evaluate(
                "async q => { const s = await window.pf.search(q);"
                " const d = await Promise.all(s.results.slice(0, 2000).map(r => r.data()));"
                " return d.map(x => x.url); }",
                query_sent,
            )
            n = len(query)
            tried[n] += 1
            found[n] += url in urls
            top10[n] += url in urls[:10]
    for n in (2, 4):
        print(
            f"Chinese {n}-character queries ({tried[n]}): recall {found[n] / tried[n]:.2f}, "
            f"in the first ten {top10[n] / tried[n]:.2f}"
        )
    page.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built with search")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--ranked", type=int, default=56, help="documents for the ranking")
    parser.add_argument(
        "--only",
        choices=("first", "relevance", "ranking", "chinese"),
        action="append",
        help="run only these parts (repeatable; default: all)",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="times each first query is typed (median kept)"
    )
    parser.add_argument(
        "--latency", type=float, default=0, help="first queries: ms added to each request"
    )
    parser.add_argument(
        "--down", type=int, default=0, help="first queries: kB a second down (0: unlimited)"
    )
    args = parser.parse_args()
    site = args.site
    if site is None:
        site = Path("/tmp/undocs-bench-search")
        started = time.perf_counter()
        build(BuildOptions(seeds=args.seeds, out=site, settings=Settings()))
        print(f"built {site} in {time.perf_counter() - started:.1f} s")
    bundles = {p.name: folder_size(p) for p in sorted((site / "pagefind").iterdir())}
    print(
        f"index: {human(sum(bundles.values()))} in {len(bundles)} bundles: "
        + ", ".join(f"{k} {human(v)}" for k, v in bundles.items())
    )

    server = make_server(site, 0)
    served = Served(server, site.resolve())
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        parts = args.only or ["first", "relevance", "ranking", "chinese"]
        if "first" in parts:
            link = Link(args.latency, args.down) if args.latency or args.down else None
            first_queries(browser, base, served, args.rounds, link)
        if "relevance" in parts:
            relevance(browser, base, site)
        if "ranking" in parts:
            ranking(browser, base, site, args.ranked)
        if "chinese" in parts:
            chinese_recall(browser, base, site, args.sample)
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
