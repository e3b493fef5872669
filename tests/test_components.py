"""nlp/components.py: what rightsgraph adds to the English pipeline."""

from __future__ import annotations


def test_components_the_pipeline_has_the_gazetteer_and_the_paragraph_splitter(nlp):
    names = nlp.pipe_names
    assert names.index("rg_gazetteer") < names.index("ner")
    assert names.index("rg_paragraph_sentences") < names.index("parser")


def test_components_lemma_fixes_from_the_lexicon(nlp):
    lemmas = {t.text: t.lemma_ for t in nlp("She hoped the talks would help. He hopes so. Rabbits hop.")}
    assert (lemmas["hoped"], lemmas["hopes"], lemmas["help"], lemmas["hop"]) == ("hope", "hope", "help", "hop")


def test_components_a_paragraph_break_ends_a_sentence(nlp):
    doc = nlp("The talks ended\n\nThe delegates left.")
    assert len(list(doc.sents)) == 2
