/* kg viewer. All data is untrusted article text: it only ever reaches the page through
   textContent, createTextNode, property assignment or the canvas; it is never parsed as
   HTML. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var state = { ready: false, stabilized: false, physicsStopped: false, tooltip: null };
  window.kgState = state;
  window.kgData = data;

  var classes = data.classes;
  var nodeById = new Map();
  var edgeById = new Map();
  var outEdges = new Map();
  var inEdges = new Map();
  data.nodes.forEach(function (n) {
    nodeById.set(n.id, n);
    outEdges.set(n.id, []);
    inEdges.set(n.id, []);
  });
  data.edges.forEach(function (e) {
    edgeById.set(e.id, e);
    outEdges.get(e.from).push(e);
    inEdges.get(e.to).push(e);
  });

  // -- small DOM helpers (text only) ---------------------------------------------------

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined) continue;
      parent.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return parent;
  }
  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }
  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }
  function styleOf(cls) {
    return classes[cls] || classes.Other;
  }
  function badge(cls) {
    var b = el("span", "kg-badge", cls);
    b.style.backgroundColor = styleOf(cls).border;
    return b;
  }
  function fact(name, value) {
    return add(el("li"), el("span", "kg-muted", name + ": "), String(value));
  }
  function statusText(edge) {
    return edge.statuses.length ? edge.statuses.join(", ") : "unknown";
  }
  function isCurrent(edge) {
    return !edge.statuses.length || edge.statuses.indexOf("current") >= 0;
  }
  function confidenceText(value) {
    return value === null || value === undefined ? "unknown" : Number(value).toFixed(2);
  }
  function nodeLabel(id) {
    var n = nodeById.get(id);
    return n ? n.label : String(id);
  }

  // -- vis items -------------------------------------------------------------------------

  function nodeSize(degree) {
    return Math.min(46, 9 + 4.2 * Math.sqrt(degree));
  }
  var visNodes = data.nodes.map(function (n) {
    var st = styleOf(n.cls);
    var colour = {
      background: st.color, border: st.border,
      highlight: { background: st.color, border: "#111827" },
      hover: { background: st.color, border: "#111827" },
    };
    var seed = data.seed[n.id];
    return {
      id: n.id, label: n.label, shape: st.shape, color: colour, size: nodeSize(n.degree),
      x: seed ? seed[0] : undefined, y: seed ? seed[1] : undefined,
      // Hubs get bigger labels, so that they stay legible when zoomed out on a big graph.
      font: { size: Math.round(Math.min(34, 12 + 2.6 * Math.sqrt(n.degree))) },
    };
  });
  var visEdges = data.edges.map(function (e) {
    var item = { id: e.id, from: e.from, to: e.to, label: e.predicate };
    if (!isCurrent(e)) {
      item.dashes = [6, 4];
      item.label = e.predicate + " (" + e.statuses.join("/") + ")";
    }
    if (e.bend) {
      item.smooth = {
        enabled: true, type: e.bend > 0 ? "curvedCW" : "curvedCCW", roundness: Math.abs(e.bend),
      };
    }
    return item;
  });

  // -- the panel and the tooltip -----------------------------------------------------------

  var panel = document.getElementById("kg-panel");
  var tooltip = document.getElementById("kg-tooltip");
  var wrap = document.getElementById("kg-canvas-wrap");

  function nodeLink(id) {
    var b = el("button", "kg-link", nodeLabel(id));
    b.type = "button";
    b.addEventListener("click", function () { selectNode(id); });
    return b;
  }
  function edgeLink(edge) {
    var b = el("button", "kg-link kg-pred", edge.predicate);
    b.type = "button";
    b.title = "Show this relation";
    b.addEventListener("click", function () { selectEdge(edge.id); });
    return b;
  }
  function roleLines(id, interactive, limit) {
    var list = el("ul", "kg-roles");
    var lines = [];
    outEdges.get(id).forEach(function (e) { lines.push({ edge: e, out: true }); });
    inEdges.get(id).forEach(function (e) { lines.push({ edge: e, out: false }); });
    lines.slice(0, limit).forEach(function (line) {
      var e = line.edge;
      var other = line.out ? e.to : e.from;
      var li = el("li");
      var pred = interactive ? edgeLink(e) : el("span", "kg-pred", e.predicate);
      var who = interactive ? nodeLink(other) : el("span", null, nodeLabel(other));
      var status = isCurrent(e) ? null : el("span", "kg-muted", " (" + statusText(e) + ")");
      if (line.out) add(li, pred, " \u2192 ", who, status);
      else add(li, who, " \u2192 ", pred, status);
      list.appendChild(li);
    });
    if (lines.length > limit) list.appendChild(el("li", "kg-muted", "+" + (lines.length - limit) + " more"));
    return { list: list, count: lines.length };
  }

  function nodeDetails(id, interactive) {
    var n = nodeById.get(id);
    var box = el("div");
    add(box, el(interactive ? "h2" : "div", interactive ? "kg-item-title" : "kg-tip-title", n.label));
    add(box, badge(n.cls));
    var facts = el("ul", "kg-facts");
    if (n.aliases.length) facts.appendChild(fact("Also known as", n.aliases.join(", ")));
    facts.appendChild(fact("Mentioned in", plural(n.articles, "article", "articles")));
    var roles = roleLines(id, interactive, interactive ? 200 : 6);
    var relText = plural(n.degree, "relation", "relations");
    if (roles.count < n.degree) relText += " (" + roles.count + " shown)";
    facts.appendChild(fact("Relations", relText));
    if (interactive) facts.appendChild(fact("IRI", n.id));
    box.appendChild(facts);
    if (roles.count) add(box, el("div", "kg-section", "Roles and relations"), roles.list);
    if (interactive && roles.count < n.degree) {
      box.appendChild(el("p", "kg-muted",
        plural(n.degree - roles.count, "relation", "relations") + " to entities not shown"));
    }
    return box;
  }

  function evidenceItem(ev) {
    var li = el("li");
    var head = el("div", "kg-headline", ev.headline || ev.article || "(untitled article)");
    add(li, head);
    var meta = [];
    if (ev.date) meta.push(ev.date);
    if (ev.headline && ev.article) meta.push(ev.article);
    if (meta.length) li.appendChild(el("div", "kg-meta", meta.join(" \u00b7 ")));
    if (ev.sentence) li.appendChild(el("p", "kg-sentence", "\u201c" + ev.sentence + "\u201d"));
    var more = [];
    if (ev.title) more.push("title: " + ev.title);
    if (ev.status) more.push("status: " + ev.status);
    if (ev.confidence !== undefined && ev.confidence !== null) more.push("confidence: " + confidenceText(ev.confidence));
    if (ev.rule) more.push("rule: " + ev.rule);
    if (more.length) li.appendChild(el("div", "kg-meta", more.join(" \u00b7 ")));
    return li;
  }

  function edgeDetails(id, interactive) {
    var e = edgeById.get(id);
    var box = el("div");
    var heading = el(interactive ? "h2" : "div", interactive ? "kg-item-title" : "kg-tip-title");
    add(heading,
      interactive ? nodeLink(e.from) : nodeLabel(e.from), " \u2192 ",
      el("span", "kg-pred", e.predicate), " \u2192 ",
      interactive ? nodeLink(e.to) : nodeLabel(e.to));
    box.appendChild(heading);
    var facts = el("ul", "kg-facts");
    facts.appendChild(fact("Predicate", e.predicate));
    facts.appendChild(fact("Title", e.titles.length ? e.titles.join(", ") : "\u2014"));
    facts.appendChild(fact("Status", statusText(e)));
    facts.appendChild(fact("Confidence", confidenceText(e.confidence)));
    facts.appendChild(fact("Supporting articles", e.count));
    box.appendChild(facts);
    var limit = interactive ? e.evidence.length : 3;
    if (e.evidence.length) {
      box.appendChild(el("div", "kg-section", "Evidence"));
      var list = el("ul", "kg-evidence");
      e.evidence.slice(0, limit).forEach(function (ev) { list.appendChild(evidenceItem(ev)); });
      box.appendChild(list);
    }
    var hidden = e.evidenceTotal - Math.min(limit, e.evidence.length);
    if (hidden > 0) box.appendChild(el("p", "kg-muted", "+" + plural(hidden, "more evidence sentence", "more evidence sentences")));
    return box;
  }

  function showPanel(content) {
    clear(panel);
    panel.appendChild(content);
    panel.scrollTop = 0;
  }
  function showTooltip(content, pointer, kind, id) {
    clear(tooltip);
    tooltip.appendChild(content);
    tooltip.hidden = false;
    var maxX = wrap.clientWidth - tooltip.offsetWidth - 8;
    var maxY = wrap.clientHeight - tooltip.offsetHeight - 8;
    tooltip.style.left = Math.max(4, Math.min(pointer.x + 16, maxX)) + "px";
    tooltip.style.top = Math.max(4, Math.min(pointer.y + 16, maxY)) + "px";
    state.tooltip = { kind: kind, id: id };
  }
  function hideTooltip() {
    tooltip.hidden = true;
    clear(tooltip);
    state.tooltip = null;
  }
  function resetPanel() {
    clear(panel);
    panel.appendChild(el("p", "kg-hint",
      "Hover over an entity or a relation for a summary; click it for the details. " +
      "Drag to move, scroll to zoom."));
  }

  // -- legend ------------------------------------------------------------------------------

  function buildLegend() {
    var legend = document.getElementById("kg-legend");
    var counts = {};
    data.nodes.forEach(function (n) { counts[n.cls] = (counts[n.cls] || 0) + 1; });
    Object.keys(classes).forEach(function (cls) {
      if (cls === "Other" && !counts.Other) return;
      var st = classes[cls];
      var swatch = el("span", "kg-swatch kg-" + st.shape);
      if (st.shape === "triangle") swatch.style.borderBottomColor = st.color;
      else { swatch.style.backgroundColor = st.color; swatch.style.borderColor = st.border; }
      legend.appendChild(add(el("div", "kg-legend-row"), swatch, cls + " (" + (counts[cls] || 0) + ")"));
    });
    legend.appendChild(add(el("div", "kg-legend-row"), el("span", "kg-line"), "relation: subject \u2192 object"));
    // Roles that are not current are drawn dashed; the box shows or hides them.
    var others = data.edges.filter(function (e) { return !isCurrent(e); }).length;
    var toggle = el("input");
    toggle.type = "checkbox";
    toggle.id = "kg-toggle-roles";
    toggle.checked = true;
    toggle.disabled = others === 0;
    toggle.addEventListener("change", function () { showOtherRoles(toggle.checked); });
    var row = add(el("label", "kg-legend-row kg-toggle"), toggle, el("span", "kg-line kg-dashed"),
      "former / acting / future (" + others + ")");
    row.title = "Show or hide the roles that are not current";
    legend.appendChild(row);
    legend.appendChild(el("div", "kg-muted", "size: number of relations"));
  }

  // -- search ------------------------------------------------------------------------------

  var search = document.getElementById("kg-search");
  var results = document.getElementById("kg-results");
  // Case and accents are ignored, as kg's own name lookup does: "sao paulo" finds São Paulo.
  function searchKey(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLocaleLowerCase();
  }
  function findNodes(query) {
    var q = searchKey(query.trim());
    if (!q) return [];
    var hits = [];
    data.nodes.forEach(function (n) {
      var label = searchKey(n.label);
      var rank = label === q ? 0 : label.indexOf(q) === 0 ? 1 : label.indexOf(q) >= 0 ? 2 : -1;
      var via = null;
      if (rank < 0) {
        for (var i = 0; i < n.aliases.length; i++) {
          if (searchKey(n.aliases[i]).indexOf(q) >= 0) { rank = 3; via = n.aliases[i]; break; }
        }
      }
      if (rank >= 0) hits.push({ node: n, rank: rank, via: via });
    });
    hits.sort(function (a, b) { return a.rank - b.rank || b.node.degree - a.node.degree; });
    return hits.slice(0, 20);
  }
  function showResults() {
    var hits = findNodes(search.value);
    clear(results);
    results.hidden = !search.value.trim();
    if (!hits.length) {
      results.appendChild(el("li", "kg-muted", "  No entity matches."));
      return hits;
    }
    hits.forEach(function (hit) {
      var b = el("button", null, hit.node.label);
      b.type = "button";
      add(b, el("span", "kg-muted", hit.node.cls + (hit.via ? " \u00b7 alias: " + hit.via : "")));
      b.addEventListener("click", function () { results.hidden = true; selectNode(hit.node.id); });
      results.appendChild(add(el("li"), b));
    });
    return hits;
  }
  search.addEventListener("input", showResults);
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var hits = findNodes(search.value);
      if (hits.length) { results.hidden = true; selectNode(hits[0].node.id); }
    } else if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  document.addEventListener("click", function (event) {
    if (!document.getElementById("kg-search-box").contains(event.target)) results.hidden = true;
  });

  // -- the network -------------------------------------------------------------------------

  buildLegend();
  var nodes = new vis.DataSet(visNodes);
  var edges = new vis.DataSet(visEdges);
  var container = document.getElementById("kg-network");
  var network = new vis.Network(container, { nodes: [], edges: [] }, data.options);
  var progress = document.getElementById("kg-progress");
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;

  function showOtherRoles(shown) {
    var changes = [];
    data.edges.forEach(function (e) {
      if (!isCurrent(e)) changes.push({ id: e.id, hidden: !shown });
    });
    edges.update(changes);
    state.otherRolesShown = shown;
  }
  window.kgShowOtherRoles = showOtherRoles;
  state.otherRolesShown = true;

  function selectNode(id) {
    if (!nodeById.has(id)) return;
    hideTooltip();
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400 } });
    showPanel(nodeDetails(id, true));
  }
  function selectEdge(id) {
    if (!edgeById.has(id)) return;
    hideTooltip();
    network.selectEdges([id]);
    showPanel(edgeDetails(id, true));
  }
  window.kgSelectNode = selectNode;
  window.kgSelectEdge = selectEdge;

  network.on("stabilizationProgress", function (p) {
    progress.textContent = "Laying out\u2026 " + Math.round((100 * p.iterations) / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: false });
    state.stabilized = true;
    state.physicsStopped = true;
    progress.textContent = "";
    network.fit();
  });
  network.on("hoverNode", function (p) { showTooltip(nodeDetails(p.node, false), p.pointer.DOM, "node", p.node); });
  network.on("hoverEdge", function (p) { showTooltip(edgeDetails(p.edge, false), p.pointer.DOM, "edge", p.edge); });
  network.on("blurNode", hideTooltip);
  network.on("blurEdge", hideTooltip);
  network.on("dragStart", hideTooltip);
  network.on("zoom", hideTooltip);
  network.on("click", function (p) {
    hideTooltip();
    if (p.nodes.length) showPanel(nodeDetails(p.nodes[0], true));
    else if (p.edges.length) showPanel(edgeDetails(p.edges[0], true));
    else resetPanel();
  });

  network.setData({ nodes: nodes, edges: edges });
  if (!data.nodes.length) {
    state.stabilized = true;
    state.physicsStopped = true;
  }
  if (data.focus && nodeById.has(data.focus)) {
    network.selectNodes([data.focus]);
    showPanel(nodeDetails(data.focus, true));
  }
  state.ready = true;
})();
