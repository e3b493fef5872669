"""The rendered page in headless Chromium: offline, searchable, filterable, evidence on click, XSS-proof.

Needs the system Chromium at /usr/bin/chromium (Debian package `chromium`; CI installs it).
Playwright's own browser downloads are never used. Run only these with `pytest -m browser`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from rightsgraph.render import render_html

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DATA = Path(__file__).parent / "data"
SCREENSHOT = Path(__file__).parent.parent / "test-output" / "sample-graph.png"
ID = "https://w3id.org/rightsgraph/id/"
POSNER, KEGUI, HRW = ID + "person/michael-posner", ID + "person/chen-kegui", ID + "org/human-rights-watch"
SOPHIE, STATE = ID + "person/sophie-richardson", ID + "org/us-department-of-state"
RAISED_SENTENCE = "Assistant Secretary Michael Posner raised the case of Chen Kegui."


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} not found: install the system browser (apt-get install chromium); "
                    "the browser tests never download one", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("pages")
    files = {}
    for name in ("small_graph", "hostile_graph"):
        path = out / f"{name}.html"
        path.write_text(render_html(Graph().parse(DATA / f"{name}.ttl"), title=name), encoding="utf-8")
        files[name] = path.as_uri()
    return files


class Opened:
    """A loaded page plus everything it asked the network for and complained about."""

    def __init__(self, browser, url: str, *, csp: bool = False, viewport: tuple[int, int] = (1400, 850)):
        # bypass_csp by default: the page's own CSP would hide requests and injected scripts we test for
        self.context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                           bypass_csp=not csp)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", self._dialog)
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready=true]", state="attached", timeout=30_000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def _console(self, message) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def js(self, expr: str, arg=None):
        return self.page.evaluate(expr, arg)

    def hidden_edges(self) -> set[str]:
        return set(self.js("() => window.rightsgraph.edges.get({filter: e => e.hidden}).map(e => e.id)"))

    def visible_nodes(self) -> set[str]:
        return set(self.js("() => window.rightsgraph.nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def click_canvas(self, point: dict) -> None:
        box = self.page.locator("#network").bounding_box()
        self.page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])

    def click_node(self, node_id: str) -> None:
        where = "id => window.network.canvasToDOM(window.network.getPositions([id])[id])"
        self.click_canvas(self.js(where, node_id))

    def edge_id(self, predicate: str) -> str:
        return self.js("p => window.rightsgraph.data.edges.find(e => e.predicate === p).id", predicate)


@pytest.fixture
def small(browser, pages):
    opened = Opened(browser, pages["small_graph"])
    yield opened
    opened.context.close()


def test_browser_offline_no_console_errors_with_csp(browser, pages):
    opened = Opened(browser, pages["small_graph"], csp=True)  # as users get it: CSP enforced
    try:
        assert opened.js("() => window.rightsgraphReady") is True
        assert opened.js("() => window.rightsgraphStabilizedMs") > 0
        assert opened.js("() => window.network.physics.options.enabled") is False  # stabilized, then stopped
        assert opened.requests == [pages["small_graph"]]
        assert opened.errors == []  # CSP violations would be console errors
    finally:
        opened.context.close()


def test_browser_no_requests_outside_the_file(small, pages):
    small.click_node(SOPHIE)  # panels, tooltips and selection make no requests either
    small.page.mouse.move(10, 10)
    assert all(u == pages["small_graph"] or u.startswith("data:") for u in small.requests), small.requests
    assert small.errors == []


def test_browser_search_focuses_node(small):
    small.page.fill("#search", "hrw")
    small.page.press("#search", "Enter")
    assert small.js("() => window.network.getSelectedNodes()") == [HRW]
    assert small.page.text_content("#panel-body h2") == "Human Rights Watch"
    small.page.fill("#search", "Assistant Secretary Posner")
    small.page.click("#search-form button")
    assert small.js("() => window.network.getSelectedNodes()") == [POSNER]
    small.page.fill("#search", "nobody at all")
    small.page.press("#search", "Enter")
    assert "No entity matches" in small.page.text_content("#search-status")


def test_browser_predicate_filter_hides_edges(small):
    member_edges = set(small.js(
        "() => window.rightsgraph.data.edges.filter(e => e.predicate === 'memberOf').map(e => e.id)"))
    assert len(member_edges) == 2 and small.hidden_edges() == set()
    small.page.uncheck("input[data-predicate=memberOf]")
    assert small.hidden_edges() == member_edges
    assert "4 of 6 relations" in small.page.text_content("#counts")
    small.page.check("input[data-predicate=memberOf]")
    assert small.hidden_edges() == set()


def test_browser_type_stance_confidence_filters(small):
    small.page.uncheck("input[data-kind=case]")
    assert KEGUI not in small.visible_nodes()
    assert small.edge_id("raised") in small.hidden_edges()  # its endpoint is hidden
    small.page.check("input[data-kind=case]")
    small.page.select_option("#f-stance", "Critical")
    assert small.visible_nodes() == {SOPHIE, ID + "event/us-china-human-rights-dialogue"}
    small.page.click("#reset")
    small.page.locator("#f-confidence").fill("0.85")
    hidden = small.hidden_edges()
    assert small.edge_id("criticizes") in hidden and small.edge_id("raised") not in hidden
    small.page.select_option("#f-year", "2012")
    small.page.select_option("#f-article", ID + "article/a1")
    assert len(small.visible_nodes()) == 9


def test_browser_neighbourhood_of_selected_node(small):
    small.click_node(POSNER)
    assert small.js("() => window.network.getSelectedNodes()") == [POSNER]
    small.page.click("#hood")
    assert small.visible_nodes() == {POSNER, KEGUI, STATE}
    small.page.fill("#hood-depth", "2")
    small.page.dispatch_event("#hood-depth", "change")
    assert len(small.visible_nodes()) == 5
    small.page.click("#reset")
    assert len(small.visible_nodes()) == 9


def test_browser_click_edge_shows_sentence(small):
    edge = small.edge_id("raised")
    small.click_canvas(small.js("id => window.rightsgraph.edgeMidpointDOM(id)", edge))
    assert small.js("() => window.network.getSelectedEdges()") == [edge]
    panel = small.page.text_content("#panel")
    assert RAISED_SENTENCE in panel
    assert "Rights talks open in Washington" in panel and "2012-07-24" in panel


def test_browser_click_node_shows_details_and_statements(small):
    small.click_node(SOPHIE)
    panel = small.page.text_content("#panel")
    for text in ("Sophie Richardson", "Richardson", "China director", "Human Rights Watch",
                 "The talks are a smoke screen,", "Critical", "direct"):
        assert text in panel
    small.click_node(KEGUI)
    assert "Detained" in small.page.text_content("#panel")
    small.click_node(SOPHIE)  # leave an informative view for the screenshot
    SCREENSHOT.parent.mkdir(exist_ok=True)
    small.page.screenshot(path=str(SCREENSHOT))


def test_browser_hostile_labels_do_not_execute(browser, pages):
    opened = Opened(browser, pages["hostile_graph"])
    try:
        page = opened.page
        evil = ID + "person/evil"
        opened.click_node(evil)
        page.mouse.move(0, 0)
        opened.click_node(evil)  # hover + click: tooltip and panel
        page.wait_for_timeout(400)
        tooltip = page.locator("div.vis-tooltip")  # vis shows the title element we built with textContent
        assert "onerror" in tooltip.text_content() and tooltip.locator("img, b, script").count() == 0
        label = page.text_content("#panel-body h2")
        assert label == "</script><img src=x onerror=\"window.__pwned='label';alert(1)\">"
        assert "</script><script>window.__pwned='statement'</script>" in page.text_content("#panel")
        met = opened.edge_id("metWith")
        opened.click_canvas(opened.js("id => window.rightsgraph.edgeMidpointDOM(id)", met))
        assert "<svg onload" in page.text_content("#panel")
        page.fill("#search", "{{DATA}}")
        page.press("#search", "Enter")
        assert opened.js("() => window.network.getSelectedNodes()") == [evil]
        assert opened.js("() => typeof window.__pwned") == "undefined"
        assert opened.dialogs == []
        assert page.locator("#panel img, #panel svg, #panel script, #panel b").count() == 0
        assert opened.js("() => document.querySelectorAll('script').length") == 3
        assert all(u == pages["hostile_graph"] or u.startswith("data:") for u in opened.requests)
        assert opened.errors == []
        page.screenshot(path=str(SCREENSHOT.with_name("hostile-graph.png")))
    finally:
        opened.context.close()


def test_browser_sample_corpus_page(browser):
    """The committed page of the sample corpus (graph/rightsgraph.html): offline, clean, searchable."""
    page_file = Path(__file__).parent.parent / "graph" / "rightsgraph.html"
    opened = Opened(browser, page_file.as_uri())
    try:
        assert [u for u in opened.requests if u != page_file.as_uri()] == []
        assert opened.errors == []
        opened.page.fill("#search", "Mr. Posner")
        opened.page.keyboard.press("Enter")
        assert opened.js("() => window.network.getSelectedNodes()") == [POSNER]
        opened.page.screenshot(path=str(SCREENSHOT.with_name("sample-corpus.png")))
    finally:
        opened.context.close()


def _big_graph(hubs: int = 20, leaves: int = 34) -> Graph:
    """hubs x leaves people around `hubs` organisations in a ring: more entities than the page's
    overview draws (render.OVERVIEW), so some are left for search and expansion."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS

    from rightsgraph.vocab import RG, SCHEMA

    g = Graph()
    for h in range(hubs):
        hub = URIRef(f"{ID}org/hub-{h:02d}")
        g.add((hub, RDF.type, SCHEMA.Organization))
        g.add((hub, RDFS.label, Literal(f"Hub {h:02d}")))
        g.add((hub, RG.metWith, URIRef(f"{ID}org/hub-{(h + 1) % hubs:02d}")))
        for leaf in range(leaves):
            person = URIRef(f"{ID}person/leaf-{h:02d}-{leaf:02d}")
            g.add((person, RDF.type, SCHEMA.Person))
            g.add((person, RDFS.label, Literal(f"Leaf {h:02d}-{leaf:02d}")))
            g.add((person, RG.memberOf, hub))
    return g


@pytest.fixture(scope="module")
def big_page(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("big") / "big.html"
    path.write_text(render_html(_big_graph(), title="big"), encoding="utf-8")
    return path.as_uri()


@pytest.mark.parametrize("viewport", [(1400, 850), (1024, 640)])
def test_browser_overview_search_and_expand(browser, big_page, viewport):
    from rightsgraph.render import OVERVIEW

    opened = Opened(browser, big_page, viewport=viewport)
    try:
        total = opened.js("() => window.rightsgraph.data.nodes.length")
        assert total == 20 + 20 * 34 > OVERVIEW
        assert opened.js("() => window.rightsgraph.nodes.length") == OVERVIEW  # the overview only
        assert opened.js("id => window.rightsgraph.drawn.has(id)", ID + "org/hub-07")  # the central ones
        assert f"of {total} entities" in opened.page.text_content("#counts")
        last = opened.js("() => window.rightsgraph.data.nodes[window.rightsgraph.data.nodes.length - 1]")
        assert not opened.js("id => window.rightsgraph.drawn.has(id)", last["id"])
        opened.page.fill("#search", last["label"])  # search reaches an entity not drawn at first
        opened.page.press("#search", "Enter")
        assert opened.js("() => window.network.getSelectedNodes()") == [last["id"]]
        assert opened.js("id => window.rightsgraph.nodes.get(id) !== null", last["id"])
        assert opened.page.text_content("#panel-body h2") == last["label"]
        hub = last["affiliations"][0]
        hub_id = opened.js("l => window.rightsgraph.data.nodes.find(n => n.label === l).id", hub)
        opened.page.fill("#search", "")
        before = opened.js("() => window.rightsgraph.drawn.size")
        undrawn = opened.js("id => window.rightsgraph.undrawnNeighbours(id).length", hub_id)
        assert undrawn > 0
        opened.click_node(hub_id)  # a click expands the neighbourhood
        after = opened.js("() => window.rightsgraph.drawn.size")
        assert after == before + undrawn
        assert opened.js("id => window.rightsgraph.undrawnNeighbours(id).length", hub_id) == 0
        # the new ones find room in a short physics run with the rest pinned, then physics stops
        opened.page.wait_for_function("() => window.rightsgraphSettled >= 1", timeout=10_000)
        assert opened.js("() => window.network.physics.options.enabled") is False
        assert opened.errors == []
        name = f"big-graph-{viewport[0]}x{viewport[1]}.png"
        opened.page.screenshot(path=str(SCREENSHOT.with_name(name)))
    finally:
        opened.context.close()


@pytest.fixture
def sample_page(browser):
    page_file = Path(__file__).parent.parent / "graph" / "rightsgraph.html"
    opened = Opened(browser, page_file.as_uri())
    yield opened
    opened.context.close()


def test_browser_timeline_shows_the_rounds_and_filters_by_one(sample_page):
    page = sample_page.page
    page.click("#views button[data-view=timeline]")
    assert page.is_visible("#timeline-view") and not page.is_visible("#network-wrap")
    rows = page.locator("#timeline tr.round-row")
    labels = [rows.nth(i).locator("td").nth(1).text_content() for i in range(rows.count())]
    assert labels == ["US-China Human Rights Dialogue, round 16 (Beijing, 2011-04)",
                      "US-China Human Rights Dialogue, round 17 (Washington, 2012-07)"]
    assert rows.nth(0).locator("td").nth(0).text_content() == "2011-04-27"
    assert "15" not in rows.nth(0).locator("td").nth(3).text_content()  # one article, not a statement count
    counts = rows.nth(1).locator("td").nth(4).text_content()
    assert "1 critical" in counts and "2 supportive" in counts and "6 neutral" in counts
    page.screenshot(path=str(SCREENSHOT.with_name("sample-timeline.png")))
    rows.nth(1).click()  # filter the network by round 17
    assert page.is_visible("#network-wrap")
    assert sample_page.js("() => window.rightsgraph.state.round") == ID + "round/17"
    shown = sample_page.visible_nodes()
    assert shown and all(ID + "round/17" in sample_page.js("id => window.rightsgraph.nodeById[id].rounds", n)
                         for n in shown)
    assert sample_page.errors == []


def test_browser_statements_table_filters_and_csv(sample_page, tmp_path):
    import csv
    import io

    page = sample_page.page
    page.set_viewport_size({"width": 1024, "height": 640})
    page.click("#views button[data-view=table]")
    total = sample_page.js("() => window.rightsgraph.data.statements.length")
    assert page.locator("#statements-table tbody tr").count() == total > 0
    page.select_option("#t-stance", "Critical")
    critical = sample_page.js("() => window.rightsgraph.data.statements.filter(s => s.stance === 'Critical').length")
    assert page.locator("#statements-table tbody tr").count() == critical
    stances = page.locator("#statements-table tbody tr td:nth-child(2)").all_text_contents()
    assert set(stances) == {"Critical"}
    page.select_option("#t-round", ID + "round/16")
    in_round = page.locator("#statements-table tbody tr td:nth-child(3)").all_text_contents()
    assert in_round and set(in_round) == {"US-China Human Rights Dialogue, round 16 (Beijing, 2011-04)"}
    page.screenshot(path=str(SCREENSHOT.with_name("sample-statements-1024x640.png")))
    with page.expect_download() as download:
        page.click("#t-csv")
    path = tmp_path / "statements.csv"
    download.value.save_as(path)
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))
    assert len(rows) == len(in_round)
    assert {r["stance"] for r in rows} == {"Critical"} and all(r["headline"] and r["sentence"] for r in rows)
    assert sample_page.errors == []


def test_browser_csv_cells_cannot_run_as_formulas(sample_page):
    text = sample_page.js("""() => window.rightsgraph.statementsCSV([{speakerLabel: '=HYPERLINK("x")',
        speaker: 'a', stance: 'Critical', kind: 'Direct', round: '', text: 'said "no", twice\\nthen',
        sentence: '+1', headline: '-h', date: '2012-01-01', article: '@a'}])""")
    line = text.split("\r\n")[1]
    assert line.startswith('"\'=HYPERLINK(""x"")"')
    assert '"said ""no"", twice\nthen"' in line and ",'+1," in line and ",'-h," in line and line.endswith(",'@a")


def test_browser_case_status_history_and_stance_by_round(sample_page):
    page = sample_page.page
    page.fill("#search", "Chen Guangcheng")
    page.press("#search", "Enter")
    history = page.locator("#panel .history li")
    assert history.count() == 2
    assert "(current)" in history.nth(1).text_content() or "(current)" in history.nth(0).text_content()
    assert page.locator("#panel .history blockquote").first.text_content()
    speaker = sample_page.js("""() => { const R = window.rightsgraph;
        return R.data.statements.find(s => s.round && R.nodeById[s.speaker]).speaker; }""")
    sample_page.js("id => window.rightsgraph.search(window.rightsgraph.nodeById[id].label)", speaker)
    table = page.locator("#panel table.stance-rounds")
    assert table.count() == 1 and "round" in table.text_content()
    assert sample_page.errors == []
