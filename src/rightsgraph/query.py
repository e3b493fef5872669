"""Saved SPARQL queries: discover them, check them, bind parameters in the engine, format results.

The canonical ``.rq`` files live in the top-level ``queries/`` folder, which pyproject installs as
the package ``rightsgraph.queries`` (``package-dir``), so a checkout, an editable install and a
wheel all read the same one folder. Any folder of ``.rq`` files can be passed instead (``queries_dir``).

Header comments before the SPARQL (datasette-style; only comment lines are parsed)::

    # title: Cases raised by a speaker
    # description: The cases a person or organization raised.
    # param: ?speaker entity -- who raised them
    # param: ?stance stance optional -- every stance when omitted

A parameter's *kind* says how its ``-p NAME VALUE`` string becomes a term. ``entity`` (default): an
IRI (``https://…``, ``urn:…``, or prefixed like ``rgid:person/michael-posner``) as is, else the entity
whose ``rdfs:label`` or ``skos:altLabel`` equals the value ignoring case (a label beats an alias).
``stance``/``status``/``predicate``: a vocabulary word (``criticizes`` or ``critical`` ->
``rg:Critical``, ``detained`` -> ``rg:Detained``, ``metWith`` -> ``rg:metWith``) or an IRI.
``literal``: a plain string. An ``optional`` parameter may be left out; its variable stays unbound
and the query returns every value. Oxigraph only substitutes variables that a SELECT projects, so
a SELECT must list each of its parameters.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, cast
from typing import Literal as LiteralType

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from rightsgraph.errors import QueryError
from rightsgraph.sandbox import inspect_query
from rightsgraph.store import DEFAULT_TIMEOUT, Store, bind_prefixes, memory_store, to_oxigraph, to_rdflib
from rightsgraph.store.terms import rdflib_triples
from rightsgraph.vocab import PREDICATES, PREFIXES, RDF, RG, STANCES, STATUSES, XSD

__all__ = ["QUERIES_DIR", "KINDS", "Param", "SavedQuery", "QueryResult", "list_queries", "get_query",
           "parse_query_text", "resolve_param", "run_query", "as_store", "expand_iri", "shorten",
           "format_table", "format_csv", "format_json", "format_ndjson", "printable"]

QUERIES_DIR = Path(str(resources.files("rightsgraph.queries")))

#: parameter kinds whose values are vocabulary words -> {word: term}; words match ignoring case
TERM_KINDS: dict[str, dict[str, URIRef]] = {
    "stance": {**{w: RG[t] for w, t in STANCES.items()}, **{t.lower(): RG[t] for t in STANCES.values()}},
    "status": {w: RG[t] for w, t in STATUSES.items()},
    "predicate": {p: RG[p] for p in PREDICATES},
}
KINDS: tuple[str, ...] = ("entity", "literal", *TERM_KINDS)
_SHORT = {"rdf": str(RDF), **{p: str(ns) for p, ns in PREFIXES.items()}}

_LABELS = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?entity ?label ?main WHERE { { ?entity rdfs:label ?label BIND (true AS ?main) }
  UNION { ?entity skos:altLabel ?label BIND (false AS ?main) } }"""


@dataclass(frozen=True)
class Param:
    name: str
    kind: str = "entity"
    optional: bool = False
    help: str = ""


@dataclass(frozen=True)
class SavedQuery:
    name: str
    path: Path | None
    title: str
    description: str
    params: tuple[str, ...]
    text: str
    param_specs: tuple[Param, ...] = ()

    def spec(self, name: str) -> Param:
        return next(p for p in self.param_specs if p.name == name)


@dataclass(frozen=True)
class QueryResult:
    """A materialized result: ``rows`` for SELECT, ``answer`` for ASK, ``graph`` for CONSTRUCT."""

    type: LiteralType["SELECT", "ASK", "CONSTRUCT"]
    vars: tuple[str, ...] = ()
    rows: tuple[tuple[Node | None, ...], ...] = ()
    answer: bool | None = None
    graph: Graph | None = None

    def text_rows(self) -> list[tuple[str, ...]]:
        """Rows as strings: IRIs shortened with the project prefixes, unbound as ''."""
        return [tuple(shorten(t) for t in row) for row in self.rows]


def parse_query_text(text: str, *, name: str = "query", path: Path | None = None) -> SavedQuery:
    """Read the header comments (title, description, params) of a SPARQL text."""
    meta: dict[str, list[str]] = {"title": [], "description": [], "param": []}
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break  # the header ends at the first SPARQL line
        key, sep, value = stripped.lstrip("#").strip().partition(":")
        if sep and key.strip().lower() in meta:
            meta[key.strip().lower()].append(value.strip())
    specs = tuple(_parse_param(v, name) for v in meta["param"])
    return SavedQuery(
        name=name, path=path, title=" ".join(meta["title"]) or name,
        description=" ".join(meta["description"]), params=tuple(p.name for p in specs),
        text=text, param_specs=specs,
    )


def _parse_param(value: str, query: str) -> Param:
    spec, _, help_text = value.partition("--")
    words = spec.split()
    flags = words[1:]
    bad = [w for w in flags if w not in (*KINDS, "optional")]
    if not words or not words[0].startswith("?") or len(words[0]) < 2 or bad:
        raise QueryError(
            f'query "{query}": bad line "# param: {value}"; write "# param: ?name [kind] [optional] '
            f'[-- help]" with kind one of: {", ".join(KINDS)}'
        )
    kind = next((w for w in flags if w in KINDS), "entity")
    return Param(words[0][1:], kind=kind, optional="optional" in flags, help=help_text.strip())


def list_queries(directory: Path | None = None) -> list[SavedQuery]:
    """Every ``*.rq`` file in `directory` (default: the packaged queries), sorted by name."""
    folder = Path(directory) if directory is not None else QUERIES_DIR
    if not folder.is_dir():
        raise QueryError(f"query folder {folder} not found; pass a directory of .rq files")
    return [
        parse_query_text(p.read_text(encoding="utf-8"), name=p.stem, path=p)
        for p in sorted(folder.glob("*.rq"))
    ]


def get_query(query: str, *, queries_dir: Path | None = None) -> SavedQuery:
    """A saved query by name, a ``.rq`` file by path, or SPARQL text as an ad-hoc query."""
    if query.endswith(".rq"):
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"query file {path} not found")
        return parse_query_text(path.read_text(encoding="utf-8"), name=path.stem, path=path)
    if query.replace("_", "").replace("-", "").isalnum():
        saved = {q.name: q for q in list_queries(queries_dir)}
        if query not in saved:
            close = difflib.get_close_matches(query, saved, n=3)
            hint = f"did you mean {', '.join(close)}? " if close else ""
            raise QueryError(f'query "{query}" not found; {hint}available: {", ".join(saved)}')
        return saved[query]
    return parse_query_text(query, name="inline")


def _looks_like_iri(value: str) -> str | None:
    """The full IRI for an IRI or project-prefixed name, else None."""
    value = value.strip()
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    if value.startswith(("http://", "https://", "urn:")):
        return value
    prefix, sep, local = value.partition(":")
    if sep and prefix in _SHORT and " " not in local:
        return _SHORT[prefix] + local
    return None


_EXACT = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?entity ?main ?name WHERE { { ?entity rdfs:label ?name BIND (true AS ?main) }
  UNION { ?entity skos:altLabel ?name BIND (false AS ?main) } }"""
_FOLDED = """PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT DISTINCT ?entity ?main ?want WHERE { { ?entity rdfs:label ?name BIND (true AS ?main) }
  UNION { ?entity skos:altLabel ?name BIND (false AS ?main) } BIND (LCASE(STR(?name)) AS ?want) }"""


def _lookup(store: Store, sparql: str, var: str, value: str) -> set[tuple[Node, bool]]:
    answer = store.query(sparql, bindings={var: ox.Literal(value)})
    return {(cast(Node, to_rdflib(e)), isinstance(m, ox.Literal) and m.value == "true") for e, m, _ in answer.rows
            if isinstance(e, ox.NamedNode)}


def expand_iri(value: str) -> str:
    """The full IRI for an IRI or project-prefixed name (``rgid:article/a1``), else ''."""
    return _looks_like_iri(value) or ""


def _find_entity(store: Store, value: str, param: str, query: str) -> URIRef:
    """The entity with this label (or alias): an index lookup, then ignoring case (a label beats an alias)."""
    hits = _lookup(store, _EXACT, "name", value) or _lookup(store, _FOLDED, "want", value.lower())
    best = {e for e, main in hits if main} or {e for e, _ in hits}
    if len(best) == 1:
        return cast(URIRef, best.pop())
    if best:
        options = ", ".join(sorted(shorten(e) for e in best))
        raise QueryError(f'query "{query}": "{value}" ({param}) is ambiguous: {options}; pass one IRI')
    labels = [str(to_rdflib(row[1])) for row in store.query(_LABELS).rows]  # only on a miss
    folded = {label.casefold(): label for label in labels}
    close = [folded[c] for c in difflib.get_close_matches(value.casefold(), list(folded), n=5, cutoff=0.6)]
    close = list(dict.fromkeys(close + sorted(v for k, v in folded.items() if value.casefold() in k)))[:5]
    hint = f"; did you mean: {', '.join(close)}?" if close else "; list names with the actors query"
    raise QueryError(f'query "{query}": no entity named "{value}" for parameter {param}{hint}')


def resolve_param(store: Store, spec: Param, value: str, *, query: str = "query") -> Node:
    """Turn a ``-p NAME VALUE`` string into the RDF term bound to ``?NAME``."""
    if spec.kind == "literal":
        return Literal(value)
    iri = _looks_like_iri(value)
    if iri is not None:
        try:
            ox.NamedNode(iri)
        except ValueError as e:
            raise QueryError(f'query "{query}": "{value}" ({spec.name}) is not a valid IRI: {e}') from e
        return URIRef(iri)
    if spec.kind in TERM_KINDS:
        words = {w.lower(): t for w, t in TERM_KINDS[spec.kind].items()}
        if value.strip().lower() not in words:
            raise QueryError(
                f'query "{query}": "{value}" is not a {spec.kind} for parameter {spec.name}; '
                f"use one of: {', '.join(TERM_KINDS[spec.kind])}"
            )
        return words[value.strip().lower()]
    return _find_entity(store, value, spec.name, query)


def as_store(source: Store | Graph) -> Store:
    """A Store as it is; an rdflib Graph or Dataset loaded into an in-memory Oxigraph store."""
    return source if isinstance(source, Store) else memory_store(source)


def run_query(source: Store | Graph, query: str, params: Mapping[str, str] | None = None, *,
              timeout: float | None = DEFAULT_TIMEOUT, queries_dir: Path | None = None) -> QueryResult:
    """Run a saved query (name), a ``.rq`` file (path) or SPARQL text in the store's engine.

    The text is checked first (read-only, no SERVICE, FROM only graphs of the store); parameters
    are bound by the engine (pyoxigraph substitutions, or a VALUES block for a server); the
    whole evaluation is bounded by `timeout` seconds.
    """
    saved = get_query(query, queries_dir=queries_dir)
    shape = inspect_query(saved.text, name=saved.name)
    store = as_store(source)
    given = dict(params or {})
    unknown = sorted(set(given) - set(saved.params))
    if unknown:
        declared = ", ".join(saved.params) or "none"
        raise QueryError(
            f'query "{saved.name}" has no parameter {", ".join(unknown)}; its parameters: {declared}'
        )
    for spec in saved.param_specs:
        if spec.name not in given and not spec.optional:
            raise QueryError(f'query "{saved.name}" needs parameter {spec.name}: -p {spec.name} VALUE')
    outside = [iri for iri in shape.datasets if not store.has_graph(iri)]
    if outside:
        raise QueryError(f'query "{saved.name}": FROM names {", ".join(outside)}, which is not a graph of '
                         "this store; name article graphs only (list them with GRAPH ?g)")
    bindings = {n: to_oxigraph(resolve_param(store, saved.spec(n), v, query=saved.name)) for n, v in given.items()}
    try:
        answer = store.query(saved.text, bindings=bindings, timeout=timeout)
    except QueryError as e:
        raise QueryError(f'query "{saved.name}": {e}') from e
    except RuntimeError as e:  # Oxigraph evaluation errors, e.g. a parameter that is not projected
        raise QueryError(f'query "{saved.name}" failed: {e}') from e
    if answer.type == "ASK":
        return QueryResult("ASK", answer=bool(answer.boolean))
    if answer.type == "CONSTRUCT":
        out = bind_prefixes(Graph())
        out += rdflib_triples(answer.triples)
        return QueryResult("CONSTRUCT", graph=out)
    rows = tuple(tuple(to_rdflib(t) for t in row) for row in answer.rows)
    return QueryResult("SELECT", vars=answer.vars, rows=rows)


def shorten(term: Node | None) -> str:
    """``https://w3id.org/rightsgraph/id/person/x`` -> ``rgid:person/x``; literals as their text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        for prefix, ns in sorted(_SHORT.items(), key=lambda kv: -len(kv[1])):
            if term.startswith(ns) and len(term) > len(ns):
                return f"{prefix}:{term[len(ns):]}"
    return str(term)


@lru_cache(maxsize=1)
def _unprintable() -> re.Pattern[str]:
    """Control, format and line/paragraph separator characters (categories Cc, Cf, Zl, Zp):
    terminal escape sequences, bidirectional overrides, zero-width characters."""
    planes = (*range(0x10000), *range(0xE0000, 0xE0080))
    chars = [c for c in map(chr, planes) if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp")]
    return re.compile("[" + "".join(re.escape(c) for c in chars if c not in "\n\t") + "]")


def printable(text: str) -> str:
    """`text` with every control or format character shown as ``\\uXXXX`` (newlines and tabs kept),
    so article text never drives the terminal (escape sequences) or reverses it (bidi overrides)."""
    return _unprintable().sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def _cell(text: str, width: int | None) -> str:
    text = printable(" ".join(text.split()))
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def format_table(result: QueryResult, *, max_width: int | None = 70, limit: int | None = None) -> str:
    """Aligned text columns for SELECT (long cells cut at `max_width` with an ellipsis, at most
    `limit` rows; CSV and JSON keep everything), ``true``/``false`` for ASK, Turtle for CONSTRUCT.
    Control characters from the data are escaped."""
    if result.type == "ASK":
        return "true\n" if result.answer else "false\n"
    if result.type == "CONSTRUCT":
        return printable((result.graph or Graph()).serialize(format="turtle"))
    shown = result.text_rows() if limit is None else result.text_rows()[:limit]
    rows = [tuple(_cell(c, max_width) for c in r) for r in shown]
    widths = [max([len(v)] + [len(r[i]) for r in rows]) for i, v in enumerate(result.vars)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(cells, widths, strict=True)).rstrip()
             for cells in [result.vars, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def format_csv(result: QueryResult, *, delimiter: str = ",", headers: bool = True, short: bool = False) -> str:
    """CSV (or TSV with ``delimiter="\\t"``) with full IRIs: SELECT rows, an ``answer`` column for
    ASK, s/p/o rows for CONSTRUCT; ``headers=False`` leaves out the header row; ``short=True``
    writes IRIs as the table does (``rgid:person/x``)."""
    cell = shorten if short else (lambda t: "" if t is None else str(t))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n", delimiter=delimiter)
    if result.type == "ASK":
        head, rows = ["answer"], [["true" if result.answer else "false"]]
    elif result.type == "CONSTRUCT":
        head = ["subject", "predicate", "object"]
        rows = [list(t) for t in sorted((cell(s), cell(p), cell(o)) for s, p, o in result.graph or ())]
    else:
        head, rows = list(result.vars), [[cell(t) for t in row] for row in result.rows]
    writer.writerows([head, *rows] if headers else rows)
    return buffer.getvalue()


_NUMBERS = {str(XSD.integer), str(XSD.decimal), str(XSD.double), str(XSD.float), str(XSD.int), str(XSD.long),
            str(XSD.nonNegativeInteger), str(XSD.positiveInteger)}


def _json_value(term: Node | None) -> Any:
    """A cell as JSON: numbers and booleans as themselves, everything else as its text."""
    if isinstance(term, Literal) and term.datatype is not None:
        if str(term.datatype) in _NUMBERS:
            value = term.toPython()
            if isinstance(value, (int, float)):
                return value
            try:
                return float(value) if "." in str(term) or "e" in str(term).lower() else int(str(term))
            except ValueError:
                return str(term)
        if term.datatype == XSD.boolean:
            return str(term).lower() in ("true", "1")
    return None if term is None else str(term)


def format_ndjson(result: QueryResult) -> str:
    """One JSON object per SELECT row and line (numbers as numbers); ASK and CONSTRUCT as in JSON."""
    if result.type != "SELECT":
        return format_json(result)
    return "".join(json.dumps({v: _json_value(t) for v, t in zip(result.vars, row, strict=True)},
                              ensure_ascii=False) + "\n" for row in result.rows)


def format_json(result: QueryResult) -> str:
    """JSON: SELECT -> list of objects (full IRIs, numbers as numbers, null if unbound); ASK -> bool;
    CONSTRUCT -> JSON-LD."""
    if result.type == "CONSTRUCT":
        context = {prefix: str(ns) for prefix, ns in PREFIXES.items()}
        return (result.graph or Graph()).serialize(format="json-ld", context=context, auto_compact=True)
    if result.type == "ASK":
        return json.dumps(bool(result.answer)) + "\n"
    records = [{v: _json_value(t) for v, t in zip(result.vars, row, strict=True)} for row in result.rows]
    return json.dumps(records, indent=2, ensure_ascii=False) + "\n"
