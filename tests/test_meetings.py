"""meetings: metWith from meeting verbs, hosting, co-chairing and counterparts (nlp/meetings.py)."""

from __future__ import annotations

import pytest

from nlp_helpers import relations, reparsed, run
from rightsgraph.model import Article
from rightsgraph.nlp import extract

MET = "metWith"


def _met(nlp, text: str) -> set[frozenset[str]]:
    return {frozenset((s, o)) for s, p, o in relations(run(nlp, text)) if p == MET}


@pytest.mark.parametrize(("text", "pair"), [
    ("Assistant Secretary Ruth Calloway received Peng Wenhui, the Chinese envoy, at the State Department.",
     {"Ruth Calloway", "Peng Wenhui"}),
    ("Chinese Premier Wen Jiabao received Senator Dale Whitmore in Beijing on Friday.",
     {"Wen Jiabao", "Dale Whitmore"}),
    ("Ruth Calloway hosted Chinese Vice Minister Gao Ruilin for a working lunch on Tuesday.",
     {"Ruth Calloway", "Gao Ruilin"}),
])
def test_meetings_host_and_guest_met(nlp, text, pair):
    assert frozenset(pair) in _met(nlp, text)


@pytest.mark.parametrize("text", [
    "Senator Dale Whitmore received a letter from the lawyer Tang Xiaoyu last week.",  # not the object itself
    "Ruth Calloway hosted a reception for the families of Tang Xiaoyu and Meng Lifei.",
])
def test_meetings_what_a_host_receives_is_no_guest(nlp, text):
    assert _met(nlp, text) == set()


@pytest.mark.parametrize(("text", "pairs"), [
    ("Assistant Secretary Ruth Calloway and Chinese Vice Minister Gao Ruilin co-chaired the talks.",
     {frozenset({"Ruth Calloway", "Gao Ruilin"})}),
    ("The dialogue was co-chaired by Ruth Calloway and Gao Ruilin.", {frozenset({"Ruth Calloway", "Gao Ruilin"})}),
    ("Vice Premier Zhou Anping, as envoy of President Hu Jintao, will co-chair the talks with Ruth Calloway.",
     {frozenset({"Zhou Anping", "Ruth Calloway"})}),  # the envoy's president chairs nothing
])
def test_meetings_co_chairs_met(nlp, text, pairs):
    assert _met(nlp, text) == pairs


def test_meetings_the_co_chairs_as_a_noun_met_no_one(nlp):
    assert _met(nlp, "The co-chairs of the commission, Ruth Calloway and Dale Whitmore, wrote to Beijing.") == set()


def test_meetings_to_meet_takes_the_subject_of_the_verb_it_hangs_on(nlp):
    text = "Assistant Secretary Ruth Calloway will travel to Beijing to meet Vice Minister Gao Ruilin."
    assert frozenset({"Ruth Calloway", "Gao Ruilin"}) in _met(nlp, text)


def test_meetings_my_counterpart_in_a_turn_met_its_speaker(nlp):
    text = ("Ruth Calloway, Assistant Secretary\n\nASSISTANT SECRETARY CALLOWAY: We finished two days of talks, "
            "led on their side by my counterpart, Director General Peng Wenhui.")
    assert _met(nlp, text) == {frozenset({"Ruth Calloway", "Peng Wenhui"})}


@pytest.mark.parametrize("text", [
    "MODERATOR: Welcome.\n\nASSISTANT SECRETARY HALE: We have just concluded two days of the human rights "
    "dialogue with our Chinese counterparts, led by Director General Wu Ping of the Foreign Ministry.\n\n"
    "QUESTION: Thanks.",
    "MODERATOR: Welcome.\n\nASSISTANT SECRETARY HALE: We held talks with our counterparts led by Wu Ping.\n\n"
    "QUESTION: Thanks.",
])
def test_meetings_our_counterparts_led_by_someone_met_the_turns_speaker(nlp, text):
    assert ("Hale", "metWith", "Wu Ping") in set(relations(run(nlp, text)))


def test_meetings_counterpart_named_after_a_relative_clause(nlp):
    """'led by P, who met his counterpart, Y, …': P met Y, and Y does not lead P's delegation, even
    where the parse hangs Y on P as an apposition past the relative clause."""
    text = ("The American delegation was led by Assistant Secretary of State Dana Whitmore, who met his "
            "counterpart, Gu Shenping, director-general of the Chinese Foreign Ministry's Treaty Department.")
    for doc in (nlp(text), reparsed(nlp, text, {"Shenping": ("Whitmore", "appos")})):
        rels = relations(extract(nlp, Article(id="t", title="Test article", body=text), doc=doc))
        assert ("Dana Whitmore", "metWith", "Gu Shenping") in rels
        assert ("Dana Whitmore", "leads", "U.S. delegation") in rels
        assert ("Gu Shenping", "leads", "U.S. delegation") not in rels


def test_meetings_my_counterpart_was(nlp):
    """'my counterpart was X' in a turn: the speaker met X."""
    rels = relations(run(nlp, "MS. HALE: Thank you. I led the U.S. delegation, and my counterpart was Director "
                              "General Zhang Minghao of the Foreign Ministry. The talks were long."
                              "\n\nQUESTION: Anything else?"))
    assert ("Hale", "metWith", "Zhang Minghao") in rels


def test_meetings_he_will_hold_talks_with(nlp):
    """'He will hold talks with X' in a main clause: his antecedent met X; in 'the President raised
    it when he met X' the pronoun is that unnamed subject's."""
    rels = relations(run(nlp, "Wang Jianmin of the Foreign Ministry will lead the Chinese delegation. He will "
                              "hold talks with Assistant Secretary of State Margaret Hale."))
    assert ("Wang Jianmin", "metWith", "Margaret Hale") in rels
    rels = relations(run(nlp, "The lawyer Kou Lin is still held. The President raised his case when he met "
                              "Vice Premier Wang Jianmin."))
    assert ("Kou Lin", "metWith", "Wang Jianmin") not in rels
