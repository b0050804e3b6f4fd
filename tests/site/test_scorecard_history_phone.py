"""The scorecard's verdict history on a touch phone (360 px), in both languages: each verdict says since
when it stands on the verdict's side of the claim (the claim starts its own line, so "since <date>" never
reads as the claim's first words); a tap opens the history, whose steps fit the screen."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def phone(browser):
    ctx = browser.new_context(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    yield ctx
    ctx.close()


@pytest.mark.parametrize("root", ["", "en/"])
def test_since_and_history_read_on_a_phone(site, phone, root):
    page = phone.new_page()
    page.goto(site.url + root, wait_until="load")
    claims = page.locator("li.o3-claim")
    assert claims.count() > 5
    for i in range(claims.count()):
        claim = claims.nth(i)
        since = claim.locator(".o3-claim__since").bounding_box()
        text = claim.locator(".o3-claim__text").bounding_box()
        verdict = claim.locator(".o3-claim__head .o3-verdict").bounding_box()
        assert since and text and verdict
        # the date follows its verdict; the claim begins on a line of its own, below both
        assert since["y"] >= verdict["y"] - 1
        assert text["y"] >= since["y"] + since["height"] - 1, (i, since, text)
        assert text["x"] <= verdict["x"] + 1
    claim = page.locator("li.o3-claim#claim-arc-agi")
    history = claim.locator("details.o3-claim__history")
    assert not history.evaluate("d => d.open")
    history.locator("summary").tap()
    assert history.evaluate("d => d.open")
    steps = history.locator("li.o3-history__step")
    assert steps.count() == 2
    for i in range(steps.count()):
        box = steps.nth(i).bounding_box()
        assert box["height"] > 0 and box["x"] >= 0 and box["x"] + box["width"] <= 360
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.close()
