"""rightsgraph: news about human-rights diplomacy -> a knowledge graph of actors, statements and cases.

The public names are imported on first use, so ``rightsgraph query`` does not pay for loading
spaCy (only ``build`` needs it).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .errors import RightsgraphError

if TYPE_CHECKING:
    from .build import build_graph
    from .export import serialize
    from .query import run_query
    from .render import render_html
    from .store import open_store

__all__ = ["build_graph", "open_store", "run_query", "render_html", "serialize", "RightsgraphError"]
__version__ = "0.1.0"

_LAZY = {"build_graph": "build", "open_store": "store", "run_query": "query", "render_html": "render",
         "serialize": "export"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'rightsgraph' has no attribute {name!r}")
