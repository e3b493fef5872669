"""A corpus with bad files in it: every good article is built, every bad one is one stderr line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rightsgraph.cli import cli
from rightsgraph.errors import InputError
from rightsgraph.graph import article_iri
from rightsgraph.ingest import iter_articles
from rightsgraph.resolve import load_curation

DATA = Path(__file__).parent / "data"
BAD = DATA / "bad"


def test_bad_inputs_are_skipped_and_the_good_ones_built(runner, tmp_path):
    store = str(tmp_path / "s")
    result = runner.invoke(cli, ["build", str(BAD), str(DATA / "articles"), "--store", store])
    assert result.exit_code == 0, result.output
    skipped = sorted(line for line in result.stderr.splitlines() if line.startswith("skipped "))
    assert [line.split(": ")[0] for line in skipped] == sorted([
        f"skipped {BAD / 'binary.txt'}", f"skipped {BAD / 'empty.txt'}", f"skipped {BAD / 'headline_only.txt'}",
        f"skipped {BAD / 'records.jsonl'}:2", f"skipped {BAD / 'records.jsonl'}:3",
    ])
    assert "Traceback" not in result.output
    assert "7 built, 0 replaced, 0 skipped, 5 failed" in result.stderr
    listed = json.loads(runner.invoke(cli, ["query", "articles", "-f", "json", "--store", store]).stdout)
    headlines = sorted(r["headline"] for r in listed)
    assert "Talks resume in Beijing" in headlines  # control characters removed at ingest
    assert {"Report A", "Report a, again", "Envoy meets activists"} <= set(headlines)
    assert len(listed) == 7


def test_bad_inputs_strict_stops_before_writing(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(DATA / "articles"), str(BAD), "--strict", "--store",
                                 str(tmp_path / "s"), "-o", str(tmp_path / "g.ttl")])
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")
    assert not (tmp_path / "g.ttl").exists()


def test_bad_inputs_ids_with_one_slug_get_two_iris():
    ids = {a.id: str(article_iri(a.id)) for a in iter_articles([BAD], on_skip=lambda *_: None)}
    assert ids["Report A"] != ids["report_a"]
    assert "records-r1" in ids  # a JSONL record with an id keeps it, whatever its line
    assert str(article_iri("a1-wire")).endswith("/article/a1-wire")  # an id that is its slug stays as it is
    assert str(article_iri("Report A")) == str(article_iri("Report A"))


def test_bad_inputs_control_characters_are_removed_at_ingest():
    [article] = [a for a in iter_articles([BAD / "control_chars.txt"])]
    assert article.title == "Talks resume in Beijing"
    assert "\x1b" not in article.body and "\x07" not in article.body and "useful" in article.body


@pytest.mark.parametrize(("content", "message"), [
    ({"merge": "abc"}, '"merge" must map names to names'),
    ({"merge": {"A": 3}}, '"merge" must map names to names'),
    ({"merge": {"A": "A"}}, 'merges "A" into itself'),
    ({"merge": {"A": "B", "B": "A"}}, "has a cycle: A -> B -> A"),
    ({"drop": "Michael Posner"}, '"drop" must be a list of names'),
    ({"drop": [["a"]]}, '"drop" must be a list of names'),
    ({"rename": ["x"]}, '"rename" must map article ids'),
    ({"rename": {"a1": {"X": 1}}}, '"rename.a1" must map names to names'),
    ({"merges": {}}, "expected an object with keys merge, drop, rename"),
])
def test_bad_inputs_curation_file_is_checked(tmp_path, content, message):
    path = tmp_path / "aliases.json"
    path.write_text(json.dumps(content), encoding="utf-8")
    with pytest.raises(InputError, match=message.replace("(", r"\(")):
        load_curation(path)


def test_bad_inputs_output_path_under_a_file_is_one_error(runner, tmp_path):
    (tmp_path / "file").write_text("x")
    result = runner.invoke(cli, ["build", str(DATA / "articles" / "a1_wire.txt"), "--store", "memory",
                                 "-o", str(tmp_path / "file" / "g.ttl")])
    assert result.exit_code == 1 and result.stderr.splitlines()[-1].startswith("Error: cannot write")


@pytest.mark.parametrize("after", [0.8, 2.0, 3.5])
def test_bad_inputs_killed_build_leaves_whole_articles_and_the_next_build_finishes(tmp_path, after):
    """SIGKILL a real `rightsgraph build` at some moment: the Turtle file is the old one or a whole
    new one, the store opens and holds only whole article graphs, and the next build finishes."""
    import signal
    import subprocess
    import sys
    import time

    from rdflib import Graph, URIRef
    from rdflib.compare import isomorphic

    from rightsgraph.build import build_graph
    from rightsgraph.store import open_store, union_graph
    from rightsgraph.store.terms import rdflib_triples

    store, out = tmp_path / "s", tmp_path / "g.ttl"
    out.write_text("# the previous build\n", encoding="utf-8")
    argv = [sys.executable, "-m", "rightsgraph", "build", str(DATA / "articles"), "--store", str(store),
            "-o", str(out), "--jobs", "1"]
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    text = out.read_text(encoding="utf-8")
    assert text == "# the previous build\n" or len(Graph().parse(data=text, format="turtle")) > 100
    expected = build_graph([DATA / "articles"])
    if store.exists():
        with open_store(store) as opened:
            for name in opened.graph_names():
                held = Graph()
                sparql = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
                held += rdflib_triples(opened.execute(sparql))
                assert isomorphic(held, expected.graph(URIRef(name))), f"{name} is not whole"
    subprocess.run(argv, check=True, capture_output=True)
    with open_store(store) as opened:
        assert isomorphic(union_graph(opened), union_graph(expected))
    assert isomorphic(Graph().parse(out), union_graph(expected))


def test_bad_inputs_corrupted_store_is_one_error(runner, tmp_path):
    store = tmp_path / "s"
    assert runner.invoke(cli, ["build", str(DATA / "articles" / "a1_wire.txt"), "--store", str(store)]).exit_code == 0
    (store / "CURRENT").write_text("MANIFEST-999999\n", encoding="ascii")  # as a disk error leaves it
    result = runner.invoke(cli, ["query", "actors", "--store", str(store)])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: cannot open store {store}")
    assert "Traceback" not in result.output


def test_bad_inputs_truncated_graph_file_is_one_error(runner, tmp_path):
    whole = (DATA / "small_graph.ttl").read_text(encoding="utf-8")
    cut = tmp_path / "cut.ttl"
    cut.write_text(whole[: len(whole) // 2], encoding="utf-8")  # as a killed writer would leave it
    result = runner.invoke(cli, ["query", "actors", "--store", "memory", "--graph", str(cut)])
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: cannot read graph file {cut}")
