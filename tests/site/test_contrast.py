"""Every mark of every chart is visible in both themes (WCAG 2.x non-text contrast, 1.4.11): each
marker, line, bar, shape line, annotation arrow and legend swatch, as plotly drew it, has at least
3:1 contrast with the plot's background, in the light and the dark scheme, both languages.

The colours are read in the browser from plotly's SVG (computed fill and stroke, with every
opacity on the way to the root), and the background from the page under the chart (composited with
plotly's paper and plot backgrounds). A mark counts as visible when its most contrasting painted
part does (a light marker with a dark outline is seen by its outline, as 1.4.11 allows); a mark with
one paint (a line, an open marker, a bar) must pass with that paint. Grid and axis lines are not
marks (1.4.11 does not require them) and are not checked. Every text of the chart but the tooltip
(ticks, titles, labels, annotations, legend, buttons) is read on the same visits and holds 4.5:1
against what it stands on (WCAG 1.4.3; 3:1 from 18.66 px, or 14 px bold): axe does not read SVG
text. (A value label once took its series' colour: 3.1:1 for 12 px text.)

Charts with view buttons are checked in every view, on their pages and in their embeds (each in
the theme the snippet asks for). Three ways into a theme: drawn in light, drawn
in dark (the OS setting), and drawn in light then switched to dark with Material's toggle (the
live re-colouring in assets/charts.js).
"""

from __future__ import annotations

import pytest

from o3story.render.charts import CHARTS
from conftest import draw_all_charts

pytestmark = pytest.mark.browser

MIN_RATIO = 3.0

# Reads, for the chart on the page, every mark's paints as [r, g, b, a] (a: every opacity on the way
# to the SVG root multiplied in) and the background it sits on, opaque.
COLLECT = """(sel) => {
  const plot = sel ? document.querySelector(sel) : document.documentElement;  // a chart, or a static SVG opened alone
  function rgba(c) {
    const m = /rgba?\\(([^)]+)\\)/.exec(c || '');
    if (!m) return null;
    const p = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  function over(top, under) {  // top composited over an opaque colour
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + under[i] * (1 - a)).concat([1]);
  }
  // The page under the chart: the first opaque background up the tree, translucent ones composited.
  const layers = [];
  for (let e = plot; e; e = e.parentElement) {
    const c = rgba(getComputedStyle(e).backgroundColor);
    if (c && c[3] > 0) { layers.push(c); if (c[3] >= 1) break; }
  }
  let page = [255, 255, 255, 1];
  layers.reverse().forEach(c => { page = over(c, page); });
  const svg = plot.matches('.main-svg') ? plot : plot.querySelector('.main-svg');
  let paper = page;
  const paperBg = rgba(getComputedStyle(svg).backgroundColor);
  if (paperBg) paper = over(paperBg, paper);
  const paperRect = svg.querySelector(':scope > rect');  // plotly's exporter paints the paper as a rect
  if (paperRect) { const c = rgba(getComputedStyle(paperRect).fill); if (c) paper = over([c[0], c[1], c[2], c[3] * Number(getComputedStyle(paperRect).fillOpacity)], paper); }
  let plotBg = paper;
  const bgRect = plot.querySelector('.bglayer rect.bg');
  if (bgRect) { const c = rgba(getComputedStyle(bgRect).fill); if (c) plotBg = over([c[0], c[1], c[2], c[3] * Number(getComputedStyle(bgRect).fillOpacity)], plotBg); }
  let legendBg = paper;
  const legRect = plot.querySelector('.legend rect.bg');
  if (legRect) { const c = rgba(getComputedStyle(legRect).fill); if (c) legendBg = over([c[0], c[1], c[2], c[3] * Number(getComputedStyle(legRect).fillOpacity)], legendBg); }

  function opacityChain(el) {
    let a = 1;
    for (let e = el; e && e !== plot; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
    return a;
  }
  function paintOf(el, which) {
    const cs = getComputedStyle(el);
    let value = cs[which];
    if (!value || value === 'none') return null;
    const ref = /url\\("?#([^")]+)"?\\)/.exec(value);
    if (ref) {  // a pattern fill (o3-vs-o1's released bars): its background is the bar's colour
      const pat = document.getElementById(ref[1]);
      const rect = pat && pat.querySelector('rect');
      if (!rect) return null;
      value = getComputedStyle(rect).fill;
    }
    const c = rgba(value);
    if (!c) return null;
    if (which === 'stroke') {
      if (parseFloat(cs.strokeWidth) <= 0) return null;
      c[3] *= Number(cs.strokeOpacity);
    } else {
      c[3] *= Number(cs.fillOpacity);
    }
    c[3] *= opacityChain(el);
    return c[3] > 0 ? c : null;
  }
  function shown(el) {
    if (el.closest('[display="none"]') || getComputedStyle(el).display === 'none' || getComputedStyle(el).visibility === 'hidden') return false;
    const d = el.getAttribute('d');
    if (d !== null && (d === '' || d === 'M0,0Z')) return false;  // plotly's empty point
    const box = el.getBBox();
    return box.width > 0 || box.height > 0;
  }
  function traceName(el) {
    const g = el.closest('g.trace, g.traces');
    const legend = g && g.querySelector('.legendtext');
    if (legend) return legend.textContent;
    const d = g && g.__data__;
    const cd = Array.isArray(d) ? d[0] : d;
    return (cd && cd.trace && cd.trace.name) || '';
  }
  const kinds = [
    ['marker', '.scatterlayer .trace .points path.point'],
    ['line', '.scatterlayer .trace path.js-line'],
    ['area', '.scatterlayer .trace path.js-fill'],
    ['bar', '.barlayer .trace .point path'],
    ['errorbar', '.errorbar path'],
    ['shape', '.shapelayer path'],
    ['arrow', '.annotation-arrow-g path'],
    ['legend swatch', '.legend .traces .legendpoints path, .legend .traces .legendlines path, .legend .traces .legendfill path'],
  ];
  const marks = [];
  kinds.forEach(([kind, sel]) => {
    plot.querySelectorAll(sel).forEach(el => {
      if (!shown(el)) return;
      const paints = [['fill', paintOf(el, 'fill')], ['stroke', paintOf(el, 'stroke')]].filter(p => p[1]);
      if (!paints.length) return;
      const bg = kind === 'legend swatch' ? legendBg : (el.closest('.layer-above, .layer-below, .infolayer') && kind !== 'shape' ? paper : plotBg);
      marks.push({kind, name: traceName(el), paints, bg});
    });
  });
  // Text (WCAG 1.4.3): every text of the chart but the tooltip, with its fill, at 4.5:1 below 18.66 px
  // (14 px bold) and 3:1 above.
  plot.querySelectorAll('svg text').forEach(el => {
    if (el.closest('.hoverlayer') || !el.textContent.trim() || !shown(el)) return;
    const fill = paintOf(el, 'fill');
    if (!fill) return;
    const cs = getComputedStyle(el), size = parseFloat(cs.fontSize), bold = Number(cs.fontWeight) >= 700 || !!el.querySelector('tspan[style*="bold"]');
    const button = el.closest('.updatemenu-button');
    let bg = el.closest('.legend') ? legendBg : el.closest('.textpoint') ? plotBg : paper;
    const face = button && button.querySelector('rect');
    if (face) { const c = paintOf(face, 'fill'); if (c) bg = over(c, paper); }
    marks.push({kind: 'text', name: el.textContent.trim().slice(0, 40), paints: [['fill', fill]], bg,
                min: size >= 18.66 || (bold && size >= 14) ? 3.0 : 4.5});
  });
  return {marks};
}"""


def luminance(rgb) -> float:
    def lin(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a, b) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def over(top, under):
    a = top[3]
    return [top[i] * a + under[i] * (1 - a) for i in range(3)] + [1]


def hexa(c) -> str:
    return "#" + "".join(f"{round(v):02x}" for v in c[:3])


def failures(result: dict) -> list[str]:
    """Every mark whose best paint has less than MIN_RATIO against its background, described."""
    out = []
    for m in result["marks"]:
        best = max(ratio(over(p, m["bg"]), m["bg"]) for _, p in m["paints"])
        if best < m.get("min", MIN_RATIO):
            paints = ", ".join(f"{w} {hexa(over(p, m['bg']))}" for w, p in m["paints"])
            out.append(f"{m['kind']} {m['name']!r}: {paints} on {hexa(m['bg'])} = {best:.2f}:1")
    return sorted(set(out))


def failures_under(result: dict, filtered) -> list[str]:
    """As failures(), for an image drawn through a CSS filter: `filtered` maps opaque colours to what
    the filter makes of them."""
    out = []
    for m in result["marks"]:
        bg = filtered(m["bg"])
        shown = [(w, filtered(over(p, m["bg"]))) for w, p in m["paints"]]
        best = max(ratio(c, bg) for _, c in shown)
        if best < m.get("min", MIN_RATIO):
            out.append(f"{m['kind']} {m['name']!r}: " + ", ".join(f"{w} {hexa(c)}" for w, c in shown)
                       + f" on {hexa(bg)} = {best:.2f}:1")
    return sorted(set(out))


def set_dark(page) -> None:
    """Material's palette toggle, clicked until the dark scheme is on."""
    for _ in range(3):
        if page.locator("body").get_attribute("data-md-color-scheme") == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.wait_for_function("() => document.querySelector('.o3-chart__plot').dataset.theme === 'slate'")


def views(page) -> int:
    return page.evaluate("() => ((document.querySelector('.o3-chart__plot').layout.updatemenus || [])[0] || {buttons: [null]}).buttons.length")


def check_every_view(page, where: str) -> tuple[list[str], int]:
    """The failures in every view of the chart (its buttons, if any), and how many marks were read."""
    found, count = [], 0
    n = views(page)
    for i in range(n):
        if n > 1:
            page.locator(".updatemenu-button").nth(i).click(force=True)
            page.wait_for_function(
                "i => (document.querySelector('.o3-chart__plot').layout.updatemenus[0].active || 0) === i", arg=i)
            page.wait_for_timeout(200)  # the restyle's redraw
        result = page.evaluate(COLLECT, ".o3-chart__plot")
        count += len(result["marks"])
        found += [f"{where} view {i}: {f}" for f in failures(result)]
    return found, count


@pytest.mark.parametrize("mode", ["dark", "light-then-toggled"])
@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("chart_id", list(CHARTS))
def test_every_mark_has_3_to_1_contrast(site, tab, chart_id, lang, mode):
    """Drawn in dark (the OS setting); or drawn in light, checked, then switched to dark with the
    theme's toggle and checked again (one visit for the light scheme and the live re-colouring)."""
    page = tab(viewport={"width": 1280, "height": 900}, color_scheme="dark" if mode == "dark" else "light")
    page.goto(f"{site.url}{lang}charts/{chart_id}/")
    draw_all_charts(page)
    steps = [("slate", "dark")] if mode == "dark" else [("default", "light"), ("slate", "light, then toggled to dark")]
    for scheme, how in steps:
        if how.endswith("toggled to dark"):
            set_dark(page)
        assert page.locator(".o3-chart__plot").get_attribute("data-theme") == scheme
        found, count = check_every_view(page, f"{lang}charts/{chart_id}/ ({how})")
        assert count >= 3, f"only {count} marks read: the selectors no longer match plotly's SVG"
        assert not found, "\n".join(found)


# The dark theme shows the facade (the static SVG, before plotly.js draws) through this filter
# (assets/site.css, embed.css): the test reads the rule from the stylesheet and has the browser
# apply it to each colour, on a canvas.
FILTER = """(args) => args.colours.map(c => {
  const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas'); canvas.width = canvas.height = 2;  // (an SVG document: HTML's namespace)
  const ctx = canvas.getContext('2d'); ctx.filter = args.filter;
  ctx.fillStyle = `rgb(${c[0]}, ${c[1]}, ${c[2]})`; ctx.fillRect(0, 0, 2, 2);
  const d = ctx.getImageData(0, 0, 1, 1).data; return [d[0], d[1], d[2], 1];
})"""


def facade_filter(site) -> str:
    import re

    css = (site.root / "assets" / "site.css").read_text(encoding="utf-8")
    rule = re.search(r'\[data-md-color-scheme="slate"\] \.o3-chart__static \{ filter: ([^;]+);', css)
    assert rule, "no dark-scheme filter for .o3-chart__static in site.css"
    embed = (site.root / "assets" / "embed.css").read_text(encoding="utf-8")
    assert f'html[data-theme="dark"] .o3-chart__static {{ filter: {rule.group(1)};' in embed, "embed.css filters the facade differently"
    return rule.group(1)


@pytest.mark.parametrize("variant", ["", ".narrow"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(CHARTS))
def test_static_facade_marks_have_3_to_1_contrast_in_both_themes(site, tab, chart_id, lang, variant):
    """The facade: light as it is, dark through the stylesheet's filter."""
    path = site.root / "charts" / chart_id / f"static.{lang}{variant}.svg"
    assert path.exists(), f"{path.name}: no static image (the build had no browser?)"
    css_filter = facade_filter(site)
    page = tab()
    page.goto(f"{site.url}charts/{chart_id}/{path.name}")
    result = page.evaluate(COLLECT, None)
    cache: dict[tuple, list] = {}

    def filtered(c):
        key = tuple(round(v) for v in c[:3])
        if key not in cache:
            cache[key] = page.evaluate(FILTER, {"colours": [list(key)], "filter": css_filter})[0]
        return cache[key]

    light = failures(result)
    dark = failures_under(result, filtered)
    assert len(result["marks"]) >= 3, f"only {len(result['marks'])} marks read in {path.name}"
    assert not light and not dark, "\n".join([f"{path.name} light: {f}" for f in light] + [f"{path.name} dark: {f}" for f in dark])


@pytest.mark.parametrize("theme", ["light", "dark"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(CHARTS))
def test_embedded_chart_marks_have_3_to_1_contrast(site, tab, chart_id, lang, theme):
    """The embed (/embed/<id>/, its own page and stylesheet, in an editor's frame) in the theme its
    snippet asks for: the same marks, on the embed's own background."""
    page = tab(viewport={"width": 640, "height": 520})
    page.goto(f"{site.url}embed/{chart_id}/?lang={lang}&theme={theme}")
    draw_all_charts(page)
    assert page.locator("html").get_attribute("data-theme") == theme
    assert page.locator(".o3-chart__plot").get_attribute("data-theme") == ("slate" if theme == "dark" else "default")
    found, count = check_every_view(page, f"embed/{chart_id}/?lang={lang}&theme={theme}")
    assert count >= 3, f"only {count} marks read: the selectors no longer match plotly's SVG"
    assert not found, "\n".join(found)
