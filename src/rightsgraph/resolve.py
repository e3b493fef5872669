"""Entity resolution across the corpus: one canonical name (and so one IRI) per real entity.

Within an article, nlp/mentions.py already gave short forms their full name. Here:
- a bare surname left unresolved in one article takes the full name another article prints,
  when exactly one full name in the corpus ends with it ("Obama" -> "Barack Obama");
- each canonical name gets one kind (Person, Organization, Event, Issue) for the whole corpus;
- a curated aliases file (JSON, see README "Curating entities") renames, merges or drops
  entities by hand; it is applied last, so curation always wins over the rules.

Everything corpus-wide is a function of the *set* of name mentions (name, kind, actor|case) of
all articles (:func:`name_mentions`), so the result does not depend on article order, and a
store can keep the mentions of the articles it holds and resolve a new article exactly as if the
whole corpus were built at once (build.py).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import InputError
from .model import Actor, Case, Extraction, Relation, Statement

__all__ = ["Curation", "Resolver", "load_curation", "merge_actors", "name_mentions", "DIALOGUE"]

DIALOGUE = "US-China Human Rights Dialogue"
Mention = tuple[str, str, str]  # (raw name, kind, "actor" | "case")


@dataclass(frozen=True)
class Curation:
    """Hand corrections: merge {alias: canonical}, drop [names], rename per article."""

    merge: dict[str, str] = field(default_factory=dict)
    drop: frozenset[str] = frozenset()
    rename: dict[str, dict[str, str]] = field(default_factory=dict)  # article id -> {name: name}


def load_curation(path: Path | None) -> Curation:
    """Read and check a curation file: ``{"merge": {name: name}, "drop": [name],
    "rename": {article id: {name: name}}}``; wrong types, unknown keys, self-merges and merge
    cycles are refused with an InputError that names the entry."""
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

    def names(value: object, where: str) -> dict[str, str]:
        if not isinstance(value, dict) or not all(isinstance(k, str) and isinstance(v, str) and k.strip()
                                                  and v.strip() for k, v in value.items()):
            raise InputError(f'aliases file {path}: "{where}" must map names to names, '
                             'like {"Mr. Smith": "Chris Smith"}')
        for k, v in value.items():
            if k == v:
                raise InputError(f'aliases file {path}: "{where}" merges "{k}" into itself; remove that entry')
        return dict(value)

    merge = names(data.get("merge", {}), "merge")
    for start in merge:
        seen, name = [start], merge[start]
        while name in merge:
            if name in seen:
                raise InputError(f'aliases file {path}: "merge" has a cycle: {" -> ".join([*seen, name])}; '
                                 "break it so every name ends at one canonical name")
            seen.append(name)
            name = merge[name]
    drop = data.get("drop", [])
    if not isinstance(drop, list) or not all(isinstance(d, str) and d.strip() for d in drop):
        raise InputError(f'aliases file {path}: "drop" must be a list of names, like ["Firefly"]')
    rename = data.get("rename", {})
    if not isinstance(rename, dict):
        raise InputError(f'aliases file {path}: "rename" must map article ids to {{name: name}} objects')
    return Curation(merge=merge, drop=frozenset(drop),
                    rename={str(k): names(v, f"rename.{k}") for k, v in rename.items()})


def name_mentions(x: Extraction) -> set[Mention]:
    """The names an article mentions, with the kind the rules gave them there."""
    return {(a.name, a.kind, "actor") for a in x.actors} | {(c.name, c.kind, "case") for c in x.cases}


def _surname_map(mentions: Iterable[Mention]) -> dict[str, str]:
    full: dict[str, set[str]] = {}
    singles: set[str] = set()
    for name, kind, source in mentions:
        if kind != "Person" or source != "actor":
            continue
        parts = name.split()
        if len(parts) >= 2:
            full.setdefault(parts[-1], set()).add(name)
        else:
            singles.add(name)
    return {s: next(iter(full[s])) for s in singles if len(full.get(s, ())) == 1}


def _kind(base: str | None, actor_kinds: set[str], case_kinds: set[str]) -> str | None:
    """One kind from every mention of a name, in any order: a person anywhere is a person; an
    actor kind overrides a gazetteer or case kind that is an organization or issue."""
    if "Person" in actor_kinds:
        return "Person"
    if base is None and case_kinds:
        base = "Person" if "Person" in case_kinds else sorted(case_kinds)[0]
    if actor_kinds and base in (None, "Issue", "Organization"):
        return "Organization" if "Organization" in actor_kinds else sorted(actor_kinds)[0]
    return base


class Resolver:
    """Canonical names and kinds for a corpus, from the set of its name mentions."""

    def __init__(self, mentions: Iterable[Mention], *, curation: Curation | None = None,
                 gazetteer_kinds: dict[str, str] | None = None) -> None:
        self.mentions = frozenset(mentions)
        self.curation = curation or Curation()
        self.gazetteer = dict(gazetteer_kinds or {})
        self.mapping = {**_surname_map(self.mentions), **self.curation.merge}
        self.kinds = self._kinds(self.mentions, self.mapping)

    def _kinds(self, mentions: Iterable[Mention], mapping: dict[str, str]) -> dict[str, str]:
        actor: dict[str, set[str]] = {}
        case: dict[str, set[str]] = {}
        for name, kind, source in mentions:
            (actor if source == "actor" else case).setdefault(_follow(name, mapping), set()).add(kind)
        kinds = dict(self.gazetteer)
        for name in actor.keys() | case.keys():
            chosen = _kind(self.gazetteer.get(name), actor.get(name, set()), case.get(name, set()))
            if chosen is not None:
                kinds[name] = chosen
        kinds[DIALOGUE] = "Event"
        return kinds

    def identity(self, name: str) -> tuple[str, str]:
        """What a raw name becomes: (canonical name, kind); a change means rewriting its articles."""
        canonical = _follow(name, self.mapping)
        return canonical, self.kinds.get(canonical, "Organization")

    def resolve(self, x: Extraction) -> tuple[Extraction, dict[str, str]]:
        """The extraction with canonical names, and the kind of every name it holds."""
        rename = self.curation.rename.get(x.article.id, {})
        local = {**self.mapping, **rename}
        out = _rename_extraction(x, local, self.curation.drop)
        if not rename:
            return out, self.kinds
        # names only this article's renames produce take their kind from this article
        extra = self._kinds(name_mentions(x), local)
        return out, {**extra, **self.kinds}


def _follow(name: str, mapping: dict[str, str]) -> str:
    seen = set()
    while name in mapping and name not in seen:
        seen.add(name)
        name = mapping[name]
    return name


def _rename_extraction(x: Extraction, mapping: dict[str, str], drop: frozenset[str]) -> Extraction:
    def n(name: str) -> str:
        return _follow(name, mapping)

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
                      statements=_unique(statements), cases=cases, relations=relations, round=x.round)


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
    resolver = Resolver(set().union(*map(name_mentions, extractions)), curation=curation)
    return [resolver.resolve(x)[0] for x in extractions]
