"""Shared fixtures: the real spaCy pipeline (once per session), sample paths, small graph, CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from rightsgraph.build import sample_corpus
from rightsgraph.nlp import make_nlp
from rightsgraph.vocab import RDFS, RGID

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def nlp():
    return make_nlp()


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    return sample_corpus()


@pytest.fixture(scope="session")
def articles_dir() -> Path:
    return DATA / "articles"


@pytest.fixture
def small_graph() -> Graph:
    g = Graph()
    g.parse(DATA / "small_graph.ttl", format="turtle")
    return g


@pytest.fixture
def small_dataset(small_graph: Graph) -> Dataset:
    """small_graph.ttl as the builder writes it: one article graph plus the vocabulary graph."""
    ds = Dataset()
    vocab, article = ds.graph(RGID["graph/vocabulary"]), ds.graph(RGID["article/a1"])
    for triple in small_graph:
        (vocab if triple[1] == RDFS.subClassOf else article).add(triple)
    return ds


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
