"""axe-core on every page, in both languages and both themes: no serious or critical violation."""

from __future__ import annotations

import pytest

from conftest import AXE, draw_all_charts

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(site, browser, scheme):
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci` (the Makefile does)")
    # axe is injected as an inline script, which the site's CSP rightly forbids: bypass it for the audit.
    ctx = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = ctx.new_page()
    found = {}
    for path in site.pages() + site.embeds():
        page.goto(site.url + path + ("?theme=dark" if scheme == "dark" and path in site.embeds() else ""))
        draw_all_charts(page)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        bad = [
            f"{v['id']} ({v['impact']}): {v['help']} e.g. {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")
        ]
        if bad:
            found[path] = bad
    ctx.close()
    assert not found, found


@pytest.mark.parametrize("path", ["charts/arc-agi-cost/", "en/charts/arc-agi-cost/", "en/o3/", "o3/"])
def test_on_a_phone_every_target_is_large_enough_and_every_link_named(site, tab, path):
    """At 360 px with touch, as Lighthouse's mobile audit sees a page: a chart's folded sources line is a
    24 px target (it was 18.8), and the footer's previous link, whose title a phone hides, keeps its
    name (it had none)."""
    page = tab(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True, bypass_csp=True)
    page.goto(site.url + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: ['target-size', 'link-name'], resultTypes: ['violations']})")
    assert not result["violations"], [(v["id"], [n["target"] for n in v["nodes"]]) for v in result["violations"]]
