"""Shared fixtures: the real spaCy pipeline (once per session), sample paths, small graph, CLI runner,
a real Oxigraph server on 127.0.0.1 (once per session), and a store on each backend."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph

from rightsgraph.build import sample_corpus
from rightsgraph.nlp import make_nlp
from rightsgraph.store import Store, open_store
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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`oxigraph serve` (the oxigraph package from PyPI, in the dev extra) on a free local port."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    exe = shutil.which("oxigraph", path=search)
    assert exe, "the Oxigraph server is missing: pip install -e '.[dev]' installs the oxigraph package"
    port = _free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph-server")),
                             "--bind", f"127.0.0.1:{port}", "--timeout-s", "10"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=2):
                break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                raise
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(params=["disk", "memory", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """An empty store on each backend: Oxigraph on disk, in memory, and a real Oxigraph server."""
    if request.param == "server":
        opened = open_store(request.getfixturevalue("oxigraph_server"))
        opened.update("CLEAR ALL")
    else:
        opened = open_store(tmp_path / "store" if request.param == "disk" else "memory")
    yield opened
    opened.close()
