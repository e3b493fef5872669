/* rightsgraph: read the JSON data block, build the vis network, stabilize once, then stop physics.
 * Sets window.rightsgraphReady = true and window.rightsgraphStabilizedMs (ms since navigation start). */
(function () {
  "use strict";
  var RG = (window.rightsgraph = window.rightsgraph || {});
  var VIS_NODE = ["id", "label", "shape", "size", "color", "font", "borderWidth", "x", "y"];
  var VIS_EDGE = ["id", "from", "to", "label", "color", "dashes", "width", "arrows", "smooth", "font"];

  function pick(item, keys) {
    var out = {};
    keys.forEach(function (k) { if (item[k] !== undefined) out[k] = item[k]; });
    return out;
  }
  function push(map, key, value) {
    (map[key] = map[key] || []).push(value);
  }

  var timings = (window.rightsgraphTimings = { scriptStart: Math.round(performance.now()) });
  var data = JSON.parse(document.getElementById("rightsgraph-data").textContent);
  timings.dataParsed = Math.round(performance.now());
  RG.data = data;
  RG.nodeById = {};
  RG.edgeById = {};
  RG.edgesOf = {};
  RG.saidBy = {};
  RG.saidAbout = {};
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

  RG.nodes = new vis.DataSet(data.nodes.map(function (n) {
    var item = pick(n, VIS_NODE);
    item.label = n.canvasLabel; // short and bidi-isolated; panels and search use the full label
    item.title = RG.nodeTooltip(n); // a DOM element: vis shows it as-is, no HTML parsing
    return item;
  }));
  RG.edges = new vis.DataSet(data.edges.map(function (e) {
    var item = pick(e, VIS_EDGE);
    item.title = RG.edgeTooltip(e);
    return item;
  }));

  var loading = document.getElementById("loading");
  // listeners go on before the data so no stabilization event can be missed
  var network = new vis.Network(document.getElementById("network"), {}, data.options);
  RG.network = network;
  window.network = network;

  function components() {
    var seen = {}, out = [];
    data.nodes.forEach(function (n) {
      if (seen[n.id]) return;
      var comp = [n.id], queue = [n.id];
      seen[n.id] = true;
      while (queue.length) {
        var id = queue.pop();
        (RG.edgesOf[id] || []).forEach(function (eid) {
          var e = RG.edgeById[eid], other = e.from === id ? e.to : e.from;
          if (!seen[other]) { seen[other] = true; comp.push(other); queue.push(other); }
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
   * keeping its shape, in rows under the largest component (deterministic order). */
  function parkSmallComponents() {
    var comps = components();
    if (comps.length < 2) return;
    var main = box(network.getPositions(comps[0]), comps[0]);
    var width = Math.max(main.maxX - main.minX, 600), x = main.minX, y = main.maxY + 140, rowHeight = 0;
    comps.slice(1).forEach(function (comp) {
      var pos = network.getPositions(comp), b = box(pos, comp);
      var w = b.maxX - b.minX, h = b.maxY - b.minY;
      if (x > main.minX && x + w > main.minX + width) { x = main.minX; y += rowHeight + 90; rowHeight = 0; }
      comp.forEach(function (id) { network.moveNode(id, pos[id].x - b.minX + x, pos[id].y - b.minY + y); });
      x += w + 160;
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
    if (data.nodes.length) network.moveTo({ scale: network.getScale() * 0.92 }); // room for outer labels
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
    if (p.nodes.length) RG.showNode(p.nodes[0]);
    else if (p.edges.length) RG.showEdge(p.edges[0]);
    else RG.clearPanel();
  });

  network.setData({ nodes: RG.nodes, edges: RG.edges });
  timings.dataSet = Math.round(performance.now());
  RG.initControls();
  RG.applyFilters();
  if (!data.nodes.length) {
    loading.textContent = "Nothing to show: the graph has no entities.";
    finish();
    loading.classList.remove("done");
    loading.textContent = "Nothing to show: the graph has no entities.";
  }
})();
