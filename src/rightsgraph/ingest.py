"""Files and directories → :class:`~rightsgraph.model.Article`. Encoding is handled here only.

Formats: ``.txt`` (line 1 the headline, the rest the body), ``.html``/``.htm`` (main text through
BeautifulSoup) and ``.jsonl`` (one article per line: ``text``, ``title``, ``date``, ``url``, ``source``).
Page furniture is removed by :mod:`rightsgraph.furniture`; date and publisher come from
:mod:`rightsgraph.metadata`. ``Article.body`` is exactly the cleaned text, so character offsets into it
are stable provenance.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TextIO

from bs4 import BeautifulSoup, Tag

from .errors import InputError
from .furniture import Page, clean_page
from .metadata import find_date, find_publisher, find_voice, parse_date
from .model import Article

__all__ = ["SUFFIXES", "JSONL_FIELDS", "read_article", "read_articles", "iter_articles", "jsonl_articles"]

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".html", ".htm", ".jsonl")
_KINDS = ".txt, .html, .jsonl"
_DROP_TAGS = (
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "iframe",
    "svg", "figure", "button",
)
_BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
    "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "hr",
)
_PARA, _BREAK = "\ue000", "\ue001"  # private-use sentinels for paragraph and line breaks


def read_articles(paths: Iterable[Path | str]) -> list[Article]:
    """Read every article under ``paths`` (files or directories, searched recursively in path order).

    Raises :class:`InputError` for a missing path, a directory without articles, an unsupported or
    undecodable file, an article without body text, duplicate article ids, or an empty corpus.
    """
    return list(iter_articles(paths))


def iter_articles(paths: Iterable[Path | str | TextIO], *, on_skip: Callable[[str, str], None] | None = None,
                  fields: Mapping[str, str] | None = None) -> Iterator[Article]:
    """The articles under ``paths``, one file at a time (memory does not grow with the corpus).
    An open text stream among them (standard input) is read as JSONL, line by line; `fields`
    maps JSONL field names (see :func:`jsonl_articles`).

    With `on_skip`, a bad path or file is reported as ``on_skip(path, reason)`` and the others
    are read; without it, the first one raises :class:`InputError`. An empty corpus always raises.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    items = list(paths)
    streams = [p for p in items if not isinstance(p, (str, Path))]
    given = [Path(p) for p in items if isinstance(p, (str, Path))]
    if not given and not streams:
        raise InputError(f"empty corpus: no article paths given; pass article files ({_KINDS}) or folders")

    def skip(path: Path, error: InputError) -> None:
        if on_skip is None:
            raise error
        on_skip(str(path), str(error))

    seen: dict[str, str] = {}
    bad_line = None if on_skip is None else on_skip
    sources: list[tuple[Path, Iterable[Article] | None, str]] = [
        (STDIN, jsonl_articles(STDIN, s, on_bad_line=bad_line, base="stdin", fields=fields), "") for s in streams]
    sources += [(file, None, name) for file, name in _article_files(given, skip)]
    for file, stream, name in sources:
        try:
            read = stream if stream is not None else read_article(file, on_bad_line=bad_line, name=name,
                                                                   fields=fields)
        except InputError as e:
            skip(file, e)
            continue
        for article in read:
            if article.id in seen:
                skip(file, InputError(f"duplicate article id {article.id!r} from {seen[article.id]} and "
                                      f"{article.path}; rename one of the files"))
                continue
            seen[article.id] = str(article.path)
            yield article
    if not seen:
        names = ", ".join([*map(str, given), *("standard input" for _ in streams)])
        raise InputError(f"empty corpus: no articles read from {names}; add article text to them")


def read_article(path: Path | str, *, on_bad_line: Callable[[str, str], None] | None = None,
                 name: str | None = None, fields: Mapping[str, str] | None = None) -> list[Article]:
    """Read one article file; a ``.jsonl`` file gives one article per non-blank line. With
    `on_bad_line`, a bad JSONL line is reported as ``on_bad_line("FILE:LINE", reason)`` and
    the file's other lines are read; without it, it raises InputError. `name` is the article id
    (default: the file name without extension; a .jsonl record's id starts with it)."""
    path = Path(path)
    base = name or path.stem
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _unsupported(path)
    text = _read_text(path)
    if suffix == ".jsonl":
        return _read_jsonl(path, text, on_bad_line, base, fields)
    if suffix in (".html", ".htm"):
        return [_html_article(path, text, base)]
    page = clean_page(text.split("\n"))
    return [_article(path, page, id=base)]


def _article_files(given: list[Path], skip: Callable[[Path, InputError], None]) -> list[tuple[Path, str]]:
    """Every article file with its id: the file name without extension, and for a file in a
    subfolder of a folder given, its path from that folder (``2013/briefing``), so two files of
    one name in different folders are two articles."""
    files: list[tuple[Path, str]] = []
    for p in given:
        if not p.exists():
            skip(p, InputError(f"article path not found: {p}; check the path or pass a directory of articles"))
            continue
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
            if not found:
                skip(p, InputError(f"no articles ({_KINDS}) found in {p}; add article files or pass another "
                                   "directory"))
            files.extend((f, f.relative_to(p).with_suffix("").as_posix()) for f in found)
        elif p.suffix.lower() not in SUFFIXES:
            skip(p, _unsupported(p))
        else:
            files.append((p, p.stem))
    unique: dict[Path, tuple[Path, str]] = {}
    for f, name in files:
        unique.setdefault(f.resolve(), (f, name))  # a file named twice (or via its directory) is read once
    return list(unique.values())


def _unsupported(path: Path) -> InputError:
    kinds = ", ".join(SUFFIXES)
    return InputError(f"unsupported article file {path}: expected {kinds}; rename or convert it")


def _read_text(path: Path) -> str:
    """Decode UTF-8 (BOM optional; UTF-16 with a BOM), falling back to cp1252 only for text that
    decodes cleanly as cp1252 (no NUL or control bytes). Newlines become ``\\n``."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read {path}: {e.strerror or e}; check that it is a readable file") from e
    try:
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            text = data.decode("utf-16")
        else:
            text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        fallback = _cp1252(data)
        if fallback is None:
            raise InputError(
                f"cannot decode {path} as UTF-8 text: {e.reason} at byte {e.start}; re-save it as UTF-8"
            ) from e
        text = fallback
        logger.warning("%s is not UTF-8; read it as Windows-1252 (cp1252)", path)
    if "\x00" in text:
        raise InputError(
            f"cannot decode {path} as UTF-8 text: it contains NUL bytes (binary?); re-save it as UTF-8"
        )
    return strip_controls(text.replace("\r\n", "\n").replace("\r", "\n"))


#: terminal escape sequences (CSI "ESC [ … m", OSC "ESC ] … BEL", two-character ESC codes)
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
#: C0 and C1 control characters but newline and tab (form feeds, backspaces, bells, a lone ESC)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without terminal escape sequences and control characters (newline and tab stay)."""
    return _CONTROL.sub("", _ESCAPES.sub("", text))


def _cp1252(data: bytes) -> str | None:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    controls = {chr(c) for c in range(32)} - set("\t\n\r\f")
    return None if any(ch in controls for ch in text) else text


def _article(
    path: Path, page: Page, *, id: str, where: str | None = None, date: str | None = None,
    publisher: str | None = None, url: str | None = None,
) -> Article:
    where = where or str(path)
    if not page.title:
        raise InputError(f"article {where} is empty: no headline or text; check that it holds an article")
    if not page.body:
        raise InputError(
            f"article {where} has no body text after removing page furniture; "
            "put the article text after the headline"
        )
    outlet = find_publisher(
        headline=page.title, dropped=page.dropped, opening=page.opening, url=url, stated=publisher
    )
    return Article(
        id=id,
        title=page.title,
        body=page.body,
        date=date or find_date(headline=page.title, datelines=page.datelines, opening=page.opening),
        publisher=outlet,
        url=url,
        path=str(path),
        voice=find_voice(publisher=outlet, headline=page.title, dropped=page.dropped) or (
            None if outlet else page.issuer()),
        header=tuple(page.datelines),
    )


def _record_id(base: str, number: int, record: dict[str, Any]) -> str:
    """A JSONL record's article id: its own ``id``, else a digest of its ``url``, else its line."""
    own = record.get("id")
    if isinstance(own, (str, int)) and str(own).strip():
        return f"{base}-{str(own).strip()}"
    url = _str(record.get("url"))
    if url:
        return f"{base}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"
    return f"{base}-{number}"


#: the JSONL fields rightsgraph reads, by default under these names (``--field text=content`` maps one)
JSONL_FIELDS = ("text", "title", "date", "url", "source", "id")
STDIN = Path("<stdin>")


def _get(record: dict[str, Any], path: str) -> Any:
    """``record["source"]["name"]`` for the path ``source.name``; None where it is missing."""
    value: Any = record
    for key in path.split("."):
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _read_jsonl(path: Path, text: str, on_bad_line: Callable[[str, str], None] | None = None,
                base: str | None = None, fields: Mapping[str, str] | None = None) -> list[Article]:
    return list(jsonl_articles(path, text.split("\n"), on_bad_line=on_bad_line, base=base, fields=fields))


def jsonl_articles(path: Path, lines: Iterable[str], *, on_bad_line: Callable[[str, str], None] | None = None,
                   base: str | None = None, fields: Mapping[str, str] | None = None) -> Iterator[Article]:
    """Articles from JSONL lines (a file's, or standard input's), one line at a time. `fields`
    maps rightsgraph's field names to the records' own (dotted for nested: ``source.name``)."""
    base = base or path.stem
    names = {f: (fields or {}).get(f, f) for f in JSONL_FIELDS}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record: Any = json.loads(line)
            if not isinstance(record, dict) or not isinstance(_get(record, names["text"]), str):
                raise InputError(f'bad article in {where}: expected an object with a "{names["text"]}" string; '
                                 "fix that line (or map the field: --field text=NAME)")
        except (json.JSONDecodeError, InputError) as e:
            error = e if isinstance(e, InputError) else InputError(
                f"bad JSON in {where}: {e.msg} (column {e.colno}); fix or remove that line")
            if on_bad_line is None:
                raise error from e
            on_bad_line(where, str(error))
            continue
        mapped = {f: _get(record, names[f]) for f in JSONL_FIELDS}
        values = {k: _str(mapped[k]) for k in ("title", "date", "url", "source")}
        body = strip_controls(mapped["text"].replace("\r\n", "\n").replace("\r", "\n"))
        page = clean_page(body.split("\n"), title=values["title"])
        date = parse_date(values["date"]) if values["date"] else None
        if values["date"] and not date:
            logger.warning("%s: cannot parse date %r; looking for one in the text", where, values["date"])
        yield _article(
            path, page, id=_record_id(base, number, mapped), where=where, date=date, publisher=values["source"],
            url=values["url"],
        )


def _str(value: Any) -> str | None:
    return strip_controls(value).strip() or None if isinstance(value, str) else None


def _html_article(path: Path, text: str, base: str | None = None) -> Article:
    soup = BeautifulSoup(text, "html.parser")
    url = _attr(soup.find("link", rel="canonical"), "href") or _meta(soup, property="og:url")
    date = next(
        (d for d in (
            _meta(soup, property="article:published_time"),
            _attr(soup.find("time", attrs={"datetime": True}), "datetime"),
            _meta(soup, name="date"),
        ) if d and parse_date(d)),
        None,
    )
    h1 = soup.find("h1")
    title = h1.get_text(" ", strip=True) if isinstance(h1, Tag) else ""
    title = title or _meta(soup, property="og:title") or ""
    if not title and isinstance(soup.title, Tag):
        title = soup.title.get_text(" ", strip=True)
    title = " ".join(title.split())
    container = soup.find("article") or soup.find("main") or soup.body or soup
    for tag in container.find_all(_DROP_TAGS):
        tag.decompose()
    if isinstance(h1, Tag) and h1.parent is not None:
        h1.decompose()
    lines = _html_lines(container) if isinstance(container, Tag) else []
    page = clean_page(lines, title=title or None)
    return _article(
        path, page, id=base or path.stem, date=parse_date(date) if date else None,
        publisher=_meta(soup, property="og:site_name"), url=url,
    )


def _html_lines(container: Tag) -> list[str]:
    """Visible text with one line per <br>, paragraphs (block elements) separated by blank lines;
    whitespace inside a line is collapsed as a browser would."""
    for br in container.find_all("br"):
        br.replace_with(_BREAK)
    for block in container.find_all(_BLOCK_TAGS):
        block.insert_before(_PARA)
        block.append(_PARA)
    lines: list[str] = []
    for para in container.get_text().split(_PARA):
        para_lines = [" ".join(part.split()) for part in para.split(_BREAK)]
        para_lines = [ln for ln in para_lines if ln]
        if para_lines:
            lines.extend([*para_lines, ""])
    return lines


def _meta(soup: BeautifulSoup, *, property: str | None = None, name: str | None = None) -> str | None:
    if property:
        return _attr(soup.find("meta", attrs={"property": property}), "content")
    return _attr(soup.find("meta", attrs={"name": name or ""}), "content")


def _attr(tag: object, name: str) -> str | None:
    value = tag.get(name) if isinstance(tag, Tag) else None
    return value.strip() or None if isinstance(value, str) else None
