"""Charts that hold still under a finger, as Datawrapper's do. On a touch phone (360 px, touch
emulation) every drawn chart, on its page and in its embed, lets a vertical swipe that starts on it
scroll the page: checked on each chart's visit in test_chart_frame.py (chart_swipe.py). A tap still
opens the tapped point's tooltip (test_phone_charts), and the first tap on the static image is not
lost (here). With a mouse at 1280 px, only the charts that zoom usefully (a module's ZOOM) zoom, with
a visible reset; the others hold their axes. The figures of each case go to .cache/chart-touch.json."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import record_figures

from chart_swipe import RANGES, swipe
from o3story.render.charts import CHARTS

pytestmark = pytest.mark.browser

RESULTS: dict[str, dict] = {}
OUT = Path(__file__).resolve().parents[2] / ".cache" / "chart-touch.json"

@pytest.fixture(scope="module", autouse=True)
def record():
    yield
    record_figures(OUT, RESULTS, sort_keys=True)


def url_of(site, chart_id: str, lang: str, where: str) -> str:
    if where == "page":
        return f"{site.url}{'en/' if lang == 'en' else ''}charts/{chart_id}/"
    return f"{site.url}embed/{chart_id}/?lang={lang}"


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(CHARTS))
def test_with_a_mouse_only_useful_zoom_and_a_visible_reset(site, tab, chart_id, lang):
    page = tab(viewport={"width": 1280, "height": 900})
    page.goto(url_of(site, chart_id, lang, "page"), wait_until="load")
    plot = page.locator(".o3-chart__plot")
    plot.scroll_into_view_if_needed()
    plot.hover(force=True)
    page.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
    state = page.evaluate("""el => { const fl = el._fullLayout;
        return {dragmode: fl.dragmode, fixed: Object.keys(fl).filter(k => /^[xy]axis\\d*$/.test(k)).map(k => !!fl[k].fixedrange),
                scroll: !!el._context.scrollZoom, modebar: el._context.displayModeBar}; }""", plot.element_handle())
    reset = page.locator(".o3-chart__reset")
    zoom = bool(getattr(CHARTS[chart_id], "ZOOM", False))
    RESULTS[f"1280 {lang} {chart_id}"] = {**state, "reset_visible": reset.count() == 1 and reset.is_visible(), "zoom": zoom}
    assert state["modebar"] is False and not state["scroll"], state  # the downloads are in the page's list
    if zoom:
        assert state["dragmode"] == "zoom" and not all(state["fixed"]), state
        assert reset.count() == 1 and reset.is_visible(), "zoomable chart without a visible reset"
        # Zoom in by dragging across the plot, then reset: the ranges come back.
        el = plot.element_handle()
        before = page.evaluate(RANGES, el)
        drag = page.locator(".nsewdrag").first.bounding_box()
        page.mouse.move(drag["x"] + drag["width"] * 0.3, drag["y"] + drag["height"] * 0.3)
        page.mouse.down()
        page.mouse.move(drag["x"] + drag["width"] * 0.6, drag["y"] + drag["height"] * 0.7, steps=8)
        page.mouse.up()
        page.wait_for_function("([el, b]) => JSON.stringify(Object.keys(b).map(k => el._fullLayout[k].range.map(String))) !== JSON.stringify(Object.values(b))",
                               arg=[el, before])
        reset.click()
        page.wait_for_function("([el, b]) => JSON.stringify(Object.keys(b).map(k => el._fullLayout[k].range.map(String))) === JSON.stringify(Object.values(b))",
                               arg=[el, before])
    else:
        assert state["dragmode"] is False and all(state["fixed"]), state
        assert reset.count() == 0 or not reset.is_visible()


# The reader's first tap lands on the static image (a chart page's chart is on the first screen, so
# it is still the image when the page is read): it must do what the same tap does on the drawn
# chart. Each case: a mark of the drawn chart (selector, index) and what the tap must do there.
FIRST_TAP = [("o3-vs-o1", "g.trace.bars path", 0, "tooltip"), ("claims-vs-shipped", "g.points path.point", 0, "tooltip"),
             ("arc-agi-cost", ".updatemenu-button", 1, "view")]
MARK_AT = """([sel, i]) => { const p = document.querySelector('.o3-chart__plot').getBoundingClientRect();
    const m = [...document.querySelectorAll('.o3-chart__plot ' + sel)].filter(e => e.getBoundingClientRect().width > 2)[i].getBoundingClientRect();
    return {x: m.left + m.width / 2 - p.left, y: m.top + m.height / 2 - p.top}; }"""
SHOWN = """() => { const el = document.querySelector('.o3-chart__plot');
    return {tooltips: document.querySelectorAll('.hoverlayer .hovertext').length,
            view: el.layout.updatemenus ? el.layout.updatemenus[0].active : null}; }"""


@pytest.mark.parametrize("where", ["page", "embed"])
@pytest.mark.parametrize("chart_id, mark, nth, outcome", FIRST_TAP)
def test_the_first_tap_on_the_static_image_is_not_lost(site, tab, chart_id, mark, nth, outcome, where):
    """A tap on a mark of the static image opens that mark's tooltip, or presses that view button, once
    the chart is drawn (it did nothing: the chart drew, and the reader had to tap again). A swipe that
    starts on the same mark does neither."""
    page = tab(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, device_scale_factor=2)
    url = url_of(site, chart_id, "en", where)
    page.goto(url, wait_until="load")
    draw_all = page.locator(".o3-chart__plot").first
    draw_all.tap(position={"x": 3, "y": 3})
    page.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
    at = page.evaluate(MARK_AT, [mark, nth])
    default = page.evaluate(SHOWN)["view"]
    found = {}
    for gesture in ("swipe", "tap"):
        page.goto("about:blank")
        page.goto(url, wait_until="load")
        plot = page.locator(".o3-chart__plot").first
        assert plot.locator(".o3-chart__static").count() == 1, "the static image first"
        box = plot.bounding_box()
        x, y = box["x"] + at["x"], box["y"] + at["y"]
        if gesture == "tap":
            page.touchscreen.tap(x, y)
        else:
            cdp = page.context.new_cdp_session(page)
            swipe(cdp, x, y, -120)
            cdp.detach()
        page.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
        page.wait_for_timeout(300)
        found[gesture] = page.evaluate(SHOWN)
    RESULTS[f"first tap {where} {chart_id}"] = {"at": at, **found}
    assert found["swipe"] == {"tooltips": 0, "view": default}, found
    if outcome == "tooltip":
        assert found["tap"]["tooltips"] == 1, found
    else:
        assert found["tap"]["view"] not in (None, default), found
