"""RDF out: stream a store's graph in a standard format, or write a small rdflib graph as text.

:func:`export` streams from the store's engine (pyoxigraph's serializers, or a server's
answers parsed and re-serialized as they arrive), so a million triples go out in bounded memory:
``turtle``, ``nt`` and ``json-ld`` write the union (the default graph), ``trig`` and ``nquads``
write the article graphs (one named graph each; the union is derived from them on load).
``graphml``/``gexf`` write the entity network built from query results (``analyze``).

:func:`serialize` writes an rdflib graph (a build's own output, a CONSTRUCT result):
``turtle``/``longturtle`` are rdflib's ``longturtle`` with ``canon=True`` (subjects sorted) so
committed files diff stably.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, BinaryIO, get_args
from typing import Literal as LiteralType

import pyoxigraph as ox
from rdflib import Dataset, Graph

from rightsgraph.errors import ExportError
from rightsgraph.vocab import PREFIXES, RDF

from .store import union_graph

if TYPE_CHECKING:
    from .store import Store

__all__ = ["Format", "FORMATS", "EXPORT_FORMATS", "serialize", "export", "export_articles"]

Format = LiteralType["turtle", "longturtle", "nt", "json-ld", "trig", "graphml", "gexf"]
FORMATS: tuple[str, ...] = get_args(Format)
ExportFormat = LiteralType["turtle", "nt", "nquads", "trig", "json-ld", "graphml", "gexf"]
EXPORT_FORMATS: tuple[str, ...] = get_args(ExportFormat)
_STREAMED = {"turtle": (ox.RdfFormat.TURTLE, False), "nt": (ox.RdfFormat.N_TRIPLES, False),
             "json-ld": (ox.RdfFormat.JSON_LD, False), "trig": (ox.RdfFormat.TRIG, True),
             "nquads": (ox.RdfFormat.N_QUADS, True)}


def export(store: Store, output: BinaryIO, fmt: ExportFormat | str = "turtle", *,
           min_confidence: float = 0.0) -> None:
    """Write the store's graph to `output` (a binary file) in `fmt`, streaming from the engine."""
    if fmt not in EXPORT_FORMATS:
        raise ExportError(f'unknown export format "{fmt}"; use one of: {", ".join(EXPORT_FORMATS)}')
    if fmt in ("graphml", "gexf"):
        from rightsgraph.analyze import serialize_network, to_networkx  # networkx lives in analyze only
        from rightsgraph.store.network import network_graph

        nxg = to_networkx(network_graph(store), min_confidence=min_confidence)
        output.write(serialize_network(nxg, fmt).encode("utf-8"))  # type: ignore[arg-type]
        return
    rdf_format, dataset = _STREAMED[fmt]
    store.dump(output, rdf_format, dataset=dataset, prefixes=_prefixes())


def export_articles(store: Store, articles: Sequence[str], output: BinaryIO) -> None:
    """The union of these article graphs (IRIs) as Turtle, sorted by subject, predicate and object
    so that the file diffs stably; streamed from the engine (a build's ``-o`` file)."""
    graphs = " ".join(str(ox.NamedNode(a)) for a in articles)
    sparql = f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?s ?p ?o"
    triples = (ox.Triple(row["s"], row["p"], row["o"]) for row in store.execute(sparql))
    ox.serialize(triples, output, ox.RdfFormat.TURTLE, prefixes=_prefixes())


def _prefixes() -> dict[str, str]:
    # rgid: is left out: Turtle would escape every "/" of its local names (rgid:person\/x)
    return {"rdf": str(RDF), **{p: str(ns) for p, ns in PREFIXES.items() if p != "rgid"}}


def serialize(graph: Graph, fmt: Format | str = "turtle") -> str:
    """`graph` (an rdflib Graph or Dataset) as `fmt` text. Unknown formats raise ExportError."""
    if fmt not in FORMATS:
        raise ExportError(f'unknown export format "{fmt}"; use one of: {", ".join(FORMATS)}')
    if fmt in ("graphml", "gexf"):
        from rightsgraph.analyze import serialize_network, to_networkx

        return serialize_network(to_networkx(union_graph(graph)), fmt)  # type: ignore[arg-type]
    if fmt == "trig":
        if isinstance(graph, Dataset):
            return graph.serialize(format="trig")
        dataset = Dataset()
        dataset.default_graph += graph
        return dataset.serialize(format="trig")
    union = union_graph(graph)
    if fmt in ("turtle", "longturtle"):
        return union.serialize(format="longturtle", canon=True)
    if fmt == "nt":
        lines = union.serialize(format="nt").splitlines()
        return "".join(f"{line}\n" for line in sorted(filter(None, lines)))
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    return union.serialize(format="json-ld", context=context, auto_compact=True)
