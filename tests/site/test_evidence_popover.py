"""Evidence at the number, in a real browser: a number in the prose opens its popover by click, tap and
keyboard, in both languages; Escape and a click outside close it; focus goes in and comes back; the
links inside land on the record, the source and the chart point; without JavaScript it is a link."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlparse

import pytest

from conftest import AXE, listen

pytestmark = pytest.mark.browser

PAGES = [("en", "en/o3/"), ("zh", "o3/")]
BLOCK = re.compile(r'<script type="application/json" class="o3-evidence-data">([^<]*)</script>')


DESK = {"viewport": {"width": 1000, "height": 800}}


def open_page(page, url: str):
    """`url` in `page` (a kept tab), loaded with its evidence links ready, and what went wrong on the way."""
    problems: list[str] = []
    listen(page, "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    listen(page, "pageerror", lambda e: problems.append(f"pageerror: {e}"))
    page.goto(url, wait_until="load")
    page.wait_for_function("() => document.querySelector('article a[data-figure][aria-haspopup=dialog]')")
    return page, problems


def is_focused(locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def focus_inside(page) -> bool:
    return page.evaluate("() => !!document.activeElement.closest('.o3-pop')")


def check_popover(page, link) -> None:
    pop = page.locator(".o3-pop")
    assert pop.count() == 1 and pop.is_visible()
    assert pop.get_attribute("role") == "dialog"
    assert link.get_attribute("aria-expanded") == "true" and link.get_attribute("aria-controls") == pop.get_attribute("id")
    assert pop.locator(".o3-pop__value").inner_text() == link.inner_text()
    assert pop.locator(".o3-pop__quote p").first.inner_text().strip("“”")  # the quote, in its source's language
    assert pop.locator(".o3-pop__source").get_attribute("href").startswith("http")
    source_line = pop.locator("li", has=page.locator(".o3-pop__source")).inner_text()
    assert source_line.startswith(("Source: ", "来源：")) and "undefined" not in pop.inner_text()
    labelled = [page.locator(f"#{i}").inner_text() for i in pop.get_attribute("aria-labelledby").split()]
    assert labelled[0] == link.inner_text()
    assert focus_inside(page)
    # it is next to the number, and within a phone's width of the viewport
    box, at = page.evaluate("""() => {  // both at one moment
        const b = document.querySelector('.o3-pop').getBoundingClientRect(), a = document.querySelector('[aria-expanded="true"]').getBoundingClientRect();
        return [{x: b.x, y: b.y, width: b.width}, {y: a.y, height: a.height}]; }""")
    assert 0 <= box["x"] and box["x"] + box["width"] <= page.viewport_size["width"]
    assert at["y"] + at["height"] <= box["y"] <= at["y"] + at["height"] + 20


@pytest.mark.parametrize("lang,path", PAGES)
def test_click_opens_escape_closes_and_focus_returns(site, tab, lang, path):
    page, problems = open_page(tab(**DESK), site.url + path)
    link = page.locator("article a.o3-fig:not(.o3-caveats a)").first
    assert link.get_attribute("title") is None  # no theme tooltip besides the popover
    link.click()
    check_popover(page, link)
    assert page.locator(".md-tooltip2--active").count() == 0
    assert page.url == site.url + path  # the click opened the popover instead of following the link
    # a number said on the livestream: its quote is OpenAI's own English (the video's captions), in both
    # languages, with no translation beside it
    assert page.locator(".o3-pop__quote").get_attribute("lang") in ("en", None)
    assert "accuracy" in page.locator(".o3-pop__quote").inner_text()
    assert page.locator(".o3-pop__translation").count() == 0
    page.keyboard.press("Escape")
    assert page.locator(".o3-pop").count() == 0
    assert is_focused(link) and link.get_attribute("aria-expanded") == "false"
    # a click outside closes it too; a second click on the number toggles it
    link.click()
    page.locator("h1").first.click()
    assert page.locator(".o3-pop").count() == 0
    link.click()
    link.click()
    assert page.locator(".o3-pop").count() == 0
    assert not problems, problems


@pytest.mark.parametrize("lang,path", PAGES)
def test_keyboard_tab_to_the_number_enter_opens_tab_stays_inside(site, tab, lang, path):
    page, problems = open_page(tab(**DESK), site.url + path)
    link = page.locator("article a.o3-fig").nth(1)
    link.focus()
    page.keyboard.press("Shift+Tab")
    assert not is_focused(link)
    page.keyboard.press("Tab")  # Tab reaches the number
    assert is_focused(link)
    page.keyboard.press("Enter")
    check_popover(page, link)
    controls = page.locator(".o3-pop a[href], .o3-pop button").count()
    for _ in range(controls + 2):  # round the dialog and beyond: focus stays in it
        page.keyboard.press("Tab")
        assert focus_inside(page)
    page.keyboard.press("Escape")
    assert page.locator(".o3-pop").count() == 0 and is_focused(link)
    # the close button closes it and gives focus back as well
    page.keyboard.press("Enter")
    page.locator(".o3-pop__close").focus()
    page.keyboard.press("Enter")
    assert page.locator(".o3-pop").count() == 0 and is_focused(link)
    assert not problems, problems


@pytest.mark.parametrize("lang,path", PAGES)
def test_tap_opens_it_on_a_phone(site, tab, lang, path):
    page = tab(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True, color_scheme="dark")
    page, problems = open_page(page, site.url + path)
    link = page.locator("article a.o3-fig:not(.o3-caveats a)").first
    link.scroll_into_view_if_needed()
    link.tap()
    check_popover(page, link)
    # each link a thumb's target (WCAG 2.5.8: 24 px), apart from the others (its lines may touch each other)
    boxes = page.evaluate("""() => [...document.querySelectorAll('.o3-pop__links a')].map((a, i) =>
        [...a.getClientRects()].map(r => ({i, top: r.top, bottom: r.bottom, left: r.left, right: r.right})))""")
    rects = [r for link_rects in boxes for r in link_rects]
    assert len(boxes) >= 2 and all(r["bottom"] - r["top"] >= 24 for r in rects), rects
    overlap = [(a, b) for a in rects for b in rects if a["i"] < b["i"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]
               and a["left"] < b["right"] and b["left"] < a["right"]]
    assert not overlap, overlap
    page.locator("h1").first.tap()
    assert page.locator(".o3-pop").count() == 0
    assert not problems, problems


@pytest.mark.parametrize("lang,path", PAGES)
def test_the_links_inside_land_on_the_record_and_the_chart_point(site, tab, lang, path):
    page, _ = open_page(tab(**DESK), site.url + path)
    link = page.locator("article a.o3-fig:not(.o3-caveats a)").first
    fig_id = link.get_attribute("data-figure")
    link.click()
    page.locator(".o3-pop__record").click()
    page.wait_for_url(f"**/{'en/' if lang == 'en' else ''}methods/#fig-{fig_id}")
    assert page.locator(f'[id="fig-{fig_id}"]').is_visible()
    page.go_back()
    page.wait_for_function("() => document.querySelector('article a[data-figure][aria-haspopup=dialog]')")
    link.click()
    page.locator(".o3-pop__chart").click()
    page.wait_for_url(f"**/charts/*/?point={fig_id}#chart-*")
    page.wait_for_selector(f'.o3-chart[data-highlight="{fig_id}"]', timeout=20_000)


def test_a_transcript_number_opens_its_evidence_too(site, tab):
    page, problems = open_page(tab(**DESK), site.url + "en/transcript/")
    link = page.locator('#t2 a.o3-num[data-figure="o3.swe-bench-verified"]').first
    link.click()
    pop = page.locator(".o3-pop")
    assert pop.is_visible() and pop.locator(".o3-pop__value").inner_text() == "about 71.7%"
    assert "71.7% accuracy" in pop.locator(".o3-pop__quote").inner_text()  # OpenAI's words, from its video
    page.keyboard.press("Escape")
    assert is_focused(link)
    assert not problems, problems


def test_without_javascript_the_number_is_its_link(site, browser):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(site.url + "en/o3/")
    link = page.locator("article a.o3-fig:not(.o3-caveats a)").first
    fig_id = link.get_attribute("data-figure")
    assert link.get_attribute("aria-haspopup") is None
    link.click()
    page.wait_for_url(f"**/en/methods/#fig-{fig_id}")
    ctx.close()


def test_every_link_in_every_evidence_block_resolves(site):
    """Record and chart links go to a built page and an element there; sources are http(s)."""
    checked = 0
    for path in site.pages():
        found = BLOCK.search(site.html(path))
        if not found:
            continue
        data = json.loads(found.group(1))
        for fig_id, e in data["figures"].items():
            for key in ("record", "chart"):
                if key not in e:
                    continue
                target = urlparse(urljoin(site.url + path, e[key]))
                rel = target.path.removeprefix(urlparse(site.url).path)
                html = site.html(rel)
                assert f'id="{target.fragment}"' in html, (path, fig_id, e[key])
                checked += 1
            assert data["sources"][e["source"]]["url"].startswith(("https://", "http://"))
    assert checked > 100


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["en/", "", "en/transcript/"])
def test_the_open_popover_passes_axe(site, tab, scheme, path):
    """axe with the popover open (the page-wide audit sees every page with it closed)."""
    page, _ = open_page(tab(color_scheme=scheme, bypass_csp=True, viewport={"width": 360, "height": 740}), site.url + path)
    page.locator("article a[data-figure]").first.click()
    assert page.locator(".o3-pop").is_visible()
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run('.o3-pop', {resultTypes: ['violations']})")
    bad = [f"{v['id']} ({v['impact']}): {v['help']} e.g. {v['nodes'][0]['target']}" for v in result["violations"]
           if v["impact"] in ("serious", "critical")]
    assert not bad, bad
