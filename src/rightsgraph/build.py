"""The main job: article files -> extraction -> resolution -> the store. Wiring only.

:func:`build_store` streams: articles are read one file at a time, extracted (in `jobs`
processes) and recorded in the store as they come, then resolved and written in batches, so
memory does not grow with the corpus. It is incremental and resolves across builds:

1. an article whose text and rules are unchanged since it was last built is skipped;
2. every other article is extracted and its *record* (the unresolved extraction and the names
   it mentions, store/records.py) is written to the store;
3. the resolver is rebuilt from the mentions of every recorded article (resolve.Resolver), and
   each article whose graph changes is written again from its record: the new and changed
   articles, and the stored ones that mention a name whose canonical form or kind changed
   ("Obama" once "Barack Obama" is in the store). Every article is rewritten when the rules,
   the curation file or the confidence threshold changed, or after an interrupted build.

So the store holds exactly what building the whole corpus at once would give, whatever the
order of the files, the number of jobs, or how the corpus was split across builds.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass, field
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import TextIO

from rdflib import Dataset
from spacy.language import Language

from .errors import InputError
from .graph import VOCAB_GRAPH, article_iri, article_ntriples, to_dataset
from .ingest import iter_articles, read_articles
from .model import Article, Extraction
from .nlp import extract
from .nlp.knowledge import load_knowledge
from .parallel import extract_stream, rules_version
from .resolve import Curation, Resolver, name_mentions
from .rounds import Round, load_rounds, rounds_settings
from .status import CURRENT_GRAPH, claim_keys, current_status_ntriples, merged_status_ntriples
from .store import Store, records
from .store.base import record_update, remove_update, replace_update

__all__ = ["BuildReport", "sample_corpus", "extract_all", "build_graph", "build_dataset", "build_store",
           "remove_from_store", "article_key"]

log = logging.getLogger(__name__)


def sample_corpus() -> Path:
    """The five bundled sample articles (package data)."""
    return Path(str(resources.files("rightsgraph") / "sample"))


@dataclass
class BuildReport:
    """What one build did. `articles` are the IRIs of the articles read, in order."""

    built: int = 0  # articles new to the store
    replaced: int = 0  # articles already in the store, written again
    skipped: int = 0  # articles read and unchanged
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    recovered: bool = False  # an interrupted build was finished
    warnings: list[str] = field(default_factory=list)  # e.g. curation names that match nothing
    articles: list[str] = field(default_factory=list)
    triples: int = 0  # triples written to article graphs

    def summary(self) -> str:
        parts = [f"{self.built} built", f"{self.replaced} replaced", f"{self.skipped} skipped",
                 f"{len(self.failed)} failed"]
        return ", ".join(parts) + (" (finished an interrupted build)" if self.recovered else "")


def article_key(article: Article, model: str | None = None) -> str:
    """What decides whether an article must be extracted again: its content, the rules, the pipeline."""
    content = json.dumps({k: v for k, v in asdict(article).items() if k != "path"}, sort_keys=True)
    return hashlib.sha256(f"{rules_version(model)}\n{content}".encode()).hexdigest()[:24]


def _writer_version() -> str:
    """A digest of the code that turns an extraction into triples (resolution, graph, vocabulary)."""
    package = resources.files("rightsgraph")
    digest = hashlib.sha256()
    for name in ("resolve.py", "graph.py", "vocab.py", "model.py", "rounds.py"):
        digest.update(package.joinpath(name).read_bytes())
    return digest.hexdigest()[:16]


def _settings(curation: Curation | None, min_confidence: float, model: str | None = None,
              rounds: tuple[Round, ...] | None = None) -> tuple[str, str]:
    """The key (and JSON) of everything besides an article that decides its graph: the rules,
    the writing code, the curation file, the confidence threshold and the known rounds."""
    c = curation or Curation()
    text = json.dumps({"merge": c.merge, "drop": sorted(c.drop), "rename": c.rename,
                       "min_confidence": min_confidence,
                       "rounds": rounds_settings(rounds if rounds is not None else load_rounds())},
                      sort_keys=True, ensure_ascii=False)
    key = f"{rules_version(model)}\n{_writer_version()}\n{text}"
    return hashlib.sha256(key.encode()).hexdigest()[:24], text


#: the graphs a build derives from all its articles (written with them, never an article)
DERIVED_GRAPHS = (str(VOCAB_GRAPH), str(CURRENT_GRAPH))


def _gazetteer() -> dict[str, str]:
    return {e.name: e.kind for e in load_knowledge().actors}


def _batches(items: Iterable[str], size: int) -> Iterable[list[str]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _settle(store: Store, batches: int) -> None:
    """After every 2nd batch flush RocksDB's memory tables (they fill at about 50 MB per 100
    articles); after every 8th also reopen the store, the only way to make RocksDB give back the
    native memory it keeps for past writes (store.local.LocalStore.checkpoint)."""
    if batches % 8 == 0:
        store.checkpoint()
    elif batches % 2 == 0:
        store.flush()


def _write(store: Store, articles: Iterable[str], resolver: Resolver, min_confidence: float,
           batch: int, rounds: tuple[Round, ...] | None = None, latest: dict[str, str] | None = None) -> int:
    """Write each article's graph from its record, resolved; one transaction per article. With
    `latest`, keep there each person's latest status claim among the articles written."""
    written = 0
    for n, chunk in enumerate(_batches(articles, batch), start=1):
        for iri, key, raw in records.load_extractions(store, chunk):
            resolved, kinds = resolver.resolve(raw)
            triples, count = article_ntriples(resolved, kinds=kinds, min_confidence=min_confidence, rounds=rounds)
            store.update(replace_update(iri, triples) + " ;\n" + records.built_update(iri, key))
            written += count
            if latest is not None:
                for person, claim in claim_keys(triples).items():
                    latest[person] = max(latest.get(person, ""), claim)
        _settle(store, n)
    return written


def _vocabulary(store: Store) -> None:
    vocab = to_dataset([]).graph(VOCAB_GRAPH)
    store.replace_graph(str(VOCAB_GRAPH), vocab.serialize(format="nt"))


def _unknown_curation_names(curation: Curation | None, resolver: Resolver) -> list[str]:
    """Curation entries that name nothing any recorded article mentions (a typo, usually)."""
    if curation is None:
        return []
    known = {m[0] for m in resolver.mentions} | set(resolver.mapping.values()) | set(resolver.kinds)
    named = [*curation.merge, *curation.drop, *(n for names in curation.rename.values() for n in names)]
    return [f'aliases file: "{n}" names no entity in the store; check its spelling'
            for n in dict.fromkeys(named) if n not in known]


def _changed(before: Resolver, after: Resolver) -> set[tuple[str, str, str]]:
    """Mentions whose name now resolves to another canonical name or kind."""
    return {m for m in before.mentions | after.mentions if before.identity(m[0]) != after.identity(m[0])}


def build_store(paths: Iterable[Path | str | TextIO], store: Store, *, jobs: int = 1, model: str | None = None,
                scheduler: str | None = None, curation: Curation | None = None, min_confidence: float = 0.0,
                batch: int = 32,
                progress: Callable[[str], None] | None = None, strict: bool = True,
                on_failure: Callable[[str, str], None] | None = None,
                fields: Mapping[str, str] | None = None, rounds: tuple[Round, ...] | None = None) -> BuildReport:
    """Build the articles under `paths` into `store` (see the module text), extracting in `jobs`
    processes or on the Dask cluster at `scheduler` (``tcp://host:8786``). With ``strict=False``
    a bad file is skipped, listed in the report's `failed` and passed to `on_failure(path,
    reason)`; otherwise it raises InputError before anything is written. An open text stream
    among `paths` is read as JSONL; `fields` maps JSONL field names (ingest.jsonl_articles);
    `rounds` are the known dialogue rounds (default: the bundled file, rounds.load_rounds)."""
    report = BuildReport()
    gazetteer = _gazetteer()
    settings_key, settings_text = _settings(curation, min_confidence, model, rounds)
    stored = records.keys(store)
    unfinished = {a for a, (extracted, built) in stored.items() if extracted != built}
    previous = records.settings(store)
    report.recovered = bool(unfinished)
    rewrite_all = bool(unfinished) or (previous is not None and previous[0] != settings_key)
    before = Resolver(records.mentions(store), curation=curation, gazetteer_kinds=gazetteer)
    todo: list[str] = []
    keys: dict[str, str] = {}

    def skip(path: str, reason: str) -> None:
        report.failed.append((path, reason))
        if on_failure is not None:
            on_failure(path, reason)

    def to_extract() -> Iterable[Article]:
        for article in iter_articles(paths, on_skip=None if strict else skip, fields=fields):
            iri, key = str(article_iri(article.id)), article_key(article, model)
            report.articles.append(iri)
            if stored.get(iri, ("", None))[0] == key:  # extracted with these rules already
                if stored[iri][1] != key:
                    todo.append(iri)
                if progress is not None:
                    progress(iri)
                continue
            keys[iri] = key
            yield article

    for x in extract_stream(to_extract(), jobs=jobs, model=model, scheduler=scheduler):
        iri = str(article_iri(x.article.id))
        store.update(record_update(records.record_iri(iri), records.record_graph(iri, keys[iri], x)))
        todo.append(iri)
        if len(todo) % batch == 0:
            _settle(store, len(todo) // batch)
        if progress is not None:
            progress(iri)

    after = Resolver(records.mentions(store), curation=curation, gazetteer_kinds=gazetteer)
    report.warnings += _unknown_curation_names(curation, after)
    if rewrite_all:
        rewrite = set(records.keys(store))
    else:
        rewrite = set(todo) | records.articles_mentioning(store, _changed(before, after))
    # a build that only adds articles updates the current statuses from its own claims; one that
    # rewrites stored articles (whose old claims go) recomputes them from every stored claim
    # (and not after a build killed between writing articles and their statuses: its marker says so)
    added_only = not rewrite_all and not rewrite & set(stored) and not records.status_pending(store)
    latest: dict[str, str] | None = {} if added_only else None
    store.update(records.pending_update())
    report.triples = _write(store, sorted(rewrite), after, min_confidence, batch, rounds, latest)
    _vocabulary(store)
    store.replace_graph(str(CURRENT_GRAPH), merged_status_ntriples(store, latest) if latest is not None
                        else current_status_ntriples(store))
    store.update(records.pending_done_update())
    store.update(records.settings_update(settings_key, settings_text))
    read = set(report.articles)
    report.built = len(rewrite - set(stored))
    report.replaced = len(rewrite & set(stored))
    report.skipped = len(read - rewrite)
    log.info("build: %s", report.summary())
    return report


def remove_from_store(store: Store, articles: Iterable[str], *, batch: int = 32) -> list[str]:
    """Remove articles (IRIs) and their records, then write again the stored articles whose
    resolution changes without them. Returns the articles removed."""
    gazetteer = _gazetteer()
    previous = records.settings(store)
    settings = json.loads(previous[1]) if previous else {}
    curation = Curation(merge=settings.get("merge", {}), drop=frozenset(settings.get("drop", [])),
                        rename=settings.get("rename", {}))
    present = set(store.graph_names())
    gone = [a for a in articles if a in present]
    before = Resolver(records.mentions(store), curation=curation, gazetteer_kinds=gazetteer)
    for iri in gone:
        store.update(remove_update(iri) + " ;\n" + records.remove_update(iri))
    after = Resolver(records.mentions(store), curation=curation, gazetteer_kinds=gazetteer)
    known = tuple(Round(ordinal=o, start=a, end=b, location=p) for o, a, b, p in settings["rounds"]) \
        if "rounds" in settings else None
    _write(store, sorted(records.articles_mentioning(store, _changed(before, after))), after,
           settings.get("min_confidence", 0.0), batch, known)
    store.replace_graph(str(CURRENT_GRAPH), current_status_ntriples(store))
    return gone


# -- in memory, without a store (library use, tests) ---------------------------------------------

def extract_all(articles: Iterable[Article], *, nlp: Language | None = None,
                progress: Callable[[Article], None] | None = None) -> list[Extraction]:
    from .nlp import make_nlp

    nlp = nlp or make_nlp()
    out = []
    for article in articles:
        out.append(extract(nlp, article))
        if progress is not None:
            progress(article)
    return out


def build_graph(paths: Iterable[Path | str] | None = None, *, nlp: Language | None = None,
                curation: Curation | None = None, min_confidence: float = 0.0,
                progress: Callable[[Article], None] | None = None, rounds: tuple[Round, ...] | None = None) -> Dataset:
    """Read, extract, resolve and write the graph of `paths` (default: the bundled sample corpus)."""
    articles = read_articles(list(paths) if paths is not None else [sample_corpus()])
    return build_dataset(articles, nlp=nlp, curation=curation, min_confidence=min_confidence, progress=progress,
                         rounds=rounds)


def build_dataset(articles: list[Article], *, nlp: Language | None = None, curation: Curation | None = None,
                  min_confidence: float = 0.0, progress: Callable[[Article], None] | None = None,
                  rounds: tuple[Round, ...] | None = None) -> Dataset:
    """Extract, resolve and write the graph of articles already read (an rdflib Dataset)."""
    if not articles:
        raise InputError("empty corpus: no articles to build; pass .txt, .html or .jsonl files or a directory")
    raw = extract_all(articles, nlp=nlp, progress=progress)
    resolver = Resolver(set().union(*map(name_mentions, raw)), curation=curation, gazetteer_kinds=_gazetteer())
    extractions = [resolver.resolve(x)[0] for x in raw]
    log.info("built %d articles", len(extractions))
    return to_dataset(extractions, min_confidence=min_confidence, kinds=resolver.kinds, rounds=rounds)
