"""Every chart legible at 768 px, in both languages, on its page and in its embed, as its static image
(the facade, before any interaction) and drawn by plotly: no two chart texts overlap, none runs outside
the chart's box, and the facade's smallest text is at least 11 CSS px. The same checks at 360 px (touch)
and 1280 px run in test_chart_frame.py, on the one visit each chart gets there at those widths. On the
768 px visit of each chart page (and the 1280 px one of arc-agi-cost's re-priced view), the drawn chart
is checked again with the window at each width of BETWEEN, beside and between those. Then the views,
the headline's values, touch, resizing and the modebar.

One browser (the session fixture), one context per width, one page per context reused for every
chart. The figures of each view are written to .cache/phone-charts.json for the closing note."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from chart_text import SLACK, measure_drawn, measure_facade, summary, text_failures, view_failures
from conftest import draw_all_charts, record_figures
from o3story.render.charts import CHARTS
from o3story.render.charts.narrow import NARROW_MAX
from o3story.render.i18n import t

pytestmark = pytest.mark.browser

WIDTHS = (768,)  # 360 and 1280: test_chart_frame.py
RESULTS: dict[str, dict] = {}
OUT = Path(__file__).resolve().parents[2] / ".cache" / "phone-charts.json"


@pytest.fixture(scope="module")
def pages(browser):
    """One context (and one page) per width, plus a scratch page for measuring static SVGs."""
    made: dict[int, tuple] = {}

    def get(width: int):
        if width not in made:
            ctx = browser.new_context(viewport={"width": width, "height": 900})
            made[width] = (ctx, ctx.new_page(), ctx.new_page())
        return made[width][1], made[width][2]

    yield get
    for ctx, _, _ in made.values():
        ctx.close()
    record_figures(OUT, RESULTS, sort_keys=True, ensure_ascii=False)


def record(key: str, measured: dict) -> dict:
    RESULTS[key] = entry = summary(measured)
    return entry


@pytest.mark.parametrize("where", ["page", "embed"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(CHARTS))
@pytest.mark.parametrize("width", WIDTHS)
def test_chart_text_fits_without_overlap(site, pages, width, chart_id, lang, where):
    page, scratch = pages(width)
    if where == "page":
        url = f"{site.url}{'en/' if lang == 'en' else ''}charts/{chart_id}/"
    else:
        url = f"{site.url}embed/{chart_id}/?lang={lang}"
    page.goto(url, wait_until="load")
    base = f"{width} {where} {lang} {chart_id}"
    facade = record(f"{base} facade", measure_facade(site, page, scratch))
    # Still the facade: nothing drew while it was measured.
    assert page.locator(".o3-chart__plot[data-drawn]").count() == 0
    draw_all_charts(page)
    page.wait_for_timeout(150)  # a resize after the first draw settles
    drawn = record(f"{base} drawn", measure_drawn(page))
    failures = text_failures(facade, drawn)
    if where == "page":  # the same visit, the window moved through BETWEEN, then back
        try:
            failures += sweep_between(page, f"{lang} {chart_id}")
        finally:
            page.set_viewport_size({"width": width, "height": 900})
    assert not failures, f"{base}: " + "; ".join(failures)


# Windows beside and between the widths checked above: a 320 px phone (a chart of 288 px, narrower than
# the 328 px the narrow layout is planned for: labels ran past the axes, and the Elo ticks turned and
# overlapped; charts.js now shrinks its text with the width), and each side of the switch between
# layouts (NARROW_MAX px of chart): a large phone held sideways, a small tablet, a narrow desktop
# window or an article's column. The wide layout's labels touched in Chinese from about 490 to 630 px
# of chart (o3-vs-o1: the legend wrapped to four lines and thinned the bars; arc-agi-cost: "低 41.5% ·
# 0.1764 美元" on "o1（高）"), where the switch was at 480 px; it is at 640 px now.
BETWEEN = (320, 560, 624, 688)  # px of window: charts of 288, about 528 and 592 px (narrow) and 656 px (wide)


def sweep_between(page, name: str) -> list[str]:
    """The drawn chart on `page`, its window moved through BETWEEN: at each width, the layout its chart's
    width calls for, no two texts overlapping and none outside the chart. What fails, named. It checks on
    the visits of the tests above (one page visit per chart and language), as checks share visits here."""
    failures = []
    for width in BETWEEN:
        page.set_viewport_size({"width": width, "height": 900})
        # Redrawn at the chart's new width, in the layout that width calls for.
        page.wait_for_function(
            """max => { const p = document.querySelector('.o3-chart__plot'), w = p.getBoundingClientRect().width;
                        return p._fullLayout && Math.abs(p._fullLayout.width - w) < 1
                            && p.dataset.layout === (w <= max ? 'narrow' : 'wide'); }""",
            arg=NARROW_MAX, timeout=10_000)
        page.wait_for_timeout(150)  # a resize after the redraw settles
        drawn = record(f"{width} between {name}", measure_drawn(page))
        failures += [f"{width} px: {f}" for f in view_failures(drawn)]
    return failures


@pytest.mark.parametrize("where", ["page", "embed"])
def test_the_static_picture_switches_where_the_drawn_layout_does(site, tab, where):
    """On each side of the switch (a chart of NARROW_MAX px and one px more: windows of 672 and 673 px on
    a page, frames of 664 and 665 px for an embed), the static picture is the one of the layout the
    chart then draws. At the switch itself the wide picture sat in the narrow layout's taller box,
    over a blank band of about 236 px, until the chart was drawn."""
    gutter = 32 if where == "page" else 24
    url = f"{site.url}en/charts/o3-vs-o1/" if where == "page" else f"{site.url}embed/o3-vs-o1/?lang=en"
    found = {}
    for width in (NARROW_MAX + gutter, NARROW_MAX + gutter + 1):
        page = tab(viewport={"width": width, "height": 900})
        page.goto(url, wait_until="load")
        chart_w = page.evaluate("Math.round(document.querySelector('.o3-chart__plot').getBoundingClientRect().width)")
        picture = page.evaluate("document.querySelector('img.o3-chart__static').currentSrc.includes('.narrow.') ? 'narrow' : 'wide'")
        draw_all_charts(page)
        found[width] = (chart_w, picture, page.locator(".o3-chart__plot").get_attribute("data-layout"))
    assert [v[0] for v in found.values()] == [NARROW_MAX, NARROW_MAX + 1], found  # the gutter is as assumed
    assert all(v[1] == v[2] for v in found.values()) and found[NARROW_MAX + gutter][2] == "narrow", found


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_arc_cost_repriced_view_is_legible(site, tab, width, lang):
    """arc-agi-cost's second view, opened by its address: no two texts overlap nor leave the chart
    ("$4,560" sat on "82.8% · $17", "$167" and "$26" on "75.7% · $20" at 360 px), no re-priced mark sits
    on a label, and the title's 87.5% is printed (the arrows that carried it are hidden in this view)."""
    phone = width == 360
    page = tab(viewport={"width": width, "height": 900}, has_touch=phone, is_mobile=phone)
    page.goto(f"{site.url}{'en/' if lang == 'en' else ''}charts/arc-agi-cost/?view-arc-agi-cost=repriced", wait_until="load")
    draw_all_charts(page)
    plot = page.locator(".o3-chart__plot")
    assert plot.get_attribute("data-layout") == ("narrow" if phone else "wide")
    measured = measure_drawn(page)
    entry = record(f"{width} repriced {lang} arc-agi-cost", measured)
    assert not entry["overlaps"] and not entry["outside"], entry
    texts = [t["text"] for t in measured["texts"]]
    assert any("87.5%" in t for t in texts) and any("91.5%" in t for t in texts), texts
    # the hollow marks of the re-priced runs cover no label
    marks = page.evaluate("""() => [...document.querySelectorAll('.o3-chart__plot g.trace.scatter')]
        .filter(g => getComputedStyle(g).opacity !== '0' && g.querySelector('path.point[style*="fill: none"], path.point[style*="fill-opacity: 0"]'))
        .flatMap(g => [...g.querySelectorAll('path.point')].map(p => { const r = p.getBoundingClientRect(); return {l: r.left, t: r.top, r: r.right, b: r.bottom}; }))""")
    assert len(marks) == 4, marks  # the four re-priced runs
    # a text's box is its line box: its glyphs lie about a fifth of the font size inside it, top and bottom
    covered = [(t["text"], m) for t in measured["texts"] if t["kind"] in ("label", "annotation") for m in marks
               if abs((t["l"] + t["r"]) / 2 - (m["l"] + m["r"]) / 2) > 3  # a label centred beneath its own mark is its own
               and min(t["r"], m["r"]) - max(t["l"], m["l"]) > 2
               and min(t["b"] - t["size"] / 5, m["b"]) - max(t["t"] + t["size"] / 5, m["t"]) > 1]
    assert not covered, covered
    # a guide line that runs along a label's line box, or 1 px from it (the 85% line along the foot of
    # "87.5% · 4,560 美元" at 1280 px, the top of "167 美元" at 360 px), passes behind it: the label has a
    # halo of the page's colour (the Chinese glyphs' ink reaches the box's edges, and the line is 1-2 px wide)
    crossed = page.evaluate("""() => {
        const plot = document.querySelector('.o3-chart__plot'), bg = getComputedStyle(document.body).backgroundColor;
        const lines = [...plot.querySelectorAll('.shapelayer path')].map(p => p.getBoundingClientRect()).filter(r => r.width > 40 && r.height < 3);
        return [...plot.querySelectorAll('.annotation text, .textpoint text')].filter(t => getComputedStyle(t.closest('.annotation, .textpoint')).opacity !== '0' && t.getClientRects().length)
            .flatMap(t => { const r = t.getBoundingClientRect(), halo = getComputedStyle(t).textShadow;
                return lines.filter(l => l.top + l.height / 2 > r.top - 1 && l.top + l.height / 2 < r.bottom + 1 && Math.min(l.right, r.right) - Math.max(l.left, r.left) > 2)
                    .map(() => [t.textContent, halo, bg]); });
    }""")
    assert all(halo.count(bg) == 4 for _, halo, bg in crossed), crossed
    if lang == "zh":  # the two that the line runs along (above)
        assert any(("87.5%" if width == 1280 else "167") in text for text, _, _ in crossed), crossed
    if not phone:  # the same visit, the window moved through BETWEEN (the tab is given back at its size)
        failures = sweep_between(page, f"{lang} arc-agi-cost repriced")
        assert not failures, failures


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_view_buttons_stay_inside_the_chart_on_a_phone(site, tab, lang):
    """refusal-vs-overrefusal at 360 px: its view buttons end inside the chart's box (the English
    "o3-mini system card" ended at x=348 against the box's 344), in either view."""
    page = tab(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    for view in ("", "?view-refusal-vs-overrefusal=card"):
        page.goto(f"{site.url}{'en/' if lang == 'en' else ''}charts/refusal-vs-overrefusal/{view}", wait_until="load")
        draw_all_charts(page)
        box = page.locator(".o3-chart__plot").bounding_box()
        buttons = [b.bounding_box() for b in page.locator(".o3-chart__plot .updatemenu-button").all()]
        assert len(buttons) == 2
        assert all(b["x"] >= box["x"] - SLACK and b["x"] + b["width"] <= box["x"] + box["width"] + SLACK for b in buttons), (box, buttons)


# --- values where the story needs them ------------------------------------------------------------

HEADLINE = "claims-vs-shipped"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width", [360, 1280])
def test_the_headline_chart_shows_every_value_as_text(site, pages, story, width, lang):
    """The headline chart (a dumbbell per row: December's claim against the released o3) carries the
    value of each of its marks as text, both ends of every dumbbell, without a tap or a hover: in the
    static image the page shows first and in the drawn chart. Its figures go to
    .cache/phone-charts.json ("values")."""
    from o3story.render import charts
    from o3story.render.fmt import value

    chart = charts.build(HEADLINE, story, lang)
    want = [value(f, lang) for f in chart.figures]
    page, scratch = pages(width)
    page.goto(f"{site.url}{'en/' if lang == 'en' else ''}charts/{HEADLINE}/", wait_until="load")
    shown = {}
    shown["facade"] = [t["text"] for t in measure_facade(site, page, scratch)["texts"]]
    draw_all_charts(page)
    shown["drawn"] = [t["text"] for t in measure_drawn(page)["texts"]]
    missing = {k: [v for v in want if not any(v in text for text in texts)] for k, texts in shown.items()}
    RESULTS[f"{width} values {lang} {HEADLINE}"] = {k: f"{len(want) - len(m)}/{len(want)}" for k, m in missing.items()}
    assert not missing["facade"] and not missing["drawn"], missing


# --- touch, resize, modebar ----------------------------------------------------------------------

@pytest.mark.parametrize("chart_id", ["o3-vs-o1", "refusal-vs-overrefusal"])
def test_one_tap_draws_the_chart_and_a_tap_opens_a_tooltip(site, tab, chart_id):
    page = tab(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, device_scale_factor=2)
    page.goto(f"{site.url}en/charts/{chart_id}/", wait_until="load")
    plot = page.locator(".o3-chart__plot")
    assert plot.locator("img.o3-chart__static").count() == 1
    plot.scroll_into_view_if_needed()
    # One tap, then nothing: the chart turns interactive. The tap lands where the reader sees the chart:
    # a chart as tall as the screen (o3-vs-o1's phone layout, 740 px) is scrolled with its top under the
    # sticky header, which would take a tap at the plot's top corner.
    box = plot.bounding_box()
    plot.tap(position={"x": 20, "y": min(box["height"] / 2, 300)})
    page.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
    assert plot.get_attribute("data-layout") == "narrow"
    point = plot.locator("g.points path.point, g.trace.bars path").first
    point.tap(force=True)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    tip = page.locator(".hoverlayer .hovertext").first
    assert "Source" in tip.text_content()
    box = tip.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 360, box  # the tooltip fits the phone's width


def test_layout_follows_the_container_both_ways(site, tab):
    """A drawn chart takes its narrow layout when its container shrinks to a phone's width and its wide
    one when it grows back; each time the chart's own phone hints (its module's NARROW) are what change,
    not only the container."""
    from o3story.render.charts import arc_agi_cost, o3_vs_o1

    page = tab(viewport={"width": 1280, "height": 900})
    full = "document.querySelector('.o3-chart__plot')._fullLayout"
    # o3-vs-o1: one column of horizontal bars at every width; on a phone it is taller and its legend
    # sits in the container's top margin (hint legend="top"). arc-agi-cost: taller on a phone.
    for lang, chart_id, module in (("", "o3-vs-o1", o3_vs_o1), ("en/", "arc-agi-cost", arc_agi_cost)):
        page.goto(f"{site.url}{lang}charts/{chart_id}/", wait_until="load")
        draw_all_charts(page)
        plot = page.locator(".o3-chart__plot")
        # The phone's numbered notes show only in the narrow layout. Neither chart has any now (o3-mini-elo-cost's
        # claim box and arc-agi-cost's "cost not published" labels were the last long annotations): when
        # a chart has none, the list is absent at every width.
        notes = page.locator(".o3-chart__narrow-notes")
        has_notes = notes.count() > 0
        assert plot.get_attribute("data-layout") == "wide" and not (has_notes and notes.is_visible())
        wide = page.evaluate(f"({{h: {full}.height, legend: {full}.legend.yref}})")
        page.set_viewport_size({"width": 360, "height": 900})
        page.wait_for_function("() => document.querySelector('.o3-chart__plot').dataset.layout === 'narrow'", timeout=10_000)
        assert notes.is_visible() if has_notes else not notes.is_visible()
        narrow = page.evaluate(f"({{h: {full}.height, legend: {full}.legend.yref}})")
        assert narrow["h"] == module.NARROW["height"] != wide["h"], (chart_id, wide, narrow)
        if module.NARROW.get("legend") == "top":  # the key above the bars, in the container's margin
            assert narrow["legend"] == "container" and wide["legend"] != "container", (wide, narrow)
        page.set_viewport_size({"width": 1280, "height": 900})
        page.wait_for_function("() => document.querySelector('.o3-chart__plot').dataset.layout === 'wide'", timeout=10_000)
        assert not notes.is_visible()
        assert page.evaluate(f"{full}.height") == wide["h"]


def test_toggle_survives_a_switch_of_layout(site, tab):
    page = tab(viewport={"width": 1280, "height": 900})
    page.goto(f"{site.url}en/charts/refusal-vs-overrefusal/", wait_until="load")
    draw_all_charts(page)
    page.locator(".updatemenu-button").nth(1).click()
    card = t("en", "chart.refusal-vs-overrefusal.view.card")  # the second view's name, which the chart's note shows
    page.wait_for_function("c => document.querySelector('.o3-chart__plot').layout.annotations[0].text.includes(c)", arg=card)
    visible = page.evaluate("document.querySelector('.o3-chart__plot').data.map(t => t.visible)")
    page.set_viewport_size({"width": 360, "height": 900})
    page.wait_for_function("() => document.querySelector('.o3-chart__plot').dataset.layout === 'narrow'", timeout=10_000)
    assert page.evaluate("document.querySelector('.o3-chart__plot').data.map(t => t.visible)") == visible
    assert card in page.evaluate("document.querySelector('.o3-chart__plot').layout.annotations[0].text")


def test_no_modebar_and_the_png_download_works_offline(site, browser):
    """No plotly modebar over any drawn chart (it covered the first row, and its PNG button drew the
    chart in a network-less canvas of its own); the chart's PNG is in the page's Downloads list and
    downloads with no request to any other host."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    local = urlparse(site.url).netloc
    foreign = []

    def only_local(route):
        if urlparse(route.request.url).netloc == local or route.request.url.startswith(("data:", "blob:")):
            return route.continue_()
        foreign.append(route.request.url)
        return route.abort()

    ctx.route("**/*", only_local)
    page = ctx.new_page()
    for lang in ("", "en/"):
        page.goto(f"{site.url}{lang}charts/o3-vs-o1/", wait_until="load")
        draw_all_charts(page)
        page.locator(".o3-chart__plot").hover()
        assert page.locator(".modebar-btn").count() == 0
        assert page.evaluate("document.querySelector('.o3-chart__plot')._context.showSendToCloud") is False
    with page.expect_download() as dl:
        page.locator("a[download][href$='chart.en.png']").click()
    path = dl.value.path()
    assert Path(path).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    # saved under the chart's name: three charts' pictures were chart.en.png, chart.en (1).png...
    assert dl.value.suggested_filename == "o3-story-o3-vs-o1-chart.en.png", dl.value.suggested_filename
    assert not foreign, foreign
    ctx.close()
