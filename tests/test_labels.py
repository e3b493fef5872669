"""labels: the speaker a transcript label names (nlp/labels.py)."""

from __future__ import annotations

import pytest

from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.nlp.labels import canonical_person, label_speaker
from rightsgraph.nlp.mention import MentionIndex
from rightsgraph.nlp.mentions import find_mentions
from rightsgraph.nlp.speakers import SpeakerResolver


def _speaker(nlp, label: str, body: str, header: str = "") -> str | None:
    k = load_knowledge()
    doc = nlp(body)
    index = MentionIndex(find_mentions(doc, k))
    titles = SpeakerResolver(doc, index, k, set()).titles
    return label_speaker(label, header, index, k, titles)


@pytest.mark.parametrize(("label", "header", "expected"), [
    ("QUESTION", "", None),  # a reporter
    ("SENIOR STATE DEPARTMENT OFFICIAL", "", None),  # a role, not a name
    ("ASSISTANT SECRETARY CALLOWAY", "Ruth Calloway, Assistant Secretary", "Ruth Calloway"),  # from the header
    ("MR. HALVORSEN", "", "Halvorsen"),  # named nowhere else: the label's name
])
def test_labels_label_speaker(nlp, label, header, expected):
    assert _speaker(nlp, label, "The talks went on.", header) == expected


def test_labels_a_surname_takes_the_full_name_the_article_prints(nlp):
    assert _speaker(nlp, "MS. CALLOWAY", "Assistant Secretary Ruth Calloway opened the talks.") == "Ruth Calloway"


def test_labels_canonical_person_drops_a_possessive_and_matches_without_middle_initials():
    k = load_knowledge()
    known = next(e for e in k.actors if e.kind == "Person" and len(e.name.split()) == 2)
    first, last = known.name.split()
    assert canonical_person(k, f"{first} Q. {last}'s") == known.name
