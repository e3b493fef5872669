"""signatures: a letter's signers are members of its issuing body, heads where the title says so."""

from __future__ import annotations

from nlp_helpers import relations, release

LETTER = ("Dear Secretary Lane:\n\nWe ask that you raise the case of Fu Lanqing.\n\nSincerely,\n\n"
          "Margaret Hale\nChairman\n\nPaul Ostrander\nVice Chairman\n\nGrace Ibsen\nCommissioner\n\n"
          "The commission monitors the rule of law in Asia.")


def test_signatures_each_signer_is_a_member_and_the_chairman_its_head(nlp):
    rels = relations(release(nlp, LETTER, "Harbor Rights Commission"))
    for name in ("Margaret Hale", "Paul Ostrander", "Grace Ibsen"):
        assert (name, "memberOf", "Harbor Rights Commission") in rels
    assert ("Margaret Hale", "leads", "Harbor Rights Commission") in rels
    assert ("Paul Ostrander", "leads", "Harbor Rights Commission") not in rels  # a deputy's title
    assert ("Grace Ibsen", "leads", "Harbor Rights Commission") not in rels


def test_signatures_need_a_closing_line(nlp):
    rels = relations(release(nlp, LETTER.replace("Sincerely,", "Background:"), "Harbor Rights Commission"))
    assert ("Grace Ibsen", "memberOf", "Harbor Rights Commission") not in rels


def test_signatures_for_a_government_name_no_body(nlp):
    rels = relations(release(nlp, LETTER, "United States"))
    assert not [r for r in rels if r[0] == "Grace Ibsen" and r[1] in ("memberOf", "leads")]
