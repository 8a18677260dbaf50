"""The data exports: rows made once per record in a running builder are the same files."""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import networkx as nx

from undocs.archive.graph import build_archive
from undocs.build import BuildOptions, build, load_records
from undocs.read import symbols
from undocs.site.exports import (
    ExportRows,
    citations_csv,
    record_rows,
    records_csv,
    records_files,
    records_jsonl,
)
from undocs.site.render import Settings


def test_rows_kept_between_builds_make_the_same_exports(corpus: Path) -> None:
    records, _ = load_records(corpus / "hrc")
    records = records[:300]
    rows = ExportRows()
    archive = build_archive(records)
    for step in range(3):
        if step == 1:  # an edit: a new title and one citation fewer
            records[5] = replace(records[5], title="=SUM(A1)", citations=records[5].citations[1:])
        if step == 2:  # a document removed: what cited its symbol no longer finds it held
            cited = {s for r in records for s in r.documents_cited}
            held = next(i for i, r in enumerate(records) if r.symbol in cited)
            before = citations_csv(archive)
            del records[held]
        archive = build_archive(records)
        made = [record_rows(record) for record in records]  # as each is read
        jsonl, table = records_files(made)
        assert jsonl == records_jsonl(records).encode()
        assert table == records_csv(records).encode()
        assert rows.citations(archive) == citations_csv(archive).encode()
    assert citations_csv(archive).count(",yes,") < before.count(",yes,")
    assert b"'=SUM(A1)" in table  # a formula stays text in spreadsheets


def test_the_citation_network_read_by_networkx_is_citations_csv(demo_site: Path) -> None:
    demo = demo_site
    graph = nx.read_graphml(demo / "data/citations.graphml")
    assert isinstance(graph, nx.DiGraph)
    records = list(csv.DictReader((demo / "data/records.csv").open(encoding="utf-8")))
    held = {symbols.compare_key(r["symbol"]) for r in records if r["symbol"]}
    assert {n for n, data in graph.nodes(data=True) if data["held"]} >= held
    expected: dict[tuple[str, str], set[str]] = defaultdict(set)
    languages: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in csv.DictReader((demo / "data/citations.csv").open(encoding="utf-8")):
        if not (row["citing_symbol"] and row["cited_symbol"]):
            continue
        edge = (symbols.compare_key(row["citing_symbol"]), symbols.compare_key(row["cited_symbol"]))
        if edge[0] == edge[1]:
            continue
        expected[edge].update(filter(None, row["paragraphs"].split("; ")))
        languages[edge].add(row["citing_language"])
    edges = {(u, v): data for u, v, data in graph.edges(data=True) if not u.startswith("file:")}
    assert set(expected) <= set(edges)
    pinned = 0
    for edge, paragraphs in expected.items():
        data = edges[edge]
        assert set(data["languages"].split()) == languages[edge]
        assert set(filter(None, data.get("paragraphs", "").split("; "))) == paragraphs
        pinned += bool(paragraphs)
    assert pinned >= 20, pinned
    # in-degree is the node's cited_by count, and the title of what is held is its record's
    titles = {symbols.compare_key(r["symbol"]): r["title"] for r in records if r["symbol"]}
    for node, data in graph.nodes(data=True):
        assert graph.in_degree(node) == data["cited_by"]
        if data["held"] and node in titles and data.get("languages") == "en":
            assert data["title"] == titles[node]


_TEXT = """\
United Nations S/RES/748 (1992)

Security Council Distr.: General
31 March 1992

Resolution 748 (1992)

The Security Council,

1. Decides that the Libyan Government must comply with paragraph 3 of resolution 731 (1992);
"""


def test_the_network_is_written_again_only_when_what_it_shows_changes(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    source = seeds / "S_RES_748.txt"
    source.write_text(_TEXT, encoding="utf-8")
    out = tmp_path / "_site"
    options = BuildOptions(seeds=seeds, out=out, settings=Settings(search=False))
    build(options)
    network = out / "data/citations.graphml"
    first = network.stat().st_mtime_ns
    source.write_text(_TEXT.replace("Decides", "Decides again"), encoding="utf-8")
    build(options)
    assert network.stat().st_mtime_ns == first  # the wording is not in the network
    source.write_text(_TEXT.replace("731 (1992)", "731 (1992) and 883 (1993)"), encoding="utf-8")
    build(options)
    graph = nx.read_graphml(network)
    assert set(graph.successors("s/res/748(1992)")) == {"s/res/731(1992)", "s/res/883(1993)"}
    assert graph.edges["s/res/748(1992)", "s/res/731(1992)"]["paragraphs"] == "3"
    clean = tmp_path / "clean"
    build(BuildOptions(seeds=seeds, out=clean, settings=Settings(search=False)))
    assert (clean / "data/citations.graphml").read_bytes() == network.read_bytes()
