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

// Search page: a sharded index fetched piece by piece (see src/search.rs).
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) return;
  var input = document.getElementById("q"), list = document.getElementById("search-results"),
      status = document.getElementById("search-status");
  var base = document.body.getAttribute("data-root") || "";
  var dir = base + "search/index/";
  var labels = { article: "Article", person: "Person", organization: "Organisation", place: "Place", event: "Event", other: "Other" };
  var cache = {};
  function get(path) {
    if (!cache[path]) cache[path] = fetch(dir + path).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + path);
      return r.json();
    });
    return cache[path];
  }
  // the same folding as the index: ASCII, lower case, letters and digits
  var STOP = " the and of to in a is that for on it as with was by at be this are from or an but not have has had its were which their they been also he she his her we you i will would can there than more who all one into about after other some them these what when so if ";
  function words(q) {
    return q.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/ı/g, "i").toLowerCase()
      .split(/[^a-z0-9]+/).filter(function (w) { return w.length >= 2 && STOP.indexOf(" " + w + " ") < 0; });
  }
  function shardsFor(meta, w) {
    for (var i = 0; i < meta.shards.length; i++) if (w.indexOf(meta.shards[i]) === 0) return [meta.shards[i]];
    return meta.shards.filter(function (k) { return k.indexOf(w) === 0; }).slice(0, 8);
  }
  // doc -> score for one query word: exact words count fully, longer words
  // starting with it count half (so "erdo" finds "erdogan")
  function lookup(meta, w) {
    return Promise.all(shardsFor(meta, w).map(function (k) { return get("w/" + k + ".json"); })).then(function (shards) {
      var scores = {};
      shards.forEach(function (shard) {
        Object.keys(shard).forEach(function (term) {
          if (term.indexOf(w) !== 0) return;
          var f = term === w ? 1 : 0.5, p = shard[term];
          for (var i = 0; i < p.length; i += 2) scores[p[i]] = Math.max(scores[p[i]] || 0, p[i + 1] * f);
        });
      });
      return scores;
    });
  }
  function render(meta, ranked, total) {
    var top = ranked.slice(0, 10);
    var chunks = {};
    top.forEach(function (d) { chunks[Math.floor(d / meta.chunk)] = true; });
    return Promise.all(Object.keys(chunks).map(function (c) {
      return get("d/" + c + ".json").then(function (docs) { return [c, docs]; });
    })).then(function (loaded) {
      var byChunk = {};
      loaded.forEach(function (x) { byChunk[x[0]] = x[1]; });
      status.textContent = total + " result" + (total === 1 ? "" : "s");
      top.forEach(function (d) {
        var doc = byChunk[Math.floor(d / meta.chunk)][d % meta.chunk];
        var li = document.createElement("li");
        var kind = document.createElement("span");
        kind.className = "search-type search-type--" + doc.k;
        kind.textContent = labels[doc.k] || "Page";
        var a = document.createElement("a");
        a.href = base + doc.u;
        a.textContent = doc.t;
        var h = document.createElement("h2");
        h.appendChild(a);
        var p = document.createElement("p");
        p.className = "search-excerpt";
        p.textContent = doc.s;
        li.appendChild(kind); li.appendChild(h); li.appendChild(p);
        list.appendChild(li);
      });
    });
  }
  var seq = 0;
  function run(q) {
    var mine = ++seq, ws = words(q);
    list.textContent = "";
    if (!ws.length) { status.textContent = ""; return; }
    status.textContent = "Searching…";
    get("meta.json").then(function (meta) {
      return Promise.all(ws.map(function (w) { return lookup(meta, w); })).then(function (per) {
        if (mine !== seq) return;
        var total = {}, hits = {};
        per.forEach(function (scores) {
          Object.keys(scores).forEach(function (d) { total[d] = (total[d] || 0) + scores[d]; hits[d] = (hits[d] || 0) + 1; });
        });
        var all = Object.keys(total).filter(function (d) { return hits[d] === ws.length; });
        if (!all.length) all = Object.keys(total); // no document has every word: show the best partial ones
        all.sort(function (a, b) { return total[b] - total[a] || a - b; });
        if (!all.length) { status.textContent = "No results."; return; }
        return render(meta, all.map(Number), all.length);
      });
    }).catch(function (e) {
      status.textContent = location.protocol === "file:" ? "Search works when the site is served over HTTP (for example with `dossier serve`)." : "Search failed: " + e.message;
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

// Hover and focus previews for links to entities and articles: the page's
// own title, type and description, fetched once. Off on touch screens, so
// they never cover the text there.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser || matchMedia("(hover: none)").matches || location.protocol === "file:") return;
  var box = null, cache = {}, current = null, timer = null;
  function info(href) {
    if (!cache[href]) cache[href] = fetch(href).then(function (r) { return r.ok ? r.text() : ""; }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, "text/html");
      var h1 = doc.querySelector("main h1"), kind = doc.querySelector(".entity-header .kind"),
          desc = doc.querySelector('meta[name="description"]');
      return h1 ? { title: h1.textContent, kind: kind ? kind.textContent : "Article", text: desc ? desc.getAttribute("content") : "" } : null;
    }).catch(function () { return null; });
    return cache[href];
  }
  function hide() { clearTimeout(timer); current = null; if (box) box.hidden = true; }
  function show(a) {
    current = a;
    info(a.href).then(function (d) {
      if (current !== a || !d) return;
      if (!box) { box = document.createElement("div"); box.className = "preview"; box.setAttribute("role", "tooltip"); box.id = "dossier-preview"; document.body.appendChild(box); }
      box.textContent = "";
      var k = document.createElement("span"); k.className = "kind"; k.textContent = d.kind;
      var t = document.createElement("strong"); t.textContent = d.title;
      var p = document.createElement("p"); p.textContent = d.text;
      box.appendChild(k); box.appendChild(t); box.appendChild(p);
      box.hidden = false;
      var r = a.getBoundingClientRect();
      var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
      box.style.left = Math.max(8, left) + "px";
      box.style.top = (window.scrollY + r.bottom + 6) + "px";
      a.setAttribute("aria-describedby", "dossier-preview");
    });
  }
  var selector = "a.m, a.entity-link, .article-card h2 a, .backlink h3 a, .event-source a";
  function target(e) { return e.target.closest ? e.target.closest(selector) : null; }
  document.addEventListener("mouseover", function (e) { var a = target(e); if (a && a !== current) { clearTimeout(timer); timer = setTimeout(function () { show(a); }, 250); } });
  document.addEventListener("mouseout", function (e) { if (target(e)) hide(); });
  document.addEventListener("focusin", function (e) { var a = target(e); if (a) show(a); });
  document.addEventListener("focusout", function (e) { if (target(e)) hide(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
})();
