"""A case person's current status: the latest dated claim wins.

Every article's claim stays in its own graph (rg:StatusClaim: rg:statusOf, rg:status, the
sentence), and the union holds every rg:status any article gave. Over the whole corpus, the
claim from the latest-dated article is the person's current one: `rg:currentStatus` and
`rg:currentStatusClaim` (which leads back to the sentence) in one derived named graph, recomputed
by one query that runs in the engine (a store, or an rdflib Dataset for builds in memory) after a
removal or a build that rewrites stored articles; a build that only adds articles merges the
claims it writes with the stored current statuses instead (`merged_status_ntriples`), because
that query touches every article graph, which on a large store costs more memory than the rest
of the build. A dated claim beats an undated one; claims of the same date break the tie by their
status and then their IRI, so the result never depends on the order articles were built in.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from rdflib import Dataset, URIRef

from .vocab import RG, RGID, SCHEMA

if TYPE_CHECKING:
    from .store import Store

__all__ = ["CURRENT_GRAPH", "current_status_ntriples", "merged_status_ntriples", "claim_keys", "add_current_status"]

CURRENT_GRAPH = RGID["graph/current-status"]

_LATEST = """
PREFIX rg: <https://w3id.org/rightsgraph/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?person (MAX(CONCAT(COALESCE(STR(?date), ""), " ", STR(?status), " ", STR(?claim))) AS ?latest)
WHERE {
  GRAPH ?g {
    ?claim a rg:StatusClaim ; rg:statusOf ?person ; rg:status ?status .
    OPTIONAL { ?g schema:datePublished ?date }
  }
}
GROUP BY ?person
"""


def _triples(rows: list[tuple[str, str]]) -> list[tuple[URIRef, URIRef, URIRef]]:
    out = []
    for person, latest in rows:
        _date, status, claim = latest.rsplit(" ", 2)
        out += [(URIRef(person), RG.currentStatus, URIRef(status)),
                (URIRef(person), RG.currentStatusClaim, URIRef(claim))]
    return sorted(out)


_STORED = f"""
PREFIX rg: <https://w3id.org/rightsgraph/ns#>
PREFIX schema: <https://schema.org/>
SELECT ?person ?status ?claim ?date WHERE {{
  GRAPH <{CURRENT_GRAPH}> {{ ?person rg:currentStatus ?status ; rg:currentStatusClaim ?claim }}
  BIND(IRI(CONCAT("{RGID}article/", STRBEFORE(STRAFTER(STR(?claim), "{RGID}status/"), "/"))) AS ?article)
  OPTIONAL {{ ?article schema:datePublished ?date }}
}}
"""
_LINE = re.compile(r"^<([^>]+)> <([^>]+)> (.+) \.$")
_STATUS_OF, _STATUS, _DATE = str(RG.statusOf), str(RG.status), str(SCHEMA.datePublished)


def claim_keys(ntriples: str) -> dict[str, str]:
    """person -> the sort key `_LATEST` computes ('DATE STATUS CLAIM') for each status claim in one
    article's N-Triples (graph.article_ntriples), so that a build can keep the latest claim of
    every person it writes without reading the claims back from the store."""
    date, of, status = "", {}, {}
    for line in ntriples.splitlines():
        found = _LINE.match(line.strip())
        if found is None:
            continue
        s, p, o = found.groups()
        if p == _DATE:
            date = o.split('"')[1]
        elif p == _STATUS_OF and s.startswith(f"{RGID}status/"):
            of[s] = o.strip("<>")
        elif p == _STATUS and s.startswith(f"{RGID}status/"):
            status[s] = o.strip("<>")
    return {person: f"{date} {status[claim]} {claim}" for claim, person in of.items() if claim in status}


def merged_status_ntriples(store: Store, latest: dict[str, str]) -> str:
    """The current-status graph after a build that only added articles: the stored current claims
    and the added articles' claims (`latest`, person -> key), the latest winning as in `_LATEST`.
    Reads only the current-status graph, never the claims of every article."""
    keys = dict(latest)
    for person, status, claim, date in store.query(_STORED, timeout=None).rows:
        if person is None or status is None or claim is None:
            continue
        key = f"{date.value if date is not None else ''} {status.value} {claim.value}"  # type: ignore[union-attr]
        keys[str(person.value)] = max(keys.get(str(person.value), ""), key)  # type: ignore[union-attr]
    return _ntriples(sorted(keys.items()))


def current_status_ntriples(store: Store) -> str:
    """The current-status graph of everything in `store`, as N-Triples."""
    rows = [(str(p.value), str(v.value))  # type: ignore[union-attr]
            for p, v in store.query(_LATEST, timeout=None).rows
            if p is not None and v is not None]
    return _ntriples(rows)


def _ntriples(rows: list[tuple[str, str]]) -> str:
    """The current-status graph of (person, latest key) rows, as N-Triples."""
    return "".join(f"<{s}> <{p}> <{o}> .\n" for s, p, o in _triples(rows))


def add_current_status(ds: Dataset) -> None:
    """Add the current-status graph to a dataset built in memory (graph.to_dataset)."""
    rows = [(str(r[0]), str(r[1])) for r in ds.query(_LATEST)]  # type: ignore[index]
    graph = ds.graph(CURRENT_GRAPH)
    for triple in _triples(rows):
        graph.add(triple)
