"""The citation network as GraphML (`/data/citations.graphml`), for Gephi, Cytoscape or
networkx: a node per document (every language version of a symbol together) and per thing
cited that the archive does not hold, an edge per citing and cited pair.

GraphML is a handful of XML elements: written as text, escaped by the standard library, in
one pass over the links gathered with the archive (a build writes it next to citations.csv).
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from ..archive.graph import ROW_LANGUAGE, Archive, Doc, Links
from ..model import Record
from ..read import symbols

#: (id, applies to, name, type): the attributes of the nodes and edges, declared up front.
KEYS = [
    ("symbol", "node", "symbol", "string"),
    ("title", "node", "title", "string"),
    ("body", "node", "body", "string"),
    ("year", "node", "year", "int"),
    ("type", "node", "type", "string"),
    ("languages", "node", "languages", "string"),
    ("held", "node", "held", "boolean"),
    ("cited_by", "node", "cited_by", "int"),
    ("citing_languages", "edge", "languages", "string"),
    ("paragraphs", "edge", "paragraphs", "string"),
]


@dataclass
class _Node:
    symbol: str | None
    """None for a document without a symbol (its id names its file)."""
    docs: list[Doc] = field(default_factory=list)
    cited_by: set[str] = field(default_factory=set)


#: What an edge holds: the languages of the citing versions and the paragraphs named (a
#: plain pair: tens of thousands are made).
_Edge = tuple[set[str], set[str]]


def shown(record: Record | None, links: Links | None) -> tuple[object, ...] | None:
    """Return what the network shows of a record: when no changed record's changes, the
    last build's GraphML stands (an edit of a paragraph's wording rewrites nothing)."""
    if record is None:
        return None
    r = record
    return (r.symbol, r.language, r.title, r.body, r.year, r.document_type, links)


def citations_graphml(archive: Archive) -> str:
    """Return the archive's citation network as a GraphML document."""
    # tens of thousands of small sets and tuples, none in a cycle: the collector's passes
    # over them would cost half the time
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _graphml(archive)
    finally:
        if collecting:
            gc.enable()


def _graphml(archive: Archive) -> str:
    nodes: dict[str, _Node] = {}
    edges: dict[tuple[str, str], _Edge] = {}
    for doc in archive.docs:
        source = _node_id(doc)
        node = nodes.get(source)
        if node is None:
            node = nodes[source] = _Node(doc.record.symbol)
        node.docs.append(doc)
        for symbol, key, pair in doc.links.cites:
            if key is not None:
                target, label = key, symbol
            elif pair is not None:
                target = label = f"{pair[0]} resolution {pair[1]}"
            else:
                continue
            if target == source:
                continue
            cited = nodes.get(target)
            if cited is None:
                cited = nodes[target] = _Node(label)
            cited.cited_by.add(source)
            edge = edges.get((source, target))
            if edge is None:
                edge = edges[source, target] = (set(), set())
            edge[0].add(doc.record.language)
            if doc.links.pinpoints:
                edge[1].update(doc.links.paragraphs(key))
    return "".join(_lines(nodes, edges))


def _node_id(doc: Doc) -> str:
    return doc.links.key or f"file:{doc.record.file}"


def _lines(nodes: dict[str, _Node], edges: dict[tuple[str, str], _Edge]) -> Iterator[str]:
    yield '<?xml version="1.0" encoding="UTF-8"?>\n'
    yield (
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
        'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n'
    )
    for key, applies, name, kind in KEYS:
        yield f'<key id="{key}" for="{applies}" attr.name="{name}" attr.type="{kind}"/>\n'
    yield '<graph id="citations" edgedefault="directed">\n'
    quoted = {node_id: quoteattr(node_id) for node_id in nodes}  # each id once
    for node_id in sorted(nodes, key=lambda n: symbols.natural_key(nodes[n].symbol or n)):
        yield _node(quoted[node_id], nodes[node_id])
    for (source, target), (languages, paragraphs) in sorted(edges.items()):
        pinned = _data("paragraphs", "; ".join(sorted(paragraphs, key=int))) if paragraphs else ""
        yield (
            f"<edge source={quoted[source]} target={quoted[target]}>"
            f'<data key="citing_languages">{" ".join(sorted(languages))}</data>{pinned}</edge>\n'
        )
    yield "</graph>\n</graphml>\n"


def _node(quoted_id: str, node: _Node) -> str:
    data: list[tuple[str, str]] = [("symbol", node.symbol)] if node.symbol else []
    if node.docs:
        first = min(node.docs, key=lambda d: (d.record.language != ROW_LANGUAGE, d.url))
        r = first.record
        data.append(("title", r.title))
        if r.body:
            data.append(("body", r.body))
        if r.year:
            data.append(("year", str(r.year)))
        data.append(("type", r.document_type))
        data.append(("languages", " ".join(sorted({d.record.language for d in node.docs}))))
    data.append(("held", "true" if node.docs else "false"))
    data.append(("cited_by", str(len(node.cited_by))))
    return f"<node id={quoted_id}>" + "".join(_data(k, v) for k, v in data) + "</node>\n"


def _data(key: str, value: str) -> str:
    if "&" in value or "<" in value or ">" in value:
        value = escape(value)
    return f'<data key="{key}">{_xml_text(value)}</data>'


def _xml_text(text: str) -> str:
    """Drop the characters XML 1.0 cannot hold (control characters of a damaged text)."""
    if text.isprintable():
        return text
    return "".join(c for c in text if c in "\t\n\r" or (c >= " " and c not in "\ufffe\uffff"))
