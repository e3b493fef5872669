"""Shared helpers of the relation rules: the tuple a rule yields, the actor kinds, and the noun
phrases of the parse (which mention a token stands in, the organisations inside a phrase)."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..model import Span as Evidence
from .mentions import Mention, MentionIndex
from .textspans import doc_text, sentence_of, span_of

__all__ = ["Hit", "ACTOR", "ORGS", "AFFIL_PREPS", "NP_DEPS", "evidence_of", "mention_in", "root_of", "entry_of",
           "orgs_in", "listed_people", "lines", "agency_items", "heading_org"]

#: what a relation rule yields: (subject, predicate, object, trigger token, confidence, rule name)
Hit = tuple[str, str, str, Token, float, str]
ACTOR = ("Person", "Organization", "Government")
ORGS = ("Organization", "Government")
AFFIL_PREPS = {"at", "of", "with", "in", "for", "from"}


def evidence_of(tok: Token, article_id: str) -> Evidence:
    begin, end, _q = sentence_of(tok)
    return Evidence(article_id, begin, end, doc_text(tok.doc)[begin:end])


def first_conjunct(tok: Token) -> Token:
    """The head of the coordination `tok` stands in ('A, B and C': A)."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def mention_in(tok: Token, index: MentionIndex, kinds: tuple[str, ...]) -> Mention | None:
    m = index.at(tok.i)
    if m is not None and m.kind in kinds:
        return m
    found = index.in_range(tok.left_edge.i, tok.right_edge.i + 1, kinds)
    return min(found, key=lambda x: abs(x.start - tok.i)) if found else None


def root_of(m: Mention, doc: Doc) -> Token:
    return doc[m.start:m.end].root


NP_DEPS = {"prep", "pobj", "compound", "poss", "amod", "conj", "cc", "det", "case", "nmod", "appos", "punct"}


def entry_of(m: Mention, doc: Doc) -> Token:
    """The first token of a mention attached outside it (its root, unless the parse split the name)."""
    return next((t for t in doc[m.start:m.end] if not m.start <= t.head.i < m.end or t.head.i == t.i),
                doc[m.start:m.end].root)


def orgs_in(tok: Token, index: MentionIndex) -> list[Mention]:
    """Organisations inside the noun phrase of `tok` (not inside relative clauses or a next person)."""
    doc = tok.doc
    stop = min((m.start for m in index.in_range(tok.i + 1, tok.right_edge.i + 1, ("Person",))),
               default=tok.right_edge.i + 1)
    out = []
    # a name may run past the phrase's parse ("of the Bureau of Democracy, Human Rights, and Labor"
    # split at its commas): it counts when it starts inside the phrase
    for m in [m for m in index.mentions if tok.left_edge.i <= m.start < stop and m.kind in ORGS]:
        t = entry_of(m, doc)
        while t.i != tok.i and t.dep_ in NP_DEPS and t.head.i != t.i:
            t = t.head
        if t.i == tok.i:
            out.append(m)
    return out


def listed_people(doc: Doc, index: MentionIndex, paras: list[tuple[int, int]]) -> list[Mention]:
    """The person opening each line of the list that `paras` start with ('- Name, title', '1. Name
    …', however the lines are spaced), up to the first line that does not open with one."""
    out = []
    text = doc_text(doc)
    for lo, hi in [(p + a, p + b) for p, q in paras for a, b in lines(text[p:q])]:
        # a line by agency holds several items, any other line is one
        items: list[Span | None] = [item for _agency, item in agency_items(doc, index, lo, hi)]
        items = items or [span_of(doc, lo, hi)]
        people = [m for item in items if item is not None and (m := _opening_person(index, item)) is not None]
        if not people and heading_org(doc, index, lo, hi) is None:  # an agency's heading over its people
            break
        out += people
    return out


def _opening_person(index: MentionIndex, item: Span) -> Mention | None:
    first = min((m for m in index.mentions if item.start <= m.start < item.end), key=lambda m: m.start, default=None)
    if first is None or first.kind != "Person" or first.start - item.start > 2 or not first.canonical:
        return None
    return first


def heading_org(doc: Doc, index: MentionIndex, lo: int, hi: int) -> Mention | None:
    """The organisation a line consists of ('Department of State' over its delegation members)."""
    line = span_of(doc, lo, hi)
    if line is None:
        return None
    orgs = [m for m in index.mentions if line.start <= m.start < line.end and m.kind == "Organization"]
    rest = [t for t in line if not t.is_punct and not t.is_space and not any(o.start <= t.i < o.end for o in orgs)]
    return orgs[0] if len(orgs) == 1 and not rest and orgs[0].canonical else None


def agency_items(doc: Doc, index: MentionIndex, lo: int, hi: int) -> list[tuple[Mention, Span]]:
    """A delegation list's line by agency ('Department of State: Name, Title; Name, Office, Bureau.'):
    the agency named before the colon, with each item after it (split at semicolons)."""
    line = span_of(doc, lo, hi)
    if line is None:
        return []
    lead = min((m for m in index.mentions if line.start <= m.start < line.end), key=lambda m: m.start, default=None)
    if lead is None or lead.kind != "Organization" or lead.start - line.start > 1 or lead.end >= line.end \
            or doc[lead.end].text != ":":
        return []
    out, start = [], lead.end + 1
    for t in doc[lead.end + 1:line.end]:
        if t.text == ";":
            out.append((lead, doc[start:t.i]))
            start = t.i + 1
    if start < line.end:
        out.append((lead, doc[start:line.end]))
    return [(a, item) for a, item in out if len(item)]


def lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line of `text` that is not blank."""
    spans, pos = [], 0
    for line in text.split("\n"):
        if line.strip():
            spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans
