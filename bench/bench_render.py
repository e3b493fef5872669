"""Benchmark: time from page load to a stabilized network, big graph vs a 10x smaller baseline,
and the page of a generated 5,000-article build (its size, and its overview's time to stable).

    .venv/bin/python bench/bench_render.py [--chromium /usr/bin/chromium] [--runs 3]
        [--articles 5000] [--store FOLDER]    # reuse a store bench_build.py or an earlier run built

Generates seeded random graphs in the exact rightsgraph shape (entities, plain relation triples,
rg:Fact evidence, sentences, articles, statements), renders them with render_html, opens each
file:// page in headless Chromium and reads window.rightsgraphStabilizedMs (milliseconds from
navigation start until stabilization finished and physics stopped). Goal: under 5 s for
2,000 nodes / 5,000 edges.
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from rightsgraph.render import render_html
from rightsgraph.vocab import NIF, PREDICATES, PREFIXES, PROV, RDF, RDFS, RG, RGID, SCHEMA, SKOS

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KIND_TYPES = {
    "person": [SCHEMA.Person], "org": [SCHEMA.Organization], "event": [SCHEMA.Event],
    "case": [SCHEMA.Person, RG.Case], "issue": [RG.Issue],
}
KIND_WEIGHTS = {"person": 50, "org": 25, "event": 5, "case": 15, "issue": 5}
STANCES = (RG.Critical, RG.Supportive, RG.Neutral)


def make_graph(n_nodes: int, n_edges: int, *, seed: int = 0) -> Graph:
    """A random graph shaped like the builder's output (deterministic for a seed)."""
    rnd = random.Random(seed)
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    n_articles = max(5, n_nodes // 8)
    articles = [RGID[f"article/a{i}"] for i in range(n_articles)]
    for i, a in enumerate(articles):
        g.add((a, RDF.type, SCHEMA.Article))
        g.add((a, SCHEMA.headline, Literal(f"Headline number {i} on the rights talks")))
        date = f"{2008 + i % 10}-0{1 + i % 9}-1{i % 10}"
        g.add((a, SCHEMA.datePublished, Literal(date, datatype=XSD.date)))
        g.add((a, SCHEMA.publisher, Literal(rnd.choice(["Example Wire", "Daily Example", "Sample Times"]))))
    kinds = rnd.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=n_nodes)
    nodes = []
    for i, kind in enumerate(kinds):
        iri = RGID[f"{'person' if kind == 'case' else kind}/entity-{i}"]
        nodes.append(iri)
        for t in KIND_TYPES[kind]:
            g.add((iri, RDF.type, t))
        g.add((iri, RDFS.label, Literal(f"Entity {i}")))
        g.add((iri, SKOS.altLabel, Literal(f"E{i}")))
        g.add((iri, RG.mentionedIn, rnd.choice(articles)))
        if kind == "case":
            g.add((iri, RG.status, rnd.choice([RG.Detained, RG.Released, RG.Exiled])))
    sentence_no = 0

    def sentence(text: str) -> URIRef:
        nonlocal sentence_no
        sentence_no += 1
        s = RGID[f"sentence/s{sentence_no}"]
        g.add((s, RDF.type, NIF.String))
        g.add((s, NIF.anchorOf, Literal(text)))
        g.add((s, NIF.beginIndex, Literal(0)))
        g.add((s, NIF.endIndex, Literal(len(text))))
        g.add((s, NIF.referenceContext, rnd.choice(articles)))
        return s

    # a sparse random graph with some hubs, like news networks: preferential endpoints
    hubs = nodes[: max(10, n_nodes // 50)]
    made: set[tuple[URIRef, str, URIRef]] = set()
    while len(made) < n_edges:
        s = rnd.choice(hubs) if rnd.random() < 0.2 else rnd.choice(nodes)
        o = rnd.choice(hubs) if rnd.random() < 0.3 else rnd.choice(nodes)
        p = rnd.choice(PREDICATES)
        if s == o or (s, p, o) in made:
            continue
        made.add((s, p, o))
        g.add((s, RG[p], o))
        fact = RGID[f"fact/f{len(made)}"]
        for t in (RG.Fact, RDF.Statement):
            g.add((fact, RDF.type, t))
        g.add((fact, RDF.subject, s))
        g.add((fact, RDF.predicate, RG[p]))
        g.add((fact, RDF.object, o))
        g.add((fact, RG.confidence, Literal(f"{rnd.uniform(0.3, 1.0):.2f}", datatype=XSD.decimal)))
        g.add((fact, PROV.wasDerivedFrom, sentence(f"Sentence where {s} {p} {o}.")))
    for i in range(n_nodes // 4):
        st = RGID[f"statement/st{i}"]
        g.add((st, RDF.type, RG.Statement))
        g.add((st, RG.speaker, rnd.choice(nodes)))
        g.add((st, RG.text, Literal(f"Statement text {i}")))
        g.add((st, RG.kind, rnd.choice([RG.Direct, RG.Indirect])))
        g.add((st, RG.stance, rnd.choice(STANCES)))
        g.add((st, RG.about, rnd.choice(nodes)))
        g.add((st, RG.confidence, Literal("0.8", datatype=XSD.decimal)))
        g.add((st, PROV.wasDerivedFrom, sentence(f"Someone said statement {i}.")))
    return g


FILTER_JS = """() => new Promise(done => {
  const t = performance.now();
  document.querySelector("input[data-predicate=memberOf]").click();
  requestAnimationFrame(() => requestAnimationFrame(() => done(Math.round(performance.now() - t))));
})"""


def measure(page_path: Path, chromium: str, runs: int) -> list[dict[str, int]]:
    """Per run: ms from navigation start to data set on the network, to stabilized; physics
    iterations run; ms for one predicate-filter toggle to reach the screen."""
    from playwright.sync_api import sync_playwright

    out = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        for _ in range(runs):
            # the page's CSP forbids eval, which Playwright's string predicates use
            context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)
            page = context.new_page()
            errors: list[str] = []

            def on_error(error: Any, errors: list[str] = errors) -> None:
                errors.append(str(error))

            page.on("pageerror", on_error)
            page.goto(page_path.as_uri())
            page.wait_for_function("window.rightsgraphReady === true", timeout=120_000, polling=50)
            if errors:
                raise SystemExit(f"page errors in {page_path}: {errors}")
            timings = page.evaluate("window.rightsgraphTimings")
            out.append({"stable": int(page.evaluate("window.rightsgraphStabilizedMs")),
                        "data": timings["dataSet"], "iterations": timings.get("iterations", 0),
                        "filter": page.evaluate(FILTER_JS)})
            context.close()
        browser.close()
    return out


def corpus_page(folder: Path, articles: int, store_path: Path | None) -> tuple[str, int, int, int, float]:
    """The page `rightsgraph render` writes for a generated corpus build (read from the store by
    SELECTs, pagefacts.from_store): (page, entities, relations, union triples, render seconds)."""
    from bench_build import generate

    from rightsgraph.build import build_store
    from rightsgraph.store import open_store

    if store_path is None:
        store_path = folder / "store"
        print(f"building {articles} generated articles into {store_path} (minutes)...", flush=True)
        with open_store(store_path) as store:
            build_store([generate(folder / "corpus", articles)], store, jobs=2)
    with open_store(store_path) as store:
        t = time.perf_counter()
        page = render_html(store, title=f"bench {articles} articles")  # as `rightsgraph render` does: SELECTs
        seconds = time.perf_counter() - t
        triples = int(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0][0].value)  # type: ignore[union-attr]
    import json
    import re

    data = json.loads(re.search(r'id="rightsgraph-data">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    return page, len(data["nodes"]), len(data["edges"]), triples, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--articles", type=int, default=5000, help="generated articles for the corpus-scale page (0: skip)")
    ap.add_argument("--store", type=Path, default=None, help="a store of generated articles to render instead")
    args = ap.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n_nodes, n_edges in ((200, 500), (2000, 5000)):
            g = make_graph(n_nodes, n_edges, seed=1)
            t1 = time.perf_counter()
            page = render_html(g, title=f"bench {n_nodes}/{n_edges}")
            t2 = time.perf_counter()
            path = Path(tmp) / f"bench-{n_nodes}.html"
            path.write_text(page, encoding="utf-8")
            times = measure(path, args.chromium, args.runs)
            rows.append((n_nodes, n_edges, len(g), t2 - t1, len(page), times))
        if args.articles or args.store:
            page, nodes, edges, triples, seconds = corpus_page(Path(tmp), args.articles, args.store)
            path = Path(tmp) / "bench-corpus.html"
            path.write_text(page, encoding="utf-8")
            rows.append((nodes, edges, triples, seconds, len(page), measure(path, args.chromium, args.runs)))
    print(f"{'nodes':>6} {'edges':>6} {'triples':>8} {'render_html s':>13} {'page MB':>8} {'iters':>6} "
          f"{'load->data ms':>13} {'load->stable ms':>15} {'filter ms':>9}  (medians; stable per run)")
    for n_nodes, n_edges, triples, render_s, size, runs_ in rows:
        med = {k: statistics.median(r[k] for r in runs_) for k in ("data", "stable", "filter", "iterations")}
        print(f"{n_nodes:>6} {n_edges:>6} {triples:>8} {render_s:>13.2f} {size / 1e6:>8.2f} "
              f"{med['iterations']:>6.0f} {med['data']:>13.0f} {med['stable']:>15.0f} {med['filter']:>9.0f}  "
              f"{[r['stable'] for r in runs_]}")
    base = statistics.median(r["stable"] for r in rows[0][5])
    big = statistics.median(r["stable"] for r in rows[1][5])
    print(f"ratio big/baseline: {big / base:.2f}x; goal < 5000 ms: {'met' if big < 5000 else 'NOT met'}")
    if len(rows) > 2:
        corpus = statistics.median(r["stable"] for r in rows[2][5])
        size = rows[2][4] / 1e6
        print(f"corpus page ({args.store or f'{args.articles} generated articles'}; the third row: its entities, "
              f"relations and union triples): {size:.1f} MB, stable in {corpus:.0f} ms = {corpus / base:.2f}x the "
              f"200-node baseline; goals < 10 MB and < 5000 ms: "
              f"{'met' if size < 10 and corpus < 5000 else 'NOT met'}")


if __name__ == "__main__":
    main()
