/* Small site behaviours: copy the link to a transcript turn. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.o3-turn__link");
    if (!link || !navigator.clipboard) return;
    var url = new URL(link.getAttribute("href"), window.location.href).href;
    navigator.clipboard.writeText(url).then(function () {
      link.classList.add("o3-copied");
      window.setTimeout(function () { link.classList.remove("o3-copied"); }, 1500);
    }, function () { /* no clipboard permission: the link still jumps to the turn */ });
  });
})();
