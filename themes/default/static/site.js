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
