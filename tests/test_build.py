"""build.py: the streaming, incremental build into a store; resolution across builds; removal."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from rightsgraph.build import build_graph, build_store, remove_from_store
from rightsgraph.errors import InputError
from rightsgraph.store import open_store, union_graph
from rightsgraph.store.records import keys, record_iri

DATA = Path(__file__).parent / "data"
SMITH, CHRIS = DATA / "incremental" / "a_smith.txt", DATA / "incremental" / "b_chris_smith.txt"
ACTORS = "SELECT ?l WHERE { ?e a <https://schema.org/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }"


def _people(store) -> list[str]:
    return sorted(row[0].value for row in store.query(ACTORS).rows)


def test_build_store_skips_unchanged_and_replaces_changed(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(DATA / "articles", corpus)
    store = open_store("memory")
    first = build_store([corpus], store)
    assert (first.built, first.replaced, first.skipped, first.triples > 0) == (3, 0, 0, True)
    again = build_store([corpus], store)
    assert (again.built, again.replaced, again.skipped, again.triples) == (0, 0, 3, 0)
    wire = corpus / "a1_wire.txt"
    wire.write_text(wire.read_text(encoding="utf-8") + "\nThe talks ended on Friday.\n", encoding="utf-8")
    changed = build_store([corpus], store)
    assert (changed.built, changed.replaced, changed.skipped) == (0, 1, 2)
    assert isomorphic(union_graph(store), union_graph(build_graph([corpus])))


def test_build_store_resolves_names_across_builds() -> None:
    store = open_store("memory")
    build_store([SMITH], store)
    assert _people(store) == ["Gao Zhisheng", "Smith"]
    report = build_store([CHRIS], store)  # the full name arrives later: the earlier article follows
    assert (report.built, report.replaced) == (1, 1)
    assert _people(store) == ["Chris Smith", "Gao Zhisheng"]
    assert isomorphic(union_graph(store), union_graph(build_graph([SMITH, CHRIS])))


def test_build_store_remove_undoes_the_resolution_it_brought() -> None:
    store = open_store("memory")
    build_store([SMITH, CHRIS], store)
    article = next(a for a in keys(store) if "/b-chris-smith" in a)
    assert remove_from_store(store, [article]) == [article]
    assert _people(store) == ["Gao Zhisheng", "Smith"]
    assert isomorphic(union_graph(store), union_graph(build_graph([SMITH])))
    assert list(keys(store)) == [a for a in keys(store) if "/a-smith" in a]


def test_build_store_finishes_an_interrupted_build() -> None:
    store = open_store("memory")
    build_store([SMITH, CHRIS], store)
    article = next(a for a in keys(store) if "/a-smith" in a)
    # as a kill between the record and the article graph leaves it: recorded, graph not written
    built_key = "<https://w3id.org/rightsgraph/ns#builtKey>"
    store.update(f"DELETE WHERE {{ GRAPH <{record_iri(article)}> {{ ?r {built_key} ?k }} }}")
    store.remove_graph(article)
    report = build_store([SMITH, CHRIS], store)
    assert report.recovered and "finished an interrupted build" in report.summary()
    assert isomorphic(union_graph(store), union_graph(build_graph([SMITH, CHRIS])))


def test_build_store_new_settings_rewrite_every_article() -> None:
    store = open_store("memory")
    build_store([SMITH, CHRIS], store)
    report = build_store([SMITH, CHRIS], store, min_confidence=0.9)
    assert (report.replaced, report.skipped) == (2, 0)
    assert isomorphic(union_graph(store), union_graph(build_graph([SMITH, CHRIS], min_confidence=0.9)))


def test_build_store_skips_bad_files_unless_strict(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    failed: list[str] = []
    store = open_store("memory")
    report = build_store([tmp_path / "empty.txt", SMITH], store, strict=False,
                         on_failure=lambda path, reason: failed.append(path))
    assert failed == [str(tmp_path / "empty.txt")] and [p for p, _ in report.failed] == failed
    assert report.built == 1 and _people(store) == ["Gao Zhisheng", "Smith"]
    with pytest.raises(InputError):
        build_store([tmp_path / "empty.txt", CHRIS], open_store("memory"))


def test_build_store_on_a_dask_cluster_matches_the_local_build(articles_dir: Path) -> None:
    """A real distributed.LocalCluster with two worker processes extracts; the store gets the same graph."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        store = open_store("memory")
        report = build_store([articles_dir], store, scheduler=cluster.scheduler_address)
    assert report.built == 3
    local = open_store("memory")
    build_store([articles_dir], local, jobs=1)
    assert isomorphic(union_graph(store), union_graph(local))


def test_build_store_unreachable_scheduler_is_one_error(articles_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import rightsgraph.parallel
    from rightsgraph.errors import ExtractionError

    monkeypatch.setattr(rightsgraph.parallel, "SCHEDULER_TIMEOUT", 1.0)
    with pytest.raises(ExtractionError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        build_store([articles_dir], open_store("memory"), scheduler="tcp://127.0.0.1:9")


def test_build_store_warns_of_curation_names_that_match_nothing() -> None:
    from rightsgraph.resolve import Curation

    curation = Curation(merge={"Smith": "Chris Smith", "Mr. Smiht": "Chris Smith"}, drop=frozenset({"Nobody Here"}))
    report = build_store([SMITH], open_store("memory"), curation=curation)
    assert report.warnings == ['aliases file: "Mr. Smiht" names no entity in the store; check its spelling',
                               'aliases file: "Nobody Here" names no entity in the store; check its spelling']
