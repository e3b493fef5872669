"""Publication date and publisher of an article, read from its dateline, byline and page furniture.

Dates come only from dateline-like lines near the top (``Posted July 24th, 2012 at 6:10 am``, a bare
``July 24, 2012`` under the headline, ``(Outlet, April 26, 2011) …``, ``WASHINGTON, July 24, 2012 —`` or
``Outlet, City, July 20, 2012.`` opening the text, a briefing headline ending ``… on July 24, 2012``), never
from the body prose. Publishers come from what the page states about itself; the known outlets and
their tell-tale furniture live in ``nlp/data/publishers.json``.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlsplit

from .errors import ExtractionError

__all__ = [
    "Outlet", "canonical_publisher", "dateline", "find_date", "find_publisher", "load_publishers",
    "parse_date",
]

logger = logging.getLogger(__name__)

DATA_FILE = "nlp/data/publishers.json"

_MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MON = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MON}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # July 24th, 2012
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MON},?\s+{_YEAR}\b", re.IGNORECASE),  # 24 July 2012
    re.compile(r"\b(?P<year>(?:19|20)\d{2})([-/.])(?P<mon>\d{1,2})\2(?P<day>\d{1,2})(?!\d)"),  # 2012-07-24
    re.compile(r"\b(?P<mon>\d{1,2})/(?P<day>\d{1,2})/(?P<year>(?:19|20)\d{2})\b"),  # 7/24/2012
)
_PAREN_DATELINE = re.compile(r"^\((?P<outlet>[^(),]{2,80}),\s*(?P<date>[^()]{4,40})\)")
_AFTER_DATELINE = re.compile(r"\s*(?:$|\.(?:\s|$)|—|–|--|-\s|\()")  # what may follow "…, July 24, 2012"
_CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "&", "de"})
_HEADLINE_DATE_SEPARATOR = re.compile(r"(?:\bon|\bfor|[-–—|:,(])\s*$", re.IGNORECASE)
_MORE_FROM = re.compile(r"^more from (?P<outlet>[^:]{2,60}):", re.IGNORECASE)


def _date_spans(text: str) -> list[tuple[int, int, str]]:
    """Every valid date in ``text`` as (start, end, ISO date), in text order."""
    found = []
    for pattern in _DATE_PATTERNS:
        for m in pattern.finditer(text):
            mon = m["mon"]
            month = int(mon) if mon.isdigit() else _MONTHS[mon[:3].lower()]
            try:
                iso = dt.date(int(m["year"]), month, int(m["day"])).isoformat()
            except ValueError:
                continue
            found.append((m.start(), m.end(), iso))
    return sorted(found)


def parse_date(text: str) -> str | None:
    """The first date written in ``text`` as ISO ``yyyy-mm-dd``, or None.

    >>> parse_date("Posted July 24th, 2012 at 6:10 am (UTC-5)")
    '2012-07-24'
    """
    spans = _date_spans(text)
    return spans[0][2] if spans else None


def dateline(line: str) -> tuple[str, str] | None:
    """(first named segment, ISO date) when ``line`` opens with a dateline: ``(Outlet, April 26, 2011)``,
    ``WASHINGTON, July 24, 2012 —`` or ``U.S. Department of State, Washington, DC, July 20, 2012.``
    (capitalised, comma-separated names, then the date, then a full stop, dash or the end)."""
    m = _PAREN_DATELINE.match(line)
    if m and (date := parse_date(m["date"])):
        return m["outlet"].strip(), date
    spans = _date_spans(line)
    if not spans:
        return None
    start, end, date = spans[0]
    head, words = line[:start].rstrip(), line[:start].split()
    if not head.endswith(",") or not 1 <= len(words) <= 10 or not _AFTER_DATELINE.match(line[end:]):
        return None
    if not all(w.lstrip("(")[:1].isupper() or w.strip(",") in _CONNECTORS for w in words):
        return None
    return head.split(",")[0].strip(), date


def find_date(*, headline: str, datelines: Iterable[str], opening: Iterable[str] = ()) -> str | None:
    """Publication date from dateline-like lines, a dateline opening the text, or a headline that
    ends with a date; None when the page does not state one."""
    for line in datelines:
        if date := parse_date(line):
            return date
    for line in opening:
        if found := dateline(line):
            return found[1]
    for start, end, iso in _date_spans(headline):
        if not headline[end:].strip(" .)]") and _HEADLINE_DATE_SEPARATOR.search(headline[:start]):
            return iso
    return None


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: frozenset[str]  # casefolded, including the name itself
    domain: re.Pattern[str] | None
    tells: tuple[re.Pattern[str], ...]
    headline_tells: tuple[re.Pattern[str], ...]
    voice: str | None = None  # who speaks in the body when this outlet issues it
    voice_tells: tuple[tuple[re.Pattern[str], str], ...] = ()


@lru_cache(maxsize=1)
def load_publishers() -> tuple[Outlet, ...]:
    """Read ``nlp/data/publishers.json`` (once per process)."""
    ci = re.IGNORECASE
    try:
        raw = json.loads(files("rightsgraph").joinpath(DATA_FILE).read_text(encoding="utf-8"))
        outlets = []
        for entry in raw["publishers"]:
            domains = "|".join(re.escape(d) for d in entry.get("domains", []))
            outlets.append(Outlet(
                name=entry["name"],
                aliases=frozenset(_key(a) for a in [entry["name"], *entry.get("aliases", [])]),
                domain=re.compile(rf"(?<![\w-])(?:{domains})(?![\w-])", ci) if domains else None,
                tells=tuple(re.compile(t, ci) for t in entry.get("tells", [])),
                headline_tells=tuple(re.compile(t, ci) for t in entry.get("headline_tells", [])),
                voice=entry["name"] if entry.get("voice") == "self" else entry.get("voice"),
                voice_tells=tuple((re.compile(t, ci), who) for t, who in entry.get("voice_tells", {}).items()),
            ))
        return tuple(outlets)
    except (OSError, ValueError, KeyError, TypeError, re.error) as e:
        raise ExtractionError(f"cannot load publishers {DATA_FILE}: {e}; fix the file or reinstall") from e


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _known(name: str) -> Outlet | None:
    key = _key(name)
    return next((o for o in load_publishers() if key in o.aliases), None)


def is_letterhead(line: str) -> bool:
    """A line that is only a known outlet's name ('CONGRESSIONAL-EXECUTIVE COMMISSION ON CHINA')."""
    return _known(line) is not None


def canonical_publisher(name: str) -> str:
    """The canonical name of a known outlet ("VOA" → "Voice of America"), else ``name`` tidied."""
    outlet = _known(name)
    return outlet.name if outlet else " ".join(name.split())


def find_publisher(
    *,
    headline: str,
    dropped: Iterable[str],
    opening: Iterable[str] = (),
    url: str | None = None,
    stated: str | None = None,
) -> str | None:
    """The outlet the page states: explicit metadata (``stated``), a dateline naming it, a
    "More from Outlet:" line, a dropped header line or a headline that is an outlet's name (a
    letterhead), the URL's domain, then known outlets' tells in the dropped lines or the headline.
    Body prose is never searched, so outlets merely mentioned are not taken."""
    if stated and stated.strip():
        return canonical_publisher(stated)
    dropped = list(dropped)
    for line in opening:
        if found := dateline(line):
            name = found[0]
            # "(Chinese Human Rights Defenders, …)" names an outlet; "WASHINGTON, …" a place
            if _known(name) or (line.startswith("(") and len(name.split()) >= 3):
                return canonical_publisher(name)
    for line in dropped:
        if m := _MORE_FROM.match(line):
            return canonical_publisher(m["outlet"])
    for line in [*dropped, headline]:
        if outlet := _known(line):  # "Voice of America" or "AMNESTY INTERNATIONAL" under the headline,
            return outlet.name  # or as the letterhead printed above everything
    outlets = load_publishers()
    host = (urlsplit(url).hostname or "") if url else ""
    for outlet in outlets:
        if host and outlet.domain and outlet.domain.search(host):
            return outlet.name
    for line in dropped:
        for outlet in outlets:
            if any(t.search(line) for t in outlet.tells) or (outlet.domain and outlet.domain.search(line)):
                return outlet.name
    for outlet in outlets:
        if any(t.search(headline) for t in outlet.headline_tells):
            return outlet.name
    return None


def find_voice(*, publisher: str | None, headline: str, dropped: Iterable[str]) -> str | None:
    """Whose own words the body is: an editorial that speaks for a government (its tell line), or
    the issuing organisation of a press release or statement. News outlets have no voice."""
    outlet = _known(publisher) if publisher else None
    if outlet is None:
        return None
    for line in [headline, *dropped]:
        for pattern, who in outlet.voice_tells:
            if pattern.search(line):
                return who
    return outlet.voice
