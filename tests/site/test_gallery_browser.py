"""The charts gallery in a browser, on a touch phone (360 px) and at page width (1280 px), both languages:
every image loads (the lazy ones once scrolled to), keeps the box the gallery gives it (3:2, the chart
shown whole inside), nothing on the page shifts while they load, one column on the phone and a grid at page width."""

from __future__ import annotations

import pytest

from o3story.render.charts import CHARTS, HEADLINE

pytestmark = pytest.mark.browser

# Layout shifts, with the elements they moved, from the first paint on: when, and whether every element
# moved sits in the theme's header.
SHIFTS = """
window.__shifts = [];
new PerformanceObserver(list => {
  for (const e of list.getEntries()) {
    const nodes = (e.sources || []).map(s => s.node);
    window.__shifts.push({value: e.value, recent: e.hadRecentInput, t: e.startTime,
      header: nodes.length > 0 && nodes.every(n => n && n.nodeType === 1 && n.closest('.md-header')),
      nodes: nodes.map(n => n && n.nodeType === 1 ? (n.className || n.tagName) + '' : '#text')});
  }
}).observe({type: 'layout-shift', buffered: true});
"""

# One kind of shift is not the gallery's: a browser short of CPU may paint the page before it has parsed
# the whole header, and at 960 px and wider the theme's last header item (the repository link) then
# pushes the search box and the language button left when it is parsed (0.001-0.006 under load; a fail
# in CI). That is the theme's header while the HTML is still being parsed, before any image loads; a
# shift of anything else, or of the header after parsing, still fails.
PARSING_HEADER = """shifts => {
  const parsed = performance.getEntriesByType('navigation')[0].domInteractive;
  return shifts.filter(s => !(s.header && s.t < parsed));
}"""

LAYOUTS = {
    "phone": dict(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True, device_scale_factor=2),
    "wide": dict(viewport={"width": 1280, "height": 900}),
}


@pytest.mark.parametrize("lang", ["", "en/"])
@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_gallery_images_load_in_their_boxes_without_moving_the_page(site, browser, layout, lang):
    ctx = browser.new_context(**LAYOUTS[layout])
    ctx.add_init_script(SHIFTS)
    page = ctx.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
    page.goto(f"{site.url}{lang}charts/", wait_until="load")
    page.wait_for_load_state("networkidle")
    items = page.locator(".o3-gallery__item")
    assert items.count() == len(CHARTS)
    assert items.first.locator("a").get_attribute("href").rstrip("/").endswith(HEADLINE)
    images = page.locator("img.o3-gallery__image")
    assert images.count() == len(CHARTS)
    # Before anything loads lazily: each image's box already has the ratio of its attributes.
    def boxes():
        return page.evaluate("""() => [...document.querySelectorAll('img.o3-gallery__image')].map(i => {
            const r = i.getBoundingClientRect();
            return {x: r.left, y: r.top + scrollY, w: r.width, h: r.height, cw: i.clientWidth, ch: i.clientHeight, aw: +i.getAttribute('width'),
                    ah: +i.getAttribute('height'), done: i.complete && i.naturalWidth > 0, lazy: i.loading === 'lazy',
                    nw: i.naturalWidth, nh: i.naturalHeight};
        })""")
    before = boxes()
    for b in before:
        assert b["cw"] > 0 and abs(b["ch"] - b["cw"] * 2 / 3) <= 1, b  # the gallery's frame (3:2), inside its border
    # The reader scrolls down the whole gallery; every image is then loaded.
    height = page.evaluate("document.documentElement.scrollHeight")
    for _ in range(0, height + 800, 400):
        page.mouse.wheel(0, 400)
        page.wait_for_timeout(50)
    page.wait_for_function("""() => [...document.querySelectorAll('img.o3-gallery__image')]
        .every(i => i.complete && i.naturalWidth > 0)""")
    after = boxes()
    assert all(b["done"] for b in after)
    assert all((b["nw"], b["nh"]) == (b["aw"], b["ah"]) for b in after), after  # the picture is the size its tag says
    # Nothing moved: same boxes as before loading, and no layout shift anywhere on the page.
    for b0, b1 in zip(before, after):
        assert (round(b0["x"]), round(b0["y"]), round(b0["w"]), round(b0["h"])) == \
               (round(b1["x"]), round(b1["y"]), round(b1["w"]), round(b1["h"])), (b0, b1)
    shifts = page.evaluate(f"({PARSING_HEADER})(window.__shifts)")
    assert sum(s["value"] for s in shifts if not s["recent"]) == 0, shifts
    # Layout: one column on the phone, a grid at page width; the first row loads at once, the rest lazily.
    columns = sorted({round(b["x"]) for b in after})
    if layout == "phone":
        assert len(columns) == 1
        assert all(b["w"] >= 300 for b in after)  # the content's width
    else:
        assert len(columns) >= 2
        first_row = [b for b in after if round(b["y"]) == round(after[0]["y"])]
        assert len(first_row) >= 2
    assert not before[0]["lazy"] and before[-1]["lazy"]
    # Every title is visible text, under its image, and inside the same link.
    for i in range(items.count()):
        title = items.nth(i).locator(".o3-gallery__title")
        assert title.inner_text().strip()
        tb = title.bounding_box()
        ib = items.nth(i).locator("img").bounding_box()
        assert tb["y"] >= ib["y"] + ib["height"] - 1
    assert not problems, problems
    ctx.close()
