"""render: one self-contained offline HTML page; article strings travel only as escaped JSON data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from importlib.resources import files
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from rightsgraph.errors import RightsgraphError
from rightsgraph.render import RenderError, json_for_script, pack, page_data, render_html, rows_to_graph, unpack
from rightsgraph.vocab import PREDICATES, RDF, RG

DATA = Path(__file__).parent / "data"
ID = "https://w3id.org/rightsgraph/id/"
POSNER, KEGUI = ID + "person/michael-posner", ID + "person/chen-kegui"
SOPHIE = ID + "person/sophie-richardson"
HOSTILE_LABEL = "</script><img src=x onerror=\"window.__pwned='label';alert(1)\">"
DATA_BLOCK = re.compile(r'<script type="application/json" id="rightsgraph-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def small() -> Graph:
    return Graph().parse(DATA / "small_graph.ttl")


@pytest.fixture(scope="module")
def hostile() -> Graph:
    return Graph().parse(DATA / "hostile_graph.ttl")


@pytest.fixture(scope="module")
def page(small) -> str:
    return render_html(small, title="Small graph")


def data_of(page: str) -> dict:
    (block,) = DATA_BLOCK.findall(page)
    return unpack(json.loads(block))


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


def test_render_page_loads_no_external_resources(page):
    tags = _tags(page)
    for tag, attrs in tags:
        for name in ("src", "href", "action", "srcset", "data", "poster"):
            assert attrs.get(name) is None, f"<{tag} {name}={attrs.get(name)!r}> loads a resource"
    assert not [t for t, _ in tags if t in ("link", "iframe", "object", "embed", "img", "base")]
    assert [a.get("type") for t, a in tags if t == "script"] == ["application/json", None, None]
    assert "@import" not in page
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", page)


def test_render_urls_only_in_data_and_vendored_license_text(page):
    """Every http(s) URL outside the JSON data block is one already in pyvis's vis-network files
    (license comments, the SVG namespace); none comes from pyvis's CDN templates."""
    vendored = "".join((files("pyvis") / "lib" / "vis-9.1.2" / f).read_text(encoding="utf-8")
                       for f in ("vis-network.min.js", "vis-network.css"))
    outside = DATA_BLOCK.sub("", page)
    urls = set(re.findall(r"https?://[^\s\"'()<>]+", outside))
    assert urls <= set(re.findall(r"https?://[^\s\"'()<>]+", vendored))
    for cdn in ("cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "bootstrap", "tom-select"):
        assert cdn not in page


def test_render_csp_forbids_network(page):
    assert "default-src 'none'" in page


def test_render_json_for_script_escapes():
    text = json_for_script({"a": "</script><!-- & \u2028\u2029 >"})
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == {"a": "</script><!-- & \u2028\u2029 >"}


def test_render_hostile_strings_stay_data(hostile):
    html = render_html(hostile, title="<script>alert(7)</script>")
    (block,) = DATA_BLOCK.findall(html)
    assert not set(block) & set("<>&\u2028\u2029")
    data = unpack(json.loads(block))
    assert HOSTILE_LABEL in [n["label"] for n in data["nodes"]]
    assert data["statements"][0]["text"] == "</script><script>window.__pwned='statement'</script>"
    assert "\u2028" in data["articles"][0]["headline"]
    assert "__pwned" not in DATA_BLOCK.sub("", html)  # nothing hostile outside the data block
    assert "<title>&lt;script&gt;alert(7)&lt;/script&gt;</title>" in html
    assert html.count("</script>") == 3
    # template markers inside data are not expanded
    assert "{{DATA}}" in [a for n in data["nodes"] for a in n["aliases"]]


def test_render_scripts_insert_text_only():
    js = "".join((files("rightsgraph") / "assets" / f).read_text(encoding="utf-8")
                 for f in ("panel.js", "controls.js", "main.js"))
    sinks = re.findall(r"\.(?:inner|outer)HTML\b|insertAdjacentHTML|document\.write|\beval\(|new Function",
                       js)
    assert sinks == []
    assert "textContent" in js


def test_render_legend_lists_types_and_predicates(page):
    for kind, label in (("person", "Person"), ("organization", "Organization"), ("event", "Event"),
                        ("case", "Case person"), ("issue", "Issue")):
        assert f'data-kind="{kind}"' in page
        assert label in page
    for pred in PREDICATES:
        assert f'data-predicate="{pred}"' in page
    assert 'id="legend"' in page


def test_render_deterministic(small, page):
    assert render_html(small, title="Small graph") == page
    shuffled = Graph()
    for t in sorted(small, reverse=True):
        shuffled.add(t)
    assert render_html(shuffled, title="Small graph") == page


def test_render_data_nodes_edges_statements(page):
    data = data_of(page)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert len(nodes) == 9 and len(data["edges"]) == 6
    sizes = [n["size"] for n in data["nodes"]]
    assert sizes == sorted(sizes, reverse=True)  # most central first: the overview draws the head
    posner = nodes[POSNER]
    assert posner["affiliations"] == ["U.S. Department of State"]
    assert posner["years"] == ["2012"]
    assert nodes[KEGUI]["size"] > nodes[ID + "issue/tibet"]["size"]  # size follows centrality
    assert nodes[KEGUI]["shape"] == "diamond"
    raised = next(e for e in data["edges"] if e["predicate"] == "raised")
    assert (raised["from"], raised["to"], raised["label"]) == (POSNER, KEGUI, "raised")
    assert raised["evidence"][0]["sentence"].startswith("Assistant Secretary Michael Posner raised")
    (st,) = data["statements"]
    assert (st["speaker"], st["stance"], st["kind"], st["headline"]) == (
        SOPHIE, "Critical", "Direct", "Rights talks open in Washington")
    assert data["options"]["layout"]["randomSeed"] == 7
    assert data["options"]["physics"]["stabilization"]["iterations"] <= 400


def test_render_min_confidence(small):
    data = page_data(small, min_confidence=0.85)
    assert "criticizes" not in [e["predicate"] for e in data["edges"]]
    assert data["minConfidence"] == 0.85


def test_render_focus_limits_to_neighbourhood(small):
    data = page_data(small, focus="posner", depth=1)
    assert data["focus"] == POSNER
    assert {n["id"] for n in data["nodes"]} == {POSNER, KEGUI, ID + "org/us-department-of-state"}


def test_render_unknown_focus_lists_close_matches(small):
    with pytest.raises(RenderError, match="close matches: .*Posner") as err:
        render_html(small, focus="Posnr")
    assert isinstance(err.value, RightsgraphError)


def test_render_rows_to_graph_select_rows(small):
    rows = [(URIRef(POSNER), Literal("x")), (URIRef(KEGUI), None)]
    sub = rows_to_graph(small, rows)
    data = page_data(sub)
    assert {n["id"] for n in data["nodes"]} == {POSNER, KEGUI}
    (edge,) = data["edges"]
    assert edge["predicate"] == "raised" and edge["evidence"][0]["headline"]


def test_render_rows_to_graph_result_and_vars(small):
    result = small.query("SELECT ?who ?what WHERE { ?who <https://w3id.org/rightsgraph/ns#raised> ?what }")
    assert {str(s) for s in rows_to_graph(small, result).subjects(RDF.type, None)} >= {POSNER, KEGUI}
    only_who = rows_to_graph(small, result, vars=["who"])
    assert {n["id"] for n in page_data(only_who)["nodes"]} == {POSNER}


def test_render_rows_to_graph_keeps_statements_and_labels(small):
    data = page_data(rows_to_graph(small, [{"x": URIRef(SOPHIE)}]))
    assert [s["speaker"] for s in data["statements"]] == [SOPHIE]
    assert data["statements"][0]["aboutLabel"] == "US-China Human Rights Dialogue"


def test_render_rows_to_graph_construct_graph(small):
    construct = Graph()
    construct.add((URIRef(SOPHIE), RG.criticizes, URIRef(ID + "event/us-china-human-rights-dialogue")))
    data = page_data(rows_to_graph(small, construct))
    assert [e["predicate"] for e in data["edges"]] == ["criticizes"]


def test_render_rows_to_graph_without_entities(small):
    with pytest.raises(RenderError, match="entity"):
        rows_to_graph(small, [(Literal("Posner"),)])
    assert len(rows_to_graph(small, [])) == 0


def test_render_tolerates_untyped_article_and_missing_labels(small):
    g = Graph()
    g += small
    g.add((URIRef(POSNER), RG.mentionedIn, URIRef(ID + "article/not-typed")))
    g.remove((URIRef(KEGUI), None, Literal("Chen Kegui")))
    data = page_data(g)
    assert [a["id"] for a in data["articles"]] == [ID + "article/a1"]
    assert next(n for n in data["nodes"] if n["id"] == KEGUI)["label"] == "chen-kegui"


def test_render_empty_graph():
    data = data_of(render_html(Graph()))
    assert data["nodes"] == [] and data["edges"] == []


def test_render_canvas_labels_are_short_and_isolated():
    from rightsgraph.render import CANVAS_LABEL, canvas_label

    assert canvas_label("Chen Kegui") == "\u2068Chen Kegui\u2069"
    long = canvas_label("x" * 10_000)
    assert len(long) == CANVAS_LABEL + 2 and long.endswith("\u2026\u2069")
    assert canvas_label("evil\u202eeman") == "\u2068evil\u202eeman\u2069"  # the override stays inside


def test_render_pack_round_trips(small):
    data = page_data(small)
    back = unpack(pack(data))
    without_score = {n["id"]: {k: v for k, v in n.items() if k != "score"} for n in data["nodes"]}
    assert {n["id"]: n for n in back["nodes"]} == without_score
    assert back["edges"] == data["edges"] and back["statements"] == data["statements"]
    assert back["articles"] == data["articles"] and back["options"] == data["options"]


def test_render_pack_stores_each_string_once_and_orders_nodes_by_centrality(small):
    data = page_data(small)
    packed = pack(data, overview=3)
    assert len(packed["strings"]) == len(set(packed["strings"]))
    cited = [ev["sentence"] for e in data["edges"] for ev in e["evidence"]]
    cited += [s["sentence"] for s in data["statements"]]
    assert set(cited) <= set(packed["strings"])
    scores = {n["id"]: n["score"] for n in data["nodes"]}
    ranked = [scores[n[0]] for n in packed["nodes"]]
    assert ranked == sorted(ranked, reverse=True) and packed["overview"] == 3
