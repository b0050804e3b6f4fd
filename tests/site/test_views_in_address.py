"""Views in the address (issue 23, part 5): a chart's view buttons write the view the reader chose into
the page's address (?view-<chart id>=<view>, by history.replaceState: no new history entry), and an
address that names a view opens the chart in it, on the chart's page, on a story page, in the embed
and after the language switch. The embed code on the chart's page follows the view. The view's name
is the button's stable name, not its position. Tried in Chromium at 360 px with touch and at 1280 px."""

from __future__ import annotations

import json

import pytest

from conftest import draw_all_charts
from o3story.render.charts import CHARTS

pytestmark = pytest.mark.browser

CHART, VIEW, DEFAULT = "arc-agi-cost", "repriced", "december"
STATE = """() => { const g = document.querySelector('[data-chart="%s"] .o3-chart__plot');
  if (!g || !g._fullLayout) return null;
  const m = g._fullLayout.updatemenus[0];
  return {active: m.active, name: m.buttons[m.active].name,
          visible: g._fullData.map(t => t.visible === true)}; }""" % CHART


def drawn(page, touch: bool = False):
    """The chart's state once plotly has drawn it (a chart in its default view is a static image until
    the reader reaches it: a pointer on it draws it)."""
    plot = page.locator(f'[data-chart="{CHART}"] .o3-chart__plot')
    plot.scroll_into_view_if_needed()
    if not page.evaluate(f"() => !!document.querySelector('[data-chart=\"{CHART}\"] .o3-chart__plot')._fullLayout"):
        plot.dispatch_event("pointerenter")
    page.wait_for_function(f"() => {{ const g = document.querySelector('[data-chart=\"{CHART}\"] .o3-chart__plot'); "
                           "return !!(g && g._fullLayout && g._fullLayout.updatemenus); }", timeout=30_000)
    return page.evaluate(STATE)


def expected_visible(lang: str, view: str) -> list[bool]:
    from o3story.data.story import load_story
    from o3story.render import charts
    from conftest import ROOT

    chart = charts.build(CHART, load_story(ROOT / "data"), lang)
    button = next(b for b in chart.figure.layout.updatemenus[0].buttons if b.name == view)
    return [bool(v) for v in button.args[0]["visible"]]


@pytest.mark.parametrize("lang,width", [("zh", 360), ("en", 1280)])
def test_an_address_with_a_view_opens_the_chart_in_it(site, tab, lang, width):
    page = tab(viewport={"width": width, "height": 800}, has_touch=width < 800, is_mobile=width < 800)
    root = "en/" if lang == "en" else ""
    for path in (f"{root}charts/{CHART}/", f"{root}arc-agi/"):
        page.goto(site.url + f"{path}?view-{CHART}={VIEW}")
        # the default view's static image is never shown for a chart asked in another view
        hidden = page.evaluate(f"""() => {{ const s = document.querySelector('[data-chart="{CHART}"] .o3-chart__static');
            return !s || getComputedStyle(s).visibility === 'hidden' || !s.isConnected; }}""")
        assert hidden, path
        page.locator(f'[data-chart="{CHART}"]').scroll_into_view_if_needed()
        state = drawn(page)
        assert state["name"] == VIEW and state["visible"] == expected_visible(lang, VIEW), (path, state)
    # an unknown view, or the default one, opens the default view
    page.goto(site.url + f"{root}charts/{CHART}/?view-{CHART}=nonsense")
    assert drawn(page)["name"] == DEFAULT


def test_pressing_a_view_writes_it_to_the_address_and_the_embed_code(site, tab):
    page = tab(viewport={"width": 1280, "height": 900})
    page.goto(site.url + f"en/charts/{CHART}/#intro")
    assert drawn(page)["name"] == DEFAULT
    entries = page.evaluate("history.length")
    buttons = page.locator(f'[data-chart="{CHART}"] .updatemenu-button')
    names = [b for b in ("december", "repriced")]
    buttons.nth(names.index(VIEW)).click(force=True)
    page.wait_for_timeout(300)
    url = page.url
    assert f"view-{CHART}={VIEW}" in url and url.endswith("#intro"), url  # the fragment (the reader's place) kept
    assert page.evaluate("history.length") == entries  # replaced, not pushed
    code = page.locator("pre code").filter(has_text="<iframe").first.inner_text()
    assert f"view-{CHART}={VIEW}" in code, code
    # the language switch carries the view
    switch = page.locator('a[hreflang="zh"]').first.get_attribute("href")
    page.goto(page.evaluate("h => new URL(h, location.href).href", switch) if "view-" in (switch or "") else
              site.url + f"charts/{CHART}/" + url[url.index("?"):])
    assert drawn(page)["name"] == VIEW
    # back to the default: the address no longer names a view
    page.locator(f'[data-chart="{CHART}"] .updatemenu-button').nth(names.index(DEFAULT)).click(force=True)
    page.wait_for_timeout(300)
    assert "view-" not in page.url


def test_the_language_switch_link_names_the_view(site, tab):
    page = tab(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page.goto(site.url + f"charts/{CHART}/?view-{CHART}={VIEW}")
    drawn(page)
    page.wait_for_timeout(300)
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[hreflang]')].map(a => a.href)")
    assert hrefs and any(f"view-{CHART}={VIEW}" in h and "/en/" in h for h in hrefs), hrefs


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_embed_opens_in_the_view_its_address_names(site, tab, lang):
    page = tab(viewport={"width": 600, "height": 800})
    page.goto(site.url + f"embed/{CHART}/?lang={lang}&view-{CHART}={VIEW}")
    page.locator(f'section[data-lang="{lang}"] .o3-chart__plot').hover()
    page.wait_for_function(f"""() => {{ const g = document.querySelector('section[data-lang="{lang}"] .o3-chart__plot');
        return g && g._fullLayout; }}""", timeout=30_000)
    name = page.evaluate(f"""() => {{ const m = document.querySelector('section[data-lang="{lang}"] .o3-chart__plot')._fullLayout.updatemenus[0];
        return m.buttons[m.active].name; }}""")
    assert name == VIEW


def test_each_view_has_its_oembed_document_naming_it(site):
    import json

    for lang in ("zh", "en"):
        doc = json.loads((site.root / "charts" / CHART / f"oembed.{lang}.view-{VIEW}.json").read_text(encoding="utf-8"))
        assert f"view-{CHART}={VIEW}" in doc["html"] and doc["type"] in ("rich", "photo")
        first = json.loads((site.root / "charts" / CHART / f"oembed.{lang}.json").read_text(encoding="utf-8"))
        assert "view-" not in first["html"]


# The plot area (plotly's drag rectangle) of the chart (a selector), from the top of the chart's box.
PLOT_AREA = """sel => { const el = document.querySelector(sel), box = el.getBoundingClientRect();
  const r = el.querySelector('.nsewdrag').getBoundingClientRect();
  const legend = el.querySelector('.legend');
  return {top: Math.round(r.top - box.top), height: Math.round(r.height), legend: legend ? Math.round(legend.getBoundingClientRect().height) : 0}; }"""


# What the view on screen shows against what its button says it shows: each series the button shows or
# hides, each annotation's visibility and text. [] when they agree.
VIEW_SHOWN = r"""sel => { const g = document.querySelector(sel), m = g._fullLayout.updatemenus[0], b = m.buttons[m.active];
  const traces = b.args[0] || {}, layout = b.args[1] || {}, bad = [];
  (traces.visible || []).forEach((v, i) => {
    if ((g._fullData[i].visible === true) !== (v === true)) bad.push(`${b.name}: series ${i} (${g._fullData[i].name}) visible ${g._fullData[i].visible}`); });
  Object.keys(layout).forEach(k => { const a = k.match(/^annotations\[(\d+)\]\.(\w+)$/);
    if (a && g._fullLayout.annotations[+a[1]][a[2]] !== layout[k])
      bad.push(`${b.name}: annotation ${a[1]} (${g.layout.annotations[+a[1]].text}) ${a[2]} ${g._fullLayout.annotations[+a[1]][a[2]]}`); });
  return bad; }"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("lang", ["", "en/"])
def test_switching_views_leaves_the_plot_where_it_was(site, tab, lang, width):
    """Each chart with views, pressed to each view and back: the plot area keeps its top and height, so
    no mark moves unless its value does. The ARC cost chart's December legend takes a line or two more
    than its re-priced view's, and plotly's automargin moved the plot area 16-31 px on a phone. At its
    first drawing and after each press, the chart shows what the view's button says: the drawing that
    measured the other views once put December's back without its high-compute series and its labels
    ("87.5%", "91.5%", "82.8% · $17"), which the chart had never set visible and so did not restore."""
    page = tab(viewport={"width": width, "height": 900}, has_touch=width < 800, is_mobile=width < 800)
    found = {}
    with_views = [c for c in CHARTS if json.loads((site.root / "charts" / c / "figure.json").read_text(encoding="utf-8"))["layout"].get("updatemenus")]
    for chart_id in with_views:
        page.goto(f"{site.url}{lang}charts/{chart_id}/", wait_until="load")
        draw_all_charts(page)
        page.wait_for_timeout(300)  # the first drawing's measuring of the other views
        areas = [page.evaluate(PLOT_AREA, ".o3-chart__plot")]
        shown = page.evaluate(VIEW_SHOWN, ".o3-chart__plot")
        n = page.locator(".updatemenu-button").count()
        assert n >= 2, f"{chart_id}: no view buttons"
        for i in [*range(1, n), 0]:
            page.locator(".updatemenu-button").nth(i).click(force=True)
            page.wait_for_function("i => document.querySelector('.o3-chart__plot')._fullLayout.updatemenus[0].active === i", arg=i)
            page.wait_for_timeout(300)  # the redraw, and the margins put back
            areas.append(page.evaluate(PLOT_AREA, ".o3-chart__plot"))
            shown += page.evaluate(VIEW_SHOWN, ".o3-chart__plot")
        assert not shown, f"{chart_id}: {shown}"
        found[chart_id] = areas
    assert len(found) >= 2, found  # the ARC cost chart and the jailbreak chart
    bad = {c: a for c, a in found.items()
           if max(x["top"] for x in a) - min(x["top"] for x in a) > 1 or max(x["height"] for x in a) - min(x["height"] for x in a) > 1}
    assert not bad, bad


PLOT = f'[data-chart="{CHART}"] .o3-chart__plot'


def press(page, i: int) -> None:
    page.locator(f'[data-chart="{CHART}"] .updatemenu-button').nth(i).click(force=True)
    page.wait_for_function(f"i => document.querySelector('{PLOT}')._fullLayout.updatemenus[0].active === i", arg=i)
    page.wait_for_timeout(300)  # the redraw, and the margins put back


@pytest.mark.parametrize("width", [360, 1280])
def test_a_chart_opened_in_its_other_view_keeps_its_plot_and_labels_through_a_theme_and_a_rotation(site, tab, width):
    """The ARC cost chart opened in its re-priced view (its shorter legend), then pressed to December and
    back, turned dark by the system, and on a phone rotated and back: the plot area never moves, and the
    re-priced view keeps its own labels (a change of theme or width brought back December's)."""
    view = json.loads((site.root / "charts" / CHART / "figure.en.json").read_text(encoding="utf-8"))["layout"]["updatemenus"][0]["buttons"][1]
    assert view["name"] == VIEW
    labels = f"() => document.querySelector('{PLOT}')._fullLayout.annotations.map(a => !!a.visible)"
    shown = [view["args"][1][f"annotations[{i}].visible"] for i in range(sum(k.endswith(".visible") for k in view["args"][1]))]
    size = {"width": width, "height": 900}
    page = tab(viewport=size, has_touch=width < 800, is_mobile=width < 800, color_scheme="light")
    try:
        page.goto(f"{site.url}en/charts/{CHART}/?view-{CHART}={VIEW}")
        assert drawn(page)["name"] == VIEW
        page.wait_for_timeout(300)
        areas = {"opened": page.evaluate(PLOT_AREA, PLOT)}
        press(page, 0)
        areas["december"] = page.evaluate(PLOT_AREA, PLOT)
        press(page, 1)
        areas["re-priced"] = page.evaluate(PLOT_AREA, PLOT)
        page.emulate_media(color_scheme="dark")
        page.wait_for_function(f"() => document.querySelector('{PLOT}').dataset.theme === 'slate'")
        page.wait_for_timeout(300)
        areas["dark"] = page.evaluate(PLOT_AREA, PLOT)
        assert page.evaluate(labels) == shown, "the re-priced view's labels after the change of theme"
        if width == 360:
            page.set_viewport_size({"width": 800, "height": 900})
            page.wait_for_function(f"() => document.querySelector('{PLOT}').dataset.layout === 'wide'")
            page.wait_for_timeout(500)
            assert page.evaluate(labels) == shown, "the re-priced view's labels after a rotation"
            page.set_viewport_size(size)
            page.wait_for_function(f"() => document.querySelector('{PLOT}').dataset.layout === 'narrow'")
            page.wait_for_timeout(500)
            areas["rotated back"] = page.evaluate(PLOT_AREA, PLOT)
            press(page, 0)
            areas["december again"] = page.evaluate(PLOT_AREA, PLOT)
        tops, heights = {a["top"] for a in areas.values()}, {a["height"] for a in areas.values()}
        assert max(tops) - min(tops) <= 1 and max(heights) - min(heights) <= 1, areas
    finally:
        page.emulate_media(color_scheme="light")
