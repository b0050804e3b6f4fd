"""Every page and embed of the site, both languages, in a real browser (Debian chromium), each visited
once with every chart drawn and checked in both themes:

- it loads cleanly: no console error or warning, no page error, no failed request, no HTTP error, no
  content-security-policy violation (the policy in force, as readers get it), a heading;
- it works offline: all traffic to any host but the local server is blocked, and none was attempted;
- axe-core finds no serious or critical accessibility violation, in the light and the dark theme: each
  page is loaded in light, checked, then the system's setting turns dark (the theme and the charts
  follow it live, as for a reader whose phone turns dark at dusk) and axe runs again. An embed follows
  the system when its snippet names no theme.

The pages are split into CHUNKS parts so that the sweep spreads over the suite's workers."""

from __future__ import annotations

import re

import pytest

from conftest import AXE, CSP_WATCH, draw_all_charts

pytestmark = [pytest.mark.browser, pytest.mark.long]

CHUNKS = 4
# any address that is not the local server (the site is served on 127.0.0.1), nor inline data
FOREIGN = re.compile(r"^(?!(https?://(127\.0\.0\.1|localhost)[:/]|data:|blob:|about:))")
AXE_RUN = "axe.run(document, {resultTypes: ['violations']})"


def still(page) -> None:
    """Wait until no finite CSS transition or animation runs: drawing the charts scrolls the page, and the
    theme fades its tabs out as it does; axe must not measure a colour mid-fade."""
    page.wait_for_function("""() => document.getAnimations().every(a =>
        a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity)""")


def chunk(site, part: int) -> list[str]:
    return (site.pages() + site.embeds())[part::CHUNKS]


def serious(result: dict) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} e.g. {v['nodes'][0]['target']}"
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


DARK = "() => document.body.dataset.mdColorScheme === 'slate' || document.documentElement.dataset.theme === 'dark'"
# Reads every element's colour once: rows laid out lazily (`content-visibility: auto`, the methods
# page's explorer) restyle, and start the theme's colour transition, only when first read; axe must
# not be the first to read them, mid-fade from the light colour.
RESTYLE = "() => { for (const e of document.querySelectorAll('*')) getComputedStyle(e).color; }"
CHARTS_DARK = "() => [...document.querySelectorAll('.o3-chart__plot')].every(p => p.dataset.theme === 'slate')"


@pytest.mark.parametrize("part", range(CHUNKS))
def test_every_page_loads_cleanly_offline_and_passes_axe_in_both_themes(site, browser, part):
    if not AXE.exists():
        pytest.fail("axe-core is not installed: run `npm ci` (the Makefile does)")
    axe = AXE.read_text(encoding="utf-8")
    # A context of its own: a cold cache, and the only routes in the suite that block the network.
    ctx = browser.new_context()  # light or dark: set per page below
    ctx.add_init_script(CSP_WATCH)
    attempts: list[str] = []
    ctx.route(FOREIGN, lambda route: (attempts.append(route.request.url), route.abort()))
    page = ctx.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    # a request the browser cancels (net::ERR_ABORTED) is one still in flight as the sweep moves on to
    # the next page (the theme's favicon, at times), not a failure of the site's
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} ({r.failure})") if r.failure != "net::ERR_ABORTED" else None)
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    found = {}
    paths = chunk(site, part)
    assert len(paths) >= 10, paths
    for path in paths:
        problems.clear()
        page.emulate_media(color_scheme="light")
        page.goto(site.url + path, wait_until="load")
        draw_all_charts(page)
        assert not page.evaluate(DARK), path
        bad = [] if page.locator("h1").count() else ["no heading"]
        # axe is evaluated by the browser's debugger, which the page's policy does not govern (an
        # injected <script> would be refused, rightly)
        page.evaluate(axe)
        still(page)
        bad += serious(page.evaluate(AXE_RUN))
        # the system turns dark: the page and its charts follow
        page.emulate_media(color_scheme="dark")
        page.wait_for_function(DARK)
        page.wait_for_function(CHARTS_DARK)
        page.evaluate(RESTYLE)
        still(page)
        bad += [f"dark: {v}" for v in serious(page.evaluate(AXE_RUN))]
        # console, page errors, requests and the content policy, over both themes
        bad += list(problems) + [f"CSP: {v}" for v in page.evaluate("window.__csp")]
        if bad:
            found[path] = bad
    ctx.close()
    assert not attempts, attempts
    assert not found, found
