"""spaCy component registrations: the gazetteer ruler that runs before the statistical NER.

Labels it sets: GOV (a government), ORG, PERSON, DIALOGUE (the dialogue event), ISSUE (a thematic
case from the thesaurus). Each span's ``ent_id_`` is the canonical name from the data files.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .knowledge import Knowledge

__all__ = ["add_gazetteer", "paragraph_sentences"]


@Language.component("rg_paragraph_sentences")
def paragraph_sentences(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence (the parser then respects it)."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
        elif "\n" in tok.whitespace_ and tok.i + 1 < len(doc):
            doc[tok.i + 1].is_sent_start = True
        # a dateline ("WASHINGTON —", "BEIJING, May 3, 2014 - ") is not part of the first sentence's parse
        dash = tok.text in ("—", "--", "–") or (tok.text == "-" and tok.whitespace_ and tok.i > 0
                                               and doc[tok.i - 1].whitespace_)
        if dash and tok.i + 1 < len(doc) and _dateline_before(doc, tok.i):
            doc[tok.i + 1].is_sent_start = True
    return doc


def _dateline_before(doc: Doc, i: int) -> bool:
    j = i - 1
    while j >= 0 and not (doc[j].is_space and "\n" in doc[j].text):
        if not (doc[j].is_upper or doc[j].is_punct or doc[j].like_num or doc[j].text[:1].isupper()):
            return False
        j -= 1
    return i - j - 1 >= 1 and any(t.is_upper and t.is_alpha for t in doc[j + 1:i])


FUNCTION_WORDS = {"of", "in", "on", "for", "the", "and", "to", "at", "'s", "’s", "-", ",", "."}


def _pattern(label: str, alias: str, canonical: str, nlp: Language) -> dict[str, Any]:
    tokens = [t.text for t in nlp.make_doc(alias)]
    proper = all(t[:1].isupper() or t.lower() in FUNCTION_WORDS or not t[:1].isalpha() for t in tokens)
    if proper and label != "DIALOGUE" and label != "ISSUE":
        # proper names match case-sensitively: "US" is not "us", and the NGO "Human Rights in China"
        # is not the phrase "human rights in China"
        return {"label": label, "pattern": [{"ORTH": t} for t in tokens], "id": canonical}
    if len(tokens) == 1 and alias[:1].isupper():
        return {"label": label, "pattern": [{"ORTH": tokens[0]}], "id": canonical}
    return {"label": label, "pattern": [{"LOWER": t.lower()} for t in tokens], "id": canonical}


def gazetteer_patterns(nlp: Language, knowledge: Knowledge) -> list[dict[str, Any]]:
    patterns = []
    for e in knowledge.actors:
        label = {"Person": "PERSON", "Event": "DIALOGUE"}.get(e.kind, "GOV" if e.government else "ORG")
        for alias in {e.name, *e.aliases}:
            patterns.append(_pattern(label, alias, e.name, nlp))
    for e in knowledge.issues:
        for alias in {e.name, *e.aliases}:
            patterns.append(_pattern("ISSUE", alias, e.name, nlp))
    patterns.sort(key=lambda p: (p["label"], p["id"], str(p["pattern"])))
    return patterns


def add_gazetteer(nlp: Language, knowledge: Knowledge) -> None:
    """Add an entity_ruler named 'rg_gazetteer' before 'ner' (gazetteer spans win)."""
    ruler = nlp.add_pipe("entity_ruler", name="rg_gazetteer", before="ner",
                         config={"phrase_matcher_attr": None, "overwrite_ents": True})
    ruler.add_patterns(gazetteer_patterns(nlp, knowledge))  # type: ignore[attr-defined]
    nlp.add_pipe("rg_paragraph_sentences", before="parser")
