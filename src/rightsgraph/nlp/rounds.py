"""Which round of the dialogue an article reports, as the text says it: an ordinal ("the 17th
round", "the eighteenth session"), a venue ("held in Kunming", "talks in Beijing") and a time
relative to the article's date ("this week", "next week"). Only sentences about the talks count:
ones that name the dialogue or use one of its words (lexicon `dialogue_terms`).

The words live in nlp/data/lexicon.json (round_*); rounds.py (outside nlp/) matches the cue to a
known round with its date and place.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ..model import RoundCue
from ..model import Span as Evidence
from .knowledge import Knowledge
from .mentions import MentionIndex
from .stance import VAGUE_TERMS
from .textspans import doc_text

__all__ = ["find_round"]

_DIGIT_ORDINAL = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.I)


def _about_talks(sent: Span, index: MentionIndex, terms: frozenset[str]) -> bool:
    if any(m.kind == "Event" for m in index.in_range(sent.start, sent.end)):
        return True
    return any(t.lower_ in terms for t in sent)


def _ordinal(sent: Span, k: Knowledge) -> int | None:
    """'the 17th round', 'the eighteenth annual dialogue', 'its 17th round'."""
    words: dict[str, int] = k.lexicon["round_ordinals"]
    nouns = k.words("round_nouns")
    for i, t in enumerate(sent):
        value = words.get(t.lower_)
        if value is None:
            m = _DIGIT_ORDINAL.fullmatch(t.text)
            value = int(m.group(1)) if m else None
        if value is None:
            continue
        # the ordinal counts a round if it modifies a round noun a few words on ("17th U.S.-China
        # Human Rights Dialogue", "18th annual round"), not another noun ("the first time the
        # dialogue has met since 2002")
        for x in sent[i + 1:i + 8]:
            if x.lemma_.lower() in nouns or x.lower_ in nouns:
                return value
            if x.pos_ not in ("PROPN", "ADJ", "PUNCT", "NUM") and x.tag_ != "HYPH":
                break
    return None


def _place(sent: Span, index: MentionIndex, k: Knowledge) -> str | None:
    """A city the talks are held in: a place after 'in' or 'to' in a sentence about the talks:
    a GPE that is not a government the gazetteer knows ('talks in China' names no venue), or a
    government alias that is also a city ('in Washington', lexicon round_capitals)."""
    governments = {a for e in k.actors if e.government for a in (e.name, *e.aliases)}
    capitals = set(k.lexicon["round_capitals"])
    for ent in sent.ents:
        city = ent.text in capitals if ent.label_ in ("GOV", "GPE") else False
        if not city and (ent.label_ != "GPE" or ent.text in governments
                         or index.in_range(ent.start, ent.end, ("Person", "Organization"))):
            continue
        before = sent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in ("in", "to") and ent.text[:1].isupper():
            return ent.text.removesuffix(",").strip()
    return None


def _days(text: str, k: Knowledge) -> tuple[int, int] | None:
    low = text.lower()
    times: dict[str, list[int]] = k.lexicon["round_times"]
    for phrase in sorted(times, key=len, reverse=True):
        if re.search(rf"\b{re.escape(phrase)}\b", low):
            first, last = times[phrase]
            return first, last
    return None


def find_round(doc: Doc, index: MentionIndex, k: Knowledge, article_id: str) -> RoundCue | None:
    """The first ordinal, venue and relative time the article's sentences about the talks give
    (each may come from a different sentence; the evidence is the first of them)."""
    ordinal = place = days = None
    evidence: Evidence | None = None
    text = doc_text(doc)
    terms = k.words("dialogue_terms") - VAGUE_TERMS
    for sent in doc.sents:
        if not _about_talks(sent, index, terms):
            continue
        found = False
        if ordinal is None and (ordinal := _ordinal(sent, k)) is not None:
            found = True
        if place is None and (place := _place(sent, index, k)) is not None:
            found = True
        if days is None and (days := _days(sent.text, k)) is not None:
            found = True
        if found and evidence is None:
            words = text[sent.start_char:sent.end_char].rstrip()
            evidence = Evidence(article_id, sent.start_char, sent.start_char + len(words), words)
        if ordinal is not None and place is not None and days is not None:
            break
    if ordinal is None and place is None and days is None:
        return None
    return RoundCue(ordinal=ordinal, place=place, days=days, sentence=evidence)
