"""The parts of the store that the network page, GraphML/GEXF and stats draw, read by CONSTRUCT.

The page needs entities, relations, facts, statements, sentences and article headlines; it
never needs the article bodies (``nif:isString``, most of the bytes), so they stay in the
store. (``stats`` reads even less, with two SELECTs of its own: analyze.py.)
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox
from rdflib import Graph

from .base import Store
from .terms import rdflib_triples

__all__ = ["network_graph"]

_NETWORK = """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER (?p != nif:isString) }"""
_NETWORK_OF = """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o FILTER (?p != nif:isString) }} }}"""

def _construct(store: Store, sparql: str) -> Graph:
    from . import bind_prefixes

    out = bind_prefixes(Graph())
    out += rdflib_triples(store.execute(sparql))
    return out


def network_graph(store: Store, articles: Sequence[str] | None = None) -> Graph:
    """Everything but the article bodies, as an rdflib Graph (for the page and network exports);
    with `articles` (graph IRIs), only what those articles hold."""
    if articles is None:
        return _construct(store, _NETWORK)
    graphs = " ".join(str(ox.NamedNode(a)) for a in articles)
    return _construct(store, _NETWORK_OF.format(graphs=graphs))
