"""One article -> Extraction: mentions, statements, cases, relations, round cue (plain dataclasses)."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..metadata import is_letterhead
from ..model import Actor, Article, Case, Extraction, Relation, Statement
from .cases import find_cases
from .derived import derived_relations
from .header import header_forms, header_relations
from .knowledge import Knowledge, load_knowledge
from .mentions import Mention, MentionIndex, bare_name, find_mentions
from .quotes import find_statements
from .raised import raised_relations
from .relations import find_relations
from .rounds import find_round
from .speakers import SpeakerResolver
from .textspans import quoted_tokens
from .topic import off_topic_ranges
from .voice import author_voice

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


def extract(nlp: Language, article: Article, *, knowledge: Knowledge | None = None,
            doc: Doc | None = None) -> Extraction:
    """Everything the rules find in one article; `doc` is its body parsed by `nlp` (parsed here
    when not given, e.g. by ``nlp.pipe`` over many articles)."""
    k = knowledge or load_knowledge()
    doc = doc if doc is not None else nlp(article.body)
    mentions = find_mentions(doc, k, article.title)
    skip = off_topic_ranges(doc, MentionIndex(mentions))
    mentions = [m for m in mentions if not any(a <= doc[m.start].idx < b for a, b in skip)]
    index = MentionIndex(mentions)
    intro = article.body.split("\n\n", 1)[0]  # "Spokesperson X held a regular press conference"
    header = "\n".join((article.title, *article.header, intro))
    voice = article.voice or author_voice(header, doc, index, k)
    speakers = SpeakerResolver(doc, index, k, quoted_tokens(doc), header=header)  # one for statements and relations
    statements = find_statements(doc, index, k, article.id, voice=voice, header=header, skip=skip, speakers=speakers)
    relations = raised_relations(doc, index, k, article.id, speakers, statements)
    cases = find_cases(doc, index, k, article.id, raised={r.object for r in relations})
    relations += find_relations(doc, index, k, article.id, speakers)
    relations += header_relations(article.header, index, k, article.id, voice, {s.speaker for s in statements})
    relations += derived_relations(doc, index, k, article.id, statements, cases, relations)
    relations = _dedupe(relations)
    actors = _without_bystanders(actors_from_mentions(mentions, k), statements, cases, relations, k)
    actors += _speakers_unnamed_in_text(actors, statements, k)
    actors = header_forms(actors, "\n".join((article.title, *article.header)))
    return Extraction(article=article, actors=actors, statements=statements,
                      cases=cases, relations=relations, round=find_round(doc, index, k, article.id))


def _without_bystanders(actors: list[Actor], statements: list[Statement], cases: list[Case],
                        relations: list[Relation], k: Knowledge) -> list[Actor]:
    """Drop organisations that only the statistical NER found, that take part in no fact and whose
    name is no institution's ('Reuters', 'Commerce', 'Suspension'); gazetteer organisations,
    people, and a named body that holds an organisation word ('the Xicheng District Court', 'the
    State Council Information Office') stay."""
    involved = {s.speaker for s in statements} | {c.name for c in cases}
    involved |= {r.subject for r in relations} | {r.object for r in relations}
    gaz = k.by_name
    heads = frozenset(k.lexicon["institution_heads"])
    return [a for a in actors if a.kind != "Organization" or a.name in gaz or a.name in involved
            or _institution(a.name, heads)]


def _institution(name: str, heads: frozenset[str]) -> bool:
    """'Aba Public Security Bureau', 'House Committee on Foreign Affairs': two or more capitalised words
    with an institution's head word last or before 'of', 'on' or 'for', and no outlet's name."""
    words = name.split()
    if len(words) < 2 or is_letterhead(name) \
            or not all(w[:1].isupper() or w in ("of", "on", "for", "and", "the") for w in words):
        return False
    pairs = zip(words, words[1:], strict=False)
    return words[-1] in heads or any(w in heads and nxt in ("of", "on", "for") for w, nxt in pairs)


def _speakers_unnamed_in_text(actors: list[Actor], statements: list[Statement], k: Knowledge) -> list[Actor]:
    """A gazetteer person who speaks only through transcript labels ('MR. RUBIN:') is an actor of the
    article too, so that the header's form of the name ('Briefer: James P. Rubin') is one of theirs."""
    named = {a.name for a in actors}
    out = []
    for name in dict.fromkeys(s.speaker for s in statements):
        entry = k.by_name.get(name)
        if name not in named and entry is not None and entry.kind == "Person":
            out.append(Actor(name=name, kind="Person", aliases=(), role=None, affiliation=entry.affiliation))
    return out


def _dedupe(relations: list[Relation]) -> list[Relation]:
    """One Relation per (s, p, o, sentence): the most confident rule wins."""
    best: dict[tuple[str, str, str, int], Relation] = {}
    for r in relations:
        key = (r.subject, r.predicate, r.object, r.sentence.begin)
        if key not in best or r.confidence > best[key].confidence:
            best[key] = r
    return sorted(best.values(), key=lambda r: (r.sentence.begin, r.subject, r.predicate, r.object))
