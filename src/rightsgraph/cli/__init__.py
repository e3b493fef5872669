"""Command line: one short function per command. The only package that prints or exits.

The group and the helpers every command shares live here; the commands that write the store
(build, remove) are in ``cli/write.py``, the ones that read it in ``cli/read.py``.

A RightsgraphError becomes one line ``Error: …`` on stderr with exit status 1; bad usage is
caught by click (exit status 2); anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..errors import InputError, RightsgraphError

if TYPE_CHECKING:
    from ..store import Store

DEFAULT_TTL = Path("graph/rightsgraph.ttl")
DEFAULT_HTML = Path("graph/rightsgraph.html")
EXPORT_FORMATS = ["turtle", "nt", "nquads", "trig", "json-ld", "graphml", "gexf"]


class _Group(click.Group):
    """Turns the library's RightsgraphError into click's one-line `Error: …` (exit 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RightsgraphError as e:
            raise click.ClickException(str(e)) from e


store_option = click.option(
    "--store", "store", default=None, metavar="PATH|memory|URL",
    help="Oxigraph store folder (default graph/.store, or $RIGHTSGRAPH_STORE), 'memory' (the graph "
         "file --graph loaded into an in-memory Oxigraph store), or a SPARQL server http(s)://…")
graph_option = click.option(
    "--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_TTL,
    show_default=True, help="Graph file (Turtle, TriG, N-Triples, N-Quads) read when --store memory.")


def open_source(store: str | None, graph_file: Path) -> Store:
    """The store to read: on disk, on a server, or memory holding the graph file."""
    from ..store import LocalStore, open_store, store_spec

    if store_spec(store) == "memory":
        if not graph_file.exists():
            raise InputError(f"graph file {graph_file} not found; run `rightsgraph build` or pass --graph FILE")
        memory = LocalStore(None)
        memory.load_file(graph_file)
        return memory
    return open_store(store, create=False)


def write_output(text: str, output: Path | None) -> None:
    from ..files import write_text

    if output is None or str(output) == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_text(output, text)
    say(f"wrote {output}")


def say(message: str) -> None:
    """An informational line on stderr (`wrote …`, summaries), silenced by -q."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    if not (root is not None and isinstance(root.obj, dict) and root.obj.get("quiet")):
        click.echo(message, err=True)


def param_dict(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {k.lstrip("?"): v for k, v in pairs}


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rightsgraph")
@click.option("-v", "--verbose", count=True, help="Say more on stderr (-v what happens, -vv debugging).")
@click.option("-q", "--quiet", is_flag=True, help="Only errors on stderr.")
def cli(verbose: int, quiet: bool) -> None:
    """Turn news about human-rights diplomacy into a knowledge graph of actors, statements and cases.

    \b
    rightsgraph build                      # the bundled sample corpus -> graph/
    rightsgraph queries                    # list saved SPARQL queries
    rightsgraph query cases_raised_by -p speaker "Michael Posner"
    rightsgraph render -o my.html          # interactive network page
    rightsgraph export -f turtle           # Turtle on stdout
    rightsgraph stats                      # counts and central actors
    rightsgraph evaluate GOLD_DIR          # precision/recall against gold annotations
    """
    import logging

    level = logging.ERROR if quiet else (logging.WARNING, logging.INFO, logging.DEBUG)[min(verbose, 2)]
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("rightsgraph")
    logger.handlers, logger.propagate = [handler], False
    logger.setLevel(level)
    click.get_current_context().obj = {"quiet": quiet}


from . import read, write  # noqa: E402,F401 - the commands register themselves on `cli`
