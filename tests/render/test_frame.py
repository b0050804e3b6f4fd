"""Share-ready pictures: every chart's download and social card, in both languages, laid out so that
nothing overlaps. The layout is plotly's, so it is checked where plotly draws it: each picture's SVG
(rendered by the site's own image renderer) opened in a real browser, its elements' boxes measured."""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

import pytest

from o3story.render import charts, datapackage, exports, frame
from o3story.render.embed import png_size
from o3story.render.images import Images, find_browser

SITE_URL = "https://o3-story.github.io/o3-story/"
FIELDS = datapackage.chart_csv_fields()
SIZES = {"download": None, "card": frame.CARD}  # None: the download, 16:9 sized to its content
CASES = [(c, lang, s) for c in charts.CHARTS for lang in ("zh", "en") for s in SIZES]

needs_browser = pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make browser)")

# Boxes of every drawn element, by kind, in the picture's pixels. Annotations are told apart by their
# index in layout.annotations (plotly's data-index), which the test maps back to the figure's names.
MEASURE = """() => {
  const svg = document.querySelector('svg');
  const o = svg.getBoundingClientRect();
  const box = el => { const r = el.getBoundingClientRect(); return [r.left - o.left, r.top - o.top, r.right - o.left, r.bottom - o.top]; };
  const visible = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const all = sel => [...svg.querySelectorAll(sel)].filter(visible).map(box);
  const annotations = [...svg.querySelectorAll('g.annotation')].filter(visible)
      .map(g => ({index: +g.getAttribute('data-index'), box: box(g.querySelector('.annotation-text-g') || g)}));
  return {
    size: [+svg.getAttribute('width'), +svg.getAttribute('height')],
    plots: all('.cartesianlayer .gridlayer, .cartesianlayer .plot'),  // grid lines and traces (text included)
    ticks: all('.xtick text, .ytick text, .x2tick text, .y2tick text'),
    axis_titles: all('[class^="g-x"][class$="title"] text, [class^="g-y"][class$="title"] text'),
    legend: all('g.legend .traces'),
    points_text: all('.textpoint text'),
    annotations,
  };
}"""


@pytest.fixture(scope="module")
def story():
    from o3story.data.story import load_story

    return load_story(Path(__file__).resolve().parents[2] / "data")


@pytest.fixture(scope="module")
def images(tmp_path_factory):
    # the shared image cache when there is one (rendered once per content), else a fresh one
    cache = Path(os.environ["O3STORY_CACHE"]) if os.environ.get("O3STORY_CACHE") else tmp_path_factory.mktemp("images")
    im = Images(cache, find_browser())
    yield im
    im.close()


@pytest.fixture(scope="module")
def page(browser):
    p = browser.new_page(viewport={"width": 1400, "height": 1000})
    yield p
    p.close()


def bare(text: str) -> str:
    return re.sub(r"\s|<br>", "", text)


def overlaps(a, b, slack: float = 0.5) -> bool:
    return a[0] < b[2] - slack and b[0] < a[2] - slack and a[1] < b[3] - slack and b[1] < a[3] - slack


@pytest.mark.parametrize("chart_id,lang,kind", CASES)
def test_picture_has_no_controls_a_title_and_a_footer(story, chart_id, lang, kind):
    chart = charts.build(chart_id, story, lang)
    assert chart_id != "arc-agi-cost" or chart.figure.layout.updatemenus  # the page's chart has buttons...
    fig = exports.image_figure(chart, SITE_URL, SIZES[kind])
    assert not fig.layout.updatemenus and not fig.layout.sliders  # ...a picture has none
    names = {a.name: html.unescape(a.text) for a in fig.layout.annotations}
    assert bare(names["o3:title"]) == bare(chart.title)  # the whole title, wrapped into lines
    footer = bare(names["o3:footer"])
    assert "CCBY4.0" in footer and "o3-story.github.io/o3-story" in footer
    for source in chart.sources:
        assert bare(source.publisher_in(chart.lang)) in footer
    if kind == "card":
        assert (fig.layout.width, fig.layout.height) == (1200, 675)
    else:  # the download: 16:9, no narrower than 960 px, and no wider than its content needs
        assert fig.layout.width >= frame.DOWNLOAD.width and abs(fig.layout.width / fig.layout.height - 16 / 9) < 0.01
        # the chart's own plot keeps at least its height (not squeezed), and gains at most a tenth
        plot = fig.layout.height - fig.layout.meta["o3_top"] - fig.layout.meta["o3_band"]
        own = chart.figure.layout.height - (chart.figure.layout.margin.t or 0)
        assert own - 2 <= plot <= max(own * 1.1, own + 40) or fig.layout.width == frame.DOWNLOAD.width, (plot, own)


@needs_browser
@pytest.mark.parametrize("chart_id,lang,kind", CASES)
def test_nothing_overlaps_the_title_or_the_footer(story, images, page, chart_id, lang, kind):
    chart = charts.build(chart_id, story, lang)
    fig = exports.image_figure(chart, SITE_URL, SIZES[kind])
    index = {a.name: i for i, a in enumerate(fig.layout.annotations)}
    page.set_content(images.render(fig, "svg").decode("utf-8"))
    m = page.evaluate(MEASURE)
    W, H = m["size"]
    assert (W, H) == (fig.layout.width, fig.layout.height)
    band_top = H - fig.layout.meta["o3_band"]
    own = {a["index"]: a["box"] for a in m["annotations"]}
    title, footer = own[index["o3:title"]], own[index["o3:footer"]]
    # the title and the footer's text are inside the picture, the footer's inside its band
    assert 0 <= title[0] and title[2] <= W and 0 <= title[1], (title, W)
    assert 0 <= footer[0] and footer[2] <= W and band_top <= footer[1] and footer[3] <= H, (footer, band_top, W, H)
    drawn = {kind_: m[kind_] for kind_ in ("plots", "ticks", "axis_titles", "legend", "points_text")}
    drawn["annotations"] = [b for i, b in own.items() if i not in (index["o3:title"], index["o3:footer"])]
    assert drawn["plots"] and drawn["ticks"]
    for what, boxes in drawn.items():
        for b in boxes:
            assert b[3] <= band_top + 0.5, f"{what} {b} reaches into the footer band (from y={band_top})"
            assert not overlaps(b, title), f"{what} {b} overlaps the title {title}"
    for b in m["legend"]:
        for what in ("plots", "ticks", "axis_titles"):
            for other in m[what]:
                assert not overlaps(b, other), f"the legend {b} overlaps {what} {other}"


@pytest.mark.slow
@needs_browser
def test_cards_are_1200_by_675_in_their_language_and_cached(story, tmp_path):
    images = Images(tmp_path / "cache", find_browser())
    by_lang = {lang: charts.build("refusal-vs-overrefusal", story, lang) for lang in ("zh", "en")}
    exports.write_chart_files(tmp_path / "site", story, by_lang, SITE_URL, "v", 2026, images, FIELDS)
    out = tmp_path / "site/charts/refusal-vs-overrefusal"
    cards = {lang: (out / f"card.{lang}.png").read_bytes() for lang in by_lang}
    assert {png_size(c) for c in cards.values()} == {(1200, 675)}
    assert cards["zh"] != cards["en"]
    svg = images.render(exports.image_figure(by_lang["zh"], SITE_URL, frame.CARD), "svg").decode("utf-8")
    assert "来源" in svg and "Source:" not in svg  # the Chinese card's text is Chinese
    before = images.rendered
    exports.write_chart_files(tmp_path / "site2", story, by_lang, SITE_URL, "v", 2026, images, FIELDS)
    assert images.rendered == before  # unchanged content: nothing is rendered again
    images.close()


@needs_browser
def test_title_card_of_a_page_without_a_chart(images, page):
    fig = exports.title_card_figure("Data & methods", "Where the numbers come from. " * 6, "en", SITE_URL)
    png = images.render(fig, "png", scale=frame.CARD.scale)
    assert png_size(png) == (1200, 675)
    page.set_content(images.render(fig, "svg").decode("utf-8"))
    m = page.evaluate(MEASURE)
    boxes = sorted((a["box"] for a in m["annotations"]), key=lambda b: b[1])
    assert len(boxes) == 4  # site name, title, description, footer
    for upper, lower in zip(boxes, boxes[1:]):
        assert upper[3] <= lower[1], (upper, lower)
    assert all(b[2] <= 1200 and b[3] <= 675 for b in boxes)
