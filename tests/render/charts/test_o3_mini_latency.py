"""The latency chart: the A/B test's means as bars, the livestream's claim in seconds drawn apart as a
claim; one panel (the ratio claim, "half the latency of o1", had a panel of its own: it is quoted on
the page and said on the methods page instead, since o1 has no latency in seconds to draw it against)."""

from __future__ import annotations

import re

import pytest

from o3story.render.charts import CHARTS, o3_mini_latency as chart_module
from o3story.render.fmt import value

INTENDED = {
    "o3-mini.latency-mean.medium.ab-test",
    "o1-mini.latency-mean.ab-test",
    "o3-mini.latency-mean.low.livestream-claim",
}
CLAIMS = {"o3-mini.latency-mean.low.livestream-claim", "o3-mini.latency-ratio.medium.livestream-claim"}
RATIO = "o3-mini.latency-ratio.medium.livestream-claim"




@pytest.fixture(scope="module", params=["zh", "en"])
def chart(request, story):
    return chart_module.build(story, request.param)


def points(chart):
    """(x, trace) for every plotted point; in this chart the values are on the x axis."""
    return [(x, tr) for tr in chart.figure.data for x in (tr.x or ())]


def test_registered():
    assert CHARTS[chart_module.ID] is chart_module
    assert CHARTS["o3-vs-o1"].ID == "o3-vs-o1"


def test_figures_are_exactly_the_intended_records(chart):
    ids = [f.id for f in chart.figures]
    assert len(ids) == len(set(ids))
    assert set(ids) == INTENDED


def test_every_plotted_value_is_a_record_and_every_record_is_plotted(chart):
    plotted = sorted(x for x, _ in points(chart))
    assert plotted == sorted(f.value for f in chart.figures)


def test_claims_are_marked_in_the_data(story):
    for fid in CLAIMS:
        f = story.data.figure(fid)
        # said on the livestream: OpenAI's own video, its captions' words, and the same words in the transcript
        assert f.claim and f.source == "openai-day12-video" and f.date.isoformat() == "2024-12-20"
        assert f.minute is not None and story.transcript.turn_with(f.transcript) is not None
        assert "claim" in f.notes.en and "说法" in f.notes.zh
    for fid in (INTENDED | CLAIMS) - CLAIMS:
        assert not story.data.figure(fid).claim


def test_claims_are_drawn_apart_from_measurements(chart, story):
    word = {"zh": "说法", "en": "claim"}[chart.lang]
    for tr in chart.figure.data:
        if tr.type == "bar":  # measurements: filled bars, no claim wording
            assert not any(word in s for s in tr.text)
            assert set(tr.x) == {f.value for f in chart.figures if not f.claim}
        else:  # claims: hollow markers labelled as claims
            assert tr.mode == "markers+text"
            assert str(tr.marker.symbol).endswith("-open")
            assert all(s.startswith(word) for s in tr.text)
    dashed = [s for s in chart.figure.layout.shapes if s.line.dash == "dash"]
    low = story.data.figure("o3-mini.latency-mean.low.livestream-claim")
    assert any(s.type == "rect" and s.x0 == 0 and s.x1 == low.value for s in dashed)  # the "under 1 s" band


def test_one_panel_one_finding(chart, story):
    """One axis, in seconds: no panel spent on the ratio claim; the methods page says why it is not drawn."""
    layout = chart.figure.layout.to_plotly_json()
    assert not any(re.fullmatch(r"[xy]axis\d+", k) for k in layout), sorted(layout)
    assert all(t.xaxis in (None, "x") for t in chart.figure.data)
    assert RATIO not in {f.id for f in chart.figures}
    ratio = story.data.figure(RATIO)
    assert any(("o1" in m) for m in chart.methods) and value(ratio, chart.lang) not in chart.title
    assert chart.figure.layout.height <= 320  # three rows, as tall as they need


def test_claim_labels_carry_the_formatted_value(chart):
    texts = [s for tr in chart.figure.data if tr.type == "scatter" for s in tr.text]
    for f in chart.figures:
        if f.claim:
            assert any(value(f, chart.lang) in s for s in texts), f.id


def test_models_without_a_sourced_latency_are_not_plotted(chart):
    rows = {y for tr in chart.figure.data for y in tr.y}
    assert not any(r.startswith(("GPT-4o", "o1 ")) or r == "o1" for r in rows)
    assert any("GPT-4o" in n and "o1" in n for n in chart.notes)


def test_hover_on_every_point(chart):
    for tr in chart.figure.data:
        assert tr.hoverinfo == "text" and len(tr.hovertext) == len(tr.x)


def test_titles_differ_by_language(story):
    zh, en = (chart_module.build(story, lang) for lang in ("zh", "en"))
    assert zh.title != en.title and zh.description != en.description
    # the title names the values its bars show
    for fid in ("o3-mini.latency-mean.medium.ab-test", "o1-mini.latency-mean.ab-test"):
        assert value(story.data.figure(fid), "zh") in zh.title and value(story.data.figure(fid), "en") in en.title


def test_description_holds_the_formatted_values(chart):
    for f in chart.figures:
        assert value(f, chart.lang) in chart.description, f.id


def test_sources_are_those_of_the_records(chart):
    assert {s.id for s in chart.sources} == {f.source for f in chart.figures}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_claim_s_band_stands_inside_its_row(story, lang):
    """The dashed band of the low-effort claim lay on the plot's top edge, cut on a phone: plotly's own
    range ended at the band. The axis shows every row whole, at page width and in the narrow layout, and
    the band keeps inside its row."""
    from o3story.render import charts

    chart = charts.build(chart_module.ID, story, lang)  # finished: with its narrow layout
    rows = len(chart.figure.layout.yaxis.categoryarray)
    narrow = chart.narrow.override["layout"]["yaxis"]
    for yaxis in (chart.figure.layout.yaxis.to_plotly_json(), narrow):
        low, high = yaxis.get("range") or chart.figure.layout.yaxis.range
        assert (low, high) == (-0.5, rows - 0.5), yaxis
    band = chart.figure.layout.shapes[0]
    assert -0.5 < band.y0 < band.y1 < rows - 0.5 - 0.1, band
