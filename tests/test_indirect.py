"""indirect: reported speech outside quotation marks (said that, called on, characterized as,
according to, attitudes), as extract() turns it into statements."""

from __future__ import annotations

import pytest

from nlp_helpers import run, statement_texts, statements

# --- indirect statements -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Maya Wang said that the talks had become a smoke screen for abuses.",
            ("Maya Wang", "indirect", "criticizes"),
        ),
        (
            "Li Junhua told reporters the dialogue was an important channel between the two countries.",
            ("Li Junhua", "indirect", "defends"),
        ),
        (
            "Sarah Cook warned that the dialogue risked becoming a fig leaf for repression.",
            ("Sarah Cook", "indirect", "criticizes"),
        ),
        (
            "Daniel Baer believes the dialogue is worthwhile despite its limits.",
            ("Daniel Baer", "indirect", "defends"),
        ),
        (
            "Senator Marco Rubio wants the State Department to suspend the talks until lawyers are freed.",
            ("Marco Rubio", "indirect", "neutral"),
        ),
        (  # a condition set for the talks, no judgement of them
            "Hua Chunying insisted that the talks should be based on equality and mutual respect.",
            ("Hua Chunying", "indirect", "neutral"),
        ),
        (
            "Human Rights Watch released a report on Monday. "
            "The group said the dialogue had produced few results.",
            ("Human Rights Watch", "indirect", "criticizes"),
        ),
        (  # a role noun with the person in apposition: the person speaks
            "Her lawyer, Ma Lin, said police had twice turned him away from the detention center.",
            ("Ma Lin", "indirect", "neutral"),
        ),
        (
            "The spokesman, Ma Lin, said the talks had been useful.",
            ("Ma Lin", "indirect", "defends"),
        ),
    ],
)
def test_indirect_indirect_statement_speaker(nlp, text, expected):
    assert expected in statements(run(nlp, text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ellen Marsh said the talks were useful.", [("Ellen Marsh", "indirect", "defends")]),
        ("The Bush administration said the talks were useful.", [("United States", "indirect", "defends")]),
        ("The Clinton administration said the dialogue was pointless.", [("United States", "indirect", "criticizes")]),
        ("Ellen Marsh said it was late.", []),  # a short clause that judges nothing is no statement
    ],
)
def test_indirect_short_judgement_of_the_talks_is_a_statement(nlp, text, expected):
    assert statements(run(nlp, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Clinton administration called the dialogue worthless.",
         [("United States", "the dialogue worthless")]),
        ("Ellen Marsh described the talks as a sham.", [("Ellen Marsh", "the talks as a sham")]),
        ("Ellen Marsh called the dialogue a waste of time.", [("Ellen Marsh", "the dialogue a waste of time")]),
        ("Ellen Marsh called the meeting on Tuesday.", []),  # calling a meeting says nothing about it
    ],
)
def test_indirect_characterizing_the_talks_is_a_statement(nlp, text, expected):
    assert statement_texts(run(nlp, text)) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Sophie Richardson spoke. In Richardson’s words, the talks have become a ritual that changes nothing.",
     ("Sophie Richardson", "indirect", "criticizes")),
    ("According to Maya Wang of Human Rights Watch, the dialogue is a fig leaf for Beijing.",
     ("Maya Wang", "indirect", "criticizes")),
])
def test_indirect_according_to_and_in_words(nlp, text, expected):
    assert expected in statements(run(nlp, text))


@pytest.mark.parametrize(("text", "expected"), [
    ("Activists like the lawyer Teng Biao are skeptical that anything will come out of these talks.",
     ("Teng Biao", "indirect", "criticizes")),
    ("During the session, she said, the American side pressed for the release of detained lawyers.",
     ("Maria Ortega", "indirect", "neutral")),
])
def test_indirect_attitudes_and_parenthetical_tags(nlp, text, expected):
    prefix = "Maria Ortega, a State Department spokesperson, briefed reporters. " if "she said" in text else ""
    assert expected in statements(run(nlp, prefix + text))


@pytest.mark.parametrize("verb", ["highlighted", "stressed", "reiterated", "deplored"])
def test_indirect_speech_act_with_a_concern_object(nlp, verb):
    x = run(nlp, f"Deputy Secretary Karen Holm {verb} concerns about the treatment of lawyers in Hunan.")
    assert [s[0] for s in statements(x)] == ["Karen Holm"]


@pytest.mark.parametrize(("text", "expected"), [
    # the parse hangs the list's later items on 'told' as its objects: they are still what was said
    ("Tom Hale told the committee that the delegation had raised Zhang Wei's arrest, Li Ming's trial and the "
     "treatment of the lawyer Chen Bo, who is held in Yunnan.",
     [("Tom Hale", "the delegation had raised Zhang Wei's arrest, Li Ming's trial and the treatment of the "
                   "lawyer Chen Bo, who is held in Yunnan")]),
    # a second that-clause is said too, as part of the same statement
    ("Tom Hale told the committee that the delegation had raised Zhang Wei's arrest and Li Ming's trial, and "
     "that it had pressed Beijing to free the detained lawyers.",
     [("Tom Hale", "the delegation had raised Zhang Wei's arrest and Li Ming's trial, and that it had pressed "
                   "Beijing to free the detained lawyers")]),
    ("Tom Hale told the committee that the talks had been difficult, and that the delegation had pressed "
     "Beijing to free the detained lawyers.",
     [("Tom Hale", "the talks had been difficult, and that the delegation had pressed Beijing to free the "
                   "detained lawyers")]),
])
def test_indirect_what_was_said_runs_to_the_end_of_its_clauses(nlp, text, expected):
    assert statement_texts(run(nlp, text)) == expected


@pytest.mark.parametrize("told", [
    "They told us the lawyers were being dealt with according to the law",
    "We were told that the lawyers were being dealt with according to the law",
])
def test_indirect_what_the_other_side_told_a_turns_speaker_is_its_speech(nlp, told):
    """'They told us …' / 'We were told …' in an American official's turn, after the Chinese side was
    named: China said it (the speaker's own government is the gazetteer's affiliation)."""
    text = ("QUESTION: What did the Chinese side say about the detained lawyers at the human rights dialogue?\n\n"
            f"ASSISTANT SECRETARY POSNER: {told}. That is not an answer.")
    found = statement_texts(run(nlp, text))
    assert ("China", "the lawyers were being dealt with according to the law") in found


def test_indirect_who_told_us_in_a_turn_is_the_person_named_before_it(nlp):
    text = ("ASSISTANT SECRETARY POSNER: At the human rights dialogue we raised the detained lawyers. Yesterday we "
            "met a group of lawyers, including Pan Yuchen from Guangzhou, who told us he had been questioned for "
            "nine hours by police.")
    assert ("Pan Yuchen", "he had been questioned for nine hours by police") in statement_texts(run(nlp, text))


def test_indirect_a_pronoun_in_a_turn_stays_the_turns_speaker(nlp):
    text = ("ASSISTANT SECRETARY POSNER: At the human rights dialogue we raised the case of the lawyer Li Ming. "
            "His wife wrote to us. She asked us to keep saying his name, and we will.")
    assert not any(s != "Michael Posner" for s, _t in statement_texts(run(nlp, text)))


def test_indirect_a_title_the_parse_made_the_subject_speaks_through_its_name(nlp):
    """'Assistant Secretary of State for …, Human Rights and Labor X, who …, has told': the parse hung
    the name inside the title, which it made the subject."""
    text = ("Assistant Secretary of State for Democracy, Human Rights and Labor Ann Hale, who headed the last "
            "round of the talks in Beijing a year ago, has told members of Congress the sessions produced few "
            "concrete results.")
    assert ("Ann Hale", "indirect", "criticizes") in statements(run(nlp, text))
