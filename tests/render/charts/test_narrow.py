"""The narrow (phone) layout: a transformation of each chart's own figure, computed at build time."""

from __future__ import annotations

import html
import re

import pytest

from o3story.render import charts
from o3story.render.charts.base import hover, log_axis, wrap
from o3story.render.charts.narrow import MARKS, NARROW_MAX, STATIC_NARROW_WIDTH, narrow
from o3story.render.context import PageContext

LANGS = ("zh", "en")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_every_chart_has_a_narrow_layout_of_the_same_traces(story, chart_id, lang):
    chart = charts.build(chart_id, story, lang)
    n = chart.narrow
    assert n is not None
    assert len(n.override["data"]) == len(chart.figure.data) == len(n.figure["data"])
    layout = n.override["layout"]
    assert layout["legend"]["yref"] == "container" and layout["legend"]["orientation"] == "h"
    # margins come from automargin on every axis
    assert all(v.get("automargin") for k, v in layout.items() if re.fullmatch(r"[xy]axis\d*", k))
    # no text smaller than 12 px at phone width
    for a in layout.get("annotations", []):
        assert a["font"]["size"] >= 12, a
    # each mark in the plot has its note, in order
    marks = [a["text"] for a in layout.get("annotations", []) if a["text"] in MARKS]
    assert marks == list(MARKS[: len(n.notes)])
    assert all("<" not in note for note in n.notes)


# (o3-mini-elo-cost and codeforces-elo-price were among these; each is one panel now, one finding)
@pytest.mark.parametrize("chart_id", ["o3-vs-o1", "o3-mini-by-effort"])
def test_side_by_side_panels_are_stacked(story, chart_id):
    n = charts.build(chart_id, story, "en").narrow
    layout = n.override["layout"]
    xs = [layout[k]["domain"] for k in layout if re.fullmatch(r"xaxis\d*", k)]
    ys = sorted((layout[k]["domain"] for k in layout if re.fullmatch(r"yaxis\d*", k)), reverse=True)
    assert all(d == [0.0, 1.0] for d in xs)
    assert all(upper[0] > lower[1] for upper, lower in zip(ys, ys[1:])), ys  # one above the other, apart


def test_long_annotations_become_notes_and_short_labels_stay(story):
    # No chart of the site has a long annotation now (the ARC cost chart's "cost not published" labels
    # are text on its arrows, its target line's label is kept): the rule is shown on a figure of its own.
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[1, 2], y=[1, 2]))
    fig.add_annotation(x=1, y=1, text="A long annotation that would not fit a phone's plot")
    fig.add_annotation(x=2, y=2, text="short")
    fig.add_annotation(x=2, y=1, text="A long label kept on the plot, wrapped", name="o3:keep")
    n = narrow(fig, "en")
    assert n.notes == ("A long annotation that would not fit a phone's plot",)
    texts = [a["text"] for a in n.figure["layout"]["annotations"]]
    assert texts[0] == MARKS[0] and texts[1] == "short" and "<br>" in texts[2]
    arc = charts.build("arc-agi-cost", story, "en").narrow
    assert not arc.notes and all("%" in a["text"] and "<br>" not in a["text"] for a in arc.figure["layout"]["annotations"])  # scores stay, unwrapped
    effort = charts.build("o3-mini-by-effort", story, "en").narrow
    assert not effort.notes  # reference labels ("o1 83.3%") and panel titles stay in the plot
    refusal = charts.build("refusal-vs-overrefusal", story, "en").narrow
    assert refusal.override["layout"]["annotations"][0]["text"].startswith("Shown")  # named o3:keep: the buttons rewrite it


def test_log_ticks_are_thinned_and_shortened():
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[0.05, 5000], y=[1, 2]))
    fig.update_xaxes(**log_axis(0.02, 20000, "en"))
    axis = narrow(fig, "en").override["layout"]["xaxis"]
    assert axis["ticktext"] == ["$0.1", "$1", "$10", "$100", "$1k", "$10k"]
    # Chinese: no dollar sign (the axis title says 美元) and no Latin "k": ten thousand is 1万
    fig.update_xaxes(**log_axis(0.02, 20000, "zh"))
    assert narrow(fig, "zh").override["layout"]["xaxis"]["ticktext"] == ["0.1", "1", "10", "100", "1,000", "1万"]
    # over two decades a tick stays in each half: the fives are kept with the powers of ten
    fig.update_xaxes(**log_axis(0.5, 100, "en"))
    assert narrow(fig, "en").override["layout"]["xaxis"]["ticktext"] == ["$0.5", "$1", "$5", "$10", "$50", "$100"]


def test_labels_near_an_edge_turn_inwards():
    import plotly.graph_objects as go

    fig = go.Figure(go.Scatter(x=[1, 50, 99], y=[50, 50, 50], mode="markers+text", text=["a", "b", "c"], textposition="bottom center"))
    fig.update_xaxes(range=[0, 100])
    fig.update_yaxes(range=[0, 100])
    over = narrow(fig, "en").override["data"][0]
    assert over["textposition"] == ["bottom right", "bottom center", "bottom left"]


def test_wrap_keeps_latin_words_whole_in_chinese():
    assert wrap("中档“优于 o1”，且", "zh", 10) == "中档“优于<br>o1”，且"


def test_threshold_is_shared_with_the_browser_code():
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    js = (root / "docs/assets/charts.js").read_text(encoding="utf-8")
    assert f"var NARROW = {NARROW_MAX};" in js
    assert f"var PLANNED = {STATIC_NARROW_WIDTH};" in js  # below it, the narrow layout's text shrinks with the width
    for css in ("site.css", "embed.css"):
        assert f"@container (max-width: {NARROW_MAX}px)" in (root / "docs/assets" / css).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_the_table_says_everything_the_tooltip_says(story, chart_id, lang):
    """Nothing only on hover: every line of a point's tooltip is in its row of the chart's table."""
    chart = charts.build(chart_id, story, lang)
    table = PageContext(story, lang, f"charts/{chart_id}/").figure_rows(list(chart.figures))
    rows = [html.unescape(re.sub(r"<[^>]+>", " ", r)) for r in table.split("<tr>")[2:]]
    for fig, row in zip(chart.figures, rows):
        row = re.sub(r"\s+", " ", row)
        for line in hover(fig, story, lang).split("<br>"):
            for part in html.unescape(re.sub(r"<[^>]+>", "", line)).split(" · "):
                part = part.split(": ", 1)[-1].split("：", 1)[-1].strip()
                for piece in re.split(r", |，", part):
                    assert piece.strip() in row, (fig.id, piece, row)


def test_buttons_stack_when_the_row_would_pass_the_charts_edge(story):
    """The button row starts at the plot's left edge, after the y axis's title, so it is narrower than
    the chart: refusal-vs-overrefusal's English buttons ("Paper, Table 1", "o3-mini system card") once ran
    4 px past the chart's right edge on a 360 px phone, then stacked, a row apart from the Chinese ones.
    With a two-line axis title and "System card", both languages' buttons fit in a row; arc-agi-cost's
    English ones do not, and stack."""
    from o3story.render import charts

    menus = {lang: charts.build("refusal-vs-overrefusal", story, lang).narrow.figure["layout"]["updatemenus"][0] for lang in ("zh", "en")}
    assert menus["en"]["direction"] == "right" and menus["zh"]["direction"] == "right"
    arc = charts.build("arc-agi-cost", story, "en").narrow.figure["layout"]
    assert arc["updatemenus"][0]["direction"] == "down" and arc["margin"]["t"] >= 14 + 27 * 2
