/* rightsgraph: the views beside the network, from the same embedded data: a timeline of the
 * dialogue's rounds with the stances said about each, and a table of every statement (speaker,
 * stance, round, text, source, date) with filters and a CSV download. Text goes in by textContent. */
(function () {
  "use strict";
  var RG = (window.rightsgraph = window.rightsgraph || {});
  var STANCES = ["Critical", "Supportive", "Neutral"];
  //: rows the statements table shows at once (the CSV has every row the filters keep)
  var TABLE_ROWS = 500;

  function $(id) { return document.getElementById(id); }
  function fold(s) { return String(s || "").toLocaleLowerCase(); }

  RG.roundLabel = function (id) {
    var r = RG.roundById[id];
    return r ? r.label : "";
  };

  RG.stanceCounts = function (statements) {
    var out = { Critical: 0, Supportive: 0, Neutral: 0 };
    statements.forEach(function (s) { if (out[s.stance] !== undefined) out[s.stance]++; });
    return out;
  };

  function bars(counts) {
    var total = STANCES.reduce(function (n, k) { return n + counts[k]; }, 0);
    var box = RG.el("div", null, "bars");
    box.title = STANCES.map(function (k) { return k + " " + counts[k]; }).join(", ");
    STANCES.forEach(function (k) {
      if (!counts[k]) return;
      var bar = RG.el("span", null, "bar-" + k);
      bar.style.width = (100 * counts[k] / total) + "%";
      box.appendChild(bar);
    });
    return box;
  }

  /* Network, timeline or statements table. */
  RG.showView = function (name) {
    document.querySelectorAll("#views button[data-view]").forEach(function (b) {
      b.setAttribute("aria-selected", b.dataset.view === name ? "true" : "false");
    });
    $("network-wrap").hidden = name !== "network";
    $("timeline-view").hidden = name !== "timeline";
    $("table-view").hidden = name !== "table";
    if (name === "network") { RG.network.redraw(); RG.refit(); }
    if (name === "table") RG.renderTable();
  };

  function timeline() {
    var body = $("timeline").tBodies[0], byRound = {}, articles = {};
    RG.data.statements.forEach(function (s) { (byRound[s.round] = byRound[s.round] || []).push(s); });
    RG.data.articles.forEach(function (a) { articles[a.round] = (articles[a.round] || 0) + 1; });
    var rows = RG.data.rounds.concat([{ id: "", label: "No round named or near", start: "", location: "" }]);
    rows.forEach(function (r) {
      var said = byRound[r.id] || [];
      if (!r.id && !said.length) return;
      var tr = RG.el("tr", null, r.id ? "round-row" : "");
      tr.dataset.round = r.id;
      [r.start || "", r.label, r.location || "", String(articles[r.id] || 0)].forEach(function (text) {
        tr.appendChild(RG.el("td", text));
      });
      var cell = RG.el("td");
      var counts = RG.stanceCounts(said);
      cell.appendChild(bars(counts));
      cell.appendChild(RG.el("div", STANCES.map(function (k) { return counts[k] + " " + k.toLowerCase(); }).join(", "), "meta"));
      tr.appendChild(cell);
      if (r.id) {
        tr.addEventListener("click", function () { RG.filterRound(r.id); RG.showView("network"); });
      }
      body.appendChild(tr);
    });
  }

  RG.tableRows = function () {
    var speaker = fold($("t-speaker").value).trim(), stance = $("t-stance").value, round = $("t-round").value;
    var words = fold($("t-text").value).trim();
    return RG.data.statements.filter(function (s) {
      if (speaker && fold(s.speakerLabel).indexOf(speaker) < 0) return false;
      if (stance && s.stance !== stance) return false;
      if (round === "-" ? s.round !== "" : round && s.round !== round) return false;
      if (words && fold(s.text).indexOf(words) < 0 && fold(s.sentence).indexOf(words) < 0) return false;
      return true;
    });
  };

  RG.renderTable = function () {
    var rows = RG.tableRows(), body = $("statements-table").tBodies[0];
    RG.clear(body);
    rows.slice(0, TABLE_ROWS).forEach(function (s) {
      var tr = RG.el("tr");
      tr.appendChild(RG.el("td", s.speakerLabel));
      tr.appendChild(RG.el("td", s.stance));
      tr.appendChild(RG.el("td", RG.roundLabel(s.round)));
      tr.appendChild(RG.el("td", s.kind === "Direct" ? "\u201c" + s.text + "\u201d" : s.text, "text"));
      tr.appendChild(RG.el("td", s.headline));
      tr.appendChild(RG.el("td", s.date));
      body.appendChild(tr);
    });
    $("t-count").textContent = rows.length > TABLE_ROWS
      ? "Showing " + TABLE_ROWS + " of " + rows.length + " statements (the CSV has all of them)"
      : rows.length + " of " + RG.data.statements.length + " statements";
  };

  /* RFC 4180 CSV; a cell that a spreadsheet would run as a formula (= + - @ first) is prefixed
   * with an apostrophe, so a hostile quotation cannot run in the reader's spreadsheet. */
  function cell(value) {
    var text = String(value === null || value === undefined ? "" : value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;
    return /[",\r\n]/.test(text) ? "\"" + text.replace(/"/g, "\"\"") + "\"" : text;
  }
  RG.statementsCSV = function (rows) {
    var head = ["speaker", "speaker_iri", "stance", "kind", "round", "text", "sentence", "headline", "date", "article"];
    var lines = [head.join(",")];
    rows.forEach(function (s) {
      lines.push([s.speakerLabel, s.speaker, s.stance, s.kind, RG.roundLabel(s.round), s.text, s.sentence,
        s.headline, s.date, s.article].map(cell).join(","));
    });
    return lines.join("\r\n") + "\r\n";
  };

  function download() {
    var blob = new Blob([RG.statementsCSV(RG.tableRows())], { type: "text/csv;charset=utf-8" });
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = "statements.csv";
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  }

  RG.initViews = function () {
    document.querySelectorAll("#views button[data-view]").forEach(function (b) {
      b.addEventListener("click", function () { RG.showView(b.dataset.view); });
    });
    var rounds = RG.data.rounds.map(function (r) { return [r.id, r.label]; });
    RG.fillSelect($("t-round"), rounds.concat([["-", "no round"]]));
    timeline();
    ["t-speaker", "t-text"].forEach(function (id) { $(id).addEventListener("input", RG.renderTable); });
    ["t-stance", "t-round"].forEach(function (id) { $(id).addEventListener("change", RG.renderTable); });
    $("t-csv").addEventListener("click", download);
  };
})();
