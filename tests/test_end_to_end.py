"""The whole pipeline on tests/data/articles, compared as an RDF graph with the golden file.

Regenerate the golden graph only on purpose, and review the diff:
    rightsgraph build tests/data/articles --store memory --no-html -o tests/data/expected/corpus.ttl
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from rightsgraph.build import build_graph, build_store
from rightsgraph.store import open_store, union_graph

EXPECTED = Path(__file__).parent / "data" / "expected" / "corpus.ttl"


def _dump(g: Graph) -> str:
    return "\n".join(sorted(line for line in g.serialize(format="nt").splitlines() if line))


def test_end_to_end_build_matches_golden_graph(nlp, articles_dir):
    built = union_graph(build_graph([articles_dir], nlp=nlp))
    expected = Graph().parse(EXPECTED, format="turtle")
    if not isomorphic(built, expected):
        _both, only_built, only_expected = graph_diff(to_isomorphic(built), to_isomorphic(expected))
        raise AssertionError("built graph differs from tests/data/expected/corpus.ttl\n"
                             f"only in build:\n{_dump(only_built)}\n\nonly in golden:\n{_dump(only_expected)}")


def test_end_to_end_build_is_deterministic(nlp, articles_dir):
    first = union_graph(build_graph([articles_dir], nlp=nlp))
    second = union_graph(build_graph([articles_dir], nlp=nlp))
    assert isomorphic(first, second)
    assert set(first.subjects()) == set(second.subjects())  # same IRIs, not just same shape


def test_end_to_end_committed_sample_graph_is_current(nlp):
    """graph/rightsgraph.ttl and .html are what `rightsgraph build` writes for the bundled corpus."""
    from rightsgraph.render import render_html

    root = Path(__file__).parent.parent
    built = union_graph(build_graph(nlp=nlp))
    committed = Graph().parse(root / "graph" / "rightsgraph.ttl", format="turtle")
    assert isomorphic(built, committed), "graph/ is stale: run `rightsgraph build` and commit graph/"
    html = (root / "graph" / "rightsgraph.html").read_text(encoding="utf-8")
    assert render_html(built, title="rightsgraph") == html, "graph/rightsgraph.html is stale: run `rightsgraph build`"


@pytest.mark.parametrize("how", ["jobs-1", "jobs-2-reversed", "one-at-a-time"])
def test_end_to_end_store_build_matches_golden_whatever_jobs_order_and_split(articles_dir, how):
    """build_store gives the golden graph with 1 or 2 worker processes, in reverse file order, and
    article by article into the same store."""
    files = sorted(articles_dir.glob("*.txt"))
    store = open_store("memory")
    if how == "jobs-1":
        build_store(files, store, jobs=1)
    elif how == "jobs-2-reversed":
        build_store(files[::-1], store, jobs=2)
    else:
        for f in files:
            build_store([f], store, jobs=1)
    built = union_graph(store)
    expected = Graph().parse(EXPECTED, format="turtle")
    assert isomorphic(built, expected), "store build differs from tests/data/expected/corpus.ttl"
