/* Inside /embed/<id>/: keep the language asked for (?lang=zh|en), set the theme (?theme=light|dark|auto,
   or live from the host page by postMessage), and tell the host how tall the content is.
   Runs before charts.js, which then draws the one chart left. Uses no storage: it works in a
   sandboxed iframe without allow-same-origin. */
(function () {
  "use strict";
  var params = new URLSearchParams(window.location.search);
  // without ?lang=, the page's own language (/en/embed/scorecard/ opens in English)
  var asked = params.get("lang") || (document.documentElement.lang === "en" ? "en" : "zh");
  var lang = asked === "en" ? "en" : "zh";
  document.querySelectorAll("[data-lang]").forEach(function (section) {
    if (section.getAttribute("data-lang") === lang) section.hidden = false;
    else section.parentNode.removeChild(section);
  });
  document.documentElement.lang = lang === "en" ? "en" : "zh-Hans";
  var section = document.querySelector("[data-lang]");
  if (section) document.title = section.querySelector(".o3-embed__title").textContent;
  // Compact in a frame: the table is one click away (it stays open without JavaScript).
  document.querySelectorAll("details.o3-embed__data").forEach(function (d) { d.open = false; });

  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var wanted = params.get("theme") || "auto";
  function apply() {
    var theme = wanted === "auto" ? (dark && dark.matches ? "dark" : "light") : (wanted === "dark" ? "dark" : "light");
    document.documentElement.setAttribute("data-theme", theme);
  }
  apply();
  if (dark && dark.addEventListener) dark.addEventListener("change", apply);

  function report() {
    var height = Math.ceil(document.body.getBoundingClientRect().height);
    if (window.parent !== window) window.parent.postMessage({ type: "o3-embed-height", height: height }, "*");
  }
  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type === "o3-embed-theme" && /^(light|dark|auto)$/.test(data.theme)) { wanted = data.theme; apply(); }
    if (data.type === "o3-embed-ping") report();
  });
  if (window.ResizeObserver) new ResizeObserver(report).observe(document.body);
  window.addEventListener("load", report);
  document.addEventListener("toggle", report, true);
})();
