"""cli.py through click's CliRunner: exit codes 0/1/2, data on stdout, `Error: …` on stderr."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, URIRef
from rdflib.compare import isomorphic

from rightsgraph.cli import cli

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    """One real build of tests/data/articles into an Oxigraph store, shared by the module."""
    d = tmp_path_factory.mktemp("built")
    paths = {"store": d / "store", "ttl": d / "g.ttl", "html": d / "g.html"}
    result = CliRunner().invoke(cli, ["build", str(DATA / "articles"), "--store", str(paths["store"]),
                                      "-o", str(paths["ttl"]), "--html", str(paths["html"])])
    assert result.exit_code == 0, result.output
    return paths


def _run(runner: CliRunner, built: dict[str, Path], *args: str):
    return runner.invoke(cli, [*args, "--store", str(built["store"])])


def test_cli_build_writes_turtle_html_and_store(built):
    g = Graph().parse(built["ttl"])
    assert len(g) > 100
    assert built["html"].read_text().startswith("<!DOCTYPE html>")
    assert (built["store"]).is_dir()


def test_cli_build_twice_replaces_not_duplicates(runner, tmp_path):
    args = ["build", str(DATA / "articles" / "a1_wire.txt"), "--store", str(tmp_path / "s"),
            "-o", str(tmp_path / "g.ttl"), "--no-html"]
    assert runner.invoke(cli, args).exit_code == 0
    first = runner.invoke(cli, ["export", "-f", "nt", "--store", str(tmp_path / "s")]).stdout
    assert runner.invoke(cli, args).exit_code == 0
    second = runner.invoke(cli, ["export", "-f", "nt", "--store", str(tmp_path / "s")]).stdout
    assert len(first.splitlines()) == len(second.splitlines())


def test_cli_queries_lists_saved_queries(runner):
    result = runner.invoke(cli, ["queries"])
    assert result.exit_code == 0
    assert "cases_raised_by" in result.stdout and "-p speaker VALUE" in result.stdout


def test_cli_query_with_parameter(runner, built):
    result = _run(runner, built, "query", "cases_raised_by", "-p", "speaker", "Chris Smith")
    assert result.exit_code == 0, result.output
    assert "Xu Zhiyong" in result.stdout


@pytest.mark.parametrize("fmt", ["csv", "json", "table"])
def test_cli_query_formats(runner, built, fmt):
    result = _run(runner, built, "query", "actors", "-f", fmt)
    assert result.exit_code == 0, result.output
    if fmt == "json":
        rows = json.loads(result.stdout)
        assert any(r.get("label") == "Human Rights Watch" for r in rows)
    else:
        assert "Human Rights Watch" in result.stdout


def test_cli_query_sparql_string(runner, built):
    q = "PREFIX schema: <https://schema.org/> SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a schema:Article }"
    result = _run(runner, built, "query", q, "-f", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1].strip() == "3"


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld", "trig", "graphml", "gexf"])
def test_cli_export_formats(runner, built, fmt):
    result = _run(runner, built, "export", "-f", fmt)
    assert result.exit_code == 0, result.output
    assert len(result.stdout) > 1000


def test_cli_export_turtle_matches_build_file(runner, built):
    result = _run(runner, built, "export", "-f", "turtle")
    assert isomorphic(Graph().parse(data=result.stdout, format="turtle"), Graph().parse(built["ttl"]))


def test_cli_render_writes_page(runner, built, tmp_path):
    out = tmp_path / "p.html"
    result = _run(runner, built, "render", "-o", str(out), "--focus", "Human Rights Watch", "--depth", "2")
    assert result.exit_code == 0, result.output
    assert "vis" in out.read_text()


def test_cli_render_query(runner, built, tmp_path):
    out = tmp_path / "q.html"
    result = _run(runner, built, "render", "-o", str(out), "--query", "construct_neighbourhood",
                  "-p", "entity", "Michael Posner")
    assert result.exit_code == 0, result.output
    assert "Michael Posner" in out.read_text()


def test_cli_stats(runner, built):
    result = _run(runner, built, "stats")
    assert result.exit_code == 0, result.output
    assert "most central (degree)" in result.stdout and "connected components" in result.stdout


def test_cli_memory_store_reads_graph_file(runner, built):
    result = runner.invoke(cli, ["query", "actors", "--store", "memory", "--graph", str(built["ttl"])])
    assert result.exit_code == 0, result.output
    assert "Human Rights Watch" in result.stdout


def test_cli_evaluate_scores_against_gold(runner, built):
    result = runner.invoke(cli, ["evaluate", str(DATA / "gold"), "--graph", str(built["ttl"]), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["categories"]["actors"]["f1"] > 0.5
    assert set(report["predicates"]) >= {"raised", "memberOf", "metWith"}


def test_cli_build_skips_bad_files_and_builds_the_rest(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "binary.txt").write_bytes(b"\x00\x81\x8d\x8f\x90\x9d" * 20)
    (corpus / "notes.jsonl").write_text("{not json\n", encoding="utf-8")
    for good in (DATA / "articles").glob("*.txt"):
        (corpus / good.name).write_text(good.read_text(encoding="utf-8"), encoding="utf-8")
    store = str(tmp_path / "s")
    result = runner.invoke(cli, ["build", str(corpus), "--store", store])
    assert result.exit_code == 0, result.output
    skipped = sorted(line.split(":")[0] for line in result.stderr.splitlines() if line.startswith("skipped "))
    assert skipped == [f"skipped {corpus / n}" for n in ("binary.txt", "empty.txt", "notes.jsonl")]
    assert "3 built, 0 replaced, 0 skipped, 3 failed" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "s"]  # no Turtle or page unless asked
    listed = runner.invoke(cli, ["query", "articles", "-f", "csv", "--store", store]).stdout
    assert len(listed.splitlines()) == 4
    strict = runner.invoke(cli, ["build", str(corpus), "--store", str(tmp_path / "t"), "--strict"])
    assert strict.exit_code == 1 and strict.stderr.startswith("Error: ")


def test_cli_remove_takes_an_article_and_only_its_facts(runner, tmp_path):
    store = str(tmp_path / "s")
    args = ["build", str(DATA / "articles"), "--store", store, "-o", str(tmp_path / "g.ttl"), "--no-html"]
    assert runner.invoke(cli, args).exit_code == 0
    before = runner.invoke(cli, ["query", "articles", "-f", "csv", "--store", store]).stdout
    assert before.count("rgid") == 0 and len(before.splitlines()) == 4
    result = runner.invoke(cli, ["remove", str(DATA / "articles" / "a1_wire.txt"), "--store", store])
    assert result.exit_code == 0, result.output
    assert "removed 1 articles" in result.stderr
    after = runner.invoke(cli, ["query", "articles", "-f", "csv", "--store", store]).stdout
    assert len(after.splitlines()) == 3 and "a1-wire" not in after
    single = tmp_path / "single"
    single_args = ["build", str(DATA / "articles" / "a2_transcript.txt"), str(DATA / "articles" / "a3_release.txt"),
                   "--store", str(single), "-o", str(tmp_path / "h.ttl"), "--no-html"]
    assert runner.invoke(cli, single_args).exit_code == 0
    left = runner.invoke(cli, ["export", "-f", "nt", "--store", store]).stdout
    alone = runner.invoke(cli, ["export", "-f", "nt", "--store", str(single)]).stdout
    assert isomorphic(Graph().parse(data=left, format="nt"), Graph().parse(data=alone, format="nt"))
    missing = runner.invoke(cli, ["remove", "rgid:article/nope", "--store", store])
    assert missing.exit_code == 1 and missing.stderr.startswith('Error: no article "rgid:article/nope"')


@pytest.fixture(scope="module")
def served(built, oxigraph_server):
    """tests/data/articles built into a real Oxigraph server through --store URL."""
    runner = CliRunner()
    assert runner.invoke(cli, ["remove", "--help"]).exit_code == 0
    from rightsgraph.store import open_store

    with open_store(oxigraph_server) as server:
        server.update("CLEAR ALL")
    result = runner.invoke(cli, ["build", str(DATA / "articles"), "--store", oxigraph_server,
                                 "-o", str(built["ttl"].with_suffix(".server.ttl")), "--no-html"])
    assert result.exit_code == 0, result.output
    return oxigraph_server


@pytest.mark.parametrize("args", [
    ["query", "actors", "-f", "csv"],
    ["query", "who_raised_case", "-p", "case", "xu zhiyong", "-f", "json"],
    ["query", "detained_and_missing"],
    ["stats", "--json"],
    ["export", "-f", "graphml"],
])
def test_cli_server_store_answers_like_the_disk_store(runner, built, served, args):
    on_disk = runner.invoke(cli, [*args, "--store", str(built["store"])])
    on_server = runner.invoke(cli, [*args, "--store", served])
    assert on_disk.exit_code == on_server.exit_code == 0, on_server.output
    assert on_server.stdout == on_disk.stdout


def test_cli_server_store_exports_the_same_graph(runner, built, served):
    for fmt, parse_as in (("nt", "nt"), ("turtle", "turtle")):
        on_server = runner.invoke(cli, ["export", "-f", fmt, "--store", served]).stdout
        assert isomorphic(Graph().parse(data=on_server, format=parse_as), Graph().parse(built["ttl"]))


def test_cli_store_from_environment(runner, built):
    result = runner.invoke(cli, ["query", "actors", "-f", "csv"], env={"RIGHTSGRAPH_STORE": str(built["store"])})
    assert result.exit_code == 0, result.output
    assert "Human Rights Watch" in result.stdout


def test_cli_service_is_refused_before_anything_is_sent(runner, built):
    import http.server
    import threading

    hits: list[str] = []

    class Listener(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - http.server's name
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET  # noqa: N815

        def log_message(self, *args):
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Listener)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/sparql"
        q = f"SELECT * WHERE {{ ?s ?p ?o SERVICE <{url}> {{ ?s ?q ?r }} }}"
        result = _run(runner, built, "query", q)
        assert result.exit_code == 1 and result.stderr.startswith("Error: ") and "SERVICE" in result.stderr
        loaded = _run(runner, built, "query", f"LOAD <{url}>")
        assert loaded.exit_code == 1 and "is an update" in loaded.stderr
    finally:
        server.shutdown()
    assert hits == []


def test_cli_query_table_stops_at_limit(runner, built):
    result = _run(runner, built, "query", "relation_evidence", "--limit", "3")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2 + 3
    assert "showed 3 of" in result.stderr and "--limit 0 shows all" in result.stderr
    everything = _run(runner, built, "query", "relation_evidence", "-f", "csv", "--limit", "3")
    assert len(everything.stdout.splitlines()) > 4


def test_cli_query_timeout_is_one_error_line(runner):
    q = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f . "
         "?g <http://www.w3.org/2000/01/rdf-schema#label> ?h }")  # seconds of work on small_graph
    result = runner.invoke(cli, ["query", q, "--timeout", "0.2", "--store", "memory",
                                 "--graph", str(DATA / "small_graph.ttl")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")
    assert "within 0.2 s" in result.stderr and "--timeout" in result.stderr


def test_cli_query_never_prints_control_characters(runner, tmp_path):
    ttl = tmp_path / "evil.ttl"
    ttl.write_text('<https://w3id.org/rightsgraph/id/person/x> a <https://schema.org/Person> ;\n'
                   '  <http://www.w3.org/2000/01/rdf-schema#label> "Evil\\u001b[2J\\u202eName" .\n')
    result = runner.invoke(cli, ["query", "actors", "--store", "memory", "--graph", str(ttl)])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "Evil\\u001b[2J\\u202eName" in result.stdout


# -- errors: one line `Error: …`, exit 1, no traceback -------------------------------------------
@pytest.mark.parametrize("args, needle", [
    (["build", "no/such/file.txt", "--strict", "--store", "memory", "--no-html"], "no/such/file.txt"),
    (["query", "actors_by_cas"], "not found"),
    (["query", "SELECT WHERE {", "--store", "memory", "--graph", str(DATA / "expected" / "corpus.ttl")], "SPARQL"),
    (["query", "cases_raised_by", "--store", "memory", "--graph", str(DATA / "expected" / "corpus.ttl")],
     "needs parameter speaker"),
    (["query", "actors", "-p", "nope", "x", "--store", "memory", "--graph", str(DATA / "expected" / "corpus.ttl")],
     "nope"),
    (["query", "actors", "--store", "/nonexistent/store"], "no store at"),
    (["query", "actors", "--store", "http://127.0.0.1:9/"], "cannot reach the SPARQL server"),
    (["query", "INSERT DATA { <a:b> <a:b> <a:b> }"], "is an update"),
    (["remove", "x", "--store", "/nonexistent/store"], "no store at"),
    (["query", "actors", "--store", "memory", "--graph", "missing.ttl"], "missing.ttl"),
    (["build", "--aliases", "missing-aliases.json", "--store", "memory", "--no-html"], "missing-aliases.json"),
])
def test_cli_errors_are_one_line(runner, args, needle):
    result = runner.invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: ")
    assert needle in result.stderr
    assert "Traceback" not in result.output


def test_cli_error_bad_encoding(runner, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Headline\n\n\x00\x81\x8d\x8f\x90\x9d binary")
    args = ["build", str(bad), "--store", "memory", "--no-html", "-o", str(tmp_path / "x.ttl")]
    strict = runner.invoke(cli, [*args, "--strict"])
    assert strict.exit_code == 1
    assert strict.stderr.startswith("Error: ") and "bad.txt" in strict.stderr
    lenient = runner.invoke(cli, args)  # skipped, and then nothing is left to build
    assert lenient.exit_code == 1
    assert lenient.stderr.startswith(f"skipped {bad}: ") and "\nError: empty corpus" in lenient.stderr
    assert not (tmp_path / "x.ttl").exists()


def test_cli_error_empty_corpus(runner, tmp_path):
    (tmp_path / "empty").mkdir()
    result = runner.invoke(cli, ["build", str(tmp_path / "empty"), "--store", "memory", "--no-html", "--strict"])
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: ") and "no articles" in result.stderr


@pytest.mark.parametrize("args", [["nosuchcommand"], ["export", "-f", "xml"], ["render", "--depth", "0"],
                                  ["query"], ["build", "--min-confidence", "2"]])
def test_cli_bad_usage_exits_2(runner, args):
    assert runner.invoke(cli, args).exit_code == 2


def test_cli_python_dash_m_runs_the_same_cli():
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "rightsgraph", "query", "nonexistent"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.startswith("Error: query \"nonexistent\" not found")


def test_cli_query_tsv_ndjson_no_headers_and_numbers(runner, built):
    tsv = _run(runner, built, "query", "actors", "-f", "tsv", "--no-headers").stdout.splitlines()
    assert tsv and all(len(line.split("\t")) == 4 for line in tsv) and not tsv[0].startswith("entity")
    rows = [json.loads(line) for line in _run(runner, built, "query", "actors", "-f", "ndjson").stdout.splitlines()]
    assert rows and all(isinstance(r["aliases"], int) for r in rows)  # numbers as numbers
    assert all(isinstance(r["aliases"], int) for r in json.loads(_run(runner, built, "query", "actors",
                                                                       "-f", "json").stdout))
    table = _run(runner, built, "query", "actors", "--no-headers").stdout
    assert not table.startswith("entity")


def test_cli_queries_json_and_sparql(runner):
    listed = json.loads(runner.invoke(cli, ["queries", "--json"]).stdout)
    who = next(q for q in listed if q["name"] == "who_raised_case")
    assert who["params"] == [{"name": "case", "kind": "entity", "optional": False,
                              "help": "the case: a name, an alias or an IRI"}]
    text = runner.invoke(cli, ["queries", "--sparql", "who_raised_case"]).stdout
    assert text.startswith("# title: Who raised a case") and "SELECT DISTINCT ?case" in text


def test_cli_render_title_and_stdout(runner, built):
    result = _run(runner, built, "render", "-o", "-", "--title", "Round 17 <Kunming>")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>") and "<title>Round 17 &lt;Kunming&gt;</title>" in result.stdout


def test_cli_quiet_and_verbose(runner, tmp_path):
    args = ["build", str(DATA / "incremental" / "a_smith.txt"), "--store", str(tmp_path / "s"), "-j", "1"]
    assert runner.invoke(cli, ["-q", *args]).stderr == ""
    assert "INFO" in runner.invoke(cli, ["-v", *args]).stderr


def test_cli_unknown_model_is_one_error(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(DATA / "incremental" / "a_smith.txt"), "--store", "memory",
                                 "--model", "xx_no_such_pipeline", "-j", "2"])
    assert result.exit_code == 1 and result.stderr.startswith("Error: no spaCy pipeline named xx_no_such_pipeline")
    env = runner.invoke(cli, ["build", str(DATA / "incremental" / "a_smith.txt"), "--store", "memory"],
                        env={"RIGHTSGRAPH_MODEL": "xx_no_such_pipeline"})
    assert env.exit_code == 1 and "xx_no_such_pipeline" in env.stderr


def test_cli_evaluate_defaults_to_the_bundled_sample_gold(runner):
    root = Path(__file__).parent.parent
    result = runner.invoke(cli, ["evaluate", "--graph", str(root / "graph" / "rightsgraph.ttl"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["categories"]["actors"]["gold"] == 30


def test_cli_build_reads_jsonl_from_stdin_with_a_field_mapping(runner, tmp_path):
    record = {"content": "BEIJING, May 2, 2013 - Assistant Secretary Michael Posner said the dialogue would "
                         "raise the case of Gao Zhisheng.", "headline": "Envoy in Beijing",
              "publishedAt": "2013-05-02T08:00:00Z", "source": {"name": "Example Wire"}, "id": 7}
    out = tmp_path / "g.ttl"
    result = runner.invoke(cli, ["build", "-", "--field", "text=content", "--field", "title=headline",
                                 "--field", "date=publishedAt", "--field", "source=source.name",
                                 "--store", "memory", "-o", str(out), "-j", "1"],
                           input=json.dumps(record) + "\n{broken\n")
    assert result.exit_code == 0, result.output
    assert "skipped <stdin>:2: bad JSON" in result.stderr
    g = Graph().parse(out)
    headlines = {str(o) for o in g.objects(None, URIRef("https://schema.org/headline"))}
    assert headlines == {"Envoy in Beijing"}
    assert {str(o) for o in g.objects(None, URIRef("https://schema.org/publisher"))} == {"Example Wire"}
    assert any(str(s).endswith("/article/stdin-7") for s in g.subjects(URIRef("https://schema.org/headline")))
    bad = runner.invoke(cli, ["build", "-", "--field", "body=content", "--store", "memory"], input="")
    assert bad.exit_code == 2 and "--field" in bad.stderr


def test_cli_query_csv_can_show_iris_as_the_table_does(runner, built):
    short = _run(runner, built, "query", "actors", "-f", "csv", "--short-iris").stdout
    assert "rgid:org/human-rights-watch" in short and "https://w3id.org" not in short
    assert "https://w3id.org/rightsgraph/id/org/human-rights-watch" in _run(runner, built, "query", "actors",
                                                                            "-f", "csv").stdout


def test_cli_build_html_draws_this_builds_articles_only(tmp_path):
    """A second build into a store that holds more articles draws only its own articles' page."""
    import json
    import re

    from rightsgraph.render import unpack

    store, runner = str(tmp_path / "s"), CliRunner()
    first = runner.invoke(cli, ["-q", "build", str(DATA / "articles" / "a1_wire.txt"), "--store", store,
                                "--no-html", "--jobs", "1"])
    assert first.exit_code == 0, first.output
    page = tmp_path / "a3.html"
    second = runner.invoke(cli, ["-q", "build", str(DATA / "articles" / "a3_release.txt"), "--store", store,
                                 "--html", str(page), "--jobs", "1"])
    assert second.exit_code == 0, second.output
    block = re.search(r'id="rightsgraph-data">(.*?)</script>', page.read_text(), re.S).group(1)
    from rightsgraph.graph import article_iri

    assert {a["id"] for a in unpack(json.loads(block))["articles"]} == {str(article_iri("a3_release"))}
