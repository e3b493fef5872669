"""Which parts of a transcript are about human rights.

A daily briefing or a foreign-ministry press conference covers many subjects; only the exchanges
about human rights and the dialogue belong in the graph. An exchange is a question with the
answers that follow it. It is on topic when one of its paragraphs names the dialogue or an issue
from the thesaurus, speaks of rights, or names China together with the field's words (detained,
prisoners, lawyers, activists, cases, dissidents). In a transcript proper (turns from the first
paragraphs) loose paragraphs are judged the same way; in a news story that quotes a transcript
the narrative is kept whole. A follow-up exchange that keeps to the subject's words (raise,
release, cases, delegation …) or names a person the exchange before it named stays on topic
('Mr. Li told us China would not accept …' after the paragraph on the talks Li Junhua led).
Articles without transcript turns are taken whole.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .mentions import Mention, MentionIndex
from .textspans import TRANSCRIPT_WITHIN, doc_text, paragraphs, span_of, transcript_turns

__all__ = ["on_topic", "off_topic_ranges"]

RIGHTS = re.compile(r"\b(human rights?|rights)\b", re.IGNORECASE)
FIELD = re.compile(r"\b(dissidents?|detain\w*|prisoners?|activists?|lawyers?|cases?|arrest\w*|sentenc\w*|"
                   r"disappear\w*|custody)\b", re.IGNORECASE)
CHINA = re.compile(r"\b(China|Chinese|Beijing|PRC)\b")
#: a follow-up question stays on the subject when it keeps to these words
FOLLOW_UP = re.compile(r"\b(rais\w+|concerns?|releas\w+|delegation|cases?|detain\w*|lawyers?|held|talks|round)\b",
                       re.IGNORECASE)
QUESTION_LABELS = {"QUESTION", "Q"}


def on_topic(doc: Doc, index: MentionIndex, start: int, end: int) -> bool:
    span = span_of(doc, start, end)
    if span is None:
        return False
    if any(m.kind == "Issue" or (m.kind == "Event" and not _talks_with_a_person(m, doc, index)
                                 and not _other_talks(m, doc))
           for m in index.in_range(span.start, span.end)):
        return True
    text = span.text
    return bool(RIGHTS.search(text) or (CHINA.search(text) and FIELD.search(text)))


def _talks_with_a_person(m: Mention, doc: Doc, index: MentionIndex) -> bool:
    """'The Premier held talks with Prime Minister X': a plain 'talks' with a person is another
    visit's, not the dialogue (which is held between governments)."""
    if len(m.text.split()) > 1 or not m.text.islower() or m.end >= len(doc) or doc[m.end].lower_ != "with":
        return False
    return any(p.kind == "Person" for p in index.in_range(m.end + 1, min(len(doc), m.end + 6)))


def _other_talks(m: Mention, doc: Doc) -> bool:
    """'political dialogue' on Libya, the 'Six-Party Talks', 'through dialogue': a dialogue word that
    names other talks or none (the dialogue's own names hold 'rights': 'human rights dialogue';
    'the talks', 'this dialogue' stay)."""
    single = len(m.text.split()) == 1
    if single and not m.text.islower():
        return True  # a lone capitalised 'Talks' or 'Dialogue' is some other talks' name
    if "rights" in m.text.lower():
        return False
    first = doc[m.start]
    if (first.is_title and not first.is_sent_start) or any(
            c.dep_ in ("amod", "compound") and c.pos_ in ("ADJ", "PROPN") and "rights" not in c.lower_
            for t in doc[m.start:m.end] for c in t.children):
        return True  # "the Six-Party Talks", "Strategic and Economic Dialogue", "political dialogue"
    # a bare word as the means of something is the generic noun ('resolve the crisis through dialogue')
    return single and first.head.lower_ in ("through", "via", "by") \
        and not any(t.dep_ in ("det", "poss") for t in first.children)


def off_topic_ranges(doc: Doc, index: MentionIndex) -> list[tuple[int, int]]:
    """Character ranges of transcript exchanges (and loose transcript paragraphs) that are off topic."""
    turns = transcript_turns(doc_text(doc))
    if not turns:
        return []
    paras = paragraphs(doc_text(doc))
    turn_in = [next((t for t in turns if a <= t.start < b), None) for a, b in paras]
    first_turn = next(i for i, t in enumerate(turn_in) if t is not None)
    transcript = first_turn < TRANSCRIPT_WITHIN
    groups: list[tuple[bool, list[tuple[int, int]]]] = []  # (filterable, paragraphs)
    asked = False  # the current group is an exchange: a question and the answers after it
    for (a, b), turn in zip(paras, turn_in, strict=True):
        question = turn is not None and turn.label.split()[0].strip(".").upper() in QUESTION_LABELS
        if turn is not None and not question and groups and groups[-1][0] and asked:
            groups[-1][1].append((a, b))  # an answer, or a further paragraph of it
        else:  # a question, or outside an exchange (the opening announcements): judged on its own
            groups.append((turn is not None or transcript, [(a, b)]))
            asked = question
    out = []
    previous = False
    people: set[str] = set()  # the persons the last exchange about rights named
    for filterable, group in groups:
        here = any(on_topic(doc, index, a, b) for a, b in group)
        named = {m.canonical or "" for a, b in group for m in _people(doc, index, a, b)}
        if not here and previous and (any(FOLLOW_UP.search(doc_text(doc)[a:b]) for a, b in group)
                                      or named & people):
            here = True  # a follow-up to an exchange about rights, or more on the people it named
        if filterable and not here:
            out.extend(group)
        if filterable:  # an exchange about rights adds its people to the run of such exchanges it continues
            people = ((people if previous else set()) | named) if here else set()
        previous = here if filterable else previous
    return out


def _people(doc: Doc, index: MentionIndex, start: int, end: int) -> list[Mention]:
    """The persons a paragraph names, not the speaker of its turn label ('Hong Lei: …')."""
    span = span_of(doc, start, end)
    return [] if span is None else [m for m in index.in_range(span.start, span.end, ("Person",)) if m.canonical
                                    and not (m.end < len(doc) and doc[m.end].text == ":")]
