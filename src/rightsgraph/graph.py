"""Extractions -> RDF. The only module that mints triples.

One named graph per article (its IRI is the article's) holds everything derived from that
article, so a rebuild of one article replaces exactly its facts; entity descriptions repeat in
each article graph that mentions the entity and merge in the union. A small vocabulary graph
declares rg:Issue ⊑ rg:Case, rg:Dialogue ⊑ schema:Event and rg:DialogueRound ⊑ schema:Event.
An article's round (rounds.py) is a schema:Event with schema:superEvent the dialogue; the
article, its statements and its facts point to it with rg:round.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Mapping
from decimal import Decimal

from rdflib import Dataset, Literal, URIRef

from .model import Extraction
from .resolve import DIALOGUE, Resolver, name_mentions
from .rounds import Round, load_rounds, round_of
from .status import add_current_status
from .store.terms import to_oxigraph
from .vocab import (
    NIF,
    PREDICATES,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    RG,
    RGID,
    SCHEMA,
    SKOS,
    STANCES,
    STATUSES,
    SYMMETRIC,
    XSD,
    entity_iri,
    slugify,
)

__all__ = ["to_dataset", "article_ntriples", "article_iri", "article_slug", "VOCAB_GRAPH"]

VOCAB_GRAPH = RGID["graph/vocabulary"]


def article_slug(article_id: str) -> str:
    """A lossless slug of an article id: the slug itself when it spells the id, else the slug and
    a digest of the id ('Report A' and 'report_a' stay two articles; 'a1-wire' stays a1-wire)."""
    slug = slugify(article_id)
    return slug if slug == article_id else f"{slug}-{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:8]}"


def article_iri(article_id: str) -> URIRef:
    return RGID[f"article/{article_slug(article_id)}"]


@functools.lru_cache(maxsize=1024)  # confidences take a few hundred values; a Literal is immutable
def _decimal(x: float) -> Literal:
    return Literal(Decimal(str(round(x, 2))), datatype=XSD.decimal)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


Triple = tuple[URIRef, URIRef, URIRef | Literal]


class _Writer:
    """The triples of one article's graph, as a set of rdflib terms (no rdflib Graph: a build
    writes them straight to the store as N-Triples)."""

    def __init__(self, x: Extraction, kinds: Mapping[str, str], min_confidence: float,
                 rounds: tuple[Round, ...] | None = None):
        self.x = x
        self.kinds = kinds
        self.min_conf = min_confidence
        self.art = article_iri(x.article.id)
        self.triples: set[Triple] = set()
        self.described: dict[str, URIRef] = {}  # entity name -> IRI, once its description is written
        self.sentences: dict[tuple[int, int, str], URIRef] = {}
        self.slug = article_slug(x.article.id)
        about = any(a.kind == "Event" for a in x.actors) or any(st.about == DIALOGUE for st in x.statements)
        self.round_found = round_of(x.round, x.article.date, load_rounds() if rounds is None else rounds,
                                    about_dialogue=about)
        self.round_iri = RGID[f"round/{self.round_found.slug}"] if self.round_found is not None else None

    def add(self, triple: Triple) -> None:
        self.triples.add(triple)

    def write(self) -> set[Triple]:
        self.article()
        self.dialogue_round()
        self.actors()
        self.cases()
        self.statements()
        self.relations()
        return self.triples

    def entity(self, name: str) -> URIRef:
        if (known := self.described.get(name)) is not None:
            return known
        kind = self.kinds.get(name, "Organization")
        iri = self.described[name] = entity_iri(kind, name)
        self.add((iri, RDF.type, {"Person": SCHEMA.Person, "Organization": SCHEMA.Organization,
                                  "Event": SCHEMA.Event, "Issue": RG.Issue}[kind]))
        if kind == "Event":
            self.add((iri, RDF.type, RG.Dialogue))
        self.add((iri, RDFS.label, Literal(name)))
        self.add((iri, RG.mentionedIn, self.art))
        return iri

    def sentence(self, begin: int, end: int, text: str) -> URIRef:
        key = (begin, end, text if begin == end else "")
        if (known := self.sentences.get(key)) is not None:
            return known  # cited by several statements and facts: described once
        # a header line, which is not part of the body, is a span of no length before it (0-0)
        name = f"{begin}-{end}" if begin != end else f"header-{_digest(text)}"
        iri = self.sentences[key] = RGID[f"sentence/{self.slug}/{name}"]
        self.add((iri, RDF.type, NIF.String))
        self.add((iri, RDF.type, RG.Sentence))
        self.add((iri, NIF.anchorOf, Literal(text)))
        self.add((iri, NIF.beginIndex, Literal(begin, datatype=XSD.integer)))
        self.add((iri, NIF.endIndex, Literal(end, datatype=XSD.integer)))
        self.add((iri, NIF.referenceContext, self.art))
        return iri

    def article(self) -> None:
        a = self.x.article
        self.add((self.art, RDF.type, SCHEMA.Article))
        self.add((self.art, SCHEMA.headline, Literal(a.title)))
        self.add((self.art, RG.sourceId, Literal(a.id)))
        self.add((self.art, NIF.isString, Literal(a.body)))
        if a.date:
            self.add((self.art, SCHEMA.datePublished, Literal(a.date, datatype=XSD.date)))
        if a.publisher:
            self.add((self.art, SCHEMA.publisher, Literal(a.publisher)))
        if a.url:
            self.add((self.art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))

    def dialogue_round(self) -> None:
        """The round this article reports, as an event under the dialogue; the article, its
        statements and its facts point to it with rg:round."""
        r, iri = self.round_found, self.round_iri
        if r is None or iri is None:
            return
        self.add((iri, RDF.type, SCHEMA.Event))
        self.add((iri, RDF.type, RG.DialogueRound))
        self.add((iri, RDFS.label, Literal(r.label)))
        self.add((iri, SCHEMA.superEvent, self.entity(DIALOGUE)))
        if r.ordinal is not None:
            self.add((iri, RG.ordinal, Literal(r.ordinal, datatype=XSD.integer)))
        if r.start:
            self.add((iri, SCHEMA.startDate, Literal(r.start, datatype=XSD.date)))
        if r.end:
            self.add((iri, SCHEMA.endDate, Literal(r.end, datatype=XSD.date)))
        if r.location:
            self.add((iri, SCHEMA.location, Literal(r.location)))
        if not r.known:
            self.add((iri, RG.knownFrom, RG.Text))
        self.add((self.art, RG.round, iri))
        cue = self.x.round.sentence if self.x.round is not None else None
        if cue is not None:
            self.add((self.art, RG.roundEvidence, self.sentence(cue.begin, cue.end, cue.text)))

    def actors(self) -> None:
        for actor in self.x.actors:
            iri = self.entity(actor.name)
            for alias in actor.aliases:
                self.add((iri, SKOS.altLabel, Literal(alias)))
            if actor.role:
                self.add((iri, SCHEMA.jobTitle, Literal(actor.role)))

    def cases(self) -> None:
        for case in self.x.cases:
            iri = self.entity(case.name)
            self.add((iri, RDF.type, RG.Case))
            for alias in case.aliases:
                self.add((iri, SKOS.altLabel, Literal(alias)))
            if case.kind == "Person":
                status: URIRef = RG[STATUSES[case.status or "unknown"]]
                self.add((iri, RG.status, status))
                if case.status not in (None, "unknown") and case.sentence is not None:
                    # one dated claim per article: the case's status history (the page lists it)
                    claim = RGID[f"status/{self.slug}/{slugify(case.name)}"]
                    c = case.sentence
                    self.add((claim, RDF.type, RG.StatusClaim))
                    self.add((claim, RG.statusOf, iri))
                    self.add((claim, RG.status, status))
                    self.add((claim, PROV.wasDerivedFrom, self.sentence(c.begin, c.end, c.text)))
            if case.sentence is not None:
                s = case.sentence
                self.add((iri, PROV.wasDerivedFrom, self.sentence(s.begin, s.end, s.text)))
                self.add((iri, RG.caseConfidence, _decimal(case.confidence)))

    def statements(self) -> None:
        for st in self.x.statements:
            if st.confidence < self.min_conf:
                continue
            s = st.sentence
            iri = RGID[f"statement/{self.slug}/{s.begin}-{_digest(st.speaker, st.text)}"]
            self.add((iri, RDF.type, RG.Statement))
            self.add((iri, RG.speaker, self.entity(st.speaker)))
            self.add((iri, RG.text, Literal(st.text)))
            self.add((iri, RG.kind, RG.Direct if st.kind == "direct" else RG.Indirect))
            self.add((iri, RG.stance, RG[STANCES[st.stance]]))
            if st.about:
                self.add((iri, RG.about, self.entity(st.about)))
            self.add((iri, RG.confidence, _decimal(st.confidence)))
            self.add((iri, PROV.wasDerivedFrom, self.sentence(s.begin, s.end, s.text)))
            if self.round_iri is not None:
                self.add((iri, RG.round, self.round_iri))

    def relations(self) -> None:
        facts: dict[tuple[str, str, str], list] = {}
        for r in self.x.relations:
            if r.confidence < self.min_conf or r.predicate not in PREDICATES:
                continue
            s, o = r.subject, r.object
            if r.predicate in SYMMETRIC and str(entity_iri(self.kinds.get(o, "Organization"), o)) < \
                    str(entity_iri(self.kinds.get(s, "Organization"), s)):
                s, o = o, s
            facts.setdefault((s, r.predicate, o), []).append(r)
        for (s, p, o), rs in sorted(facts.items()):
            si, oi = self.entity(s), self.entity(o)
            self.add((si, RG[p], oi))
            fact = RGID[f"fact/{self.slug}/{_digest(str(si), p, str(oi))}"]
            self.add((fact, RDF.type, RG.Fact))
            self.add((fact, RDF.type, RDF.Statement))
            self.add((fact, RDF.subject, si))
            self.add((fact, RDF.predicate, RG[p]))
            self.add((fact, RDF.object, oi))
            self.add((fact, RG.confidence, _decimal(max(r.confidence for r in rs))))
            if self.round_iri is not None:
                self.add((fact, RG.round, self.round_iri))
            for r in rs:
                self.add((fact, RG.rule, Literal(r.rule)))
                ev = r.sentence
                self.add((fact, PROV.wasDerivedFrom, self.sentence(ev.begin, ev.end, ev.text)))


def to_dataset(extractions: list[Extraction], *, min_confidence: float = 0.0,
               kinds: Mapping[str, str] | None = None, rounds: tuple[Round, ...] | None = None) -> Dataset:
    """Build the RDF dataset: one named graph per article plus the vocabulary graph.

    `kinds` gives each canonical name its kind (resolve.Resolver.kinds); by default it is worked
    out from these extractions alone. A name with no kind is an organization.
    """
    ds = Dataset()
    for prefix, ns in PREFIXES.items():
        ds.bind(prefix, ns)
    if kinds is None:
        kinds = Resolver(set().union(set(), *map(name_mentions, extractions))).kinds
    vocab = ds.graph(VOCAB_GRAPH)
    vocab.add((RG.Issue, RDFS.subClassOf, RG.Case))
    vocab.add((RG.Dialogue, RDFS.subClassOf, SCHEMA.Event))
    vocab.add((RG.DialogueRound, RDFS.subClassOf, SCHEMA.Event))
    for x in extractions:
        graph = ds.graph(article_iri(x.article.id))
        for triple in _Writer(x, kinds, min_confidence, rounds).write():
            graph.add(triple)
    add_current_status(ds)
    return ds


def article_ntriples(x: Extraction, *, kinds: Mapping[str, str], min_confidence: float = 0.0,
                     rounds: tuple[Round, ...] | None = None) -> tuple[str, int]:
    """One article's graph (the same triples `to_dataset` puts in its named graph) as N-Triples
    text, and its triple count: what a build sends to the store, without an rdflib Graph."""
    triples = _Writer(x, kinds, min_confidence, rounds).write()
    return "".join(f"<{s}> <{p}> {to_oxigraph(o)} .\n" for s, p, o in triples), len(triples)
