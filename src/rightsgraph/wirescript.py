"""Wire scripts: the teletype layout of archived wire copy (VOA reports and editorials, 1990s–2000s).

    DATE=1/12/99
    TYPE=CORRESPONDENT REPORT
    TITLE=CHINA / RIGHTS TALKS (L-ONLY)
    BYLINE=JANE DOE
    CONTENT=
    VOICED AT:

    INTRO: The text's lead …
    TEXT: The text …

    NEB/JD/GC
    12-Jan-99 8:14 AM EST (1314 UTC)
    NNNN

The header's fields give the headline and the date; the labels before the text are not speakers of
a transcript; the trailer (editors' initials, time stamp, end code, "Source:" line) is not text.
The patterns live in ``nlp/data/furniture.json`` under ``wire_script``.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .errors import ExtractionError

__all__ = ["Script", "read_script"]

DATA_FILE = "nlp/data/furniture.json"
_SHORT_DATE = re.compile(r"^\s*(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2}|\d{4})\s*$")


@dataclass(frozen=True)
class Script:
    """A wire script split into what the page reader needs."""

    title: str
    lines: list[str]  # the text, labels and trailer removed; blank lines kept
    dropped: list[str]  # header fields and trailer lines, in page order (publisher tells live here)
    date: str | None  # ISO date of the DATE field


@dataclass(frozen=True)
class _Rules:
    field: re.Pattern[str]
    min_fields: int
    title_field: str
    date_field: str
    title_suffix: re.Pattern[str]
    labels: re.Pattern[str]
    drop: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _rules() -> _Rules:
    try:
        raw = json.loads(files("rightsgraph").joinpath(DATA_FILE).read_text(encoding="utf-8"))["wire_script"]
        return _Rules(
            field=re.compile(raw["field"]), min_fields=int(raw["min_fields"]), title_field=raw["title_field"],
            date_field=raw["date_field"], title_suffix=re.compile(raw["title_suffix"]),
            labels=re.compile(raw["labels"]), drop=tuple(re.compile(p) for p in raw["drop"]),
        )
    except (OSError, ValueError, KeyError, TypeError, re.error) as e:
        raise ExtractionError(
            f"cannot load wire-script rules from {DATA_FILE}: {e}; fix the file or reinstall rightsgraph"
        ) from e


def short_date(value: str) -> str | None:
    """'1/12/99' -> '1999-01-12' (month first, as the wires print it; a two-digit year before 50 is
    20xx); None when it is no such date."""
    m = _SHORT_DATE.match(value)
    if m is None:
        return None
    year = int(m["year"])
    if year < 100:
        year += 2000 if year < 50 else 1900
    try:
        return dt.date(year, int(m["mon"]), int(m["day"])).isoformat()
    except ValueError:
        return None


def read_script(lines: list[str]) -> Script | None:
    """The script when `lines` open with its header of FIELD=value lines, else None."""
    rules = _rules()
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    fields: dict[str, str] = {}
    end = 0
    for i in nonblank:
        m = rules.field.match(lines[i].strip())
        if m is None:
            break
        fields.setdefault(m["key"].strip(), m["value"].strip())
        end = i + 1
    if len(fields) < rules.min_fields or not fields.get(rules.title_field):
        return None
    dropped = [ln.strip() for ln in lines[:end] if ln.strip()]
    kept: list[str] = []
    for ln in lines[end:]:
        s = ln.strip()
        if s and any(p.match(s) for p in rules.drop):
            dropped.append(s)
            continue
        kept.append(rules.labels.sub("", ln, count=1) if s else ln)
    title = rules.title_suffix.sub("", fields[rules.title_field]).strip() or fields[rules.title_field]
    return Script(title=title, lines=kept, dropped=dropped, date=short_date(fields.get(rules.date_field, "")))
