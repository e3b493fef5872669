"""The main job: article files -> extraction -> resolution -> RDF dataset."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path

from rdflib import Dataset
from spacy.language import Language

from .errors import InputError
from .graph import to_dataset
from .ingest import read_articles
from .model import Article, Extraction
from .nlp import extract, make_nlp
from .nlp.knowledge import load_knowledge
from .resolve import Curation, Resolver, name_mentions

__all__ = ["sample_corpus", "extract_all", "build_graph", "build_dataset"]

log = logging.getLogger(__name__)


def sample_corpus() -> Path:
    """The five bundled sample articles (package data)."""
    return Path(str(resources.files("rightsgraph") / "sample"))


def extract_all(articles: Iterable[Article], *, nlp: Language | None = None,
                progress: Callable[[Article], None] | None = None) -> list[Extraction]:
    nlp = nlp or make_nlp()
    out = []
    for article in articles:
        out.append(extract(nlp, article))
        if progress is not None:
            progress(article)
    return out


def build_graph(paths: Iterable[Path | str] | None = None, *, nlp: Language | None = None,
                curation: Curation | None = None, min_confidence: float = 0.0,
                progress: Callable[[Article], None] | None = None) -> Dataset:
    """Read, extract, resolve and write the graph of `paths` (default: the bundled sample corpus)."""
    articles = read_articles(list(paths) if paths is not None else [sample_corpus()])
    return build_dataset(articles, nlp=nlp, curation=curation, min_confidence=min_confidence, progress=progress)


def build_dataset(articles: list[Article], *, nlp: Language | None = None, curation: Curation | None = None,
                  min_confidence: float = 0.0, progress: Callable[[Article], None] | None = None) -> Dataset:
    """Extract, resolve and write the graph of articles already read."""
    if not articles:
        raise InputError("empty corpus: no articles to build; pass .txt, .html or .jsonl files or a directory")
    raw = extract_all(articles, nlp=nlp, progress=progress)
    gazetteer = {e.name: e.kind for e in load_knowledge().actors}
    resolver = Resolver(set().union(*map(name_mentions, raw)), curation=curation, gazetteer_kinds=gazetteer)
    extractions = [resolver.resolve(x)[0] for x in raw]
    log.info("built %d articles", len(extractions))
    return to_dataset(extractions, min_confidence=min_confidence, kinds=resolver.kinds)
