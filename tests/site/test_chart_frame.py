"""The frame around every chart, in a browser at 360 px with touch and at 1280 px with a mouse, both
languages: the plot's box is the chart's own height (no blank band under a short chart, before and
after it turns live, and the box does not change when it does); in the dark theme the static images
have the page's background; on a phone a story page's chart keeps its notes and sources behind one
closed line; the charts gallery's tiles line up; a chart that turns live above the reader moves nothing.

Each chart's one visit per width, language and kind (its page, its embed) also checks its text and its
height, as the reader meets them there: no two texts overlap or leave the chart's box, in the static
image (whose smallest text is at least 11 px) and drawn (chart_text.py; 768 px is in
test_phone_charts.py); and a chart page's chart fits the screen: at 1280 x 900 the title and the drawn
plot are on the first screen, at 360 x 800 the chart, static or drawn, is at most 1.25 screens tall and
its headline (the chart's title) at most 6 lines and larger than the page's other headings.
At 360 px (touch), once drawn, a vertical swipe on the chart is the page's (chart_swipe.py).

The box is measured against the drawn chart (the live chart's SVG, or the static image as painted), and
the page under the chart's last mark on pixels (a screenshot of the box), so that it holds for the
static image and the live chart alike. The figures of each case go to .cache/chart-frame.json."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import pytest

from chart_swipe import WATCH, swipe_check, swipe_failures
from chart_text import measure_drawn, measure_facade, summary, text_failures
from conftest import images_shown, record_figures
from o3story.render.charts import CHARTS

pytestmark = pytest.mark.browser

LANGS = ("", "en/")
WIDTHS = {360: dict(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True),
          1280: dict(viewport={"width": 1280, "height": 900})}
BLANK_MAX = 8  # px of the box under the drawn chart (its SVG, or its static image as painted), at most
# px of page background under the chart's last mark or label, on pixels: the chart's own bottom margin
# (its module's layout), at most; a box taller than its chart shows as a band of 40 px and more
CHART_MARGIN_MAX = 20
SCREEN = 800  # a phone screen's height at 360 px
UNDER_MAX = 120  # px under a story chart on a phone, around its content: the data table's line, the sources' and notes' line, the link
TITLE_LINES_MAX = 6  # lines of a chart page's headline at 360 px
# the headline's lines, its size, and the largest of the page's other headings
TITLE = """() => { const h = document.querySelector('h1'), size = e => parseFloat(getComputedStyle(e).fontSize);
    return {lines: Math.round(h.getBoundingClientRect().height / parseFloat(getComputedStyle(h).lineHeight)), size: size(h),
            others: Math.max(0, ...[...document.querySelectorAll('.md-typeset h2, .md-typeset h3')].map(size))}; }"""
OUT = Path(__file__).resolve().parents[2] / ".cache" / "chart-frame.json"
RESULTS: dict[str, object] = {}


@pytest.fixture(scope="module", autouse=True)
def record():
    yield
    record_figures(OUT, RESULTS, sort_keys=True)


@pytest.fixture(scope="module")
def decoder(browser):
    """A blank page that decodes screenshots (PNG) to pixels, away from the site's content policy."""
    ctx = browser.new_context()
    page = ctx.new_page()
    yield page
    ctx.close()


# Rows of background at the bottom of a PNG, and the colour of its top-left corner: a row is background
# when every pixel is within `tol` of `bg` on each channel.
SCAN = """async ([b64, bg, tol]) => {
  const bytes = Uint8Array.from(atob(b64), c => c.charCodeAt(0));
  const bmp = await createImageBitmap(new Blob([bytes], {type: 'image/png'}));
  const c = new OffscreenCanvas(bmp.width, bmp.height), g = c.getContext('2d');
  g.drawImage(bmp, 0, 0);
  const d = g.getImageData(0, 0, bmp.width, bmp.height).data, w = bmp.width;
  let blank = 0;
  for (let y = bmp.height - 1; y >= 0; y--) {
    let empty = true;
    for (let x = 0; x < w && empty; x++) {
      const i = (y * w + x) * 4;
      if (Math.abs(d[i] - bg[0]) > tol || Math.abs(d[i + 1] - bg[1]) > tol || Math.abs(d[i + 2] - bg[2]) > tol) empty = false;
    }
    if (!empty) break;
    blank++;
  }
  return {blank, height: bmp.height, corner: [d[0], d[1], d[2]]};
}"""


def rgb(css: str) -> list[int]:
    return [int(v) for v in re.findall(r"\d+", css)[:3]]


def background(page) -> list[int]:
    """The page's own background colour (Material's body; an embed's body)."""
    return rgb(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def doc_box(page, selector: str, inset: float = 0, size: float | None = None) -> dict:
    """The element's box in the document's coordinates (a full-page screenshot takes them without
    scrolling: scrolling is an act of the reader's, which turns charts live)."""
    return page.evaluate("""([sel, inset, size]) => {
        const r = document.querySelector(sel).getBoundingClientRect();
        return {x: r.left + scrollX + inset, y: r.top + scrollY + inset, width: size || r.width, height: size || r.height};
    }""", [selector, inset, size])


def shot(decoder, page, clip: dict, bg: list[int], tol: int = 6) -> dict:
    png = page.screenshot(clip=clip, full_page=True, animations="disabled")
    out = decoder.evaluate(SCAN, [base64.b64encode(png).decode(), bg, tol])
    out["box"] = round(clip["height"], 1)
    return out


def scan(decoder, page, selector: str, bg: list[int], tol: int = 6) -> dict:
    return shot(decoder, page, doc_box(page, selector), bg, tol)


# Where the drawn chart ends in its box: the live chart's SVG, or the static image as it is painted
# (object-fit: the picture scaled down to fit, never up, from the top); px from the box's top.
DRAWN = """() => {
  const box = document.querySelector('.o3-chart__plot'), b = box.getBoundingClientRect();
  const svg = box.querySelector('.main-svg');
  if (svg) return svg.getBoundingClientRect().bottom - b.top;
  const img = box.querySelector('.o3-chart__static'), r = img.getBoundingClientRect();
  const nw = img.naturalWidth || +img.getAttribute('width'), nh = img.naturalHeight || +img.getAttribute('height');
  const fit = getComputedStyle(img).objectFit;
  const h = fit === 'scale-down' || fit === 'contain' ? nh * Math.min(fit === 'contain' ? Infinity : 1, r.width / nw, r.height / nh) : r.height;
  return r.top - b.top + h;
}"""


def go_live(page, width: int) -> None:
    """The reader's first touch or pointer on the chart; then wait until it is drawn."""
    plot = page.locator(".o3-chart__plot").first
    plot.scroll_into_view_if_needed()
    box = plot.bounding_box()
    x, y = box["x"] + box["width"] / 2, box["y"] + min(box["height"] / 2, 150)
    if width == 360:
        page.touchscreen.tap(x, y)
    else:
        page.mouse.move(x, y)
    page.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
    page.wait_for_timeout(300)  # the drawn chart settles (fonts, a resize)
    if width == 1280:
        page.mouse.move(0, 0)  # no tooltip in the picture
        page.wait_for_timeout(200)


def chart_urls(kind: str, lang: str) -> list[tuple[str, str]]:
    if kind == "page":
        return [(c, f"{lang}charts/{c}/") for c in CHARTS]
    return [(c, f"embed/{c}/?lang={'en' if lang else 'zh'}&theme=light") for c in CHARTS]


@pytest.mark.long
@pytest.mark.parametrize("kind", ["page", "embed"])
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_each_chart_s_box_text_height_and_swipe(site, tab, decoder, width, lang, kind):
    page = tab(**WIDTHS[width], **({"init_script": WATCH} if width == 360 else {}))
    found, failures = {}, []
    for chart_id, url in chart_urls(kind, lang):
        page.goto(site.url + url, wait_until="load")
        images_shown(page)
        assert page.locator(".o3-chart__static").count() == 1, "the static image first"
        where = f"{width} {kind} {lang or 'zh/'} {chart_id}"
        # the static image: its text (laid out alone at its displayed size, in the blank decoder page), its box
        facade = summary(measure_facade(site, page, decoder))
        bg = background(page)
        static = scan(decoder, page, ".o3-chart__plot", bg)
        static_drawn = page.evaluate(DRAWN)
        static_height = page.locator(".o3-chart__plot img.o3-chart__static").bounding_box()["height"]
        assert page.locator(".o3-chart__plot[data-drawn]").count() == 0, f"{where}: drew while the static image was measured"
        go_live(page, width)
        # the drawn chart: its box, its text, its height on the page
        live = scan(decoder, page, ".o3-chart__plot", bg)
        live_drawn = page.evaluate(DRAWN)
        drawn = summary(measure_drawn(page))
        plot = page.locator(".o3-chart__plot").bounding_box()
        found[chart_id] = {"static_under": round(static["box"] - static_drawn, 1), "live_under": round(live["box"] - live_drawn, 1),
                           "static_box": static["box"], "live_box": live["box"],
                           "static_blank_px": static["blank"], "live_blank_px": live["blank"]}
        RESULTS[f"text {where} facade"], RESULTS[f"text {where} drawn"] = facade, drawn
        failures += [f"{where}: {f}" for f in text_failures(facade, drawn)]
        if width == 360:
            if page.locator(".o3-chart__plot").get_attribute("data-layout") != "narrow":
                failures.append(f"{where}: not the narrow layout")
            swiped = RESULTS[f"swipe {where}"] = swipe_check(page)
            failures += [f"{where}: {f}" for f in swipe_failures(swiped)]
        if kind == "page" and width == 360:
            tall = max(static_height, plot["height"])
            found[chart_id]["tallest"] = round(tall)
            if tall > 1.25 * SCREEN:
                failures.append(f"{where}: {tall:.0f} px tall on a {SCREEN} px screen")
            # the headline, the chart's finding with its figures, set as a chart's title (it took 8 lines),
            # and still the page's largest heading (its sections' were larger once it was made smaller)
            title = found[chart_id]["title"] = page.evaluate(TITLE)
            if title["lines"] > TITLE_LINES_MAX:
                failures.append(f"{where}: the title takes {title['lines']} lines on a phone")
            if title["others"] >= title["size"]:
                failures.append(f"{where}: a section heading of {title['others']} px against the title's {title['size']} px")
        elif kind == "page":
            # the page's first screen holds the title and the whole plot: its bottom within 900 px of the page's top
            end = plot["y"] + plot["height"] + page.evaluate("window.scrollY")
            found[chart_id]["plot_end"] = round(end)
            if end > WIDTHS[width]["viewport"]["height"]:
                failures.append(f"{where}: the chart ends {end:.0f} px down the page, past a 900 px screen")
    RESULTS[f"box {kind} {lang or 'zh/'} {width}"] = found
    # the box ends where the drawn chart does, static or live, and keeps its height when it turns live
    bad = {c: f for c, f in found.items()
           if not (f["static_under"] < BLANK_MAX and f["live_under"] < BLANK_MAX and abs(f["static_box"] - f["live_box"]) <= 1)}
    assert not bad, bad
    # no band of page under the chart's last mark or label: at most the chart's own bottom margin
    bad = {c: f for c, f in found.items() if max(f["static_blank_px"], f["live_blank_px"]) > CHART_MARGIN_MAX}
    assert not bad, bad
    assert not failures, "\n".join(failures)


def story_pages(site) -> list[str]:
    """Pages that show charts with their captions (the story's pages, not a chart's own page)."""
    return [p for p in site.pages() if 'class="o3-chart__title"' in site.html(p)]


@pytest.mark.long
@pytest.mark.parametrize("width", list(WIDTHS))
def test_dark_static_images_have_the_page_s_background(site, tab, decoder, width):
    """In the dark theme, before any chart is live, every static image's corner (plot facades on chart
    pages and in embeds, the gallery's pictures) is the page's own background."""
    page = tab(**WIDTHS[width], color_scheme="dark")
    found = {}
    for lang in LANGS:
        for chart_id in CHARTS:
            for kind, url in (("page", f"{lang}charts/{chart_id}/"), ("embed", f"embed/{chart_id}/?lang={'en' if lang else 'zh'}&theme=dark")):
                page.goto(site.url + url, wait_until="load")
                images_shown(page)
                bg = background(page)
                assert sum(bg) < 200, f"{url}: the dark theme {bg}"
                assert page.locator(".o3-chart__static").count() == 1
                corner = shot(decoder, page, doc_box(page, ".o3-chart__static", 1, 4), bg, 3)["corner"]
                found[f"{kind} {lang or 'zh/'}{chart_id}"] = {"corner": corner, "page": bg}
        page.goto(f"{site.url}{lang}charts/", wait_until="load")
        bg = background(page)
        for i, img in enumerate(page.locator("img.o3-gallery__image").all()):
            img.scroll_into_view_if_needed()
            page.wait_for_function("i => { const m = document.querySelectorAll('img.o3-gallery__image')[i]; return m.complete && m.naturalWidth > 0; }", arg=i)
            b = img.bounding_box()
            png = page.screenshot(clip={"x": b["x"] + 3, "y": b["y"] + 3, "width": 4, "height": 4})
            corner = decoder.evaluate(SCAN, [base64.b64encode(png).decode(), bg, 3])["corner"]
            found[f"gallery {lang or 'zh/'}{i}"] = {"corner": corner, "page": bg}
    RESULTS[f"dark corners {width}"] = found
    bad = {k: v for k, v in found.items() if max(abs(a - b) for a, b in zip(v["corner"], v["page"])) > 3}
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
def test_story_charts_fold_their_notes_and_sources_on_a_phone(site, browser, lang):
    """At 360 px a story page's chart, with everything under it, takes at most 1.25 screens: its notes
    and sources are one closed line (still in the page's text, and printed); at 1280 px they show."""
    pages = [p for p in story_pages(site) if p.startswith("en/") == bool(lang)]
    assert pages
    found = {}
    for width in WIDTHS:
        ctx = browser.new_context(**WIDTHS[width])
        page = ctx.new_page()
        for path in pages:
            page.goto(site.url + path, wait_until="load")
            for fig in page.locator("figure.o3-chart").all():
                m = fig.evaluate("""f => {
                    const more = f.querySelector('details.o3-chart__more');
                    // drawn: not inside a closed <details> (checkVisibility follows content-visibility), with a box
                    const shown = el => !!el && el.checkVisibility({visibilityProperty: true}) && el.getBoundingClientRect().height > 0;
                    const src = f.querySelector('.o3-chart__source'), notes = f.querySelector('.o3-chart__notes');
                    const h = sel => [...f.querySelectorAll(sel)].reduce((n, e) => n + e.getBoundingClientRect().height, 0);
                    // what the chart itself shows: its title, plot, marks' texts and finding (the chart's content)
                    const own = h(':scope > .o3-chart__title, :scope > .o3-chart__plot, :scope > .o3-chart__keys, :scope > .o3-chart__narrow-notes, :scope > .o3-chart__desc');
                    return {id: f.id, height: Math.round(f.getBoundingClientRect().height), own: Math.round(own), folded: !!more && !more.open,
                            summary: more ? Math.round(more.querySelector('summary').getBoundingClientRect().height) : null,
                            inside: !!more && (!src || more.contains(src)) && (!notes || more.contains(notes)),
                            text: (src ? src.textContent.length : 0) + (notes ? notes.textContent.length : 0),
                            shown: shown(src) && (!notes || shown(notes))};
                }""")
                found[f"{width} {path} {m['id']}"] = m
        # printed: the sources and notes are on paper whatever the width
        page.emulate_media(media="print")
        printed = page.evaluate("""() => [...document.querySelectorAll('figure.o3-chart .o3-chart__source')]
            .every(s => s.checkVisibility() && s.getBoundingClientRect().height > 0)""")
        found[f"{width} print"] = printed
        ctx.close()
    RESULTS[f"story folds {lang or 'zh/'}"] = found
    figs = {k: v for k, v in found.items() if isinstance(v, dict)}
    assert all(found[f"{w} print"] for w in WIDTHS), "sources printed"
    phone = {k: v for k, v in figs.items() if k.startswith("360 ")}
    wide = {k: v for k, v in figs.items() if k.startswith("1280 ")}
    assert all(v["text"] > 0 for v in figs.values())  # still in the page's text
    bad = {k: v for k, v in phone.items() if not (v["folded"] and v["inside"] and v["summary"] and v["summary"] < 40
                                                   and not v["shown"] and v["height"] - v["own"] <= UNDER_MAX)}
    assert not bad, bad
    # so that a figure is at most 1.25 screens whenever its chart is (title, plot, marks and finding)
    bad = {k: v for k, v in phone.items() if v["own"] + UNDER_MAX <= SCREEN * 1.25 < v["height"]}
    assert not bad, bad
    bad = {k: v for k, v in wide.items() if not v["shown"]}
    assert not bad, bad


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", list(WIDTHS))
def test_gallery_tiles_line_up(site, tab, width, lang):
    """The charts index: every picture in a frame of one height, and in each row the tiles are as tall as
    each other, with their titles starting at the same height."""
    page = tab(**WIDTHS[width])
    page.goto(f"{site.url}{lang}charts/", wait_until="load")
    tiles = page.evaluate("""() => [...document.querySelectorAll('.o3-gallery__item')].map(li => {
        const r = li.getBoundingClientRect(), f = li.querySelector('.o3-gallery__frame') || li.querySelector('img');
        const t = li.querySelector('.o3-gallery__title').getBoundingClientRect();
        return {top: Math.round(r.top), height: Math.round(r.height), frame: Math.round(f.getBoundingClientRect().height),
                title: Math.round(t.top)};
    })""")
    RESULTS[f"gallery {width} {lang or 'zh/'}"] = tiles
    rows: dict[int, list[dict]] = {}
    for t in tiles:
        rows.setdefault(t["top"], []).append(t)
    assert len({t["frame"] for t in tiles}) == 1, tiles
    for row in rows.values():
        assert max(t["height"] for t in row) - min(t["height"] for t in row) <= 1, row
        assert max(t["title"] for t in row) - min(t["title"] for t in row) <= 1, row


@pytest.mark.parametrize("path", ["en/charts/o3-vs-o1/", "charts/arc-agi-cost/", "en/o3/", "arc-agi/"])
@pytest.mark.parametrize("width", list(WIDTHS))
def test_a_chart_turning_live_above_the_reader_moves_nothing(site, tab, width, path):
    """The reader has scrolled past a chart (its bottom 100 px below the screen's top) and it turns live
    there: the page stays where the reader left it. It jumped down by the chart's height (740 px on a
    phone, 536 at 1280): the static image was the browser's scroll anchor, plotly.js drew beside it,
    and then the image went."""
    page = tab(**WIDTHS[width])
    page.goto(site.url + path, wait_until="load")
    images_shown(page)
    left = page.evaluate("""() => { const r = document.querySelector('.o3-chart__plot').getBoundingClientRect();
        window.scrollTo(0, scrollY + r.bottom - 100); return scrollY; }""")  # a scroll of the reader's: charts near the screen turn live
    page.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
    page.wait_for_timeout(300)  # the drawn chart settles (fonts, a resize)
    assert page.evaluate("scrollY") == left, f"the page moved from {left} to {page.evaluate('scrollY')} px"
