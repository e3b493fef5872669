"""Person names within one article: a short form ('Posner', 'Mr. Posner') takes the full name
printed in the same article, and a bare surname the NER tagged as an organisation is a person.

Across articles, resolve.py joins the names; here only one article's mentions are seen.
"""

from __future__ import annotations

import functools
import re
from collections import Counter

from spacy.tokens import Doc

from .knowledge import Knowledge
from .mention import Mention
from .textspans import doc_text

__all__ = ["HONORIFICS", "bare_name", "name_tokens", "resolve_people", "surnames_tagged_org"]

HONORIFICS = {"Mr", "Mrs", "Ms", "Dr", "Miss"}


def surnames_tagged_org(mentions: list[Mention]) -> list[Mention]:
    """NER sometimes tags a bare surname ('the lawyer Wang') as ORG: it is the person of that name;
    'Smith and Brown' tagged as one ORG, after both were named, is the two persons."""
    surnames = {t for m in mentions if m.kind == "Person" for t in name_tokens(m.text)[:1] + name_tokens(m.text)[-1:]
                if len(name_tokens(m.text)) >= 2}
    out = []
    for m in mentions:
        words = m.text.split()
        if m.kind == "Organization" and m.canonical is None and " " not in m.text and m.text in surnames:
            m.kind = "Person"
        elif m.kind == "Organization" and m.canonical is None and m.end - m.start == 3 and len(words) == 3 \
                and words[1] == "and" and words[0] in surnames and words[2] in surnames:
            out += [Mention(m.start, m.start + 1, words[0], "Person"), Mention(m.end - 1, m.end, words[2], "Person")]
            continue
        out.append(m)
    return out


def name_tokens(text: str) -> list[str]:
    return [t for t in text.replace(".", ". ").split() if t and t.rstrip(".") not in HONORIFICS]


def bare_name(text: str) -> str:
    """'Mr. Posner' -> 'Posner'."""
    words = text.split()
    return " ".join(words[1:]) if len(words) > 1 and words[0].rstrip(".") in HONORIFICS else text


def resolve_people(doc: Doc, mentions: list[Mention], knowledge: Knowledge, title: str) -> None:
    """Short forms ('Posner', 'Mr. Posner') take the full name printed in the same article (its
    headline counts too)."""
    people = [m for m in mentions if m.kind == "Person"]
    reporting = knowledge.words("reporting_verbs")
    for m in people:
        context = doc[max(0, m.start - 3):min(len(doc), m.end + 6)]
        m.descriptors = {t.lemma_.lower() for t in context if t.pos_ == "NOUN"}
        root = doc[m.start:m.end].root
        m.speaks = root.dep_ == "nsubj" and root.head.lemma_.lower() in reporting
    alias_map = {a: e.name for e in knowledge.actors if e.kind == "Person" for a in (e.name, *e.aliases)}
    full = [m for m in people if len(name_tokens(m.canonical or m.text)) >= 2]
    for m in full:
        if m.canonical is None:
            m.canonical = alias_map.get(m.text) or alias_map.get(bare_name(m.text)) or bare_name(m.text)
    # how often each full name is printed, headlines included (NER often misses names in title case)
    printed = f"{title}\n{doc_text(doc)}"
    counts = Counter({n: len(re.findall(rf"\b{re.escape(n)}\b", printed)) for n in {m.canonical for m in full} if n})
    for m in people:
        if m.canonical is not None and len(name_tokens(m.canonical)) >= 2:
            continue
        token = name_tokens(m.text)[-1]
        cands = [f for f in full if token in name_tokens(f.canonical or "")]
        if not cands:
            m.canonical = alias_map.get(m.text) or alias_map.get(bare_name(m.text)) or m.canonical or bare_name(m.text)
            continue
        names = sorted({c.canonical for c in cands if c.canonical})

        m.canonical = max(names, key=functools.partial(_rank, m=m, cands=cands, counts=counts))


def _rank(name: str, m: Mention, cands: list[Mention], counts: Counter[str]) -> tuple[int, int, int, int]:
    """Descriptor shared with the full mention ('activist Chen'), then whether that person speaks
    in the article (when the short form is itself a speaker), then frequency, then recency."""
    mine = [c for c in cands if c.canonical == name]
    intro = set().union(*(c.descriptors for c in mine))
    preceding = [c.start for c in mine if c.start < m.start]
    speaker = int(m.speaks and any(c.speaks for c in mine))
    return (len(m.descriptors & intro), speaker, counts[name], max(preceding, default=-1))
