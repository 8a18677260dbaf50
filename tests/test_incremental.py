"""Incremental builds give the same site as clean builds, and do little when little changed."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from undocs.build import Builder, BuildOptions, build
from undocs.site.render import Settings

ROOT = Path(__file__).resolve().parent.parent


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def _build(seeds: Path, out: Path, clean: bool = False, search: bool = False):
    return build(
        BuildOptions(
            seeds=seeds,
            out=out,
            content=ROOT / "content",
            clean=clean,
            settings=Settings(search=search),
        )
    )


@pytest.fixture()
def seeds(tmp_path: Path) -> Path:
    """Real documents of the demo archive: the Human Rights Council's, one in six languages."""
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds/hrc", folder / "hrc")
    shutil.copytree(ROOT / "seeds/unpc/s_res_2213__2015___2015", folder / "unpc")
    shutil.copy(ROOT / "seeds/seed/000_a4e48ed0b737bc3c.txt", folder)
    return folder


def test_nothing_changed_does_next_to_nothing(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    first = _build(seeds, out)
    again = _build(seeds, out)
    assert again.written == 0 and again.documents == first.documents
    assert again.pages == first.pages
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]


def test_files_saved_again_unchanged_write_nothing(seeds: Path, tmp_path: Path) -> None:
    """Files touched (saved again as they were, checked out again) are read, found the
    same, and nothing is written; their new times are kept, so the next build has nothing
    to read, and an edit after them is built as usual."""
    out = tmp_path / "site"
    first = _build(seeds, out)
    before = _tree(out)
    touched = sorted(seeds.rglob("*.txt"))[:5]
    later = time.time() + 60
    for path in touched:
        os.utime(path, (later, later))
    records = sorted(p.name for p in (tmp_path / ".site.undocs-cache/records").iterdir())
    said: list[str] = []
    options = BuildOptions(
        seeds=seeds, out=out, content=ROOT / "content", settings=Settings(search=False)
    )
    again = build(options, said.append)
    assert again.written == 0 and again.pages == first.pages
    assert "5 file(s) read again, unchanged" in said
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]
    assert _tree(out) == before
    assert len(again.read) == 5
    # the cache's records files stand: none was written again for the files touched
    assert sorted(p.name for p in (tmp_path / ".site.undocs-cache/records").iterdir()) == records
    said.clear()
    assert build(options, said.append).written == 0
    assert said == ["nothing changed since the last build"]
    edited = touched[0]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n99. Added.\n", encoding="utf-8")
    _rebuilt_as_clean(seeds, out, tmp_path)


def test_one_document_changed_is_identical_to_a_clean_build(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(seeds, out)
    edited = seeds / "hrc/014_da25a16a97833e27.txt"
    edited.write_text(
        edited.read_text(encoding="utf-8")
        + "\n99. The Council recalls document A/HRC/DEC/43/112 and resolution "
        "60/251.\n",
        encoding="utf-8",
    )
    _rebuilt_as_clean(seeds, out, tmp_path)
    cited = (out / "en/A/HRC/DEC/43/112/index.html").read_text(encoding="utf-8")
    assert "A/HRC/43/15" in cited.split('id="h-citedby"')[1]


def test_an_edit_of_a_paragraph_leaves_the_lists_as_they_were(seeds: Path, tmp_path: Path) -> None:
    """A paragraph added, citing a resolution: the document's page and what its citations
    show are written again, but no list showing the document (its body, session, year,
    type, language, every document, in each interface language) is even gathered: what a
    list shows of a document (`incremental.listing`) is as it was."""
    out = tmp_path / "site"
    _build(seeds, out)
    edited = seeds / "hrc/014_da25a16a97833e27.txt"
    page = out / "en/A/HRC/43/15/index.html"
    lists = {
        path: path.stat().st_mtime_ns
        for path in out.rglob("index.html")
        if "A/HRC/43/15<" in path.read_text(encoding="utf-8")
        and path.relative_to(out).parts[0] not in ("en", "fr", "es", "ar", "ru", "zh")
    }
    assert any("documents" in path.parts for path in lists)
    assert any("human-rights-council" in path.parts for path in lists)
    assert any("years" in path.parts for path in lists)
    before = page.stat().st_mtime_ns
    edited.write_text(
        edited.read_text(encoding="utf-8") + "\n99. Recalling resolution 60/251.\n",
        encoding="utf-8",
    )
    _rebuilt_as_clean(seeds, out, tmp_path)
    assert page.stat().st_mtime_ns != before
    assert {path: path.stat().st_mtime_ns for path in lists} == lists


def test_an_edit_of_a_text_keeps_the_last_builds_comparisons(
    seeds: Path, tmp_path: Path, monkeypatch
) -> None:
    """The comparisons a build worked out are kept in its cache: a new process after an
    edit of a paragraph takes them (what they are made of is as it was) and does not work
    them out again; after a title changed it does. Both give the clean build's site."""
    import undocs.site.gather as gather

    out = tmp_path / "site"
    _build(seeds, out)
    found = []
    find_pairs = gather.find_pairs
    monkeypatch.setattr(
        gather, "find_pairs", lambda archive: found.append(1) or find_pairs(archive)
    )
    edited = seeds / "unpc/fr.txt"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text + "\n99. Ajout.\n", encoding="utf-8")
    _rebuilt_as_clean(seeds, out, tmp_path)
    assert len(found) == 1  # by the clean build only
    assert "/parallel/" in "".join(_tree(out))  # there are comparisons to keep
    edited.write_text("---\ntitle: Un autre titre\n---\n" + text, encoding="utf-8")
    found.clear()
    _rebuilt_as_clean(seeds, out, tmp_path)
    assert len(found) == 2  # this build's, and the clean build's


def test_a_changed_vote_shows_on_the_states_pages(seeds: Path, tmp_path: Path) -> None:
    """A vote read again otherwise (an abstention dropped): the states' pages are gathered
    again, the page of a state left with no vote is removed, as a clean build has it."""
    unsc = seeds / "unsc"
    unsc.mkdir()
    edited = unsc / "028_13470ef27cfc8a53.txt"
    shutil.copy(ROOT / "seeds/unsc" / edited.name, edited)
    out = tmp_path / "site"
    _build(seeds, out)
    states = out / "states/index.html"
    assert "Ukrainian" in states.read_text(encoding="utf-8")
    text = edited.read_text(encoding="utf-8")
    old = "by 13 votes to none, with 2 abstentions (Ukrainian Soviet\nSocialist Republic, Union of"
    assert old in text
    edited.write_text(
        text.replace(old, "by 14 votes to none, with 1 abstention (Union of"), encoding="utf-8"
    )
    _rebuilt_as_clean(seeds, out, tmp_path)
    assert "Ukrainian" not in states.read_text(encoding="utf-8")


def test_a_document_moved_to_another_session(seeds: Path, tmp_path: Path) -> None:
    """A document moved from one session to another (at the same URL): both sessions' pages
    are gathered again, and the other sessions' are left as they were (a session is a group
    of its own)."""
    out = tmp_path / "site"
    edited = seeds / "hrc/014_da25a16a97833e27.txt"
    text = edited.read_text(encoding="utf-8")
    edited.write_text("---\nsession: 43\n---\n" + text, encoding="utf-8")
    body = out / "bodies/human-rights-council"
    moved = "---\nsession: 44\n---\n" + text
    _rebuilt_leaving(seeds, out, tmp_path, edited, moved, body / "session-28/index.html")
    assert "A/HRC/43/15<" in (body / "session-44/index.html").read_text(encoding="utf-8")
    assert "A/HRC/43/15<" not in (body / "session-43/index.html").read_text(encoding="utf-8")


def test_a_document_moved_to_another_agenda_item(seeds: Path, tmp_path: Path) -> None:
    """A document moved from one agenda item of its session to another: both items' pages
    and the session's are gathered again, the session's other items' are left as they were
    (an item is a group of its own)."""
    out = tmp_path / "site"
    other = seeds / "hrc/025_5dc118074c9b9ede.txt"
    other.write_text(
        "---\nagenda_items: ['4']\n---\n" + other.read_text(encoding="utf-8"), encoding="utf-8"
    )
    edited = seeds / "hrc/014_da25a16a97833e27.txt"
    moved = "---\nagenda_items: ['3']\n---\n" + edited.read_text(encoding="utf-8")
    session = out / "bodies/human-rights-council/session-43"
    _rebuilt_leaving(seeds, out, tmp_path, edited, moved, session / "item-4/index.html")
    assert "A/HRC/43/15<" in (session / "item-3/index.html").read_text(encoding="utf-8")
    assert "A/HRC/43/15<" not in (session / "item-6/index.html").read_text(encoding="utf-8")
    assert 'item-3/">' in (session / "index.html").read_text(encoding="utf-8")


def test_removed_and_added_documents(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(seeds, out)
    (seeds / "hrc/025_5dc118074c9b9ede.txt").unlink()
    shutil.copy(ROOT / "tests/golden/seeds/report.txt", seeds / "new.txt")
    _build(seeds, out)
    clean = tmp_path / "clean"
    _build(seeds, clean, clean=True)
    assert _tree(out) == _tree(clean)
    assert not (out / "en/A/HRC/DEC/43/112/index.html").exists()
    assert (out / "en/A/HRC/99/1/index.html").is_file()


def test_a_running_builder_gives_clean_builds(seeds: Path, tmp_path: Path) -> None:
    """`serve --watch` keeps one Builder: its archive patched after each edit, its exports
    made of rows kept per record, told by the watcher which files changed. After each
    change, the site is the clean build's; so is the next `undocs build`."""
    out = tmp_path / "site"
    options = BuildOptions(
        seeds=seeds, out=out, content=ROOT / "content", settings=Settings(search=False)
    )
    build(options)
    offline = seeds / "hrc/000_10361df79b41102d.txt"  # edited while no server ran
    offline.write_text(offline.read_text(encoding="utf-8") + "\n8. Offline.\n", "utf-8")
    builder = Builder(options, defer_saving=True)
    builder.prepare()  # as the watcher starts: builds what changed, gathers the archive
    edited = seeds / "hrc/014_da25a16a97833e27.txt"
    original = edited.read_text(encoding="utf-8")
    removed = seeds / "hrc/025_5dc118074c9b9ede.txt"
    steps = [
        # a citation of a resolution others cite, and of a document held
        (
            lambda: edited.write_text(original + "\n99. Recalls A/HRC/DEC/43/112 and 60/251.\n"),
            edited,
        ),
        # a citation of a resolution no one cites yet; the date changed
        (
            lambda: edited.write_text(
                original.replace("2020", "2019") + "\n99. Recalls resolution 12/345.\n"
            ),
            edited,
        ),
        (lambda: edited.write_text(original), edited),  # back as it was
        (removed.unlink, removed),  # a document removed
        (
            lambda: shutil.copy(ROOT / "tests/golden/seeds/report.txt", seeds / "new.txt"),
            seeds / "new.txt",
        ),
    ]
    for n, (step, path) in enumerate(steps):
        step()
        result = builder.build(changed=[path])
        assert result.written >= 0  # incremental
        clean = tmp_path / f"clean-{n}"
        _build(seeds, clean, clean=True)
        assert _tree(out) == _tree(clean), f"step {n}"
    builder.flush()
    assert _build(seeds, out).written == 0  # the cache left is this site's


def test_a_running_builder_after_a_failed_build(seeds: Path, tmp_path: Path) -> None:
    """A build that fails (a template error) has been told what changed: the next build,
    told only of the fixed template, still reads the documents edited meanwhile."""
    import jinja2

    templates = tmp_path / "templates"
    templates.mkdir()
    page = "{% extends 'base.html' %}{% block main %}Gone{% endblock %}"
    (templates / "404.html").write_text(page)
    out = tmp_path / "site"
    settings = Settings(search=False, templates=templates)
    options = BuildOptions(seeds=seeds, out=out, content=ROOT / "content", settings=settings)
    builder = Builder(options, defer_saving=True)
    builder.build()
    edited = seeds / "hrc/014_da25a16a97833e27.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n7. Zyxwvut.\n", "utf-8")
    (templates / "404.html").write_text(page.replace("endblock", "endblok"))
    with pytest.raises(jinja2.TemplateSyntaxError):
        builder.build(changed=[edited, templates / "404.html"])
    (templates / "404.html").write_text(page)
    builder.build(changed=[templates / "404.html"])
    clean = tmp_path / "clean"
    build(BuildOptions(seeds=seeds, out=clean, content=ROOT / "content", settings=settings))
    assert _tree(out) == _tree(clean)
    assert b"Zyxwvut" in (out / "en/A/HRC/43/15/index.html").read_bytes()


def test_template_change_rebuilds_everything(seeds: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    _build(seeds, out)
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "404.html").write_text(
        "{% extends 'base.html' %}{% block main %}Gone{% endblock %}"
    )
    options = BuildOptions(
        seeds=seeds,
        out=out,
        content=ROOT / "content",
        settings=Settings(search=False, templates=templates),
    )
    assert build(options).written == -1
    assert "Gone" in (out / "404.html").read_text(encoding="utf-8")


def test_the_interface_s_words_are_part_of_what_pages_depend_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A catalog's translation or a state's UN name changed (undocs updated) writes the
    pages again: they are in the digest of what every page depends on."""
    from undocs.build import incremental
    from undocs.site import i18n

    settings = Settings(search=False)
    before = incremental.config_digest(settings, None)
    locales = tmp_path / "locales"
    shutil.copytree(i18n.LOCALES, locales)
    monkeypatch.setattr(incremental, "LOCALES", locales)
    assert incremental.config_digest(settings, None) == before
    french = locales / "fr/LC_MESSAGES/undocs.po"
    french.write_text(french.read_text(encoding="utf-8").replace("Organe", "Organ"), "utf-8")
    assert incremental.config_digest(settings, None) != before
    monkeypatch.setattr(incremental, "LOCALES", i18n.LOCALES)
    states = tmp_path / "states.tsv"
    states.write_text(i18n.UNTERM_STATES.read_text(encoding="utf-8") + "\n", "utf-8")
    monkeypatch.setattr(incremental, "UNTERM_STATES", states)
    assert incremental.config_digest(settings, None) != before


def _manifest(out: Path) -> dict:
    """Return the search manifest, each language without its `files` once they are checked:
    for every bundle named, the metadata and WebAssembly the search page fetches at once,
    as Pagefind's entry names them (files that are not there would be fetched for nothing,
    and the bundle read from an old entry), and the folder of the script and worker the
    bundles share."""
    import json

    manifest = json.loads((out / "pagefind/undocs-search.json").read_text(encoding="utf-8"))
    for entry in manifest["languages"].values():
        files = entry.pop("files")
        names = entry["bundles"] + ([entry["recent"]] if "recent" in entry else [])
        assert sorted(files) == sorted(names)
        for name, (meta, wasm, code) in files.items():
            bundle = out / "pagefind" / name
            index = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
            assert [i["hash"] for i in index["languages"].values()] == [meta]
            assert (bundle / f"pagefind.{meta}.pf_meta").is_file()
            assert (bundle / f"wasm.{wasm}.pagefind").is_file()
            # the script and worker its bundles share, by the Pagefind version that wrote it
            assert code == f"pagefind-{index['version']}"
            assert (out / "pagefind" / code / "pagefind.js").is_file()
            worker = (bundle / "pagefind-worker.js").read_text(encoding="utf-8")
            assert worker == f'importScripts("../{code}/pagefind-worker.js");\n'
    return manifest


def test_search_index_follows_an_edit(seeds: Path, tmp_path: Path) -> None:
    """An edit is indexed into its language's recent bundle; the stable bundle stays as it
    was, its entry for the page named in the manifest as dropped."""
    from undocs.build.segments import fragment_ids

    out = tmp_path / "site"
    _build(seeds, out, search=True)
    assert _manifest(out)["languages"]["fr"] == {"bundles": ["fr"], "dropped": []}
    before = sorted(p.name for p in (out / "pagefind/fr").iterdir())
    old_ids = fragment_ids(out / "pagefind/fr")
    edited = seeds / "000_a4e48ed0b737bc3c.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n5. Zyxwvutsrq.\n", "utf-8")
    result = _build(seeds, out, search=True)
    assert result.bundles == ("fr.recent",) and result.indexed == 1
    assert sorted(p.name for p in (out / "pagefind/fr").iterdir()) == before
    url = next(u for u in old_ids if u.endswith("doc/000_a4e48ed0b737bc3c/"))
    assert list(fragment_ids(out / "pagefind/fr.recent")) == [url]
    assert _manifest(out)["languages"]["fr"] == {
        "bundles": ["fr"],
        "recent": "fr.recent",
        "dropped": [old_ids[url]],
    }
    assert not [p for p in (out / "pagefind").iterdir() if p.name.startswith(".")]
    # edited back: the recent bundle holds the page as the stable one does; nothing dropped
    edited.write_text(edited.read_text(encoding="utf-8").replace("\n5. Zyxwvutsrq.\n", ""))
    _build(seeds, out, search=True)
    assert _manifest(out)["languages"]["fr"]["dropped"] == []
    assert fragment_ids(out / "pagefind/fr.recent") == {url: old_ids[url]}


def test_a_language_is_folded_past_its_recent_pages(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past FOLD_PAGES recent pages, the language is indexed whole again, and its recent
    bundle goes; removing a document drops its page from the index."""
    from undocs.build import segments

    out = tmp_path / "site"
    _build(seeds, out, search=True)
    monkeypatch.setattr(segments, "FOLD_PAGES", 0)
    edited = seeds / "000_a4e48ed0b737bc3c.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n5. Zyxwvutsrq.\n", "utf-8")
    result = _build(seeds, out, search=True)
    assert result.bundles == ("fr",)
    assert _manifest(out)["languages"]["fr"] == {"bundles": ["fr"], "dropped": []}
    assert not (out / "pagefind/fr.recent").exists()
    monkeypatch.setattr(segments, "FOLD_PAGES", 200)
    ids = segments.fragment_ids(out / "pagefind/fr")
    edited.unlink()  # removed: no recent pages, its stable entry dropped
    result = _build(seeds, out, search=True)
    assert result.bundles == ()
    entry = _manifest(out)["languages"]["fr"]
    gone = [i for u, i in ids.items() if u.endswith("doc/000_a4e48ed0b737bc3c/")]
    assert "recent" not in entry and entry["dropped"] == gone


def test_the_records_cache_is_written_in_shards(seeds: Path, tmp_path: Path) -> None:
    """The records are kept in files by a hash of the source's name: an edit writes again
    only the file holding it. A state whose records files are not all there means a full
    build, never a build from the wrong records."""
    from undocs.build.incremental import shard_of

    out = tmp_path / "site"
    _build(seeds, out)
    cache = tmp_path / ".site.undocs-cache"
    files = {p.name for p in (cache / "records").iterdir()}
    names = [p.relative_to(seeds).as_posix() for p in seeds.rglob("*.txt")]
    assert (
        len(files) == len({shard_of(name) for name in names}) and (cache / "state.pickle").is_file()
    )

    edited = seeds / "hrc/014_da25a16a97833e27.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n5. More.\n", "utf-8")
    assert _build(seeds, out).written > 0
    after = {p.name for p in (cache / "records").iterdir()}
    assert len(after) == len(files)
    (gone,) = files - after
    (made,) = after - files
    assert gone.split("-")[0] == made.split("-")[0] == str(shard_of("hrc/014_da25a16a97833e27.txt"))

    (cache / "records" / made).unlink()
    assert _build(seeds, out).written == 0  # nothing changed: the records are not needed
    edited.write_text(edited.read_text(encoding="utf-8") + "\n6. Again.\n", "utf-8")
    again = _build(seeds, out)
    assert again.written == -1  # everything, as a clean build
    assert _build(seeds, out).written == 0
    assert _tree(out) == _tree(_clean_copy(seeds, tmp_path))


def _clean_copy(seeds: Path, tmp_path: Path) -> Path:
    out = tmp_path / "clean"
    _build(seeds, out, clean=True)
    return out


def _rebuilt_leaving(
    seeds: Path, out: Path, tmp_path: Path, edited: Path, text: str, untouched: Path
) -> None:
    """Build, write `text` into `edited` and build again as `_rebuilt_as_clean` does; the
    page `untouched` (of a group the edit cannot show in) is not written again."""
    _build(seeds, out)
    before = untouched.stat().st_mtime_ns
    edited.write_text(text, encoding="utf-8")
    _rebuilt_as_clean(seeds, out, tmp_path)
    assert untouched.stat().st_mtime_ns == before


def _rebuilt_as_clean(seeds: Path, out: Path, tmp_path: Path) -> None:
    """Build `out` again after an edit: a part of the site written, the clean build's."""
    result = _build(seeds, out)
    assert 0 < result.written < result.pages / 4
    assert _tree(out) == _tree(_clean_copy(seeds, tmp_path))


def test_the_resolutions_index_is_keyed_by_what_it_shows() -> None:
    """A list page's key follows what it shows: the index of resolutions, each resolution's
    number, page and how many documents cite it (not what the citing documents say)."""
    from dataclasses import replace

    from undocs.archive.graph import Doc, Resolution, ResolutionKey, links_of
    from undocs.build.incremental import page_key
    from undocs.model import Record
    from undocs.site.render import Page

    record = Record(
        "a.txt", "A/70/1", "en", None, "2015-01-01", None, "General Assembly", 70, (), "T",
        "report", ("60/1",), (), digest="d1",
    )  # fmt: skip

    def key(record: Record, url: str = "en/A/70/1/", number: str = "60/1", n: int = 1) -> str:
        entry = Resolution(
            ResolutionKey("General Assembly", number),
            "A/RES/" + number,
            "r.html",
            [Doc(record, url, links_of(record))] * n,
        )
        return page_key(
            Page("resolutions/", "resolutions.html", {"groups": [{"entries": [entry]}]})
        )

    base = key(record)
    assert key(record, n=2) != base  # one more document cites it
    assert key(record, number="60/2") != base  # another resolution
    assert key(replace(record, digest="d2")) == base  # a citing text changed: not shown
    assert key(record, url="en/doc/a/") == base  # a citing document moved: not shown


def test_page_keys_follow_every_field_of_a_reference_and_a_vote() -> None:
    """References and votes are printed whole, fast (`_FLAT`): a page's key changes with
    any field of any of them."""
    from dataclasses import fields, replace

    from undocs.build.incremental import page_key
    from undocs.site.adoptions import StateVote
    from undocs.site.references import Reference
    from undocs.site.render import Page

    ref = Reference("A_70_1_en", "report", "T", "UN", None, 2015, "A/70/1", "en", "u", None)
    vote = StateVote("70/1", "General Assembly", "r/", "2015-09-25", 4, "in favour", "X", "d/")

    def key(one: Reference, two: StateVote) -> str:
        return page_key(Page("refs.bib", "raw.txt", {"refs": (ref, one), "votes": [two]}))

    base = key(ref, vote)
    for kind, value in ((ref, vote), (vote, ref)):
        for f in fields(kind):
            changed = replace(kind, **{f.name: "other" if f.name != "year" else 2016})
            pair = (changed, value) if kind is ref else (value, changed)
            assert key(*pair) != base, f.name  # type: ignore[arg-type]


EDITS = [  # (file, language of its page): three edits in a row, in three languages
    ("multiun-de/2006/A_61_264PARTI-de.txt", "de"),
    ("hrc/014_da25a16a97833e27.txt", "en"),
    ("unpc/s_res_2213__2015___2015/fr.txt", "fr"),
]


@pytest.fixture()
def three_languages(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    for name, _ in EDITS:  # the edited file's folder: its neighbours, its language versions
        part = name.rsplit("/", 1)[0]
        shutil.copytree(ROOT / "seeds" / part, folder / part)
    return folder


def _pages(folder: Path) -> dict[str, bytes]:
    """The site's files but its search index (an edit's index differs from a clean one's:
    `test_search_index_follows_an_edit`, and in a browser, `test_browser`)."""
    return {k: v for k, v in _tree(folder).items() if not k.startswith("pagefind/")}


@pytest.mark.parametrize("watching", [False, True], ids=["undocs build", "serve --watch"])
def test_each_edit_does_its_own_work_only(three_languages: Path, tmp_path: Path, watching):
    """Three edits in a row in three languages: each build reads the one file edited, writes
    the pages that show it, and indexes the one language's bundle, not the previous edit's;
    the site equals a clean build after each."""
    seeds, out, clean = three_languages, tmp_path / "site", tmp_path / "clean"
    options = BuildOptions(seeds=seeds, out=out, settings=Settings(search=True))
    builder = Builder(options, defer_saving=watching)
    first = builder.build()
    assert first.written == -1 and len(first.read) == first.documents
    for n, (name, language) in enumerate(EDITS):
        edited = seeds / name
        edited.write_bytes(edited.read_bytes() + f"\n\n{90 + n}. Ajout {n}.\n".encode())
        if watching:
            result = builder.build(changed=[edited])
        else:
            builder.flush()
            result = Builder(options).build()  # a new `undocs build` process reads the cache
        assert result.read == (name,), n
        # the document's page and the pages every build gathers (home, indexes, quality...)
        # in each interface language: not the lists it shows in (`incremental.listing`)
        assert 0 < result.written < 12 * len(Settings().interface_languages), n
        assert result.bundles == (f"{language}.recent",), n
        build(BuildOptions(seeds=seeds, out=clean, clean=True, settings=Settings(search=True)))
        assert _pages(out) == _pages(clean), n
        languages = _manifest(out)["languages"]
        assert {k: v["bundles"] for k, v in languages.items()} == {
            k: v["bundles"] for k, v in _manifest(clean)["languages"].items()
        }
        assert [k for k, v in languages.items() if "recent" in v] == sorted(
            language for _, language in EDITS[: n + 1]
        )
    builder.flush()


def test_every_indexed_page_has_its_card(seeds: Path, tmp_path: Path) -> None:
    """The search page shows a result from its card before its fragment comes: every page of
    every bundle has one, with its URL and title, after a clean build and after an edit."""
    import json

    from markupsafe import escape

    from undocs.build.cards import bucket
    from undocs.build.segments import fragment_ids

    out = tmp_path / "site"

    def check() -> int:
        checked = 0
        for language, entry in _manifest(out)["languages"].items():
            names = entry["bundles"] + ([entry["recent"]] if "recent" in entry else [])
            for name in names:
                for url, fragment in fragment_ids(out / "pagefind" / name).items():
                    path = out / "pagefind/cards" / language / f"{bucket(fragment)}.json"
                    card = json.loads(path.read_text(encoding="utf-8"))[fragment]
                    page = (out / url / "index.html").read_text(encoding="utf-8")
                    title = f'data-pagefind-meta="title">{escape(card[1])}</h1>'
                    assert card[0] == url and card[1] and title in page, (url, card)
                    # "Newest first" orders every result by the language's dates
                    dates = json.loads((path.parent / "dates.json").read_text(encoding="utf-8"))
                    assert dates.get(fragment, "") == card[3], (url, card)
                    checked += 1
        return checked

    _build(seeds, out, search=True)
    assert check() > 10
    edited = seeds / "000_a4e48ed0b737bc3c.txt"
    edited.write_text(edited.read_text(encoding="utf-8") + "\n5. Zyxwvutsrq.\n", "utf-8")
    _build(seeds, out, search=True)
    assert check() > 10
