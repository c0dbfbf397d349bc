// The diplograph view's script: inlined into the page by src/view/page.rs, after Cytoscape.js.
// It draws the data the core wrote into #dg-data. Every state and validity comes from the
// core as stretches of days ({f: first day or null, u: first day after or null}); for the
// chosen day this script only picks the stretch that holds it.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("dg-data").textContent);
  var $ = function (id) { return document.getElementById(id); };

  var KIND_COLOURS = {
    country: "#2563eb", person: "#f59e0b", organization: "#0891b2", agreement: "#16a34a",
    event: "#7c3aed", statement: "#0f766e", source: "#6b7280", place: "#a16207"
  };
  var STATE_COLOURS = {};
  data.state_colours.forEach(function (p) { STATE_COLOURS[p[0]] = p[1]; });

  // ---- days -------------------------------------------------------------------------
  var DAY = 86400000;
  function dayMs(iso) { var p = iso.split("-"); return Date.UTC(+p[0], +p[1] - 1, +p[2]); }
  function isoOf(ms) { return new Date(ms).toISOString().slice(0, 10); }
  var firstMs = dayMs(data.first_day), lastMs = dayMs(data.last_day);
  // The stretch holding `day` (ISO days compare as strings), or null.
  function stretchOn(stretches, day) {
    for (var i = 0; i < stretches.length; i++) {
      var s = stretches[i];
      if ((s.f === null || s.f <= day) && (s.u === null || day < s.u)) { return s; }
    }
    return null;
  }

  // ---- the graph ----------------------------------------------------------------------
  var nodeById = {};
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  var elements = [];
  data.nodes.forEach(function (n) {
    elements.push({ group: "nodes", data: {
      id: n.id, label: n.name, kind: n.kind, colour: KIND_COLOURS[n.kind] || "#9ca3af",
      size: Math.min(60, 18 + 4 * Math.sqrt(n.degree))
    }, classes: n.hl ? "hl" : "" });
  });
  data.edges.forEach(function (e) {
    elements.push({ group: "edges", data: {
      id: e.id, source: e.source, target: e.target, kind: e.kind, label: e.kind
    }, classes: e.hl ? "hl" : "" });
  });
  var big = data.nodes.length > 150;
  var cy = cytoscape({
    container: $("dg-graph"),
    elements: elements,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    textureOnViewport: big,
    hideEdgesOnViewport: big,
    style: [
      { selector: "node", style: {
        "background-color": "data(colour)", "label": "data(label)", "width": "data(size)",
        "height": "data(size)", "font-size": 12, "text-wrap": "ellipsis", "text-max-width": 120,
        "text-valign": "bottom", "text-margin-y": 2, "color": "#111827",
        "text-background-color": "#ffffff", "text-background-opacity": 0.7,
        "text-background-padding": 1, "border-width": 1, "border-color": "#ffffff"
      } },
      { selector: "node[kind = 'agreement']", style: { "shape": "round-rectangle" } },
      { selector: "node[kind = 'event']", style: { "shape": "diamond" } },
      { selector: "node[kind = 'statement']", style: { "shape": "round-tag", "label": "", "width": 12, "height": 12 } },
      { selector: "node[kind = 'statement']:selected, node[kind = 'statement'].match", style: { "label": "data(label)" } },
      { selector: "node[kind = 'source']", style: { "shape": "rectangle" } },
      { selector: "node[kind = 'organization']", style: { "shape": "hexagon" } },
      { selector: "edge", style: {
        "width": 1.2, "line-color": "#9ca3af", "target-arrow-color": "#9ca3af",
        "target-arrow-shape": "triangle", "arrow-scale": 0.7, "curve-style": "bezier",
        "font-size": 8, "color": "#6b7280"
      } },
      { selector: "edge[kind = 'party_to']", style: { "line-color": "#16a34a", "target-arrow-color": "#16a34a", "width": 2 } },
      { selector: "edge[kind = 'holds_office'], edge[kind = 'member_of'], edge[kind = 'part_of']", style: { "line-color": "#2563eb", "target-arrow-color": "#2563eb" } },
      { selector: ".possible", style: { "line-style": "dashed", "border-style": "dashed", "border-color": "#111827", "opacity": 0.55 } },
      { selector: "node.possible", style: { "border-width": 2 } },
      { selector: ".later", style: { "opacity": 0.25 } },
      { selector: ".gone, .off", style: { "display": "none" } },
      { selector: ".dim", style: { "opacity": 0.18 } },
      { selector: ".match", style: { "border-width": 4, "border-color": "#dc2626", "font-weight": "bold" } },
      { selector: "node.hl", style: { "border-width": 5, "border-color": "#d97706", "font-weight": "bold", "z-index": 10 } },
      { selector: "edge.hl", style: { "line-color": "#d97706", "target-arrow-color": "#d97706", "width": 4, "z-index": 10 } },
      { selector: "edge.hl", style: { "label": "data(label)", "font-size": 10, "color": "#92400e" } },
      { selector: ":selected", style: { "border-width": 4, "border-color": "#111827", "line-color": "#111827", "target-arrow-color": "#111827" } }
    ],
    layout: big
      ? { name: "concentric", concentric: function (n) { return n.degree(); }, levelWidth: function () { return 4; }, animate: false, minNodeSpacing: 8 }
      : { name: "cose", animate: false, randomize: false, nodeRepulsion: function () { return 400000; }, idealEdgeLength: function () { return 60; }, nodeOverlap: 20, gravity: 40, numIter: 2000, padding: 20, componentSpacing: 60 }
  });
  if (data.highlighted) {
    cy.elements().not(".hl").addClass("dim");
  }

  // ---- the date -----------------------------------------------------------------------
  var slider = $("dg-slider"), dayInput = $("dg-day"), allDates = $("dg-all-dates");
  slider.max = String(Math.round((lastMs - firstMs) / DAY));
  dayInput.min = data.first_day;
  dayInput.max = data.last_day;
  var current = data.date;

  // What holds on `day` (null: every date, each agreement in its last recorded state). Each
  // element's classes change only when its answer does: moving a day on touches few.
  var nodeEls = data.nodes.map(function (n) { return cy.getElementById(n.id); });
  var edgeEls = data.edges.map(function (e) { return cy.getElementById(e.id); });
  var nodeWas = [], edgeWas = [];
  function setClass(el, now) {
    el.removeClass("gone possible later");
    if (now) { el.addClass(now); }
  }
  function applyDate(day) {
    var touched = [];
    cy.batch(function () {
      data.nodes.forEach(function (n, i) {
        var now = "", colour = null;
        if (n.states) {
          var s = day === null ? n.states[n.states.length - 1] : stretchOn(n.states, day);
          if (!s) { now = "gone"; }
          else {
            colour = STATE_COLOURS[s.s] || "#16a34a";
            if (s.c === "possible") { now = "possible"; }
          }
        } else if (day !== null && n.day && n.day > day) {
          now = "later";
        }
        var key = now + "|" + colour;
        if (nodeWas[i] === key) { return; }
        nodeWas[i] = key;
        touched.push(nodeEls[i]);
        setClass(nodeEls[i], now);
        if (colour) { nodeEls[i].data("colour", colour); }
      });
      data.edges.forEach(function (e, i) {
        var now = "";
        if (day !== null) {
          var s = stretchOn(e.over, day);
          now = !s ? "gone" : (s.c === "possible" ? "possible" : "");
        }
        if (edgeWas[i] === now) { return; }
        edgeWas[i] = now;
        touched.push(edgeEls[i]);
        setClass(edgeEls[i], now);
      });
    });
    // Styles now, not at the next frame: what is visible is answered at once.
    if (touched.length) { cy.collection(touched).updateStyle(); }
    moveCursor(day);
    // Counted once the styles of the batch are applied.
    setTimeout(showCounts, 0);
    if (shown) { showProfile(shown); }
  }

  function setDate(day) {
    current = day;
    var ms = Math.min(lastMs, Math.max(firstMs, dayMs(day)));
    slider.value = String(Math.round((ms - firstMs) / DAY));
    dayInput.value = day;
    applyDate(allDates.checked ? null : day);
  }
  slider.addEventListener("input", function () {
    setDate(isoOf(firstMs + Number(slider.value) * DAY));
  });
  dayInput.addEventListener("change", function () { if (dayInput.value) { setDate(dayInput.value); } });
  allDates.addEventListener("change", function () { setDate(current); });

  // ---- filters and search ------------------------------------------------------------
  function kindBoxes(container, kinds, group) {
    kinds.forEach(function (k) {
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.dataset.kind = k;
      box.addEventListener("change", function () {
        cy.elements(group + "[kind = '" + k + "']").toggleClass("off", !box.checked);
        showCounts();
      });
      label.appendChild(box);
      label.appendChild(document.createTextNode(k));
      container.appendChild(label);
    });
  }
  function kindsOf(list) {
    var seen = {};
    list.forEach(function (x) { seen[x.kind] = true; });
    return Object.keys(seen).sort();
  }
  kindBoxes($("dg-node-kinds"), kindsOf(data.nodes), "node");
  kindBoxes($("dg-edge-kinds"), kindsOf(data.edges), "edge");

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  $("dg-search").addEventListener("input", function (ev) {
    var q = fold(ev.target.value.trim());
    cy.nodes().removeClass("match");
    if (!q) { return; }
    var hits = cy.nodes().filter(function (n) {
      return fold(n.data("label")).indexOf(q) >= 0 || fold(n.id()).indexOf(q) >= 0;
    });
    hits.addClass("match");
  });
  $("dg-search").addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") { return; }
    var hit = cy.nodes(".match").filter(":visible")[0] || cy.nodes(".match")[0];
    if (hit) { cy.animate({ center: { eles: hit }, zoom: 1.6 }, { duration: 200 }); showProfile(hit.id()); }
  });
  $("dg-fit").addEventListener("click", function () { cy.fit(cy.elements(":visible"), 30); });

  // What is shown, by the classes this script sets (Cytoscape's `:visible` may answer from
  // styles a frame old).
  function hidden(el) { return el.hasClass("gone") || el.hasClass("off"); }
  function shownEls(selector) {
    return cy.elements(selector).filter(function (el) {
      return !hidden(el) && (el.isNode() || (!hidden(el.source()) && !hidden(el.target())));
    });
  }
  function showCounts() {
    $("dg-counts").textContent = shownEls("node").length + " of " + data.nodes.length +
      " nodes, " + shownEls("edge").length + " of " + data.edges.length + " edges shown";
  }

  // ---- profiles -----------------------------------------------------------------------
  var shown = null;
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }
  function citationBlock(i) {
    var c = data.citations[i];
    var q = el("blockquote", null, "dg-cite");
    if (c.before) { q.appendChild(document.createTextNode("…" + c.before)); }
    q.appendChild(el("mark", c.words || "(no words cited)"));
    if (c.after) { q.appendChild(document.createTextNode(c.after + "…")); }
    var src = c.source + (c.date ? ", " + c.date : "") + (c.via.length ? " (via " + c.via.join(", ") + ")" : "");
    q.appendChild(el("span", src, "dg-source"));
    return q;
  }
  function citations(box, list) {
    if (!list.length) { return; }
    box.appendChild(el("h3", "Sources (" + list.length + ")"));
    list.forEach(function (i) { box.appendChild(citationBlock(i)); });
  }
  function stateBadge(s) {
    var b = el("span", s.s + (s.c === "possible" ? " (possible)" : ""), "dg-state" + (s.c === "possible" ? " dg-possible" : ""));
    b.style.background = STATE_COLOURS[s.s] || "#e5e7eb";
    return b;
  }
  function dayLabel() { return allDates.checked ? "every date" : current; }

  function showProfile(id) {
    shown = id;
    var box = $("dg-profile");
    box.textContent = "";
    var n = nodeById[id];
    if (n) {
      box.appendChild(el("h2", n.name));
      if (n.states) {
        var s = allDates.checked ? n.states[n.states.length - 1] : stretchOn(n.states, current);
        var p = el("p");
        p.appendChild(document.createTextNode("On " + dayLabel() + ": "));
        if (s) {
          p.appendChild(stateBadge(s));
          // The summary starts with the state the badge already names.
          p.appendChild(document.createTextNode(s.t.indexOf(s.s) === 0 ? s.t.slice(s.s.length) : " " + s.t));
        }
        else { p.appendChild(document.createTextNode("no recorded state yet")); }
        box.appendChild(p);
      }
      var t = el("table");
      n.lines.forEach(function (l) {
        var tr = el("tr");
        tr.appendChild(el("td", l[0]));
        tr.appendChild(el("td", l[1]));
        t.appendChild(tr);
      });
      box.appendChild(t);
      var rels = data.edges.filter(function (e) { return e.source === id || e.target === id; });
      if (rels.length) {
        box.appendChild(el("h3", "Relations (" + rels.length + ")"));
        rels.forEach(function (e) {
          var out = e.source === id;
          var other = nodeById[out ? e.target : e.source];
          var holds = allDates.checked ? { c: "certain" } : stretchOn(e.over, current);
          var text = (out ? "→ " : "← ") + e.label + " " + (other ? other.name : "") +
            " (" + e.valid + (holds ? (holds.c === "possible" ? "; possible on " + dayLabel() : "") : "; not on " + dayLabel()) + ")";
          var r = el("div", text, "dg-rel" + (holds ? "" : " dg-off"));
          r.addEventListener("click", function () { showEdge(e.id); });
          box.appendChild(r);
        });
      }
      citations(box, n.cites);
      return;
    }
    var e = edgeById[id];
    if (e) { showEdge(id); }
  }
  var edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  function showEdge(id) {
    shown = id;
    var e = edgeById[id];
    var box = $("dg-profile");
    box.textContent = "";
    var from = nodeById[e.source], to = nodeById[e.target];
    box.appendChild(el("h2", from.name + " → " + e.label + " → " + to.name));
    var holds = stretchOn(e.over, current);
    var t = el("table");
    [["kind", e.kind], ["valid", e.valid],
     ["on " + current, holds ? (holds.c === "possible" ? "possibly holds (not attested that day)" : "holds") : "does not hold"]
    ].forEach(function (l) {
      var tr = el("tr");
      tr.appendChild(el("td", l[0]));
      tr.appendChild(el("td", l[1]));
      t.appendChild(tr);
    });
    box.appendChild(t);
    [from, to].forEach(function (n) {
      var r = el("div", "open " + n.name, "dg-rel");
      r.addEventListener("click", function () { showProfile(n.id); });
      box.appendChild(r);
    });
    citations(box, e.cites);
  }
  cy.on("tap", "node", function (ev) { showProfile(ev.target.id()); });
  cy.on("tap", "edge", function (ev) { showEdge(ev.target.id()); });

  // ---- the timeline -------------------------------------------------------------------
  var svg = document.querySelector("#dg-timeline svg");
  var cursor = null;
  var tl = data.timeline;
  var tlFirst = dayMs(tl.first_day), tlLast = dayMs(tl.last_day);
  function xOf(day) {
    var ms = Math.min(tlLast, Math.max(tlFirst, dayMs(day)));
    return tl.plot[0] + (ms - tlFirst) / Math.max(DAY, tlLast - tlFirst) * (tl.plot[1] - tl.plot[0]);
  }
  if (svg) {
    cursor = document.createElementNS("http://www.w3.org/2000/svg", "line");
    cursor.setAttribute("id", "dg-cursor");
    cursor.setAttribute("y1", String(tl.lanes_span[0] - 8));
    cursor.setAttribute("y2", String(tl.lanes_span[1]));
    cursor.setAttribute("stroke", "#dc2626");
    cursor.setAttribute("stroke-width", "2");
    cursor.setAttribute("pointer-events", "none");
    svg.appendChild(cursor);
    tl.lanes.forEach(function (id, i) {
      var g = document.getElementById("dg-lane-" + i);
      if (g && id) { g.addEventListener("click", function () { showProfile(id); }); }
    });
    svg.addEventListener("click", function (ev) {
      var box = svg.getBoundingClientRect();
      var x = (ev.clientX - box.left) * (svg.viewBox.baseVal.width / box.width);
      if (x < tl.plot[0] || x > tl.plot[1]) { return; }
      var ms = tlFirst + (x - tl.plot[0]) / (tl.plot[1] - tl.plot[0]) * (tlLast - tlFirst);
      setDate(isoOf(Math.round(ms / DAY) * DAY));
    });
  }
  function moveCursor(day) {
    if (!cursor) { return; }
    cursor.setAttribute("visibility", day === null ? "hidden" : "visible");
    if (day === null) { return; }
    var x = String(xOf(day));
    cursor.setAttribute("x1", x);
    cursor.setAttribute("x2", x);
  }

  // ---- start --------------------------------------------------------------------------
  if (data.note) { $("dg-note").textContent = "Showing " + data.note + "."; }
  if (data.highlight_text.length) { $("dg-chain").textContent = data.highlight_text.join(" | "); }
  setDate(current);
  // A highlighted chain is what the reader asked for: it fills the view.
  cy.fit(data.highlighted ? cy.elements(".hl") : cy.elements(":visible"), data.highlighted ? 90 : 30);

  // For scripts and tests: what is on screen, asked the way a reader would see it.
  window.diplographView = {
    cy: cy,
    setDate: setDate,
    date: function () { return current; },
    visibleAgreements: function () {
      return shownEls("node[kind = 'agreement']").map(function (n) { return n.id(); }).sort();
    },
    showProfile: showProfile
  };
})();
