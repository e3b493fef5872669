"""Helpers for the NLP rule tests: run extract() on a one-off text, and plain-tuple views of the result.

The pipeline is the session-scoped ``nlp`` fixture from conftest.py.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from rightsgraph.model import Article, Extraction
from rightsgraph.nlp import extract

DIALOGUE = "US-China Human Rights Dialogue"


def run(nlp: Language, text: str, title: str = "Test article") -> Extraction:
    """Extract from a one-off article whose body is `text`."""
    return extract(nlp, Article(id="t", title=title, body=text))


def release(nlp: Language, body: str, voice: str) -> Extraction:
    """Extract from a one-off release whose body speaks in `voice`'s own words."""
    return extract(nlp, Article(id="t", title="Release", body=body, voice=voice))


def raised_by(ex: Extraction, subject: str) -> set[str]:
    """What `subject` raised."""
    return {r.object for r in ex.relations if r.predicate == "raised" and r.subject == subject}


def statements(ex: Extraction) -> list[tuple[str, str, str]]:
    """(speaker, kind, stance) for every statement."""
    return [(s.speaker, s.kind, s.stance) for s in ex.statements]


def statement_texts(ex: Extraction) -> list[tuple[str, str]]:
    """(speaker, text) for every statement."""
    return [(s.speaker, s.text) for s in ex.statements]


def relations(ex: Extraction) -> list[tuple[str, str, str]]:
    """(subject, predicate, object) for every relation."""
    return [(r.subject, r.predicate, r.object) for r in ex.relations]


def cases(ex: Extraction) -> list[tuple[str, str, str | None]]:
    """(name, kind, status) for every case; issues have status None."""
    return [(c.name, c.kind, c.status) for c in ex.cases]


def actors(ex: Extraction) -> list[tuple[str, str]]:
    """(name, kind) for every actor."""
    return [(a.name, a.kind) for a in ex.actors]


def aliases(ex: Extraction) -> dict[str, tuple[str, ...]]:
    """canonical actor name -> printed aliases."""
    return {a.name: a.aliases for a in ex.actors}


def reparsed(nlp: Language, text: str, attach: dict[str, tuple[str, str]]) -> Doc:
    """`text` parsed, then with some tokens re-attached as the parser sometimes does on other names:
    attach maps a token's text to (its new head's text, its new dependency label), first occurrences.
    Tests a rule against a parse it must survive without hunting for a sentence that provokes it."""
    doc = nlp(text)
    where = {}
    for t in doc:
        where.setdefault(t.text, t.i)
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for word, (head, dep) in attach.items():
        heads[where[word]], deps[where[word]] = where[head], dep
    out = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
              heads=heads, deps=deps, pos=[t.pos_ for t in doc], tags=[t.tag_ for t in doc],
              lemmas=[t.lemma_ for t in doc], ents=[t.ent_iob_ + ("-" + t.ent_type_ if t.ent_type_ else "")
                                                   for t in doc])
    for t, o in zip(doc, out, strict=True):
        o.ent_id_ = t.ent_id_
    return out
