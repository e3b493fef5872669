"""rdflib.Graph -> networkx: the entity network, its statistics and exports (networkx lives only here).

Nodes are entities keyed by IRI string; edges are the plain ``s rg:P o`` triples (one edge per
triple, multigraph key = predicate local name). Evidence and confidence come from the reified
``rg:Fact`` nodes that carry the same subject/predicate/object. A plain triple with no Fact is an
asserted relation (e.g. an affiliation printed with a name): confidence 1.0, no evidence.
"""

from __future__ import annotations

import difflib
import json
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, Literal

import networkx as nx
from networkx.readwrite.gexf import GEXFWriter
from rdflib import Graph, URIRef
from rdflib import Literal as RDFLiteral
from rdflib.term import Node

from .errors import NodeNotFoundError, RightsgraphError
from .vocab import NIF, PREDICATES, PROV, RDF, RDFS, RG, SCHEMA, SKOS, SYMMETRIC

if TYPE_CHECKING:
    from .store import Store

__all__ = [
    "KINDS", "GraphStats", "NodeNotFoundError", "article_index", "entity_kinds", "sentence_evidence",
    "to_networkx", "centrality", "seed_layout", "graph_stats", "serialize_network", "neighbourhood",
    "find_node",
]

#: entity kinds in legend order ("case" = a person whose rights are at stake)
KINDS: tuple[str, ...] = ("person", "organization", "event", "case", "issue")
ACTOR_KINDS = frozenset({"person", "organization", "case"})
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")




def _local(term: Node) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1]


def _kind(types: set[Node]) -> str | None:
    if RG.DialogueRound in types:
        return None  # a round is a time, not an actor: the page's round filter and timeline show it
    if RG.Issue in types:
        return "issue"
    if RG.Case in types:
        return "case"
    if SCHEMA.Person in types:
        return "person"
    if SCHEMA.Organization in types:
        return "organization"
    if SCHEMA.Event in types or RG.Dialogue in types:
        return "event"
    return None


def entity_kinds(graph: Graph) -> dict[URIRef, str]:
    """Every typed entity IRI in `graph` -> its kind (one of KINDS)."""
    types: dict[URIRef, set[Node]] = defaultdict(set)
    for s, t in graph.subject_objects(RDF.type):
        if isinstance(s, URIRef):
            types[s].add(t)
    kinds = {s: _kind(ts) for s, ts in types.items()}
    return {s: k for s, k in kinds.items() if k is not None}


def _first(values: Iterable[Node]) -> Node | None:
    """The least of several values (by their string), so a property given twice (two articles
    disagreeing on a status) reads the same every time and on every backend."""
    return min(values, key=str, default=None)


def _float(value: Node | None, default: float) -> float:
    if isinstance(value, RDFLiteral):
        try:
            return float(value.toPython())
        except (TypeError, ValueError):
            return default
    return default


def article_index(graph: Graph) -> dict[Node, dict[str, str]]:
    """Every schema:Article -> {id, headline, date, publisher, round} (empty strings where unknown)."""
    out: dict[Node, dict[str, str]] = {}
    for a in sorted(graph.subjects(RDF.type, SCHEMA.Article), key=str):
        out[a] = {
            "id": str(a),
            "headline": str(_first(graph.objects(a, SCHEMA.headline)) or ""),
            "date": str(_first(graph.objects(a, SCHEMA.datePublished)) or ""),
            "publisher": str(_first(graph.objects(a, SCHEMA.publisher)) or ""),
            "round": min((str(r) for r in graph.objects(a, RG.round)), default=""),
        }
    return out


def sentence_evidence(
    graph: Graph, sentence: Node, articles: Mapping[Node, Mapping[str, str]]
) -> dict[str, str]:
    """{sentence, headline, date, article} for one nif sentence node."""
    article = _first(graph.objects(sentence, NIF.referenceContext)) or _first(graph.objects(sentence, SCHEMA.isPartOf))
    info = articles.get(article) if article is not None else None
    return {
        "sentence": str(_first(graph.objects(sentence, NIF.anchorOf)) or ""),
        "headline": info["headline"] if info else "",
        "date": info["date"] if info else "",
        "article": str(article) if article is not None else "",
    }


def _facts(graph: Graph) -> dict[tuple[Node, Node, Node], list[Node]]:
    facts: dict[tuple[Node, Node, Node], list[Node]] = defaultdict(list)
    nodes = set(graph.subjects(RDF.type, RG.Fact)) | set(graph.subjects(RDF.type, RDF.Statement))
    for f in nodes:
        s, p, o = graph.value(f, RDF.subject), graph.value(f, RDF.predicate), graph.value(f, RDF.object)
        if s is not None and p is not None and o is not None:
            facts[(s, p, o)].append(f)
    return facts


def to_networkx(graph: Graph, *, min_confidence: float = 0.0) -> nx.MultiDiGraph:
    """The entity network of `graph`; edges below `min_confidence` are left out (nodes stay)."""
    kinds = entity_kinds(graph)
    articles = article_index(graph)
    facts = _facts(graph)
    nxg = nx.MultiDiGraph()
    for iri in sorted(kinds, key=str):
        role = sorted(str(r) for r in graph.objects(iri, SCHEMA.jobTitle))
        status = _first(graph.objects(iri, RG.status))
        nxg.add_node(
            str(iri),
            label=str(_first(graph.objects(iri, RDFS.label)) or _local(iri)),
            kind=kinds[iri],
            aliases=sorted({str(a) for a in graph.objects(iri, SKOS.altLabel)}),
            role="; ".join(role) or None,
            status=_local(status) if status is not None else None,
            articles=sorted(str(a) for a in graph.objects(iri, RG.mentionedIn)),
        )
    triples = []
    for name in PREDICATES:
        for s, o in graph.subject_objects(RG[name]):
            if isinstance(s, URIRef) and isinstance(o, URIRef):
                triples.append((str(s), name, str(o), s, o))
    for s_str, name, o_str, s, o in sorted(triples, key=lambda t: t[:3]):
        found = list(facts.get((s, RG[name], o), []))
        if name in SYMMETRIC:
            found += facts.get((o, RG[name], s), [])
        confs = [_float(_first(graph.objects(f, RG.confidence)), 1.0) for f in found]
        confidence = max(confs) if confs else 1.0
        if confidence < min_confidence:
            continue
        evidence = {
            json.dumps(sentence_evidence(graph, sent, articles))
            for f in found for sent in graph.objects(f, PROV.wasDerivedFrom)
        }
        for end in (s_str, o_str):
            if end not in nxg:  # an endpoint with no entity type
                nxg.add_node(end, label=_local(URIRef(end)), kind="other", aliases=[], role=None,
                             status=None, articles=[])
        nxg.add_edge(
            s_str, o_str, key=name, predicate=name, confidence=round(confidence, 4),
            evidence=sorted((json.loads(e) for e in evidence),
                            key=lambda e: (e["date"], e["article"], e["sentence"])),
        )
    return nxg


def centrality(nxg: nx.MultiDiGraph) -> dict[str, float]:
    """Degree centrality (every relation counts, direction ignored), 0.0 for a one-node graph."""
    if nxg.number_of_nodes() < 2:
        return {n: 0.0 for n in nxg}
    return {n: float(v) for n, v in nx.degree_centrality(nxg).items()}


def seed_layout(nxg: nx.MultiDiGraph, *, spacing: float = 45.0) -> dict[str, tuple[float, float]]:
    """Deterministic starting positions for the page's physics, so a bounded number of
    iterations gives a readable layout: each connected component is walked breadth-first from
    its best-connected node and laid along its own sunflower spiral (neighbours start near each
    other), and the components are packed in rows, largest first."""
    und = nxg.to_undirected(as_view=True)
    comps = sorted(nx.connected_components(und), key=lambda c: (-len(c), min(c)))
    golden = math.pi * (3 - math.sqrt(5))
    row_width = spacing * 3 * math.sqrt(max(len(und), 1))
    pos: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for comp in comps:
        root = min(comp, key=lambda n: (-und.degree(n), n))
        order = [root, *(child for _, child in nx.bfs_edges(und, root, sort_neighbors=sorted))]
        radius = spacing * (math.sqrt(len(order)) + 0.5)
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        cx, cy = x + radius, y + radius
        for i, n in enumerate(order):
            r, a = spacing * math.sqrt(i), i * golden
            pos[n] = (cx + r * math.cos(a), cy + r * math.sin(a))
        x, row_height = x + 2 * radius, max(row_height, 2 * radius)
    if not pos:
        return {}
    mx = sum(p[0] for p in pos.values()) / len(pos)
    my = sum(p[1] for p in pos.values()) / len(pos)
    return {n: (round(px - mx, 1), round(py - my, 1)) for n, (px, py) in pos.items()}


def _betweenness(nxg: nx.MultiDiGraph) -> dict[str, float]:
    simple = nx.Graph(nxg.to_undirected(as_view=True))
    k = None if simple.number_of_nodes() <= 1000 else 500  # sampled (seeded) on big graphs
    return {n: float(v) for n, v in nx.betweenness_centrality(simple, k=k, seed=0).items()}


@dataclass(frozen=True)
class GraphStats:
    """Counts and central actors of one graph. Rankings are (iri, label, score), best first."""

    entities: dict[str, int]  # kind -> count
    relations: dict[str, int]  # predicate -> count
    statements: dict[str, int]  # stance local name -> count
    articles: int
    sentences: int
    facts: int
    top_degree: tuple[tuple[str, str, float], ...]
    top_betweenness: tuple[tuple[str, str, float], ...]
    components: int
    component_sizes: tuple[int, ...]  # largest first

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _top(nxg: nx.MultiDiGraph, scores: dict[str, float], n: int) -> tuple[tuple[str, str, float], ...]:
    actors = [i for i in scores if nxg.nodes[i]["kind"] in ACTOR_KINDS]
    ranked = sorted(actors, key=lambda i: (-scores[i], nxg.nodes[i]["label"], i))[:n]
    return tuple((i, nxg.nodes[i]["label"], round(scores[i], 6)) for i in ranked)


_COUNTS = """PREFIX rg: <https://w3id.org/rightsgraph/ns#> PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
SELECT ?what ?n WHERE {
  { SELECT ("articles" AS ?what) (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:Article } }
  UNION { SELECT ("sentences" AS ?what) (COUNT(DISTINCT ?s) AS ?n) WHERE { ?x prov:wasDerivedFrom ?s } }
  UNION { SELECT ("facts" AS ?what) (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a rg:Fact } }
}"""
_STANCES = """PREFIX rg: <https://w3id.org/rightsgraph/ns#>
SELECT ?stance (COUNT(DISTINCT ?st) AS ?n) WHERE { ?st a rg:Statement ; rg:stance ?stance } GROUP BY ?stance"""


_ENTITIES = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?e ?type (SAMPLE(?l) AS ?label) WHERE { ?e a ?type ; rdfs:label ?l } GROUP BY ?e ?type"""
_EDGES = """PREFIX rg: <https://w3id.org/rightsgraph/ns#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
SELECT ?s ?p ?o (MAX(?c) AS ?confidence) WHERE {
  VALUES ?p { rg:raised rg:criticizes rg:defends rg:metWith rg:memberOf rg:relativeOf rg:urges rg:detainedBy rg:leads }
  ?s ?p ?o FILTER (isIRI(?o))
  OPTIONAL { { ?f rdf:object ?o ; rdf:subject ?s ; rdf:predicate ?p } UNION
             { ?f rdf:object ?s ; rdf:subject ?o ; rdf:predicate ?p FILTER (?p IN (rg:metWith, rg:relativeOf)) }
             ?f rg:confidence ?c }
} GROUP BY ?s ?p ?o"""


def _stats_network(store: Store, min_confidence: float) -> nx.MultiDiGraph:
    """The entity network from two SELECTs (entities with kind and label; relations with their
    best confidence): only what centrality and components need, never an rdflib copy."""
    types: dict[str, set[Node]] = defaultdict(set)
    labels: dict[str, str] = {}
    for e, t, label in store.query(_ENTITIES, timeout=None).rows:
        if e is not None and t is not None:
            types[e.value].add(URIRef(t.value))  # type: ignore[union-attr]
            labels[e.value] = label.value if label is not None else _local(URIRef(e.value))  # type: ignore[union-attr]
    nxg = nx.MultiDiGraph()
    for iri in sorted(types):
        kind = _kind(types[iri])
        if kind is not None:
            nxg.add_node(iri, label=labels[iri], kind=kind)
    for s, p, o, c in store.query(_EDGES, timeout=None).rows:
        confidence = float(c.value) if c is not None else 1.0  # type: ignore[union-attr]
        if confidence < min_confidence:
            continue
        for end in (s.value, o.value):  # type: ignore[union-attr]
            if end not in nxg:
                nxg.add_node(end, label=_local(URIRef(end)), kind="other")
        name = _local(URIRef(p.value))  # type: ignore[union-attr]
        nxg.add_edge(s.value, o.value, key=name, predicate=name)  # type: ignore[union-attr]
    return nxg


def graph_stats(source: Store | Graph, *, top: int = 10, min_confidence: float = 0.0) -> GraphStats:
    """Counts by entity kind, predicate and stance; the `top` central actors (persons,
    organizations, case persons) by degree and betweenness; weakly connected components.
    Counts are aggregates in the store's engine; the network comes from two SELECTs."""
    from .query import as_store

    store = as_store(source)
    nxg = _stats_network(store, min_confidence)
    kinds = Counter(k for _, k in nxg.nodes(data="kind"))
    preds = Counter(p for _, _, p in nxg.edges(data="predicate"))
    counts = {str(w.value): int(n.value) for w, n in store.query(_COUNTS).rows}  # type: ignore[union-attr]
    stances = {_local(URIRef(s.value)): int(n.value) for s, n in store.query(_STANCES).rows}  # type: ignore[union-attr]
    sizes = sorted((len(c) for c in nx.weakly_connected_components(nxg)), reverse=True)
    return GraphStats(
        entities={k: kinds[k] for k in (*KINDS, "other") if kinds[k]},
        relations={p: preds[p] for p in PREDICATES if preds[p]},
        statements=dict(sorted(stances.items())),
        articles=counts.get("articles", 0),
        sentences=counts.get("sentences", 0),
        facts=counts.get("facts", 0),
        top_degree=_top(nxg, centrality(nxg), top),
        top_betweenness=_top(nxg, _betweenness(nxg), top),
        components=len(sizes),
        component_sizes=tuple(sizes),
    )


def _plain(value: Any) -> str | float | int | bool:
    """A value GraphML/GEXF writers and readers accept: lists/dicts become JSON text."""
    if isinstance(value, (bool, int, float)):
        return value
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, sort_keys=True)
    return _XML_BAD.sub("\ufffd", text)


def serialize_network(nxg: nx.MultiDiGraph, fmt: Literal["graphml", "gexf"]) -> str:
    """The entity network (:func:`to_networkx`) as GraphML or GEXF text. List attributes
    (aliases, articles, evidence) are JSON strings; missing values are omitted; edge ids are
    e0, e1, ... in sorted order."""
    if fmt not in ("graphml", "gexf"):
        raise RightsgraphError(f'unknown network format "{fmt}"; choose one of: gexf, graphml')
    out = nx.MultiDiGraph()
    for n, data in nxg.nodes(data=True):
        out.add_node(n, **{k: _plain(v) for k, v in data.items() if v is not None})
    for i, (u, v, data) in enumerate(nxg.edges(data=True)):
        attrs = {k: _plain(val) for k, val in data.items() if val is not None}
        if fmt == "gexf":
            attrs.update(id=f"e{i}", label=data["predicate"])
        out.add_edge(u, v, key=f"e{i}", **attrs)
    if fmt == "graphml":
        return "\n".join(nx.generate_graphml(out)) + "\n"
    writer = GEXFWriter(version="1.2draft")
    meta = writer.xml.find("meta")
    if meta is not None:  # today's date would make the same graph export differently tomorrow
        meta.attrib.pop("lastmodifieddate", None)
    writer.add_graph(out)
    return str(writer) + "\n"


def find_node(nxg: nx.MultiDiGraph, name: str) -> str:
    """The node id for an IRI, label or alias (case-insensitive; labels win over aliases)."""
    if name in nxg:
        return name
    want = name.casefold().strip()
    by_label = sorted(n for n, lab in nxg.nodes(data="label") if lab.casefold() == want)
    if by_label:
        return by_label[0]
    by_alias = sorted(n for n, al in nxg.nodes(data="aliases") if want in {a.casefold() for a in al})
    if by_alias:
        return by_alias[0]
    names = sorted({nm for _, d in nxg.nodes(data=True) for nm in (d["label"], *d["aliases"])})
    close = difflib.get_close_matches(name, names, n=5, cutoff=0.5)
    if not close:
        lowered = [nm for nm in names if want and (want in nm.casefold() or nm.casefold() in want)]
        close = lowered[:5]
    hint = f"close matches: {', '.join(close)}" if close else \
        f"try a label, alias or IRI such as \"{names[0]}\"" if names else "the graph has no entities"
    raise NodeNotFoundError(f'no entity named "{name}" in the graph; {hint}')


def neighbourhood(nxg: nx.MultiDiGraph, node: str, depth: int = 1) -> nx.MultiDiGraph:
    """Entities within `depth` relations of `node` (label, alias or IRI), direction ignored."""
    if depth < 0:
        raise RightsgraphError(f"neighbourhood depth must be 0 or more, got {depth}")
    centre = find_node(nxg, node)
    return nx.ego_graph(nxg, centre, radius=depth, undirected=True).copy()
