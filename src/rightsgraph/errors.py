"""The only exceptions rightsgraph raises on purpose.

Every message says what went wrong, where, and how to fix it; the CLI prints it as
one ``Error: …`` line and exits with status 1.
"""

from __future__ import annotations

__all__ = [
    "RightsgraphError",
    "InputError",
    "ExtractionError",
    "StoreError",
    "QueryError",
    "ExportError",
    "NodeNotFoundError",
    "RenderError",
]


class RightsgraphError(Exception):
    """Base class: an error the user can fix."""


class InputError(RightsgraphError):
    """A missing, unreadable or empty article file or corpus."""


class ExtractionError(RightsgraphError):
    """The NLP pipeline or a rule data file could not be loaded."""


class StoreError(RightsgraphError):
    """The RDF store could not be opened, read or written."""


class QueryError(RightsgraphError):
    """Unknown saved query, bad SPARQL, or a missing/unknown parameter."""


class ExportError(RightsgraphError):
    """An unknown export format or a graph that cannot be written."""


class NodeNotFoundError(RightsgraphError):
    """A label, alias or IRI that names no entity in the graph."""


class RenderError(RightsgraphError):
    """The page cannot be drawn: unknown focus entity, or query rows without entity IRIs."""
