/* Evidence at the number. A number in the prose is a link to its record (or its point on a chart);
   with this script a click, a tap or Enter on it opens a small dialog beside it instead: the value
   and its setting, the confidence, the quote in its source's language (with this project's
   translation on English pages), and links to the source, the record and the chart point. The
   page's data block (render/evidence.py) holds the evidence of exactly the numbers it links.
   Focus moves into the dialog and stays there (Tab wraps); Escape or the close button closes it
   and returns focus to the number; a click outside closes it. A click with a modifier key (new
   tab, new window) still follows the link. Every text is set with textContent: data never becomes markup. */
(function () {
  "use strict";
  var block = document.querySelector("script.o3-evidence-data");
  if (!block) return;
  var data;
  try { data = JSON.parse(block.textContent); } catch { return; }
  var S = data.strings, F = data.figures, SOURCES = data.sources;
  var current = null; // {pop, link}
  var uid = 0;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text != null) node.textContent = text;
    return node;
  }

  function link(href, text, external) {
    var a = el("a", null, text);
    a.href = href;
    if (external) a.rel = "noopener";
    return a;
  }

  function fact(dl, label, text) {
    if (!text) return;
    dl.appendChild(el("dt", null, label));
    dl.appendChild(el("dd", null, text));
  }

  function build(fig) {
    var id = "o3-pop-" + (++uid);
    var pop = el("div", "o3-pop");
    pop.id = id;
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-modal", "true");
    pop.setAttribute("aria-labelledby", id + "-value " + id + "-label");
    pop.setAttribute("aria-describedby", id + "-name");
    pop.tabIndex = -1;

    var name = el("p", "o3-pop__name", S.dialog);
    name.id = id + "-name";
    var close = el("button", "o3-pop__close", "×");
    close.type = "button";
    close.setAttribute("aria-label", S.close);
    close.addEventListener("click", function () { hide(true); });
    var head = el("div", "o3-pop__head");
    head.appendChild(name);
    head.appendChild(close);
    pop.appendChild(head);

    var value = el("p", "o3-pop__value", fig.value);
    value.id = id + "-value";
    var label = el("p", "o3-pop__label", fig.label);
    label.id = id + "-label";
    pop.appendChild(value);
    pop.appendChild(label);

    var dl = el("dl", "o3-pop__facts");
    fact(dl, S.setting, fig.setting);
    fact(dl, S.confidence, fig.confidence);
    if (!fig.quote) fact(dl, S.locator, fig.locator);
    pop.appendChild(dl);

    if (fig.quote) {
      var quote = el("blockquote", "o3-pop__quote");
      var said = el("p", null, "“" + fig.quote.text + "”");
      said.lang = fig.quote.lang;
      quote.appendChild(said);
      if (fig.quote.translation) {
        var english = el("p", "o3-pop__translation", fig.quote.translation);
        english.lang = "en";
        quote.appendChild(english);
        quote.appendChild(el("p", "o3-pop__note", S.translated));
      }
      pop.appendChild(quote);
    }

    var links = el("ul", "o3-pop__links");
    var src = el("li");
    src.appendChild(document.createTextNode(S.source + S.colon));
    var source = SOURCES[fig.source];
    var a = src.appendChild(link(source.url, source.publisher + S.comma, true));
    a.className = "o3-pop__source";
    var title = a.appendChild(el("span", null, source.title)); // the source's own words, in its language
    title.lang = source.title_lang;
    links.appendChild(src);
    var rec = el("li");
    rec.appendChild(link(fig.record, S.record)).className = "o3-pop__record";
    links.appendChild(rec);
    if (fig.chart) {
      var pt = el("li");
      pt.appendChild(link(fig.chart, S.chart)).className = "o3-pop__chart";
      links.appendChild(pt);
    }
    pop.appendChild(links);
    return pop;
  }

  function place(pop, anchor) {
    pop.style.left = "0px";
    pop.style.top = "0px";
    var origin = pop.getBoundingClientRect();
    var r = anchor.getClientRects()[0] || anchor.getBoundingClientRect(); // the first line of a wrapped number
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(r.left, width - pop.offsetWidth - 8));
    pop.style.left = (left - origin.left) + "px";
    pop.style.top = (r.bottom + 6 - origin.top) + "px";
  }

  function hide(refocus) {
    if (!current) return;
    var c = current;
    current = null;
    c.pop.remove();
    c.link.setAttribute("aria-expanded", "false");
    c.link.removeAttribute("aria-controls");
    if (refocus) c.link.focus();
  }

  function show(a) {
    var fig = F[a.getAttribute("data-figure")];
    var pop = build(fig);
    document.body.appendChild(pop);
    place(pop, a);
    a.setAttribute("aria-expanded", "true");
    a.setAttribute("aria-controls", pop.id);
    current = { pop: pop, link: a };
    // Into view at once: focus() alone would scroll smoothly (the theme's scroll-behavior), moving the
    // popover and its number while a reader (or a test) is already looking at them.
    pop.focus({ preventScroll: true });
    pop.scrollIntoView({ block: "nearest", inline: "nearest", behavior: "instant" });
  }

  function number(target) {
    var a = target.closest && target.closest("a[data-figure]");
    return a && Object.prototype.hasOwnProperty.call(F, a.getAttribute("data-figure")) ? a : null;
  }

  Array.prototype.forEach.call(document.querySelectorAll("a[data-figure]"), function (a) {
    if (!number(a)) return;
    // Its title ("See the data record") no longer says what a click does; removed before the theme
    // mounts its tooltips on [title] (this deferred script runs before DOMContentLoaded), which
    // would otherwise show a second popup and clear aria-haspopup and aria-controls on blur.
    a.removeAttribute("title");
    a.setAttribute("aria-haspopup", "dialog");
    a.setAttribute("aria-expanded", "false");
  });

  document.addEventListener("click", function (event) {
    if (current && current.pop.contains(event.target)) return; // its own links and button
    var a = number(event.target);
    if (a && !(event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey)) {
      event.preventDefault();
      var same = current && current.link === a;
      hide(false);
      if (!same) show(a);
      else a.focus();
      return;
    }
    hide(false); // a click outside
  });

  document.addEventListener("keydown", function (event) {
    if (!current) return;
    if (event.key === "Escape") {
      event.preventDefault();
      hide(true);
    } else if (event.key === "Tab") {
      // Focus stays in the dialog: Tab wraps from its last control to its first, and back.
      var items = current.pop.querySelectorAll("a[href], button");
      var first = items[0], last = items[items.length - 1], at = document.activeElement;
      if (event.shiftKey && (at === first || at === current.pop)) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && at === last) { event.preventDefault(); first.focus(); }
    }
  });

  window.addEventListener("resize", function () { if (current) place(current.pop, current.link); });
  // Content above the number can change height while the popover is open (long tables are laid out
  // only as they near the viewport: content-visibility in site.css): keep the popover at its number.
  if (window.ResizeObserver) {
    new ResizeObserver(function () { if (current) place(current.pop, current.link); }).observe(document.body);
  }
})();
