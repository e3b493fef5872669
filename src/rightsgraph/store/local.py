"""pyoxigraph in this process: a RocksDB folder on disk, or memory."""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from rightsgraph.errors import InputError, QueryError, StoreError

from .base import RECORDS, UNION_UPDATE, Store
from .terms import OxTerm

__all__ = ["LocalStore", "FILE_FORMATS"]

log = logging.getLogger(__name__)

#: graph file suffix -> format, for loading a file into a memory store
FILE_FORMATS = {".ttl": ox.RdfFormat.TURTLE, ".trig": ox.RdfFormat.TRIG, ".nt": ox.RdfFormat.N_TRIPLES,
                ".nq": ox.RdfFormat.N_QUADS, ".jsonld": ox.RdfFormat.JSON_LD}


class LocalStore(Store):
    """An Oxigraph store opened in this process; ``path=None`` keeps it in memory."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.location = str(path) if path is not None else "memory"
        self._written = False
        if path is None:
            self._store: ox.Store | None = ox.Store()
            return
        _check_folder(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._store = ox.Store(str(path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreError(f"cannot open store {path}: locked by another process; close the other "
                                 "rightsgraph run or pass another store path") from e
            raise StoreError(f"cannot open store {path}: {e}; rebuild it into a new folder") from e
        except RuntimeError as e:  # RocksDB corruption
            raise StoreError(f"cannot open store {path}: {e}; remove the folder and build again") from e
        self._migrate()
        log.debug("opened Oxigraph store at %s", path)

    @property
    def engine(self) -> ox.Store:
        if self._store is None:
            raise StoreError(f"store {self.location} is closed")
        return self._store

    def _migrate(self) -> None:
        """A store written before the union layout gets its union default graph once."""
        store = self.engine
        empty_default = next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None
        if empty_default and next(iter(store.named_graphs()), None) is not None:
            log.info("building the union default graph of %s", self.location)
            self.update(UNION_UPDATE)

    def execute(self, sparql: str, *, bindings: Mapping[str, OxTerm] | None = None,
                timeout: float | None = None) -> Any:
        substitutions = {ox.Variable(k): v for k, v in (bindings or {}).items()}
        try:
            return self.engine.query(sparql, substitutions=substitutions or None)
        except SyntaxError as e:
            raise QueryError(f"not valid SPARQL: {e}") from e
        except OSError as e:
            raise StoreError(f"cannot read store {self.location}: {e}") from e

    def update(self, sparql: str) -> None:
        try:
            self.engine.update(sparql)
        except SyntaxError as e:  # our own update text: a bug, but say where
            raise StoreError(f"store {self.location} refused an update: {e}") from e
        except OSError as e:
            raise StoreError(f"cannot write store {self.location}: {e}") from e
        self._written = True

    def triples(self) -> Iterator[ox.Triple]:
        for quad in self.engine.quads_for_pattern(None, None, None, ox.DefaultGraph()):
            yield quad.triple

    def quads(self) -> Iterator[ox.Quad]:
        for graph in self.engine.named_graphs():
            if isinstance(graph, ox.NamedNode) and not graph.value.startswith(RECORDS):
                yield from self.engine.quads_for_pattern(None, None, None, graph)

    def load_file(self, path: Path) -> None:
        """Load a graph file (Turtle, TriG, N-Triples, N-Quads, JSON-LD) and derive the union."""
        fmt = FILE_FORMATS.get(path.suffix.lower(), ox.RdfFormat.TURTLE)
        try:
            self.engine.load(path=str(path), format=fmt)
        except (SyntaxError, ValueError) as e:
            raise InputError(f"cannot read graph file {path}: {e}") from e
        except OSError as e:
            raise InputError(f"cannot read graph file {path}: {e.strerror or e}") from e
        if fmt.supports_datasets:
            self.update(UNION_UPDATE)

    def flush(self) -> None:
        if self._store is not None and self.path is not None:
            self._store.flush()
            _release_freed_memory()  # the flushed memory tables' pages

    def checkpoint(self) -> None:
        """Flush, then close and reopen the RocksDB folder: an open RocksDB instance keeps
        native memory that grows with every write it has taken (about 6 MB per 100 articles,
        measured) and gives it back only when closed. A long build calls this every few hundred
        articles so its memory does not grow with the corpus."""
        if self._store is None or self.path is None:
            return
        self._store.flush()
        self._store = None  # the last reference: RocksDB closes here
        _release_freed_memory()
        self._store = ox.Store(str(self.path))

    def close(self) -> None:
        if self._store is None:
            return
        if self._written and self.path is not None:
            self._store.flush()  # so the next open does not replay the write-ahead log
        self._store = None


def _release_freed_memory() -> None:
    """Hand memory the C allocator keeps after frees back to the system (glibc only; elsewhere
    a no-op): RocksDB frees its flushed memory tables, but glibc keeps the pages mapped."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass


def _check_folder(path: Path) -> None:
    if path.exists() and not path.is_dir():
        raise StoreError(f"cannot open store {path}: it is a file, not a directory; pass a folder path "
                         "(it is created if missing) or remove the file")
    if path.is_dir() and any(path.iterdir()) and not (path / "CURRENT").exists():
        raise StoreError(f"cannot open store {path}: the folder holds other files, not an Oxigraph store; "
                         "pass a new or empty folder")
