"""The README stays true: every command is documented, has help, and the quickstart names real things."""

from __future__ import annotations

from pathlib import Path

import pytest

from rightsgraph.cli import cli
from rightsgraph.query import list_queries

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_every_command_has_help_and_is_in_readme(name):
    command = cli.commands[name]
    assert command.help and len(command.help) > 20
    assert f"rightsgraph {name}" in README


@pytest.mark.parametrize("query", [q.name for q in list_queries()])
def test_docs_every_saved_query_is_in_readme(query):
    assert f"`{query}`" in README


def test_docs_install_is_two_commands():
    assert 'pip install -e ".[dev]" && rightsgraph build' in README
    assert "\nbash .ci/test " in README
    script = (Path(__file__).parent.parent / ".ci" / "test").read_text(encoding="utf-8")
    assert "apt-get install" in script and "exec python -m pytest" in script
    assert "bash .ci/test" in (Path(__file__).parent.parent / ".ci" / "run").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_every_command_help_has_an_example(name):
    assert f"rightsgraph {name}" in (cli.commands[name].help or "")
