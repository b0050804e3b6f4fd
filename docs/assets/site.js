/* Small site behaviours: copy the link to a transcript turn; keep the reader's place across languages;
   search what is pasted. */
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

  /* The language switch lands on the same place: headings, blocks and records carry the same ids in
     both languages, so the address's fragment (kept current by the theme as the reader scrolls) and its
     query (the explorer's filters, a chart's point) travel with the link. Updated just before it is
     followed (click, keyboard, middle click) and whenever the address changes. */
  function carry() {
    var here = window.location;
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (a) {
      var base = a.dataset.o3Base || (a.dataset.o3Base = a.getAttribute("href"));
      var url = new URL(base, here.href);
      if (url.pathname === here.pathname) return; // this language's own entry
      url.search = here.search;
      url.hash = here.hash;
      a.setAttribute("href", url.pathname + url.search + url.hash);
    });
  }
  ["pointerdown", "focusin", "click", "auxclick"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (!(event.target.closest && event.target.closest("a.md-select__link"))) return;
      carry();
      /* The theme's own handler (on <body>) expects language roots as alternates and, with this site's
         per-page alternates, sends the reader to the page's top without the fragment: the link is
         followed as it is. */
      if (type === "click") event.stopPropagation();
    }, true);
  });
  /* A link to an entry inside a folded block (the transcript's slips in its appendix, a section's
     records) opens the block, then shows the entry: browsers that do not unfold it themselves would
     leave the reader at a closed block. */
  function unfold() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) return;
    var opened = false;
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      if (!d.open) { d.open = true; opened = true; }
    }
    if (opened) target.scrollIntoView();
  }
  window.addEventListener("hashchange", unfold);
  unfold();
  /* The 404 page's report link: the page is one file for every missing address, so the body
     is written with the address blank; here it takes the reader's address and the page they came from. */
  document.querySelectorAll("a[data-o3-issue-body]").forEach(function (a) {
    var url = new URL(a.href);
    var fill = { path: window.location.pathname, url: window.location.href, referrer: document.referrer || a.dataset.o3Unknown };
    function filled(text) { return text.replace(/\{(path|url|referrer)\}/g, function (m, key) { return fill[key]; }); }
    url.searchParams.set("title", filled(a.dataset.o3IssueTitle));
    url.searchParams.set("body", filled(a.dataset.o3IssueBody));
    a.href = url.href;
  });
  /* The 404 page is one file in every language, the site root's language first: under another
     language's home (/en/…) that language's section comes first, so its reader meets their own words. */
  var sections = Array.prototype.slice.call(document.querySelectorAll("section.o3-notfound[data-o3-home]"));
  var own = sections.filter(function (s) { return window.location.pathname.indexOf(s.dataset.o3Home) === 0; })
    .sort(function (a, b) { return b.dataset.o3Home.length - a.dataset.o3Home.length; })[0];
  if (own && own !== sections[0]) {
    sections[0].parentNode.insertBefore(own, sections[0]);
    chrome(own);
  }
  /* …and the page around it speaks that language too: the theme wrote one header, navigation and footer,
     the root language's. They are taken from that language's home page (same origin), their links made
     absolute against it, so the menus lead into the reader's language. Without the fetch the page stays
     as it was: whole, with the reader's section first. */
  function chrome(section) {
    var home = new URL(section.dataset.o3Home, window.location.href);
    if (!window.fetch || !window.DOMParser) return;
    fetch(home.href, { credentials: "same-origin" }).then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        [".md-header__topic", ".md-tabs", "nav.md-nav--primary", ".md-footer-meta"].forEach(function (selector) {
          var mine = document.querySelector(selector), theirs = doc.querySelector(selector);
          if (!mine || !theirs) return;
          // the home's own table of contents (the drawer lists it under the current page) is not this page's
          theirs.querySelectorAll("nav.md-nav--secondary, label[for='__toc'], input#__toc").forEach(function (e) { e.remove(); });
          theirs.querySelectorAll("a[href]").forEach(function (a) { a.setAttribute("href", new URL(a.getAttribute("href"), home).href); });
          theirs.querySelectorAll(".md-nav__link--active, .md-tabs__link--active, .md-nav__item--active").forEach(function (e) {
            e.classList.remove("md-nav__link--active", "md-tabs__link--active", "md-nav__item--active");
          });
          mine.replaceWith(document.importNode(theirs, true));
        });
        document.documentElement.lang = doc.documentElement.lang;
        document.documentElement.dataset.o3Chrome = doc.documentElement.lang;
      })["catch"](function () { /* the page stays whole as it is */ });
  }
  window.addEventListener("hashchange", carry);
  window.addEventListener("popstate", carry);
  carry();

  /* Search runs on what arrives without a key: the theme reads the box on key-up, but a paste from a
     phone's menu, and some Chinese input methods committing a word, change it with no key released. */
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches("input.md-search__input") || event.isComposing) return;
    box.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
  });
})();
