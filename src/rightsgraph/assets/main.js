/* rightsgraph: read the compact JSON data block (render.pack), draw the overview (the most central
 * entities), stabilize once, then stop physics. More entities are drawn as filters, search and
 * clicks ask for them (RG.draw). Sets window.rightsgraphReady = true and
 * window.rightsgraphStabilizedMs (ms since navigation start). */
(function () {
  "use strict";
  var RG = (window.rightsgraph = window.rightsgraph || {});
  var VIS_NODE = ["id", "label", "shape", "size", "color", "font", "borderWidth", "x", "y"];
  var VIS_EDGE = ["id", "from", "to", "label", "color", "dashes", "width", "arrows", "smooth", "font"];
  //: most neighbours a click or a search draws at once (the most central first)
  var EXPAND = 60;

  function pick(item, keys) {
    var out = {};
    keys.forEach(function (k) { if (item[k] !== undefined) out[k] = item[k]; });
    return out;
  }
  function push(map, key, value) {
    (map[key] = map[key] || []).push(value);
  }
  function canvasLabel(label, max) {
    var short = label.length <= max ? label : label.slice(0, max - 1).replace(/\s+$/, "") + "\u2026";
    return "\u2068" + short + "\u2069"; // isolated: bidi text inside cannot reorder what is around it
  }
  function years(ids, byId) {
    var out = [];
    ids.forEach(function (a) {
      var y = ((byId[a] || {}).date || "").slice(0, 4);
      if (/^\d{4}$/.test(y) && out.indexOf(y) < 0) out.push(y);
    });
    return out.sort();
  }

  /* render.pack -> the objects the panels and filters read (render.unpack is the same in Python). */
  function unpack(p) {
    var str = p.strings, style = p.style;
    function s(i) { return i >= 0 ? str[i] : null; }
    var rounds = p.rounds.map(function (r) {
      return { id: r[0], label: s(r[1]) || "", ordinal: r[2], start: r[3], location: s(r[4]) || "" };
    });
    function rnd(i) { return i >= 0 ? rounds[i].id : ""; }
    var articles = p.articles.map(function (a) {
      return { id: a[0], headline: s(a[1]) || "", date: a[2], publisher: s(a[3]) || "", round: rnd(a[4]) };
    });
    function roundsOf(ids) {
      var out = [];
      ids.forEach(function (a) { var r = (byId[a] || {}).round; if (r && out.indexOf(r) < 0) out.push(r); });
      return out;
    }
    var byId = {};
    articles.forEach(function (a) { byId[a.id] = a; });
    function art(i) { return i >= 0 ? articles[i].id : ""; }
    var nodes = p.nodes.map(function (n, rank) {
      var look = style.kinds[n[2]] || style.kinds.other, label = s(n[1]) || "", ids = n[11].map(art);
      return {
        id: n[0], label: label, canvasLabel: canvasLabel(label, style.canvasLabel), shape: look.shape,
        size: n[3], font: { size: n[4] }, x: n[5], y: n[6], rank: rank,
        color: { background: look.color, border: look.border,
          highlight: { background: look.color, border: "#000000" }, hover: { background: look.color, border: "#000000" } },
        kind: n[2], aliases: n[7].map(s), role: s(n[8]), status: n[9] || null,
        affiliations: n[10].map(s), articles: ids, years: years(ids, byId), rounds: roundsOf(ids),
        statusHistory: n[12].map(function (c) {
          var a = c[2] >= 0 ? articles[c[2]] : null;
          return { status: c[0], sentence: s(c[1]) || "", headline: a ? a.headline : "", date: a ? a.date : "",
            article: a ? a.id : "" };
        })
      };
    });
    var edges = p.edges.map(function (e, i) {
      var look = style.predicates[e[2]];
      var evidence = e[4].map(function (ev) {
        var a = ev[1] >= 0 ? articles[ev[1]] : null;
        return { sentence: s(ev[0]) || "", headline: a ? a.headline : "", date: a ? a.date : "", article: a ? a.id : "" };
      });
      var ids = [];
      evidence.forEach(function (ev) { if (ev.article && ids.indexOf(ev.article) < 0) ids.push(ev.article); });
      ids.sort();
      var edge = {
        from: nodes[e[0]].id, to: nodes[e[1]].id, id: "e" + i, label: e[2], predicate: e[2],
        color: { color: look.color, highlight: look.color, hover: look.color }, dashes: look.dashes,
        width: Math.round((1 + 2 * e[3]) * 100) / 100, confidence: e[3], evidence: evidence,
        articles: ids, years: years(ids, byId), rounds: roundsOf(ids)
      };
      if (e[5]) edge.smooth = { enabled: true, type: "curvedCW", roundness: e[5] };
      if (style.symmetric.indexOf(e[2]) >= 0) edge.arrows = { to: { enabled: false } };
      return edge;
    });
    var statements = p.statements.map(function (t) {
      var a = t[9] >= 0 ? articles[t[9]] : null;
      return {
        id: t[10], speaker: t[0] >= 0 ? nodes[t[0]].id : "", speakerLabel: s(t[1]) || "",
        about: t[2] >= 0 ? nodes[t[2]].id : "", aboutLabel: s(t[3]) || "", text: s(t[4]) || "",
        kind: t[5], stance: t[6], confidence: t[7], sentence: s(t[8]) || "",
        headline: a ? a.headline : "", date: a ? a.date : "", article: a ? a.id : "", round: rnd(t[11])
      };
    });
    return { title: p.title, focus: p.focus, minConfidence: p.minConfidence, kinds: p.kinds, options: p.options,
      overview: p.overview, nodes: nodes, edges: edges, statements: statements, articles: articles, rounds: rounds };
  }

  var timings = (window.rightsgraphTimings = { scriptStart: Math.round(performance.now()) });
  var data = unpack(JSON.parse(document.getElementById("rightsgraph-data").textContent));
  timings.dataParsed = Math.round(performance.now());
  RG.data = data;
  RG.nodeById = {};
  RG.edgeById = {};
  RG.edgesOf = {};
  RG.saidBy = {};
  RG.saidAbout = {};
  RG.drawn = new Set(); // entities in the vis DataSet (drawn unless a filter hides them)
  RG.roundById = {};
  data.rounds.forEach(function (r) { RG.roundById[r.id] = r; });
  data.nodes.forEach(function (n) { RG.nodeById[n.id] = n; });
  data.edges.forEach(function (e) {
    RG.edgeById[e.id] = e;
    push(RG.edgesOf, e.from, e.id);
    if (e.to !== e.from) push(RG.edgesOf, e.to, e.id);
  });
  data.statements.forEach(function (s) {
    if (s.speaker) push(RG.saidBy, s.speaker, s);
    if (s.about) push(RG.saidAbout, s.about, s);
  });

  function visNode(n) {
    var item = pick(n, VIS_NODE);
    item.label = n.canvasLabel; // short and bidi-isolated; panels and search use the full label
    item.title = RG.nodeTooltip(n); // a DOM element: vis shows it as-is, no HTML parsing
    item.hidden = !!RG.nodeHidden[n.id];
    return item;
  }
  function visEdge(e) {
    var item = pick(e, VIS_EDGE);
    item.title = RG.edgeTooltip(e);
    item.hidden = !!RG.edgeHidden[e.id];
    return item;
  }
  RG.nodeHidden = RG.nodeHidden || {};
  RG.edgeHidden = RG.edgeHidden || {};
  var first = data.nodes.slice(0, data.focus ? data.nodes.length : data.overview);
  first.forEach(function (n) { RG.drawn.add(n.id); });
  RG.nodes = new vis.DataSet(first.map(visNode));
  RG.edges = new vis.DataSet(data.edges.filter(function (e) {
    return RG.drawn.has(e.from) && RG.drawn.has(e.to);
  }).map(visEdge));

  /* Draw more entities (ids not drawn yet), each near `anchor` when given (else near a drawn
   * neighbour, else beside the drawing), with the relations between them and what is drawn.
   * Physics is off by then: positions are set here, on a ring around the anchor. */
  RG.draw = function (ids, anchor) {
    var fresh = ids.filter(function (id) { return RG.nodeById[id] && !RG.drawn.has(id); });
    if (!fresh.length) return 0;
    var drawnIds = Array.from(RG.drawn);
    var pos = drawnIds.length ? RG.network.getPositions(drawnIds) : {};
    var right = 0;
    drawnIds.forEach(function (id) { right = Math.max(right, pos[id].x); });
    var rings = {};
    var items = fresh.map(function (id) {
      var n = RG.nodeById[id], around = anchor && pos[anchor] ? anchor : null;
      if (!around) {
        (RG.edgesOf[id] || []).some(function (eid) {
          var e = RG.edgeById[eid], other = e.from === id ? e.to : e.from;
          if (pos[other]) { around = other; return true; }
          return false;
        });
      }
      var item = visNode(n);
      if (around) {
        var k = (rings[around] = (rings[around] || 0) + 1), angle = k * 2.39996, r = 90 + 14 * Math.sqrt(k);
        item.x = pos[around].x + r * Math.cos(angle);
        item.y = pos[around].y + r * Math.sin(angle);
      } else {
        item.x = right + 200;
        item.y = 0;
        right += 120;
      }
      pos[id] = { x: item.x, y: item.y };
      RG.drawn.add(id);
      return item;
    });
    RG.nodes.add(items);
    if (anchor && window.rightsgraphReady) {
      unsettled = unsettled.concat(fresh);
      clearTimeout(settleTimer);
      settleTimer = setTimeout(settle, 0);
    }
    var edges = [], seen = new Set();
    fresh.forEach(function (id) {
      (RG.edgesOf[id] || []).forEach(function (eid) {
        var e = RG.edgeById[eid];
        if (seen.has(eid) || !RG.drawn.has(e.from) || !RG.drawn.has(e.to) || RG.edges.get(eid)) return;
        seen.add(eid);
        edges.push(visEdge(e));
      });
    });
    if (edges.length) RG.edges.add(edges);
    return fresh.length;
  };

  /* Let the entities just drawn around an anchor find room: a short physics run with everything
   * else pinned (so the view the reader is looking at does not move), then physics off again. */
  var unsettled = [], settleTimer = null;
  function settle() {
    var fresh = new Set(unsettled);
    unsettled = [];
    if (!fresh.size) return;
    var pin = [];
    RG.drawn.forEach(function (id) { if (!fresh.has(id)) pin.push({ id: id, fixed: true }); });
    RG.nodes.update(pin);
    RG.network.once("stabilizationIterationsDone", function () {
      RG.network.setOptions({ physics: { enabled: false } });
      RG.nodes.update(pin.map(function (p) { return { id: p.id, fixed: false }; }));
      window.rightsgraphSettled = (window.rightsgraphSettled || 0) + 1;
    });
    RG.network.setOptions({ physics: { enabled: true, stabilization: { fit: false } } });
    RG.network.stabilize(80);
  }

  /* The neighbours of `id` not drawn yet, most central first. */
  RG.undrawnNeighbours = function (id) {
    var out = new Set();
    (RG.edgesOf[id] || []).forEach(function (eid) {
      var e = RG.edgeById[eid], other = e.from === id ? e.to : e.from;
      if (!RG.drawn.has(other)) out.add(other);
    });
    return Array.from(out).sort(function (a, b) { return RG.nodeById[a].rank - RG.nodeById[b].rank; });
  };

  /* Draw `id` (if it is not drawn) and up to EXPAND of its neighbours around it. */
  RG.expand = function (id) {
    var added = RG.draw([id]);
    added += RG.draw(RG.undrawnNeighbours(id).slice(0, EXPAND), id);
    if (added) RG.applyFilters({ keepView: true });
    return added;
  };

  var loading = document.getElementById("loading");
  // listeners go on before the data so no stabilization event can be missed
  var network = new vis.Network(document.getElementById("network"), {}, data.options);
  RG.network = network;
  window.network = network;

  function components() {
    var seen = {}, out = [];
    RG.drawn.forEach(function (start) {
      if (seen[start]) return;
      var comp = [start], queue = [start];
      seen[start] = true;
      while (queue.length) {
        var id = queue.pop();
        (RG.edgesOf[id] || []).forEach(function (eid) {
          var e = RG.edgeById[eid], other = e.from === id ? e.to : e.from;
          if (!seen[other] && RG.drawn.has(other)) { seen[other] = true; comp.push(other); queue.push(other); }
        });
      }
      out.push(comp);
    });
    return out.sort(function (a, b) { return b.length - a.length || (a[0] < b[0] ? -1 : 1); });
  }
  function box(pos, ids) {
    var b = { minX: Infinity, maxX: -Infinity, minY: Infinity, maxY: -Infinity };
    ids.forEach(function (id) {
      b.minX = Math.min(b.minX, pos[id].x); b.maxX = Math.max(b.maxX, pos[id].x);
      b.minY = Math.min(b.minY, pos[id].y); b.maxY = Math.max(b.maxY, pos[id].y);
    });
    return b;
  }
  /* Small components and lone entities drift to the rim and shrink the view: park them, each
   * keeping its shape, in rows under the largest component (deterministic order), spaced so
   * that their labels do not run together. */
  function parkSmallComponents() {
    var comps = components();
    if (comps.length < 2) return;
    var main = box(network.getPositions(comps[0]), comps[0]);
    var width = Math.max(main.maxX - main.minX, 600), x = main.minX, y = main.maxY + 140, rowHeight = 0;
    comps.slice(1).forEach(function (comp) {
      var pos = network.getPositions(comp), b = box(pos, comp);
      var w = Math.max(b.maxX - b.minX, 0), h = b.maxY - b.minY;
      if (x > main.minX && x + w > main.minX + width) { x = main.minX; y += rowHeight + 110; rowHeight = 0; }
      comp.forEach(function (id) { network.moveNode(id, pos[id].x - b.minX + x, pos[id].y - b.minY + y); });
      x += w + 220;
      rowHeight = Math.max(rowHeight, h);
    });
  }

  var done = false;
  function finish() {
    if (done) return;
    done = true;
    network.setOptions({ physics: { enabled: false } });
    parkSmallComponents();
    network.fit({ animation: false });
    if (RG.drawn.size) network.moveTo({ scale: network.getScale() * 0.92 }); // room for outer labels
    window.rightsgraphStabilizedMs = timings.stabilized = Math.round(performance.now());
    loading.classList.add("done");
    loading.textContent = "";
    if (data.focus && RG.nodeById[data.focus]) RG.focusNode(data.focus);
    window.rightsgraphReady = true;
    document.body.setAttribute("data-ready", "true");
  }
  network.on("stabilizationProgress", function (p) {
    timings.iterations = p.iterations;
    loading.textContent = "Laying out the network\u2026 " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", finish);
  network.on("click", function (p) {
    if (p.nodes.length) { RG.showNode(p.nodes[0]); RG.expand(p.nodes[0]); }
    else if (p.edges.length) RG.showEdge(p.edges[0]);
    else RG.clearPanel();
  });

  network.setData({ nodes: RG.nodes, edges: RG.edges });
  timings.dataSet = Math.round(performance.now());
  RG.initControls();
  RG.initViews();
  RG.applyFilters();
  if (!data.nodes.length) {
    finish();
    loading.classList.remove("done");
    loading.textContent = "Nothing to show: the graph has no entities.";
  }
})();
