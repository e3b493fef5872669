"""analyze: rdflib graph -> networkx entity network, statistics, exports, neighbourhoods."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Graph, Literal, URIRef

from rightsgraph.analyze import (
    GraphStats,
    NodeNotFoundError,
    find_node,
    graph_stats,
    neighbourhood,
    seed_layout,
    serialize_network,
    to_networkx,
)
from rightsgraph.errors import RightsgraphError
from rightsgraph.vocab import PROV, RDF, RDFS, RG, RGID, SCHEMA

SMALL = Path(__file__).parent / "data" / "small_graph.ttl"
ID = "https://w3id.org/rightsgraph/id/"
POSNER, KEGUI, HRW = ID + "person/michael-posner", ID + "person/chen-kegui", ID + "org/human-rights-watch"
SOPHIE, STATE, CHINA = ID + "person/sophie-richardson", ID + "org/us-department-of-state", ID + "org/china"


@pytest.fixture(scope="module")
def small() -> Graph:
    return Graph().parse(SMALL)


def test_analyze_nodes_carry_label_kind_aliases_role_status(small):
    nxg = to_networkx(small)
    assert nxg.number_of_nodes() == 9
    kinds = {n: k for n, k in nxg.nodes(data="kind")}
    assert kinds[POSNER] == "person"
    assert kinds[KEGUI] == "case"
    assert kinds[ID + "issue/tibet"] == "issue"
    assert kinds[ID + "event/us-china-human-rights-dialogue"] == "event"
    assert kinds[HRW] == "organization"
    posner = nxg.nodes[POSNER]
    assert (posner["label"], posner["aliases"], posner["role"]) == (
        "Michael Posner", ["Assistant Secretary Posner", "Posner"], "Assistant Secretary")
    assert nxg.nodes[KEGUI]["status"] == "Detained"
    assert posner["articles"] == [ID + "article/a1"]


def test_analyze_edges_carry_confidence_and_evidence(small):
    nxg = to_networkx(small)
    edges = {(u, k, v): d for u, v, k, d in nxg.edges(keys=True, data=True)}
    assert len(edges) == 6
    raised = edges[(POSNER, "raised", KEGUI)]
    assert raised["predicate"] == "raised"
    assert raised["confidence"] == 0.9
    assert raised["evidence"] == [{
        "sentence": "Assistant Secretary Michael Posner raised the case of Chen Kegui.",
        "headline": "Rights talks open in Washington",
        "date": "2012-07-24",
        "article": ID + "article/a1",
    }]
    asserted = edges[(POSNER, "memberOf", STATE)]  # plain triple, no rg:Fact behind it
    assert (asserted["confidence"], asserted["evidence"]) == (1.0, [])


def test_analyze_min_confidence_drops_edges_keeps_nodes(small):
    nxg = to_networkx(small, min_confidence=0.85)
    preds = sorted(p for _, _, p in nxg.edges(data="predicate"))
    assert preds == ["detainedBy", "memberOf", "memberOf", "raised", "relativeOf"]  # criticizes is 0.8
    assert nxg.number_of_nodes() == 9


def test_analyze_symmetric_fact_stated_the_other_way_round():
    g = Graph()
    a, b, fact = RGID["person/a"], RGID["person/b"], RGID["fact/m"]
    for node, name in ((a, "A"), (b, "B")):
        g.add((node, RDF.type, SCHEMA.Person))
        g.add((node, RDFS.label, Literal(name)))
    g.add((a, RG.metWith, b))
    for p, o in ((RDF.type, RG.Fact), (RDF.subject, b), (RDF.predicate, RG.metWith), (RDF.object, a),
                 (RG.confidence, Literal(0.6))):
        g.add((fact, p, o))
    (_, _, data), = to_networkx(g).edges(data=True)
    assert data["confidence"] == 0.6


def test_analyze_untyped_endpoint_becomes_other_node():
    g = Graph()
    g.add((RGID["person/a"], RDF.type, SCHEMA.Person))
    g.add((RGID["person/a"], RG.urges, URIRef(ID + "org/unknown")))
    nxg = to_networkx(g)
    assert nxg.nodes[ID + "org/unknown"]["kind"] == "other"


def test_analyze_graph_stats(small):
    stats = graph_stats(small, top=3)
    assert isinstance(stats, GraphStats)
    assert stats.entities == {"person": 2, "organization": 3, "event": 1, "case": 2, "issue": 1}
    assert stats.relations == {"raised": 1, "criticizes": 1, "memberOf": 2, "relativeOf": 1, "detainedBy": 1}
    assert stats.statements == {"Critical": 1}
    assert (stats.articles, stats.sentences, stats.facts) == (1, 2, 3)
    assert stats.components == 3
    assert stats.component_sizes == (5, 3, 1)
    top = [label for _, label, _ in stats.top_degree]
    assert top == ["Chen Kegui", "Michael Posner", "Sophie Richardson"]
    assert stats.top_betweenness[0][1] == "Chen Kegui"
    assert json.dumps(stats.as_dict())  # plain data


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_analyze_serialize_network_round_trips(small, fmt):
    text = serialize_network(to_networkx(small), fmt)
    assert text == serialize_network(to_networkx(small), fmt)  # deterministic
    assert "['" not in text and "None" not in text  # no Python reprs
    assert "lastmodifieddate" not in text
    reader = nx.read_graphml if fmt == "graphml" else nx.read_gexf
    back = reader(io.BytesIO(text.encode("utf-8")))
    assert back.number_of_nodes() == 9
    assert back.number_of_edges() == 6
    assert json.loads(back.nodes[POSNER]["aliases"]) == ["Assistant Secretary Posner", "Posner"]
    (edge,) = [d for u, v, d in back.edges(data=True) if u == POSNER and v == KEGUI]
    assert json.loads(edge["evidence"])[0]["headline"] == "Rights talks open in Washington"


def test_analyze_serialize_network_strips_xml_illegal_characters(small):
    g = Graph()
    g += small
    g.set((URIRef(POSNER), RDFS.label, Literal("Michael\x01Posner")))
    back = nx.read_graphml(io.BytesIO(serialize_network(to_networkx(g), "graphml").encode("utf-8")))
    assert back.nodes[POSNER]["label"] == "Michael\ufffdPosner"


def test_analyze_serialize_network_unknown_format(small):
    with pytest.raises(RightsgraphError, match="choose one of: gexf, graphml"):
        serialize_network(to_networkx(small), "dot")  # type: ignore[arg-type]


@pytest.mark.parametrize(("depth", "expected"), [
    (0, {POSNER}),
    (1, {POSNER, KEGUI, STATE}),
    (2, {POSNER, KEGUI, STATE, CHINA, ID + "person/chen-guangcheng"}),
])
def test_analyze_neighbourhood(small, depth, expected):
    assert set(neighbourhood(to_networkx(small), "Posner", depth)) == expected


def test_analyze_neighbourhood_negative_depth(small):
    with pytest.raises(RightsgraphError, match="depth"):
        neighbourhood(to_networkx(small), POSNER, -1)


@pytest.mark.parametrize(("name", "expected"), [
    (POSNER, POSNER), ("Michael Posner", POSNER), ("michael posner", POSNER), ("hrw", HRW),
    ("Beijing", CHINA),
])
def test_analyze_find_node(small, name, expected):
    assert find_node(to_networkx(small), name) == expected


def test_analyze_find_node_unknown_lists_close_matches(small):
    with pytest.raises(NodeNotFoundError, match=r'no entity named "Posnr".*close matches: Posner'):
        find_node(to_networkx(small), "Posnr")
    assert issubclass(NodeNotFoundError, RightsgraphError)


def test_analyze_seed_layout_deterministic_and_distinct(small):
    nxg = to_networkx(small)
    pos = seed_layout(nxg)
    assert set(pos) == set(nxg)
    assert len(set(pos.values())) == len(pos)
    assert pos == seed_layout(to_networkx(Graph().parse(SMALL)))
    # each component is packed on its own: Posner starts nearer Chen Kegui than the other component
    def dist(a, b):
        return ((pos[a][0] - pos[b][0]) ** 2 + (pos[a][1] - pos[b][1]) ** 2) ** 0.5
    assert dist(POSNER, KEGUI) < dist(POSNER, SOPHIE)


def test_analyze_ignores_provenance_nodes(small):
    nodes = set(to_networkx(small))
    for part in ("/sentence/", "/fact/", "/statement/", "/article/"):
        assert not [n for n in nodes if part in n]
    assert {str(s) for s in small.subjects(PROV.wasDerivedFrom, None)}.isdisjoint(nodes)
