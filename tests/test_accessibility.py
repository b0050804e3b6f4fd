"""axe-core on every page, in both languages and both themes: no serious or critical violation."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(site, browser, scheme):
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci` (the Makefile does)")
    # axe is injected as an inline script, which the site's CSP rightly forbids: bypass it for the audit.
    ctx = browser.new_context(color_scheme=scheme, bypass_csp=True)
    page = ctx.new_page()
    found = {}
    for path in site.pages() + site.embeds():
        page.goto(site.url + path + ("?theme=dark" if scheme == "dark" and path.startswith("embed/") else ""))
        if page.locator(".o3-chart").count():
            page.mouse.move(5, 5)  # charts stay static images until the reader does something
            for i, plot in enumerate(page.locator(".o3-chart__plot").all()):
                plot.scroll_into_view_if_needed()
                plot.hover(force=True)  # an embed page waits for the pointer on its chart
                page.wait_for_function("i => document.querySelectorAll('.o3-chart')[i].dataset.ready", arg=i, timeout=20_000)
            page.wait_for_function("() => [...document.querySelectorAll('.o3-chart')].every(c => c.dataset.ready)", timeout=20_000)
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
