"""rightsgraph: news about human-rights diplomacy -> a knowledge graph of actors, statements and cases."""

from __future__ import annotations

from .build import build_graph
from .errors import RightsgraphError
from .export import serialize
from .query import run_query
from .render import render_html
from .store import open_store

__all__ = ["build_graph", "open_store", "run_query", "render_html", "serialize", "RightsgraphError"]
__version__ = "0.1.0"
