"""Codeforces Elo against output list price: one finding (o3-mini at one price for every effort,
against o1 at its price); every point is its two records, labelled with its Elo and price; a price cut
is an arrow to the later price; the frontier the description names is the computed Pareto set of each
set of prices; December's o3 is never placed at a price."""

from __future__ import annotations

import pytest

from o3story.render.charts import CHARTS, codeforces_elo_price as chart_module
from o3story.render.charts.base import pareto
from o3story.render.fmt import value

ELO_IDS = {
    "o1-mini.codeforces-elo.system-card-v1", "o1.codeforces-elo.system-card-v1",
    "o3-mini.codeforces-elo.low.system-card-v1", "o3-mini.codeforces-elo.medium.system-card-v1",
    "o3-mini.codeforces-elo.high.system-card-v1",
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
    assert ids == ELO_IDS | PRICE_IDS | inputs  # December's o3 has no price: not drawn (its note says so)


def test_both_official_o3_mini_sets_are_drawn(chart):
    ys = [y for t in point_traces(chart) for y, cd in zip(t.y, t.customdata) if cd.startswith("o3-mini.")]
    assert {1831, 2036, 2130} <= set(ys)
    assert 2073 not in ys  # the launch page's Elo: the disagreement of the two sets is chart o3-mini-elo-cost's finding


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


def test_one_view_no_frontier_lines_no_buttons_and_a_short_legend(chart):
    """One finding: no price toggle, no drawn frontier, no no-price column; every point named where it
    stands, so the legend keeps only what no label says (the price-cut arrow)."""
    fig = chart.figure
    assert not fig.layout.updatemenus
    assert all(t.mode != "lines" for t in fig.data)
    assert "xaxis2" not in fig.layout.to_plotly_json() and all(t.xaxis in (None, "x") for t in fig.data)
    assert all(t.visible in (None, True) for t in fig.data)
    assert [t.name for t in fig.data if t.showlegend is not False] == [chart_module.tr(chart.lang, chart_module.ID, "legend.cut")]


def test_every_point_names_its_elo_and_price_and_o3_mini_its_one_price(chart, story):
    labels = [s for t in point_traces(chart) for s in t.text if s]
    for elo_id in ("o1.codeforces-elo.system-card-v1", "o1-mini.codeforces-elo.system-card-v1", "o3-2025-04-16.codeforces-elo.high.launch-page"):
        elo = story.data.figure(elo_id)
        assert any(value(elo, chart.lang) in s for s in labels), elo_id
    o1_price = chart_module.number(story.data.figure(chart_module.O1_PRICE).value, chart.lang, money=True)
    assert any(value(story.data.figure("o1.codeforces-elo.system-card-v1"), chart.lang) in s and o1_price in s for s in labels)
    mini_price = chart_module.number(story.data.figure(chart_module.O3_MINI_PRICE).value, chart.lang, money=True)
    (ann,) = chart.figure.layout.annotations
    assert mini_price in ann.text and "o3-mini" in ann.text


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


def test_december_o3_is_unpriced_and_not_drawn(chart, story):
    dec = story.data.figure(DEC)
    assert dec not in chart.figures
    for t in chart.figure.data:
        assert all(DEC not in str(cd).split() for cd in (t.customdata or []))
    assert any(value(dec, chart.lang) in n for n in chart.notes)  # the note says why it is not drawn


def test_price_cuts_are_arrows_to_the_later_price(chart, story):
    cuts = [t for t in chart.figure.data if t.mode == "lines+markers+text"]
    want = {e: views for _, e, views in chart_module.POINTS if views["launch"] != views["later"]}
    assert len(cuts) == len(want) == 2
    for t in cuts:
        (e1, p1), (e2, p2) = (cd.split() for cd in t.customdata)
        assert e1 == e2 and (p1, p2) == (want[e1]["launch"], want[e1]["later"])
        later = story.data.figure(p2)
        assert list(t.x) == [story.data.figure(p1).value, later.value]
        assert chart_module.number(later.value, chart.lang, money=True) in t.text[1]


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


def test_a_price_dated_only_by_the_day_its_source_was_read_says_so(chart, story):
    """o1-mini's cut price comes from a model directory that gives no date: its record's date is the
    day the page was read, and the hover said "(2026-11-26)" as if the price had been cut then. Every
    tooltip that gives that price, and the source line of each, says it was read that day; a price
    with a date of its own (o3's cut of 2025-06-10) is given bare."""
    from o3story.render.fmt import read_only
    from o3story.render.i18n import t as ui

    cut = story.data.figure("o1-mini.price-output.after-cut")
    assert read_only(cut, story.data.source(cut.source))
    o3_cut = story.data.figure("o3.price-output.after-cut-2025-06-10")
    assert not read_only(o3_cut, story.data.source(o3_cut.source))
    read = ui(chart.lang, "date.read_on", date=cut.date.isoformat())
    tips = [tip for t in chart.figure.data if t.customdata is not None and t.hovertext is not None
            for cd, tip in zip(t.customdata, t.hovertext) if cut.id in str(cd)]
    assert tips
    for tip in tips:
        assert read in tip, tip
        assert cut.date.isoformat() not in tip.replace(read, ""), tip  # the day never stands bare, as a date of the price
    assert any(o3_cut.date.isoformat() in tip for t in chart.figure.data if t.hovertext is not None for tip in t.hovertext)


def test_a_figure_table_gives_a_read_day_as_such(story):
    import html as h

    from o3story.render.context import PageContext
    from o3story.render.i18n import t as ui

    cut = story.data.figure("o1-mini.price-output.after-cut")
    launch = story.data.figure("o1-mini.price-output.launch-2024-09")
    for lang in ("zh", "en"):
        html = h.unescape(str(PageContext(story, lang, "o3-mini/").figure_rows([cut, launch])))
        assert ui(lang, "date.read_on", date=cut.date.isoformat()) in html
        assert f">{launch.date.isoformat()}<" in html  # a date of the price's own, bare
