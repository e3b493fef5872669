"""Page furniture: split the plain text of a page into headline, body and the lines that are not article.

The rules (patterns and word lists) live in ``nlp/data/furniture.json``; this module applies them with
a few structural heuristics:

* pattern lines (subscription banners, ad slots, share buttons, "More from X:", comment counters,
  donation pleas, photo credits, contact lines with an email or phone number) are dropped anywhere;
  a photo credit that opens a paragraph takes the rest of that paragraph (its caption) with it;
* in the *top zone*, the lines before the first prose line (a transcript speaker turn, or a line of
  8+ words ending like a sentence, or any line of 20+ words), short label lines without sentence
  punctuation (bylines, dates, section names, "Spokesperson") are dropped as well;
* an end-of-article marker ("Media contacts", "Back to Top", "Subscribe to …") drops everything after
  it, but only when every line after it is furniture too (labels, links, contacts, patterns).

Short unpunctuated lines in the middle of an article are kept: they are subheads or lists of names.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from .errors import ExtractionError
from .metadata import is_letterhead, parse_date
from .wirescript import read_script

__all__ = [
    "Page", "Rules", "clean_page", "furniture_kind", "is_label", "is_prose", "is_speaker_turn", "load_rules",
]

logger = logging.getLogger(__name__)

DATA_FILE = "nlp/data/furniture.json"
TERMINAL = (".", "!", "?", '"', "”", "’", "'", "…")
# "QUESTION: …", "ASSISTANT SECRETARY POSNER: …", "MS. NULAND: …", "Q: …"
_SPEAKER = re.compile(r"^(?:[A-Z][A-Z.'’-]*\s+){0,5}[A-Z][A-Z.'’-]*:\s+\S")
_TIME = re.compile(r"\b\d{1,2}:\d{2}\b")


@dataclass(frozen=True)
class Rules:
    """Compiled furniture rules (see ``nlp/data/furniture.json``)."""

    label_max_words: int
    kickers: frozenset[str]
    drop: tuple[re.Pattern[str], ...]
    end: tuple[re.Pattern[str], ...]
    metadata: tuple[re.Pattern[str], ...]
    credits: tuple[re.Pattern[str], ...]
    email: re.Pattern[str]
    phone: re.Pattern[str]
    url: re.Pattern[str]
    release: tuple[re.Pattern[str], ...] = ()
    captions: tuple[re.Pattern[str], ...] = ()


@dataclass(frozen=True)
class Page:
    """A page split into article text and the rest."""

    title: str
    body: str  # kept lines; paragraphs separated by a blank line
    dropped: tuple[str, ...]  # every line removed, in page order (publisher tells live here)
    datelines: tuple[str, ...]  # dropped lines that may carry the publication date
    opening: tuple[str, ...]  # kept lines up to the first prose line ("(Outlet, Date) …", "CITY, Date — …")
    letterhead: str | None = None  # the issuer's name printed above a release, as the text names it

    def issuer(self) -> str | None:
        """The letterhead's issuer as the body prints it ('the Lantern Rights Initiative said'), when
        the body names it: whose own words an unknown issuer's release is."""
        if not self.letterhead:
            return None
        found = re.search(rf"(?<![\w-]){re.escape(self.letterhead)}(?![\w-])", self.body, re.IGNORECASE)
        return found.group(0) if found and not found.group(0).isupper() else None


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    """Read and compile ``nlp/data/furniture.json`` (once per process)."""
    try:
        raw = json.loads(files("rightsgraph").joinpath(DATA_FILE).read_text(encoding="utf-8"))
        ci = re.IGNORECASE
        name = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4}"
        agency = "|".join(re.escape(a) for a in sorted(raw["photo_agencies"], key=len, reverse=True))
        return Rules(
            label_max_words=int(raw["label_max_words"]),
            kickers=frozenset(k.casefold() for k in raw["section_kickers"]),
            drop=tuple(re.compile(p, ci) for p in raw["drop_lines"]),
            captions=tuple(re.compile(p, ci) for p in raw["caption_lines"]),
            end=tuple(re.compile(p, ci) for p in raw["end_markers"]),
            metadata=tuple(re.compile(p, ci) for p in raw["metadata_prefixes"]),
            credits=tuple(
                re.compile(p.replace("<NAME>", name).replace("<AGENCY>", agency))
                for p in raw["photo_credits"]
            ),
            email=re.compile(raw["contact"]["email"]),
            phone=re.compile(raw["contact"]["phone"]),
            url=re.compile(raw["contact"]["url"], ci),
            release=tuple(re.compile(p, ci) for p in raw["release_tells"]),
        )
    except (OSError, ValueError, KeyError, TypeError, re.error) as e:
        raise ExtractionError(
            f"cannot load furniture rules {DATA_FILE}: {e}; fix the file or reinstall rightsgraph"
        ) from e


def is_speaker_turn(line: str) -> bool:
    """A transcript turn such as ``QUESTION: …`` or ``ASSISTANT SECRETARY POSNER: …``."""
    return bool(_SPEAKER.match(line.strip()))


def is_label(line: str, max_words: int = 12) -> bool:
    """A short line without sentence punctuation: a byline, a date, a heading, a button."""
    s = line.strip()
    return bool(s) and len(s.split()) <= max_words and not s.endswith(TERMINAL) and not is_speaker_turn(s)


def is_prose(line: str) -> bool:
    """A line that reads like article text: a speaker turn, a sentence of 8+ words, or 20+ words."""
    s = line.strip()
    words = len(s.split())
    return is_speaker_turn(s) or (words >= 8 and s.endswith(TERMINAL)) or words >= 20


def furniture_kind(line: str, rules: Rules | None = None) -> str | None:
    """Why ``line`` is page furniture wherever it appears ("credit", "furniture", "end", "metadata",
    "contact"), or None when it may be article text."""
    rules = rules or load_rules()
    s = line.strip()
    if not s:
        return None
    if any(p.search(s) for p in rules.credits):
        return "credit"
    if any(p.search(s) for p in rules.captions):  # 'PHOTO: …' is no speaker's turn
        return "furniture"
    if is_speaker_turn(s):
        return None
    if any(p.search(s) for p in rules.drop):
        return "furniture"
    if any(p.search(s) for p in rules.end):
        return "end"
    if any(p.search(s) for p in rules.metadata) and (parse_date(s) or _TIME.search(s)) and not is_prose(s):
        return "metadata"  # "Posted July 24th, 2012 at 6:10 am", "Updated: 2012-07-24"
    if len(s.split()) <= 30 and (rules.email.search(s) or rules.phone.search(s)):
        return "contact"
    return None


def clean_page(lines: list[str], *, title: str | None = None) -> Page:
    """Split page lines into headline and body. Without ``title`` the first non-blank line is the
    headline (after a known section kicker such as "Conflict & Justice")."""
    rules = load_rules()
    lines = [ln.rstrip() for ln in lines]
    dropped: list[str] = []
    start = 0
    script = read_script(lines) if title is None else None
    if script is not None:  # wire copy: the headline and date are header fields, see wirescript.py
        title, lines = script.title, script.lines
        dropped.extend(script.dropped)
    elif title is None:
        title, start, kicker = _split_headline(lines, rules)
        dropped.extend(kicker)
    flat = [(b, ln) for b, block in enumerate(_blocks(lines[start:])) for ln in block]
    reasons: list[str | None] = [furniture_kind(ln, rules) for _, ln in flat]
    lead = next((i for i, (_, ln) in enumerate(flat) if reasons[i] is None and is_prose(ln)), None)
    datelines: list[str] = [script.date] if script is not None and script.date else []
    for i, (block, ln) in enumerate(flat):
        if reasons[i] is None and lead is not None and i < lead and is_label(ln, rules.label_max_words):
            reasons[i] = "label"
        if reasons[i] in ("label", "metadata"):
            datelines.append(ln.strip())
        if reasons[i] == "credit" and (i == 0 or flat[i - 1][0] != block):
            for j in range(i + 1, len(flat)):  # the caption under a photo credit
                if flat[j][0] != block:
                    break
                reasons[j] = reasons[j] or "caption"
    _drop_tail(flat, reasons, rules)
    letterhead = None
    tell_above = bool(dropped) and _release_tell(dropped[-1].strip(), rules)  # 'PRESS RELEASE' over the name
    if script is None and (found := _headline_under_letterhead(title, flat, reasons, rules, tell_above)) is not None:
        dropped.append(title.strip())  # the issuer's letterhead stays a publisher tell
        letterhead = title.strip()
        title, reasons[found] = flat[found][1], "headline"
        datelines = [d for d in datelines if d != title.strip()]
        lead = next((i for i, (_, ln) in enumerate(flat) if reasons[i] is None and is_prose(ln)), None)
    kept: dict[int, list[str]] = {}
    for (block, ln), reason in zip(flat, reasons, strict=True):
        if reason is None:
            kept.setdefault(block, []).append(ln)
        else:
            logger.debug("dropped %s line: %r", reason, ln)
            dropped.append(ln.strip())
    body = "\n\n".join("\n".join(block) for block in kept.values())
    last = lead if lead is not None else min(len(flat), 3) - 1
    opening = tuple(ln.strip() for i, (_, ln) in enumerate(flat[: last + 1]) if reasons[i] is None)
    return Page(
        title=title.strip(), body=body, dropped=tuple(dropped), datelines=tuple(datelines), opening=opening,
        letterhead=letterhead,
    )


def unknown_letterhead(title: str, lines: list[str], rules: Rules) -> bool:
    """An issuer no data file knows, printed as a release's letterhead: an all-capitals first line of
    two to eight words ('LANTERN RIGHTS INITIATIVE') with a release tell ('For Immediate Release')
    among the three lines under it."""
    words = title.split()
    return 2 <= len(words) <= 8 and title.isupper() and not title.endswith(TERMINAL) \
        and not any(ch.isdigit() for ch in title) and not is_speaker_turn(title) \
        and any(_release_tell(part, rules) for ln in lines[:3] for part in _parts(ln))


def _release_tell(text: str, rules: Rules) -> bool:
    return any(p.search(text) for p in rules.release)


def _ends_sentence(line: str) -> bool:
    """A sentence's stop, inside or outside closing quotation marks: a headline may end with a
    quotation that has none ('Rights talks: "A conversation is not a commitment"')."""
    return line.rstrip("\"”’'").endswith((".", "!", "?", "…"))


def _parts(line: str) -> list[str]:
    """A furniture line's parts between separators ('PRESS RELEASE -- FOR IMMEDIATE RELEASE')."""
    return [part.strip() for part in re.split(r"\s+(?:--|—|–|\||·|/)\s+", line.strip())]


def _name_line(line: str) -> bool:
    """A line that is only a name ('China Justice Network'): two to eight words, each capitalised or a
    short joining word, no digits, no sentence end."""
    words = line.split()
    return 2 <= len(words) <= 8 and not line.endswith(TERMINAL) and not any(ch.isdigit() for ch in line) \
        and not is_speaker_turn(line) and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w in ("of", "for", "the", "and", "on", "in", "&") for w in words)


def _headline_under_letterhead(title: str, flat: list[tuple[int, str]], reasons: list[str | None],
                               rules: Rules, tell_above: bool = False) -> int | None:
    """A release whose first line is its issuer's name ('CONGRESSIONAL-EXECUTIVE COMMISSION ON CHINA',
    then 'FOR IMMEDIATE RELEASE', a date, a contact): the headline is the first line of text after that
    furniture, a line of its own of four words or more with no sentence end, followed by the text (a
    place or a time above the text is no headline)."""
    if not (is_letterhead(title) or unknown_letterhead(title, [ln for _b, ln in flat], rules)
            or (tell_above and _name_line(title))):  # 'PRESS RELEASE' / 'China Justice Network' / …
        return None
    for i, (_b, ln) in enumerate(flat[:3]):  # 'PRESS RELEASE -- FOR IMMEDIATE RELEASE'
        if reasons[i] in (None, "label") and all(_release_tell(part, rules) for part in _parts(ln)):
            reasons[i] = "release"
    # a short headline reads as a label, as does the release's date line, which is no headline; other
    # label lines above it ('Senator A, Chairman | Representative B, Cochairman') are passed over
    kept = [i for i, r in enumerate(reasons) if r is None or (r == "label" and parse_date(flat[i][1]) is None)]
    for first, nxt in zip(kept, kept[1:], strict=False):
        line = flat[first][1].strip()
        words = sum(1 for w in line.split() if any(c.isalpha() for c in w))
        if flat[nxt][0] != flat[first][0] and 4 <= words <= 30 and not _ends_sentence(line) \
                and not is_speaker_turn(line) and reasons[nxt] is None and is_prose(flat[nxt][1]):
            # a headline above its deck, in one block ('China: Talks Must Deliver' / 'Round Should …')
            while first > 0 and flat[first - 1][0] == flat[first][0] and _headline_like(flat[first - 1][1]):
                first -= 1
            return first
        if reasons[first] is None and (words >= 4 or _ends_sentence(line)):
            break  # the text has begun (a place line under the letterhead, '香港 · Hong Kong', has not)
    return None


def _headline_like(line: str) -> bool:
    line = line.strip()
    return 4 <= len(line.split()) <= 30 and not line.endswith(TERMINAL) and parse_date(line) is None \
        and not line.isupper()


def _split_headline(lines: list[str], rules: Rules) -> tuple[str, int, list[str]]:
    nonblank = [i for i, ln in enumerate(lines) if ln.strip()]
    if not nonblank:
        return "", len(lines), []
    first = nonblank[0]
    title = lines[first].strip()
    if title.casefold() in rules.kickers and len(nonblank) > 1:
        nxt = lines[nonblank[1]].strip()
        if len(nxt.split()) <= 25 and not nxt.endswith(".") and not is_speaker_turn(nxt):
            return nxt, nonblank[1] + 1, [title]
    return title, first + 1, []


def _blocks(lines: list[str]) -> list[list[str]]:
    """Paragraphs: runs of non-blank lines (a line of spaces or no-break spaces is blank)."""
    blocks: list[list[str]] = [[]]
    for ln in lines:
        if ln.strip():
            blocks[-1].append(ln)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _drop_tail(flat: list[tuple[int, str]], reasons: list[str | None], rules: Rules) -> None:
    """From the first end marker after which every line is furniture, drop the rest of the page."""
    def tail_ok(i: int) -> bool:
        s = flat[i][1]
        return reasons[i] is not None or is_label(s, rules.label_max_words) or bool(rules.url.search(s))

    for i, (_, ln) in enumerate(flat):
        marker = reasons[i] in ("end", "furniture") and any(p.search(ln.strip()) for p in rules.end)
        if marker and all(tail_ok(j) for j in range(i + 1, len(flat))):
            for j in range(i, len(flat)):
                reasons[j] = reasons[j] or "tail"
            return
