/* For pages that embed a chart: size each <iframe data-o3-embed> to the height its content reports,
   so there is no inner scrollbar and nothing is cut off; and give a frame left to follow the reader's
   setting (theme=auto, the snippet's default) the host page's own light or dark background instead, so
   that a light-only page keeps a light chart for a reader whose phone is dark. No dependencies. */
(function () {
  "use strict";
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function follows(frame) {
    var src = frame.getAttribute("src") || "";
    return /[?&]theme=auto(&|#|$)/.test(src) || !/[?&]theme=/.test(src);
  }
  // The background behind the frame: the first ancestor's that is mostly opaque; else the browser's
  // canvas, dark only where the page opts into a dark color-scheme and the reader's setting is dark.
  function hostTheme(frame) {
    for (var el = frame.parentElement; el; el = el.parentElement) {
      var c = (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) || []).map(Number);
      if (c.length >= 3 && (c.length < 4 || c[3] > 0.5)) {
        return (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255 < 0.5 ? "dark" : "light";
      }
    }
    var scheme = getComputedStyle(document.documentElement).colorScheme || "";
    var canDark = /dark/.test(scheme), canLight = /light/.test(scheme);
    return canDark && (!canLight || (dark && dark.matches)) ? "dark" : "light";
  }
  function sendTheme(frame) {
    if (!follows(frame)) return;
    try { frame.contentWindow.postMessage({ type: "o3-embed-theme", theme: hostTheme(frame) }, "*"); } catch { /* not loaded yet */ }
  }
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "o3-embed-height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-o3-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(data.height) + "px";
        sendTheme(frames[i]);
      }
    }
  });
  // The reader's setting changes: a page with a dark theme of its own turns, and its frames with it
  // (after the page's own colours have changed).
  if (dark && dark.addEventListener) {
    dark.addEventListener("change", function () {
      setTimeout(function () {
        var all = document.querySelectorAll("iframe[data-o3-embed]");
        for (var i = 0; i < all.length; i++) sendTheme(all[i]);
      }, 400);
    });
  }
  // Ask frames that loaded before this script for their height.
  var frames = document.querySelectorAll("iframe[data-o3-embed]");
  for (var i = 0; i < frames.length; i++) {
    try { frames[i].contentWindow.postMessage({ type: "o3-embed-ping" }, "*"); } catch { /* not loaded yet */ }
  }
})();
