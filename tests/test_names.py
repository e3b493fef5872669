"""nlp/names.py: names the NER missed or cut, told by the words around them."""

from __future__ import annotations

from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.nlp.mentions import find_mentions


def _people_and_orgs(nlp, text: str) -> set[tuple[str, str]]:
    return {(m.text, m.kind) for m in find_mentions(nlp(text), load_knowledge())
            if m.kind in ("Person", "Organization")}


def test_names_a_description_tells_a_person(nlp):
    assert ("Dolkun Tashi", "Person") in _people_and_orgs(nlp, "Dolkun Tashi, a Uighur scholar, was sentenced.")


def test_names_a_kinship_noun_tells_a_person(nlp):
    found = _people_and_orgs(nlp, "She sent clippings to her husband, Sidik Rouzi, who lives abroad.")
    assert ("Sidik Rouzi", "Person") in found


def test_names_an_organisation_around_a_government_name(nlp):
    found = _people_and_orgs(nlp, "Tom Reyes, who teaches at George Washington University, spoke to the China "
                                  "Democracy Party.")
    assert {("George Washington University", "Organization"), ("China Democracy Party", "Organization")} <= found


def test_names_a_government_alone_stays_a_government(nlp):
    found = {(m.text, m.kind) for m in find_mentions(nlp("Washington criticized Beijing."), load_knowledge())}
    assert ("Washington", "Government") in found and ("Beijing", "Government") in found
