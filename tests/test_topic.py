"""topic.py: which exchanges of a transcript are about human rights."""

from __future__ import annotations

import pytest

from nlp_helpers import run
from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.nlp.mentions import MentionIndex, find_mentions
from rightsgraph.nlp.topic import off_topic_ranges

BRIEFING = (
    "MR. TONER: Good afternoon. I have nothing at the top.\n\n"
    "QUESTION: On Libya, will NATO extend its operations past June?\n\n"
    "MR. TONER: We are consulting with our NATO allies in Brussels on that.\n\n"
    "QUESTION: Will you raise the detained lawyer Teng Biao with the Chinese side?\n\n"
    "MR. TONER: We raise individual cases at every opportunity.\n\n"
    "QUESTION: And will the delegation ask about his release?\n\n"
    "MR. TONER: Yes, we will press for his release."
)


def _off(nlp, text):
    doc = nlp(text)
    ranges = off_topic_ranges(doc, MentionIndex(find_mentions(doc, load_knowledge())))
    return [doc.text[a:b] for a, b in ranges]


def test_topic_off_topic_exchange_is_dropped(nlp):
    off = _off(nlp, BRIEFING)
    assert any("Libya" in p for p in off) and any("Brussels" in p for p in off)
    assert not any("Teng Biao" in p or "press for his release" in p for p in off)


def test_topic_articles_without_turns_are_whole(nlp):
    assert _off(nlp, "Officials met in Brussels about trade.\n\nThe talks on Libya continue.") == []


@pytest.mark.parametrize("text", [BRIEFING])
def test_topic_no_facts_from_off_topic_exchanges(nlp, text):
    x = run(nlp, text)
    assert "NATO" not in {a.name for a in x.actors}
    assert not any("Brussels" in s.text for s in x.statements)
    assert any("individual cases" in s.text for s in x.statements)


def test_topic_talks_of_another_visit_are_not_the_dialogue(nlp):
    text = ("Q: The human rights dialogue opens on Monday. Who leads the Chinese delegation?\n\n"
            "A: Li Wen of the Foreign Ministry heads the delegation.\n\n"
            "Q: Will China ease its limits on food imports from Japan?\n\n"
            "A: The departments concerned are assessing the situation.\n\n"
            "Q: The Premier is in Malaysia this week. What are the outcomes of the visit?\n\n"
            "A: The Premier held talks with Prime Minister Tan Ah Kow yesterday, and they signed documents.\n\n"
            "Q: Will the Human Rights Dialogue discuss trade?\n\n"
            "A: The talks will focus on the rule of law.")
    off = _off(nlp, text)
    assert [o[:22] for o in off] == ["Q: Will China ease its", "A: The departments con", "Q: The Premier is in M",
                                     "A: The Premier held ta"]


def test_topic_opening_announcements_are_judged_one_by_one(nlp):
    text = ("MR. TONER: Good afternoon. I have two items at the top.\n\n"
            "First, the Secretary is in Greenland today for a meeting of the Arctic states on fisheries.\n\n"
            "Second, we remain concerned about the detained lawyer Zhang Wei in China.\n\n"
            "QUESTION: On Greenland, what will the Secretary sign?\n\n"
            "MR. TONER: A fisheries agreement, as I said.")
    off = [o[:20] for o in _off(nlp, text)]
    assert off == ["MR. TONER: Good afte", "First, the Secretary", "QUESTION: On Greenla", "MR. TONER: A fisheri"]


def test_topic_a_paragraph_on_a_person_the_paragraph_before_named_stays(nlp):
    """An opening statement's later paragraph with no rights words stays when it speaks of a person the
    paragraph about the talks named; a later paragraph on something else is still dropped."""
    text = ("MS. LANE: We held two days of human rights talks with a delegation led by Zhou Ping.\n\n"
            "Mr. Zhou told us Beijing would not accept interference in its courts.\n\n"
            "Separately, the Secretary will travel to Greenland for a meeting on fisheries.\n\n"
            "Mr. Zhou will also attend a trade fair in Ohio.")
    off = [o[:20] for o in _off(nlp, text)]
    assert off == ["Separately, the Secr", "Mr. Zhou will also a"]


@pytest.mark.parametrize(("answer", "off_topic"), [
    # other talks, or the generic noun, do not make an exchange about the dialogue
    ("A: We hope the parties will resolve the crisis through dialogue.", True),
    ("A: China supports the resumption of the Six-Party Talks on the Peninsula.", True),
    ("A: The Strategic and Economic Dialogue will open in Washington next week.", True),
    # the dialogue itself does
    ("A: A dialogue like this one is held on the basis of equality.", False),
    ("A: The talks were held in Beijing on Monday.", False),
    ("A: We had two days of talks with the American side.", False),
])
def test_topic_words_for_other_talks_are_not_the_dialogue(nlp, answer, off_topic):
    text = "Q: What is your comment?\n\n" + answer + "\n\nQ: Next question?\n\nA: Thank you."
    off = _off(nlp, text)
    assert any(answer[3:20] in p for p in off) is off_topic


def test_topic_a_question_on_the_next_round_follows_the_talks(nlp):
    """'Will there be another round?' after an exchange on the talks stays on topic (the chair's turn
    between them included); the same question after an off-topic exchange does not make it so."""
    text = ("QUESTION: Did you raise the detained lawyer Teng Biao?\n\n"
            "MR. TONER: We raised his case with the Chinese side.\n\n"
            "MODERATOR: We have time for one more.\n\n"
            "QUESTION: Will there be another round next year?\n\n"
            "MR. TONER: Both sides said they want one.")
    assert not [p for p in _off(nlp, text) if "another round" in p or "Both sides" in p]
    text = ("QUESTION: On Libya, will NATO extend its operations past June?\n\n"
            "MR. TONER: We are consulting with our NATO allies in Brussels on that.\n\n"
            "QUESTION: Will there be another round of consultations next year?\n\n"
            "MR. TONER: Both sides said they want one.")
    assert [p for p in _off(nlp, text) if "Both sides" in p]


def test_topic_the_spokespersons_label_is_no_person_the_exchange_before_named(nlp):
    """A named answer label ('Hong Lei: …') after an exchange about a prisoner does not carry an
    off-topic exchange over as a follow-up."""
    text = ("Q: The US delegation mentioned the Chinese activist Song Pei, who is in detention. Comment?\n\n"
            "Hong Lei: I'm not aware of the specific case you mentioned.\n\n"
            "Q: The situation in Egypt is still tense. Does China have any comment?\n\n"
            "Hong Lei: We hope all parties in Egypt will exercise restraint.")
    off = _off(nlp, text)
    assert any("Egypt will exercise restraint" in p for p in off)
    assert not any("Song Pei" in p for p in off)
