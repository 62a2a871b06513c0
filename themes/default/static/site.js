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
