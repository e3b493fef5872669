"""A SPARQL 1.1 server (Oxigraph server, Apache Jena Fuseki, Virtuoso, GraphDB, …) over HTTP.

Queries go to the query endpoint and updates to the update endpoint (SPARQL 1.1 Protocol, form
POST); results come back as SPARQL JSON results or N-Triples and are parsed, streaming, by
pyoxigraph. Parameters are sent as a trailing ``VALUES`` block written from terms by
pyoxigraph (the server has no substitution API). Endpoints from the URL given:

=====================================  =========================  ===================================
``--store``                            query endpoint             update endpoint
=====================================  =========================  ===================================
``http://host:7878`` (Oxigraph)        ``…/query``                ``…/update``
``http://host:3030/ds`` (Fuseki)       ``…/ds/query``             ``…/ds/update``
``http://host/…/query``                as given                   ``…/update``
``http://host:8890/sparql`` (Virtuoso) as given                   as given
``http://host/repositories/R``         as given                   ``…/repositories/R/statements``
=====================================  =========================  ===================================

``RIGHTSGRAPH_UPDATE_URL`` overrides the update endpoint; ``user:password@`` in the URL is sent
as HTTP basic authentication (and never printed).
"""

from __future__ import annotations

import base64
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from rightsgraph.errors import QueryError, StoreError

from .base import Store
from .terms import OxTerm

__all__ = ["RemoteStore", "endpoints"]

_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.5"
_RESULTS = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
            "application/sparql-results+xml": ox.QueryResultsFormat.XML,
            "text/tab-separated-values": ox.QueryResultsFormat.TSV}
_UPDATE_TIMEOUT = 600.0


def endpoints(url: str) -> tuple[str, str, str | None]:
    """(query endpoint, update endpoint, basic-auth header or None) for a server URL."""
    parts = urllib.parse.urlsplit(url)
    auth = None
    if parts.username is not None:
        user = urllib.parse.unquote(parts.username)
        password = urllib.parse.unquote(parts.password or "")
        auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode("ascii")
    netloc = parts.hostname or ""
    if parts.port is not None:
        netloc += f":{parts.port}"
    path = parts.path.rstrip("/")
    last = path.rsplit("/", 1)[-1]
    if last == "query":
        query, update = path, path[: -len("query")] + "update"
    elif last == "sparql":
        query = update = path
    elif "/repositories/" in f"{path}/" and path.rsplit("/", 2)[-2] == "repositories":
        query, update = path, path + "/statements"
    else:
        query, update = path + "/query", path + "/update"

    def full(p: str) -> str:
        return urllib.parse.urlunsplit((parts.scheme, netloc, p, parts.query, ""))

    return full(query), os.environ.get("RIGHTSGRAPH_UPDATE_URL") or full(update), auth


def _values(bindings: Mapping[str, OxTerm]) -> str:
    names = " ".join(f"?{ox.Variable(k).value}" for k in bindings)
    terms = " ".join(str(v) for v in bindings.values())  # N-Triples syntax, escaped by pyoxigraph
    return f"\nVALUES ({names}) {{ ({terms}) }}\n"


class RemoteStore(Store):
    def __init__(self, url: str) -> None:
        self.query_url, self.update_url, self._auth = endpoints(url)
        self.location = self.query_url

    def _post(self, endpoint: str, form: dict[str, str], *, accept: str, timeout: float | None) -> Any:
        request = urllib.request.Request(
            endpoint, data=urllib.parse.urlencode(form).encode("utf-8"), method="POST",
            headers={"Accept": accept, "Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
        )
        if self._auth:
            request.add_header("Authorization", self._auth)
        try:
            return urllib.request.urlopen(request, timeout=timeout)  # noqa: S310 - the user's own server
        except urllib.error.HTTPError as e:
            detail = " ".join(e.read(400).decode("utf-8", "replace").split())
            if e.code == 400:
                raise QueryError(f"the SPARQL server at {endpoint} refused the request: {detail}") from e
            raise StoreError(f"SPARQL server {endpoint} answered {e.code} {e.reason}: {detail}") from e
        except TimeoutError as e:
            raise QueryError(f"the SPARQL server at {endpoint} did not answer within {timeout:g} s; "
                             "allow more time with --timeout SECONDS") from e
        except urllib.error.URLError as e:
            raise StoreError(f"cannot reach the SPARQL server at {endpoint}: {e.reason}; is it running? "
                             "(--store URL or RIGHTSGRAPH_STORE)") from e

    def execute(self, sparql: str, *, bindings: Mapping[str, OxTerm] | None = None,
                timeout: float | None = None) -> Any:
        text = sparql + _values(bindings) if bindings else sparql
        response = self._post(self.query_url, {"query": text}, accept=_ACCEPT, timeout=timeout)
        media = response.headers.get_content_type()
        try:
            if media in _RESULTS:
                return ox.parse_query_results(response, _RESULTS[media])
            fmt = ox.RdfFormat.from_media_type(media)
            if fmt is None:
                raise StoreError(f"SPARQL server {self.query_url} answered in {media}, which rightsgraph "
                                 "cannot read; it needs SPARQL JSON results and N-Triples")
            return ox.parse(response, fmt)
        except SyntaxError as e:
            raise StoreError(f"SPARQL server {self.query_url} sent an unreadable answer: {e}") from e

    def update(self, sparql: str) -> None:
        with self._post(self.update_url, {"update": sparql}, accept="*/*", timeout=_UPDATE_TIMEOUT) as r:
            r.read()
