"""The data table under each chart: folded on load (one click opens it, no JavaScript needed),
its value right after the model, and on a phone the value in view without scrolling sideways."""

from __future__ import annotations

import re

import pytest

from o3story.render import charts
from o3story.render.i18n import t
from o3story.render.context import FIGURE_COLUMNS

pytestmark = pytest.mark.browser
LANG_ROOT = {"zh": "", "en": "en/"}


def test_the_table_puts_the_value_right_after_the_model(site):
    html = site.html("charts/o3-vs-o1/")
    head = re.search(r'<details class="o3-chart__data"[^>]*><summary>.*?</summary><div class="o3-table[^"]*"><table>\s*<thead><tr>(.*?)</tr>', html, re.S)
    assert head, "the chart's table is not folded in a closed <details>"
    assert re.findall(r"<th>(.*?)</th>", head[1])[:2] == [t("zh", "col.model"), t("zh", "col.value")]
    assert FIGURE_COLUMNS[:2] == ("model", "value")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_chart_data_is_closed_on_load_on_the_page_and_in_the_embed(site, tab, chart_id, lang):
    page = tab(viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
    for url, selector in ((f"{site.url}{LANG_ROOT[lang]}charts/{chart_id}/", "details.o3-chart__data"),
                          (f"{site.url}embed/{chart_id}/?lang={lang}", f'section[data-lang="{lang}"] details.o3-embed__data')):
        page.goto(url, wait_until="load")
        details = page.locator(selector).first
        assert details.evaluate("d => d.open") is False, url
        assert not details.locator("tbody").is_visible(), url
        details.locator("summary").tap()  # (the first touch turns the chart live: it used to move the page under the finger)
        assert details.evaluate("d => d.open") is True, url
        cell = details.locator("tbody tr").first.locator("td").nth(1)
        assert cell.is_visible(), url
        box = cell.bounding_box()
        # the whole value is in view at 360 px, without scrolling the table sideways
        assert box["x"] >= 0 and box["x"] + box["width"] <= 360, (url, box)
