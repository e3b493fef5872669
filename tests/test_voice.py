"""voice.py: who speaks in the body itself (an opinion piece's author, a release's issuer)."""

from __future__ import annotations

from nlp_helpers import release
from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.nlp.mentions import MentionIndex, find_mentions
from rightsgraph.nlp.voice import author_voice, voice_names


def test_voice_names_the_issuer_its_government_and_that_governments_delegation():
    assert voice_names(load_knowledge(), "United States") == {"United States", "U.S. delegation"}
    assert voice_names(load_knowledge(), None) == set()


def _author(nlp, header: str, body: str) -> str | None:
    doc = nlp(body)
    return author_voice(header, doc, MentionIndex(find_mentions(doc, load_knowledge())), load_knowledge())


def test_voice_an_opinion_piece_argued_in_the_first_person_speaks_for_its_byline(nlp):
    body = "I have watched these talks for years. I think they matter, and my view has not changed."
    assert _author(nlp, "Why the talks matter\nBy Maria Lopez", body) == "Maria Lopez"


def test_voice_a_news_report_has_no_author_voice(nlp):
    body = "The talks ended on Friday. Officials said they were useful, and reporters were told little."
    assert _author(nlp, "Talks end\nBy Maria Lopez", body) is None


def test_voice_bulleted_items_and_verbless_lines_are_not_the_issuers_statements(nlp):
    body = ("Amnesty International urges the United States to make the crackdown on lawyers the central issue "
            "of the human rights dialogue.\n\n"
            "- Zhang Wei, a lawyer at a Beijing law firm, taken from her home on 9 July and held since.\n"
            "- Li Ming, a prominent journalist in detention since May 2014 and still awaiting trial.")
    x = release(nlp, body, "Amnesty International")
    texts = [s.text for s in x.statements if s.speaker == "Amnesty International"]
    assert texts and not [t for t in texts if "Zhang Wei" in t or "Li Ming" in t]


def test_voice_a_heading_in_capitals_is_not_the_issuers_statement(nlp):
    ex = release(nlp, "The group urges the United States to press for releases.\n\n"
                      "CASES THE GROUP ASKED THE US DELEGATION TO RAISE\n\n"
                      "The United States must name each prisoner it raises.", "Lotus Watch")
    assert [s.text for s in ex.statements if s.text.isupper()] == []
    assert len(ex.statements) == 2
