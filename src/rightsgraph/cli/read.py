"""The commands that read the store: queries, query, render, export, stats, evaluate."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from . import (
    DEFAULT_TTL,
    EXPORT_FORMATS,
    cli,
    graph_option,
    open_source,
    param_dict,
    say,
    store_option,
    write_output,
)


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="The list as JSON (name, title, description, params).")
@click.option("--sparql", "show", default=None, metavar="NAME", help="Print this saved query's SPARQL.")
def queries(as_json: bool, show: str | None) -> None:
    """List the saved SPARQL queries with their parameters.

    \b
    rightsgraph queries
    rightsgraph queries --json
    rightsgraph queries --sparql who_raised_case > mine.rq    # edit, then: rightsgraph query mine.rq
    """
    from ..query import get_query, list_queries

    if show is not None:
        write_output(get_query(show).text, None)
        return
    if as_json:
        rows = [{"name": q.name, "title": q.title, "description": q.description,
                 "params": [{"name": p.name, "kind": p.kind, "optional": p.optional, "help": p.help}
                            for p in q.param_specs]} for q in list_queries()]
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
        return
    for q in list_queries():
        params = " ".join(f"-p {p.name} VALUE" + (" (optional)" if p.optional else "") for p in q.param_specs)
        click.echo(f"{q.name:26s} {q.title}" + (f"   [{params}]" if params else ""))


@cli.command()
@click.argument("query_ref", metavar="NAME|FILE.rq|SPARQL")
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE",
              help="Bind a query parameter (repeatable): -p speaker \"Michael Posner\".")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "ndjson"]), default="table",
              show_default=True, help="Output format; csv, tsv and json carry full IRIs, json numbers as numbers.")
@click.option("--no-headers", is_flag=True, help="Leave out the header row (table, csv, tsv).")
@click.option("--short-iris", is_flag=True, help="Write IRIs in csv and tsv as the table shows them (rgid:person/x).")
@click.option("--width", type=click.IntRange(10, None), default=70, show_default=True,
              help="Cut table cells longer than this (csv and json are never cut).")
@click.option("--full", is_flag=True, help="Do not cut table cells.")
@click.option("--limit", type=click.IntRange(0, None), default=1000, show_default=True,
              help="Show at most this many table rows (0: all; csv and json are never cut).")
@click.option("--timeout", type=click.FloatRange(0, None, min_open=True), default=30.0, show_default=True,
              metavar="SECONDS", help="Stop a query that runs longer than this.")
@store_option
@graph_option
def query(query_ref: str, params: tuple[tuple[str, str], ...], fmt: str, no_headers: bool, short_iris: bool,
          width: int, full: bool, limit: int, timeout: float, store: str | None, graph_file: Path) -> None:
    """Run a saved query by NAME, a .rq file, or a SPARQL string, in the store's engine.

    Queries are read-only: updates, LOAD, SERVICE and FROM graphs outside the store are refused.

    \b
    rightsgraph query statements_by_stance -p stance criticizes
    rightsgraph query cases_raised_by -p speaker "Michael Posner" -f csv
    rightsgraph query 'SELECT ?s WHERE { ?s a <https://schema.org/Person> }'
    rightsgraph query actors -f ndjson | jq .label
    """
    from ..query import format_csv, format_json, format_ndjson, format_table, get_query, printable, run_query
    from ..sandbox import inspect_query

    saved = get_query(query_ref)  # unknown names and refused SPARQL fail before the store is opened
    inspect_query(saved.text, name=saved.name)
    with open_source(store, graph_file) as source:
        result = run_query(source, query_ref, param_dict(params), timeout=timeout)
    if fmt == "table":
        cut = limit if limit and result.type == "SELECT" and len(result.rows) > limit else None
        table = format_table(result, max_width=None if full else width, limit=cut)
        if no_headers and result.type == "SELECT":
            table = "".join(table.splitlines(keepends=True)[2:])
        write_output(table, None)
        if cut is not None:
            say(f"showed {cut:,} of {len(result.rows):,} rows; --limit 0 shows all, -f csv writes all")
        return
    if fmt in ("csv", "tsv"):
        text = format_csv(result, delimiter="," if fmt == "csv" else "\t", headers=not no_headers, short=short_iris)
    else:
        text = (format_json if fmt == "json" else format_ndjson)(result)
    write_output(printable(text) if sys.stdout.isatty() else text, None)


@cli.command()
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("rightsgraph.html"),
              show_default=True)
@click.option("--query", "query_ref", default=None, metavar="NAME", help="Draw only what a saved query returns.")
@click.option("-p", "--param", "params", type=(str, str), multiple=True, metavar="NAME VALUE")
@click.option("--focus", default=None, metavar="ENTITY", help="Draw only the neighbourhood of this entity.")
@click.option("--depth", type=click.IntRange(1, 10), default=1, show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True)
@click.option("--title", default="rightsgraph", show_default=True, help="The page's title and heading.")
@store_option
@graph_option
def render(output: Path, query_ref: str | None, params: tuple[tuple[str, str], ...], focus: str | None,
           depth: int, min_confidence: float, title: str, store: str | None, graph_file: Path) -> None:
    """Write the interactive network page (one offline HTML file).

    \b
    rightsgraph render -o my.html
    rightsgraph render --focus "Chen Guangcheng" --depth 2 -o chen.html
    rightsgraph render --query construct_neighbourhood -p entity "Human Rights Watch"
    rightsgraph render --title "Round 17, Kunming" -o - > page.html
    """
    from ..query import run_query
    from ..render import render_html, rows_to_graph
    from ..store.network import network_graph

    with open_source(store, graph_file) as source:
        if query_ref:
            result = run_query(source, query_ref, param_dict(params))
            drawn: Any = rows_to_graph(network_graph(source), result.graph if result.graph is not None
                                       else result.rows, vars=result.vars)
            page = render_html(drawn, min_confidence=min_confidence, focus=focus, depth=depth, title=title)
        else:  # the whole store: read by SELECTs in its engine (pagefacts.py), no rdflib copy
            page = render_html(source, min_confidence=min_confidence, focus=focus, depth=depth, title=title)
    write_output(page, output)


@cli.command()
@click.option("-f", "--format", "fmt", type=click.Choice(EXPORT_FORMATS), default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="File to write (default: stdout).")
@store_option
@graph_option
def export(fmt: str, output: Path | None, store: str | None, graph_file: Path) -> None:
    """Export the graph, streamed from the store: Turtle, N-Triples, JSON-LD (the union of all
    articles), TriG and N-Quads (one named graph per article), GraphML and GEXF (the entity
    network, for Gephi and Cytoscape).

    \b
    rightsgraph export -f turtle > graph.ttl
    rightsgraph export -f trig -o articles.trig
    rightsgraph export -f gexf -o graph.gexf
    """
    from .. import export as exporting
    from ..files import atomic_open

    with open_source(store, graph_file) as source:
        if output is None or str(output) == "-":
            out = sys.stdout.buffer
            try:
                exporting.export(source, out, fmt)
                out.flush()
            except BrokenPipeError:  # `| head` stopped reading: that is the reader's choice
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return
        with atomic_open(output) as out:
            exporting.export(source, out, fmt)
    say(f"wrote {output}")


@cli.command()
@click.option("--top", type=click.IntRange(1, 100), default=10, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the statistics as JSON.")
@store_option
@graph_option
def stats(top: int, as_json: bool, store: str | None, graph_file: Path) -> None:
    """Counts by type and predicate, most central actors, connected components (networkx).

    \b
    rightsgraph stats --top 5
    rightsgraph stats --json --store http://127.0.0.1:7878
    """
    from ..analyze import graph_stats
    from ..query import printable

    with open_source(store, graph_file) as source:
        s = graph_stats(source, top=top)
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
            click.echo(f"  {printable(label):34s} {score:.3f}")
    sizes = ", ".join(map(str, s.component_sizes[:10]))
    click.echo(f"\nconnected components {s.components} (sizes {sizes})")


@cli.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path), required=False)
@click.option("--graph", "graph_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=DEFAULT_TTL, show_default=True, help="Graph file to score.")
@click.option("--json", "as_json", is_flag=True, help="Print the full report as JSON.")
@click.option("--details/--no-details", default=True, show_default=True, help="List missed and spurious facts.")
def evaluate(gold_dir: Path | None, graph_file: Path, as_json: bool, details: bool) -> None:
    """Score a graph against gold annotations: precision, recall, F1 per category and predicate.

    With no GOLD_DIR, the gold annotations of the bundled sample corpus (what `rightsgraph build`
    builds into graph/rightsgraph.ttl).

    \b
    rightsgraph evaluate --no-details
    rightsgraph evaluate tests/data/gold --graph my.ttl --json
    """
    from ..build import sample_corpus
    from ..evaluate import evaluate_graph, format_report

    report = evaluate_graph(graph_file, gold_dir or sample_corpus() / "gold")
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report, details=details))
