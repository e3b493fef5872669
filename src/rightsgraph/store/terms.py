"""RDF terms across the boundary: rdflib (builds graphs, the library API) <-> pyoxigraph (the engine).

Oxigraph types plain literals ``xsd:string`` (the same RDF 1.1 term); rdflib parsers give them
without a datatype, so :func:`to_rdflib` returns them plain and results compare equal to
graphs read from Turtle.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from rightsgraph.vocab import XSD

__all__ = ["OxTerm", "to_rdflib", "to_oxigraph", "plain_term", "rdflib_triples"]

OxTerm = ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple
_XSD_STRING = str(XSD.string)


def to_rdflib(term: OxTerm | ox.DefaultGraph | None) -> Node | None:
    """A pyoxigraph term as the rdflib term (``xsd:string`` literals plain); None stays None."""
    if term is None or isinstance(term, ox.DefaultGraph):
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"RDF-star triple terms are not supported here: {term}")


def to_oxigraph(term: Node) -> OxTerm:
    """An rdflib term as the pyoxigraph term. Invalid IRIs raise ValueError."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def plain_term(term: Node) -> Node:
    """``"x"^^xsd:string`` -> ``"x"``: the same RDF 1.1 literal in the form rdflib parsers give."""
    if isinstance(term, Literal) and term.datatype == XSD.string and not term.language:
        return Literal(str(term))
    return term


def rdflib_triples(triples: Iterable[ox.Triple | ox.Quad]) -> Iterator[tuple[Node, Node, Node]]:
    """pyoxigraph triples (or quads, graph ignored) as rdflib triples."""
    for t in triples:
        yield to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)  # type: ignore[misc]
