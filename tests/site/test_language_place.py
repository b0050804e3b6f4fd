"""The reader's place, kept across languages: every page's headings carry the same ids in both
languages, and the language switch carries the address's fragment and query, so switching lands on
the same section (and the explorer keeps its filters)."""

from __future__ import annotations

import re

import pytest

HEADING = re.compile(r'<h([1-6]) id="([^"]+)"')


def heading_ids(html: str) -> list[str]:
    return [i for level, i in HEADING.findall(html) if level in "23"]


def test_headings_carry_the_same_ids_in_both_languages(site):
    """Same ids, same order, on every page pair (the Chinese ids were slugs of Chinese headings)."""
    differ = {}
    for page in site.pages():
        if page.startswith("en/") or page == "404.html":
            continue
        zh, en = heading_ids(site.html(page)), heading_ids(site.html("en/" + page))
        if zh != en:
            differ[page or "/"] = (zh, en)
        assert all(re.fullmatch(r"[a-z0-9][a-z0-9-]*", i) for i in zh + en), (page, zh, en)
    assert not differ, differ


def switch_to_chinese(page) -> str:
    """Follow the language menu's Chinese entry; the address the browser navigated to. (Once there,
    the theme may rewrite the fragment as the page settles, to the section its tracking finds on top;
    what the switch carried is the address it followed.)"""
    page.locator(".md-header__option .md-select").hover()
    with page.expect_event("framenavigated", lambda f: f == page.main_frame and "/en/" not in f.url) as nav:
        page.locator('.md-select__link[hreflang="zh"]').click()
    page.wait_for_function("() => !location.pathname.includes('/en/') && document.readyState === 'complete'")
    return nav.value.url


def on_top(page, heading: str, height: int) -> None:
    """The section's heading reaches the top half of the screen (the reader is at the same section)."""
    page.wait_for_function("([id, h]) => { const y = document.getElementById(id).getBoundingClientRect().top; "
                           "return y >= 0 && y < h / 2; }", arg=[heading, height], timeout=10_000)


@pytest.mark.browser
@pytest.mark.parametrize("phone", [False, True], ids=["1280", "360-touch"])
def test_the_language_switch_lands_on_the_same_section(site, tab, phone):
    size = {"width": 360, "height": 800} if phone else {"width": 1280, "height": 900}
    page = tab(viewport=size, has_touch=phone, is_mobile=phone)
    page.goto(f"{site.url}en/arc-agi/", wait_until="load")
    # The reader scrolls down to a section (no click on the table of contents): the theme keeps the
    # address's fragment on the section being read.
    # It takes more than one scroll, the way a reader's does: the theme skips the first one.
    # The reader stops 120 px into the section (a drawn chart above may still settle by a few px).
    heading = page.locator("h2#later-re-pricings")
    for part in (0.5, 0.9, 1.0, 1.0):
        target = heading.evaluate("h => h.getBoundingClientRect().top + window.scrollY + 120")
        page.evaluate("y => window.scrollTo(0, y)", target * part)
        page.wait_for_timeout(400)
        if part == 1.0 and page.evaluate("location.hash") == "#later-re-pricings":
            break
    page.wait_for_function("() => location.hash === '#later-re-pricings'", timeout=10_000)
    landed = switch_to_chinese(page)
    assert landed.endswith("/arc-agi/#later-re-pricings"), landed
    on_top(page, "later-re-pricings", size["height"])
    # the explorer's filters travel too
    page.goto(f"{site.url}en/methods/?metric=arc-agi-1#all-figures", wait_until="load")
    landed = switch_to_chinese(page)
    assert landed.endswith("/methods/?metric=arc-agi-1#all-figures"), landed
    on_top(page, "all-figures", size["height"])
