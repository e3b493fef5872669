"""evaluate.py: the project's own scorer on a small hand-made gold set (tests/data/gold)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph, Literal

from rightsgraph.errors import InputError
from rightsgraph.evaluate import evaluate_graph, format_report
from rightsgraph.vocab import RDF, RDFS, RG, RGID, SCHEMA

GOLD = {
    "doc": "x.txt", "title": "t", "published": None, "source": None,
    "actors": [{"name": "Michael Posner", "type": "Person", "aliases": ["Posner"]},
               {"name": "Human Rights Watch", "type": "Organization", "aliases": ["HRW"]}],
    "statements": [{"speaker": "Michael Posner", "quote": "the talks are useful and candid",
                    "kind": "indirect", "stance": "defends"}],
    "cases": [{"name": "Liu Xiaobo", "type": "Person", "status": "detained"}],
    "relations": [{"s": "Michael Posner", "p": "raised", "o": "Liu Xiaobo"},
                  {"s": "Michael Posner", "p": "metWith", "o": "Human Rights Watch"}],
}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.json").write_text(json.dumps(GOLD))
    return tmp_path / "gold"


def _graph(tmp_path: Path) -> Path:
    g = Graph()
    posner, hrw, liu, junk = (RGID["person/michael-posner"], RGID["org/hrw"], RGID["person/liu-xiaobo"],
                              RGID["org/junk"])
    g.add((posner, RDF.type, SCHEMA.Person))
    g.add((posner, RDFS.label, Literal("Mr. Posner")))
    g.add((hrw, RDF.type, SCHEMA.Organization))
    g.add((hrw, RDFS.label, Literal("HRW")))
    g.add((junk, RDF.type, SCHEMA.Organization))
    g.add((junk, RDFS.label, Literal("Google Ads")))
    g.add((liu, RDF.type, SCHEMA.Person))
    g.add((liu, RDF.type, RG.Case))
    g.add((liu, RDFS.label, Literal("Liu Xiaobo")))
    g.add((posner, RG.raised, liu))
    g.add((hrw, RG.metWith, posner))  # symmetric: either direction matches
    g.add((posner, RG.urges, hrw))  # spurious
    st = RGID["statement/1"]
    g.add((st, RDF.type, RG.Statement))
    g.add((st, RG.speaker, posner))
    g.add((st, RG.text, Literal("He said the talks are useful and candid today")))
    g.add((st, RG.stance, RG.Neutral))
    path = tmp_path / "g.ttl"
    g.serialize(path, format="turtle")
    return path


def test_evaluate_categories_and_predicates(tmp_path, gold_dir):
    r = evaluate_graph(_graph(tmp_path), gold_dir)
    actors = r.categories["actors"]
    assert (actors.correct, actors.predicted, actors.found, actors.gold) == (3, 4, 2, 2)
    assert actors.spurious == ["Google Ads"]
    assert r.categories["cases"].recall == 1.0
    st = r.categories["statements"]
    assert (st.correct, st.found) == (1, 1) and r.stance_accuracy == 0.0
    rel = r.categories["relations"]
    assert (rel.found, rel.gold, rel.predicted) == (2, 2, 3)
    assert r.predicates["metWith"].f1 == 1.0
    assert r.predicates["urges"].spurious == ["Michael Posner urges Human Rights Watch"]
    assert "relations" in format_report(r)


def test_evaluate_runs_on_the_fixture_gold_set(nlp, articles_dir, tmp_path):
    from rightsgraph.build import build_graph
    from rightsgraph.store import union_graph

    path = tmp_path / "built.ttl"
    union_graph(build_graph([articles_dir], nlp=nlp)).serialize(path, format="turtle")
    r = evaluate_graph(path, Path(__file__).parent / "data" / "gold")
    assert r.categories["actors"].f1 > 0.8
    assert r.categories["statements"].found >= 6


def test_evaluate_empty_gold_dir_is_input_error(tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no gold files"):
        evaluate_graph(_graph(tmp_path), tmp_path / "empty")


def test_evaluate_one_entity_for_canonical_names_that_differ_only_in_form(tmp_path, gold_dir):
    """Two gold files name the same person 'Michael Posner' and 'Mr. Michael Posner' (or 'U.S.' and
    'US delegation'): one entity, one relation and one speaker, as the outside scorer's normalised
    names have it."""
    other = json.loads(json.dumps(GOLD))
    other["doc"] = "y.txt"
    other["actors"][0]["name"] = "Mr. Michael Posner"
    other["statements"][0]["speaker"] = "Mr. Michael Posner"
    other["relations"] = [{"s": "Mr. Michael Posner", "p": "raised", "o": "Liu Xiaobo"}]
    (gold_dir / "y.json").write_text(json.dumps(other))
    r = evaluate_graph(_graph(tmp_path), gold_dir)
    assert r.categories["actors"].gold == 2
    assert r.categories["relations"].gold == 2 and r.categories["relations"].found == 2
    assert r.categories["statements"].found == 2  # both gold quotes attributed to the one speaker
