"""nlp/phrases.py: the parse helpers the relation rules share."""

from __future__ import annotations

from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.nlp.mentions import MentionIndex, find_mentions
from rightsgraph.nlp.phrases import entry_of, evidence_of, mention_in, orgs_in


def _parse(nlp, text):
    doc = nlp(text)
    return doc, MentionIndex(find_mentions(doc, load_knowledge()))


def test_phrases_evidence_is_the_sentence_of_the_token(nlp):
    doc, _index = _parse(nlp, "Zhang Wei spoke. Li Ming met reporters on Monday.")
    ev = evidence_of(doc[-3], "a1")
    assert (ev.article_id, ev.text.strip()) == ("a1", "Li Ming met reporters on Monday.")
    assert doc.text[ev.begin:ev.end] == ev.text


def test_phrases_mention_in_a_phrase_is_the_nearest_of_the_kinds(nlp):
    doc, index = _parse(nlp, "The delegation of Human Rights Watch met Zhang Wei.")
    head = next(t for t in doc if t.lower_ == "delegation")
    found = mention_in(head, index, ("Organization",))
    assert found is not None and found.canonical == "Human Rights Watch"
    assert mention_in(head, index, ("Person",)) is None  # the person is outside the phrase


def test_phrases_orgs_in_a_phrase_stop_at_a_person(nlp):
    doc, index = _parse(nlp, "Tom Hale, research director at Human Rights Watch, met Li Ming of Amnesty International.")
    title = next(t for t in doc if t.lower_ == "director")
    assert [m.canonical for m in orgs_in(title, index)] == ["Human Rights Watch"]


def test_phrases_entry_of_a_name_split_by_the_parse_is_its_first_outside_attached_token(nlp):
    doc, index = _parse(nlp, "Ann Berg of the Bureau of Democracy, Human Rights, and Labor spoke today.")
    bureau = next(m for m in index.mentions if m.canonical and m.canonical.startswith("Bureau"))
    token = entry_of(bureau, doc)
    assert bureau.start <= token.i < bureau.end
    assert not bureau.start <= token.head.i < bureau.end or token.head.i == token.i
