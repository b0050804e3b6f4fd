/* For pages that embed a chart: size each <iframe data-o3-embed> to the height its content reports,
   so there is no inner scrollbar and nothing is cut off. A few hundred bytes, no dependencies. */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || data.type !== "o3-embed-height" || typeof data.height !== "number") return;
    var frames = document.querySelectorAll("iframe[data-o3-embed]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) frames[i].style.height = Math.ceil(data.height) + "px";
    }
  });
  // Ask frames that loaded before this script for their height.
  var frames = document.querySelectorAll("iframe[data-o3-embed]");
  for (var i = 0; i < frames.length; i++) {
    try { frames[i].contentWindow.postMessage({ type: "o3-embed-ping" }, "*"); } catch { /* not loaded yet */ }
  }
})();
