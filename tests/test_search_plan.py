"""Search bundles: a large language is split into shards that cover each page once."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from undocs.build import BuildOptions, build
from undocs.site import bundles as search
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_plan_splits_along_folders_and_covers_each_url_once() -> None:
    urls = [
        "en/A/70/1/",
        "en/A/70/1/Add.1/",
        "en/A/70/2/",
        "en/A/71/3/",
        "en/S/RES/1(1946)/",
        "en/S/RES/2(1946)/",
        "fr/doc/x/",
    ]
    bundles = search.plan(urls, limit=2)
    assert [b.name for b in bundles] == ["en.1", "en.2", "en.3", "fr"]
    assert all(b.pages <= 2 for b in bundles)
    assert sum(b.pages for b in bundles) == len(urls)
    # the documents' own folders, not the language's (where its site pages are too)
    assert search.plan(urls, limit=100)[0].globs == ("en/A/**/*.html", "en/S/**/*.html")
    assert search.plan(urls, limit=100)[1].globs == ("fr/doc/**/*.html",)


def test_sharded_build_indexes_every_page_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search, "SHARD_BYTES", 200_000)
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds/hrc", seeds / "hrc")
    out = tmp_path / "site"
    build(BuildOptions(seeds=seeds, out=out, settings=Settings()))
    names = sorted(p.name for p in (out / "pagefind").iterdir() if p.name.startswith("en"))
    assert len(names) >= 4 and names == [f"en.{n}" for n in range(1, len(names) + 1)]
    counted = sum(
        next(
            iter(
                json.loads((out / "pagefind" / n / "pagefind-entry.json").read_text())[
                    "languages"
                ].values()
            )
        )["page_count"]
        for n in names
    )
    assert counted == len(list((seeds / "hrc").iterdir()))
    manifest = json.loads((out / "pagefind/undocs-search.json").read_text(encoding="utf-8"))
    files = manifest["languages"]["en"].pop("files")
    assert manifest["languages"] == {"en": {"bundles": names, "dropped": []}}
    assert sorted(files) == names and all(wasm == "en" for _, wasm, _ in files.values())


def test_pagefind_runs_are_scheduled_within_the_memory_budget(monkeypatch) -> None:
    """Runs start heaviest first, two at a time, but never two whose estimated memory
    together passes `MEMORY` (two large German shards); each bundle runs once."""
    import threading
    import time

    from undocs.build import search as indexing

    mib = 2**20
    sizes = {"de.1": 14, "de.2": 14, "de.3": 11, "en": 4, "fr": 5, "zh": 4}  # MB of text
    bundles = [
        search.Bundle(n, n.split(".")[0], (f"{n}/**",), 1, s * 10**6) for n, s in sizes.items()
    ]
    lock, running, overlaps = threading.Lock(), set(), []

    def index(site, bundle, subdir=None):
        with lock:
            running.add(bundle.name)
            overlaps.append(sorted(running))
        time.sleep(0.05)
        with lock:
            running.discard(bundle.name)
        return indexing.IndexReport(bundle.name, 1)

    monkeypatch.setattr(indexing, "index_bundle", index)
    monkeypatch.setattr(indexing, "WORKERS", 2)
    reports = indexing.build_index(Path("."), bundles)
    assert [r.bundle for r in reports] == list(sizes)  # in the order given
    estimate = {b.name: indexing.memory(b) for b in bundles}
    assert max(len(o) for o in overlaps) == 2
    for names in overlaps:
        assert len(names) == 1 or sum(estimate[n] for n in names) <= indexing.MEMORY, names
    assert overlaps[0] == ["de.1"] and indexing.memory(bundles[0]) > 500 * mib


def test_the_search_page_looks_for_a_card_in_the_file_the_build_wrote_it_to() -> None:
    """search.js names a result's card file by as many characters of its fragment's hash as
    the build (`cards.WIDTH`): a mismatch would show every result without its card."""
    import re

    from undocs.build import cards

    script = (ROOT / "templates/static/search.js").read_text(encoding="utf-8")
    width = re.search(r"var CARD_WIDTH = (\d+);", script)
    assert width is not None and int(width.group(1)) == cards.WIDTH
    assert cards.bucket("de_3dc74bf") == "3dc"[: cards.WIDTH]


def _bundle(pagefind: Path, name: str, version: str) -> Path:
    """A bundle folder as Pagefind writes it, as far as `share_code` looks."""
    folder = pagefind / name
    folder.mkdir(parents=True)
    entry = {"version": version, "languages": {"en": {"hash": "en_1", "wasm": "en"}}}
    (folder / "pagefind-entry.json").write_text(json.dumps(entry), "utf-8")
    (folder / "pagefind.js").write_text(f"// script {version}", "utf-8")
    (folder / "pagefind-worker.js").write_text(f"// worker {version}", "utf-8")
    return folder


def test_bundles_share_their_pagefind_version_s_script_and_worker(tmp_path: Path) -> None:
    """Each bundle's script and worker go once to the folder of its Pagefind version; the
    bundle's worker loads the shared one; the manifest names the folder; a version no bundle
    kept is dropped with the bundles."""
    from undocs.build import segments
    from undocs.build.search import share_code

    pagefind = tmp_path / "pagefind"
    for name, version in [("en", "1.5.2"), ("fr", "1.5.2"), ("old", "1.4.0")]:
        share_code(_bundle(pagefind, name, version))
    shared = pagefind / "pagefind-1.5.2"
    assert (shared / "pagefind.js").read_text("utf-8") == "// script 1.5.2"
    assert (shared / "pagefind-worker.js").read_text("utf-8") == "// worker 1.5.2"
    assert (pagefind / "en" / "pagefind-worker.js").read_text("utf-8") == (
        'importScripts("../pagefind-1.5.2/pagefind-worker.js");\n'
    )
    assert (pagefind / "en" / "pagefind.js").is_file()  # kept, for an older search page
    assert segments.first_files(pagefind / "fr") == ["en_1", "en", "pagefind-1.5.2"]
    languages = {
        "en": segments.LanguageIndex(("en",)),
        "fr": segments.LanguageIndex(("fr",)),
    }
    segments.drop_unlisted(pagefind, languages)
    assert sorted(p.name for p in pagefind.iterdir()) == ["en", "fr", "pagefind-1.5.2"]


def test_a_bundle_without_a_usable_version_keeps_its_own_worker(tmp_path: Path) -> None:
    """An entry with no version, or one that is no folder name, leaves the bundle whole: the
    search page then imports the bundle's own script."""
    from undocs.build import segments
    from undocs.build.search import share_code

    pagefind = tmp_path / "pagefind"
    for name, version in [("en", "../x"), ("fr", "")]:
        share_code(_bundle(pagefind, name, version))
        assert (pagefind / name / "pagefind-worker.js").read_text("utf-8") == (
            f"// worker {version}"
        )
        assert segments.first_files(pagefind / name) == ["en_1", "en"]
    assert sorted(p.name for p in pagefind.iterdir()) == ["en", "fr"]
