// dossier default theme: small progressive enhancements. Every page works without it.
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  // Dark mode toggle: remembers the choice; without one, the system setting wins.
  var toggle = document.querySelector(".theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var el = document.documentElement;
      var dark = el.dataset.theme ? el.dataset.theme === "dark" : matchMedia("(prefers-color-scheme: dark)").matches;
      el.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("dossier-theme", el.dataset.theme); } catch (e) {}
    });
  }

  // "/" focuses the search box.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var input = document.getElementById("search-input");
    if (input) { ev.preventDefault(); input.focus(); }
  });

  // Opened from disk (file://), directory links do not open index.html: add it.
  if (location.protocol === "file:") {
    document.querySelectorAll("a[href]").forEach(function (a) {
      var h = a.getAttribute("href");
      if (/^[a-z]+:/i.test(h) || h.charAt(0) === "#") return;
      var parts = h.split("#");
      if (parts[0] === "" ) return;
      if (parts[0].slice(-1) === "/") parts[0] += "index.html";
      a.setAttribute("href", parts.join("#"));
    });
  }
})();

// Timeline filter by entity and type; without JavaScript the full list shows.
(function () {
  "use strict";
  var form = document.querySelector(".timeline-filter");
  if (!form) return;
  form.hidden = false;
  var ent = form.querySelector("#tf-entity"), typ = form.querySelector("#tf-type"), out = form.querySelector(".tf-count");
  var params = new URLSearchParams(location.search);
  if (params.get("entity")) ent.value = params.get("entity");
  if (params.get("type")) typ.value = params.get("type");
  function apply() {
    var e = ent.value, t = typ.value, shown = 0;
    document.querySelectorAll(".timeline .event").forEach(function (li) {
      var ok = (!e || (" " + li.dataset.entities + " ").indexOf(" " + e + " ") >= 0) &&
               (!t || (" " + li.dataset.types + " ").indexOf(" " + t + " ") >= 0);
      li.hidden = !ok;
      if (ok) shown++;
    });
    document.querySelectorAll(".timeline-month").forEach(function (s) {
      s.hidden = !s.querySelector(".event:not([hidden])");
    });
    out.textContent = shown + " event" + (shown === 1 ? "" : "s");
  }
  ent.addEventListener("change", apply);
  typ.addEventListener("change", apply);
  apply();
})();

// Search page: pagefind's chunked index, loaded piece by piece on demand.
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("q"), list = document.getElementById("search-results"),
      status = document.getElementById("search-status");
  var root = document.body.getAttribute("data-root") || "";
  var labels = { article: "Article", person: "Person", organization: "Organisation", place: "Place", event: "Event", other: "Other" };
  var pf = null;
  function load() {
    if (!pf) pf = import(new URL(root + "pagefind/pagefind.js", location.href).href).then(function (m) {
      return m.options({ baseUrl: "/" }).then(function () { return m; });
    });
    return pf;
  }
  // the excerpt is HTML with <mark>; keep only its text and marks
  function excerpt(html) {
    var t = document.createElement("template");
    t.innerHTML = html;
    var p = document.createElement("p");
    p.className = "search-excerpt";
    t.content.childNodes.forEach(function (n) {
      if (n.nodeName === "MARK") { var m = document.createElement("mark"); m.textContent = n.textContent; p.appendChild(m); }
      else p.appendChild(document.createTextNode(n.textContent));
    });
    return p;
  }
  var seq = 0;
  function run(q) {
    var mine = ++seq;
    list.textContent = "";
    if (!q.trim()) { status.textContent = ""; return; }
    status.textContent = "Searching…";
    load().then(function (m) { return m.search(q); }).then(function (res) {
      if (mine !== seq) return;
      return Promise.all(res.results.slice(0, 20).map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== seq) return;
        status.textContent = res.results.length + " result" + (res.results.length === 1 ? "" : "s");
        items.forEach(function (d) {
          var li = document.createElement("li");
          var kind = document.createElement("span");
          kind.className = "search-type search-type--" + (d.meta.type || "article");
          kind.textContent = labels[d.meta.type] || "Page";
          var a = document.createElement("a");
          a.href = root + d.url.replace(/^\//, "");
          a.textContent = d.meta.title || d.url;
          var h = document.createElement("h2");
          h.appendChild(a);
          li.appendChild(kind);
          li.appendChild(h);
          li.appendChild(excerpt(d.excerpt || ""));
          list.appendChild(li);
        });
      });
    }).catch(function (e) {
      status.textContent = location.protocol === "file:" ? "Search works when the site is served over HTTP (for example with `dossier serve`)." : "Search failed: " + e;
    });
  }
  var params = new URLSearchParams(location.search);
  if (params.get("q")) { input.value = params.get("q"); run(input.value); }
  var timer;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { run(input.value); }, 150); });
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    run(input.value);
  });
})();
