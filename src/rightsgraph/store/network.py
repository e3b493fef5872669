"""The parts of the store that the network page, GraphML/GEXF and stats draw, read by CONSTRUCT.

The page needs entities, relations, facts, statements, sentences and article headlines; it
never needs the article bodies (``nif:isString``, most of the bytes), so they stay in the
store. ``stats`` needs even less: entity types and labels, relations and fact confidences.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyoxigraph as ox
from rdflib import Graph

from .base import Store
from .terms import rdflib_triples

__all__ = ["network_graph", "relations_graph"]

_NETWORK = """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER (?p != nif:isString) }"""
_NETWORK_OF = """PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?g {{ {graphs} }} GRAPH ?g {{ ?s ?p ?o FILTER (?p != nif:isString) }} }}"""

_RELATIONS = """PREFIX rg: <https://w3id.org/rightsgraph/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
CONSTRUCT { ?e a ?type ; rdfs:label ?label . ?s ?p ?o .
            ?f a rg:Fact ; rdf:subject ?fs ; rdf:predicate ?fp ; rdf:object ?fo ; rg:confidence ?c }
WHERE {
  { ?e a ?type ; rdfs:label ?label }
  UNION { VALUES ?p { rg:raised rg:criticizes rg:defends rg:metWith rg:memberOf rg:relativeOf rg:urges
                      rg:detainedBy rg:leads } ?s ?p ?o }
  UNION { ?f a rg:Fact ; rdf:subject ?fs ; rdf:predicate ?fp ; rdf:object ?fo OPTIONAL { ?f rg:confidence ?c } }
}"""


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


def relations_graph(store: Store) -> Graph:
    """Entity types and labels, relation triples and fact confidences (for stats)."""
    return _construct(store, _RELATIONS)
