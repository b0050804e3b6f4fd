"""Codeforces Elo against output list price: every point is its two records, the frontier is the
computed Pareto set of each price view, December's o3 is never placed at a price."""

from __future__ import annotations

import pytest

from o3story.render.charts import CHARTS, codeforces_elo_price as chart_module
from o3story.render.charts.base import pareto
from o3story.render.fmt import value

ELO_IDS = {
    "o1-mini.codeforces-elo.system-card-v1", "o1.codeforces-elo.system-card-v1",
    "o3-mini.codeforces-elo.low.system-card-v1", "o3-mini.codeforces-elo.medium.system-card-v1",
    "o3-mini.codeforces-elo.high.system-card-v1", "o3-mini.codeforces-elo.high.launch-page",
    "o3-2025-04-16.codeforces-elo.high.launch-page",
}
PRICE_IDS = {
    "o1-mini.price-output.launch-2024-09", "o1-mini.price-output.after-cut", "o3-mini.price-output.launch-2025-01",
    "o1.price-output.2025-01", "o3.price-output.release-2025-04", "o3.price-output.after-cut-2025-06-10",
}
DEC = "o3.codeforces-elo"


@pytest.fixture(scope="module", params=["zh", "en"])
def chart(request, story):
    return chart_module.build(story, request.param)


def point_traces(chart):
    """Traces whose points are (Elo, price) pairs: customdata 'elo-id price-id', one per point."""
    out = []
    for t in chart.figure.data:
        cds = list(t.customdata) if t.customdata is not None else []
        if cds and all(len(str(cd).split()) == 2 and str(cd).split()[0] in ELO_IDS for cd in cds):
            out.append(t)
    return out


def test_registered_and_listed_after_o3_vs_o1():
    assert CHARTS[chart_module.ID] is chart_module
    assert list(CHARTS).index("codeforces-elo-price") == list(CHARTS).index("o3-vs-o1") + 1
    assert "o3-mini-elo-cost" in CHARTS  # the ARC cost-per-task frontier keeps its URL


def test_every_point_is_its_elo_and_price_record(chart, story):
    seen = set()
    for t in point_traces(chart):
        for x, y, cd, tip in zip(t.x, t.y, t.customdata, t.hovertext):
            elo_id, price_id = cd.split()
            elo, price = story.data.figure(elo_id), story.data.figure(price_id)
            assert (x, y) == (price.value, elo.value), cd
            assert price.metric == "price-output" and elo.metric == "codeforces-elo"
            assert price.date.isoformat() in tip, "the hover must carry the price's date"
            assert value(price, chart.lang) in tip and value(elo, chart.lang) in tip
            seen.add((elo_id, price_id))
    expected = {(e, views[v]) for _, e, views in chart_module.POINTS for v in chart_module.VIEWS}
    assert seen == expected
    # o1-mini and o3 changed price: each is drawn at both of its prices
    assert {p for e, p in seen if e.startswith("o1-mini")} == {"o1-mini.price-output.launch-2024-09", "o1-mini.price-output.after-cut"}
    assert {p for e, p in seen if e.startswith("o3-2025")} == {"o3.price-output.release-2025-04", "o3.price-output.after-cut-2025-06-10"}


def test_the_table_lists_exactly_the_records_drawn(chart):
    ids = {f.id for f in chart.figures}
    inputs = set(chart_module.INPUT_OF.values())
    assert ids == ELO_IDS | PRICE_IDS | {DEC} | inputs


def test_both_official_o3_mini_sets_are_drawn(chart):
    ys = [y for t in point_traces(chart) for y, cd in zip(t.y, t.customdata) if cd.startswith("o3-mini.")]
    assert {1831, 2036, 2130, 2073} <= set(ys)


def test_frontier_is_the_pareto_set_of_each_price_view(story):
    pts = chart_module.points(story)
    fronts = chart_module.frontiers(pts)
    for view in chart_module.VIEWS:
        in_view = [p for p in pts if view in p.views]
        # one point per model and effort in each view
        assert len({p.elo.id for p in in_view}) == len(in_view) == len(chart_module.POINTS)
        coords = [p.xy for p in in_view]
        assert [p.xy for p in fronts[view]] == [coords[i] for i in pareto(coords)]
        # brute force: on the frontier exactly when nothing is at most as dear and at least as high, and better in one
        for p in in_view:
            beaten = any(q.xy[0] <= p.xy[0] and q.xy[1] >= p.xy[1] and q.xy != p.xy for q in in_view)
            assert (p in fronts[view]) == (not beaten), (view, p.elo.id)
    # with these records: o1 is beaten by the released o3 (cheaper and higher) at both price views
    assert all("o1.codeforces-elo.system-card-v1" not in {p.elo.id for p in f} for f in fronts.values())


def test_frontier_traces_draw_the_computed_sets(story):
    chart = chart_module.build(story, "en")
    fronts = chart_module.frontiers(chart_module.points(story))
    lines = [t for t in chart.figure.data if t.mode == "lines"]
    assert len(lines) == len(chart_module.VIEWS)
    for t, view in zip(lines, chart_module.VIEWS):
        assert list(zip(t.x, t.y)) == [p.xy for p in fronts[view]]
        assert t.line.shape == "hv"  # a step: what one can buy at each price, not an interpolation
    assert lines[0].visible is True and lines[1].visible is False


def test_frontier_is_pure_and_follows_the_data():
    from dataclasses import replace

    class F:  # a minimal stand-in for Figure: only what the frontier reads
        def __init__(self, fid, v):
            self.id, self.value = fid, v

    P = chart_module.Point
    a = P("x", F("a", 2000), F("pa", 4.4), ("launch", "later"))
    b = P("x", F("b", 1900), F("pb", 60), ("launch", "later"))
    c = P("x", F("c", 2100), F("pc", 12), ("launch",))
    c2 = replace(c, price=F("pc2", 3), views=("later",))
    fronts = chart_module.frontiers([a, b, c, c2])
    assert fronts["launch"] == [a, c]  # b is dearer and lower than both
    assert fronts["later"] == [c2]  # after c's cut it is cheaper and higher than a


def test_december_o3_is_unpriced(chart, story):
    dec = story.data.figure(DEC)
    assert dec in chart.figures
    (t,) = [t for t in chart.figure.data if t.customdata is not None and DEC in list(t.customdata)]
    assert t.xaxis == "x2" and chart.figure.layout.xaxis2.type == "category"
    assert list(t.x) == [chart_module.tr(chart.lang, chart_module.ID, "no-price")]
    assert not any(isinstance(x, (int, float)) for x in t.x)
    assert list(t.y) == [dec.value]
    assert t.visible is True
    # in both views the button leaves it on
    i = list(chart.figure.data).index(t)
    for button in chart.figure.layout.updatemenus[0].buttons:
        assert button.args[0]["visible"][i] is True
    # and no trace on the price axis carries it
    for other in chart.figure.data:
        if other is not t and other.customdata is not None:
            assert all(DEC not in str(cd).split() for cd in other.customdata)


def test_buttons_switch_between_launch_and_later_prices(chart, story):
    buttons = chart.figure.layout.updatemenus[0].buttons
    assert len(buttons) == 2
    for button, view in zip(buttons, chart_module.VIEWS):
        on = button.args[0]["visible"]
        assert len(on) == len(chart.figure.data)
        shown = {cd for t, v in zip(chart.figure.data, on) if v and t in point_traces(chart) for cd in t.customdata}
        wanted = {f"{e} {views[view]}" for _, e, views in chart_module.POINTS}
        assert shown == wanted, view
    # the default is the launch view
    assert [t.visible for t in chart.figure.data] == list(buttons[0].args[0]["visible"])


def test_texts_state_the_price_and_its_limit(story):
    zh, en = (chart_module.build(story, lang) for lang in ("zh", "en"))
    assert "Output list price" in en.figure.layout.xaxis.title.text and "输出标价" in zh.figure.layout.xaxis.title.text
    assert "not cost per problem" in en.description and "不是每题成本" in zh.description
    assert any("not cost per problem" in n for n in en.notes) and any("不是每题成本" in n for n in zh.notes)
    for c in (zh, en):
        for fid in ("o3-mini.codeforces-elo.medium.system-card-v1", "o1.codeforces-elo.system-card-v1",
                    "o3-2025-04-16.codeforces-elo.high.launch-page", DEC, "o3.price-output.after-cut-2025-06-10"):
            assert value(story.data.figure(fid), c.lang) in c.description, (c.lang, fid)
    # the description's "far left of o1" holds in the data
    assert story.data.figure(chart_module.O3_MINI_PRICE).value < story.data.figure(chart_module.O1_PRICE).value


def test_note_on_the_price_axis_rests_on_the_records(story):
    ratios = chart_module.input_ratios(story)
    assert ratios == {4.0}
    en = chart_module.build(story, "en")
    assert "4× input" in en.methods[0]  # how the chart was built: on the methods page, not under the chart


def test_not_an_output_price_is_refused(story, monkeypatch):
    monkeypatch.setattr(chart_module, "POINTS", ((
        "o1", "o1.codeforces-elo.system-card-v1", {"launch": "o1.price-input.2025-01", "later": "o1.price-input.2025-01"}),))
    with pytest.raises(ValueError, match="not an output price"):
        chart_module.points(story)


def test_models_left_out_would_not_be_on_the_frontier(story):
    """The methods say GPT-4o and o1-preview are left out and would not be on the frontier: check it."""
    pts = chart_module.points(story)
    for elo_id, price_id in chart_module.LEFT_OUT:
        extra = chart_module.Point("left-out", story.data.figure(elo_id), story.data.figure(price_id), chart_module.VIEWS)
        fronts = chart_module.frontiers(pts + [extra])
        assert all(extra not in f for f in fronts.values()), elo_id
        assert fronts == chart_module.frontiers(pts)
    en = chart_module.build(story, "en")
    assert "GPT-4o 900" in en.methods[2] and "o1-preview 1,258" in en.methods[2]
