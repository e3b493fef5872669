"""status.py: a case person's current status is the latest-dated article's claim, in any build order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.compare import isomorphic

from rightsgraph.build import build_graph, build_store, remove_from_store
from rightsgraph.graph import article_iri
from rightsgraph.status import CURRENT_GRAPH
from rightsgraph.store import open_store, union_graph
from rightsgraph.vocab import RG, RGID

PERSON = RGID["person/zhang-wei"]
ARTICLES = [
    ("early", "2012-03-01", "Police in Beijing detained the lawyer Zhang Wei on Monday, his family said."),
    ("later", "2012-09-01", "The lawyer Zhang Wei was released on bail on Monday, his family said."),
    ("undated", None, "The lawyer Zhang Wei remains in exile in Canada, his family said."),
]


def _corpus(path: Path, names: list[str]) -> Path:
    rows = [{"id": n, "title": f"Lawyer {n}", "text": text, **({"date": d} if d else {})}
            for n, d, text in ARTICLES if n in names]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _current(store) -> set[tuple[URIRef, URIRef]]:  # noqa: ANN001
    rows = store.query(f"SELECT ?s ?c WHERE {{ GRAPH <{CURRENT_GRAPH}> {{ <{PERSON}> <{RG.currentStatus}> ?s ; "
                       f"<{RG.currentStatusClaim}> ?c }} }}").rows
    return {(URIRef(s.value), URIRef(c.value)) for s, c in rows}


def _claim(article_id: str) -> URIRef:
    """The claim an article makes of Zhang Wei (a JSONL row's article id is '<file stem>-<id>')."""
    return RGID[f"status/{str(article_iri(article_id)).rsplit('/', 1)[-1]}/zhang-wei"]


@pytest.mark.parametrize("order", [["early", "later", "undated"], ["undated", "later", "early"]])
def test_status_latest_dated_claim_wins_in_any_order(tmp_path: Path, order: list[str]) -> None:
    store = open_store("memory")
    build_store([_corpus(tmp_path / "all.jsonl", order)], store)
    assert _current(store) == {(RG.Released, _claim("all-later"))}


def test_status_follows_incremental_builds_and_removals(tmp_path: Path) -> None:
    store = open_store("memory")
    build_store([_corpus(tmp_path / "a.jsonl", ["undated"])], store)
    assert _current(store) == {(RG.Exiled, _claim("a-undated"))}  # only an undated claim: it is the current one
    build_store([_corpus(tmp_path / "b.jsonl", ["early"])], store)
    assert _current(store) == {(RG.Detained, _claim("b-early"))}  # a dated claim beats an undated one
    build_store([_corpus(tmp_path / "c.jsonl", ["later"])], store)
    assert _current(store) == {(RG.Released, _claim("c-later"))}
    remove_from_store(store, [str(article_iri("c-later"))])
    assert _current(store) == {(RG.Detained, _claim("b-early"))}


def test_status_in_memory_build_matches_the_store(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "all.jsonl", ["early", "later", "undated"])
    store = open_store("memory")
    build_store([corpus], store)
    in_memory = build_graph([corpus])
    current = in_memory.graph(CURRENT_GRAPH)
    assert set(current.objects(PERSON, RG.currentStatus)) == {RG.Released}
    assert isomorphic(union_graph(in_memory), union_graph(store))


def test_status_an_add_only_build_updates_from_its_own_claims(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    """Adding articles merges their claims with the stored current statuses, without the query over
    every stored claim; an earlier claim added later does not displace the current one."""
    import rightsgraph.build as build

    store = open_store("memory")
    build_store([_corpus(tmp_path / "a.jsonl", ["later"])], store)

    def no_full_recompute(_store):  # noqa: ANN001, ANN202
        raise AssertionError("an add-only build recomputed every claim")

    monkeypatch.setattr(build, "current_status_ntriples", no_full_recompute)
    build_store([_corpus(tmp_path / "b.jsonl", ["early"])], store)
    assert _current(store) == {(RG.Released, _claim("a-later"))}
    build_store([_corpus(tmp_path / "c.jsonl", ["undated"])], store)
    assert _current(store) == {(RG.Released, _claim("a-later"))}


def test_status_claim_keys_read_an_articles_ntriples() -> None:
    from rightsgraph.status import claim_keys

    claim, person = RGID["status/x-1/zhang-wei"], RGID["person/zhang-wei"]
    nt = (f'<{RGID["article/x-1"]}> <https://schema.org/datePublished> '
          f'"2012-03-01"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
          f"<{claim}> <{RG.statusOf}> <{person}> .\n<{claim}> <{RG.status}> <{RG.Detained}> .\n"
          f"<{person}> <{RG.status}> <{RG.Detained}> .\n")  # the person's own rg:status is no claim
    assert claim_keys(nt) == {str(person): f"2012-03-01 {RG.Detained} {claim}"}


def test_status_a_build_killed_before_its_statuses_makes_the_next_one_recompute(tmp_path: Path) -> None:
    """A build killed after writing article graphs but before the current statuses leaves its marker;
    the next build, even one that adds nothing, recomputes them from every stored claim."""
    from rightsgraph.store import records

    store = open_store("memory")
    corpus = _corpus(tmp_path / "a.jsonl", ["early", "later"])
    build_store([corpus], store)
    assert not records.status_pending(store)
    store.update(records.pending_update())  # what a killed build leaves …
    store.replace_graph(str(CURRENT_GRAPH), "")  # … with the statuses not yet written
    build_store([corpus], store)
    assert _current(store) == {(RG.Released, _claim("a-later"))}
    assert not records.status_pending(store)
