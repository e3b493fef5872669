"""Load the data files (gazetteer, issue thesaurus, lexicon) the rules read."""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

from ..errors import ExtractionError

__all__ = ["Knowledge", "GazetteerEntry", "load_knowledge"]


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    kind: str  # Person | Organization | Event | Issue
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    parent: str | None = None  # organizations: the government they belong to
    leads: str | None = None
    government: bool = False
    demonyms: tuple[str, ...] = ()  # governments: "Chinese" -> China


@dataclass(frozen=True)
class Knowledge:
    actors: tuple[GazetteerEntry, ...]
    issues: tuple[GazetteerEntry, ...]
    lexicon: dict[str, Any] = field(hash=False, compare=False)

    @functools.cache  # noqa: B019 - one Knowledge per process (load_knowledge is cached)
    def words(self, key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in self.lexicon[key])

    @functools.cache  # noqa: B019
    def phrases(self, key: str) -> tuple[str, ...]:
        """Longest first, lower-cased: for substring cue matching."""
        return tuple(sorted((p.lower() for p in self.lexicon[key]), key=len, reverse=True))

    @functools.cached_property
    def by_name(self) -> dict[str, GazetteerEntry]:
        return {e.name: e for e in (*self.actors, *self.issues)}


def _read_text(name: str) -> str:
    try:
        return (resources.files("rightsgraph.nlp") / "data" / name).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise ExtractionError(f"cannot read rule data file nlp/data/{name}: {e}; reinstall rightsgraph") from e


def _read_jsonl(name: str, default_kind: str) -> tuple[GazetteerEntry, ...]:
    entries = []
    for n, line in enumerate(_read_text(name).splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            entries.append(GazetteerEntry(
                name=d["name"], kind=d.get("kind", default_kind), aliases=tuple(d.get("aliases", ())),
                role=d.get("role"), affiliation=d.get("affiliation"), parent=d.get("parent"),
                leads=d.get("leads"), government=bool(d.get("government", False)),
                demonyms=tuple(d.get("demonyms", ()))))
        except (json.JSONDecodeError, KeyError) as e:
            raise ExtractionError(f"nlp/data/{name} line {n}: {e}; each line needs a JSON object with 'name'") from e
    return tuple(entries)


@lru_cache(maxsize=1)
def load_knowledge() -> Knowledge:
    """Read the bundled data files once per process (they are read-only package data)."""
    try:
        lexicon = json.loads(_read_text("lexicon.json"))
    except json.JSONDecodeError as e:
        raise ExtractionError(f"nlp/data/lexicon.json is not valid JSON: {e}") from e
    return Knowledge(
        actors=_read_jsonl("actors.jsonl", "Organization"),
        issues=_read_jsonl("issues.jsonl", "Issue"),
        lexicon=lexicon,
    )
