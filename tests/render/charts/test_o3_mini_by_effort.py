"""o3-mini by reasoning effort: one trace per source, o1 and o1-mini as reference lines."""

from __future__ import annotations


import pytest

from o3story.render.charts import CHARTS, o3_mini_by_effort as chart_module
from o3story.render.fmt import level, value

POINTS = {
    "o3-mini.gpqa-diamond.low.simple-evals", "o3-mini.gpqa-diamond.medium.simple-evals",
    "o3-mini.gpqa-diamond.high.simple-evals", "o3-mini.gpqa-diamond.high.launch-page",
    "o3-mini.gpqa-diamond.low.live-demo",
    "o3-mini.aime-2024.high.launch-page", "o3-mini.aime-2024.high.o3-o4-mini-page", "o3-mini.aime-2024.medium.rstar2",
}
REFERENCES = {"o1.aime-2024", "o1.gpqa-diamond", "o1-mini.aime-2024.olymmath"}
EFFORTS = ("low", "medium", "high")




@pytest.fixture(scope="module", params=["zh", "en"])
def chart(request, story):
    return chart_module.build(story, request.param)


def source_traces(chart):
    return [tr for tr in chart.figure.data if tr.mode != "lines"]


def reference_traces(chart):
    return [tr for tr in chart.figure.data if tr.mode == "lines"]


def panel_metric(tr):
    return "aime-2024" if tr.xaxis == "x" else "gpqa-diamond"


def test_registered():
    assert CHARTS[chart_module.ID] is chart_module


def test_figures_are_exactly_the_intended_records(chart):
    ids = [f.id for f in chart.figures]
    assert len(ids) == len(set(ids))
    assert set(ids) == POINTS | REFERENCES


def test_every_point_is_a_record_at_its_effort_and_nothing_extra(chart, story):
    plotted = []
    for tr in source_traces(chart):
        for x, y in zip(tr.x, tr.y):
            effort = EFFORTS[round(x)]
            assert abs(x - round(x)) < 0.25  # spread sideways a little, never into the next effort
            plotted.append((panel_metric(tr), effort, y))
    expected = [(f.metric, f.setting.effort, f.value) for f in (story.data.figure(i) for i in POINTS)]
    assert sorted(plotted) == sorted(expected)


def test_reference_lines_are_the_records(chart, story):
    lines = sorted((panel_metric(tr), tr.y[0]) for tr in reference_traces(chart))
    for tr in reference_traces(chart):
        assert tr.y[0] == tr.y[1] and tr.line.dash == "dot"
    assert lines == sorted((f.metric, f.value) for f in (story.data.figure(i) for i in REFERENCES))
    labels = [a.text for a in chart.figure.layout.annotations]
    for rid in REFERENCES:
        f = story.data.figure(rid)
        assert any(a.startswith(f.model + " ") and value(f, chart.lang) in a for a in labels), rid


def test_one_trace_per_source_with_its_own_marker(chart, story):
    per_source = {}
    for tr in source_traces(chart):
        per_source.setdefault(tr.legendgroup, set()).add(tr.marker.symbol if isinstance(tr.marker.symbol, str) else tr.marker.symbol[0])
        assert tr.name  # the legend names the source
    assert all(len(s) == 1 for s in per_source.values())
    assert len({next(iter(s)) for s in per_source.values()}) == len(per_source)
    legend = [tr.name for tr in source_traces(chart) if tr.showlegend is not False]
    assert len(legend) == len(set(legend)) == len(per_source)  # a source in two panels appears once


def test_live_demo_is_marked_and_labelled(chart, story):
    demo = story.data.figure("o3-mini.gpqa-diamond.low.live-demo")
    (tr,) = [tr for tr in source_traces(chart) if tr.legendgroup == "live-demo"]
    assert list(tr.y) == [demo.value]
    assert value(demo, chart.lang) in tr.text[0] and "text" in tr.mode
    others = {tr.marker.symbol[0] for tr in source_traces(chart) if tr.legendgroup != "live-demo"}
    assert tr.marker.symbol[0] not in others


def test_effort_ticks_are_translated(chart):
    assert list(chart.figure.layout.xaxis.ticktext) == [level(e, chart.lang) for e in EFFORTS]


def test_hover_on_every_point(chart):
    for tr in chart.figure.data:
        assert tr.hoverinfo == "text" and len(tr.hovertext) == len(tr.x)


def test_titles_differ_by_language(story):
    zh, en = (chart_module.build(story, lang) for lang in ("zh", "en"))
    assert zh.title != en.title and zh.description != en.description
    assert [tr.name for tr in zh.figure.data] != [tr.name for tr in en.figure.data]


def test_description_holds_the_formatted_values(chart, story):
    for fid in POINTS - {"o3-mini.aime-2024.medium.rstar2"}:
        assert value(story.data.figure(fid), chart.lang) in chart.description, fid


def test_aime_at_high_effort_is_openais_own_figures_not_a_third_partys(chart, story):
    """OpenAI states o3-mini (high) on AIME 2024 itself (83.6 on the launch page, 87.3 on its April 2025
    page): those primary records are drawn, and a third party's copy of the same value is not."""
    high_aime = [f for f in chart.figures if f.metric == "aime-2024" and f.model == "o3-mini" and f.setting.effort == "high"]
    assert {f.id for f in high_aime} == {"o3-mini.aime-2024.high.launch-page", "o3-mini.aime-2024.high.o3-o4-mini-page"}
    assert all(story.data.source(f.source).kind == "primary" for f in high_aime)
    assert "o3-mini.aime-2024.high.olymmath" not in {f.id for f in chart.figures}


def test_primary_sources_come_first_in_each_panel(chart, story):
    for panel in chart_module.PANELS:
        kinds = [story.data.source(story.data.figure(ids[0]).source).kind for p, _, ids in chart_module.SERIES if p == panel]
        assert kinds == sorted(kinds, key=lambda k: k != "primary"), panel


def test_the_o1_lines_say_they_are_majority_votes_and_o1_mini_s_that_it_is_third_party(chart, story):
    """o1's AIME and GPQA lines are cons@64 (OpenAI's own table, in data/), o3-mini's points are not:
    the line's label says so, on the picture and in the embed too (only the page's notes did), as the
    o3-vs-o1 chart marks the same numbers. o1-mini's line is a third party's (a paper's table)."""
    labels = {a.y: a.text for a in chart.figure.layout.annotations if a.x == -0.4}
    for rid in ("o1.aime-2024", "o1.gpqa-diamond"):
        ref = story.data.figure(rid)
        assert labels[ref.value].endswith("· cons@64") and value(ref, chart.lang) in labels[ref.value], labels
    mini = story.data.figure("o1-mini.aime-2024.olymmath")
    assert mini.confidence == "stated-secondary"
    assert "cons@" not in labels[mini.value]
    assert labels[mini.value].endswith("(third party)" if chart.lang == "en" else "（第三方）"), labels
