"""Command line: one short function per command. The only place that prints or exits.

A RightsgraphError becomes one line ``Error: …`` on stderr with exit status 1; bad usage is
caught by click (exit status 2); anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click
from rdflib import Dataset, Graph

from .errors import InputError, RightsgraphError, StoreError

DEFAULT_TTL = Path("graph/rightsgraph.ttl")
DEFAULT_HTML = Path("graph/rightsgraph.html")
DEFAULT_STORE = "graph/.store"
EXPORT_FORMATS = ["turtle", "longturtle", "nt", "json-ld", "trig", "graphml", "gexf"]


class _Group(click.Group):
    """Turns the library's RightsgraphError into click's one-line `Error: …` (exit 1)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RightsgraphError as e:
            raise click.ClickException(str(e)) from e


store_option = click.option(
    "--store", "store", default=DEFAULT_STORE, show_default=True, metavar="PATH|memory",
    help="Oxigraph store folder, or 'memory' for rdflib's in-memory graph (read from --graph).")
graph_option = click.option(
    "--graph", "graph_file", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_TTL,
    show_default=True, help="Graph file read when --store memory.")


def _open(store: str, graph_file: Path) -> Dataset:
    """The store to read: Oxigraph on disk, or a memory graph loaded from the Turtle file."""
    from .store import open_store

    if store == "memory":
        if not graph_file.exists():
            raise InputError(f"graph file {graph_file} not found; run `rightsgraph build` or pass --graph FILE")
        ds = open_store(backend="memory")
        try:
            ds.parse(graph_file, format="trig" if graph_file.suffix == ".trig" else "turtle")
        except (OSError, UnicodeDecodeError, SyntaxError) as e:
            raise InputError(f"cannot read graph file {graph_file}: {e}") from e
        return ds
    path = Path(store)
    if not path.exists():
        raise StoreError(f"no store at {path}; run `rightsgraph build` first (or pass --store PATH)")
    return open_store(path)


def _union(store: str, graph_file: Path) -> Graph:
    from .store import close_store, union_graph

    ds = _open(store, graph_file)
    try:
        return union_graph(ds)
    finally:
        if store != "memory":
            close_store(ds)


def _write(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output}", err=True)


def _params(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    return {k.lstrip("?"): v for k, v in pairs}


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rightsgraph")
def cli() -> None:
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


@cli.command()
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_TTL,
              show_default=True, help="Turtle file of the built graph (canonical longturtle).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_HTML,
              show_default=True, help="Network page of the built graph.")
@click.option("--no-html", is_flag=True, help="Do not write the network page.")
@click.option("--aliases", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Curation file (JSON: merge, drop, rename) applied after the rules.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out statements and relations less confident than this.")
def build(articles: tuple[Path, ...], store: str, output: Path, html_out: Path, no_html: bool,
          aliases: Path | None, min_confidence: float) -> None:
    """Build the knowledge graph from ARTICLES (files or folders of .txt/.html/.jsonl).

    With no ARTICLES, builds the bundled sample corpus. The articles' facts replace any earlier
    build of the same articles in the store; the Turtle and HTML files hold this build.

    \b
    rightsgraph build
    rightsgraph build corpus/ extra.jsonl --store my.store -o my.ttl --html my.html
    """
    from .build import build_dataset, sample_corpus
    from .export import serialize
    from .ingest import read_articles
    from .render import render_html
    from .resolve import load_curation
    from .store import close_store, open_store, replace_articles, union_graph

    curation = load_curation(aliases)
    read = read_articles(list(articles) or [sample_corpus()])
    n = len(read)
    with click.progressbar(length=n, label="extracting", file=sys.stderr) as bar:
        ds = build_dataset(read, curation=curation, min_confidence=min_confidence,
                           progress=lambda _a: bar.update(1))
    target = open_store(backend="memory") if store == "memory" else open_store(Path(store))
    try:
        written = replace_articles(target, ds)
    finally:
        if store != "memory":
            close_store(target)
    graph = union_graph(ds)
    _write(serialize(graph, "turtle"), output)
    if not no_html:
        _write(render_html(graph, min_confidence=min_confidence, title="rightsgraph"), html_out)
    click.echo(f"built {n} articles: {len(graph)} triples ({written} written to store {store})", err=True)


@cli.command()
def queries() -> None:
    """List the saved SPARQL queries with their parameters."""
    from .query import list_queries

    for q in list_queries():
        params = " ".join(f"-p {p.name} VALUE" + (" (optional)" if p.optional else "") for p in q.param_specs)
        click.echo(f"{q.name:26s} {q.title}" + (f"   [{params}]" if params else ""))


@cli.command()
@click.argument("query_ref", metavar="NAME|FILE.rq|SPARQL")
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="Bind a query parameter (repeatable): -p speaker \"Michael Posner\".")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
              show_default=True)
@click.option("--width", type=click.IntRange(10, None), default=70, show_default=True,
              help="Cut table cells longer than this (csv and json are never cut).")
@click.option("--full", is_flag=True, help="Do not cut table cells.")
@store_option
@graph_option
def query(query_ref: str, params: tuple[tuple[str, str], ...], fmt: str, width: int, full: bool, store: str,
          graph_file: Path) -> None:
    """Run a saved query by NAME, a .rq file, or a SPARQL string.

    \b
    rightsgraph query statements_by_stance -p stance criticizes
    rightsgraph query cases_raised_by -p speaker "Michael Posner" -f csv
    rightsgraph query 'SELECT ?s WHERE { ?s a <https://schema.org/Person> }'
    """
    from .query import format_csv, format_json, format_table, get_query, run_query

    get_query(query_ref)  # unknown names fail before the store is opened
    graph = _union(store, graph_file)
    result = run_query(graph, query_ref, _params(params))
    if fmt == "table":
        _write(format_table(result, max_width=None if full else width), None)
    else:
        _write((format_csv if fmt == "csv" else format_json)(result), None)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("rightsgraph.html"),
              show_default=True)
@click.option("--query", "query_ref", default=None, metavar="NAME", help="Draw only what a saved query returns.")
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE")
@click.option("--focus", default=None, metavar="ENTITY", help="Draw only the neighbourhood of this entity.")
@click.option("--depth", type=click.IntRange(1, 10), default=1, show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@store_option
@graph_option
def render(output: Path, query_ref: str | None, params: tuple[tuple[str, str], ...], focus: str | None,
           depth: int, min_confidence: float, store: str, graph_file: Path) -> None:
    """Write the interactive network page (one offline HTML file).

    \b
    rightsgraph render -o my.html
    rightsgraph render --focus "Chen Guangcheng" --depth 2 -o chen.html
    rightsgraph render --query construct_neighbourhood -p entity "Human Rights Watch"
    """
    from .query import run_query
    from .render import render_html, rows_to_graph

    graph = _union(store, graph_file)
    if query_ref:
        result = run_query(graph, query_ref, _params(params))
        graph = rows_to_graph(graph, result.graph if result.graph is not None else result.rows, vars=result.vars)
    _write(render_html(graph, min_confidence=min_confidence, focus=focus, depth=depth), output)


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@store_option
@graph_option
def export(fmt: str, output: Path | None, store: str, graph_file: Path) -> None:
    """Export the graph: Turtle, N-Triples, JSON-LD, TriG, or GraphML/GEXF for Gephi and Cytoscape.

    \b
    rightsgraph export -f turtle > graph.ttl
    rightsgraph export -f gexf -o graph.gexf
    """
    from .export import serialize
    from .store import close_store, to_memory

    if fmt == "trig":
        ds = _open(store, graph_file)
        try:
            text = serialize(to_memory(ds), "trig")
        finally:
            if store != "memory":
                close_store(ds)
    else:
        text = serialize(_union(store, graph_file), fmt)
    _write(text, output)


@cli.command()
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@store_option
@graph_option
def stats(top: int, as_json: bool, store: str, graph_file: Path) -> None:
    """Counts by type and predicate, most central actors, connected components (networkx)."""
    from .analyze import graph_stats

    s = graph_stats(_union(store, graph_file), top=top)
    if as_json:
        click.echo(json.dumps(s.as_dict(), indent=2))
        return
    click.echo(f"articles {s.articles}   sentences {s.sentences}   facts {s.facts}")
    for title, counts in (("entities", s.entities), ("relations", s.relations), ("statements", s.statements)):
        click.echo(f"\n{title}")
        for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
            click.echo(f"  {k:22s} {v:5d}")
    for title, ranking in (("most central (degree)", s.top_degree), ("most central (betweenness)", s.top_betweenness)):
        click.echo(f"\n{title}")
        for _iri, label, score in ranking:
            click.echo(f"  {label:34s} {score:.3f}")
    sizes = ", ".join(map(str, s.component_sizes[:10]))
    click.echo(f"\nconnected components {s.components} (sizes {sizes})")


@cli.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_TTL, show_default=True, help="Graph file to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--details/--no-details", default=True, show_default=True, help="List missed and spurious facts.")
def evaluate(gold_dir: Path, graph_file: Path, as_json: bool, details: bool) -> None:
    """Score a graph against gold annotations: precision, recall, F1 per category and predicate.

    \b
    rightsgraph evaluate ../shared/gold
    rightsgraph evaluate tests/data/gold --graph my.ttl --json
    """
    from .evaluate import evaluate_graph, format_report

    report = evaluate_graph(graph_file, gold_dir)
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report, details=details))
