"""Entity resolution across the corpus: one canonical name (and so one IRI) per real entity.

Within an article, nlp/mentions.py already gave short forms their full name. Here:
- a bare surname left unresolved in one article takes the full name another article prints,
  when exactly one full name in the corpus ends with it ("Obama" -> "Barack Obama");
- a curated aliases file (JSON, see README "Curating entities") renames, merges or drops
  entities by hand; it is applied last, so curation always wins over the rules.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError
from .model import Actor, Case, Extraction, Relation, Statement

__all__ = ["Curation", "load_curation", "merge_actors"]


@dataclass(frozen=True)
class Curation:
    """Hand corrections: merge {alias: canonical}, drop [names], rename per article."""

    merge: dict[str, str] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()
    rename: dict[str, dict[str, str]] = field(default_factory=dict)  # article id -> {name: name}


def load_curation(path: Path | None) -> Curation:
    if path is None:
        return Curation()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise InputError(f"aliases file {path} not found; create it or leave out --aliases") from e
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"cannot read aliases file {path}: {e}; it must be UTF-8 JSON "
                         '(see README "Curating entities")') from e
    if not isinstance(data, dict) or set(data) - {"merge", "drop", "rename", "_comment"}:
        raise InputError(f"aliases file {path}: expected an object with keys merge, drop, rename")
    return Curation(merge=dict(data.get("merge", {})), drop=frozenset(data.get("drop", [])),
                    rename={k: dict(v) for k, v in data.get("rename", {}).items()})


def _surname_map(extractions: list[Extraction]) -> dict[str, str]:
    full: dict[str, set[str]] = {}
    singles: set[str] = set()
    for x in extractions:
        for a in x.actors:
            if a.kind != "Person":
                continue
            parts = a.name.split()
            if len(parts) >= 2:
                full.setdefault(parts[-1], set()).add(a.name)
            else:
                singles.add(a.name)
    return {s: next(iter(full[s])) for s in singles if len(full.get(s, ())) == 1}


def _rename_extraction(x: Extraction, mapping: dict[str, str], drop: frozenset[str]) -> Extraction:
    def n(name: str) -> str:
        seen = set()
        while name in mapping and name not in seen:
            seen.add(name)
            name = mapping[name]
        return name

    actors: dict[str, Actor] = {}
    for a in x.actors:
        name = n(a.name)
        if name in drop:
            continue
        aliases = set(a.aliases) | ({a.name} if a.name != name else set())
        prev = actors.get(name)
        if prev is not None:
            aliases |= set(prev.aliases)
            a = replace(prev, role=prev.role or a.role, affiliation=prev.affiliation or a.affiliation)
        actors[name] = replace(a, name=name, aliases=tuple(sorted(aliases - {name})),
                               affiliation=n(a.affiliation) if a.affiliation else None)
    statements = [replace(s, speaker=n(s.speaker), about=n(s.about) if s.about else None)
                  for s in x.statements if n(s.speaker) not in drop]
    cases: list[Case] = [replace(c, name=n(c.name)) for c in x.cases if n(c.name) not in drop]
    relations: list[Relation] = [replace(r, subject=n(r.subject), object=n(r.object)) for r in x.relations
                                 if n(r.subject) not in drop and n(r.object) not in drop
                                 and n(r.subject) != n(r.object)]
    return Extraction(article=x.article, actors=sorted(actors.values(), key=lambda a: a.name),
                      statements=_unique(statements), cases=cases, relations=relations)


def _unique(statements: list[Statement]) -> list[Statement]:
    seen, out = set(), []
    for s in statements:
        key = (s.speaker, s.text, s.sentence.begin)
        if key not in seen:
            seen.add(key)
            out.append(s)
    return out


def merge_actors(extractions: list[Extraction], *, curation: Curation | None = None) -> list[Extraction]:
    """Return the extractions with every name replaced by its corpus-wide canonical name."""
    curation = curation or Curation()
    mapping = _surname_map(extractions)
    mapping.update(curation.merge)
    out = []
    for x in extractions:
        local = {**mapping, **curation.rename.get(x.article.id, {})}
        out.append(_rename_extraction(x, local, curation.drop))
    return out
