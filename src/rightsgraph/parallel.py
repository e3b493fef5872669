"""Extraction over many articles: in this process, or in worker processes that each load spaCy once.

Order is kept: the n-th extraction belongs to the n-th article. Articles are handed to the
workers a bounded window at a time, so memory does not grow with the corpus.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from importlib import resources
from itertools import islice
from typing import Any

from .model import Article, Extraction

__all__ = ["default_jobs", "extract_stream", "rules_version"]

_nlp: Any = None  # the pipeline of this process (a worker, or the parent with jobs=1), loaded by _start
_nlp_model: str | None = None


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@lru_cache(maxsize=1)
def rules_version() -> str:
    """A digest of everything extraction depends on besides the text: the rule code, its data
    files and the spaCy pipeline's name and version. A change re-extracts every article."""
    import spacy

    from .nlp import make_nlp_name

    digest = hashlib.sha256(f"spacy {spacy.__version__} {make_nlp_name()}".encode())
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
    """Parse a few articles with nlp.pipe (spaCy batches them) and run the rules on each."""
    from .nlp import extract

    docs = _nlp.pipe(a.body for a in articles)
    return [extract(_nlp, a, doc=doc) for a, doc in zip(articles, docs, strict=True)]


def _groups(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while group := list(islice(it, size)):
        yield group


def extract_stream(articles: Iterable[Article], *, jobs: int = 1, model: str | None = None,
                   group: int = 8, window: int = 8) -> Iterator[Extraction]:
    """Extract every article, in order, with `jobs` processes (1: in this process). Articles go
    to the workers `group` at a time, at most `window` groups per worker in flight."""
    if jobs <= 1:
        _start(model)
        for articles_ in _groups(articles, group):
            yield from _extract(articles_)
        return
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    groups = _groups(articles, group)
    with context.Pool(jobs, initializer=_start, initargs=(model,)) as pool:
        while batch := list(islice(groups, window * jobs)):
            for extracted in pool.imap(_extract, batch, chunksize=1):
                yield from extracted
