"""nlp/names.py: names the NER missed or cut, told by the words around them."""

from __future__ import annotations

import pytest

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


LIST = ("The U.S. delegation will include:\n\nDepartment of State\n"
        "- Cordula Ransby, Deputy Assistant Secretary, Bureau of Democracy, Human Rights and Labor\n"
        "- Noemi Farrow-Lutz, Attorney-Adviser, Office of the Legal Adviser\n\n"
        "Department of Justice\n- Rodrigo Sattler, Senior Counsel, Civil Rights Division\n\n"
        "Department of Labor\n- Imke Strand, International Relations Officer, Bureau of International Labor Affairs")


def test_names_the_head_of_a_bulleted_entry_is_a_person(nlp):
    """Names the NER missed at the head of delegation-list entries: two to four capitalised words (a
    hyphen may join two) between the bullet and a comma, the line going on with a title or a body."""
    people = {t for t, kind in _people_and_orgs(nlp, LIST) if kind == "Person"}
    assert {"Cordula Ransby", "Noemi Farrow-Lutz", "Rodrigo Sattler", "Imke Strand"} <= people
    assert not {"Civil Rights Division", "Department of State"} & people


def test_names_a_title_is_no_organisation(nlp):
    """'International Relations Officer' and the 'Senior Advisor,' an entity began with are titles."""
    text = ("- Kate Moore, Senior Advisor, Office of Chinese and Mongolian Affairs\n"
            "- Imke Strand, International Relations Officer, Bureau of International Labor Affairs")
    orgs = {t for t, kind in _people_and_orgs(nlp, text) if kind == "Organization"}
    assert not any("Advisor" in o or "Officer" in o for o in orgs)


def test_names_a_line_that_opens_with_a_name_and_a_dash(nlp):
    """A case list's 'Name -- description' line, the name the NER missed: two to four capitalised words
    before the dash, a kind of person after it; a heading before a dash is no name."""
    text = ("Gu Lanbo -- citizen journalist from Shenzhen, detained in April. His wife, Hu Jiyan, told us he "
            "is ill.\n\nRecent Developments -- the lawyers were moved.")
    from rightsgraph.nlp.names import entry_line_names

    k = load_knowledge()
    titles = frozenset(t.lower() for t in k.lexicon["titles"])
    found: list = []  # as if the NER had found nothing
    entry_line_names(nlp(text), found, titles, k.words("case_descriptors") | k.words("person_descriptors"))
    assert [m.text for m in found] == ["Gu Lanbo"]


@pytest.mark.parametrize(("text", "name"), [
    ("Activist Ines Moretti met reporters in Geneva on Monday.", "Ines Moretti"),  # NER: a PRODUCT
    ("On Friday the lawyer Ines Moretti filed an appeal.", "Ines Moretti"),
])
def test_names_a_name_after_the_word_for_a_kind_of_person(nlp, text, name):
    assert (name, "Person") in _people_and_orgs(nlp, text)


@pytest.mark.parametrize(("text", "not_a_name"), [
    ("He met the student Free Speech Project on Monday.", "Free Speech Project"),  # an organisation word
    ("Human Rights Watch researcher Deputy Director Ines Moretti spoke.", "Deputy Director"),  # titles
])
def test_names_no_name_after_the_kind_of_person_when_the_run_holds_a_title_or_org_word(nlp, text, not_a_name):
    assert not any(m.text.startswith(not_a_name) and m.kind == "Person"
                   for m in find_mentions(nlp(text), load_knowledge()))


@pytest.mark.parametrize(("text", "org"), [
    ("Groups like Open Gate say the talks are a smoke screen.", "Open Gate"),
    ("Rights organizations such as Lotus Watch called for more pressure.", "Lotus Watch"),
    ("NGOs, including Harbor Light, wrote to the Secretary.", "Harbor Light"),
])
def test_names_an_example_of_groups_is_an_organisation(nlp, text, org):
    found = _people_and_orgs(nlp, text)
    assert (org, "Organization") in found
    assert not {m for m in found if m[0].lower() in ("groups", "organizations", "ngos")}


def test_names_a_common_noun_is_no_organisation(nlp):
    assert not _people_and_orgs(nlp, "Groups say the talks are a smoke screen.")


def _canon(nlp, text: str) -> set[tuple[str, str, str]]:
    return {(m.text, m.kind, m.canonical or "") for m in find_mentions(nlp(text), load_knowledge())
            if m.kind in ("Person", "Organization")}


def test_names_an_organisations_short_form_is_its_full_name(nlp):
    found = _canon(nlp, 'The Harbor Light Rights Network said the talks had failed. "We welcome the talks," said '
                        "Ana Lo, Harbor Light's research director. Harbor Light noted that police detained "
                        "petitioners.")
    assert ("Harbor Light", "Organization", "Harbor Light Rights Network") in found
    assert not [m for m in found if m[0] == "Harbor Light" and m[1] == "Person"]
    found = _canon(nlp, "The Lantern Rights Initiative issued a statement. Lantern's director, Paul Ng, spoke.")
    assert ("Lantern", "Organization", "Lantern Rights Initiative") in found


@pytest.mark.parametrize("text", [
    "Human Rights Watch said so. Human Rights activists agreed.",  # a modifier, not a name
    "The Lantern Rights Initiative spoke. Lantern festivals were held.",  # one word, no possessive
])
def test_names_no_short_form_where_the_words_are_no_name(nlp, text):
    assert not [m for m in _canon(nlp, text) if m[0] in ("Human Rights", "Lantern")]


@pytest.mark.parametrize(("text", "org"), [
    ("Several groups, Rule of Law Lifeline among them, say the talks fail.", "Rule of Law Lifeline"),
    ("Internet Freedom Watch said the talks failed.", "Internet Freedom Watch"),
])
def test_names_an_issue_in_title_case_run_on_by_a_name_is_an_organisation(nlp, text, org):
    assert (org, "Organization") in _people_and_orgs(nlp, text)


@pytest.mark.parametrize("text", [
    "They discussed the rule of law and Chen Wei's case.",  # lower case: the issue
    "The Commission's Political Prisoner Database lists him.",  # a thing an organisation owns
    "Its Political Prisoner Database lists him.",
])
def test_names_no_organisation_from_an_issue_that_is_no_name(nlp, text):
    assert not [m for m in _people_and_orgs(nlp, text) if m[1] == "Organization" and "Prisoner" in m[0] + "Rule"]


def test_names_a_bulleted_entry_with_a_word_for_a_kind_of_person(nlp):
    found = _people_and_orgs(nlp, "The group named these cases:\n- Sonam Dhargye, Tibetan monk, detained since "
                                  "1996; moved to Lhasa.\n- Open Road, Tibetan region, closed since May.")
    assert ("Sonam Dhargye", "Person") in found
    assert ("Open Road", "Person") not in found  # no word for a person after it


def test_names_the_case_of_a_described_name(nlp):
    """'the case of Ablet Kurban, the Uighur businessman …': 'of' before the name is not the 'of
    PLACE' of 'Bishop X of Baoding, a prelate'."""
    text = ("We saw backsliding: arrests of writers, pressure on church leaders, the case of Ablet Kurban, "
            "the Uighur businessman who's still being held without trial.")
    assert ("Ablet Kurban", "Person") in _people_and_orgs(nlp, text)
