"""Every chart in a real browser: it draws, hovers, follows the theme toggle live, fits a phone."""

from __future__ import annotations

import pytest

from o3story.render.charts import CHARTS
from conftest import draw_all_charts
from test_browser import visit

pytestmark = pytest.mark.browser


def wait_drawn(page, n: int | None = None):
    """Draw every chart on the page (see conftest.draw_all_charts); `n`: how many there must be."""
    draw_all_charts(page)
    if n is not None:
        assert page.locator(".o3-chart").count() == n


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("chart_id", list(CHARTS))
def test_chart_page_draws_and_hovers(site, tab, chart_id, lang):
    page, problems, _ = visit(tab, f"{site.url}{lang}charts/{chart_id}/")
    wait_drawn(page, 1)
    plot = page.locator(".o3-chart__plot")
    assert plot.locator(".main-svg").count() >= 1
    # On its own page the chart's accessible name is the page's heading (its title, shown once),
    # its description the finding beneath.
    figure = page.locator("figure.o3-chart")
    assert page.locator("#" + figure.get_attribute("aria-labelledby")).inner_text() == page.locator("h1").inner_text()
    assert page.locator(".o3-chart__title").count() == 0
    assert page.locator("#" + figure.get_attribute("aria-describedby")).inner_text()
    # Hover the first data point (a bar or a marker) and expect a tooltip.
    point = plot.locator("g.trace path.point, g.points path.point").first
    point.hover(force=True)
    page.wait_for_selector(".hoverlayer .hovertext", timeout=5_000)
    tip = page.locator(".hoverlayer .hovertext").first.text_content()
    assert ("Source" in tip) if lang else ("来源" in tip), tip
    # The table beneath lists the data points.
    rows = page.locator(".o3-chart__data tbody tr").count()
    assert rows >= 2
    assert not problems, problems


@pytest.mark.parametrize("chart_id", [c for c in CHARTS if c in ("arc-agi-cost",)])  # codeforces-elo-price: one view now
def test_view_buttons_switch_traces_and_keep_the_height(site, tab, chart_id):
    """Charts with view buttons: each button shows its traces, and the plot keeps its height (a restyle
    once re-measured the container and shrank the plot to its CSS min-height, squashing it on phones)."""
    from o3story.render import charts
    from o3story.data.story import load_story
    from conftest import ROOT

    chart = charts.build(chart_id, load_story(ROOT / "data"), "en")
    spec = chart.figure
    want = chart.narrow.figure["layout"].get("height") or spec.layout.height  # 360 px: the narrow layout is drawn
    page = tab(viewport={"width": 360, "height": 740})
    page.goto(site.url + f"en/charts/{chart_id}/")
    wait_drawn(page, 1)
    state = "(() => {const g = document.querySelector('.o3-chart__plot'); return [g._fullLayout.height, g._fullData.map(t => t.visible === true)]})()"
    for i, button in enumerate(spec.layout.updatemenus[0].buttons):
        button_el = page.locator(".updatemenu-button").nth(i)
        button_el.evaluate("b => b.scrollIntoView({block: 'center'})")  # not under the theme's sticky header
        button_el.click(force=True)  # the narrow legend may overlap the hit box
        page.wait_for_timeout(300)
        height, shown = page.evaluate(state)
        assert height == want, (chart_id, i, height)
        assert shown == [bool(v) for v in button.args[0]["visible"]], (chart_id, i)


def _luminance(rgb: str) -> float:
    """WCAG relative luminance of a computed colour ("rgb(r, g, b)")."""
    import re

    def lin(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (float(v) for v in re.findall(r"[\d.]+", rgb)[:3])
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def _contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


BUTTONS = """() => [...document.querySelectorAll('.o3-chart__plot g.updatemenu-button')].map(b => ({
    role: b.getAttribute('role'), pressed: b.getAttribute('aria-pressed'), tabindex: b.getAttribute('tabindex'),
    face: getComputedStyle(b.querySelector('rect.updatemenu-item-rect')).fill,
    text: getComputedStyle(b.querySelector('text.updatemenu-item-text')).fill }))"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [360, 1280])
def test_view_buttons_show_which_view_is_selected_in_both_themes(site, tab, scheme, width):
    """Each view button is a button that says whether it is pressed (aria-pressed), the pressed one's
    face set apart from the others' (3:1 at least), every label readable on its face (4.5:1), no white
    face on the dark theme (they were white there, with plotly's near-white active colour the same as
    the others'); a press moves the state, and Enter on a focused button presses it."""
    touch = width < 800
    page = tab(viewport={"width": width, "height": 800}, color_scheme=scheme, has_touch=touch, is_mobile=touch)
    page.goto(site.url + "en/charts/arc-agi-cost/")
    wait_drawn(page, 1)
    assert (page.locator("body").get_attribute("data-md-color-scheme") == "slate") == (scheme == "dark")
    page_bg = page.evaluate("getComputedStyle(document.querySelector('.md-main')).backgroundColor")
    if page_bg in ("rgba(0, 0, 0, 0)", "transparent"):
        page_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    first = page.evaluate(BUTTONS)
    assert len(first) == 2 and all(b["role"] == "button" and b["tabindex"] == "0" for b in first), first
    assert [b["pressed"] for b in first] == ["true", "false"], first
    for b in first:
        assert _contrast(b["text"], b["face"]) >= 4.5, (scheme, b)
    pressed, other = first[0], first[1]
    assert _contrast(pressed["face"], other["face"]) >= 3, (scheme, first)
    assert _contrast(pressed["face"], page_bg) >= 3, (scheme, pressed, page_bg)
    if scheme == "dark":
        assert _luminance(other["face"]) < 0.2, f"a light button face on the dark theme: {other}"
    button = page.locator(".o3-chart__plot g.updatemenu-button").nth(1)
    button.evaluate("b => b.scrollIntoView({block: 'center'})")
    button.click(force=True)
    page.wait_for_function("() => document.querySelectorAll('.o3-chart__plot g.updatemenu-button')[1].getAttribute('aria-pressed') === 'true'")
    assert [b["pressed"] for b in page.evaluate(BUTTONS)] == ["false", "true"]
    if not touch:
        page.locator(".o3-chart__plot g.updatemenu-button").first.focus()
        page.keyboard.press("Enter")
        page.wait_for_function("() => document.querySelectorAll('.o3-chart__plot g.updatemenu-button')[0].getAttribute('aria-pressed') === 'true'")
        assert page.evaluate("document.querySelector('.o3-chart__plot')._fullLayout.updatemenus[0].active") == 0


# The rectangles of Material's back-to-top button and of the chart's view buttons, in the viewport.
RECTS = """() => { const r = e => { const b = e.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  return {top: r(document.querySelector('.md-top')),
          buttons: [...document.querySelectorAll('.o3-chart__plot g.updatemenu-button')].map(r)}; }"""


@pytest.mark.parametrize("lang", ["", "en/"])
def test_on_a_phone_the_back_to_top_button_leaves_the_view_buttons_free(site, tab, lang):
    """Scrolling up shows the theme's back-to-top button; on a phone it must not sit over a chart's view
    buttons under the header (it did, top centre, and caught the taps meant for them)."""
    page = tab(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page.goto(f"{site.url}{lang}charts/arc-agi-cost/")
    wait_drawn(page, 1)
    # the view buttons just under the header, reached by scrolling up (which shows the button)
    at = page.evaluate("() => document.querySelector('.o3-chart__plot g.updatemenu-button').getBoundingClientRect().top + scrollY")
    page.evaluate("y => window.scrollTo(0, y)", at + 400)
    page.wait_for_timeout(150)
    for step in (300, 200, 120, 70):  # up, as a thumb scrolls
        page.evaluate("y => window.scrollTo(0, y)", at - 70 + step)
        page.wait_for_timeout(60)
    page.evaluate("y => window.scrollTo(0, y)", at - 70)
    page.wait_for_selector(".md-top:not([hidden])")
    page.wait_for_timeout(200)  # the button's own transition
    rects = page.evaluate(RECTS)
    top = rects["top"]
    assert top[3] > top[1] > 0, rects
    covered = [b for b in rects["buttons"] if b[0] < top[2] and top[0] < b[2] and b[1] < top[3] and top[1] < b[3]]
    assert not covered, rects


def font_color(page) -> str:
    return page.evaluate("document.querySelector('.o3-chart__plot')._fullLayout.font.color")


def test_theme_toggle_rethemes_without_reload(site, tab):
    page = tab(color_scheme="light")
    page.goto(site.url + "en/charts/arc-agi-cost/")
    wait_drawn(page, 1)
    page.evaluate("window.__marker = 1")  # gone if the page reloads
    light = font_color(page)
    # Material's palette toggle: click until the dark scheme is on.
    for _ in range(3):
        if page.locator("body").get_attribute("data-md-color-scheme") == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
    page.wait_for_function("c => document.querySelector('.o3-chart__plot')._fullLayout.font.color !== c", arg=light)
    assert page.evaluate("window.__marker") == 1


def test_dark_os_setting_draws_dark_on_first_load(site, tab):
    page = tab(color_scheme="dark")
    page.goto(site.url + "charts/o3-vs-o1/")
    wait_drawn(page, 1)
    assert page.locator(".o3-chart__plot").get_attribute("data-theme") == "slate"


def test_story_pages_draw_all_their_charts_and_survive_navigation(site, tab):
    page, problems, _ = visit(tab, site.url + "o3-mini/")
    wait_drawn(page, 3)  # its three charts (docs/o3-mini.zh.md)
    # The theme hides its tabs while the page is scrolled down (drawing the charts scrolled it), and a
    # hidden tab lets a click through to the page under it: back to the top, where the reader finds them.
    page.evaluate("window.scrollTo(0, 0)")
    page.wait_for_selector(".md-tabs:not([hidden])")
    page.locator("a.md-tabs__link", has_text="ARC-AGI").click()
    page.wait_for_url(site.url + "arc-agi/")
    wait_drawn(page, 3)
    page.go_back()
    wait_drawn(page, 3)
    assert not problems, problems


@pytest.mark.parametrize("path", ["o3-mini/", "en/arc-agi/", "en/charts/claims-vs-shipped/", "charts/codeforces-elo-price/",
                                  "en/charts/codeforces-elo-price/", "transcript/", "en/methods/"])
def test_phone_width_has_no_horizontal_scroll(site, tab, path):
    page = tab(viewport={"width": 360, "height": 740}, device_scale_factor=2)
    page.goto(site.url + path)
    if page.locator(".o3-chart").count():
        wait_drawn(page)
    over = page.evaluate("document.scrollingElement.scrollWidth - document.scrollingElement.clientWidth")
    assert over <= 0, f"{path} scrolls sideways by {over}px at 360 px"
    widths = page.evaluate("[...document.querySelectorAll('.o3-chart__plot')].map(e => e.getBoundingClientRect().width)")
    assert all(w <= 360 for w in widths), widths


def test_chart_is_a_static_image_until_it_nears_the_viewport(site, browser):
    """The facade: no plotly.js before a chart is about to be seen; then it becomes interactive."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site.url + "en/fact-check/")  # its chart sits below a long list
    page.wait_for_load_state("networkidle")
    figure = page.locator("#chart-claims-vs-shipped")
    assert figure.locator("img.o3-chart__static").count() == 1
    assert not [u for u in requested if "plotly" in u], "plotly.js loaded before any chart was near"
    figure.locator(".o3-chart__plot").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-claims-vs-shipped[data-ready]", timeout=20_000)
    assert figure.locator("img.o3-chart__static").count() == 0
    assert len([u for u in requested if u.endswith("plotly-charts.min.js")]) == 1
    ctx.close()


@pytest.mark.parametrize("path", ["en/charts/arc-agi-cost/", "charts/arc-repricing/"])
def test_a_chart_in_the_first_screen_stays_static_until_the_reader_acts(site, browser, path):
    """A chart page's chart is in view at once, yet plotly.js waits for the reader's first scroll,
    pointer move or key: the theme scrolling its own navigation sidebar to the current page as the
    page loads is not the reader (it used to load plotly.js on every chart page at 1280 px)."""
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    page = ctx.new_page()
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site.url + path, wait_until="load")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert not [u for u in requested if "plotly" in u], "plotly.js loaded before the reader did anything"
    page.mouse.move(400, 400)
    page.wait_for_selector(".o3-chart__plot[data-drawn]", timeout=20_000)
    ctx.close()


def test_pages_without_charts_load_no_plotly(site, browser):
    """A page with no chart never fetches plotly.js, even when the reader scrolls through it; the same
    request log sees plotly.js fetched on a page with charts (so an empty log means something)."""
    ctx = browser.new_context()
    page = ctx.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    for path in ("transcript/", "en/transcript/", "methods/", "en/methods/"):
        requested.clear()
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        assert page.locator(".o3-chart").count() == 0, path  # the page under test really has no chart
        page.mouse.move(5, 5)
        page.mouse.wheel(0, 20000)
        page.wait_for_timeout(300)
        assert not [u for u in requested if "plotly" in u], (path, requested)
    requested.clear()
    page.goto(site.url + "en/o3/")
    draw_all_charts(page)
    assert [u for u in requested if "plotly" in u]
    ctx.close()


def test_the_site_s_plotly_speaks_chinese_and_survives_a_modebar(site, browser):
    """The site's own plotly.js build (site/plotly_bundle.js) takes the zh-CN locale the Chinese pages
    load (a date axis names its months in Chinese), and a plot with plotly's default config, modebar
    and all (the site turns it off; its icons are left out of the build), still draws without error."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(site.url + "charts/arc-repricing/")
    wait_drawn(page, 1)
    ticks = page.evaluate("""async () => {
        const d = document.createElement('div'); d.style.width = '600px'; document.body.append(d);
        await Plotly.newPlot(d, [{x: ['2024-01-01', '2024-06-01'], y: [1, 2]}], {}, {locale: 'zh-CN'});
        d.dispatchEvent(new MouseEvent('mousemove', {bubbles: true}));
        return [...d.querySelectorAll('.xtick text')].map(t => t.textContent);
    }""")
    assert ticks and all(set(t.split()[0]) <= set("一二三四五六七八九十") for t in ticks), ticks
    assert page.locator(".modebar").count() >= 1
    assert not errors, errors
    page.close()
