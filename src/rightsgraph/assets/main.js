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

  var done = false;
  function finish() {
    if (done) return;
    done = true;
    network.setOptions({ physics: { enabled: false } });
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
