"""Titles printed in an article's header lines, which are not parsed: the speaker's name and title
above a transcript ('Michael H. Posner' / 'Assistant Secretary, Bureau of Democracy, Human Rights,
and Labor'), a spokesman's line ('Sean McCormack, Spokesman'), a commission's letterhead ('Senator
Sherrod Brown, Chairman | Representative Christopher H. Smith, Cochairman').

A person the body names, printed in the header with a title, is a member of the organisation the
title names (a gazetteer name in it, or the office a title stands for), else of the body that
issued the page; a head's title ('Chairman', 'Cochairman') leads it. The evidence is the header
line itself: a span of no length before the body, whose text is the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache

from ..model import Actor, Relation
from ..model import Span as Evidence
from .affiliation import _head_role, _title_org
from .knowledge import Knowledge
from .mentions import MentionIndex

__all__ = ["header_relations", "header_forms"]


def header_relations(header: tuple[str, ...], index: MentionIndex, k: Knowledge, article_id: str,
                     issuer: str | None, speakers: set[str]) -> list[Relation]:
    """`speakers` are the statements' speakers, who may be named in the body only by a transcript label."""
    named = {m.canonical for m in index.mentions if m.kind == "Person" and m.canonical}
    people = sorted(named | speakers, key=len, reverse=True)
    out: list[Relation] = []
    lines = [line.strip() for line in header]
    for n, line in enumerate(lines):
        for piece in (p.strip() for p in line.split("|")):
            for person, role in _named(piece, people, lines[n + 1] if n + 1 < len(lines) else "", k):
                out += _affiliations(person, role, line, k, article_id, issuer)
    return out


def header_forms(actors: list[Actor], header: str) -> list[Actor]:
    """A person's fuller printed form in the header lines ('Michael H. Posner' above the transcript
    of 'Michael Posner') is one of the person's names too."""
    out = []
    for a in actors:
        if a.kind == "Person":
            forms = {f.group(0) for f in _printed_forms(a.name, header)} - {a.name, *a.aliases}
            if forms:
                a = replace(a, aliases=tuple(sorted({*a.aliases, *forms})))
        out.append(a)
    return out


def _printed_forms(name: str, text: str) -> Iterator[re.Match[str]]:
    """Where `text` prints the person's first and last name, with up to two middle names or
    initials between them."""
    words = name.split()
    if len(words) < 2 or words[0] not in text or words[-1] not in text:
        return iter(())
    return re.finditer(rf"\b{re.escape(words[0])}(?: [A-Z][a-z]*\.?){{0,2}} {re.escape(words[-1])}\b", text)


def _named(piece: str, people: list[str], next_line: str, k: Knowledge) -> Iterator[tuple[str, str]]:
    """(person, title) for a header piece that is a name with its title, before or after it, or a
    bare name whose title is the next line."""
    for person in people:
        found = next(_printed_forms(person, piece), None)
        if found is None:
            continue
        # the title after the name ('…, Chairman'), else the one before it ('Assistant Secretary X')
        role = piece[found.end():].strip(" ,;:-–—") or piece[:found.start()].strip(" ,;:-–—")
        if not role and next_line and _title_line(next_line, k):
            role = next_line
        if role and _title_line(role, k):
            yield person, role
        return


def _title_line(text: str, k: Knowledge) -> bool:
    """A title, not a place or a date ('Washington, DC', 'May 14, 2010'): no digits, and a title word."""
    if re.search(r"\d", text):
        return False
    return bool({w.lower().strip(".,") for w in text.split()} & _title_words(k))


@lru_cache(maxsize=4)
def _title_words(k: Knowledge) -> frozenset[str]:
    titles = {t.lower() for t in k.lexicon["titles"]} | k.words("lead_titles")
    return frozenset({t.split()[-1] for t in titles} | titles)


def _affiliations(person: str, role: str, line: str, k: Knowledge, article_id: str,
                  issuer: str | None) -> list[Relation]:
    evidence = Evidence(article_id, 0, 0, line)
    org = _gazetteer_org(role, k) or _title_org(role, k) or issuer
    if org is None or org == person:
        return []
    out = [Relation(person, "memberOf", org, evidence, 0.7, "header-title")]
    entry = k.by_name.get(org)
    if _head_role(role.split(",")[0], k) and not (entry is not None and entry.government):
        out.append(Relation(person, "leads", org, evidence, 0.65, "header-title-head"))
    return out


def _gazetteer_org(text: str, k: Knowledge) -> str | None:
    """The longest gazetteer organisation printed in `text`, by any of its names."""
    pattern, names = _org_names(k)
    found = [m.group(0) for m in pattern.finditer(text)]
    return names[max(found, key=len)] if found else None


@lru_cache(maxsize=4)
def _org_names(k: Knowledge) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every name of every gazetteer organisation (not governments), longest first."""
    names = {name: e.name for e in k.actors if e.kind == "Organization" and not e.government
             for name in (e.name, *e.aliases) if len(name) > 3}
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])"), names
