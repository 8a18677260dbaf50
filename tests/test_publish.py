"""Publishing: a sub-path site served on loopback, the Pages workflow, undocs.yml, size guard."""

from __future__ import annotations

import shutil
import threading
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from undocs.build.writer import size_warnings
from undocs.cli import main
from undocs.config import ConfigError, load_config
from undocs.serve import make_server

ROOT = Path(__file__).resolve().parent.parent
BASE = "https://user.github.io/repo/"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory):
    """A build with --base-url .../repo/, served under /repo/ on 127.0.0.1."""
    work = tmp_path_factory.mktemp("pages")
    seeds = work / "seeds"
    shutil.copytree(ROOT / "seeds/hrc", seeds / "hrc")
    shutil.copytree(ROOT / "seeds/unpc/s_res_2213__2015___2015", seeds / "unpc")
    shutil.copy(ROOT / "seeds/seed/000_a4e48ed0b737bc3c.txt", seeds)
    www = work / "www"
    assert (
        main(
            [
                "build",
                "--seeds",
                str(seeds),
                "--out",
                str(www / "repo"),
                "--base-url",
                BASE,
                "--content",
                str(ROOT / "content"),
                "--quiet",
            ]
        )
        == 0
    )
    server = make_server(www / "repo", 0, prefix="/repo/")  # as GitHub Pages serves a project
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/repo/", www / "repo"
    server.shutdown()
    server.server_close()


def test_every_internal_link_works_under_the_sub_path(served) -> None:
    start, _ = served
    seen, queue, broken = {start}, [start], []
    while queue:
        url = queue.pop()
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                body = response.read()
                kind = response.headers.get_content_type()
        except urllib.error.HTTPError as err:
            broken.append(f"{url}: {err.code}")
            continue
        if kind != "text/html":
            continue
        parser = _Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.links:
            target = urljoin(url, link).split("#")[0]
            parts = urlsplit(target)
            if parts.netloc != urlsplit(start).netloc or target in seen:
                continue
            assert parts.path.startswith("/repo/"), f"{url} links outside the sub-path: {link}"
            seen.add(target)
            queue.append(target)
    assert broken == []
    assert len(seen) > 100


@pytest.mark.parametrize(
    "missing", ["en/A/HRC/99/1/", "fr/S/RES/9999(2030)/", "nothing", "a/b/c/d/e/f/g.html"]
)
def test_404_page_works_at_any_depth_under_the_sub_path(served, missing: str) -> None:
    """GitHub Pages answers a missing address with 404.html as it is: every link on it must
    work from there (typing a symbol into the address lands exactly there)."""
    start, _ = served
    address = start + missing
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(address, timeout=10)
    assert caught.value.code == 404
    parser = _Links()
    parser.feed(caught.value.read().decode("utf-8"))
    assert parser.links
    stylesheets = 0
    for link in parser.links:
        target = urljoin(address, link)
        if link.startswith("#") or urlsplit(target).netloc != urlsplit(start).netloc:
            continue  # the skip link, this page; the canonical link, on the real host
        assert urlsplit(target).path.startswith("/repo/"), link
        with urllib.request.urlopen(target, timeout=10) as response:
            assert response.status == 200, link
        stylesheets += link.endswith("style.css")
    assert stylesheets == 1


def test_the_server_redirects_its_root_to_the_sub_path(served) -> None:
    start, _ = served
    root = start.removesuffix("repo/")
    with urllib.request.urlopen(root, timeout=10) as response:
        assert response.url == start and response.status == 200


def test_absolute_urls_use_the_base(served) -> None:
    _, site = served
    urls = [
        loc.text
        for loc in ET.parse(site / "sitemap.xml")
        .getroot()
        .iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert urls and all(u.startswith(BASE) for u in urls)
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'href="{BASE}feed.xml"' in feed
    page = (site / "en/A/HRC/43/15/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{BASE}en/A/HRC/43/15/">' in page
    assert (site / ".nojekyll").is_file()
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/repo/search/"' in not_found


def test_search_bundle_under_the_sub_path(served) -> None:
    start, _ = served
    for lang in ("en", "fr", "zh"):
        with urllib.request.urlopen(start + f"pagefind/{lang}/pagefind.js", timeout=10) as r:
            assert r.status == 200
    with urllib.request.urlopen(start + "search/", timeout=10) as r:
        html = r.read().decode()
    assert 'src="../static/search.js"' in html and 'data-root="../"' in html


def test_workflow_is_valid() -> None:
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text())
    triggers = workflow[True] if True in workflow else workflow["on"]  # YAML reads `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build_steps = workflow["jobs"]["build"]["steps"]
    uses = [s.get("uses", "") for s in build_steps]
    assert any(u.startswith("actions/setup-python@") for u in uses)
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    runs = " ".join(s.get("run", "") for s in build_steps)
    assert "pip install ." in runs and "undocs build --base-url" in runs
    assert "steps.pages.outputs.base_url" in runs
    deploy = workflow["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")


def test_config_read_and_flags_override(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    shutil.copytree(ROOT / "seeds", tmp_path / "docs")
    (tmp_path / "undocs.yml").write_text(
        "title: My Archive\nbase_url: https://example.org/a/\nseeds: docs\nout: public\n"
    )
    assert main(["build", "--quiet", "--no-search"]) == 0
    home = (tmp_path / "public/index.html").read_text(encoding="utf-8")
    assert "<title>My Archive</title>" in home
    assert 'href="https://example.org/a/"' in home
    assert (
        main(
            [
                "build",
                "--quiet",
                "--no-search",
                "--out",
                "other",
                "--base-url",
                "https://other.org/",
            ]
        )
        == 0
    )
    assert 'href="https://other.org/"' in (tmp_path / "other/index.html").read_text()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("base_url: example.org\n", "undocs.yml:1: key 'base_url' must be an absolute http(s)"),
        ("title: My\nlanguage: English\n", "undocs.yml:2: key 'language' must be an ISO 639-1"),
        (
            "seeds: 3\n",
            "undocs.yml:1: key 'seeds' (folder of document texts) must be text, "
            "not the number 3; put it in quotes",
        ),
        ("colour: blue\n", "undocs.yml:1: unknown key 'colour' (known keys: title,"),
        (
            "title: T\nbase-url: x\n",
            "undocs.yml:2: unknown key 'base-url' (did you mean 'base_url'? known keys:",
        ),
        (
            "title: UN: Slovenia\n",
            "undocs.yml:1: not valid YAML: mapping values are not allowed",
        ),
        ("title: [\n", "undocs.yml:2: not valid YAML"),
    ],
)
def test_bad_config_names_the_key(tmp_path: Path, monkeypatch, capsys, text, message) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "undocs.yml").write_text(text)
    with pytest.raises(ConfigError, match=r"undocs\.yml"):
        load_config()
    assert main(["build", "--quiet"]) == 2
    assert message in capsys.readouterr().err


def test_bad_base_url_flag(tmp_path: Path, capsys) -> None:
    assert (
        main(
            [
                "build",
                "--seeds",
                str(ROOT / "seeds"),
                "--base-url",
                "repo/",
                "--out",
                str(tmp_path / "o"),
            ]
        )
        == 2
    )
    assert "--base-url: key 'base_url' must be an absolute" in capsys.readouterr().err


def test_size_guard_warns_with_sizes(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("undocs.build.writer.FILE_LIMIT", 1000)
    monkeypatch.setattr("undocs.build.writer.SITE_LIMIT", 1500)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "big.bin").write_bytes(b"x" * 1200)
    from undocs.build.writer import Written

    warnings = [str(w) for w in size_warnings(tmp_path, Written(pages=1, bytes=500))]
    assert warnings == [
        "data/big.bin:0: output file is 1.2 kB, over GitHub Pages' limit of 1.0 kB per file",
        ".:0: the site is 1.7 kB, over GitHub Pages' limit of 1.5 kB per site",
    ]
