"""Extractions -> RDF. The only module that mints triples.

One named graph per article (its IRI is the article's) holds everything derived from that
article, so a rebuild of one article replaces exactly its facts; entity descriptions repeat in
each article graph that mentions the entity and merge in the union. A small vocabulary graph
declares rg:Issue ⊑ rg:Case and rg:Dialogue ⊑ schema:Event.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from decimal import Decimal

from rdflib import Dataset, Graph, Literal, URIRef

from .model import Extraction
from .resolve import Resolver, name_mentions
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

__all__ = ["to_dataset", "article_iri", "article_slug", "VOCAB_GRAPH"]

VOCAB_GRAPH = RGID["graph/vocabulary"]


def article_slug(article_id: str) -> str:
    """A lossless slug of an article id: the slug itself when it spells the id, else the slug and
    a digest of the id ('Report A' and 'report_a' stay two articles; 'a1-wire' stays a1-wire)."""
    slug = slugify(article_id)
    return slug if slug == article_id else f"{slug}-{hashlib.sha1(article_id.encode('utf-8')).hexdigest()[:8]}"


def article_iri(article_id: str) -> URIRef:
    return RGID[f"article/{article_slug(article_id)}"]


def _decimal(x: float) -> Literal:
    return Literal(Decimal(str(round(x, 2))), datatype=XSD.decimal)


def _digest(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:10]


class _Writer:
    def __init__(self, ds: Dataset, x: Extraction, kinds: Mapping[str, str], min_confidence: float):
        self.x = x
        self.kinds = kinds
        self.min_conf = min_confidence
        self.art = article_iri(x.article.id)
        self.g: Graph = ds.graph(self.art)
        self.described: set[str] = set()

    def entity(self, name: str) -> URIRef:
        kind = self.kinds.get(name, "Organization")
        iri = entity_iri(kind, name)
        if name not in self.described:
            self.described.add(name)
            g = self.g
            g.add((iri, RDF.type, {"Person": SCHEMA.Person, "Organization": SCHEMA.Organization,
                                   "Event": SCHEMA.Event, "Issue": RG.Issue}[kind]))
            if kind == "Event":
                g.add((iri, RDF.type, RG.Dialogue))
            g.add((iri, RDFS.label, Literal(name)))
            g.add((iri, RG.mentionedIn, self.art))
        return iri

    def sentence(self, begin: int, end: int, text: str) -> URIRef:
        iri = RGID[f"sentence/{article_slug(self.x.article.id)}/{begin}-{end}"]
        g = self.g
        g.add((iri, RDF.type, NIF.String))
        g.add((iri, RDF.type, RG.Sentence))
        g.add((iri, NIF.anchorOf, Literal(text)))
        g.add((iri, NIF.beginIndex, Literal(begin, datatype=XSD.integer)))
        g.add((iri, NIF.endIndex, Literal(end, datatype=XSD.integer)))
        g.add((iri, NIF.referenceContext, self.art))
        return iri

    def article(self) -> None:
        a, g = self.x.article, self.g
        g.add((self.art, RDF.type, SCHEMA.Article))
        g.add((self.art, SCHEMA.headline, Literal(a.title)))
        g.add((self.art, RG.sourceId, Literal(a.id)))
        g.add((self.art, NIF.isString, Literal(a.body)))
        if a.date:
            g.add((self.art, SCHEMA.datePublished, Literal(a.date, datatype=XSD.date)))
        if a.publisher:
            g.add((self.art, SCHEMA.publisher, Literal(a.publisher)))
        if a.url:
            g.add((self.art, SCHEMA.url, Literal(a.url, datatype=XSD.anyURI)))

    def actors(self) -> None:
        for actor in self.x.actors:
            iri = self.entity(actor.name)
            for alias in actor.aliases:
                self.g.add((iri, SKOS.altLabel, Literal(alias)))
            if actor.role:
                self.g.add((iri, SCHEMA.jobTitle, Literal(actor.role)))

    def cases(self) -> None:
        for case in self.x.cases:
            iri = self.entity(case.name)
            self.g.add((iri, RDF.type, RG.Case))
            for alias in case.aliases:
                self.g.add((iri, SKOS.altLabel, Literal(alias)))
            if case.kind == "Person":
                self.g.add((iri, RG.status, RG[STATUSES[case.status or "unknown"]]))
            if case.sentence is not None:
                s = case.sentence
                self.g.add((iri, PROV.wasDerivedFrom, self.sentence(s.begin, s.end, s.text)))
                self.g.add((iri, RG.caseConfidence, _decimal(case.confidence)))

    def statements(self) -> None:
        for st in self.x.statements:
            if st.confidence < self.min_conf:
                continue
            s = st.sentence
            iri = RGID[f"statement/{article_slug(self.x.article.id)}/{s.begin}-{_digest(st.speaker, st.text)}"]
            g = self.g
            g.add((iri, RDF.type, RG.Statement))
            g.add((iri, RG.speaker, self.entity(st.speaker)))
            g.add((iri, RG.text, Literal(st.text)))
            g.add((iri, RG.kind, RG.Direct if st.kind == "direct" else RG.Indirect))
            g.add((iri, RG.stance, RG[STANCES[st.stance]]))
            if st.about:
                g.add((iri, RG.about, self.entity(st.about)))
            g.add((iri, RG.confidence, _decimal(st.confidence)))
            g.add((iri, PROV.wasDerivedFrom, self.sentence(s.begin, s.end, s.text)))

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
            self.g.add((si, RG[p], oi))
            fact = RGID[f"fact/{article_slug(self.x.article.id)}/{_digest(str(si), p, str(oi))}"]
            self.g.add((fact, RDF.type, RG.Fact))
            self.g.add((fact, RDF.type, RDF.Statement))
            self.g.add((fact, RDF.subject, si))
            self.g.add((fact, RDF.predicate, RG[p]))
            self.g.add((fact, RDF.object, oi))
            self.g.add((fact, RG.confidence, _decimal(max(r.confidence for r in rs))))
            for r in rs:
                self.g.add((fact, RG.rule, Literal(r.rule)))
                ev = r.sentence
                self.g.add((fact, PROV.wasDerivedFrom, self.sentence(ev.begin, ev.end, ev.text)))


def to_dataset(extractions: list[Extraction], *, min_confidence: float = 0.0,
               kinds: Mapping[str, str] | None = None) -> Dataset:
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
    for x in extractions:
        w = _Writer(ds, x, kinds, min_confidence)
        w.article()
        w.actors()
        w.cases()
        w.statements()
        w.relations()
    return ds
