"""Embeds on another origin: the published snippet, sized to its content, themed live, linking back."""

from __future__ import annotations

import pytest

from conftest import free_port, serve
from o3story.render import charts
from o3story.render.embed import snippet

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def host(site, story, tmp_path_factory):
    """A page on a second local port (another origin) that embeds two charts with the published snippet,
    plus a third in a sandboxed frame."""
    root = tmp_path_factory.mktemp("host")
    one = snippet(site.url, charts.build("arc-agi-cost", story, "zh")).replace("theme=auto", "theme=light")
    two = snippet(site.url, charts.build("o3-mini-latency", story, "en")).replace("theme=auto", "theme=dark")
    sandboxed = one.split("\n")[0].replace("<iframe ", '<iframe id="boxed" sandbox="allow-scripts allow-popups" ')
    (root / "index.html").write_text(
        f"<!doctype html><html><head><meta charset=utf-8><title>host</title><link rel=icon href='data:,'></head><body style='margin:0'>"
        f"<div id=one>{one}</div><div id=two>{two}</div><div id=three>{sandboxed}</div></body></html>",
        encoding="utf-8",
    )
    port = free_port()
    server = serve(root, port)
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


def frame(page, selector):
    return page.locator(selector).element_handle().content_frame()


def settle(page):
    page.wait_for_function(
        "() => [...document.querySelectorAll('iframe[data-o3-embed]')].every(f => parseInt(f.style.height || '0') > 200)",
        timeout=20_000,
    )
    page.wait_for_timeout(600)  # let the last resize messages land


@pytest.mark.parametrize("width", [320, 1200])
def test_iframes_settle_at_content_height(site, host, browser, width):
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    page = ctx.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(host)
    settle(page)
    for frame_el in page.locator("iframe[data-o3-embed]").all():
        frame_el.scroll_into_view_if_needed()
        frame = frame_el.element_handle().content_frame()
        frame.wait_for_selector(".o3-chart__plot", state="attached")
        frame.locator(".o3-chart__plot").hover()  # an embedded chart is its static image until the pointer comes
        frame.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
        try:  # the host resizes the frame a moment after the chart is drawn
            frame.wait_for_function("document.documentElement.scrollHeight <= document.documentElement.clientHeight + 1", timeout=5_000)
        except Exception:  # noqa: BLE001 - the assertion below reports the numbers
            pass
        inner = frame.evaluate("({h: Math.ceil(document.body.getBoundingClientRect().height), sh: document.documentElement.scrollHeight, ch: document.documentElement.clientHeight, sw: document.documentElement.scrollWidth, cw: document.documentElement.clientWidth})")
        outer = frame_el.bounding_box()
        assert abs(outer["height"] - inner["h"]) <= 2, (width, inner, outer)
        assert inner["sh"] <= inner["ch"] + 1, f"inner vertical scrollbar at {width}px: {inner}"
        assert inner["sw"] <= inner["cw"] + 1, f"inner horizontal scroll at {width}px: {inner}"
    assert not errors, errors
    ctx.close()


def test_language_and_theme_flags_and_live_theme_switch(site, host, browser, story):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(host)
    settle(page)
    zh = frame(page, "#one iframe")
    en = frame(page, "#two iframe")
    for sel, f in (("#one iframe", zh), ("#two iframe", en)):
        f.wait_for_selector(".o3-chart__plot", state="attached")
        # the frame into view first: a cross-origin frame wholly below the screen gets no animation
        # frames, so nothing inside it can be found stable to scroll to
        page.locator(sel).scroll_into_view_if_needed()
        f.locator(".o3-chart__plot").scroll_into_view_if_needed()
        f.locator(".o3-chart__plot").hover()
        f.wait_for_selector(".o3-chart[data-ready]")
    assert zh.evaluate("document.documentElement.lang") == "zh-Hans"
    assert en.evaluate("document.documentElement.lang") == "en"
    from o3story.render import charts

    # the Chinese title (its values come from the records, so it is the built chart's, not the i18n template)
    assert zh.locator(".o3-embed__title").inner_text() == charts.build("arc-agi-cost", story, "zh").title
    assert en.locator("[data-lang='zh']").count() == 0
    assert zh.evaluate("document.documentElement.dataset.theme") == "light"
    assert en.evaluate("document.documentElement.dataset.theme") == "dark"
    light_font = zh.evaluate("document.querySelector('.o3-chart__plot')._fullLayout.font.color")
    page.evaluate("document.querySelector('#one iframe').contentWindow.postMessage({type: 'o3-embed-theme', theme: 'dark'}, '*')")
    zh.wait_for_function("c => document.querySelector('.o3-chart__plot')._fullLayout.font.color !== c", arg=light_font)
    assert zh.evaluate("document.documentElement.dataset.theme") == "dark"
    # plotly's own UI strings follow the language too: the zh-CN locale is registered and in use
    assert zh.evaluate("document.querySelector('.o3-chart__plot')._context.locale") == "zh-CN"
    assert en.evaluate("document.querySelector('.o3-chart__plot')._context.locale") == "en"
    ctx.close()


def test_sandboxed_frame_draws_and_link_back_opens_the_chart_page(site, host, browser):
    ctx = browser.new_context()
    page = ctx.new_page()
    page.goto(host)
    settle(page)
    page.locator("#boxed").scroll_into_view_if_needed()
    boxed = frame(page, "#boxed")
    boxed.wait_for_selector(".o3-chart__plot", state="attached")
    boxed.locator(".o3-chart__plot").hover()
    boxed.wait_for_selector(".o3-chart[data-ready]", timeout=20_000)
    with ctx.expect_page() as popup:
        boxed.locator(".o3-embed__back a").click()
    chart_page = popup.value
    chart_page.wait_for_load_state()
    assert chart_page.url == site.url + "charts/arc-agi-cost/"
    ctx.close()


# Host pages for the theme: the published snippet as it is (theme=auto), with the host's embed.js.
THEME_HOSTS = {
    "light-only": "body { background: #ffffff; color: #111; }",
    "dark-only": "body { background: #15171c; color: #eee; }",
    "both": ":root { color-scheme: light dark; } body { background: #fff; } "
            "@media (prefers-color-scheme: dark) { body { background: #101114; color: #eee; } }",
}


@pytest.fixture(scope="module")
def theme_hosts(site, story, tmp_path_factory):
    root = tmp_path_factory.mktemp("theme-hosts")
    code = snippet(site.url, charts.build("o3-mini-latency", story, "en"))
    assert "theme=auto" in code
    for name, css in THEME_HOSTS.items():
        (root / f"{name}.html").write_text(
            f"<!doctype html><html><head><meta charset=utf-8><title>host</title><link rel=icon href='data:,'><style>{css}</style></head>"
            f"<body><p>Article text.</p>{code}</body></html>", encoding="utf-8")
    port = free_port()
    server = serve(root, port)
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.mark.parametrize("host_page, reader, expected", [
    ("light-only", "dark", "light"),   # a page with no dark theme keeps a light chart for a reader whose phone is dark
    ("dark-only", "light", "dark"),    # and a dark page a dark one
    ("both", "light", "light"),
    ("both", "dark", "dark"),
])
def test_with_the_host_script_an_auto_frame_takes_the_page_s_background(theme_hosts, browser, host_page, reader, expected):
    ctx = browser.new_context(color_scheme=reader)
    page = ctx.new_page()
    page.goto(f"{theme_hosts}{host_page}.html")
    settle(page)
    inner = frame(page, "iframe[data-o3-embed]")
    inner.wait_for_function("t => document.documentElement.dataset.theme === t", arg=expected, timeout=5_000)
    if host_page == "both":  # the reader's setting turns: the page turns, and its frame with it
        other = "light" if reader == "dark" else "dark"
        page.emulate_media(color_scheme=other)
        inner.wait_for_function("t => document.documentElement.dataset.theme === t", arg=other, timeout=5_000)
    ctx.close()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_in_a_frame_shorter_than_its_content_the_link_back_and_credit_stay_in_view(site, browser, lang):
    """Pasted without its second line into a slot narrower than the screen, a frame keeps the height the
    snippet gives it for the screen's width: a 320 px sidebar on a 1280 px screen held o3-mini-latency's
    913 px of content in 718 px, and the link back and the credit were below the frame's foot. They
    stay in view over what scrolls, at the top of the content as at its end; in a frame that fits, they
    stand where they are."""
    ctx = browser.new_context(viewport={"width": 320, "height": 560})
    page = ctx.new_page()
    page.goto(f"{site.url}embed/o3-mini-latency/?lang={lang}", wait_until="load")
    assert page.evaluate("document.documentElement.scrollHeight") > 560 + 100  # the content does not fit
    section = f'.o3-embed__chart[data-lang="{lang}"]'
    for where in ("top", "end"):
        if where == "end":
            page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
        for part in (".o3-embed__back a", ".o3-embed__asof"):
            box = page.locator(f"{section} {part}").bounding_box()
            assert box and 0 <= box["y"] and box["y"] + box["height"] <= 560, (where, part, box)
    page.set_viewport_size({"width": 320, "height": 4000})  # a frame that fits: the foot is the last thing
    foot = page.locator(f"{section} .o3-embed__foot").bounding_box()
    last = page.evaluate(f"""() => Math.max(...[...document.querySelectorAll('{section} > :not(footer)')]
        .map(e => e.getBoundingClientRect().bottom))""")
    assert foot["y"] >= last - 1, (foot, last)
    ctx.close()
