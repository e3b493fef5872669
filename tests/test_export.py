"""export.py: every format parses back to the same graph; Turtle is stable; unknown formats."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from rightsgraph.errors import ExportError
from rightsgraph.export import FORMATS, serialize
from rightsgraph.store import close_store, open_store, replace_articles
from rightsgraph.vocab import RGID

SMALL = Path(__file__).parent / "data" / "small_graph.ttl"
A1, VOCAB = RGID["article/a1"], RGID["graph/vocabulary"]
PARSE_AS = {"turtle": "turtle", "longturtle": "turtle", "nt": "nt", "json-ld": "json-ld"}


@pytest.fixture
def small() -> Graph:
    return Graph().parse(SMALL)


@pytest.fixture
def built(small_dataset: Dataset) -> Dataset:
    return small_dataset


@pytest.fixture(params=["oxigraph", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path, built: Dataset) -> Iterator[Dataset]:
    ds = open_store(tmp_path / "store", backend=request.param)
    replace_articles(ds, built)
    yield ds
    close_store(ds)


@pytest.mark.parametrize("fmt", sorted(PARSE_AS))
def test_export_graph_round_trips(small: Graph, fmt: str) -> None:
    back = Graph().parse(data=serialize(small, fmt), format=PARSE_AS[fmt])
    assert isomorphic(back, small)


@pytest.mark.parametrize("fmt", sorted(PARSE_AS))
def test_export_store_writes_union_of_graphs(store: Dataset, small: Graph, fmt: str) -> None:
    back = Graph().parse(data=serialize(store, fmt), format=PARSE_AS[fmt])
    assert isomorphic(back, small)


def test_export_trig_keeps_named_graphs(store: Dataset, built: Dataset) -> None:
    back = Dataset().parse(data=serialize(store, "trig"), format="trig")
    for name in (A1, VOCAB):
        assert isomorphic(back.graph(name), built.graph(name))


def test_export_trig_of_plain_graph_uses_default_graph(small: Graph) -> None:
    back = Dataset().parse(data=serialize(small, "trig"), format="trig")
    assert isomorphic(back.default_graph, small)


@pytest.mark.parametrize("fmt", ["turtle", "nt"])
def test_export_text_does_not_depend_on_insertion_order(small: Graph, fmt: str) -> None:
    reordered = Graph()
    for triple in sorted(small, reverse=True):
        reordered.add(triple)
    assert serialize(reordered, fmt) == serialize(small, fmt)


def test_export_turtle_uses_project_prefixes(small: Graph) -> None:
    text = serialize(small, "turtle")
    assert "PREFIX rg: <https://w3id.org/rightsgraph/ns#>" in text


def test_export_unknown_format_lists_formats(small: Graph) -> None:
    with pytest.raises(ExportError, match='unknown export format "rdfxml"; use one of: turtle, longturtle'):
        serialize(small, "rdfxml")


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_network_formats_delegate_to_analyze(
    small: Graph, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import rightsgraph.analyze

    seen: list[tuple[int, str]] = []
    monkeypatch.setattr(rightsgraph.analyze, "serialize_network",
                        lambda graph, f: seen.append((len(graph), f)) or "<network/>")
    assert serialize(small, fmt) == "<network/>"
    assert seen == [(len(small), fmt)]
    assert fmt in FORMATS
