/* rightsgraph: DOM builders for tooltips and the details panel.
 * Every article-derived string goes into the page through textContent (el()), never innerHTML. */
(function () {
  "use strict";
  var RG = (window.rightsgraph = window.rightsgraph || {});

  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (cls) node.className = cls;
    return node;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  RG.el = el;
  RG.clear = clear;

  RG.kindLabel = function (kind) {
    return (RG.data && RG.data.kinds[kind]) || kind;
  };
  function label(id) {
    var n = RG.nodeById[id];
    return n ? n.label : id;
  }
  function source(ev) {
    var bits = [ev.headline || "(untitled article)"];
    if (ev.date) bits.push(ev.date);
    return bits.join(" \u2014 ");
  }
  function field(dl, name, value) {
    if (value === undefined || value === null || value === "") return;
    if (Array.isArray(value)) {
      if (!value.length) return;
      value = value.join("; ");
    }
    dl.appendChild(el("dt", name));
    dl.appendChild(el("dd", value));
  }
  function evidence(parent, ev) {
    var fig = el("figure", null, "evidence");
    fig.appendChild(el("blockquote", ev.sentence));
    fig.appendChild(el("figcaption", source(ev)));
    parent.appendChild(fig);
  }

  RG.nodeTooltip = function (n) {
    var tip = el("div", null, "rg-tip");
    tip.appendChild(el("strong", n.label));
    var meta = [RG.kindLabel(n.kind)];
    if (n.role) meta.push(n.role);
    if (n.status) meta.push("status: " + n.status);
    tip.appendChild(el("div", meta.join(" \u00b7 ")));
    if (n.aliases.length) tip.appendChild(el("div", "also: " + n.aliases.join(", ")));
    return tip;
  };

  RG.edgeTooltip = function (e) {
    var tip = el("div", null, "rg-tip");
    tip.appendChild(el("strong", label(e.from) + " " + e.predicate + " " + label(e.to)));
    var n = e.evidence.length;
    tip.appendChild(el("div", "confidence " + e.confidence + " \u00b7 " + n + (n === 1 ? " sentence" : " sentences")));
    return tip;
  };

  function statement(parent, s, showSpeaker) {
    var box = el("div", null, "statement " + s.stance);
    var words = s.kind === "Direct" ? "\u201c" + s.text + "\u201d" : s.text;
    box.appendChild(el("blockquote", words));
    var meta = [];
    if (showSpeaker) meta.push(s.speakerLabel);
    meta.push(s.stance || "no stance", (s.kind || "unknown").toLowerCase());
    if (s.confidence !== null) meta.push("confidence " + s.confidence);
    if (s.aboutLabel) meta.push("about " + s.aboutLabel);
    box.appendChild(el("div", meta.join(" \u00b7 "), "meta"));
    if (s.sentence) {
      var fig = el("figure");
      fig.appendChild(el("div", "Sentence: " + s.sentence));
      fig.appendChild(el("figcaption", source(s)));
      box.appendChild(fig);
    }
    parent.appendChild(box);
  }

  function relationList(parent, id) {
    var ids = (RG.edgesOf[id] || []).filter(function (eid) { return !RG.edgeHidden[eid]; });
    if (!ids.length) return;
    parent.appendChild(el("h3", "Relations (" + ids.length + ")"));
    var ul = el("ul", null, "relations");
    ids.forEach(function (eid) {
      var e = RG.edgeById[eid];
      var li = el("li");
      var b = el("button", label(e.from) + " " + e.predicate + " " + label(e.to));
      b.type = "button";
      b.dataset.edge = eid;
      b.addEventListener("click", function () { RG.selectEdge(eid); });
      li.appendChild(b);
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }

  function start(kind, id) {
    var body = document.getElementById("panel-body");
    clear(body);
    body.dataset.kind = kind;
    body.dataset.id = id;
    return body;
  }

  /* What one speaker said round by round: counts of each stance. */
  function stanceByRound(parent, said) {
    var rows = {}, order = [];
    said.forEach(function (s) {
      if (!rows[s.round]) { rows[s.round] = []; order.push(s.round); }
      rows[s.round].push(s);
    });
    order.sort(function (a, b) {
      var ra = RG.roundById[a], rb = RG.roundById[b];
      return ((ra && ra.start) || "9999").localeCompare((rb && rb.start) || "9999");
    });
    parent.appendChild(el("h3", "Stance by round"));
    var table = el("table", null, "stance-rounds");
    var head = el("tr");
    ["Round", "Critical", "Supportive", "Neutral"].forEach(function (h) { head.appendChild(el("th", h)); });
    table.appendChild(head);
    order.forEach(function (r) {
      var counts = RG.stanceCounts(rows[r]), tr = el("tr");
      tr.appendChild(el("td", RG.roundLabel(r) || "no round"));
      ["Critical", "Supportive", "Neutral"].forEach(function (k) { tr.appendChild(el("td", String(counts[k]))); });
      table.appendChild(tr);
    });
    parent.appendChild(table);
  }

  /* A case person's status as each article gave it, oldest first; the last dated one is current. */
  function statusHistory(parent, claims) {
    parent.appendChild(el("h3", "Status history (" + claims.length + ")"));
    var ul = el("ul", null, "history"), current = -1;
    claims.forEach(function (c, i) { if (c.date) current = i; });
    claims.forEach(function (c, i) {
      var li = el("li", null, i === current ? "current" : "");
      li.appendChild(el("div", (c.date || "undated") + " — " + c.status.toLowerCase() +
        (i === current ? " (current)" : "")));
      var fig = el("figure", null, "evidence");
      fig.appendChild(el("blockquote", c.sentence));
      fig.appendChild(el("figcaption", source(c)));
      li.appendChild(fig);
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }

  RG.showNode = function (id) {
    var n = RG.nodeById[id];
    if (!n) return;
    var body = start("node", id);
    body.appendChild(el("h2", n.label));
    var dl = el("dl");
    field(dl, "Type", RG.kindLabel(n.kind));
    field(dl, "Also known as", n.aliases);
    field(dl, "Role", n.role);
    field(dl, "Affiliation", n.affiliations);
    field(dl, "Case status", n.status);
    field(dl, "Articles", n.articles.length ? String(n.articles.length) : "");
    field(dl, "IRI", n.id);
    body.appendChild(dl);
    var said = RG.saidBy[id] || [];
    if (said.length && RG.data.rounds.length) stanceByRound(body, said);
    if (n.statusHistory && n.statusHistory.length) statusHistory(body, n.statusHistory);
    if (said.length) {
      body.appendChild(el("h3", "Statements (" + said.length + ")"));
      said.forEach(function (s) { statement(body, s, false); });
    }
    var about = (RG.saidAbout[id] || []).filter(function (s) { return s.speaker !== id; });
    if (about.length) {
      body.appendChild(el("h3", "Statements about " + n.label + " (" + about.length + ")"));
      about.forEach(function (s) { statement(body, s, true); });
    }
    relationList(body, id);
    document.getElementById("hood").disabled = false;
  };

  RG.showEdge = function (id) {
    var e = RG.edgeById[id];
    if (!e) return;
    var body = start("edge", id);
    body.appendChild(el("h2", label(e.from) + " " + e.predicate + " " + label(e.to)));
    var dl = el("dl");
    field(dl, "Relation", e.predicate);
    field(dl, "From", label(e.from));
    field(dl, "To", label(e.to));
    field(dl, "Confidence", String(e.confidence));
    body.appendChild(dl);
    body.appendChild(el("h3", "Evidence (" + e.evidence.length + ")"));
    if (!e.evidence.length) body.appendChild(el("p", "Asserted without a source sentence.", "hint"));
    e.evidence.forEach(function (ev) { evidence(body, ev); });
  };

  RG.clearPanel = function () {
    var body = start("", "");
    body.appendChild(el("p", "Click an entity or a relation to see its details and evidence.", "hint"));
    document.getElementById("hood").disabled = !RG.state || !RG.state.hoodOf;
  };
})();
