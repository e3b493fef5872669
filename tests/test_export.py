"""export.py: every format parses back to the same graph; Turtle is stable; unknown formats."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from rightsgraph.errors import ExportError
from rightsgraph.export import EXPORT_FORMATS, FORMATS, export, serialize
from rightsgraph.store import Store, replace_articles
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


def _export(store: Store, fmt: str) -> bytes:
    out = io.BytesIO()
    export(store, out, fmt)
    return out.getvalue()


@pytest.mark.parametrize("fmt", sorted(PARSE_AS))
def test_export_graph_round_trips(small: Graph, fmt: str) -> None:
    back = Graph().parse(data=serialize(small, fmt), format=PARSE_AS[fmt])
    assert isomorphic(back, small)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_export_store_streams_the_union(store: Store, built: Dataset, small: Graph, fmt: str) -> None:
    replace_articles(store, built)
    back = Graph().parse(data=_export(store, fmt), format=PARSE_AS[fmt])
    assert isomorphic(back, small)


@pytest.mark.parametrize(("fmt", "parse_as"), [("trig", "trig"), ("nquads", "nquads")])
def test_export_store_datasets_keep_article_graphs(store: Store, built: Dataset, fmt: str, parse_as: str) -> None:
    replace_articles(store, built)
    back = Dataset().parse(data=_export(store, fmt), format=parse_as)
    for name in (A1, VOCAB):
        assert isomorphic(back.graph(name), built.graph(name))
    assert len(back.default_graph) == 0  # the union is derived on load, not written twice


def test_export_turtle_of_store_uses_prefixes(store: Store, built: Dataset) -> None:
    replace_articles(store, built)
    text = _export(store, "turtle").decode("utf-8")
    assert "@prefix rg: <https://w3id.org/rightsgraph/ns#> ." in text and "\\/" not in text


def test_export_trig_of_rdflib_dataset_keeps_named_graphs(built: Dataset) -> None:
    back = Dataset().parse(data=serialize(built, "trig"), format="trig")
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
def test_export_network_formats_from_store_match_the_graph(store: Store, built: Dataset, small: Graph,
                                                           fmt: str) -> None:
    replace_articles(store, built)
    assert _export(store, fmt).decode("utf-8") == serialize(small, fmt)
    assert fmt in FORMATS and fmt in EXPORT_FORMATS


def test_export_unknown_store_format_lists_formats(store: Store) -> None:
    with pytest.raises(ExportError, match='unknown export format "rdfxml"; use one of: turtle, nt, nquads'):
        export(store, io.BytesIO(), "rdfxml")
