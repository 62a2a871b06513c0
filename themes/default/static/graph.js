// The site-wide entity graph on a canvas. Positions come laid out from the
// build (data/graph.json); this only draws, pans, zooms and links.
(function () {
  "use strict";
  var canvas = document.getElementById("graph-canvas");
  if (!canvas) return;
  var ctx = canvas.getContext("2d"), data = null, hover = -1;
  var view = { x: 0, y: 0, k: 1 };
  var colours = {};
  function colour(kind) {
    if (!colours[kind]) colours[kind] = getComputedStyle(document.documentElement).getPropertyValue("--" + kind).trim() || "#888";
    return colours[kind];
  }
  function size() {
    var r = canvas.getBoundingClientRect(), d = window.devicePixelRatio || 1;
    canvas.width = Math.round(r.width * d); canvas.height = Math.round(r.width * 0.7 * d);
    canvas.style.height = Math.round(r.width * 0.7) + "px";
  }
  function pos(n) {
    return [(n[3] * canvas.width - canvas.width / 2) * view.k + canvas.width / 2 + view.x,
            (n[4] * canvas.height - canvas.height / 2) * view.k + canvas.height / 2 + view.y];
  }
  function radius(n) { return (2 + Math.sqrt(n[5]) * 1.5) * (window.devicePixelRatio || 1); }
  function draw() {
    if (!data) return;
    colours = {};
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.globalAlpha = 0.18;
    ctx.strokeStyle = getComputedStyle(document.body).color;
    data.edges.forEach(function (e) {
      var a = pos(data.nodes[e[0]]), b = pos(data.nodes[e[1]]);
      ctx.lineWidth = Math.min(3, 0.5 + Math.log(1 + e[2]) * 0.4);
      ctx.beginPath(); ctx.moveTo(a[0], a[1]); ctx.lineTo(b[0], b[1]); ctx.stroke();
    });
    ctx.globalAlpha = 1;
    var d = window.devicePixelRatio || 1;
    ctx.font = (12 * d) + "px system-ui, sans-serif";
    data.nodes.forEach(function (n, i) {
      var p = pos(n), r = radius(n);
      ctx.fillStyle = colour(n[2]);
      ctx.beginPath(); ctx.arc(p[0], p[1], r, 0, 6.2832); ctx.fill();
      if (i === hover || n[5] >= 3 * view.k || view.k > 2.5) {
        ctx.fillStyle = getComputedStyle(document.body).color;
        ctx.fillText(n[1], p[0] + r + 3, p[1] + 4);
      }
    });
  }
  function at(ev) {
    var r = canvas.getBoundingClientRect(), d = canvas.width / r.width;
    var x = (ev.clientX - r.left) * d, y = (ev.clientY - r.top) * d, best = -1, bd = 1e9;
    data.nodes.forEach(function (n, i) {
      var p = pos(n), dd = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y), r = radius(n) + 4;
      if (dd < r * r && dd < bd) { bd = dd; best = i; }
    });
    return best;
  }
  var drag = null, moved = false;
  canvas.addEventListener("mousedown", function (e) { drag = [e.clientX, e.clientY]; moved = false; });
  window.addEventListener("mouseup", function () { drag = null; });
  canvas.addEventListener("mousemove", function (e) {
    if (!data) return;
    if (drag) {
      var d = canvas.width / canvas.getBoundingClientRect().width;
      view.x += (e.clientX - drag[0]) * d; view.y += (e.clientY - drag[1]) * d;
      drag = [e.clientX, e.clientY]; moved = true; draw(); return;
    }
    var h = at(e);
    if (h !== hover) { hover = h; canvas.style.cursor = h >= 0 ? "pointer" : "grab"; draw(); }
  });
  canvas.addEventListener("click", function (e) {
    if (moved || !data) return;
    var i = at(e);
    if (i >= 0) location.href = (document.body.getAttribute("data-root") || "") + "entities/" + data.nodes[i][0] + "/";
  });
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    view.k = Math.max(0.5, Math.min(8, view.k * (e.deltaY < 0 ? 1.15 : 1 / 1.15)));
    draw();
  }, { passive: false });
  window.addEventListener("resize", function () { size(); draw(); });
  size();
  fetch(canvas.getAttribute("data-src")).then(function (r) { return r.json(); }).then(function (d) { data = d; draw(); })
    .catch(function () { canvas.hidden = true; });
})();
