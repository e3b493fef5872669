"""spaCy component registrations: the gazetteer ruler that runs before the statistical NER.

Labels it sets: GOV (a government), ORG, PERSON, DIALOGUE (the dialogue event), ISSUE (a thematic
case from the thesaurus). Each span's ``ent_id_`` is the canonical name from the data files.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from .knowledge import Knowledge

__all__ = ["add_gazetteer", "paragraph_sentences", "Gazetteer"]


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
    # "WASHINGTON —", "Washington, D.C. —", "Kunming, July 30 —"; not "Representative Mary Cole —"
    return i - j - 1 >= 1 and any((t.is_upper and t.is_alpha) or t.text == "," or t.like_num for t in doc[j + 1:i])


FUNCTION_WORDS = {"of", "in", "on", "for", "the", "and", "to", "at", "'s", "’s", "-", ",", "."}


def _pattern(label: str, alias: str, canonical: str, nlp: Language) -> dict[str, Any]:
    """One pattern: its label, canonical id, the alias's tokens and whether they match by ORTH
    (case-sensitive) or LOWER."""
    tokens = [t.text for t in nlp.make_doc(alias)]
    proper = all(t[:1].isupper() or t.lower() in FUNCTION_WORDS or not t[:1].isalpha() for t in tokens)
    if proper and label != "DIALOGUE" and label != "ISSUE":
        # proper names match case-sensitively: "US" is not "us", and the NGO "Human Rights in China"
        # is not the phrase "human rights in China"
        return {"label": label, "id": canonical, "attr": "ORTH", "tokens": tokens}
    if len(tokens) == 1 and alias[:1].isupper():
        return {"label": label, "id": canonical, "attr": "ORTH", "tokens": tokens}
    return {"label": label, "id": canonical, "attr": "LOWER", "tokens": [t.lower() for t in tokens]}


def gazetteer_patterns(nlp: Language, knowledge: Knowledge) -> list[dict[str, Any]]:
    patterns = []
    for e in knowledge.actors:
        label = {"Person": "PERSON", "Event": "DIALOGUE"}.get(e.kind, "GOV" if e.government else "ORG")
        for alias in {e.name, *e.aliases}:
            patterns.append(_pattern(label, alias, e.name, nlp))
    for e in knowledge.issues:
        for alias in {e.name, *e.aliases}:
            patterns.append(_pattern("ISSUE", alias, e.name, nlp))
    patterns.sort(key=lambda p: (p["label"], p["id"], p["attr"], p["tokens"]))
    return patterns


class Gazetteer:
    """The gazetteer as entity spans: two phrase matchers (case-sensitive names, case-folded
    phrases), which cost a fraction of token patterns in spaCy's Matcher. Longest match wins,
    then the earliest; ties between patterns on the same tokens go to the first pattern in
    `gazetteer_patterns` order. A match replaces the statistical entities it overlaps."""

    def __init__(self, nlp: Language) -> None:
        self.vocab = nlp.vocab
        self.matchers = {attr: PhraseMatcher(nlp.vocab, attr=attr) for attr in ("ORTH", "LOWER")}
        self.keys: dict[int, tuple[int, str, str]] = {}  # match key -> (rank, label, canonical)

    def add_patterns(self, patterns: list[dict[str, Any]]) -> None:
        for p in patterns:
            if not p["tokens"]:
                continue
            name = f"{p['label']}||{p['id']}"
            key = self.vocab.strings.add(name)
            self.keys.setdefault(key, (len(self.keys), p["label"], p["id"]))
            words = p["tokens"]
            self.matchers[p["attr"]].add(name, [Doc(self.vocab, words=words, spaces=[False] * len(words))])

    def __call__(self, doc: Doc) -> Doc:
        found = {(key, start, end) for matcher in self.matchers.values()
                 for key, start, end in matcher(doc) if start != end}
        ordered = sorted(found, key=lambda m: (-(m[2] - m[1]), m[1], self.keys[m[0]][0]))
        entities = list(doc.ents)
        new: list[Span] = []
        seen: set[int] = set()
        for key, start, end in ordered:
            if start in seen or end - 1 in seen:
                continue
            _, label, canonical = self.keys[key]
            new.append(Span(doc, start, end, label=label, span_id=canonical))
            entities = [e for e in entities if not (e.start < end and e.end > start)]
            seen.update(range(start, end))
        doc.ents = entities + new
        return doc


@Language.factory("rg_gazetteer", default_config={})
def _make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    return Gazetteer(nlp)


def add_gazetteer(nlp: Language, knowledge: Knowledge) -> None:
    """Add the gazetteer ('rg_gazetteer') before 'ner' (gazetteer spans win), the paragraph
    sentence splitter before the parser, and the lexicon's lemma fixes to the model's attribute ruler."""
    gazetteer = nlp.add_pipe("rg_gazetteer", before="ner")
    gazetteer.add_patterns(gazetteer_patterns(nlp, knowledge))  # type: ignore[attr-defined]
    nlp.add_pipe("rg_paragraph_sentences", before="parser")
    fixes = knowledge.lexicon.get("lemma_fixes") or {}
    if fixes and "attribute_ruler" in nlp.pipe_names:  # the lemmatizer keeps a lemma already set
        nlp.get_pipe("attribute_ruler").add_patterns(  # type: ignore[attr-defined]
            [{"patterns": [[{"LOWER": form}]], "attrs": {"LEMMA": lemma}} for form, lemma in sorted(fixes.items())])
