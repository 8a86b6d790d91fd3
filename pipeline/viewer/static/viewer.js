// newsie viewer: rows scroll to their spans, quotes lead to their speakers. No network.
(function () {
  "use strict";
  function fragments(key) { return document.querySelectorAll('mark[data-k="' + CSS.escape(key) + '"]'); }
  function flash(el) {
    el.classList.remove("flash"); void el.offsetWidth; el.classList.add("flash");
    setTimeout(function () { el.classList.remove("flash"); }, 1700);
  }
  function goTo(key, focus) {
    var first = document.getElementById(key);
    if (!first) { return false; }
    first.scrollIntoView({ block: "center", behavior: "auto" });
    fragments(key).forEach(flash);
    if (focus && first.hasAttribute("tabindex")) { first.focus({ preventScroll: true }); }
    document.querySelectorAll("tr.rec.active").forEach(function (r) { r.classList.remove("active"); });
    document.querySelectorAll('tr.rec[data-k="' + CSS.escape(key) + '"]').forEach(function (r) { r.classList.add("active"); });
    return true;
  }
  function row(key) { return document.querySelector('tr.rec[data-k="' + CSS.escape(key) + '"]'); }
  function activateMark(mark) {
    var speaker = mark.getAttribute("data-speaker");
    var quote = mark.getAttribute("data-quote");
    if (speaker) { goTo(speaker, false); }            // a quote leads to its speaker
    else if (quote) { goTo(quote, true); }            // a speaker leads back to its quote
    var r = row(mark.getAttribute("data-k"));
    if (r) { r.scrollIntoView({ block: "nearest" }); flash(r); }
  }
  document.addEventListener("click", function (ev) {
    var tr = ev.target.closest("tr.rec");
    if (tr) { goTo(tr.getAttribute("data-k"), false); return; }
    var mark = ev.target.closest("mark.m-quote, mark.m-speaker, mark[tabindex]");
    if (mark) { activateMark(mark); }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" && ev.key !== " ") { return; }
    var el = document.activeElement;
    if (!el) { return; }
    if (el.matches("tr.rec")) { ev.preventDefault(); goTo(el.getAttribute("data-k"), false); }
    else if (el.matches("mark.m")) { ev.preventDefault(); activateMark(el); }
  });
  // hovering (or focusing) a quote outlines its speaker and draws an arc from one to the other
  var SVG = "http://www.w3.org/2000/svg";
  function clearLink() {
    document.querySelectorAll("mark.hot").forEach(function (m) { m.classList.remove("hot"); });
    document.querySelectorAll("svg.link").forEach(function (s) { s.remove(); });
  }
  function drawLink(quote) {
    var speaker = document.getElementById(quote.getAttribute("data-speaker"));
    var first = document.getElementById(quote.getAttribute("data-k"));
    var box = first && first.closest(".text");
    if (!speaker || !box) { return; }
    fragments(speaker.id).forEach(function (m) { m.classList.add("hot"); });
    var b = box.getBoundingClientRect(), a = first.getClientRects()[0], c = speaker.getClientRects()[0];
    if (!a || !c) { return; }
    function pt(r) { return [r.left + r.width / 2 - b.left + box.scrollLeft, r.top - b.top + box.scrollTop]; }
    var p = pt(a), q = pt(c), lift = Math.min(60, 12 + Math.abs(p[1] - q[1]) / 4);
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "link");
    svg.setAttribute("aria-hidden", "true");
    svg.style.width = box.scrollWidth + "px";
    svg.style.height = box.scrollHeight + "px";
    var path = document.createElementNS(SVG, "path");
    var top = Math.min(p[1], q[1]) - lift;
    path.setAttribute("d", "M" + p[0] + "," + p[1] + " C" + p[0] + "," + top + " " + q[0] + "," + top + " " + q[0] + "," + q[1]);
    svg.appendChild(path);
    box.appendChild(svg);
  }
  document.addEventListener("mouseover", function (ev) {
    var q = ev.target.closest("mark[data-speaker]");
    clearLink();
    if (q) { drawLink(q); }
  });
  document.addEventListener("focusin", function (ev) {
    clearLink();
    if (ev.target.matches && ev.target.matches("mark[data-speaker]")) { drawLink(ev.target); }
  });
})();
