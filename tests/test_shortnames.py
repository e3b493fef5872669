"""shortnames: a short form of a person's name takes the full name printed in the same article."""

from __future__ import annotations

import pytest

from nlp_helpers import aliases, relations, run
from rightsgraph.nlp.shortnames import bare_name, name_tokens


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Halvorsen", "Halvorsen"),
    ("Dr. Ines Moretti", "Ines Moretti"),
    ("Halvorsen", "Halvorsen"),
    ("Mr.", "Mr."),  # nothing after the honorific: the text as printed
])
def test_shortnames_bare_name_drops_a_leading_honorific(text, expected):
    assert bare_name(text) == expected


def test_shortnames_name_tokens_split_initials_and_drop_honorifics():
    assert name_tokens("Ms. Ines J.Moretti") == ["Ines", "J.", "Moretti"]


def test_shortnames_a_later_surname_is_the_full_name(nlp):
    ex = run(nlp, "Activist Ines Moretti met reporters in Geneva. Moretti said the talks were a sham.")
    assert "Moretti" in aliases(ex)["Ines Moretti"]
    assert ("Ines Moretti", "criticizes", "US-China Human Rights Dialogue") in relations(ex)


def test_shortnames_a_shared_surname_goes_to_the_person_with_the_same_descriptor(nlp):
    ex = run(nlp, "The lawyer Zhao Minghui and the scholar Zhao Lifeng were both detained. "
                  "Police later released the lawyer Zhao without charge.")
    assert {a for a in aliases(ex).get("Zhao Minghui", ())} >= {"Zhao"}
    assert "Zhao" not in aliases(ex).get("Zhao Lifeng", ())
