"""Search figures: index size, bytes a browser fetches for a query, recall of Chinese queries.

    python benchmarks/search.py [--site _site] [--seeds ../shared/corpus] [--sample 100]

Builds the site (unless --site names one already built with search), serves it on
127.0.0.1, and drives Debian's Chromium with Playwright. Chinese recall: for each sampled
Chinese document, a run of 2 and of 4 Chinese characters taken from its text is searched
in the Chinese bundle; recall counts the queries whose document is among the results at all,
and top-10 those where it is among the first ten.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import threading
import time
from pathlib import Path

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


def fetched_into(sizes: list[int]):
    """Return a listener adding each finished request's body size to `sizes`."""
    return lambda request: sizes.append(request.sizes()["responseBodySize"])


def queries_for(text: str, rng: random.Random) -> list[str]:
    runs = CJK.findall(text)
    if not runs:
        return []
    run = rng.choice(runs)
    start = rng.randrange(0, len(run) - 3)
    return [run[start : start + 2], run[start : start + 4]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built with search")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "corpus")
    parser.add_argument("--sample", type=int, default=100)
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
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for query in ("human rights", "trafic illicite de migrants", "资产冻结", "A/HRC/43/15"):
            page = browser.new_page()
            page.goto(base + "search/")
            page.wait_for_load_state("networkidle")
            fetched: list[int] = []
            page.on("requestfinished", fetched_into(fetched))
            page.fill("#search-q", query)
            for _ in range(200):
                if query in page.inner_text("#search-status"):
                    break
                page.wait_for_timeout(50)
            page.wait_for_load_state("networkidle")
            print(
                f"query {query!r}: {page.inner_text('#search-status')}; "
                f"fetched {human(sum(fetched))} in {len(fetched)} requests"
            )
            page.close()

        rng = random.Random(7)
        zh = sorted((site / "zh").rglob("index.html"))
        zh = [p for p in zh if "search" not in p.parts]
        sample = rng.sample(zh, min(args.sample, len(zh)))
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
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
