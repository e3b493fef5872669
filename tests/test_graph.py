"""graph.py: Extraction dataclasses -> the RDF contract (no NLP involved)."""

from __future__ import annotations

from rdflib import Literal
from rdflib.compare import isomorphic

from rightsgraph.graph import VOCAB_GRAPH, article_iri, to_dataset
from rightsgraph.model import Actor, Article, Case, Extraction, Relation, Span, Statement
from rightsgraph.store import union_graph
from rightsgraph.vocab import NIF, PROV, RDF, RDFS, RG, RGID, SCHEMA, SKOS, entity_iri

BODY = "Michael Posner raised the case of Chen Kegui. Chen Kegui is Chen Guangcheng's nephew."
S1 = Span("a1", 0, 45, BODY[0:45])
S2 = Span("a1", 46, len(BODY), BODY[46:])


def _extraction(confidence: float = 0.9) -> Extraction:
    art = Article(id="a1", title="Talks", body=BODY, date="2012-07-24", publisher="Wire")
    return Extraction(
        article=art,
        actors=[Actor("Michael Posner", "Person", ("Posner",), role="Assistant Secretary"),
                Actor("US-China Human Rights Dialogue", "Event", ("talks",))],
        statements=[Statement("Michael Posner", "the talks are useful and candid", "indirect", "defends", S1,
                              about="US-China Human Rights Dialogue", confidence=confidence)],
        cases=[Case("Chen Kegui", "Person", "detained", sentence=S1), Case("Tibet", "Issue", aliases=("Tibetans",))],
        relations=[Relation("Michael Posner", "raised", "Chen Kegui", S1, confidence, "raise-verb"),
                   Relation("Chen Kegui", "relativeOf", "Chen Guangcheng", S2, 0.8, "kinship"),
                   Relation("Chen Guangcheng", "relativeOf", "Chen Kegui", S2, 0.7, "kinship")],
    )


def test_graph_entities_follow_the_contract():
    g = union_graph(to_dataset([_extraction()]))
    posner = entity_iri("Person", "Michael Posner")
    assert posner == RGID["person/michael-posner"]
    assert (posner, RDF.type, SCHEMA.Person) in g
    assert (posner, RDFS.label, Literal("Michael Posner")) in g
    assert (posner, SKOS.altLabel, Literal("Posner")) in g
    kegui = entity_iri("Person", "Chen Kegui")
    assert (kegui, RDF.type, RG.Case) in g and (kegui, RG.status, RG.Detained) in g
    assert (RGID["issue/tibet"], RDF.type, RG.Issue) in g
    assert (RG.Issue, RDFS.subClassOf, RG.Case) in g


def test_graph_relations_are_plain_triples_with_fact_evidence():
    g = union_graph(to_dataset([_extraction()]))
    posner, kegui = RGID["person/michael-posner"], RGID["person/chen-kegui"]
    assert (posner, RG.raised, kegui) in g
    [fact] = list(g.subjects(RDF.predicate, RG.raised))
    assert (fact, RDF.subject, posner) in g and (fact, RDF.object, kegui) in g
    [sentence] = list(g.objects(fact, PROV.wasDerivedFrom))
    assert g.value(sentence, NIF.anchorOf) == Literal(S1.text)
    assert g.value(sentence, NIF.beginIndex).toPython() == 0
    assert g.value(sentence, NIF.referenceContext) == article_iri("a1")


def test_graph_symmetric_relations_are_written_once():
    g = union_graph(to_dataset([_extraction()]))
    pairs = list(g.subject_objects(RG.relativeOf))
    assert len(pairs) == 1


def test_graph_statements_have_speaker_stance_and_sentence():
    g = union_graph(to_dataset([_extraction()]))
    [st] = list(g.subjects(RDF.type, RG.Statement))
    assert g.value(st, RG.speaker) == RGID["person/michael-posner"]
    assert g.value(st, RG.stance) == RG.Supportive and g.value(st, RG.kind) == RG.Indirect
    assert g.value(st, RG.about) == RGID["event/us-china-human-rights-dialogue"]
    assert g.value(st, PROV.wasDerivedFrom) is not None


def test_graph_one_named_graph_per_article():
    ds = to_dataset([_extraction()])
    names = {c.identifier for c in ds.graphs()}
    assert article_iri("a1") in names and VOCAB_GRAPH in names


def test_graph_is_deterministic():
    assert isomorphic(union_graph(to_dataset([_extraction()])), union_graph(to_dataset([_extraction()])))
    a = {str(s) for s in union_graph(to_dataset([_extraction()])).subjects()}
    b = {str(s) for s in union_graph(to_dataset([_extraction()])).subjects()}
    assert a == b


def test_graph_min_confidence_drops_weak_facts():
    g = union_graph(to_dataset([_extraction(confidence=0.3)], min_confidence=0.5))
    assert not list(g.subject_objects(RG.raised))
    assert not list(g.subjects(RDF.type, RG.Statement))
    assert list(g.subject_objects(RG.relativeOf))


def test_article_ntriples_are_the_article_graph_of_to_dataset():
    from dataclasses import replace

    from rdflib import Graph

    from rightsgraph.graph import article_ntriples
    from rightsgraph.resolve import Resolver, name_mentions

    x = _extraction()
    hard = 'Line one\nsaid "yes" \\ and\r\nWang’s 中文 text'  # quotes, backslash, CR/LF, non-ASCII
    x = replace(x, article=replace(x.article, body=hard, title='He said "no"'))
    kinds = Resolver(name_mentions(x)).kinds
    text, count = article_ntriples(x, kinds=kinds)
    parsed = Graph().parse(data=text, format="nt")
    expected = to_dataset([x], kinds=kinds).graph(article_iri("a1"))
    assert len(parsed) == count == len(expected)
    assert isomorphic(parsed, expected)
    assert (article_iri("a1"), NIF.isString, Literal(hard)) in parsed
