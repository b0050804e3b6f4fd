"""The suite's kept browser tabs (conftest.Tabs): a tab given back is blank for the next test."""

from __future__ import annotations

import pytest

from conftest import listen

pytestmark = pytest.mark.browser


def test_a_kept_tab_comes_back_blank(site, tabs):
    options = {"viewport": {"width": 500, "height": 600}, "init_script": "window.__kept = 1"}
    page = tabs.take(**options)
    page.goto(site.url + "en/")
    page.evaluate("() => { localStorage.setItem('o3-test', '1'); sessionStorage.setItem('o3-test', '2'); document.cookie = 'o3-test=3; path=/'; }")
    heard: list[str] = []
    listen(page, "console", lambda m: heard.append(m.text))
    page.set_viewport_size({"width": 320, "height": 480})
    page.mouse.move(200, 200)
    tabs.give_back(page)

    again = tabs.take(**options)
    assert again is page, "a new tab was opened: the kept one was closed"
    assert again.url == "about:blank"
    assert again.viewport_size == options["viewport"]
    again.goto(site.url + "en/")
    assert again.evaluate("() => [localStorage.getItem('o3-test'), sessionStorage.getItem('o3-test'), document.cookie.includes('o3-test')]") == [None, None, False]
    assert again.evaluate("window.__kept") == 1  # the context's init script stays: it is one of its options
    again.evaluate("console.log('after')")
    assert heard == [], "a listener of the last test still hears the page"
    tabs.give_back(again)
    # other options, another context
    other = tabs.take(viewport={"width": 500, "height": 600})
    assert other is not page and other.context is not page.context
    tabs.give_back(other)
