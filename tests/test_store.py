"""store/: the same layout and answers on disk, in memory and on a real Oxigraph server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from rightsgraph.errors import QueryError, StoreError
from rightsgraph.store import (
    DEFAULT_STORE,
    LocalStore,
    Store,
    memory_store,
    open_store,
    remove_articles,
    replace_articles,
    union_graph,
)
from rightsgraph.store.remote import endpoints
from rightsgraph.vocab import RDFS, RG, RGID

SMALL = Path(__file__).parent / "data" / "small_graph.ttl"
A1, VOCAB = RGID["article/a1"], RGID["graph/vocabulary"]
COUNT_QUADS = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_UNION = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
LABEL = "http://www.w3.org/2000/01/rdf-schema#label"


@pytest.fixture
def small() -> Graph:
    return Graph().parse(SMALL)


def _count(store: Store, sparql: str = COUNT_QUADS) -> int:
    return int(store.query(sparql).rows[0][0].value)  # type: ignore[union-attr]


def _two_articles(shared: str = "Shared") -> Dataset:
    built = Dataset()
    for n in (1, 2):
        g = built.graph(RGID[f"article/a{n}"])
        g.add((RGID[f"person/p{n}"], RDFS.label, Literal(f"P{n}")))
        g.add((RGID["person/shared"], RDFS.label, Literal(shared)))
    return built


def test_store_open_creates_missing_folders(tmp_path: Path) -> None:
    location = tmp_path / "graph" / ".store"
    open_store(location).close()
    assert location.is_dir()


def test_store_default_location_is_graph_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("RIGHTSGRAPH_STORE", raising=False)
    open_store().close()
    assert (tmp_path / DEFAULT_STORE).is_dir()


def test_store_environment_variable_sets_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RIGHTSGRAPH_STORE", str(tmp_path / "elsewhere"))
    with open_store() as store:
        assert store.location == str(tmp_path / "elsewhere")
    monkeypatch.setenv("RIGHTSGRAPH_STORE", "memory")
    assert open_store().location == "memory"


def test_store_replace_articles_twice_does_not_duplicate(store: Store, small_dataset: Dataset) -> None:
    first = replace_articles(store, small_dataset)
    second = replace_articles(store, small_dataset)
    assert first == second == 104
    assert _count(store) == 104
    assert _count(store, COUNT_UNION) == 104
    assert store.graph_names() == sorted([str(A1), str(VOCAB)])


def test_store_union_is_deduplicated(store: Store) -> None:
    replace_articles(store, _two_articles())
    assert _count(store) == 4  # each article graph holds the shared label
    assert _count(store, COUNT_UNION) == 3  # the union holds it once
    rows = store.query(f"SELECT ?l WHERE {{ <{RGID['person/shared']}> <{LABEL}> ?l }}").rows
    assert [r[0].value for r in rows] == ["Shared"]  # type: ignore[union-attr]


def test_store_replace_keeps_facts_another_article_supports(store: Store) -> None:
    replace_articles(store, _two_articles())
    rebuilt = Dataset()
    rebuilt.graph(RGID["article/a1"]).add((RGID["person/p1"], RDFS.label, Literal("P1")))
    replace_articles(store, rebuilt)  # a1 no longer mentions the shared entity; a2 still does
    labels = sorted(r[0].value for r in store.query(f"SELECT ?l WHERE {{ ?s <{LABEL}> ?l }}").rows)  # type: ignore[union-attr]
    assert labels == ["P1", "P2", "Shared"]


def test_store_replace_drops_facts_no_longer_built(store: Store, small_dataset: Dataset) -> None:
    replace_articles(store, small_dataset)
    small_dataset.graph(A1).remove((None, RG.raised, None))
    replace_articles(store, small_dataset)
    assert store.query("PREFIX rg: <https://w3id.org/rightsgraph/ns#> ASK { ?s rg:raised ?o }").boolean is False
    assert store.query("ASK { ?s <http://www.w3.org/2000/01/rdf-schema#subClassOf> ?o }").boolean is True


def test_store_remove_articles_removes_what_only_they_supported(store: Store) -> None:
    replace_articles(store, _two_articles())
    assert remove_articles(store, [str(RGID["article/a2"]), "https://example.org/not-there"]) == [
        str(RGID["article/a2"])]
    labels = sorted(r[0].value for r in store.query(f"SELECT ?l WHERE {{ ?s <{LABEL}> ?l }}").rows)  # type: ignore[union-attr]
    assert labels == ["P1", "Shared"]
    remove_articles(store, [str(RGID["article/a1"])])
    assert _count(store, COUNT_UNION) == 0
    assert store.graph_names() == []


def test_store_union_graph_round_trips(store: Store, small_dataset: Dataset, small: Graph) -> None:
    replace_articles(store, small_dataset)
    union = union_graph(store)
    assert isomorphic(union, small)  # also: no "x"^^xsd:string left from Oxigraph
    assert dict(union.namespaces())["rgid"] == URIRef(str(RGID))


def test_store_query_bindings_are_bound_by_the_engine(store: Store, small_dataset: Dataset) -> None:
    import pyoxigraph as ox

    replace_articles(store, small_dataset)
    sparql = f"SELECT ?s ?l WHERE {{ ?s <{LABEL}> ?l }}"
    rows = store.query(sparql, bindings={"l": ox.Literal("Chen Kegui")}).rows
    assert [r[0].value for r in rows] == [str(RGID["person/chen-kegui"])]  # type: ignore[union-attr]
    quote = ox.Literal('x" } UNION { ?s ?p ?l } #')  # a value is a term, never SPARQL text
    assert store.query(sparql, bindings={"l": quote}).rows == []


def test_store_query_syntax_error_is_query_error(store: Store) -> None:
    with pytest.raises(QueryError):
        store.query("SELECT WHERE {")


def test_store_query_timeout(store: Store) -> None:
    rows = Dataset()
    g = rows.graph(RGID["article/big"])
    for i in range(60):  # 60^4 solutions: about 2 s, so the abandoned evaluation ends soon
        g.add((RGID[f"x/{i}"], RDFS.label, Literal(str(i))))
    replace_articles(store, rows)
    cross = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . ?g ?s ?h }"
    with pytest.raises(QueryError, match=r"did not finish within 0.2 s|did not answer within 0.2 s"):
        store.query(cross, timeout=0.2)


def test_store_disk_persists_after_close(tmp_path: Path, small_dataset: Dataset) -> None:
    with open_store(tmp_path / "s") as store:
        replace_articles(store, small_dataset)
    with open_store(tmp_path / "s") as again:
        assert _count(again) == 104 and _count(again, COUNT_UNION) == 104


def test_store_checkpoint_keeps_data_and_the_store_writable(store: Store, small_dataset: Dataset) -> None:
    replace_articles(store, small_dataset)
    store.checkpoint()  # on disk: flushed, closed and reopened
    assert _count(store) == 104 and _count(store, COUNT_UNION) == 104
    store.update(f"INSERT DATA {{ GRAPH <{RGID['article/z']}> {{ <{RGID['x/z']}> <{LABEL}> 'z' }} }}")
    store.checkpoint()
    assert _count(store) == 105


def test_store_checkpoint_keeps_the_folder_locked(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as store:
        store.checkpoint()
        probe = subprocess.run([sys.executable, "-c", f"import pyoxigraph; pyoxigraph.Store({str(tmp_path / 's')!r})"],
                               capture_output=True, text=True)
        assert probe.returncode != 0 and "lock" in probe.stderr.lower()


def test_store_written_before_the_union_layout_gets_its_union(tmp_path: Path) -> None:
    import pyoxigraph as ox

    old = ox.Store(str(tmp_path / "old"))
    old.add(ox.Quad(ox.NamedNode(str(RGID["person/p"])), ox.NamedNode(LABEL), ox.Literal("P"),
                    ox.NamedNode(str(RGID["article/a"]))))
    old.flush()
    del old
    with open_store(tmp_path / "old") as store:
        assert _count(store, COUNT_UNION) == 1


def test_store_memory_store_of_an_rdflib_dataset(small_dataset: Dataset, small: Graph) -> None:
    store = memory_store(small_dataset)
    assert store.graph_names() == sorted([str(A1), str(VOCAB)])
    assert isomorphic(union_graph(store), small)
    assert isomorphic(union_graph(memory_store(small)), small)


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
    open_store(location).close()  # the lock is gone with the other process


def test_store_location_that_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "store").write_text("not a store")
    with pytest.raises(StoreError, match="not a directory"):
        open_store(tmp_path / "store")


def test_store_folder_of_other_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not an Oxigraph store"):
        open_store(tmp_path / "graph")
    assert sorted(p.name for p in (tmp_path / "graph").iterdir()) == ["notes.txt"]


def test_store_read_only_commands_need_an_existing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(tmp_path / "missing", create=False)
    assert not (tmp_path / "missing").exists()


def test_store_closed_store_says_so() -> None:
    store = LocalStore(None)
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.query("ASK {}")


def test_store_unreachable_server_is_store_error() -> None:
    with pytest.raises(StoreError, match="cannot reach the SPARQL server"):
        open_store("http://127.0.0.1:9/").query("ASK {}")


@pytest.mark.parametrize(("url", "query", "update"), [
    ("http://h:7878", "http://h:7878/query", "http://h:7878/update"),
    ("http://h:3030/ds/", "http://h:3030/ds/query", "http://h:3030/ds/update"),
    ("http://h/x/query", "http://h/x/query", "http://h/x/update"),
    ("http://h:8890/sparql", "http://h:8890/sparql", "http://h:8890/sparql"),
    ("https://h/repositories/rg", "https://h/repositories/rg", "https://h/repositories/rg/statements"),
])
def test_store_remote_endpoints(url: str, query: str, update: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RIGHTSGRAPH_UPDATE_URL", raising=False)
    assert endpoints(url) == (query, update, None)


def test_store_remote_credentials_become_basic_auth() -> None:
    query, _, auth = endpoints("http://me:s%40cret@h:7878")
    assert query == "http://h:7878/query" and auth == "Basic bWU6c0BjcmV0"
