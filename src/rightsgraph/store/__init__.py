"""Where the graph lives, and the only place queries run: Oxigraph on disk, in memory, or a server.

``open_store(spec)`` takes a folder (pyoxigraph on disk, default ``graph/.store``), ``memory``
(pyoxigraph in memory), or an ``http(s)://`` URL (a SPARQL 1.1 server); ``RIGHTSGRAPH_STORE``
is the default spec. All three share one interface (:class:`Store`) and one layout (one named
graph per article, the deduplicated union as the default graph; see ``store/base.py``).
rdflib builds each article's graph and writes files; it never answers a query.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from rightsgraph.errors import StoreError
from rightsgraph.vocab import PREFIXES, RDF

from .base import DEFAULT_TIMEOUT, Answer, Store
from .local import LocalStore
from .remote import RemoteStore
from .terms import plain_term, rdflib_triples, to_oxigraph, to_rdflib

__all__ = [
    "DEFAULT_STORE", "DEFAULT_TIMEOUT", "Answer", "Store", "LocalStore", "RemoteStore", "open_store",
    "store_spec", "replace_articles", "remove_articles", "memory_store", "bind_prefixes", "plain_term",
    "to_oxigraph", "to_rdflib", "union_graph",
]

log = logging.getLogger(__name__)

DEFAULT_STORE = Path("graph/.store")
ENV_STORE = "RIGHTSGRAPH_STORE"
_G = TypeVar("_G", bound=Graph)


def bind_prefixes(graph: _G) -> _G:
    """Bind the project prefixes (vocab.PREFIXES, plus rdf) on `graph` and return it."""
    graph.bind("rdf", RDF, override=True)
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


def store_spec(spec: str | Path | None = None) -> str:
    """The store to use: `spec`, else ``$RIGHTSGRAPH_STORE``, else ``graph/.store``."""
    if spec is not None and str(spec) != "":
        return str(spec)
    return os.environ.get(ENV_STORE) or str(DEFAULT_STORE)


def open_store(spec: str | Path | None = None, *, create: bool = True) -> Store:
    """Open a store: a folder, ``memory``, or an ``http(s)://`` SPARQL endpoint.

    With ``create=False`` a missing folder is an error (commands that only read).
    """
    where = store_spec(spec)
    if where == "memory":
        return LocalStore(None)
    if where.startswith(("http://", "https://")):
        return RemoteStore(where)
    path = Path(where)
    if not create and not path.exists():
        raise StoreError(f"no store at {path}; run `rightsgraph build` first (or pass --store PATH|URL)")
    return LocalStore(path)


def _named_graphs(ds: Dataset) -> list[Graph]:
    return [g for g in ds.graphs() if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)]


def replace_articles(store: Store, built: Dataset) -> int:
    """Write every named graph of `built` into `store`, each replacing the graph of the same name
    in one transaction (the union default graph kept right). Returns the triples written."""
    written = 0
    for graph in _named_graphs(built):
        store.replace_graph(str(graph.identifier), graph.serialize(format="nt"))
        written += len(graph)
    log.debug("wrote %d triples", written)
    return written


def remove_articles(store: Store, articles: Iterable[str]) -> list[str]:
    """Remove article graphs (by IRI) and every fact only they supported; returns those removed."""
    present = set(store.graph_names())
    removed = []
    for iri in articles:
        if iri in present:
            store.remove_graph(iri)
            removed.append(iri)
    return removed


def memory_store(graph: Graph) -> LocalStore:
    """An in-memory Oxigraph store holding `graph` (a Dataset keeps its named graphs) — how a
    library caller with an rdflib graph gets queries answered by the engine."""
    store = LocalStore(None)
    if isinstance(graph, Dataset):
        replace_articles(store, graph)
        default = graph.default_graph
    else:
        default = graph
    if len(default):
        store.engine.extend(ox.Quad(*(to_oxigraph(t) for t in triple)) for triple in default)  # type: ignore[arg-type,misc]
    return store


def union_graph(source: Store | Graph) -> Graph:
    """Every triple of a store (read from its engine) or of an rdflib Dataset, as one rdflib Graph
    with the project prefixes: for small graphs, the build's own outputs, and tests."""
    out = bind_prefixes(Graph())
    if isinstance(source, Store):
        out += rdflib_triples(source.triples())
    elif isinstance(source, Dataset):
        out += ((s, p, o) for s, p, o, _ in source.quads((None, None, None, None)))
    else:
        out += source
    return out
