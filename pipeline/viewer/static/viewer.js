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
  // hovering a quote outlines its speaker
  document.addEventListener("mouseover", function (ev) {
    var q = ev.target.closest("mark[data-speaker]");
    document.querySelectorAll("mark.hot").forEach(function (m) { m.classList.remove("hot"); });
    if (q) { fragments(q.getAttribute("data-speaker")).forEach(function (m) { m.classList.add("hot"); }); }
  });
})();
