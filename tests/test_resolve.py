"""resolve.py: corpus-wide canonical names and the hand-curation file."""

from __future__ import annotations

import json

import pytest

from rightsgraph.errors import InputError
from rightsgraph.model import Actor, Article, Extraction, Relation, Span, Statement
from rightsgraph.resolve import Curation, load_curation, merge_actors

SPAN = Span("a", 0, 10, "0123456789")


def _x(article: str, *actors: Actor, statements=(), relations=()) -> Extraction:
    return Extraction(Article(article, "t", "b"), list(actors), list(statements), [], list(relations))


def test_resolve_bare_surname_takes_full_name_from_another_article():
    a = _x("a", Actor("Barack Obama", "Person"))
    b = _x("b", Actor("Obama", "Person", ("President Obama",)),
           statements=[Statement("Obama", "we will raise these cases", "indirect", "neutral", SPAN)])
    _, b2 = merge_actors([a, b])
    assert [x.name for x in b2.actors] == ["Barack Obama"]
    assert set(b2.actors[0].aliases) == {"Obama", "President Obama"}
    assert b2.statements[0].speaker == "Barack Obama"


def test_resolve_ambiguous_surname_is_left_alone():
    a = _x("a", Actor("Chen Xu", "Person"), Actor("Wang Xu", "Person"))
    b = _x("b", Actor("Xu", "Person"))
    assert [x.name for x in merge_actors([a, b])[1].actors] == ["Xu"]


def test_resolve_curation_merge_drop_rename():
    a = _x("a", Actor("HRW Asia", "Organization"), Actor("Firefly", "Person"), Actor("Chen Xu", "Person"),
           relations=[Relation("Chen Xu", "memberOf", "HRW Asia", SPAN), Relation("Firefly", "urges", "Chen Xu", SPAN)])
    cur = Curation(merge={"HRW Asia": "Human Rights Watch"}, drop=frozenset({"Firefly"}),
                   rename={"a": {"Chen Xu": "Chen Guangcheng"}})
    [out] = merge_actors([a], curation=cur)
    assert sorted(x.name for x in out.actors) == ["Chen Guangcheng", "Human Rights Watch"]
    assert [(r.subject, r.predicate, r.object) for r in out.relations] == [
        ("Chen Guangcheng", "memberOf", "Human Rights Watch")]


def test_resolve_load_curation(tmp_path):
    f = tmp_path / "aliases.json"
    f.write_text(json.dumps({"merge": {"A": "B"}, "drop": ["C"], "rename": {"x": {"D": "E"}}}))
    cur = load_curation(f)
    assert cur.merge == {"A": "B"} and cur.drop == {"C"} and cur.rename == {"x": {"D": "E"}}


@pytest.mark.parametrize("content", ["{not json", '{"merge": {}, "bogus": 1}', "[]"])
def test_resolve_bad_curation_file_is_input_error(tmp_path, content):
    f = tmp_path / "aliases.json"
    f.write_text(content)
    with pytest.raises(InputError, match="aliases file"):
        load_curation(f)
