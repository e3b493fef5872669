"""Saved queries on a store of a million triples: through the library and the CLI, against the floor.

Corpus: the sample and test articles are extracted once, then copied under new article ids
(``…-g17``), with a third of the entity names varied per copy so that the entity count grows too
and the entities named by the parameters below are repeated in every copy (the case that made
joins multiply). The copies are written into an on-disk store with ``replace_articles``, one
transaction per article, until the union holds at least --triples triples.

Floor (same run): the same SPARQL with the same bound terms on a deduplicated in-memory
pyoxigraph store holding only the union. Engine: the same SPARQL straight on the on-disk
pyoxigraph store the library uses (what Oxigraph's RocksDB storage costs against memory).
Library: ``run_query(store, name, params)`` (sandbox check, parameter lookup, evaluation, rows
as rdflib terms). CLI: ``rightsgraph query NAME -p …
-f csv`` as a subprocess, against the CLI's own time for ``ASK {}``. Medians of --runs.

    python bench/bench_query.py [--triples 1000000] [--runs 5] [--store DIR] [--no-cli]

With --store DIR the generated store is kept and reused on the next run.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable
from pathlib import Path

import pyoxigraph as ox

from rightsgraph.build import extract_all, sample_corpus
from rightsgraph.graph import to_dataset
from rightsgraph.ingest import read_articles
from rightsgraph.model import Extraction
from rightsgraph.nlp.knowledge import load_knowledge
from rightsgraph.query import get_query, list_queries, resolve_param, run_query
from rightsgraph.resolve import Resolver, merge_actors, name_mentions
from rightsgraph.store import Store, open_store, replace_articles, to_oxigraph

ROOT = Path(__file__).resolve().parent.parent
PARAMS = {
    "cases_raised_by": {"speaker": "Michael Posner"},
    "construct_neighbourhood": {"entity": "Chen Guangcheng"},
    "members_of": {"organization": "Human Rights Watch"},
    "relation_evidence": {"predicate": "memberOf"},
    "speaker_statements": {"speaker": "Michael Posner"},
    "statements_by_stance": {"stance": "criticizes"},
    "who_raised_case": {"case": "Chen Guangcheng"},
}
KEEP = {"Michael Posner", "Chen Guangcheng", "Human Rights Watch", "China", "United States",
        "US-China Human Rights Dialogue"}


def median(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def variant(x: Extraction, k: int) -> Extraction:
    """Copy k of an extraction: a new article id and date, a third of its names varied."""
    def name(n: str | None) -> str | None:
        if n is None or n in KEEP or zlib.crc32(n.encode()) % 3:
            return n
        return f"{n} {k % 400}"

    date = x.article.date
    if date:
        date = f"{1999 + (int(date[:4]) + k) % 18}{date[4:]}"
    return Extraction(
        article=dataclasses.replace(x.article, id=f"{x.article.id}-g{k}", date=date),
        actors=[dataclasses.replace(a, name=name(a.name), aliases=tuple(name(s) or s for s in a.aliases),
                                    affiliation=name(a.affiliation)) for a in x.actors],
        statements=[dataclasses.replace(s, speaker=name(s.speaker), about=name(s.about)) for s in x.statements],
        cases=[dataclasses.replace(c, name=name(c.name)) for c in x.cases],
        relations=[dataclasses.replace(r, subject=name(r.subject), object=name(r.object)) for r in x.relations],
    )


def union_size(store: Store) -> int:
    return int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=None).rows[0][0].value)  # type: ignore[union-attr]


def generate(store: Store, target: int) -> None:
    paths = [sample_corpus(), *(ROOT / "tests" / "data" / d for d in ("articles", "heldout", "validation"))]
    t = time.perf_counter()
    base = merge_actors(extract_all(read_articles(paths)))
    gazetteer = {e.name: e.kind for e in load_knowledge().actors}
    print(f"extracted {len(base)} articles in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    k, size = 0, union_size(store)
    t = time.perf_counter()
    while size < target:
        batch = [variant(x, k + j) for j in range(10) for x in base]
        kinds = Resolver(set().union(*map(name_mentions, batch)), gazetteer_kinds=gazetteer).kinds
        replace_articles(store, to_dataset(batch, kinds=kinds))
        k += 10
        size = union_size(store)
        print(f"\r{k * len(base):6d} articles, {size:9,d} union triples", end="", file=sys.stderr)
    print(f"\nwrote in {time.perf_counter() - t:.0f} s", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--store", type=Path, default=None, help="keep the generated store here (reused)")
    ap.add_argument("--no-cli", action="store_true", help="skip the CLI timings")
    args = ap.parse_args()
    folder = args.store or Path(tempfile.mkdtemp(prefix="rightsgraph-bench-")) / "store"
    with open_store(folder) as store:
        generate(store, args.triples)
    store = open_store(folder)
    articles = len(store.graph_names())
    floor = ox.Store()
    floor.extend(ox.Quad(t.subject, t.predicate, t.object) for t in store.triples())
    store.close()  # the CLI subprocesses need the lock; reopened below
    print(f"store {folder}: {articles:,} graphs, {len(floor):,} union triples\n")

    cli = [sys.executable, "-m", "rightsgraph", "query"]
    ask = median(lambda: subprocess.run([*cli, "ASK {}", "--store", str(folder)], check=True,
                                        capture_output=True), args.runs) if not args.no_cli else 0.0
    header = (f"{'query':26s} {'rows':>7s} {'floor ms':>9s} {'engine ms':>10s} {'library ms':>11s} "
              f"{'lib/floor':>9s} {'lib/engine':>10s}")
    print(header + ("" if args.no_cli else f" {'CLI ms':>8s} {'CLI/ASK':>8s}"))
    for saved in list_queries():
        params = PARAMS.get(saved.name, {})
        cli_ms = 0.0
        if not args.no_cli:
            argv = [*cli, saved.name, "-f", "csv", "--store", str(folder)]
            for k, v in params.items():
                argv += ["-p", k, v]
            cli_ms = median(lambda a=argv: subprocess.run(a, check=True, capture_output=True), args.runs)
        store = open_store(folder)
        text = get_query(saved.name).text
        bound = {n: to_oxigraph(resolve_param(store, saved.spec(n), v, query=saved.name)) for n, v in params.items()}
        subs = {ox.Variable(n): t for n, t in bound.items()} or None
        base = median(lambda t=text, s=subs: list(floor.query(t, substitutions=s)), args.runs)  # type: ignore[call-overload]
        engine = median(lambda t=text, s=subs, e=store.engine: list(e.query(t, substitutions=s)), args.runs)  # type: ignore[attr-defined]
        result = run_query(store, saved.name, params)
        lib = median(lambda n=saved.name, p=params, s=store: run_query(s, n, p), args.runs)
        store.close()
        rows = len(result.rows) if result.graph is None else len(result.graph)
        line = (f"{saved.name:26s} {rows:7d} {base * 1e3:9.1f} {engine * 1e3:10.1f} {lib * 1e3:11.1f} "
                f"{lib / base:9.2f} {lib / engine:10.2f}")
        print(line + ("" if args.no_cli else f" {cli_ms * 1e3:8.0f} {cli_ms / ask:8.2f}"))
    if not args.no_cli:
        print(f"{'CLI ASK {}':26s} {'':7s} {'':9s} {'':10s} {'':11s} {'':9s} {'':10s} {ask * 1e3:8.0f} {1:8.2f}")


if __name__ == "__main__":
    main()
