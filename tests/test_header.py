"""header.py: titles printed in the unparsed header lines above a transcript or release."""

from __future__ import annotations

import pytest

from nlp_helpers import relations
from rightsgraph.graph import to_dataset
from rightsgraph.model import Article
from rightsgraph.nlp import extract
from rightsgraph.vocab import NIF, PROV, RG


def _facts(nlp, header, body, voice=None):
    ex = extract(nlp, Article(id="t", title="Briefing on the Human Rights Dialogue", body=body, header=header,
                              voice=voice))
    return ex, set(relations(ex))


@pytest.mark.parametrize(("header", "body", "voice", "expected"), [
    # a bare name line, its title on the next line, naming a gazetteer office
    (("Tom R. Hale", "Assistant Secretary, Bureau of Democracy, Human Rights, and Labor", "Washington, DC"),
     "Tom Hale said the human rights dialogue was candid.", None,
     {("Tom Hale", "memberOf", "Bureau of Democracy, Human Rights, and Labor")}),
    # a name with a head's title on a commission's letterhead: a member who leads the issuer
    (("Senator Ann Berg, Chairman | Representative Joe Kim, Cochairman",),
     "Senator Ann Berg and Representative Joe Kim said the human rights dialogue had failed.",
     "Congressional-Executive Commission on China",
     {("Ann Berg", "memberOf", "Congressional-Executive Commission on China"),
      ("Ann Berg", "leads", "Congressional-Executive Commission on China"),
      ("Joe Kim", "memberOf", "Congressional-Executive Commission on China"),
      ("Joe Kim", "leads", "Congressional-Executive Commission on China")}),
    # a spokesman named in the body only by the transcript label
    (("Sean McDonald, Spokesman", "Washington, DC", "May 27, 2008"),
     "MR. MCDONALD: We raised the human rights dialogue with the Chinese side.", "U.S. Department of State",
     {("Sean McDonald", "memberOf", "U.S. Department of State")}),
])
def test_header_titles_give_membership_and_leadership(nlp, header, body, voice, expected):
    _ex, found = _facts(nlp, header, body, voice)
    assert expected <= found


def test_header_places_dates_and_unnamed_people_give_nothing(nlp):
    _ex, found = _facts(nlp, ("Mary Lane", "Washington, DC", "May 14, 2010", "Jim Ross, Spokesman"),
                        "Mary Lane said the human rights dialogue was candid.", "U.S. Department of State")
    assert not [r for r in found if r[1] in ("memberOf", "leads") and r[0] in ("Mary Lane", "Jim Ross")]


def test_header_fact_cites_the_header_line(nlp):
    """The evidence of a header fact is the line itself, a span of no length before the body."""
    ex, _found = _facts(nlp, ("Sean McDonald, Spokesman",), "MR. MCDONALD: The human rights dialogue is useful.",
                        "U.S. Department of State")
    rows = to_dataset([ex]).query(
        "SELECT ?text ?begin ?end WHERE { GRAPH ?g { ?f rg:rule 'header-title' ; prov:wasDerivedFrom ?s . "
        "?s nif:anchorOf ?text ; nif:beginIndex ?begin ; nif:endIndex ?end } }",
        initNs={"rg": RG, "prov": PROV, "nif": NIF})
    assert {(str(t), int(b), int(e)) for t, b, e in rows} == {("Sean McDonald, Spokesman", 0, 0)}


def test_header_a_speaker_known_only_by_the_label_is_an_actor_with_the_header_form(nlp):
    """'MR. RUBIN:' turns and 'Briefer: James P. Rubin' above them: the gazetteer's James Rubin is an
    actor of the article, with the header's form as one of his names."""
    from rightsgraph.model import Article
    from rightsgraph.nlp import extract

    body = ("MR. RUBIN: We have said to Chinese officials that we are ready to resume the dialogue at any time.\n\n"
            "QUESTION: Anything else?")
    ex = extract(nlp, Article(id="t", title="Daily Press Briefing", body=body,
                              header=("Briefer: James P. Rubin",)))
    [rubin] = [a for a in ex.actors if a.name == "James Rubin"]
    assert rubin.kind == "Person" and "James P. Rubin" in rubin.aliases
