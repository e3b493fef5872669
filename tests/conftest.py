"""Shared fixtures: the real spaCy pipeline (once per session), sample paths, small graph, CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from rightsgraph.build import sample_corpus
from rightsgraph.nlp import make_nlp

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
def runner() -> CliRunner:
    return CliRunner()
