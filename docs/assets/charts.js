/* Draws the site's plotly charts from the JSON spec beside each one, follows the light/dark
   toggle and the container's size. No data is read from anywhere but the page itself. */
(function () {
  "use strict";
  // plotly.js is fetched once, and only when a chart is about to be seen or is touched: until then
  // each chart is its static SVG (the facade), so pages are light and fast to first paint.
  var me = document.currentScript;
  var PLOTLY = me && me.getAttribute("data-plotly");
  var LOCALE_ZH = me && me.getAttribute("data-locale-zh");
  var loading = null;

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src; s.onload = resolve; s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  var zhLoading = null;
  function loadPlotly(needZh) {
    if (!loading) loading = window.Plotly ? Promise.resolve() : loadScript(PLOTLY);
    if (!needZh) return loading;
    if (!zhLoading) zhLoading = loading.then(function () { return loadScript(LOCALE_ZH); });
    return zhLoading;
  }

  function activate(el) {
    if (el.dataset.activating) return;
    el.dataset.activating = "1";
    loadPlotly(el.dataset.locale === "zh-CN").then(function () { draw(el); }, function () {
      var figure = el.closest("[data-chart]");  // no plotly: the static image, whatever the view
      if (figure) figure.setAttribute("data-o3-view-shown", "");
    });
  }

  var idle = window.requestIdleCallback || function (cb) { return window.setTimeout(cb, 1); };
  var THEMES = {
    "default": { font: "#1f2328", grid: "rgba(0,0,0,0.10)", zero: "rgba(0,0,0,0.35)", hoverBg: "#ffffff", button: "#ffffff", page: "#ffffff" },
    "slate": { font: "#e3e5ea", grid: "rgba(255,255,255,0.14)", zero: "rgba(255,255,255,0.40)", hoverBg: "#1e2129", button: "#2b303b", page: "#1e2129" }
  };

  // The site's theme is Material's body attribute; an embed page sets data-theme on <html> instead.
  function scheme() {
    var embed = document.documentElement.getAttribute("data-theme");
    if (embed) return embed === "dark" ? "slate" : "default";
    return document.body.getAttribute("data-md-color-scheme") === "slate" ? "slate" : "default";
  }

  function themeUpdate(layout, name) {
    var c = THEMES[name], out = {
      "font.color": c.font, "legend.font.color": c.font,
      "hoverlabel.bgcolor": c.hoverBg, "hoverlabel.font.color": c.font
    };
    // View buttons take the theme's face (a dark one on the dark theme); the pressed one is marked by
    // the stylesheets (site.css, embed.css: plotly's own active colour is a fixed near-white).
    (layout.updatemenus || []).forEach(function (menu, i) {
      out["updatemenus[" + i + "].font.color"] = c.font;
      out["updatemenus[" + i + "].bgcolor"] = c.button;
      out["updatemenus[" + i + "].bordercolor"] = c.zero;
    });
    Object.keys(layout).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) {
        out[key + ".gridcolor"] = c.grid;
        out[key + ".zerolinecolor"] = c.zero;
        out[key + ".linecolor"] = c.zero;
        out[key + ".tickcolor"] = c.zero;
      }
    });
    return out;
  }

  // At NARROW px or less a chart takes its narrow layout (charts/narrow.py: stacked panels, notes
  // under the chart, fewer ticks), shipped beside the spec; chosen when drawn and again on resize.
  var NARROW = 640;
  // No modebar (it covered the plot's first row; the downloads are in the page's own list), no
  // control that needs a network service, no scroll-wheel zoom, no plotly tips.
  var CONFIG = {
    responsive: true, displayModeBar: false, displaylogo: false, showSendToCloud: false, showEditInChartStudio: false,
    showLink: false, showTips: false, scrollZoom: false
  };
  // A touch screen: the same test as the CSS that hides the zoom tools (site.css, embed.css).
  var TOUCH = window.matchMedia ? window.matchMedia("(hover: none), (pointer: coarse)") : null;

  // Whether the chart zooms as drawn: only with a mouse, at page width, and only a chart whose module
  // says zooming helps (layout.meta.zoom, charts/__init__.finish). Everywhere else the chart holds
  // still, as Datawrapper's do: fixed axes and no drag, so that plotly never cancels a touch and a
  // vertical swipe that starts on the chart scrolls the page; a tap opens the point's tooltip.
  function zooms(spec, variant) {
    return variant === "wide" && !(TOUCH && TOUCH.matches) && !!(spec.layout.meta && spec.layout.meta.zoom);
  }

  function interaction(spec, variant) {
    var zoom = zooms(spec, variant);
    spec.layout.dragmode = zoom ? "zoom" : false;
    Object.keys(spec.layout).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) spec.layout[key].fixedrange = !zoom;
    });
    return zoom;
  }

  function configFor(el, zoom) {
    return Object.assign({ locale: el.dataset.locale }, CONFIG, { doubleClick: zoom ? "reset" : false });
  }

  // The axes' ranges as drawn: what the reset button restores.
  function rangesOf(layout) {
    var out = {};
    Object.keys(layout).forEach(function (key) {
      if (!/^[xy]axis\d*$/.test(key)) return;
      if (Array.isArray(layout[key].range)) out[key + ".range"] = layout[key].range.slice();
      else out[key + ".autorange"] = true;
    });
    return out;
  }

  // The zoom tools above a zoomable chart (templates/chart.html): the reset is enabled once the reader
  // has zoomed, and restores the drawn ranges.
  function tools(el, zoom, ranges) {
    var button = el.parentNode.querySelector(".o3-chart__reset");
    if (!button) return;
    el._o3ranges = ranges;
    button.disabled = true;
    if (!zoom || button.dataset.wired) return;
    button.dataset.wired = "1";
    button.addEventListener("click", function () {
      window.Plotly.relayout(el, el._o3ranges).then(function () { button.disabled = true; });
    });
    el.on("plotly_relayout", function (ev) {
      if (Object.keys(ev || {}).some(function (k) { return /^[xy]axis\d*\.(range|autorange)/.test(k); })) {
        var home = JSON.stringify(el._o3ranges), now = JSON.stringify(rangesOf(el.layout));
        button.disabled = home === now;
      }
    });
  }

  // Tooltips on a phone: lines wrapped to the narrow chart's width (the spec carries them once, unwrapped).
  var CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef";
  var TOKEN = new RegExp("[" + CJK + "]|[^\\s" + CJK + "]+|\\s+", "g"), WIDE_CHAR = new RegExp("[" + CJK + "]");
  function textWidth(s) {
    var plain = s.replace(/<[^>]+>/g, ""), n = 0;
    for (var i = 0; i < plain.length; i++) n += WIDE_CHAR.test(plain[i]) ? 2 : 1;
    return n;
  }
  function wrapLine(line, width) {
    var out = [], cur = "";
    (line.match(TOKEN) || []).forEach(function (tok) {
      if (/^\s+$/.test(tok)) { if (cur && cur[cur.length - 1] !== " ") cur += " "; return; }
      if (cur.trim() && textWidth(cur + tok) > width) { out.push(cur.replace(/\s+$/, "")); cur = tok; }
      else cur += tok;
    });
    if (cur.trim()) out.push(cur.replace(/\s+$/, ""));
    return out.join("<br>");
  }
  function wrapHover(text, width) {
    return typeof text === "string" ? text.split("<br>").map(function (l) { return wrapLine(l, width); }).join("<br>") : text;
  }

  function specOf(el) {
    if (!el._o3spec) {
      var fig = el.parentNode;
      var narrow = fig.querySelector("script.o3-chart__narrow");
      el._o3spec = {
        wide: fig.querySelector("script.o3-chart__spec").textContent,
        narrow: narrow ? JSON.parse(narrow.textContent) : null
      };
    }
    return el._o3spec;
  }

  function widthOf(el) {
    return el.getBoundingClientRect().width || el.parentNode.getBoundingClientRect().width;
  }

  function variantFor(el) {
    var width = widthOf(el);
    return specOf(el).narrow && width > 0 && width <= NARROW ? "narrow" : "wide";
  }

  // The narrow layout is planned for a chart PLANNED px wide (a 360 px phone; charts/narrow.py's
  // STATIC_NARROW_WIDTH). In a narrower one (a 320 px phone: 288 px) its labels ran past the axes and
  // off the chart; there its text, margins and label offsets shrink with the width, as the static image
  // does, so that everything sits where it sits at PLANNED px.
  var PLANNED = 328;
  function scaleFor(el, variant) {
    var width = widthOf(el);
    return variant === "narrow" && width > 0 && width < PLANNED ? Math.round(width / PLANNED * 100) / 100 : 1;
  }

  function shrinkText(spec, k) {
    function font(f, base) {
      f = Object.assign({}, f);
      var size = f.size == null ? base : f.size;
      if (size != null) f.size = Array.isArray(size) ? size.map(function (v) { return v * k; }) : size * k;
      return f;
    }
    var layout = spec.layout;
    layout.font = font(layout.font, 12);
    if (layout.legend) {
      layout.legend.font = font(layout.legend.font);
      if (layout.legend.itemwidth) layout.legend.itemwidth *= k;
    }
    Object.keys(layout).forEach(function (key) {
      if (!/^[xy]axis\d*$/.test(key)) return;
      var ax = layout[key];
      ax.tickfont = font(ax.tickfont);
      if (ax.title && typeof ax.title === "object") ax.title.font = font(ax.title.font);
    });
    (layout.annotations || []).forEach(function (a) {
      a.font = font(a.font);
      ["xshift", "yshift"].forEach(function (k2) { if (typeof a[k2] === "number") a[k2] *= k; });
      if (typeof a.ax === "number" && (!a.axref || a.axref === "pixel")) a.ax *= k;
      if (typeof a.ay === "number" && (!a.ayref || a.ayref === "pixel")) a.ay *= k;
    });
    (layout.updatemenus || []).forEach(function (m) { m.font = font(m.font); });
    if (layout.margin) ["l", "r", "t", "b"].forEach(function (side) { if (typeof layout.margin[side] === "number") layout.margin[side] *= k; });
    spec.data.forEach(function (trace) {
      ["textfont", "insidetextfont", "outsidetextfont"].forEach(function (key) { if (trace[key]) trace[key] = font(trace[key]); });
    });
  }

  // A fresh copy of the figure in the wanted variant, themed; `from` (a drawn chart) passes on what
  // the reader changed: traces switched on or off and the buttons pressed.
  function figureFor(el, variant, name, from) {
    var s = specOf(el), spec = JSON.parse(s.wide), wideAnn = (spec.layout.annotations || []).map(function (a) { return a.text; });
    if (variant === "narrow") {
      spec.layout = JSON.parse(JSON.stringify(s.narrow.layout));
      s.narrow.data.forEach(function (over, i) { if (spec.data[i]) Object.assign(spec.data[i], JSON.parse(JSON.stringify(over))); });
      var k = scaleFor(el, variant);
      if (k < 1) shrinkText(spec, k);
      var room = Math.max(24, Math.floor((el.getBoundingClientRect().width - 40) / 6.6));
      spec.data.forEach(function (trace) {
        if (Array.isArray(trace.hovertext)) trace.hovertext = trace.hovertext.map(function (h) { return wrapHover(h, room); });
        else if (typeof trace.hovertext === "string") trace.hovertext = wrapHover(trace.hovertext, room);
      });
    }
    if (!from) showView(spec, askedView(el));
    if (from) {
      from.data.forEach(function (trace, i) { if (spec.data[i] && "visible" in trace) spec.data[i].visible = trace.visible; });
      (from.layout.updatemenus || []).forEach(function (menu, i) {
        if (spec.layout.updatemenus && spec.layout.updatemenus[i]) spec.layout.updatemenus[i].active = menu.active;
      });
      // An annotation a button rewrote keeps its new text, if both variants show it as it is; one a
      // button showed or hid stays so (the ARC cost chart's re-priced view came back with December's labels).
      var narrowAnn = s.narrow ? (s.narrow.layout.annotations || []) : [], fromAnn = from.layout.annotations || [];
      var sameAnn = fromAnn.length === (spec.layout.annotations || []).length;
      (spec.layout.annotations || []).forEach(function (a, i) {
        var was = fromAnn[i];
        if (was && typeof was.text === "string" && narrowAnn[i] && narrowAnn[i].text === wideAnn[i]) a.text = was.text;
        if (was && sameAnn && typeof was.visible === "boolean") a.visible = was.visible;
      });
    }
    interaction(spec, variant);
    recolour(spec, JSON.parse(s.wide).layout.meta, name);
    var update = themeUpdate(spec.layout, name);
    Object.keys(update).forEach(function (path) { if (path.indexOf("[") < 0) setPath(spec.layout, path, update[path]); });
    (spec.layout.updatemenus || []).forEach(function (menu) {
      menu.font = Object.assign({}, menu.font, { color: THEMES[name].font }); menu.bgcolor = THEMES[name].button;
    });
    // A label with a halo (its font's shadow, set by its chart module where a line runs close to it) gets
    // the page's own colour round its letters, in plotly's form of halo, so that the line seems to pass behind it.
    var halo = ["1px 1px", "-1px -1px", "1px -1px", "-1px 1px"].map(function (p) { return p + " 1px " + THEMES[name].page; }).join(", ");
    function withHalo(font) { return font && font.shadow && font.shadow !== "none" ? Object.assign({}, font, { shadow: halo }) : font; }
    (spec.layout.annotations || []).forEach(function (a) { a.font = withHalo(a.font); });
    spec.data.forEach(function (trace) { trace.textfont = withHalo(trace.textfont); });
    return spec;
  }

  // The spec's colours are the light theme's; on the dark one, each colour that would fail 3:1
  // against its background (black, dark grey) becomes the one layout.meta.dark gives (charts/base.py).
  function recolour(spec, meta, name) {
    var map = {};
    if (name === "slate" && meta && meta.dark) Object.keys(meta.dark).forEach(function (k) { map[k.toLowerCase()] = meta.dark[k]; });
    if (!Object.keys(map).length) return;
    function swap(v) { return typeof v === "string" && Object.prototype.hasOwnProperty.call(map, v.toLowerCase()) ? map[v.toLowerCase()] : v; }
    (function walk(o) {
      if (!o || typeof o !== "object") return;
      Object.keys(o).forEach(function (k) {
        var v = o[k];
        if (/color$/i.test(k)) o[k] = Array.isArray(v) ? v.map(swap) : swap(v);
        else if (k !== "meta") walk(v);
      });
    })({ data: spec.data, layout: spec.layout });
  }

  // Views in the address. A chart's view buttons (its first button menu: launch vs later prices, a
  // paper vs a system card) each name their view (the button's `name`, charts/__init__.views); the
  // reader's choice is kept in the query as view-<chart id>=<view>, so that a shared link, the
  // language switch (site.js carries the query) and an embed open the view the reader saw. The
  // query, not the fragment: the fragment is the heading the reader is at (navigation.tracking).
  // The default view is not written; an unknown view is ignored.
  function chartId(el) {
    var figure = el.closest("[data-chart]");
    return figure ? figure.getAttribute("data-chart") : null;
  }
  function viewKey(id) { return "view-" + id; }
  function menuOf(layout) { return (layout.updatemenus || [])[0] || null; }
  function viewIndex(layout, name) {
    var menu = menuOf(layout);
    if (!menu || !name) return -1;
    for (var i = 0; i < (menu.buttons || []).length; i++) if (menu.buttons[i].name === name) return i;
    return -1;
  }
  function defaultIndex(layout) { var menu = menuOf(layout); return menu && menu.active ? menu.active : 0; }
  // The view the address asks for, if this chart has it and it is not the one drawn first.
  function askedView(el) {
    var id = chartId(el), s = specOf(el);
    if (!id) return -1;
    var layout = JSON.parse(s.wide).layout;
    var i = viewIndex(layout, new URLSearchParams(window.location.search).get(viewKey(id)));
    return i === defaultIndex(layout) ? -1 : i;
  }
  function pathKeys(path) { return path.replace(/\[(\d+)\]/g, ".$1").split("."); }  // "annotations[3].visible"
  function setPathIn(obj, path, value) {
    var keys = pathKeys(path), o = obj;
    for (var i = 0; i < keys.length - 1; i++) { o[keys[i]] = o[keys[i]] || (/^\d+$/.test(keys[i + 1]) ? [] : {}); o = o[keys[i]]; }
    o[keys[keys.length - 1]] = value;
  }
  // Press button i of the spec's first menu before drawing: what plotly does on a click (restyle,
  // relayout or update), done to the spec itself, so that the chart is drawn once, in that view.
  function showView(spec, i) {
    var menu = menuOf(spec.layout), button = menu && menu.buttons && menu.buttons[i];
    if (!button) return;
    var args = button.args || [], restyle = null, relayout = null, traces = null;
    if (button.method === "restyle") { restyle = args[0]; traces = args[1]; }
    else if (button.method === "relayout") relayout = args[0];
    else if (button.method === "update") { restyle = args[0]; relayout = args[1]; traces = args[2]; }
    else return;
    var indices = Array.isArray(traces) ? traces : (typeof traces === "number" ? [traces] : spec.data.map(function (_, k) { return k; }));
    Object.keys(restyle || {}).forEach(function (path) {
      var v = restyle[path];
      indices.forEach(function (t, k) { if (spec.data[t]) setPathIn(spec.data[t], path, Array.isArray(v) ? v[k % v.length] : v); });
    });
    Object.keys(relayout || {}).forEach(function (path) { setPathIn(spec.layout, path, relayout[path]); });
    menu.active = i;
  }
  // The reader pressed a view button: the address (and the links that open this chart elsewhere) name it.
  function rememberView(el, name, isDefault) {
    var id = chartId(el);
    if (!id || !/^[a-z0-9-]+$/.test(name || "")) return;
    var url = new URL(window.location.href);
    if (isDefault) url.searchParams.delete(viewKey(id)); else url.searchParams.set(viewKey(id), name);
    try {
      history.replaceState(history.state, "", url.pathname + url.search + url.hash);
    } catch { /* a sandboxed frame may refuse: the view is still shown */ }
    linkView(el, name, isDefault);
  }
  // What opens this chart elsewhere names its view too: the link to the chart's page (story pages,
  // embeds) and, on the chart's page, the embed code (its frame's address).
  function linkView(el, name, isDefault) {
    var id = chartId(el), key = viewKey(id), figure = el.closest("[data-chart]");
    figure.querySelectorAll("a[data-o3-view-link]").forEach(function (a) {
      var target = new URL(a.getAttribute("href"), window.location.href);
      if (isDefault) target.searchParams.delete(key); else target.searchParams.set(key, name);
      a.setAttribute("href", target.href);
    });
    var frameSrc = new RegExp("(/embed/" + id + "/\\?[^\"\\s]*?)(&" + key + "=[a-z0-9-]+)?(\")");
    document.querySelectorAll("pre code").forEach(function (code) {
      var walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT), node;
      while ((node = walk.nextNode())) {
        if (frameSrc.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(frameSrc, "$1" + (isDefault ? "" : "&" + key + "=" + name) + "$3");
      }
    });
  }
  // plotly draws a view button as an SVG group that only a mouse or a finger can press: each one is
  // made a button that says whether it is pressed (aria-pressed, which the stylesheets show in both
  // themes), takes the keyboard's focus and presses with Enter or Space. Done again after each
  // redraw (plotly redraws the buttons on a press, a resize and a change of theme).
  function markButtons(el) {
    var menus = (el._fullLayout && el._fullLayout.updatemenus) || [];
    el.querySelectorAll("g.updatemenu-header-group").forEach(function (group, m) {
      var menu = menus[m];
      if (!menu || menu.type !== "buttons") return;
      group.setAttribute("role", "group");
      group.querySelectorAll("g.updatemenu-button").forEach(function (b, i) {
        b.setAttribute("role", "button");
        b.setAttribute("tabindex", "0");
        b.setAttribute("aria-pressed", String(i === menu.active));
        if (b.dataset.o3keys) return;
        b.dataset.o3keys = "1";
        b.addEventListener("keydown", function (e) {
          if (e.key !== "Enter" && e.key !== " ") return;
          e.preventDefault();
          b.dispatchEvent(new MouseEvent("click", { bubbles: true }));
        });
      });
    });
  }

  // A view keeps the plot area where the view before had it. A view's legend can take more lines than
  // another's (the ARC cost chart's December view names its high-compute runs in one long entry), and
  // plotly's automargin then moved the plot area, so every mark shifted (16-31 px on a phone) as the
  // reader compared the views. When a chart with views is drawn at a width and layout, each of its
  // other views is drawn in turn, in the same task (no frame is painted in between), and the one on
  // screen put back; the margins of the view that took the most room are then held for all of them (a
  // shorter legend sits at the bottom, with room above it). A later redraw (a press, a change of theme)
  // that moves the margins has them put back.
  function pathValue(obj, path) {
    var keys = pathKeys(path), o = obj;
    for (var i = 0; i < keys.length && o != null; i++) o = o[keys[i]];
    return o;
  }
  function near(size, held) { return Math.abs(size.t - held.t) < 0.5 && Math.abs(size.b - held.b) < 0.5; }
  function holdPlotArea(el) {
    var full = el._fullLayout, size = full && full._size;
    if (!size || el._o3holding) return;
    var key = el.dataset.layout + " " + Math.round(full.width), held = el._o3held;
    if (held && held.key === key) {
      if (!near(size, held)) settle(el, key, held);
      return;
    }
    var menu = menuOf(el.layout), active = full.updatemenus && full.updatemenus[0] ? full.updatemenus[0].active : 0;
    var others = menu && menu.type === "buttons" ? (menu.buttons || []).filter(function (b, i) { return i !== active && b.method === "update"; }) : [];
    // the margins of the view with the smallest plot area (its top follows its bottom: plotly places the
    // buttons a fraction of the plot's height above it, so another view's top is not the one to hold)
    var most = { key: key, t: size.t, b: size.b };
    if (!others.length) { el._o3held = most; return; }
    // what the buttons change, as it is now (the view on screen, and any series the reader hid); a value
    // the chart never set goes back as null, plotly's "the default" (undefined would leave the other
    // view's value in place: December's ARC view lost its high-compute series and every label)
    var traces = {}, layout = {};
    function now(v) { return v === undefined ? null : v; }
    menu.buttons.forEach(function (b) {
      if (b.method !== "update") return;
      Object.keys(b.args[0] || {}).forEach(function (k) { traces[k] = el.data.map(function (d) { return now(pathValue(d, k)); }); });
      Object.keys(b.args[1] || {}).forEach(function (k) { layout[k] = now(pathValue(el.layout, k)); });
    });
    var chain = Promise.resolve();
    el._o3holding = true;
    others.forEach(function (button) {
      chain = chain.then(function () { return window.Plotly.update(el, button.args[0] || {}, button.args[1] || {}); })
        .then(function () { var s = el._fullLayout._size; if (s.t + s.b > most.t + most.b) most = { key: key, t: s.t, b: s.b }; });
    });
    chain.then(function () { return window.Plotly.update(el, traces, layout); }).then(function () {
      el._o3holding = false;
      if (near(el._fullLayout._size, most)) el._o3held = most; else settle(el, key, most);
    }, function () { el._o3holding = false; });
  }
  function settle(el, key, held) {
    el._o3holding = true;
    window.Plotly.relayout(el, { "margin.t": held.t, "margin.b": held.b }).then(function () {
      var now = el._fullLayout._size;
      el._o3held = { key: key, t: now.t, b: now.b };  // a view that needs more room still takes it (automargin)
    }).then(function () { el._o3holding = false; }, function () { el._o3holding = false; });
  }

  function watchViews(el) {
    el.on("plotly_afterplot", function () { markButtons(el); holdPlotArea(el); });
    el.on("plotly_buttonclicked", function () { markButtons(el); });
    el.on("plotly_buttonclicked", function (ev) {
      var layout = JSON.parse(specOf(el).wide).layout, menu = menuOf(layout);
      if (!ev || !ev.button || !menu || ev.menu && ev.menu._index) return;
      rememberView(el, ev.button.name, ev.active === defaultIndex(layout));
    });
  }

  function draw(el) {
    if (el.dataset.drawn) return;
    var name = scheme(), variant = variantFor(el);
    var spec = figureFor(el, variant, name, null);
    el.dataset.drawn = "1";
    el.dataset.layout = variant;
    el.dataset.scale = scaleFor(el, variant);
    var facade = el.querySelector("picture, .o3-chart__static");
    var zoom = zooms(spec, variant);
    window.Plotly.newPlot(el, spec.data, spec.layout, configFor(el, zoom)).then(function () {
      if (facade) facade.remove();
      tools(el, zoom, rangesOf(spec.layout));
      watchViews(el);
      markButtons(el);
      holdPlotArea(el);  // the first drawing's margins, which later views keep
      if (askedView(el) >= 0) linkView(el, spec.layout.updatemenus[0].buttons[spec.layout.updatemenus[0].active].name, false);
      // Hold the spec's height: with autosize on, a later restyle (a chart's buttons) would otherwise
      // re-measure the container and shrink the plot to its CSS min-height.
      if (spec.layout.height) el.style.height = spec.layout.height + "px";
      el.dataset.theme = name;
      if (name !== scheme()) retheme();  // toggled while drawing
      highlight(el);
      // A tap is a click, with no hover before it: open the tapped point's tooltip. A swipe is not a
      // tap: plotly, which no longer follows the finger, would take its end for a click.
      var swiped = false, x0 = 0, y0 = 0;
      el.addEventListener("touchstart", function (e) {
        swiped = false; x0 = e.touches[0].clientX; y0 = e.touches[0].clientY;
      }, { passive: true });
      el.addEventListener("touchmove", function (e) {
        var t = e.touches[0];
        if (Math.abs(t.clientX - x0) > 10 || Math.abs(t.clientY - y0) > 10) swiped = true;
      }, { passive: true });
      el.on("plotly_click", function (ev) {
        if (swiped) return;
        var pts = (ev && ev.points || []).filter(function (p) { return p.data && p.data.hoverinfo !== "skip"; });
        if (!pts.length) return;
        var p = pts[0];
        window.Plotly.Fx.hover(el, [{ curveNumber: p.curveNumber, pointNumber: p.pointNumber }], (p.data.xaxis || "x") + (p.data.yaxis || "y"));
      });
      el.closest(".o3-chart").setAttribute("data-ready", "1");
      replayTap(el);
    });
  }

  // The first tap on a chart lands on its static image, and draws it: it is not lost. Where it
  // landed is kept, and once the chart is drawn it is replayed there: a point's tooltip opens, a view
  // button is pressed. A swipe (the page scrolled: pointercancel) or a finger that moved is no tap.
  function rememberTap(el) {
    var down = null;
    el.addEventListener("pointerdown", function (e) {
      down = el.closest(".o3-chart").dataset.ready ? null : { x: e.clientX, y: e.clientY };
    }, { passive: true });
    el.addEventListener("pointercancel", function () { down = null; }, { passive: true });
    el.addEventListener("pointerup", function (e) {
      if (!down || Math.abs(e.clientX - down.x) > 10 || Math.abs(e.clientY - down.y) > 10) return;
      var r = el.getBoundingClientRect();
      el._o3tap = { x: e.clientX - r.left, y: e.clientY - r.top };
      down = null;
      if (el.closest(".o3-chart").dataset.ready) replayTap(el);  // drawn between finger down and up
    }, { passive: true });
  }

  function replayTap(el) {
    var tap = el._o3tap;
    delete el._o3tap;
    if (!tap) return;
    var r = el.getBoundingClientRect(), x = r.left + tap.x, y = r.top + tap.y;
    if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return;  // scrolled away meanwhile
    var target = document.elementFromPoint(x, y);
    if (!target || !el.contains(target)) return;
    var init = { bubbles: true, cancelable: true, view: window, clientX: x, clientY: y };
    var button = target.closest(".updatemenu-button");
    // plotly hovers on the mouse's move over its plot area (the tooltip of the nearest point) and
    // presses a view button on its click
    (button || target).dispatchEvent(new MouseEvent(button ? "click" : "mousemove", init));
  }

  // The container crossed NARROW (or, in the narrow layout, PLANNED): redraw, keeping the reader's choices.
  function relayoutFor(el) {
    var variant = variantFor(el), k = scaleFor(el, variant);
    if ((variant === el.dataset.layout && String(k) === el.dataset.scale) || el.dataset.switching) return false;
    el.dataset.switching = "1";
    var name = scheme();
    var spec = figureFor(el, variant, name, { data: el.data, layout: el.layout });
    var zoom = zooms(spec, variant);
    window.Plotly.react(el, spec.data, spec.layout, configFor(el, zoom)).then(function () {
      tools(el, zoom, rangesOf(spec.layout));
      if (spec.layout.height) el.style.height = spec.layout.height + "px";  // the other layout's height
      el.dataset.layout = variant;
      el.dataset.scale = k;
      el.dataset.theme = name;
      delete el.dataset.switching;
      if (!relayoutFor(el) && el.dataset.theme !== scheme()) retheme();  // the width or the theme may have moved on while drawing
    });
    return true;
  }

  // A link such as ?point=o3.swe-bench-verified#chart-o3-vs-o1 (from a number in the transcript)
  // lands on the chart with that data point's tooltip open.
  function highlight(el) {
    var id = new URLSearchParams(window.location.search).get("point");
    if (!id) return;
    el.data.forEach(function (trace, i) {
      if (trace.visible === false) return; // a view switched off (buttons): its points cannot show a tooltip
      (trace.customdata || []).forEach(function (cd, j) {
        if (String(cd).split(" ").indexOf(id) < 0 || el.closest(".o3-chart").dataset.highlight) return;
        el.closest(".o3-chart").dataset.highlight = id;
        var subplot = (trace.xaxis || "x") + (trace.yaxis || "y");
        window.Plotly.Fx.hover(el, [{ curveNumber: i, pointNumber: j }], subplot);
        reveal(el);
      });
    });
  }

  // The linked point in view: the whole chart, centred, when it fits under the header; else (a tall
  // chart on a phone) its tooltip, centred in the room under the header (centring the chart put a
  // point near its top, and its tooltip, under the header).
  function reveal(el) {
    var figure = el.closest(".o3-chart"), header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0, room = window.innerHeight - top;
    var tip = el.querySelector(".hoverlayer .hovertext");
    if (figure.getBoundingClientRect().height <= room || !tip) {
      figure.scrollIntoView({ block: "center" });
      return;
    }
    var r = tip.getBoundingClientRect();
    window.scrollBy(0, r.top - top - Math.max(0, (room - r.height) / 2));
  }

  function setPath(obj, path, value) {
    var keys = path.split("."), o = obj;
    for (var i = 0; i < keys.length - 1; i++) { o[keys[i]] = o[keys[i]] || {}; o = o[keys[i]]; }
    o[keys[keys.length - 1]] = value;
  }

  // The toggle: redraw in the other theme (its layout colours and its marks' colours), keeping
  // what the reader changed (traces switched off, the buttons pressed).
  function retheme() {
    var name = scheme();
    document.querySelectorAll(".o3-chart__plot[data-drawn]").forEach(function (el) {
      if (!el.dataset.theme || el.dataset.theme === name || el.dataset.switching) return;  // no theme yet: still drawing
      el.dataset.switching = "1";
      var spec = figureFor(el, el.dataset.layout, name, { data: el.data, layout: el.layout });
      var zoom = zooms(spec, el.dataset.layout);
      window.Plotly.react(el, spec.data, spec.layout, configFor(el, zoom)).then(function () {
        tools(el, zoom, rangesOf(spec.layout));
        el.dataset.theme = name;
        delete el.dataset.switching;
        if (!relayoutFor(el)) retheme();  // the theme or the width may have moved on while drawing
      });
    });
  }

  function start() {
    var plots = document.querySelectorAll(".o3-chart__plot");
    if (!plots.length) return;
    var wanted = new URLSearchParams(window.location.search).get("point");
    var seen = window.IntersectionObserver ? new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (e.isIntersecting) { seen.unobserve(e.target); idle(function () { activate(e.target); }); }
      });
    }, { rootMargin: "200px 0px" }) : null;
    plots.forEach(function (el) {
      var figure = el.closest(".o3-chart");
      rememberTap(el);
      ["pointerenter", "focusin", "touchstart"].forEach(function (type) {
        figure.addEventListener(type, function () { activate(el); }, { once: true, passive: true });
      });
      // A chart asked for in another view (the address) is drawn at once, in that view: the page's
      // head hid its static image (views.HEAD_SCRIPT), which shows the default view. Any other
      // chart shows its image again (its view is the default one, or unknown).
      var other = askedView(el) >= 0;
      if (!other && figure) figure.setAttribute("data-o3-view-shown", "");
      // No static image to show (a build without a browser): draw at once.
      if (wanted || other || !seen || !el.querySelector(".o3-chart__static")) activate(el);
    });
    // Until the reader does something (scrolls, moves the pointer, presses a key) the static SVGs are
    // the charts; from then on, charts near the viewport turn interactive when the page is idle.
    // An embed waits for the pointer or focus on its own chart (the listeners above).
    var embedded = document.documentElement.hasAttribute("data-theme");
    if (seen && !wanted && !embedded) {
      var arm = function (event) {
        // Only the reader's own scrolling counts: the theme scrolls its navigation sidebar to the
        // current page as it loads, and that scroll event reaches this capturing listener too.
        if (event && event.type === "scroll" && event.target !== document && event.target !== document.documentElement) return;
        ["scroll", "wheel", "pointermove", "pointerdown", "keydown", "touchstart"].forEach(function (type) {
          window.removeEventListener(type, arm, true);
        });
        plots.forEach(function (el) { if (!el.dataset.activating) seen.observe(el); });
      };
      ["scroll", "wheel", "pointermove", "pointerdown", "keydown", "touchstart"].forEach(function (type) {
        window.addEventListener(type, arm, { capture: true, passive: true });
      });
    }
    var watch = new MutationObserver(retheme);
    watch.observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    watch.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    // Charts in hidden tabs or resized containers: redraw at the new width.
    if (window.ResizeObserver) {
      var ro = new ResizeObserver(function (entries) {
        entries.forEach(function (e) {
          if (!e.target.dataset.drawn || !e.target.dataset.layout || !e.contentRect.width) return;
          if (!relayoutFor(e.target)) window.Plotly.Plots.resize(e.target);
        });
      });
      plots.forEach(function (el) { ro.observe(el); });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
