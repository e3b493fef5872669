/* rightsgraph: search, filters (type, predicate, stance, article, year, confidence) and neighbourhood view.
 * Filtering toggles vis `hidden` flags so laid-out positions survive; only changed items are updated.
 * Filters see every entity; what they keep and the overview did not draw is drawn (RG.draw). */
(function () {
  "use strict";
  var RG = (window.rightsgraph = window.rightsgraph || {});
  var state = (RG.state = {
    kinds: {}, predicates: {}, stance: "", article: "", year: "", round: "", minConfidence: 0, hoodOf: null, depth: 1
  });
  RG.nodeHidden = {};
  RG.edgeHidden = {};

  function $(id) { return document.getElementById(id); }
  function fold(s) { return String(s).toLocaleLowerCase().trim(); }

  function edgePasses(e) {
    if (state.predicates[e.predicate] === false) return false;
    if (e.confidence < state.minConfidence) return false;
    if (state.article && e.articles.length && e.articles.indexOf(state.article) < 0) return false;
    if (state.year && e.years.length && e.years.indexOf(state.year) < 0) return false;
    if (state.round && e.articles.length && e.rounds.indexOf(state.round) < 0) return false;
    return true;
  }

  function stanceSet() {
    if (!state.stance) return null;
    var keep = new Set();
    RG.data.statements.forEach(function (s) {
      if (s.stance !== state.stance) return;
      if (s.speaker) keep.add(s.speaker);
      if (s.about) keep.add(s.about);
    });
    return keep;
  }

  function hoodSet() {
    if (!state.hoodOf || !RG.nodeById[state.hoodOf]) return null;
    var seen = new Set([state.hoodOf]);
    var frontier = [state.hoodOf];
    for (var d = 0; d < state.depth && frontier.length; d++) {
      var next = [];
      frontier.forEach(function (id) {
        (RG.edgesOf[id] || []).forEach(function (eid) {
          var e = RG.edgeById[eid];
          if (!edgePasses(e)) return;
          var other = e.from === id ? e.to : e.from;
          if (!seen.has(other)) { seen.add(other); next.push(other); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  //: a filter draws at most this many of the entities it keeps (the most central first)
  var FILTER_DRAWS = 300;
  //: names offered under the search box (a longer datalist makes typing slow)
  var NAME_SUGGESTIONS = 3000;

  function narrowed() {
    return state.stance !== "" || state.article !== "" || state.year !== "" || state.round !== "" ||
      state.hoodOf !== null;
  }

  /* Work out what every filter keeps, over all entities (drawn or not); draw what a narrowing
   * filter keeps (up to FILTER_DRAWS), and update only the drawn items whose state changed. */
  RG.applyFilters = function (opts) {
    var stance = stanceSet(), hood = hoodSet();
    var nodeChanges = [], edgeChanges = [], shownNodes = 0, shownEdges = 0, kept = [];
    RG.data.nodes.forEach(function (n) {
      var hide = state.kinds[n.kind] === false ||
        (stance !== null && !stance.has(n.id)) ||
        (state.article !== "" && n.articles.indexOf(state.article) < 0) ||
        (state.year !== "" && n.years.indexOf(state.year) < 0) ||
        (state.round !== "" && n.rounds.indexOf(state.round) < 0) ||
        (hood !== null && !hood.has(n.id));
      if (!hide) kept.push(n.id);
      if (RG.drawn.has(n.id) && hide !== !!RG.nodeHidden[n.id]) nodeChanges.push({ id: n.id, hidden: hide });
      RG.nodeHidden[n.id] = hide;
    });
    if (narrowed()) RG.draw(kept.slice(0, FILTER_DRAWS).filter(function (id) { return !RG.drawn.has(id); }));
    kept.forEach(function (id) { if (RG.drawn.has(id)) shownNodes++; });
    RG.data.edges.forEach(function (e) {
      var hide = !edgePasses(e) || RG.nodeHidden[e.from] || RG.nodeHidden[e.to];
      var drawn = RG.drawn.has(e.from) && RG.drawn.has(e.to);
      if (drawn && !hide) shownEdges++;
      if (drawn && hide !== !!RG.edgeHidden[e.id]) edgeChanges.push({ id: e.id, hidden: hide });
      RG.edgeHidden[e.id] = hide;
    });
    if (nodeChanges.length) RG.nodes.update(nodeChanges);
    if (edgeChanges.length) RG.edges.update(edgeChanges);
    var more = kept.length - shownNodes;
    $("counts").textContent = "Showing " + shownNodes + " of " + RG.data.nodes.length + " entities, " +
      shownEdges + " of " + RG.data.edges.length + " relations" +
      (more > 0 ? " (" + more + " more not drawn: search for them or click an entity to draw its neighbours)" : "");
    var sel = RG.network.getSelectedNodes().concat(RG.network.getSelectedEdges());
    if (sel.some(function (id) { return RG.nodeHidden[id] || RG.edgeHidden[id]; })) RG.network.unselectAll();
    if (window.rightsgraphReady && !(opts && opts.keepView) && (nodeChanges.length || edgeChanges.length)) RG.refit();
  };

  /* Fit the view to what the filters left, so a handful of remaining nodes is not drawn tiny. */
  RG.refit = function () {
    var shown = Array.from(RG.drawn).filter(function (id) { return !RG.nodeHidden[id]; });
    if (shown.length) RG.network.fit({ nodes: shown, animation: false });
  };

  function toggle(buttonId, paneId) {
    var button = $(buttonId), pane = $(paneId);
    button.addEventListener("click", function () {
      var collapsed = pane.classList.toggle("collapsed");
      button.setAttribute("aria-expanded", collapsed ? "false" : "true");
      RG.network.redraw();
      RG.refit();
    });
  }

  RG.findNode = function (query) {
    var q = fold(query);
    if (!q) return null;
    if (RG.nodeById[query]) return query;
    var tests = [
      function (n) { return fold(n.label) === q; },
      function (n) { return n.aliases.some(function (a) { return fold(a) === q; }); },
      function (n) { return fold(n.label).indexOf(q) === 0; },
      function (n) { return fold(n.label).indexOf(q) >= 0 || n.aliases.some(function (a) { return fold(a).indexOf(q) >= 0; }); }
    ];
    for (var i = 0; i < tests.length; i++) {
      var hit = RG.data.nodes.filter(tests[i]);
      if (hit.length) return hit[0].id;
    }
    return null;
  };

  /* Filter the network by one round (the timeline's rows do this). */
  RG.filterRound = function (id) {
    state.round = id;
    $("f-round").value = id;
    RG.applyFilters();
  };

  RG.focusNode = function (id) {
    RG.network.selectNodes([id]);
    RG.network.focus(id, { scale: 1.3, animation: { duration: 250, easingFunction: "easeInOutQuad" } });
    RG.showNode(id);
  };

  RG.selectEdge = function (id) {
    var e = RG.edgeById[id];
    if (e && RG.draw([e.from, e.to])) RG.applyFilters({ keepView: true });
    RG.network.setSelection({ nodes: [], edges: [id] }, { unselectAll: true, highlightEdges: false });
    RG.showEdge(id);
  };

  RG.search = function (query) {
    var status = $("search-status");
    var id = RG.findNode(query);
    if (id === null) { status.textContent = "No entity matches \u201c" + query + "\u201d"; return null; }
    if (RG.nodeHidden[id]) {
      status.textContent = RG.nodeById[id].label + " is hidden by the filters; press \u201cShow everything\u201d";
      return null;
    }
    status.textContent = "";
    RG.expand(id); // an entity the overview left out is drawn now, with its neighbours
    RG.focusNode(id);
    return id;
  };

  /* DOM coordinates (relative to the network element) of the middle of an edge, for tests and tools. */
  RG.edgeMidpointDOM = function (id) {
    var body = RG.network.body.edges[id], p;
    if (body && body.edgeType && body.edgeType.getPoint) p = body.edgeType.getPoint(0.5);
    else {
      var e = RG.edgeById[id], pos = RG.network.getPositions([e.from, e.to]);
      p = { x: (pos[e.from].x + pos[e.to].x) / 2, y: (pos[e.from].y + pos[e.to].y) / 2 };
    }
    return RG.network.canvasToDOM(p);
  };

  RG.fillSelect = fillSelect;
  function fillSelect(select, items) {
    items.forEach(function (item) {
      var opt = document.createElement("option");
      opt.value = item[0];
      opt.textContent = item[1];
      select.appendChild(opt);
    });
  }

  RG.initControls = function () {
    toggle("toggle-controls", "controls");
    toggle("toggle-panel", "panel");
    document.querySelectorAll("input[data-kind]").forEach(function (box) {
      state.kinds[box.dataset.kind] = box.checked;
      box.addEventListener("change", function () { state.kinds[box.dataset.kind] = box.checked; RG.applyFilters(); });
    });
    document.querySelectorAll("input[data-predicate]").forEach(function (box) {
      state.predicates[box.dataset.predicate] = box.checked;
      box.addEventListener("change", function () {
        state.predicates[box.dataset.predicate] = box.checked; RG.applyFilters();
      });
    });
    fillSelect($("f-article"), RG.data.articles.map(function (a) {
      return [a.id, (a.headline || a.id) + (a.date ? " (" + a.date + ")" : "")];
    }));
    var years = [];
    RG.data.articles.forEach(function (a) {
      var y = (a.date || "").slice(0, 4);
      if (/^\d{4}$/.test(y) && years.indexOf(y) < 0) years.push(y);
    });
    fillSelect($("f-year"), years.sort().map(function (y) { return [y, y]; }));
    fillSelect($("f-round"), RG.data.rounds.map(function (r) { return [r.id, r.label]; }));
    [["f-stance", "stance"], ["f-article", "article"], ["f-year", "year"], ["f-round", "round"]].forEach(function (pair) {
      $(pair[0]).addEventListener("change", function () { state[pair[1]] = $(pair[0]).value; RG.applyFilters(); });
    });
    var conf = $("f-confidence");
    state.minConfidence = parseFloat(conf.value) || 0;
    conf.addEventListener("input", function () {
      state.minConfidence = parseFloat(conf.value) || 0;
      $("f-confidence-value").textContent = conf.value;
      RG.applyFilters();
    });
    $("hood").addEventListener("click", function () {
      var sel = RG.network.getSelectedNodes()[0] || ($("panel-body").dataset.kind === "node" && $("panel-body").dataset.id);
      if (!sel) return;
      state.hoodOf = sel;
      state.depth = Math.max(1, parseInt($("hood-depth").value, 10) || 1);
      RG.applyFilters();
      RG.network.fit({ nodes: Array.from(hoodSet() || []).filter(function (id) { return RG.drawn.has(id); }),
        animation: false });
    });
    $("hood-depth").addEventListener("change", function () {
      state.depth = Math.max(1, parseInt($("hood-depth").value, 10) || 1);
      if (state.hoodOf) RG.applyFilters();
    });
    $("reset").addEventListener("click", function () {
      document.querySelectorAll("input[data-kind], input[data-predicate]").forEach(function (box) {
        box.checked = true;
        state[box.dataset.kind ? "kinds" : "predicates"][box.dataset.kind || box.dataset.predicate] = true;
      });
      ["f-stance", "f-article", "f-year", "f-round"].forEach(function (id) { $(id).value = ""; });
      state.stance = state.article = state.year = state.round = "";
      conf.value = "0"; $("f-confidence-value").textContent = "0"; state.minConfidence = 0;
      state.hoodOf = null;
      RG.applyFilters();
      RG.network.fit({ animation: false });
    });
    var names = $("names"), seen = new Set();
    RG.data.nodes.forEach(function (n) {
      [n.label].concat(n.aliases).forEach(function (name) {
        // suggestions for the most central names; the search itself reaches every entity
        if (seen.has(name) || seen.size >= NAME_SUGGESTIONS) return;
        seen.add(name);
        var opt = document.createElement("option");
        opt.value = name;
        names.appendChild(opt);
      });
    });
    $("search-form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      RG.search($("search").value);
    });
  };
})();
