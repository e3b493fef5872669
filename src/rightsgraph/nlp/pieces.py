"""Long articles in pieces: a body longer than a piece is cut at paragraph breaks, each piece is
parsed and ruled on its own, and the extractions are joined with offsets into the whole body.

spaCy refuses texts over ``nlp.max_length`` (1 M characters) and several rules look back over
the whole document, so time grows faster than length; pieces keep both linear. What is lost is
only context across a cut (a pronoun whose antecedent sits in the previous piece).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from ..model import Actor, Article, Case, Extraction, Span

__all__ = ["PIECE_CHARS", "pieces", "join"]

#: the longest body parsed as one Doc
PIECE_CHARS = 20_000


def pieces(body: str, *, size: int = PIECE_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, text) pieces of at most about `size` characters, cut after a paragraph break
    (else a line break, else a sentence end, else anywhere), covering the whole body."""
    start = 0
    while len(body) - start > size:
        window = body[start:start + size]
        cut = max(window.rfind("\n\n"), -1)
        cut = cut + 2 if cut > size // 4 else -1
        if cut < 0:
            for mark in ("\n", ". "):
                at = window.rfind(mark)
                if at > size // 4:
                    cut = at + len(mark)
                    break
        if cut < 0:
            cut = size
        yield start, body[start:start + cut]
        start += cut
    yield start, body[start:]


def _shift(span: Span, offset: int) -> Span:
    return replace(span, begin=span.begin + offset, end=span.end + offset)


def join(article: Article, parts: list[tuple[int, Extraction]]) -> Extraction:
    """One extraction of `article` from its pieces' extractions (offset, extraction)."""
    actors: dict[str, Actor] = {}
    cases: dict[str, Case] = {}
    out = Extraction(article=article)
    for offset, x in parts:
        for a in x.actors:
            prev = actors.get(a.name)
            actors[a.name] = a if prev is None else replace(
                prev, aliases=tuple(sorted(set(prev.aliases) | set(a.aliases))),
                role=prev.role or a.role, affiliation=prev.affiliation or a.affiliation)
        for c in x.cases:
            if c.name not in cases:
                cases[c.name] = replace(c, sentence=_shift(c.sentence, offset) if c.sentence else None)
        out.statements += [replace(s, sentence=_shift(s.sentence, offset)) for s in x.statements]
        out.relations += [replace(r, sentence=_shift(r.sentence, offset)) for r in x.relations]
        if x.round is not None:  # each of ordinal, venue and time from the first piece that gives it
            cue = replace(x.round, sentence=_shift(x.round.sentence, offset) if x.round.sentence else None)
            out.round = cue if out.round is None else replace(
                out.round, ordinal=out.round.ordinal if out.round.ordinal is not None else cue.ordinal,
                place=out.round.place or cue.place, days=out.round.days or cue.days,
                sentence=out.round.sentence or cue.sentence)
    out.actors = sorted(actors.values(), key=lambda a: a.name)
    out.cases = list(cases.values())
    return out
