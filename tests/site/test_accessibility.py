"""axe-core on a phone (360 px, touch), as Lighthouse's mobile audit sees a page: touch targets and
link names (axe on every page in both themes: test_every_page)."""

from __future__ import annotations

import pytest

from conftest import AXE

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("path", ["charts/arc-agi-cost/", "en/charts/arc-agi-cost/", "en/o3/", "o3/",
                                  "embed/o3-vs-o1/?lang=en", "embed/scorecard/"])
def test_on_a_phone_every_target_is_large_enough_and_every_link_named(site, tab, path):
    """At 360 px with touch, as Lighthouse's mobile audit sees a page: a chart's folded sources line is a
    24 px target (it was 18.8), and the footer's previous link, whose title a phone hides, keeps its
    name (it had none). In an embed, the data table's and the sources' lines are 24 px targets (18.8)."""
    page = tab(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True, bypass_csp=True)
    page.goto(site.url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: ['target-size', 'link-name'], resultTypes: ['violations']})")
    assert not result["violations"], [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
    # and by our own measure, whatever axe's spacing allowance: each chart's data line and each linked
    # verdict chip is at least 24 px high (they were 20 and 22)
    small = page.evaluate("""() => [...document.querySelectorAll('details.o3-chart__data > summary, details.o3-chart__more > summary, a.o3-verdict')]
        .map(e => [e.className || e.parentElement.className, e.getBoundingClientRect().height])
        .filter(([, h]) => h > 0 && h < 24)""")
    assert not small, small


def test_on_a_phone_the_drawer_opens_the_charts_section_with_a_thumb(site, tab):
    """In the phone drawer the Charts row's name opens the charts index; the arrow beside it, the only way
    to open the section, was 20 x 24 px in a 48 px row. It is at least 44 px each way, and a tap on it
    opens the section."""
    for root in ("", "en/"):
        page = tab(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
        page.goto(site.url + root)
        page.locator("header label[for=__drawer]").first.tap()
        toggle = page.locator(".md-nav--primary .md-nav__container > label.md-nav__link").first
        toggle.wait_for(state="visible")
        box = toggle.bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, box
        toggle.tap()
        page.locator(".md-nav--primary .md-nav[data-md-level='1'] a[href*='charts/']").first.wait_for(state="visible")


def test_on_a_phone_the_caveats_keep_the_screen_s_width(site, tab):
    """The overview's "Before you quote these numbers" box: on a 360 px screen its items started 70 px into
    the box (the theme's list indent), and each source and quote ran on in small text at the caveat's
    large line spacing. The items start 51 px in, and the source is a block with its own line height."""
    for root in ("", "en/"):
        page = tab(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
        page.goto(site.url + root)
        m = page.evaluate("""() => { const box = document.querySelector('.o3-caveats'), li = box.querySelector('li'),
            note = li.querySelector('.o3-note'), s = getComputedStyle(note);
            return {indent: li.getBoundingClientRect().left - box.getBoundingClientRect().left, display: s.display,
                    ratio: parseFloat(s.lineHeight) / parseFloat(s.fontSize)}; }""")
        assert m["indent"] <= 56 and m["display"] == "block" and m["ratio"] <= 1.6, m
