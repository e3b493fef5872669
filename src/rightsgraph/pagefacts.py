"""What the network page shows, read from an rdflib graph or from the store's engine.

`PageFacts` holds the entity network (networkx: nodes with label, kind, aliases, role, status,
articles; edges with predicate, best confidence and evidence), the articles, every statement
with its first sentence, the dialogue's rounds and each case person's status history.

* `from_graph` reads an rdflib graph (a saved query's result, a graph file, tests);
* `from_store` asks the store's engine: a dozen SELECTs whose joins run in the engine and whose
  rows are what the page embeds, so nothing is copied into an rdflib graph first (at 5,000
  articles, 850,000 triples took 1.5 GB and a minute that way).

Both give the same facts for the same triples (tests/test_pagefacts.py); where a property has
several values (two articles disagreeing on a status) both take the least.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .analyze import _first, _kind, _local, article_index, sentence_evidence, to_networkx
from .store.base import Store
from .vocab import PREDICATES, PROV, RDF, RDFS, RG, SCHEMA, SYMMETRIC

__all__ = ["PageFacts", "from_graph", "from_store"]

NO_EVIDENCE = {"sentence": "", "headline": "", "date": "", "article": ""}


@dataclass
class PageFacts:
    network: nx.MultiDiGraph
    articles: dict[str, dict[str, str]]  # article IRI -> {id, headline, date, publisher, round}
    statements: list[dict[str, Any]]  # every statement, sorted by date, article, speaker, id
    rounds: list[dict[str, Any]] = field(default_factory=list)  # date order, undated last
    history: dict[str, list[dict[str, str]]] = field(default_factory=dict)  # case IRI -> claims, oldest first

    def statements_of(self, nodes: set[str]) -> list[dict[str, Any]]:
        """Statements made by or about the entities in `nodes`."""
        return [s for s in self.statements if s["speaker"] in nodes or s["about"] in nodes]


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri


def _sorted_rounds(rounds: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(rounds, key=lambda r: (r["start"] or "9999", r["ordinal"] or 0, r["label"]))


def _sorted_history(history: Mapping[str, list[dict[str, str]]]) -> dict[str, list[dict[str, str]]]:
    return {p: sorted(cs, key=lambda c: (c["date"] or "9999", c["article"], c["status"])) for p, cs in history.items()}


def _sorted_statements(statements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(statements, key=lambda s: (s["date"], s["article"], s["speaker"], s["id"]))


# -- from an rdflib graph ----------------------------------------------------------------------

def from_graph(graph: Graph, *, min_confidence: float = 0.0) -> PageFacts:
    index = article_index(graph)
    statements = []
    for st in set(graph.subjects(RDF.type, RG.Statement)):
        speaker, about = _first(graph.objects(st, RG.speaker)), _first(graph.objects(st, RG.about))
        sentence = _first(graph.objects(st, PROV.wasDerivedFrom))
        conf = _first(graph.objects(st, RG.confidence))
        kind, stance = _first(graph.objects(st, RG.kind)), _first(graph.objects(st, RG.stance))
        statements.append({
            "id": str(st),
            "speaker": str(speaker or ""),
            "speakerLabel": str(_first(graph.objects(speaker, RDFS.label)) or speaker) if speaker else "",
            "about": str(about or ""),
            "aboutLabel": str(_first(graph.objects(about, RDFS.label)) or about) if about else "",
            "text": str(_first(graph.objects(st, RG.text)) or ""),
            "kind": _local_name(str(kind)) if kind is not None else "",
            "stance": _local_name(str(stance)) if stance is not None else "",
            "confidence": float(conf) if isinstance(conf, Literal) else None,
            "round": min((str(r) for r in graph.objects(st, RG.round)), default=""),
            **(sentence_evidence(graph, sentence, index) if sentence is not None else NO_EVIDENCE),
        })
    rounds = []
    for r in set(graph.subjects(RDF.type, RG.DialogueRound)):
        ordinal = _first(graph.objects(r, RG.ordinal))
        rounds.append({"id": str(r), "label": str(_first(graph.objects(r, RDFS.label)) or r),
                       "ordinal": int(ordinal) if isinstance(ordinal, Literal) else None,
                       "start": str(_first(graph.objects(r, SCHEMA.startDate)) or ""),
                       "location": str(_first(graph.objects(r, SCHEMA.location)) or "")})
    history: dict[str, list[dict[str, str]]] = defaultdict(list)
    for claim in set(graph.subjects(RDF.type, RG.StatusClaim)):
        person, status = _first(graph.objects(claim, RG.statusOf)), _first(graph.objects(claim, RG.status))
        sentence = _first(graph.objects(claim, PROV.wasDerivedFrom))
        if person is not None and status is not None and sentence is not None:
            history[str(person)].append({"status": _local_name(str(status)),
                                         **sentence_evidence(graph, sentence, index)})
    return PageFacts(network=to_networkx(graph, min_confidence=min_confidence),
                     articles={info["id"]: info for info in index.values()},
                     statements=_sorted_statements(statements), rounds=_sorted_rounds(rounds),
                     history=_sorted_history(history))


# -- from the store's engine -------------------------------------------------------------------

_PREFIXES = """PREFIX rg: <https://w3id.org/rightsgraph/ns#> PREFIX schema: <https://schema.org/>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
"""
_RELATIONS = " ".join(f"rg:{p}" for p in PREDICATES)
_SYMMETRIC = ", ".join(f"rg:{p}" for p in sorted(SYMMETRIC))
_SENTENCE = """OPTIONAL { ?sent nif:anchorOf ?text }
  OPTIONAL { ?sent nif:referenceContext ?ctx } OPTIONAL { ?sent schema:isPartOf ?part }"""
Q = {
    "types": "SELECT ?e ?t WHERE { ?e a ?t FILTER (isIRI(?e)) }",
    "labels": "SELECT ?e (MIN(STR(?l)) AS ?label) WHERE { ?e rdfs:label ?l } GROUP BY ?e",
    "aliases": "SELECT DISTINCT ?e ?a WHERE { ?e skos:altLabel ?a }",
    "roles": "SELECT DISTINCT ?e ?r WHERE { ?e schema:jobTitle ?r }",
    "status": "SELECT ?e (MIN(STR(?s)) AS ?status) WHERE { ?e rg:status ?s } GROUP BY ?e",
    "mentions": "SELECT DISTINCT ?e ?a WHERE { ?e rg:mentionedIn ?a }",
    "articles": """SELECT ?a (MIN(STR(?h)) AS ?headline) (MIN(STR(?d)) AS ?date) (MIN(STR(?p)) AS ?publisher)
      (MIN(STR(?r)) AS ?round) WHERE { ?a a schema:Article OPTIONAL { ?a schema:headline ?h }
      OPTIONAL { ?a schema:datePublished ?d } OPTIONAL { ?a schema:publisher ?p } OPTIONAL { ?a rg:round ?r } }
      GROUP BY ?a""",
    "relations": f"""SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {_RELATIONS} }} ?s ?p ?o
      FILTER (isIRI(?s) && isIRI(?o)) }}""",
    # every fact (or reified statement) behind a relation, read both ways round for symmetric ones
    "facts": f"""SELECT DISTINCT ?s ?p ?o ?f (MIN(STR(?c)) AS ?confidence) WHERE {{
      VALUES ?p {{ {_RELATIONS} }}
      {{ ?f rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} UNION
      {{ ?f rdf:subject ?o ; rdf:predicate ?p ; rdf:object ?s FILTER (?p IN ({_SYMMETRIC})) }}
      {{ ?f a rg:Fact }} UNION {{ ?f a rdf:Statement }}
      OPTIONAL {{ ?f rg:confidence ?c }} }} GROUP BY ?s ?p ?o ?f""",
    "fact_sentences": f"""SELECT DISTINCT ?f ?text (MIN(STR(?ctx)) AS ?context) (MIN(STR(?part)) AS ?partOf) WHERE {{
      {{ ?f a rg:Fact }} UNION {{ ?f a rdf:Statement }} ?f prov:wasDerivedFrom ?sent . {_SENTENCE} }}
      GROUP BY ?f ?sent ?text""",
    "statements": """SELECT ?st (MIN(STR(?sp)) AS ?speaker) (MIN(STR(?ab)) AS ?about) (MIN(STR(?tx)) AS ?words)
      (MIN(STR(?k)) AS ?kind) (MIN(STR(?sn)) AS ?stance) (MIN(STR(?c)) AS ?confidence) (MIN(STR(?r)) AS ?round)
      (MIN(STR(?sent)) AS ?sentence) WHERE { ?st a rg:Statement
      OPTIONAL { ?st rg:speaker ?sp } OPTIONAL { ?st rg:about ?ab } OPTIONAL { ?st rg:text ?tx }
      OPTIONAL { ?st rg:kind ?k } OPTIONAL { ?st rg:stance ?sn } OPTIONAL { ?st rg:confidence ?c }
      OPTIONAL { ?st rg:round ?r } OPTIONAL { ?st prov:wasDerivedFrom ?sent } } GROUP BY ?st""",
    "sentences": f"""SELECT ?sent (MIN(STR(?text)) AS ?words) (MIN(STR(?ctx)) AS ?context)
      (MIN(STR(?part)) AS ?partOf) WHERE {{ {{ ?x a rg:Statement }} UNION {{ ?x a rg:StatusClaim }}
      ?x prov:wasDerivedFrom ?sent . {_SENTENCE} }} GROUP BY ?sent""",
    "rounds": """SELECT ?r (MIN(STR(?l)) AS ?label) (MIN(?o) AS ?ordinal) (MIN(STR(?d)) AS ?start)
      (MIN(STR(?loc)) AS ?location) WHERE { ?r a rg:DialogueRound OPTIONAL { ?r rdfs:label ?l }
      OPTIONAL { ?r rg:ordinal ?o } OPTIONAL { ?r schema:startDate ?d } OPTIONAL { ?r schema:location ?loc } }
      GROUP BY ?r""",
    "claims": """SELECT ?claim (MIN(STR(?p)) AS ?person) (MIN(STR(?s)) AS ?status) (MIN(STR(?sent)) AS ?sentence)
      WHERE { ?claim a rg:StatusClaim ; rg:statusOf ?p ; rg:status ?s ; prov:wasDerivedFrom ?sent } GROUP BY ?claim""",
}


def _rows(store: Store, name: str) -> Iterable[tuple[Any, ...]]:
    for row in store.query(_PREFIXES + Q[name], timeout=None).rows:
        yield tuple(None if cell is None else cell.value for cell in row)  # type: ignore[union-attr]


def from_store(store: Store, *, min_confidence: float = 0.0) -> PageFacts:
    types: dict[str, set[Node]] = defaultdict(set)
    for e, t in _rows(store, "types"):
        types[e].add(URIRef(t))
    kinds = {e: k for e, ts in types.items() if (k := _kind(ts)) is not None}
    labels = dict(_rows(store, "labels"))
    aliases: dict[str, set[str]] = defaultdict(set)
    for e, a in _rows(store, "aliases"):
        aliases[e].add(a)
    roles: dict[str, list[str]] = defaultdict(list)
    for e, r in _rows(store, "roles"):
        roles[e].append(r)
    status = dict(_rows(store, "status"))
    mentions: dict[str, list[str]] = defaultdict(list)
    for e, a in _rows(store, "mentions"):
        mentions[e].append(a)
    articles = {a: {"id": a, "headline": h or "", "date": d or "", "publisher": p or "", "round": r or ""}
                for a, h, d, p, r in _rows(store, "articles")}

    def evidence(text: str | None, context: str | None, part: str | None) -> dict[str, str]:
        article = context or part
        info = articles.get(article) if article else None
        return {"sentence": text or "", "headline": info["headline"] if info else "",
                "date": info["date"] if info else "", "article": article or ""}

    nxg = nx.MultiDiGraph()
    for iri in sorted(kinds):
        nxg.add_node(iri, label=labels.get(iri) or _local(URIRef(iri)), kind=kinds[iri],
                     aliases=sorted(aliases[iri]), role="; ".join(sorted(roles[iri])) or None,
                     status=_local(URIRef(status[iri])) if iri in status else None,
                     articles=sorted(mentions[iri]))
    facts: dict[tuple[str, str, str], dict[str, float]] = defaultdict(dict)
    for s, p, o, f, c in _rows(store, "facts"):
        facts[(s, p, o)][f] = _confidence(c)
    sentences: dict[str, set[str]] = defaultdict(set)
    for f, text, context, part in _rows(store, "fact_sentences"):
        sentences[f].add(json.dumps(evidence(text, context, part)))
    for s, p, o in sorted(_rows(store, "relations")):
        name = _local_name(p)
        found = facts.get((s, p, o), {})
        confidence = max(found.values()) if found else 1.0
        if confidence < min_confidence:
            continue
        for end in (s, o):
            if end not in nxg:  # an endpoint with no entity type
                nxg.add_node(end, label=_local(URIRef(end)), kind="other", aliases=[], role=None,
                             status=None, articles=[])
        seen = {e for f in found for e in sentences.get(f, ())}
        nxg.add_edge(s, o, key=name, predicate=name, confidence=round(confidence, 4),
                     evidence=sorted((json.loads(e) for e in seen),
                                     key=lambda e: (e["date"], e["article"], e["sentence"])))
    cited = {sent: evidence(text, context, part) for sent, text, context, part in _rows(store, "sentences")}
    statements = []
    for st, speaker, about, words, kind, stance, conf, rnd, sentence in _rows(store, "statements"):
        statements.append({
            "id": st, "speaker": speaker or "", "speakerLabel": (labels.get(speaker) or speaker) if speaker else "",
            "about": about or "", "aboutLabel": (labels.get(about) or about) if about else "", "text": words or "",
            "kind": _local_name(kind) if kind else "", "stance": _local_name(stance) if stance else "",
            "confidence": float(conf) if conf is not None else None, "round": rnd or "",
            **(cited.get(sentence, NO_EVIDENCE) if sentence else NO_EVIDENCE)})
    rounds = [{"id": r, "label": label or r, "ordinal": int(o) if o is not None else None, "start": d or "",
               "location": loc or ""} for r, label, o, d, loc in _rows(store, "rounds")]
    history: dict[str, list[dict[str, str]]] = defaultdict(list)
    for _claim, person, st_iri, sentence in _rows(store, "claims"):
        history[person].append({"status": _local_name(st_iri), **cited.get(sentence, NO_EVIDENCE)})
    return PageFacts(network=nxg, articles=articles, statements=_sorted_statements(statements),
                     rounds=_sorted_rounds(rounds), history=_sorted_history(history))


def _confidence(value: str | None) -> float:
    try:
        return float(value) if value is not None else 1.0
    except ValueError:
        return 1.0
