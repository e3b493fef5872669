"""delegations: who belongs to a delegation (nlp/delegations.py, delegation_members)."""

from __future__ import annotations

import pytest

from nlp_helpers import relations, run


def _members(nlp, text: str) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in relations(run(nlp, text)) if p == "memberOf" and o.endswith("delegation")}


@pytest.mark.parametrize(("text", "expected"), [
    # the agencies its staff comes from; "our delegation" in a turn is its speaker's (Craner: the gazetteer's)
    ("The U.S. delegation will include officials from the Department of State, the Department of Justice, and "
     "the Department of Labor.",
     {("U.S. Department of State", "U.S. delegation"), ("U.S. Department of Justice", "U.S. delegation"),
      ("U.S. Department of Labor", "U.S. delegation")}),
    ("QUESTION: How did the talks go?\n\nASSISTANT SECRETARY CRANER: This week our delegation, which included "
     "colleagues from the Department of Justice, met a Chinese team.",
     {("U.S. Department of Justice", "U.S. delegation")}),
    # its persons, each an item of the list, not one named in an item's description
    ("The U.S. delegation arrived on Monday. Among its members are Tom Hale; Ann Berg of the Department of "
     "Justice; and Joe Kim, a senior adviser to Secretary of State Bill Moss.",
     {("Tom Hale", "U.S. delegation"), ("Ann Berg", "U.S. delegation"), ("Joe Kim", "U.S. delegation")}),
    # no delegation named: nothing
    ("The agenda will include officials from the Department of Justice and the rule of law.", set()),
    ("The panel includes Tom Hale and Ann Berg.", set()),
])
def test_delegations_who_a_delegation_includes(nlp, text, expected):
    assert _members(nlp, text) == expected


def test_delegations_an_agency_in_a_delegation_raises_nothing_for_its_government(nlp):
    """The agency's own words (a media note's) are not the government's through the delegation."""
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract

    body = ("The U.S. delegation will include officials from the Department of State and the Department of "
            "Justice. The Department will press for progress on the rule of law and religious freedom.")
    x = extract(nlp, Article(id="t", title="Media Note", body=body, voice="U.S. Department of State"))
    assert not {r.object for r in x.relations if r.predicate == "raised" and r.subject == "United States"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Leading the Chinese delegation will be Peng Wenhui, Director General of the Foreign Ministry.",
     ("Peng Wenhui", "leads", "Chinese delegation")),
    ("Heading the American side was Assistant Secretary Ruth Calloway.", ("Ruth Calloway", "leads", "U.S. delegation")),
    # the parse hung 'led by' on the main verb: the group is the noun before the comma
    ("ASSISTANT SECRETARY CALLOWAY: We've just finished two days of talks with our Chinese counterparts, led by "
     "my counterpart, Director General Peng Wenhui.", ("Peng Wenhui", "leads", "Chinese delegation")),
])
def test_delegations_a_fronted_or_misattached_leader(nlp, text, expected):
    assert expected in set(relations(run(nlp, text)))


@pytest.mark.parametrize("text, who", [
    ("MS. HALE: Thank you. I led the U.S. delegation this week.\n\nQUESTION: Anything else?", "Hale"),
    ("Assistant Secretary Margaret Hale spoke to reporters on Friday. She said she headed the American "
     "delegation at the talks in Kunming.", "Margaret Hale"),
])
def test_delegations_a_pronoun_that_led_the_delegation(nlp, text, who):
    """'I led the U.S. delegation' in a turn is its speaker; 'she headed …' her antecedent."""
    assert (who, "leads", "U.S. delegation") in relations(run(nlp, text))


def test_delegations_we_led_is_no_one_leader(nlp):
    rels = relations(run(nlp, "MS. HALE: We led the U.S. delegation this week.\n\nQUESTION: Anything else?"))
    assert not [r for r in rels if r[1] == "leads"]


def test_delegations_i_lead_a_body(nlp):
    """'I lead the Harbor Conscience Institute' in a witness's turn: its head."""
    ex = run(nlp, "Witnesses: Dr. Margaret Hale, Harbor Conscience Institute.\n\nDR. HALE: Thank you. I lead the "
                  "Harbor Conscience Institute. Let me be concrete about the dialogue.\n\nSENATOR LUND: Thank you.")
    assert ("Margaret Hale", "leads", "Harbor Conscience Institute") in relations(ex)


def test_delegations_a_delegation_composed_of_agencies(nlp):
    """'X, Director-General of … the Foreign Ministry, will lead a delegation composed of officials from
    the Ministry of Justice and …': X leads the Chinese delegation (the side his title names), not the
    ministry it includes, and each agency is a member of it."""
    rels = relations(run(nlp, "Wang Jianmin, Director-General of the Department of Treaty Affairs of the Foreign "
                              "Ministry, will lead a delegation composed of officials from the Ministry of "
                              "Justice, the Supreme People's Procuratorate and the State Ethnic Affairs "
                              "Commission."))
    assert ("Wang Jianmin", "leads", "Chinese delegation") in rels
    assert ("Wang Jianmin", "leads", "Ministry of Justice") not in rels
    assert ("Ministry of Justice", "memberOf", "Chinese delegation") in rels


def test_delegations_agencies_after_a_long_bureau_name(nlp):
    """'… representatives from the Bureau of Democracy, Human Rights, and Labor, as well as the U.S.
    Department of Justice, the U.S. Department of Labor …': each later agency is in the delegation,
    however the parse hangs it inside the bureau's name."""
    rels = relations(run(nlp, "The U.S. delegation included representatives from the Office of the Legal Adviser "
                              "and the Bureau of Democracy, Human Rights, and Labor, as well as the U.S. Department "
                              "of Justice, the U.S. Department of Labor, and the U.S. Agency for International "
                              "Development."))
    for agency in ("U.S. Department of Justice", "U.S. Department of Labor",
                   "U.S. Agency for International Development"):
        assert (agency, "memberOf", "U.S. delegation") in rels


def test_delegations_a_long_title_split_from_its_name(nlp):
    """'Assistant Secretary of State for Democracy, Human Rights, and Labor X will lead …': the parse
    makes the title and the name two subjects; the one that names a person leads."""
    rels = relations(run(nlp, "Assistant Secretary of State for Democracy, Human Rights, and Labor Margaret J. Hale "
                              "will lead the U.S. delegation to the talks in Beijing on April 27-28, 2011."))
    assert ("Margaret J. Hale", "leads", "U.S. delegation") in rels
