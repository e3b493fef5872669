"""Build records: what the store keeps about each article so that builds are incremental and
resolution spans builds.

Each article IRI ``…/id/article/X`` has a record graph ``…/id/build/article/X`` (a named graph
that is never part of the union, so queries and exports of the knowledge graph do not see it):

* ``rg:recordOf`` the article, ``rg:extractedKey`` the key of the text and rules it was
  extracted with, ``rg:extraction`` the extraction before resolution (JSON), and one
  ``rg:mention "kind<TAB>actor|case<TAB>name"`` per name it mentions;
* ``rg:builtKey``: written in the same update as the article's graph, so a record whose
  extracted key differs from its built key is an article a crash left unfinished.

The store-wide build settings (rules, curation, confidence threshold) sit in
``…/id/build/settings``: when they change, every article is resolved and written again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pyoxigraph as ox

from rightsgraph.model import Extraction, extraction_from_json, extraction_to_json
from rightsgraph.resolve import Mention, name_mentions
from rightsgraph.vocab import RG, RGID

from .base import RECORDS, Store

__all__ = ["RECORDS", "SETTINGS", "record_iri", "record_graph", "built_update", "keys", "mentions",
           "articles_mentioning", "load_extractions", "settings", "settings_update", "remove_update",
           "status_pending", "pending_update", "pending_done_update"]

SETTINGS = RECORDS + "settings"
_RG = str(RG)
_KEYS = f"""SELECT ?article ?extracted ?built WHERE {{ GRAPH ?r {{
  ?r <{_RG}recordOf> ?article ; <{_RG}extractedKey> ?extracted OPTIONAL {{ ?r <{_RG}builtKey> ?built }} }} }}"""
_MENTIONS = f"SELECT DISTINCT ?m WHERE {{ GRAPH ?r {{ ?r <{_RG}mention> ?m }} }}"
_SETTINGS = (f"SELECT ?k ?s WHERE {{ GRAPH <{SETTINGS}> {{ <{SETTINGS}> <{_RG}settingsKey> ?k ; "
             f"<{_RG}settings> ?s }} }}")


def record_iri(article: str) -> str:
    """``…/id/article/X`` -> ``…/id/build/article/X``."""
    return RECORDS + article[len(str(RGID)):]


def _lit(text: str) -> str:
    return str(ox.Literal(text))  # N-Triples syntax, escaped by pyoxigraph


def _mention(m: Mention) -> str:
    name, kind, source = m
    return f"{kind}\t{source}\t{name}"


def record_graph(article: str, key: str, x: Extraction) -> str:
    """The record of one freshly extracted article, as N-Triples (its built key comes later)."""
    r, rg = f"<{record_iri(article)}>", f"<{_RG}"
    lines = [f"{r} {rg}recordOf> <{article}> .", f"{r} {rg}extractedKey> {_lit(key)} .",
             f"{r} {rg}extraction> {_lit(extraction_to_json(x))} ."]
    lines += [f"{r} {rg}mention> {_lit(_mention(m))} ." for m in sorted(name_mentions(x))]
    return "\n".join(lines)


def built_update(article: str, key: str) -> str:
    """The update that marks an article's record as built with `key` (sent with its graph)."""
    r = f"<{record_iri(article)}>"
    return (f"DELETE WHERE {{ GRAPH {r} {{ {r} <{_RG}builtKey> ?k }} }} ;\n"
            f"INSERT DATA {{ GRAPH {r} {{ {r} <{_RG}builtKey> {_lit(key)} }} }}")


def remove_update(article: str) -> str:
    return f"DROP SILENT GRAPH <{record_iri(article)}>"


def keys(store: Store) -> dict[str, tuple[str, str | None]]:
    """Every recorded article -> (extracted key, built key or None)."""
    out: dict[str, tuple[str, str | None]] = {}
    for article, extracted, built in store.query(_KEYS, timeout=None).rows:
        out[article.value] = (extracted.value, built.value if built is not None else None)  # type: ignore[union-attr]
    return out


def mentions(store: Store) -> set[Mention]:
    """The name mentions of every recorded article (the input of resolve.Resolver)."""
    out: set[Mention] = set()
    for (m,) in store.query(_MENTIONS, timeout=None).rows:
        kind, source, name = m.value.split("\t", 2)  # type: ignore[union-attr]
        out.add((name, kind, source))
    return out


def articles_mentioning(store: Store, names: Iterable[Mention], *, batch: int = 400) -> set[str]:
    """Recorded articles that mention any of these (name, kind, source) mentions."""
    wanted = sorted(_lit(_mention(m)) for m in names)
    found: set[str] = set()
    for i in range(0, len(wanted), batch):
        values = " ".join(wanted[i:i + batch])
        sparql = (f"SELECT DISTINCT ?a WHERE {{ VALUES ?m {{ {values} }} "
                  f"GRAPH ?r {{ ?r <{_RG}mention> ?m ; <{_RG}recordOf> ?a }} }}")
        found |= {row[0].value for row in store.query(sparql, timeout=None).rows}  # type: ignore[union-attr]
    return found


def load_extractions(store: Store, articles: Sequence[str]) -> list[tuple[str, str, Extraction]]:
    """(article, extracted key, unresolved extraction) for these recorded articles, in their order."""
    if not articles:
        return []
    values = " ".join(f"<{record_iri(a)}>" for a in articles)
    sparql = (f"SELECT ?r ?k ?x WHERE {{ VALUES ?r {{ {values} }} "
              f"GRAPH ?r {{ ?r <{_RG}extractedKey> ?k ; <{_RG}extraction> ?x }} }}")
    found = {r.value: (k.value, x.value) for r, k, x in store.query(sparql, timeout=None).rows}  # type: ignore[union-attr]
    out = []
    for a in articles:
        if record_iri(a) in found:
            key, text = found[record_iri(a)]
            out.append((a, key, extraction_from_json(text)))
    return out


def settings(store: Store) -> tuple[str, str] | None:
    """(settings key, settings JSON) of the last build, or None for a store never built into."""
    rows = store.query(_SETTINGS, timeout=None).rows
    return (rows[0][0].value, rows[0][1].value) if rows else None  # type: ignore[union-attr]


def settings_update(key: str, text: str) -> str:
    s = f"<{SETTINGS}>"
    return (f"DROP SILENT GRAPH {s} ;\nINSERT DATA {{ GRAPH {s} {{ {s} <{_RG}settingsKey> {_lit(key)} ; "
            f"<{_RG}settings> {_lit(text)} }} }}")


#: the marker of a build that began writing article graphs and has not yet written the current
#: statuses: the next build recomputes them from every stored claim (a killed build leaves it)
_PENDING = RECORDS + "status-pending"


def pending_update() -> str:
    p = f"<{_PENDING}>"
    return f"INSERT DATA {{ GRAPH {p} {{ {p} <{_RG}pending> true }} }}"


def pending_done_update() -> str:
    return f"DROP SILENT GRAPH <{_PENDING}>"


def status_pending(store: Store) -> bool:
    return store.has_graph(_PENDING)
