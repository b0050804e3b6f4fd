"""The charts index is a gallery: each chart's static image and its title, one link per chart, the
headline chart first, in both languages."""

from __future__ import annotations

import html
import re

import pytest

from conftest import ROOT
from o3story.data.story import load_story
from o3story.render import charts
from o3story.render.blocks.charts import GALLERY_EAGER
from o3story.render.pages import render


@pytest.fixture(scope="module")
def story():
    return load_story(ROOT / "data")


def items(out: str) -> list[str]:
    gallery = re.search(r'<ul class="o3-gallery">(.*?)</ul>', out, re.S)
    assert gallery, out[:500]
    return re.findall(r"<li class=\"o3-gallery__item\">(.*?)</li>", gallery.group(1), re.S)


def attr(tag: str, name: str) -> str | None:
    m = re.search(rf'\s{name}="([^"]*)"', tag)
    return html.unescape(m.group(1)) if m else None


@pytest.mark.parametrize("lang, page", [("zh", "charts/"), ("en", "en/charts/")])
def test_gallery_shows_every_chart_image_and_title_headline_first(story, lang, page):
    out = render("# Charts\n\n{{ chart-list }}\n", lang, story, page, images=True)
    cards = items(out)
    order = [re.search(r'href="([^"]+)"', c).group(1) for c in cards]
    assert order[0] == "claims-vs-shipped/"  # the headline chart first
    assert order == [f"{chart_id}/" for chart_id in charts.gallery_order()]
    assert sorted(order) == sorted(f"{chart_id}/" for chart_id in charts.CHARTS)  # every chart, once
    root = "../" * page.count("/")
    for n, (card, chart_id) in enumerate(zip(cards, charts.gallery_order()), start=1):
        chart = charts.build(chart_id, story, lang)
        assert card.count("<a ") == 1, card  # one link: image and title together
        img = re.search(r"<img [^>]*>", card).group(0)
        # the chart's wide facade (the static image its page shows before plotly.js) as WebP, at its own size
        assert attr(img, "src") == f"{root}charts/{chart_id}/thumb.{lang}.webp"
        assert (int(attr(img, "width")), int(attr(img, "height"))) == (680, chart.figure.layout.height or 460)
        assert attr(img, "alt") == ""  # named by the title beside it, as the chart blocks' facades are
        assert attr(img, "loading") == (None if n <= GALLERY_EAGER else "lazy")
        title = re.search(r'<span class="o3-gallery__title">(.*?)</span>', card, re.S).group(1)
        assert html.unescape(title) == chart.title
        assert card.index("<img") < card.index("o3-gallery__title")


def test_gallery_without_images_keeps_titles_and_links(story):
    out = render("{{ chart-list }}\n", "en", story, "en/charts/", images=False)
    cards = items(out)
    assert len(cards) == len(charts.CHARTS) and "<img" not in out
    assert html.unescape(re.search(r'o3-gallery__title">(.*?)</span>', cards[0]).group(1)) == charts.build(charts.HEADLINE, story, "en").title


def test_gallery_escapes_titles(story, monkeypatch):
    chart = charts.build("o3-vs-o1", story, "en")
    from dataclasses import replace

    key = ("o3-vs-o1", "en")
    monkeypatch.setitem(charts._built, key, (story, charts._built[key][1], replace(chart, title='<b>"x"</b> & y')))
    out = render("{{ chart-list }}\n", "en", story, "en/charts/", images=True)
    assert "<b>" not in out and "&lt;b&gt;" in out
