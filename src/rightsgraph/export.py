"""Graph -> text in a standard RDF format, through rdflib's serializers only.

``turtle`` and ``longturtle`` are rdflib's ``longturtle`` with ``canon=True`` (subjects sorted,
blank nodes canonically relabelled), so committed files diff stably; ``nt`` lines are sorted for
the same reason. ``trig`` keeps a Dataset's named graphs (one per article); every other format
writes the union of all graphs. ``graphml``/``gexf`` are network formats written by
``rightsgraph.analyze.serialize_network``.
"""

from __future__ import annotations

from typing import Literal as LiteralType
from typing import get_args

from rdflib import Dataset, Graph

from rightsgraph.errors import ExportError
from rightsgraph.store import bind_prefixes, to_memory, union_graph
from rightsgraph.vocab import PREFIXES

__all__ = ["Format", "FORMATS", "RDF_FORMATS", "serialize"]

Format = LiteralType["turtle", "longturtle", "nt", "json-ld", "trig", "graphml", "gexf"]
FORMATS: tuple[str, ...] = get_args(Format)
RDF_FORMATS: tuple[str, ...] = ("turtle", "longturtle", "nt", "json-ld", "trig")


def serialize(graph: Graph, fmt: Format | str = "turtle") -> str:
    """`graph` (a Graph or Dataset) as `fmt` text. Unknown formats raise ExportError."""
    if fmt not in FORMATS:
        raise ExportError(f'unknown export format "{fmt}"; use one of: {", ".join(FORMATS)}')
    if fmt in ("graphml", "gexf"):
        from rightsgraph.analyze import serialize_network  # networkx lives in analyze only

        return serialize_network(union_graph(graph), "graphml" if fmt == "graphml" else "gexf")
    if fmt == "trig":
        dataset = to_memory(graph) if isinstance(graph, Dataset) else _as_dataset(graph)
        return dataset.serialize(format="trig")
    union = union_graph(graph)
    if fmt in ("turtle", "longturtle"):
        return union.serialize(format="longturtle", canon=True)
    if fmt == "nt":
        lines = union.serialize(format="nt").splitlines()
        return "".join(f"{line}\n" for line in sorted(filter(None, lines)))
    context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
    return union.serialize(format="json-ld", context=context, auto_compact=True)


def _as_dataset(graph: Graph) -> Dataset:
    """A plain Graph as the default graph of an in-memory Dataset (TriG needs contexts)."""
    dataset = bind_prefixes(Dataset())
    dataset.default_graph += union_graph(graph)
    return dataset
