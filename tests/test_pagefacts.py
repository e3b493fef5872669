"""pagefacts.py: the page's facts read by SELECTs in the store's engine equal those read from an
rdflib copy of the same store (the built test corpus, with rounds, status claims and symmetric facts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsgraph import pagefacts
from rightsgraph.render import page_data
from rightsgraph.store import Store, open_store
from rightsgraph.store.network import network_graph

CORPUS = Path(__file__).parent / "data" / "expected" / "corpus.ttl"
SAMPLE = Path(__file__).parent.parent / "graph" / "rightsgraph.ttl"


@pytest.fixture(params=[CORPUS, SAMPLE], ids=["test-corpus", "sample"])
def store(request: pytest.FixtureRequest) -> Store:
    s = open_store("memory")
    s.load_file(request.param)  # type: ignore[attr-defined]
    return s


def _network(facts: pagefacts.PageFacts) -> tuple[list, list]:
    g = facts.network
    edges = sorted((u, v, k, sorted(d.items())) for u, v, k, d in g.edges(keys=True, data=True))
    return sorted(g.nodes(data=True)), edges


@pytest.mark.parametrize("min_confidence", [0.0, 0.8])
def test_pagefacts_store_and_graph_agree(store: Store, min_confidence: float) -> None:
    from_store = pagefacts.from_store(store, min_confidence=min_confidence)
    from_graph = pagefacts.from_graph(network_graph(store), min_confidence=min_confidence)
    assert _network(from_store) == _network(from_graph)
    assert from_store.articles == from_graph.articles
    assert from_store.statements == from_graph.statements
    assert from_store.rounds == from_graph.rounds
    assert from_store.history == from_graph.history
    assert from_store.network.number_of_edges() > 0 and from_store.statements


def test_pagefacts_page_data_from_store_equals_from_graph(store: Store) -> None:
    assert page_data(store, title="t") == page_data(network_graph(store), title="t")


def test_pagefacts_corpus_has_what_the_views_need() -> None:
    s = open_store("memory")
    s.load_file(CORPUS)  # type: ignore[attr-defined]
    facts = pagefacts.from_store(s)
    assert [r["ordinal"] for r in facts.rounds] == [17, 18]
    assert {st["round"] for st in facts.statements} == {r["id"] for r in facts.rounds}
    kegui = facts.history["https://w3id.org/rightsgraph/id/person/chen-kegui"]
    assert [c["status"] for c in kegui] == ["Detained"] and kegui[0]["sentence"] and kegui[0]["date"]
