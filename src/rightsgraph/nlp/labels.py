"""Transcript labels: who speaks a turn ('ASSISTANT SECRETARY POSNER:', 'MR. TONER:', 'A:').

A label names a person by title and surname; the full name comes from the article's mentions, the
names printed above the transcript (its header lines), or the gazetteer.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .knowledge import Knowledge
from .mention import MentionIndex

__all__ = ["label_speaker", "canonical_person"]

NAME = r"((?:[A-Z][a-z]+ ){1,2}[A-Z][a-z]+)"
SPOKES_BEFORE = re.compile(r"[Ss]pokes(?:person|man|woman)\s+" + NAME)
SPOKES_AFTER = re.compile(NAME + r",?\s+(?:[Dd]eputy\s+)?[Ss]pokes(?:person|man|woman)")


def _untitled(words: list[str], titles: frozenset[str] | set[str]) -> list[str]:
    """The words of a printed name after its leading title words ('Assistant Secretary Kramer' -> 'Kramer')."""
    n = 0
    while n < len(words) and words[n].lower().rstrip(".") in titles:
        n += 1
    return words[n:]


@lru_cache(maxsize=4)
def _gazetteer_person_names(k: Knowledge) -> dict[str, str]:
    """Each gazetteer person's names, and the same without middle initials -> the canonical name
    (the first person holding a name keeps it)."""
    out: dict[str, str] = {}
    for e in k.actors:
        if e.kind == "Person":
            for n in (e.name, *e.aliases):
                out.setdefault(n, e.name)
    for e in k.actors:
        if e.kind == "Person":
            for n in (e.name, *e.aliases):
                out.setdefault(_without_initials(n), e.name)
    return out


def _without_initials(name: str) -> str:
    """'Mark C. Toner' -> 'Mark Toner': a name's words without its one-letter initials."""
    words = name.split()
    return " ".join(w for w in words[:1] + [w for w in words[1:-1] if not re.fullmatch(r"(?:[A-Z]\.?)+", w)]
                    + words[-1:]) if len(words) > 2 else name


def canonical_person(k: Knowledge, name: str) -> str:
    """The gazetteer's name for a printed one, also when the print adds or drops a middle initial
    ('Mark C. Toner' is 'Mark Toner')."""
    name = re.sub(r"['’]s$", "", name.strip())
    names = _gazetteer_person_names(k)
    return names.get(name) or names.get(_without_initials(name)) or name


def label_speaker(label: str, header: str, index: MentionIndex, k: Knowledge, titles: frozenset[str]) -> str | None:
    """'ASSISTANT SECRETARY POSNER' -> 'Michael Posner'; QUESTION -> None; A -> the spokesperson."""
    words = [w.strip(".,") for w in label.split()]
    if not words or words[0].lower() in k.words("skip_labels"):
        return None
    if words[0].lower() in k.words("answer_labels"):
        for m in index.mentions:
            if m.kind == "Person" and m.role and "spokes" in m.role.lower():
                return m.canonical
        found = SPOKES_BEFORE.search(header) or SPOKES_AFTER.search(header)
        return canonical_person(k, found.group(1)) if found else None
    names = [w.capitalize() for w in words if w.lower() not in titles]
    if not names or any(w.lower() in k.words("label_role_words") for w in names):
        return None  # "SENIOR STATE DEPARTMENT OFFICIAL": a role, not a name
    surname = names[-1]
    people = [m for m in index.mentions if m.kind == "Person" and m.canonical
              and m.canonical.split()[-1].lower() == surname.lower()]
    if people:
        return max(people, key=lambda m: len(m.canonical or "")).canonical
    # "Victoria Nuland, Spokesperson", "David J. Kramer" above the transcript; not "Assistant
    # Secretary Kramer will make a statement" (a title, no first name, before the surname)
    pattern = (rf"(?<![\w.])((?:(?:[A-Z][a-z]+\.? ){{1,2}}|(?:[A-Z][a-z]+ )?(?:[A-Z]\.)+ )"
               rf"(?i:{re.escape(surname)}))\b")
    if found := next((f for f in re.finditer(pattern, header)
                      if len(_untitled(f.group(1).split(), titles)) >= 2), None):
        words = found.group(1).split()
        while len(words) > 2 and words[0].lower().rstrip(".") in titles:  # "(Secretary of) State Tom X"
            words = words[1:]
        before = re.search(r"(,|\band|\bfor|\bof|\b[A-Z][a-z]+)[ \t]+$", header[:found.start()])
        if len(words) > 2 and before and before.group(1).lower() not in titles:
            words = words[1:]  # "… and Labor Michael Posner", "… for Civilian Security Tom Hale": a title's
            # end, where "Secretary of State Hillary Rodham Clinton" keeps three words
        return canonical_person(k, " ".join(words))
    for e in k.actors:
        if e.kind == "Person" and any(a.split()[-1].lower() == surname.lower() for a in (e.name, *e.aliases)):
            return e.name
    return " ".join(names)
