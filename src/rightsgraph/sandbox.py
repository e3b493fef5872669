"""User SPARQL is read-only and stays inside the store: checked on its parse tree before it is sent.

rdflib's SPARQL parser reads the text (it never evaluates it); the tree is walked for what
would reach outside the store or change it:

* updates (``INSERT``, ``DELETE``, ``LOAD``, ``CLEAR``, ``DROP``, ``CREATE``, …) are refused;
* ``SERVICE`` anywhere in the query is refused (it would send store data to another address);
* ``FROM`` / ``FROM NAMED`` may only name graphs the store holds (its article graphs); the
  caller checks :attr:`QueryShape.datasets` against the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from typing import Literal as LiteralType

from pyparsing import ParseBaseException, ParseResults
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from rightsgraph.errors import QueryError

__all__ = ["QueryShape", "inspect_query"]

_TYPES = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "CONSTRUCT"}


@dataclass(frozen=True)
class QueryShape:
    type: LiteralType["SELECT", "ASK", "CONSTRUCT"]
    #: IRIs named by FROM and FROM NAMED
    datasets: tuple[str, ...] = ()


def _walk(node: Any) -> Any:
    yield node
    if isinstance(node, CompValue):
        for value in node.values():
            yield from _walk(value)
    elif isinstance(node, (list, tuple, ParseResults)):
        for value in node:
            yield from _walk(value)


def _iri(term: Any, prefixes: dict[str, str]) -> str:
    if isinstance(term, CompValue) and term.name == "pname":
        prefix = str(term["prefix"]) if "prefix" in term else ""
        return prefixes.get(prefix, "") + (str(term["localname"]) if "localname" in term else "")
    return str(term)


@lru_cache(maxsize=256)
def inspect_query(text: str, *, name: str = "query") -> QueryShape:
    """The query's type and the graphs it names; QueryError for updates, SERVICE or bad syntax."""
    try:
        prologue, query = parseQuery(text)
    except ParseBaseException as e:
        try:
            parseUpdate(text)
        except ParseBaseException:
            raise QueryError(f'query "{name}" is not valid SPARQL: {e}') from e
        raise QueryError(f'query "{name}" is an update (INSERT, DELETE, LOAD, CLEAR, DROP …), which '
                         "rightsgraph refuses: queries are read-only; change the store with build and remove") from e
    if any(isinstance(n, CompValue) and n.name == "ServiceGraphPattern" for n in _walk(query)):
        raise QueryError(f'query "{name}" uses SERVICE, which would send store data to another '
                         "address; rightsgraph refuses it: query only the store")
    prefixes = {str(d["prefix"]) if "prefix" in d else "": str(d["iri"]) for d in prologue
                if isinstance(d, CompValue) and d.name == "PrefixDecl"}
    clauses = query["datasetClause"] if "datasetClause" in query else []
    datasets = tuple(_iri(c["default"] if "default" in c else c["named"], prefixes) for c in clauses)
    return QueryShape(_TYPES[query.name], datasets)  # type: ignore[arg-type]
