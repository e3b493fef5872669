"""store.py: Oxigraph and memory Datasets, replacing article graphs, the union view."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from rightsgraph.errors import StoreError
from rightsgraph.store import (
    DEFAULT_STORE,
    close_store,
    open_store,
    replace_articles,
    to_memory,
    union_graph,
)
from rightsgraph.vocab import RDFS, RG, RGID

SMALL = Path(__file__).parent / "data" / "small_graph.ttl"
A1, VOCAB = RGID["article/a1"], RGID["graph/vocabulary"]
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture
def small() -> Graph:
    return Graph().parse(SMALL)


@pytest.fixture
def built(small_dataset: Dataset) -> Dataset:
    return small_dataset


@pytest.fixture(params=["oxigraph", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Dataset]:
    ds = open_store(tmp_path / "store", backend=request.param)
    yield ds
    close_store(ds)


def _count(ds: Dataset) -> int:
    return int(next(iter(ds.query(COUNT_QUADS)))[0])  # type: ignore[index]


def test_store_open_oxigraph_creates_missing_folders(tmp_path: Path) -> None:
    location = tmp_path / "graph" / ".store"
    ds = open_store(location)
    close_store(ds)
    assert location.is_dir()


def test_store_default_location_is_graph_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    close_store(open_store())
    assert (tmp_path / DEFAULT_STORE).is_dir()


def test_store_replace_articles_twice_does_not_duplicate(store: Dataset, built: Dataset) -> None:
    first = replace_articles(store, built)
    second = replace_articles(store, built)
    assert first == second == 98
    assert _count(store) == 98
    assert {g.identifier for g in store.graphs() if len(g)} == {A1, VOCAB}


def test_store_replace_articles_drops_facts_no_longer_built(store: Dataset, built: Dataset) -> None:
    replace_articles(store, built)
    built.graph(A1).remove((None, RG.raised, None))
    replace_articles(store, built)
    assert not store.query("PREFIX rg: <https://w3id.org/rightsgraph/ns#> ASK { ?s rg:raised ?o }").askAnswer
    assert store.query("ASK { ?s <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?o }").askAnswer


def test_store_union_default_graph_sees_every_article(store: Dataset) -> None:
    built = Dataset()
    for n in (1, 2):
        built.graph(RGID[f"article/a{n}"]).add((RGID[f"person/p{n}"], RDFS.label, Literal(f"P{n}")))
    replace_articles(store, built)
    rows = store.query("SELECT DISTINCT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }")
    assert sorted(str(r[0]) for r in rows) == ["P1", "P2"]  # type: ignore[index]


def test_store_oxigraph_persists_after_close(tmp_path: Path, built: Dataset) -> None:
    ds = open_store(tmp_path / "s")
    replace_articles(ds, built)
    close_store(ds)
    again = open_store(tmp_path / "s")
    assert _count(again) == 98
    close_store(again)


def test_store_locked_by_another_process(tmp_path: Path) -> None:
    location = tmp_path / "s"
    holder = subprocess.Popen(
        [sys.executable, "-c", f"import pyoxigraph, sys; s = pyoxigraph.Store({str(location)!r}); "
         "print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process"):
            open_store(location)
    finally:
        holder.communicate("")
    close_store(open_store(location))  # the lock is gone with the other process


def test_store_location_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "store").write_text("not a store")
    with pytest.raises(StoreError, match="not a directory"):
        open_store(tmp_path / "store")


def test_store_unknown_backend_lists_backends() -> None:
    with pytest.raises(StoreError, match="use one of: oxigraph, memory"):
        open_store(backend="sqlite")  # type: ignore[arg-type]


def test_store_union_graph_is_plain_graph_with_prefixes(store: Dataset, built: Dataset, small: Graph) -> None:
    replace_articles(store, built)
    union = union_graph(store)
    assert type(union) is Graph
    assert isomorphic(union, small)  # also: no "x"^^xsd:string left from Oxigraph
    assert dict(union.namespaces())["rgid"] == URIRef(str(RGID))


def test_store_to_memory_keeps_named_graphs(store: Dataset, built: Dataset) -> None:
    replace_articles(store, built)
    copy = to_memory(store)
    for name in (A1, VOCAB):
        assert isomorphic(copy.graph(name), built.graph(name))
