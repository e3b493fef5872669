"""Plain dataclasses between the NLP side and the RDF side (no spaCy, no rdflib here)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, is_dataclass
from typing import Any, Literal

__all__ = [
    "Article", "Span", "Actor", "Statement", "Case", "Relation", "RoundCue", "Extraction",
    "ActorKind", "StatementKind", "Stance", "Status", "extraction_to_json", "extraction_from_json",
]

ActorKind = Literal["Person", "Organization", "Event"]
StatementKind = Literal["direct", "indirect"]
Stance = Literal["criticizes", "defends", "neutral"]
Status = Literal["detained", "missing", "released", "exiled", "unknown"]


@dataclass(frozen=True)
class Article:
    """One news article. Character offsets elsewhere are offsets into `body`."""

    id: str  # stable id from the file name (or jsonl line), used for the article IRI
    title: str
    body: str
    date: str | None = None  # ISO yyyy-mm-dd when the text states it
    publisher: str | None = None
    url: str | None = None
    path: str | None = None  # where it was read from
    voice: str | None = None  # who speaks in the body itself (press release issuer, editorial's government)
    header: tuple[str, ...] = ()  # lines above the body kept as metadata (bylines, "Jen Psaki, Spokesperson")


@dataclass(frozen=True)
class Span:
    """A sentence (or other evidence) inside an article body."""

    article_id: str
    begin: int
    end: int
    text: str


@dataclass(frozen=True)
class Actor:
    name: str  # canonical (fullest) name
    kind: ActorKind
    aliases: tuple[str, ...] = ()
    role: str | None = None  # title as printed
    affiliation: str | None = None  # canonical name of an organization


@dataclass(frozen=True)
class Statement:
    speaker: str  # canonical actor name
    text: str  # verbatim quoted words, or the reported clause
    kind: StatementKind
    stance: Stance
    sentence: Span
    about: str | None = None  # canonical entity name
    confidence: float = 1.0


@dataclass(frozen=True)
class Case:
    """A person whose rights are at stake (kind Person) or a thematic issue (kind Issue)."""

    name: str
    kind: Literal["Person", "Issue"]
    status: Status | None = None  # persons only
    aliases: tuple[str, ...] = ()
    sentence: Span | None = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Relation:
    subject: str  # canonical names
    predicate: str  # one of vocab.PREDICATES
    object: str
    sentence: Span
    confidence: float = 1.0
    rule: str = ""  # the rule that produced it


@dataclass(frozen=True)
class RoundCue:
    """What an article says about which round of the dialogue it reports: an ordinal ('the 17th
    round'), a venue ('held in Kunming') and a time relative to its date ('next week': the round
    starts 1 to 13 days after it). rounds.py matches it to a known round."""

    ordinal: int | None = None
    place: str | None = None
    days: tuple[int, int] | None = None  # first and last day the round may start, from the article date
    sentence: Span | None = None


@dataclass
class Extraction:
    """Everything extracted from one article."""

    article: Article
    actors: list[Actor] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    cases: list[Case] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    round: RoundCue | None = None  # what the text says about the round it reports


def _plain(value: Any) -> Any:
    """Dataclasses as dicts, tuples as lists, the rest as it is: what `dataclasses.asdict` gives for
    these plain records, without the deep copy it makes of every value (most of a build's
    bookkeeping time)."""
    if is_dataclass(value):
        return {k: _plain(v) for k, v in vars(value).items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def extraction_to_json(x: Extraction) -> str:
    """One extraction as compact JSON (the build record kept in the store; see build.py)."""
    return json.dumps(_plain(x), ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _span(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span(**d)


def extraction_from_json(text: str) -> Extraction:
    """The inverse of :func:`extraction_to_json`."""
    d = json.loads(text)
    a = d["article"]
    article = Article(**{**a, "header": tuple(a.get("header", ()))})
    return Extraction(
        article=article,
        actors=[Actor(**{**x, "aliases": tuple(x["aliases"])}) for x in d["actors"]],
        statements=[Statement(**{**x, "sentence": _span(x["sentence"])}) for x in d["statements"]],
        cases=[Case(**{**x, "aliases": tuple(x["aliases"]), "sentence": _span(x["sentence"])}) for x in d["cases"]],
        relations=[Relation(**{**x, "sentence": _span(x["sentence"])}) for x in d["relations"]],
        round=_round(d.get("round")),
    )


def _round(d: dict[str, Any] | None) -> RoundCue | None:
    if d is None:
        return None
    days = d.get("days")
    return RoundCue(ordinal=d.get("ordinal"), place=d.get("place"), days=tuple(days) if days else None,  # type: ignore[arg-type]
                    sentence=_span(d.get("sentence")))
