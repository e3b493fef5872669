"""Rounds of the dialogue as events: the known rounds, and which round an article reports.

Known rounds come from ``data/rounds.jsonl`` (one JSON object a line: ``ordinal``, ``start``
and ``end`` as yyyy-mm-dd, ``location``), plus a user's file of the same shape
(``rightsgraph build --rounds FILE``); a user's row replaces the bundled row of the same
ordinal. An article's round is found from what its text says (nlp/rounds.py: an ordinal, a
venue, "this week") and its date:

1. an ordinal names the round ("the 17th round"), known or not;
2. else the known round whose start lies in the window the text gives ("next week": 1-13 days
   after the article's date; no time phrase: from 21 days before to 10 days after), at the
   venue the text names if it names one; the nearest wins;
3. else, when the text names a venue and a time, a round known only from the text (its year
   and venue; no dates are made up).

An article with no date and no ordinal has no round: an editorial a year later is not put in
the round of its publication date unless it says which round it means.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import InputError
from .model import RoundCue
from .vocab import slugify

__all__ = ["Round", "load_rounds", "round_of", "rounds_settings"]

#: without a time phrase: the round's start minus the article's date, in days (a round that began
#: up to 21 days before the article, or begins up to 10 days after it)
DEFAULT_WINDOW = (-21, 10)


@dataclass(frozen=True)
class Round:
    ordinal: int | None = None
    start: str | None = None  # yyyy-mm-dd, known rounds only
    end: str | None = None
    location: str | None = None
    year: str | None = None  # a round known from the text only: the year of the article that names it
    known: bool = True  # from a rounds file (its dates are facts), else from the text only

    @property
    def slug(self) -> str:
        if self.ordinal is not None:
            return str(self.ordinal)
        return slugify(f"{self.year or 'undated'} {self.location or 'unknown place'}")

    @property
    def label(self) -> str:
        bits = [b for b in (self.location, (self.start or self.year or "")[:7]) if b]
        head = f"round {self.ordinal}" if self.ordinal is not None else "round"
        return f"US-China Human Rights Dialogue, {head}" + (f" ({', '.join(bits)})" if bits else "")


def _parse(text: str, where: str) -> list[Round]:
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            d = json.loads(line)
            if not isinstance(d, dict):
                raise ValueError("not a JSON object")
            unknown = set(d) - {"ordinal", "start", "end", "location", "note"}
            if unknown:
                raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
            for key in ("start", "end"):
                if d.get(key) is not None:
                    date.fromisoformat(d[key])
            if d.get("ordinal") is not None and not (isinstance(d["ordinal"], int) and d["ordinal"] > 0):
                raise ValueError("ordinal must be a positive whole number")
            if d.get("start") is None:
                raise ValueError("start (yyyy-mm-dd) is required")
        except ValueError as e:  # JSONDecodeError is a ValueError
            raise InputError(f"{where} line {n}: {e}; each line is "
                             '{"ordinal": 17, "start": "2012-07-23", "end": "2012-07-24", "location": "Washington"}'
                             ) from e
        out.append(Round(ordinal=d.get("ordinal"), start=d["start"], end=d.get("end"), location=d.get("location")))
    return out


@lru_cache(maxsize=1)
def _bundled() -> tuple[Round, ...]:
    text = (resources.files("rightsgraph") / "data" / "rounds.jsonl").read_text(encoding="utf-8")
    return tuple(_parse(text, "data/rounds.jsonl"))


def load_rounds(extra: Path | str | None = None) -> tuple[Round, ...]:
    """The known rounds: the bundled file, extended (and overridden by ordinal) by `extra`."""
    rounds = {(r.ordinal if r.ordinal is not None else r.start): r for r in _bundled()}
    if extra is not None:
        try:
            text = Path(extra).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(f"cannot read rounds file {extra}: {e}") from e
        for r in _parse(text, f"rounds file {extra}"):
            rounds[r.ordinal if r.ordinal is not None else r.start] = r
    return tuple(sorted(rounds.values(), key=lambda r: r.start or ""))


def rounds_settings(rounds: tuple[Round, ...]) -> list[list[Any]]:
    """What a build's settings record of the rounds (a change rewrites every article), as JSON-ready
    rows [ordinal, start, end, location]; build.remove_from_store reads them back."""
    return [[r.ordinal, r.start, r.end, r.location] for r in rounds]


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(a) - date.fromisoformat(b)).days


def _same_place(said: str | None, known: str | None) -> bool:
    """No venue said matches any; 'Washington, D.C.' is 'Washington'."""
    if not said:
        return True
    a, b = said.lower(), (known or "").lower()
    return bool(b) and (a.startswith(b) or b.startswith(a))


def round_of(cue: RoundCue | None, published: str | None, rounds: tuple[Round, ...], *,
             about_dialogue: bool) -> Round | None:
    """The round an article reports (see the module text), or None."""
    if cue is not None and cue.ordinal is not None:
        for r in rounds:
            if r.ordinal == cue.ordinal:
                return r
        return Round(ordinal=cue.ordinal, location=cue.place, year=(published or "")[:4] or None, known=False)
    if not published or (cue is None and not about_dialogue):
        return None
    try:
        date.fromisoformat(published)
    except ValueError:
        return None
    if cue is not None and cue.days is not None:
        lo, hi = cue.days[0] - 1, cue.days[1] + 1  # a day either side: "this week" said on a Sunday
    else:
        lo, hi = DEFAULT_WINDOW
    place = cue.place if cue is not None else None
    near = [r for r in rounds if r.start and lo <= _days(r.start, published) <= hi and _same_place(place, r.location)]
    if near:
        return min(near, key=lambda r: (abs(_days(r.start or published, published)), r.start))
    if cue is not None and cue.place and cue.days is not None:
        return Round(location=cue.place, year=published[:4], known=False)
    return None
