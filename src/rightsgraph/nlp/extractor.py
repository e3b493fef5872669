"""One article -> Extraction: mentions, statements, cases, relations (plain dataclasses)."""

from __future__ import annotations

from spacy.language import Language

from ..model import Actor, Article, Extraction, Relation
from .cases import find_cases
from .derived import derived_relations, raised_relations
from .knowledge import Knowledge, load_knowledge
from .mentions import Mention, MentionIndex, bare_name, find_mentions
from .quotes import find_statements, quoted_tokens
from .relations import find_relations
from .speakers import SpeakerResolver

__all__ = ["extract", "actors_from_mentions"]


def actors_from_mentions(mentions: list[Mention], knowledge: Knowledge) -> list[Actor]:
    """One Actor per canonical name; every other printed form becomes an alias."""
    gaz = knowledge.by_name
    grouped: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.kind in ("Person", "Organization", "Government", "Event") and m.canonical:
            grouped.setdefault(m.canonical, []).append(m)
    actors = []
    for name, ms in sorted(grouped.items()):
        kind = "Event" if ms[0].kind == "Event" else ("Person" if ms[0].kind == "Person" else "Organization")
        aliases = tuple(sorted({t for m in ms for t in (m.text, bare_name(m.text)) if t != name}))
        roles = [m.role for m in ms if m.role]
        entry = gaz.get(name)
        role = roles[0] if roles else None
        actors.append(Actor(name=name, kind=kind, aliases=aliases, role=role,  # type: ignore[arg-type]
                            affiliation=entry.affiliation if entry else None))
    return actors


def extract(nlp: Language, article: Article, *, knowledge: Knowledge | None = None) -> Extraction:
    k = knowledge or load_knowledge()
    doc = nlp(article.body)
    mentions = find_mentions(doc, k)
    index = MentionIndex(mentions)
    header = "\n".join((article.title, *article.header))
    statements = find_statements(doc, index, k, article.id, voice=article.voice, header=header)
    speakers = SpeakerResolver(doc, index, k, quoted_tokens(doc))
    relations = raised_relations(doc, index, k, article.id, speakers, statements)
    cases = find_cases(doc, index, k, article.id, raised={r.object for r in relations})
    relations += find_relations(doc, index, k, article.id, speakers)
    relations += derived_relations(doc, index, k, article.id, statements, cases, relations)
    relations = _dedupe(relations)
    return Extraction(article=article, actors=actors_from_mentions(mentions, k), statements=statements,
                      cases=cases, relations=relations)


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One Relation per (s, p, o, sentence): the most confident rule wins."""
    best: dict[tuple[str, str, str, int], Relation] = {}
    for r in relations:
        key = (r.subject, r.predicate, r.object, r.sentence.begin)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return sorted(best.values(), key=lambda r: (r.sentence.begin, r.subject, r.predicate, r.object))
