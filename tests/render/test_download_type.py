"""The PNG download's type is sized for a picture shown small: the chart's own text, its title and its
footer are larger than on the page, so that a 1920 px download (960 layout px at scale 2) shown 600 px
wide in an article or a slide still reads: the chart's text at 10 px or more, the title at 15 px or more."""

from __future__ import annotations

import pytest

from o3story.render import charts, exports, frame

SITE_URL = "https://o3-story.github.io/o3-story/"
SHOWN = 600  # px: the picture's width as shown small


def sizes(fig) -> list[float]:
    """Every explicit text size the picture's chart sets (annotations, point labels, axes, legend)."""
    out = [a.font.size for a in fig.layout.annotations if a.font.size and not (a.name or "").startswith("o3:")]
    out += [tr.textfont.size for tr in fig.data if getattr(tr, "textfont", None) is not None and tr.textfont.size]
    for key in fig.layout.to_plotly_json():
        if key.startswith(("xaxis", "yaxis")):
            out += [s for s in (fig.layout[key].tickfont.size, fig.layout[key].title.font.size) if s]
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_the_download_s_type_reads_when_shown_small(story, chart_id, lang):
    chart = charts.build(chart_id, story, lang)
    fig = exports.image_figure(chart, SITE_URL)
    own = chart.figure.layout.font.size or 13
    names = {a.name: a for a in fig.layout.annotations}
    base, title, footer = fig.layout.font.size, names["o3:title"].font.size, names["o3:footer"].font.size
    # larger than on the page, all of it: the base font and every explicit size, in proportion
    assert base >= 1.25 * own, (base, own)
    page, picture = sorted(sizes(chart.figure)), sorted(sizes(fig))
    assert len(page) == len(picture) and all(p >= 1.25 * q - 0.5 for p, q in zip(picture, page)), (picture, page)
    assert title >= 24 and footer >= 15, (title, footer)
    # a picture of the smallest width (1920 px as a PNG) reads when shown 600 px wide
    if fig.layout.width <= 1000:
        assert base * SHOWN / fig.layout.width >= 10, (base, fig.layout.width)
        assert title * SHOWN / fig.layout.width >= 15, (title, fig.layout.width)
    assert frame.DOWNLOAD.scale == 2
