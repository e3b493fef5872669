"""The one store interface, and the layout every backend shares.

Layout (the same on disk, in memory and on a SPARQL server):

* each article is one **named graph** (named by its IRI) holding everything derived from it:
  the article, its sentences, statements, facts, and the descriptions (type, label, aliases,
  status) of the entities it mentions. It is the unit of replacement: rebuilding an article
  replaces exactly its graph, and removing it takes its graph away.
* the **default graph is the deduplicated union** of all named graphs, kept up to date at write
  time. Queries run on it, so an entity label that 5,000 articles repeat is one triple, not
  5,000, and joins do not multiply with the number of articles that repeat a fact. Named
  graphs stay reachable with ``GRAPH ?article { … }``.

Replacing (or removing) article A is one SPARQL Update request, which Oxigraph (and any SPARQL
1.1 server) applies as one transaction: drop from the union the triples no other article
graph holds, drop A's graph, insert its new graph, copy it into the union.

Every backend answers SPARQL in its own engine (Oxigraph in Rust, or the server); results
come back as pyoxigraph terms (:class:`Answer`) and only what a query returns reaches Python.
"""

from __future__ import annotations

import logging
import threading
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, BinaryIO
from typing import Literal as LiteralType

import pyoxigraph as ox

from rightsgraph.errors import QueryError, StoreError

from .terms import OxTerm

__all__ = ["Answer", "Store", "DEFAULT_TIMEOUT", "replace_update", "remove_update", "record_update",
           "UNION_UPDATE", "RECORDS"]

log = logging.getLogger(__name__)

DEFAULT_TIMEOUT = 30.0
#: named graphs under this prefix are build records (store/records.py), never part of the union
RECORDS = "https://w3id.org/rightsgraph/id/build/"
_ARTICLE_GRAPH = f'FILTER (!STRSTARTS(STR(?g), "{RECORDS}"))'
#: rebuild the union from the named graphs (a store written before the union layout)
UNION_UPDATE = f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_ARTICLE_GRAPH} }}"
_GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_ARTICLE_GRAPH} }}"
_HAS_GRAPH = "ASK { GRAPH ?g { ?s ?p ?o } }"


def _drop(graph: str) -> str:
    g = str(ox.NamedNode(graph))  # validated and written by pyoxigraph, never pasted from input
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != {g}) }} }} ;\n"
            f"DROP SILENT GRAPH {g}")


def replace_update(graph: str, ntriples: str) -> str:
    """The update that replaces named graph `graph` with `ntriples` and keeps the union right."""
    g = str(ox.NamedNode(graph))
    return (f"{_drop(graph)} ;\nINSERT DATA {{ GRAPH {g} {{\n{ntriples}\n}} }} ;\n"
            f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}")


def record_update(graph: str, ntriples: str) -> str:
    """The update that replaces a graph that is not part of the union (a build record)."""
    g = str(ox.NamedNode(graph))
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{ntriples}\n}} }}"


def remove_update(graph: str) -> str:
    """The one update that removes named graph `graph` and what only it held from the union."""
    return _drop(graph)


@dataclass(frozen=True)
class Answer:
    """A materialized query result in pyoxigraph terms: rows (SELECT), boolean (ASK) or triples."""

    type: LiteralType["SELECT", "ASK", "CONSTRUCT"]
    vars: tuple[str, ...] = ()
    rows: list[tuple[OxTerm | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def materialize(result: Any) -> Answer:
    """Read a lazy pyoxigraph result (solutions, boolean or triples) to the end."""
    if isinstance(result, ox.QueryBoolean):
        return Answer("ASK", boolean=bool(result))
    if isinstance(result, ox.QuerySolutions):
        names = tuple(v.value for v in result.variables)
        return Answer("SELECT", vars=names, rows=[tuple(row[n] for n in names) for row in result])
    return Answer("CONSTRUCT", triples=[t if isinstance(t, ox.Triple) else t.triple for t in result])


class Store(ABC):
    """A SPARQL dataset laid out as above. Subclasses run queries and updates in their engine."""

    #: where the store is, for messages ("graph/.store", "memory", "http://…")
    location: str = ""

    @abstractmethod
    def execute(self, sparql: str, *, bindings: Mapping[str, OxTerm] | None = None,
                timeout: float | None = None) -> Any:
        """Run a query; a lazy pyoxigraph result (QuerySolutions, QueryBoolean, or triples)."""

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL Update as one transaction."""

    def close(self) -> None:  # noqa: B027 - optional hook
        """Flush and release the store (its lock, its connection)."""

    def flush(self) -> None:  # noqa: B027 - optional hook
        """Write buffered changes out (an embedded store's memory tables); a no-op elsewhere."""

    def checkpoint(self) -> None:
        """Flush, and let go of what the engine holds for past writes (an embedded store
        reopens); long writers call this every few hundred articles."""
        self.flush()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sparql: str, *, bindings: Mapping[str, OxTerm] | None = None,
              timeout: float | None = DEFAULT_TIMEOUT) -> Answer:
        """Run a query and read its whole result, within `timeout` seconds (None: no bound).

        The engine works in a worker thread (pyoxigraph releases the GIL), so a query that runs
        too long ends the wait with a QueryError; its abandoned evaluation ends with the process.
        """
        box: dict[str, Any] = {}

        def work() -> None:
            try:
                box["answer"] = materialize(self.execute(sparql, bindings=bindings, timeout=timeout))
            except BaseException as e:  # handed to the waiting thread, re-raised there
                box["error"] = e

        worker = threading.Thread(target=work, name="rightsgraph-query", daemon=True)
        worker.start()
        worker.join(timeout)
        if worker.is_alive():
            raise QueryError(f"query did not finish within {timeout:g} s; narrow it (a LIMIT, more "
                             "bound terms) or allow more time with --timeout SECONDS")
        if "error" in box:
            raise box["error"]
        return box["answer"]  # type: ignore[no-any-return]

    # -- the layout -------------------------------------------------------------------------

    def replace_graph(self, graph: str, ntriples: str) -> None:
        """Replace named graph `graph` by `ntriples` (N-Triples text), keeping the union right."""
        self.update(replace_update(graph, ntriples))

    def remove_graph(self, graph: str) -> None:
        """Remove named graph `graph`, and from the union every triple only it held."""
        self.update(remove_update(graph))

    def graph_names(self) -> list[str]:
        """Every non-empty named graph, sorted."""
        answer = self.query(_GRAPHS, timeout=None)
        return sorted(row[0].value for row in answer.rows if isinstance(row[0], ox.NamedNode))

    def has_graph(self, graph: str) -> bool:
        return bool(self.query(_HAS_GRAPH, bindings={"g": ox.NamedNode(graph)}, timeout=None).boolean)

    def triples(self) -> Iterator[ox.Triple]:
        """Every triple of the union, streamed from the engine (a SELECT: CONSTRUCT would keep
        every triple it sent to drop duplicates, which the union has none of)."""
        for row in self.execute("SELECT ?s ?p ?o WHERE { ?s ?p ?o }"):
            yield ox.Triple(row["s"], row["p"], row["o"])

    def quads(self) -> Iterator[ox.Quad]:
        """Every quad of the article graphs (not the build records), streamed from the engine."""
        for row in self.execute(f"SELECT ?s ?p ?o ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {_ARTICLE_GRAPH} }}"):
            yield ox.Quad(row["s"], row["p"], row["o"], row["g"])

    def dump(self, output: BinaryIO, fmt: ox.RdfFormat, *, dataset: bool = False,
             prefixes: Mapping[str, str] | None = None) -> None:
        """Stream the union, or with `dataset` the article graphs (TriG, N-Quads), to `output`."""
        source: Iterable[ox.Triple] | Iterable[ox.Quad] = self.quads() if dataset else self.triples()
        try:
            ox.serialize(source, output, fmt, prefixes=dict(prefixes or {}))
        except BrokenPipeError:
            raise  # the reader went away (| head): not a store error
        except OSError as e:
            raise StoreError(f"cannot export from store {self.location}: {e}") from e
