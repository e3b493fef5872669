"""rdflib.Graph (or saved-query rows) -> one self-contained, offline HTML page, at any corpus size.

The page is our own template (``assets/page.html``) with the vis-network JS/CSS that pyvis ships
inlined, so it loads nothing from any network (pyvis's own templates pull bootstrap and
tom-select from CDNs even with ``cdn_resources="in_line"``; we never use them, nor its
Network.add_node, which is quadratic). `page_data` says what the page shows, `pack` ships it
compactly (shared strings, index references), and the page draws an overview of the most
central entities, drawing more as filters, search and clicks ask for them.

Every string that came from an article travels as JSON in ``<script type="application/json">``
with ``<``, ``>``, ``&``, U+2028 and U+2029 escaped, and the page's scripts insert it with
``textContent`` only. Output is deterministic: sorted nodes and edges, fixed layout seed.
"""

from __future__ import annotations

import html
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib.resources import files
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .analyze import (
    KINDS,
    centrality,
    entity_kinds,
    find_node,
    neighbourhood,
    seed_layout,
)
from .errors import RenderError, RightsgraphError
from .store.base import Store
from .vocab import NIF, PREDICATES, PREFIXES, PROV, RDF, RDFS, RG, SCHEMA, SYMMETRIC

__all__ = ["RenderError", "render_html", "rows_to_graph", "graph_around", "page_data", "pack", "unpack",
           "json_for_script", "canvas_label", "OVERVIEW"]

#: more nodes/edges than this: coarser (faster) physics, straight edges, edges hidden while dragging
BIG_NODES, BIG_EDGES = 300, 800
_MARKER = re.compile(r"\{\{([A-Z_]+)\}\}")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}




@cache
def _asset(name: str) -> str:
    return (files("rightsgraph") / "assets" / name).read_text(encoding="utf-8")


@cache
def _vis(name: str) -> str:
    """vis-network 9.1.2 as pyvis ships it, minus the source-map reference (a file we don't ship)."""
    text = (files("pyvis") / "lib" / "vis-9.1.2" / name).read_text(encoding="utf-8")
    return re.sub(r"^\s*(//|/\*)# sourceMappingURL=.*$", "", text, flags=re.M)


@cache
def _style() -> dict[str, Any]:
    style: dict[str, Any] = json.loads(_asset("style.json"))
    return style


def json_for_script(data: Any) -> str:
    """JSON that is safe inside <script type="application/json">: no '<', '>', '&', U+2028/9."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _JSON_ESCAPES[m.group()], text)


def _options(n_nodes: int, n_edges: int) -> dict[str, Any]:
    """vis-network options. Starting positions come from analyze.seed_layout, so a bounded number
    of physics iterations (about 2-3 s of work on a slow CPU, fewer as the graph grows) is enough;
    the page then switches physics off. Same graph, same options, same seed: same layout."""
    big = n_nodes > BIG_NODES or n_edges > BIG_EDGES
    iterations = max(50, min(400, 160_000 // max(n_nodes, 1)))
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": False},
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            "barnesHut": {"theta": 0.9 if big else 0.5, "gravitationalConstant": -4000 if big else -6000,
                          "centralGravity": 0.3, "springLength": 110 if big else 120,
                          "springConstant": 0.04, "damping": 0.35, "avoidOverlap": 0 if big else 0.2},
            "maxVelocity": 60, "minVelocity": 1.5 if big else 0.4, "timestep": 0.5,
            "stabilization": {"enabled": True, "iterations": iterations, "updateInterval": 10, "fit": True},
        },
        "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big, "multiselect": False, "navigationButtons": False},
        # a label is drawn only when it would be at least drawThreshold px on screen: zoomed out, only
        # the central entities (bigger fonts) keep their names, and relation labels come with zoom
        "nodes": {"borderWidth": 1, "font": {"size": 14, "face": "sans-serif"},
                  "scaling": {"label": {"drawThreshold": 9}}},
        "edges": {
            "scaling": {"label": {"drawThreshold": 10}},
            "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.2},
            "font": {"size": 10, "align": "horizontal", "color": "#444", "strokeWidth": 3},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
            "selectionWidth": 2, "hoverWidth": 1,
        },
    }


#: longest node label drawn on the canvas (the panel shows the whole name)
CANVAS_LABEL = 40


def canvas_label(label: str) -> str:
    """A node label for the canvas: cut at CANVAS_LABEL characters with an ellipsis, and isolated
    (U+2068 ... U+2069) so right-to-left text or an override character inside it cannot reorder
    what is drawn around it."""
    short = label if len(label) <= CANVAS_LABEL else label[: CANVAS_LABEL - 1].rstrip() + "\u2026"
    return f"\u2068{short}\u2069"


def _years(article_ids: Iterable[str], articles: Mapping[str, Mapping[str, str]]) -> list[str]:
    dates = (articles[a]["date"] for a in article_ids if a in articles)
    return sorted({d[:4] for d in dates if re.match(r"\d{4}", d)})


def page_data(source: Graph | Store, *, min_confidence: float = 0.0, focus: str | None = None, depth: int = 1,
              title: str = "rightsgraph") -> dict[str, Any]:
    """Everything the page draws, as plain JSON-ready data (readable; `pack` makes it compact),
    from an rdflib graph or straight from a store (pagefacts.py: SELECTs in its engine).

    Nodes and edges are plain dicts in vis-network's shape. They are not added through pyvis's
    Network.add_node/add_edge: those check every new item against a list of all items, which is
    quadratic and takes minutes at corpus scale."""
    from . import pagefacts

    facts = pagefacts.from_graph(source, min_confidence=min_confidence) if isinstance(source, Graph) \
        else pagefacts.from_store(source, min_confidence=min_confidence)
    nxg = facts.network
    focus_id = None
    if focus is not None:
        try:
            focus_id = find_node(nxg, focus)
        except RightsgraphError as e:
            raise RenderError(f"cannot focus the page: {e}") from e
        nxg = neighbourhood(nxg, focus_id, depth)
    articles = facts.articles
    statements = facts.statements_of(set(nxg.nodes))
    node_articles: dict[str, set[str]] = defaultdict(set)
    for s in statements:
        for who in (s["speaker"], s["about"]):
            if who in nxg and s["article"]:
                node_articles[who].add(s["article"])
    style = _style()
    sizes = centrality(nxg)
    seeds = seed_layout(nxg)
    top = max(sizes.values(), default=0.0) or 1.0
    edges = list(nxg.edges(data=True))
    pair_count: dict[frozenset[str], int] = defaultdict(int)
    for u, v, _ in edges:
        pair_count[frozenset((u, v))] += 1
    for u, v, d in edges:
        for ev in d["evidence"]:
            if ev["article"]:
                node_articles[u].add(ev["article"])
                node_articles[v].add(ev["article"])
    history = facts.history
    nodes = []
    for n, d in nxg.nodes(data=True):
        look = style["kinds"].get(d["kind"], style["kinds"]["other"])
        affiliations = sorted(nxg.nodes[t]["label"] for _, t, p in nxg.out_edges(n, data="predicate")
                              if p == "memberOf")
        arts = sorted(node_articles[n] | set(d["articles"]))
        nodes.append({
            "id": n, "label": d["label"], "canvasLabel": canvas_label(d["label"]), "shape": look["shape"],
            "size": round(12 + 28 * sizes[n] / top, 2), "font": {"size": round(12 + 10 * sizes[n] / top)},
            "x": seeds[n][0], "y": seeds[n][1],
            "color": {"background": look["color"], "border": look["border"],
                      "highlight": {"background": look["color"], "border": "#000000"},
                      "hover": {"background": look["color"], "border": "#000000"}},
            "kind": d["kind"], "aliases": d["aliases"], "role": d["role"], "status": d["status"],
            "affiliations": affiliations, "articles": arts, "years": _years(arts, articles),
            "score": round(sizes[n], 6), "statusHistory": history.get(n, []),
        })
    out_edges = []
    seen_pair: dict[frozenset[str], int] = defaultdict(int)
    for i, (u, v, d) in enumerate(edges):
        look = style["predicates"][d["predicate"]]
        pair = frozenset((u, v))
        extra: dict[str, Any] = {}
        if pair_count[pair] > 1:  # parallel relations: fan them out so each stays clickable
            seen_pair[pair] += 1
            extra["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": round(0.15 * seen_pair[pair], 2)}
        if d["predicate"] in SYMMETRIC:
            extra["arrows"] = {"to": {"enabled": False}}
        arts = sorted({ev["article"] for ev in d["evidence"] if ev["article"]})
        out_edges.append({
            "from": u, "to": v, "id": f"e{i}", "label": d["predicate"], "predicate": d["predicate"],
            "color": {"color": look["color"], "highlight": look["color"], "hover": look["color"]},
            "dashes": look["dashes"], "width": round(1 + 2 * d["confidence"], 2), "confidence": d["confidence"],
            "evidence": d["evidence"], "articles": arts, "years": _years(arts, articles), **extra,
        })
    used = {a for n in nodes for a in n["articles"]} | {s["article"] for s in statements if s["article"]}
    return {
        "title": title,
        "focus": focus_id,
        "minConfidence": min_confidence,
        "nodes": nodes,
        "edges": out_edges,
        "statements": statements,
        "articles": [articles[a] for a in sorted((a for a in used if a in articles),
                                                 key=lambda a: (articles[a]["date"], a))],
        "kinds": {k: v["label"] for k, v in style["kinds"].items()},
        "options": _options(len(nodes), len(out_edges)),
        "rounds": facts.rounds,
    }


#: entities the page draws at first (the most central); the rest are searchable and expandable
OVERVIEW = 250


def pack(data: Mapping[str, Any], *, overview: int = OVERVIEW) -> dict[str, Any]:
    """The page's embedded data, compact: every string once in a shared table (`strings`; a
    sentence cited by many facts and statements is stored once), nodes, edges, statements and
    articles as arrays that refer to strings and to each other by index, and what the page can
    derive (colours, shapes, years, canvas labels) left out. Nodes come most central first; the
    page draws the first `overview` and everything its filters, search and clicks ask for.
    `unpack` is the inverse (what main.js does in the browser)."""
    table: dict[str, int] = {}

    def s(text: str | None) -> int:
        if text is None:
            return -1
        if text not in table:
            table[text] = len(table)
        return table[text]

    nodes = sorted(data["nodes"], key=lambda n: (-n["score"], n["id"]))
    at = {n["id"]: i for i, n in enumerate(nodes)}
    arts = list(data["articles"])
    art_at = {a["id"]: i for i, a in enumerate(arts)}
    for a in sorted({ev["article"] for e in data["edges"] for ev in e["evidence"] if ev["article"]} - set(art_at)):
        art_at[a] = len(arts)  # cited by evidence, not described in the graph
        arts.append({"id": a, "headline": "", "date": "", "publisher": "", "round": ""})

    def art(a: str) -> int:
        return art_at.get(a, -1) if a else -1

    rounds = data["rounds"]
    round_at = {r["id"]: i for i, r in enumerate(rounds)}

    def rnd(r: str) -> int:
        return round_at.get(r, -1) if r else -1

    packed_nodes = [[n["id"], s(n["label"]), n["kind"], n["size"], n["font"]["size"], n["x"], n["y"],
                     [s(a) for a in n["aliases"]], s(n["role"]), n["status"] or "",
                     [s(a) for a in n["affiliations"]], [art(a) for a in n["articles"]],
                     [[c["status"], s(c["sentence"]), art(c["article"])] for c in n["statusHistory"]]]
                    for n in nodes]
    packed_edges = [[at[e["from"]], at[e["to"]], e["predicate"], e["confidence"],
                     [[s(ev["sentence"]), art(ev["article"])] for ev in e["evidence"]],
                     e.get("smooth", {}).get("roundness", 0)]
                    for e in data["edges"]]
    packed_statements = [[at.get(st["speaker"], -1), s(st["speakerLabel"]), at.get(st["about"], -1),
                          s(st["aboutLabel"]), s(st["text"]), st["kind"], st["stance"], st["confidence"],
                          s(st["sentence"]), art(st["article"]), st["id"], rnd(st["round"])]
                         for st in data["statements"]]
    packed_articles = [[a["id"], s(a["headline"]), a["date"], s(a["publisher"]), rnd(a.get("round", ""))]
                       for a in arts]
    packed_rounds = [[r["id"], s(r["label"]), r["ordinal"], r["start"], s(r["location"])] for r in rounds]
    style = _style()
    return {
        "format": "rightsgraph-page/2",
        "title": data["title"], "focus": data["focus"], "minConfidence": data["minConfidence"],
        "kinds": data["kinds"], "options": data["options"], "overview": overview,
        "style": {"kinds": {k: {x: v[x] for x in ("shape", "color", "border")} for k, v in style["kinds"].items()},
                  "predicates": style["predicates"], "symmetric": sorted(SYMMETRIC),
                  "canvasLabel": CANVAS_LABEL},
        "strings": list(table),
        "articles": packed_articles, "nodes": packed_nodes, "edges": packed_edges,
        "statements": packed_statements, "rounds": packed_rounds,
    }


def unpack(packed: Mapping[str, Any]) -> dict[str, Any]:
    """`page_data`'s shape back from `pack` (node order: most central first; nothing lost that
    the page shows). For tests and tools that read a rendered page's data."""
    strings = packed["strings"]
    style = packed["style"]

    def s(i: int) -> str | None:
        return strings[i] if i >= 0 else None

    rounds = [{"id": r[0], "label": s(r[1]) or "", "ordinal": r[2], "start": r[3], "location": s(r[4]) or ""}
              for r in packed["rounds"]]

    def rnd(i: int) -> str:
        return str(rounds[i]["id"]) if i >= 0 else ""

    articles = [{"id": a[0], "headline": s(a[1]) or "", "date": a[2], "publisher": s(a[3]) or "", "round": rnd(a[4])}
                for a in packed["articles"]]

    def art(i: int) -> str:
        return articles[i]["id"] if i >= 0 else ""

    dated = {a["id"]: a for a in articles}
    nodes = []
    for (iri, label, kind, size, font, x, y, aliases, role, status, affiliations, arts, history) in packed["nodes"]:
        look = style["kinds"].get(kind, style["kinds"]["other"])
        ids = [art(i) for i in arts]
        nodes.append({
            "id": iri, "label": s(label), "canvasLabel": canvas_label(s(label) or ""), "shape": look["shape"],
            "size": size, "font": {"size": font}, "x": x, "y": y,
            "color": {"background": look["color"], "border": look["border"],
                      "highlight": {"background": look["color"], "border": "#000000"},
                      "hover": {"background": look["color"], "border": "#000000"}},
            "kind": kind, "aliases": [s(a) for a in aliases], "role": s(role), "status": status or None,
            "affiliations": [s(a) for a in affiliations], "articles": ids, "years": _years(ids, dated),
            "statusHistory": [{"status": st, "sentence": s(t) or "",
                               "headline": articles[a]["headline"] if a >= 0 else "",
                               "date": articles[a]["date"] if a >= 0 else "", "article": art(a)}
                              for st, t, a in history],
        })
    edges = []
    for i, (u, v, predicate, confidence, evidence, roundness) in enumerate(packed["edges"]):
        look = style["predicates"][predicate]
        evs = [{"sentence": s(t) or "", "headline": articles[a]["headline"] if a >= 0 else "",
                "date": articles[a]["date"] if a >= 0 else "", "article": art(a)} for t, a in evidence]
        ids = sorted({ev["article"] for ev in evs if ev["article"]})
        edge: dict[str, Any] = {
            "from": nodes[u]["id"], "to": nodes[v]["id"], "id": f"e{i}", "label": predicate, "predicate": predicate,
            "color": {"color": look["color"], "highlight": look["color"], "hover": look["color"]},
            "dashes": look["dashes"], "width": round(1 + 2 * confidence, 2), "confidence": confidence,
            "evidence": evs, "articles": ids, "years": _years(ids, dated)}
        if roundness:
            edge["smooth"] = {"enabled": True, "type": "curvedCW", "roundness": roundness}
        if predicate in style["symmetric"]:
            edge["arrows"] = {"to": {"enabled": False}}
        edges.append(edge)
    statements = []
    for (sp, sp_label, ab, ab_label, text, kind, stance, confidence, sentence, a, iri, r) in packed["statements"]:
        statements.append({
            "id": iri, "speaker": nodes[sp]["id"] if sp >= 0 else "", "speakerLabel": s(sp_label) or "",
            "about": nodes[ab]["id"] if ab >= 0 else "", "aboutLabel": s(ab_label) or "", "text": s(text) or "",
            "kind": kind, "stance": stance, "confidence": confidence, "sentence": s(sentence) or "",
            "round": rnd(r),
            "headline": articles[a]["headline"] if a >= 0 else "", "date": articles[a]["date"] if a >= 0 else "",
            "article": art(a)})
    return {"title": packed["title"], "focus": packed["focus"], "minConfidence": packed["minConfidence"],
            "nodes": nodes, "edges": edges, "statements": statements, "articles": articles,
            "kinds": packed["kinds"], "options": packed["options"], "rounds": rounds}


def _legend(data: Mapping[str, Any]) -> str:
    style = _style()
    kinds = defaultdict(int, {k: 0 for k in KINDS})
    for n in data["nodes"]:
        kinds[n["kind"]] += 1
    preds = defaultdict(int, {p: 0 for p in PREDICATES})
    for e in data["edges"]:
        preds[e["predicate"]] += 1
    out = ['<fieldset id="legend-kinds"><legend>Entity types</legend>']
    for kind, count in kinds.items():
        look = style["kinds"][kind]
        out.append(
            f'<label class="legend-item"><input type="checkbox" data-kind="{html.escape(kind)}" checked>'
            f'<span class="swatch shape-{look["shape"]}" style="background:{look["color"]}"></span>'
            f'{html.escape(look["label"])} <span class="count">{count}</span></label>'
        )
    out.append('</fieldset><fieldset id="legend-predicates"><legend>Relations</legend>')
    for pred, count in preds.items():
        look = style["predicates"][pred]
        dash = " ".join(str(x) for x in look["dashes"]) if look["dashes"] else "none"
        out.append(
            f'<label class="legend-item"><input type="checkbox" data-predicate="{html.escape(pred)}" checked>'
            f'<svg class="line" width="30" height="10" aria-hidden="true"><line x1="0" y1="5" x2="30" y2="5" '
            f'stroke="{look["color"]}" stroke-width="2.5" stroke-dasharray="{dash}"/></svg>'
            f'{html.escape(pred)} <span class="count">{count}</span></label>'
        )
    out.append("</fieldset>")
    return "\n".join(out)


def render_html(graph: Graph | Store, *, min_confidence: float = 0.0, focus: str | None = None, depth: int = 1,
                title: str = "rightsgraph") -> str:
    """The graph as one offline HTML page. `focus` (label, alias or IRI) limits the page to the
    entities within `depth` relations of it; edges under `min_confidence` are left out."""
    data = page_data(graph, min_confidence=min_confidence, focus=focus, depth=depth, title=title)
    stances = "".join(f'<option value="{html.escape(s)}">{html.escape(s)}</option>'
                      for s in _style()["stances"])
    parts = {
        "TITLE": html.escape(title),
        "VIS_CSS": _vis("vis-network.css"),
        "PAGE_CSS": _asset("page.css"),
        "LEGEND": _legend(data),
        "STANCES": stances,
        "MIN_CONFIDENCE": f"{min_confidence:g}",
        "DATA": json_for_script(pack(data)),
        "VIS_JS": _vis("vis-network.min.js"),
        "APP_JS": "\n".join(_asset(f) for f in ("panel.js", "controls.js", "views.js", "main.js")),
    }
    return _MARKER.sub(lambda m: parts[m.group(1)], _asset("page.html"))


def rows_to_graph(graph: Graph, rows: Iterable[Any] | Graph, *, vars: Sequence[str] | None = None) -> Graph:
    """The part of `graph` a saved query selects, ready for render_html.

    `rows` is a SELECT result (rdflib Result, ResultRows, tuples or dicts) or a CONSTRUCT result
    Graph. Every cell (or, for a Graph, every subject/object) that is an entity IRI of `graph`
    is kept; the result holds those entities, the relations among them with their evidence, and
    the statements they made. For named rows (rdflib ResultRow, dicts) only the columns named in
    `vars` are looked at when it is given; plain tuples are always read in full.
    """
    kinds = entity_kinds(graph)
    cells: list[Node] = []
    if isinstance(rows, Graph):
        cells = [t for s, _, o in rows for t in (s, o)]
    else:
        wanted = [str(v).lstrip("?") for v in vars] if vars is not None else None
        for row in rows:
            mapping = row.asdict() if hasattr(row, "asdict") else row
            if isinstance(mapping, Mapping):
                cells += [val for k, val in mapping.items() if wanted is None or str(k) in wanted]
            else:
                cells += list(mapping)
    cells = [c for c in cells if c is not None]
    # IRIs come as URIRef (rdflib results) or plain str; Literal is a str too, and never an entity
    keep = {URIRef(c) for c in cells if isinstance(c, str) and not isinstance(c, Literal)} & set(kinds)
    if cells and not keep:
        raise RenderError("none of the query results is an entity IRI, so there is nothing to draw; "
                          "select entity variables (e.g. ?actor, ?case) to render a query")
    return graph_around(graph, keep)


def graph_around(graph: Graph, keep: set[URIRef]) -> Graph:
    """The triples of `graph` about the entities in `keep`: their descriptions, the relations
    among them and the Facts behind those, the statements they made or that are about them,
    and the sentences and articles all of these cite (labels only for entities outside `keep`)."""
    out = Graph()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    relations = {RG[p] for p in PREDICATES}
    cited: set[Node] = set()

    def copy(node: Node) -> None:
        for p, o in graph.predicate_objects(node):
            out.add((node, p, o))

    for e in keep:
        for p, o in graph.predicate_objects(e):
            if p not in relations or o in keep:
                out.add((e, p, o))
    fact_nodes = set(graph.subjects(RDF.type, RG.Fact)) | set(graph.subjects(RDF.type, RDF.Statement))
    for f in fact_nodes:
        if graph.value(f, RDF.subject) in keep and graph.value(f, RDF.object) in keep:
            copy(f)
            cited.update(graph.objects(f, PROV.wasDerivedFrom))
    for st in set(graph.subjects(RDF.type, RG.Statement)):
        ends = [graph.value(st, RG.speaker), graph.value(st, RG.about)]
        if any(x in keep for x in ends):
            copy(st)
            cited.update(graph.objects(st, PROV.wasDerivedFrom))
            for x in ends:
                if x is not None and x not in keep:
                    for label in graph.objects(x, RDFS.label):
                        out.add((x, RDFS.label, label))
    for sentence in cited:
        copy(sentence)
    articles = {o for s in keep | cited for p, o in graph.predicate_objects(s)
                if p in (RG.mentionedIn, NIF.referenceContext, SCHEMA.isPartOf)}
    for a in articles:
        copy(a)
    return out
