"""query.py: every saved query on small_graph.ttl, on both backends; parameters; errors; formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyparsing import ParseBaseException
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.plugins.sparql import prepareQuery

from rightsgraph.errors import QueryError
from rightsgraph.query import (
    Param,
    format_csv,
    format_json,
    format_table,
    get_query,
    list_queries,
    printable,
    run_query,
    shorten,
)
from rightsgraph.store import Store, open_store, remove_articles, replace_articles
from rightsgraph.vocab import RDFS, RG, RGID

SMALL = Path(__file__).parent / "data" / "small_graph.ttl"
SENT_0 = "Assistant Secretary Michael Posner raised the case of Chen Kegui."
SENT_1 = ('"The talks are a smoke screen," said Sophie Richardson, China director at Human Rights Watch.')
QUOTE = "The talks are a smoke screen,"
POSNER, KEGUI = "rgid:person/michael-posner", "rgid:person/chen-kegui"
GUANGCHENG = "rgid:person/chen-guangcheng"
RICHARDSON, HRW, CHINA = "rgid:person/sophie-richardson", "rgid:org/human-rights-watch", "rgid:org/china"
DIALOGUE = "rgid:event/us-china-human-rights-dialogue"

#: query name -> (params, expected rows as strings, in ORDER BY order; CONSTRUCT: sorted triples)
EXPECTED: dict[str, tuple[dict[str, str], list[tuple[str, ...]]]] = {
    "actors": ({}, [
        (DIALOGUE, "schema:Event", "US-China Human Rights Dialogue", "1"),
        (CHINA, "schema:Organization", "China", "1"),
        (HRW, "schema:Organization", "Human Rights Watch", "1"),
        ("rgid:org/us-department-of-state", "schema:Organization", "U.S. Department of State", "1"),
        (GUANGCHENG, "schema:Person", "Chen Guangcheng", "0"),
        (KEGUI, "schema:Person", "Chen Kegui", "0"),
        (POSNER, "schema:Person", "Michael Posner", "2"),
        (RICHARDSON, "schema:Person", "Sophie Richardson", "1"),
        ("rgid:issue/tibet", "rg:Issue", "Tibet", "0"),
    ]),
    "articles": ({}, [("rgid:article/a1", "", "Rights talks open in Washington", "2012-07-24", "Example Wire")]),
    "cases_raised_by": ({"speaker": "Michael Posner"}, [(POSNER, KEGUI, "Chen Kegui", "rg:Detained")]),
    "who_raised_case": ({"case": "Chen Kegui"},
                        [(KEGUI, POSNER, "Michael Posner", SENT_0, "rgid:article/a1")]),
    "detained_and_missing": ({}, [(KEGUI, "Chen Kegui", "rg:Detained",
                                   "Assistant Secretary Michael Posner raised the case of Chen Kegui.", "China",
                                   "Michael Posner")]),
    "members_of": ({"organization": "HRW"},
                   [(HRW, RICHARDSON, "Sophie Richardson", "rg:memberOf", "China director")]),
    "speaker_statements": ({"speaker": "Sophie Richardson"}, [
        (RICHARDSON, QUOTE, "rg:Critical", "rg:Direct", SENT_1, "Rights talks open in Washington",
         "2012-07-24"),
    ]),
    "statements_by_stance": ({}, [("rg:Critical", "Sophie Richardson", QUOTE, "2012-07-24")]),
    "relation_evidence": ({}, [
        ("Sophie Richardson", "rg:criticizes", "US-China Human Rights Dialogue", "0.8", "stance", SENT_1,
         "rgid:article/a1"),
        ("Sophie Richardson", "rg:memberOf", "Human Rights Watch", "0.85", "appositive-title", SENT_1,
         "rgid:article/a1"),
        ("Michael Posner", "rg:raised", "Chen Kegui", "0.9", "raise-verb", SENT_0, "rgid:article/a1"),
    ]),
    "stance_by_round": ({}, [("", "", "", "rg:Critical", "1")]),  # the small graph has no rounds
    "rounds": ({}, []),
    "construct_neighbourhood": ({"entity": "Chen Kegui"}, sorted([
        (KEGUI, "rdf:type", "schema:Person"), (KEGUI, "rdf:type", "rg:Case"),
        (KEGUI, "rdfs:label", "Chen Kegui"),
        (KEGUI, "rg:detainedBy", CHINA), (KEGUI, "rg:relativeOf", GUANGCHENG), (POSNER, "rg:raised", KEGUI),
        (CHINA, "rdfs:label", "China"), (CHINA, "rdf:type", "schema:Organization"),
        (GUANGCHENG, "rdfs:label", "Chen Guangcheng"), (GUANGCHENG, "rdf:type", "schema:Person"),
        (GUANGCHENG, "rdf:type", "rg:Case"), (POSNER, "rdfs:label", "Michael Posner"),
        (POSNER, "rdf:type", "schema:Person"),
    ])),
}
QUERIES = {q.name: q for q in list_queries()}


def _built() -> Dataset:
    """small_graph.ttl split as the builder writes it (article graph + vocabulary graph)."""
    built = Dataset()
    for triple in Graph().parse(SMALL):
        built.graph(RGID["graph/vocabulary" if triple[1] == RDFS.subClassOf else "article/a1"]).add(triple)
    return built


@pytest.fixture(scope="module", params=["disk", "memory", "server"])
def graph(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The small graph in a store on each backend (a real Oxigraph server for "server")."""
    if request.param == "server":
        store = open_store(request.getfixturevalue("oxigraph_server"))
        store.update("CLEAR ALL")
    else:
        store = open_store(tmp_path_factory.mktemp("store") / "s" if request.param == "disk" else "memory")
    replace_articles(store, _built())
    yield store
    store.close()


def test_query_every_saved_query_has_expected_rows() -> None:
    assert sorted(QUERIES) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_file_parses_and_declares_its_params(name: str) -> None:
    saved = QUERIES[name]
    algebra = prepareQuery(saved.text).algebra
    assert saved.title and saved.description and saved.path is not None
    used = {str(v) for v in algebra["_vars"]}
    assert set(saved.params) <= used
    if algebra.name == "SelectQuery":  # Oxigraph substitutes projected variables only
        assert set(saved.params) <= {str(v) for v in algebra.PV}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_query_returns_expected_rows(graph: Store, name: str) -> None:
    params, expected = EXPECTED[name]
    result = run_query(graph, name, params)
    if result.type == "CONSTRUCT":
        assert result.graph is not None
        assert sorted(tuple(shorten(t) for t in triple) for triple in result.graph) == expected
    else:
        assert result.text_rows() == expected


@pytest.mark.parametrize("value", [
    "Michael Posner", "michael posner", "Posner", "ASSISTANT SECRETARY POSNER", POSNER,
    "https://w3id.org/rightsgraph/id/person/michael-posner", "<https://w3id.org/rightsgraph/id/person/michael-posner>",
])
def test_query_entity_param_accepts_label_alias_or_iri(graph: Store, value: str) -> None:
    rows = run_query(graph, "cases_raised_by", {"speaker": value}).text_rows()
    assert [r[1] for r in rows] == [KEGUI]


@pytest.mark.parametrize(("value", "count"),
                         [("criticizes", 1), ("Critical", 1), ("rg:Critical", 1), ("defends", 0)])
def test_query_stance_param_accepts_vocabulary_words(graph: Store, value: str, count: int) -> None:
    assert len(run_query(graph, "statements_by_stance", {"stance": value}).rows) == count


def test_query_predicate_param_filters_relations(graph: Store) -> None:
    rows = run_query(graph, "relation_evidence", {"predicate": "RAISED"}).text_rows()
    assert [r[:3] for r in rows] == [("Michael Posner", "rg:raised", "Chen Kegui")]


def test_query_runs_rq_path_and_inline_sparql(graph: Store) -> None:
    path = QUERIES["cases_raised_by"].path
    assert path is not None
    assert run_query(graph, str(path), {"speaker": "Posner"}).rows
    ask = run_query(graph, "PREFIX rg: <https://w3id.org/rightsgraph/ns#> ASK { ?s rg:raised ?o }")
    assert ask.type == "ASK" and ask.answer is True


def test_query_unknown_name_lists_available(graph: Store) -> None:
    expected = r'query "actors_by_cas" not found; did you mean actors\? available: actors, articles, cases_raised_by, '
    with pytest.raises(QueryError, match=expected):
        run_query(graph, "actors_by_cas")


def test_query_missing_parameter_says_how_to_pass_it(graph: Store) -> None:
    with pytest.raises(QueryError) as info:
        run_query(graph, "cases_raised_by")
    assert str(info.value) == 'query "cases_raised_by" needs parameter speaker: -p speaker VALUE'


def test_query_unknown_parameter_lists_declared(graph: Store) -> None:
    with pytest.raises(QueryError, match="has no parameter case; its parameters: speaker"):
        run_query(graph, "cases_raised_by", {"speaker": "Posner", "case": "Chen Kegui"})


def test_query_entity_not_found_suggests_close_labels(graph: Store) -> None:
    # difflib's close matches first, then labels containing the value
    expected = 'no entity named "Chen" for parameter case; did you mean: China, Chen Guangcheng, Chen Kegui'
    with pytest.raises(QueryError, match=expected):
        run_query(graph, "who_raised_case", {"case": "Chen"})


def test_query_ambiguous_alias_asks_for_an_iri() -> None:
    graph = Graph().parse(SMALL)
    graph.add((RGID["person/chen-guangcheng"], RDFS.label, Literal("Chen Kegui")))
    with pytest.raises(QueryError, match="is ambiguous: rgid:person/chen-guangcheng, rgid:person/chen-kegui"):
        run_query(graph, "who_raised_case", {"case": "chen kegui"})


def test_query_unknown_term_lists_valid_words(graph: Store) -> None:
    with pytest.raises(QueryError, match="not a stance .*use one of: criticizes, defends, neutral"):
        run_query(graph, "statements_by_stance", {"stance": "angry"})


def test_query_bad_sparql_wraps_parser_error(graph: Store) -> None:
    with pytest.raises(QueryError, match="is not valid SPARQL") as info:
        run_query(graph, "SELECT ?x WHERE { ?x ?y }")
    assert isinstance(info.value.__cause__, (ParseBaseException, SyntaxError))


def test_query_bad_param_header_is_reported() -> None:
    with pytest.raises(QueryError, match=r"bad line \"# param: \?who persn\""):
        get_query("# param: ?who persn\nSELECT ?who WHERE { ?who ?p ?o }")


def test_query_custom_directory(tmp_path: Path) -> None:
    (tmp_path / "people.rq").write_text("# title: People\n# param: ?p literal optional -- a name\nASK {}\n")
    [saved] = list_queries(tmp_path)
    assert (saved.name, saved.title, saved.params) == ("people", "People", ("p",))
    assert saved.param_specs[0] == Param("p", kind="literal", optional=True, help="a name")
    with pytest.raises(QueryError, match="not found"):
        list_queries(tmp_path / "missing")


def test_query_format_table_aligns_and_shortens(graph: Store) -> None:
    lines = format_table(run_query(graph, "cases_raised_by", {"speaker": "Posner"})).splitlines()
    assert lines[0].split() == ["speaker", "case", "label", "status"]
    assert lines[2].split() == [POSNER, KEGUI, "Chen", "Kegui", "rg:Detained"]
    assert lines[0].index("label") == lines[2].index("Chen Kegui")


def test_query_format_csv_has_full_iris(graph: Store) -> None:
    text = format_csv(run_query(graph, "cases_raised_by", {"speaker": "Posner"}))
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["speaker", "case", "label", "status"]
    assert rows[1][1] == "https://w3id.org/rightsgraph/id/person/chen-kegui"


def test_query_format_json_by_result_type(graph: Store) -> None:
    records = json.loads(format_json(run_query(graph, "members_of", {"organization": "Human Rights Watch"})))
    assert records[0]["name"] == "Sophie Richardson"
    assert json.loads(format_json(run_query(graph, "ASK { ?s ?p ?o }"))) is True
    construct = run_query(graph, "construct_neighbourhood", {"entity": "Chen Kegui"})
    assert construct.graph is not None
    assert isomorphic(Graph().parse(data=format_json(construct), format="json-ld"), construct.graph)
    assert isomorphic(Graph().parse(data=format_table(construct), format="turtle"), construct.graph)


def test_query_format_table_cuts_long_cells_only_in_tables(small_graph):
    q = 'SELECT ?t WHERE { ?s <https://w3id.org/rightsgraph/ns#text> ?t }'
    from dataclasses import replace

    result = replace(run_query(small_graph, q), rows=[(Literal("word " * 40),)])
    cut = format_table(result, max_width=20).splitlines()[2]
    assert cut.endswith("…") and len(cut) == 20
    assert "word " * 39 in format_table(result, max_width=None).replace("  ", " ")
    assert format_csv(result).count("word") == 40


def test_query_detained_and_missing_lists_detainees_nobody_raised(graph: Store) -> None:
    unraised = Dataset()
    g = unraised.graph(RGID["article/unraised"])
    g.add((RGID["person/li-wen"], RDFS.label, Literal("Li Wen")))
    g.add((RGID["person/li-wen"], RG.status, RG.Detained))
    g.add((RGID["person/li-wen"], RG.currentStatus, RG.Detained))
    replace_articles(graph, unraised)
    try:
        rows = run_query(graph, "detained_and_missing").text_rows()
        assert ("rgid:person/li-wen", "Li Wen", "rg:Detained", "", "", "") in rows
    finally:
        remove_articles(graph, [str(RGID["article/unraised"])])


@pytest.mark.parametrize(("sparql", "message"), [
    ("SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "uses SERVICE"),
    ("SELECT * WHERE { ?s ?p ?o OPTIONAL { SERVICE SILENT <http://127.0.0.1:9/> { ?s ?q ?r } } }",
     "uses SERVICE"),
    ("INSERT DATA { <http://a/b> <http://a/c> <http://a/d> }", "is an update"),
    ("LOAD <http://127.0.0.1:9/data.ttl>", "is an update"),
    ("CLEAR ALL", "is an update"),
    ("DELETE WHERE { ?s ?p ?o }", "is an update"),
    ("SELECT * FROM <http://127.0.0.1:9/remote.ttl> WHERE { ?s ?p ?o }", "not a graph of this store"),
    ("PREFIX ex: <http://127.0.0.1:9/> SELECT * FROM NAMED ex:g WHERE { GRAPH ?g { ?s ?p ?o } }",
     "not a graph of this store"),
])
def test_query_sandbox_refuses_before_sending(graph: Store, sparql: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        run_query(graph, sparql)
    assert run_query(graph, "ASK { ?s ?p ?o }").answer is True  # nothing was changed


def test_query_sandbox_allows_from_an_article_graph(graph: Store) -> None:
    sparql = f"SELECT (COUNT(*) AS ?n) FROM <{RGID['article/a1']}> WHERE {{ ?s ?p ?o }}"
    assert run_query(graph, sparql).text_rows() == [("102",)]


def test_query_timeout_is_one_error(graph: Store) -> None:
    # about 10 million solutions: seconds of work, so the abandoned evaluation ends soon
    with pytest.raises(QueryError, match=r"within 0.2 s"):
        run_query(graph, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . "
                         "?g <http://www.w3.org/2000/01/rdf-schema#label> ?h }", timeout=0.2)


def test_query_format_table_limit_and_control_characters(small_graph: Graph) -> None:
    from dataclasses import replace

    result = replace(run_query(small_graph, "SELECT ?t WHERE { ?s ?p ?t } LIMIT 1"),
                     rows=[(Literal(f"row {i} \x1b[31mred\u202eevil"),) for i in range(5)])
    lines = format_table(result, limit=2).splitlines()
    assert lines[2:] == ["row 0 \\u001b[31mred\\u202eevil", "row 1 \\u001b[31mred\\u202eevil"]
    assert printable("tab\tnew\nline\u2028") == "tab\tnew\nline\\u2028"


CORPUS = Path(__file__).parent / "data" / "expected" / "corpus.ttl"


def test_query_rounds_and_stance_by_round_on_a_built_corpus() -> None:
    """The golden build of tests/data/articles: two articles about round 17, one about round 18."""
    store = open_store("memory")
    store.load_file(CORPUS)  # type: ignore[attr-defined]
    rounds = run_query(store, "rounds", {}).text_rows()
    assert [(r[0], r[2], r[3], r[4], r[5]) for r in rounds] == [
        ("rgid:round/17", "17", "2012-07-23", "Washington", "2"), ("rgid:round/18", "18", "2013-07-30", "Kunming", "1")]
    by_round = run_query(store, "stance_by_round", {}).text_rows()
    assert {r[0] for r in by_round} == {"rgid:round/17", "rgid:round/18"}
    assert sum(int(r[4]) for r in by_round) == int(run_query(store, "statements_by_stance", {}).rows.__len__())
