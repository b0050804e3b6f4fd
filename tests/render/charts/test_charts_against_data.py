"""Chart specs against the data: every intended record drawn, nothing extra, values equal."""

from __future__ import annotations

from pathlib import Path

import pytest


from o3story.render.charts import CHARTS, arc_agi_cost, claims_vs_shipped, o3_mini_elo_cost, o3_vs_o1
from o3story.render.fmt import value





def plotted(chart, axis="y"):
    out = []
    for trace in chart.figure.data:
        vals = getattr(trace, axis)
        if vals is not None:
            out += [v for v in vals if isinstance(v, (int, float))]
    return out


def test_ids_are_the_public_ones():
    assert list(CHARTS) == ["o3-vs-o1", "codeforces-elo-price", "o3-mini-elo-cost", "o3-mini-latency", "refusal-vs-overrefusal",
                            "arc-agi-cost", "arc-repricing", "o3-mini-by-effort", "claims-vs-shipped"]


@pytest.mark.parametrize("chart_id", list(CHARTS))
def test_every_chart_builds_in_both_languages(story, chart_id):
    zh, en = CHARTS[chart_id].build(story, "zh"), CHARTS[chart_id].build(story, "en")
    assert zh.title != en.title and zh.description != en.description
    assert zh.figures == en.figures  # the same points in both languages
    assert len(set(f.id for f in zh.figures)) == len(zh.figures), "a record drawn twice"
    assert {s.id for s in zh.sources} == {f.source for f in zh.figures}


def test_o3_vs_o1_points(story):
    chart = o3_vs_o1.build(story, "en")
    ids = {f.id for f in chart.figures}
    released = {r for r in o3_vs_o1.RELEASED if r} | {o3_vs_o1.RELEASED_ELO}
    # the records that say o1's AIME and GPQA numbers are majority votes are listed with the bars they mark
    votes = {"o1.aime-2024.cons64.learning-to-reason", "o1.gpqa-diamond.cons64.learning-to-reason"}
    wanted = ({o for _, a, b in o3_vs_o1.PAIRS for o in (a, b)} | set(o3_vs_o1.ELO) | released
              | {o3_vs_o1.EXPERTS, "o3.swe-bench-verified.gain-over-o1"} | votes)
    assert ids == wanted
    ys = plotted(chart, "x")  # horizontal bars: the values run along x
    for fid in wanted - {"o3.swe-bench-verified.gain-over-o1"}:
        assert story.data.figure(fid).value in ys, fid
    assert "FrontierMath" in chart.figure.data[0].y[3]
    gain = story.data.figure("o3.swe-bench-verified.gain-over-o1")
    assert value(gain, "en") in chart.description


RELEASED_O3 = {  # OpenAI, "Introducing OpenAI o3 and o4-mini", 2025-04-16
    "o3-2025-04-16.aime-2024.high.launch-page": 91.6, "o3-2025-04-16.gpqa-diamond.high.launch-page": 83.3,
    "o3-2025-04-16.swe-bench-verified.high.launch-page": 69.1, "o3-2025-04-16.codeforces-elo.high.launch-page": 2706,
}


def test_released_o3_records_are_openais_and_at_high_effort(story):
    for fid, v in RELEASED_O3.items():
        f = story.data.figure(fid)
        assert (f.value, f.model, f.source, f.setting.effort) == (v, "o3-2025-04-16", "openai-o3-o4-mini", "high"), fid
        assert f.locator and f.date.isoformat() == "2025-04-16"
    assert story.data.figure("o3-2025-04-16.codeforces-elo.high.launch-page").setting.scaffold == "with terminal"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_o3_vs_o1_has_a_released_series_beside_december_and_o1(story, lang):
    chart = o3_vs_o1.build(story, lang)
    by_name = {}
    for t in chart.figure.data:
        if t.type == "bar":
            by_name.setdefault(t.name, []).extend((cd, y) for cd, y in zip(t.customdata, t.x) if cd)
    released = by_name[o3_vs_o1.tr(lang, o3_vs_o1.ID, "legend.released")]
    assert dict(released) == RELEASED_O3  # every released bar is its record, FrontierMath has none
    dec = dict(by_name[o3_vs_o1.tr(lang, o3_vs_o1.ID, "legend.o3")])
    assert dec["o3.codeforces-elo"] == 2727 and dec["o3.aime-2024"] == 96.7
    # the setting caveats are visible: in the legend, in each hover, in a note
    legend = o3_vs_o1.tr(lang, o3_vs_o1.ID, "legend.released")
    assert ("terminal" in legend) if lang == "en" else ("终端" in legend)
    for t in chart.figure.data:
        for cd, tip in zip(t.customdata if t.customdata is not None else (), t.hovertext or ()):
            if cd == "o3-2025-04-16.codeforces-elo.high.launch-page":
                assert ("with terminal" in tip) if lang == "en" else ("框架：可用终端" in tip)
            if cd in RELEASED_O3:
                assert ("Reasoning effort: high" in tip) if lang == "en" else ("推理强度：高" in tip)
    # the tool in a reader note; the subset of 477 tasks with the other settings on the methods page
    assert any(("terminal" in n) if lang == "en" else ("终端" in n) for n in chart.notes)
    assert any(("terminal" in n and "477" in n) if lang == "en" else ("终端" in n and "477" in n) for n in chart.methods)


def test_claims_vs_shipped_puts_openais_own_released_figures_beside_december(story):
    for lang in ("zh", "en"):
        chart = claims_vs_shipped.build(story, lang)
        own_name = claims_vs_shipped.tr(lang, claims_vs_shipped.ID, "legend.own")
        own = [t for t in chart.figure.data if t.name == own_name]
        assert {cd: x for t in own for cd, x in zip(t.customdata, t.x)} == RELEASED_O3
        # Codeforces sits on its own Elo axis, never on the percent one
        (elo,) = [t for t in own if "o3-2025-04-16.codeforces-elo.high.launch-page" in t.customdata]
        assert elo.xaxis == "x2" and all(x <= 100 for t in own if t.xaxis == "x" for x in t.x)
        # an Elo axis from 0, past December's 2,727 with room for its label; ticks stop at 3,000
        lo, hi = chart.figure.layout.xaxis2.range
        assert lo == 0 and 3000 <= hi <= 4000 and max(chart.figure.layout.xaxis2.tickvals) == 3000
        # OpenAI's own figures are a series apart from the independent tests, with their own marker
        later = chart.figure.data[-1]
        assert later.name == claims_vs_shipped.tr(lang, claims_vs_shipped.ID, "legend.later")
        assert not set(later.customdata) & set(RELEASED_O3)
        assert {s for t in own for s in t.marker.symbol}.isdisjoint(set(later.marker.symbol))
        # each December claim of those rows is drawn, and the caveat under the Codeforces row names the terminal
        dec = {cd: x for t in chart.figure.data if t.name == claims_vs_shipped.tr(lang, claims_vs_shipped.ID, "legend.dec")
               for cd, x in zip(t.customdata, t.x)}
        assert {k: dec[k] for k in ("o3.aime-2024", "o3.gpqa-diamond", "o3.swe-bench-verified", "o3.codeforces-elo")} == {
            "o3.aime-2024": 96.7, "o3.gpqa-diamond": 87.7, "o3.swe-bench-verified": 71.7, "o3.codeforces-elo": 2727}
        # the Codeforces row's tool is named in the reader's note (one note for OpenAI's own figures, not a key per row)
        assert any(("with a terminal tool" in n) if lang == "en" else ("终端" in n) for n in chart.notes)
    # the description's "below December's on every benchmark shown" holds in the data
    for _, claim, own_ids, _ in claims_vs_shipped.ROWS + [claims_vs_shipped.ELO_ROW]:
        for o in own_ids:
            assert story.data.figure(o).value < story.data.figure(claim).value, o


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_o3_vs_o1_previous_best_is_its_own_series_not_o1(story, lang):
    """FrontierMath's baseline is the best of all earlier models: it used to be a bar of the o1 series
    (legend "o1 (FrontierMath: previous best)"); now it is a series of its own, in its own colour."""
    from o3story.render import charts

    chart = charts.build(o3_vs_o1.ID, story, lang)  # with its narrow layout
    bars = [t for t in chart.figure.data if t.type == "bar"]
    holder = [t for t in bars if "previous-best.frontiermath.transcript" in list(t.customdata)]
    assert len(holder) == 1
    (prev,) = holder
    assert prev.name == o3_vs_o1.tr(lang, o3_vs_o1.ID, "legend.previous-best") and "o1" not in prev.name
    assert [cd for cd in prev.customdata if cd] == ["previous-best.frontiermath.transcript"]  # as said on the video; nothing else in that series
    o1_traces = [t for t in bars if any(str(cd).split()[0].startswith("o1.") for cd in t.customdata if cd)]
    assert o1_traces and prev not in o1_traces
    assert all(story.data.figure(str(cd).split()[0]).model == "o1" for t in o1_traces for cd in t.customdata if cd)
    assert prev.marker.color not in {t.marker.color for t in o1_traces}
    # the baseline series share one slot per benchmark (no empty gaps between the bars)
    assert len({t.offsetgroup for t in bars if t in o1_traces or t is prev}) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_o3_vs_o1_marks_the_majority_votes(story, lang):
    """o1's AIME and GPQA numbers are majority votes over 64 samples (cons@64, as OpenAI's own table
    records them in data/): those bars are a series of their own, cross-hatched, with the scoring on
    the bar; o1's other bars are not marked. The old chart drew all o1 bars alike."""
    chart = o3_vs_o1.build(story, lang)
    marked = {}
    for t in chart.figure.data:
        if t.type != "bar":
            continue
        for cd, text in zip(t.customdata, t.text):
            if cd:
                marked[str(cd).split()[0]] = (t, text, str(cd).split()[1:])
    for fid in ("o1.aime-2024", "o1.gpqa-diamond"):
        t, text, extra = marked[fid]
        (vote,) = extra
        rec = story.data.figure(vote)
        assert rec.setting.aggregation == "cons@64" and rec.value == story.data.figure(fid).value and rec.model == "o1"
        assert "cons@64" in text and t.marker.pattern.shape == "x"
        assert t.name == o3_vs_o1.tr(lang, o3_vs_o1.ID, "legend.o1-vote") and "cons@64" in t.name
    for fid in ("o1.swe-bench-verified.o3-o4-mini-page", "o1.codeforces-elo"):
        t, text, extra = marked[fid]
        assert not extra and "cons@" not in text and t.marker.pattern.shape != "x"


def test_o3_vs_o1_title_holds_in_the_data(story):
    """The title says December's o3 scored above o1 wherever both are shown (FrontierMath, which has
    no o1 score: above the previous best) and the released o3 lower than December's, still above o1:
    true of every pair drawn. Each benchmark drawn without o1 is named in the title (it said "above o1
    on every benchmark shown", with FrontierMath shown and no o1 on it)."""
    for lang in ("zh", "en"):
        title = o3_vs_o1.build(story, lang).title
        for cat, base, _ in o3_vs_o1.PAIRS:
            if story.data.figure(base).model != "o1":
                assert o3_vs_o1.tr(lang, o3_vs_o1.ID, f"cat.{cat}") in title, (lang, cat)
                assert not any(every in title for every in ("every benchmark", "每项基准")), title
    for _, base, o3 in o3_vs_o1.PAIRS:
        assert story.data.figure(o3).value > story.data.figure(base).value, o3
    for (_, base, o3), rel in zip(o3_vs_o1.PAIRS, o3_vs_o1.RELEASED):
        if rel:
            assert story.data.figure(base).value < story.data.figure(rel).value < story.data.figure(o3).value, rel
    o1, dec = (story.data.figure(i).value for i in o3_vs_o1.ELO)
    assert o1 < story.data.figure(o3_vs_o1.RELEASED_ELO).value < dec


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_elo_cost_is_one_finding_codeforces_only(story, lang):
    """o3-mini-elo-cost used to put an ARC-AGI panel (score against cost per task) under its Codeforces
    title: now it draws Codeforces Elo only, in one panel, both official sets, and its title names the
    values its marks show."""
    chart = o3_mini_elo_cost.build(story, lang)
    ids = {f.id for f in chart.figures}
    assert not any(i.startswith("arc") for i in ids)  # no ARC record
    assert {story.data.figure(i).metric for i in ids} == {"codeforces-elo"}
    assert not any(k.startswith(("xaxis2", "yaxis2")) for k in chart.figure.layout.to_plotly_json())  # one panel
    assert all(t.mode != "lines" for t in chart.figure.data)  # no frontier
    assert "o3-mini.codeforces-elo.high.launch-page" in ids and "o3-mini.codeforces-elo.high.system-card-v1" in ids
    elo_values = [v for t in chart.figure.data for v in t.y]
    assert 2130 in elo_values and 2073 in elo_values  # both conflicting sets shown
    for fid in ids:
        assert value(story.data.figure(fid), lang) in chart.title or fid.startswith("o1-mini"), fid


def test_o3_mini_page_draws_one_codeforces_chart():
    """The o3-mini page used to draw o3-mini-elo-cost and codeforces-elo-price, both o3-mini's two
    Elo sets: it keeps the one that adds the price (the other stays at its own address)."""
    for lang in ("zh", "en"):
        page = (Path(__file__).resolve().parents[3] / f"docs/o3-mini.{lang}.md").read_text(encoding="utf-8")
        assert "{{ chart codeforces-elo-price }}" in page and "{{ chart o3-mini-elo-cost }}" not in page


def test_arc_cost_high_compute_has_no_invented_cost(story):
    chart = arc_agi_cost.build(story, "en")
    high = story.data.figure("arc.o3.semi-private.high-compute.score")
    assert high in chart.figures
    # no figure record gives the December high-compute cost: its line starts at the low run's cost
    unknown = [t for t in chart.figure.data if t.line and t.line.dash == "dot"]
    assert len(unknown) == 2 and all(t.y[0] == t.y[1] for t in unknown)
    assert {t.y[0] for t in unknown} == {87.5, 91.5}
    dec_costs = {story.data.figure(c).value for _, _, c in arc_agi_cost.O3_DEC}
    assert all(t.x[0] in dec_costs for t in unknown)
    # each arrow's score stands level with its head (an annotation, within 8 px of the head's level),
    # and its legend entry says the cost was not published
    import math
    heads = {(round(a.x, 6), a.y, a.text) for a in chart.figure.layout.annotations if a.visible is not False and a.xanchor == "left"}
    assert heads == {(round(math.log10(t.x[1]), 6), t.y[1], f"{t.y[1]}%") for t in unknown}
    (entry,) = [t.name for t in unknown if t.showlegend is not False]  # one entry for two lines that look alike
    assert "cost not then published" in entry and "semi-private 87.5%" in entry and "public 91.5%" in entry
    # re-pricings are hidden by default and switched on by the second button
    repriced = [t for t in chart.figure.data if t.visible is False]
    assert sorted(x for t in repriced for x in t.x) == sorted(story.data.figure(c).value for _, _, c in arc_agi_cost.REPRICED)
    target = story.data.figure("arc.grand-prize-target")
    assert any(s.y0 == target.value for s in chart.figure.layout.shapes)
    # the line is named in the legend, its value with it
    assert any(t.name and "85%" in t.name and t.line and t.line.dash == "dash" for t in chart.figure.data)
    assert "not a human score" in chart.description


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_arc_cost_repriced_view_hides_the_not_published_arrows(story, lang):
    """Once the runs are re-priced they have a cost: the re-pricing view shows the priced points and
    no "cost not published" arrow beside them (the old second button showed every trace)."""
    chart = arc_agi_cost.build(story, lang)
    data = chart.figure.data
    arrows = [i for i, t in enumerate(data) if t.line and t.line.dash == "dot"]
    dec_view, repriced_view = (b.args[0]["visible"] for b in chart.figure.layout.updatemenus[0].buttons)
    assert all(dec_view[i] for i in arrows) and not any(repriced_view[i] for i in arrows)
    repriced = [i for i, t in enumerate(data) if t.visible is False]
    assert repriced and all(repriced_view[i] and not dec_view[i] for i in repriced)
    others = set(range(len(data))) - set(arrows) - set(repriced)
    assert all(repriced_view[i] and dec_view[i] for i in others)
    assert not chart.figure.layout.annotations or all(
        arc_agi_cost.tr(lang, arc_agi_cost.ID, "unknown") not in a.text for a in chart.figure.layout.annotations)
    # the arrows' scores (annotations) go with them; the re-priced high runs' labels carry the scores instead
    dec_ann, rep_ann = (b.args[1] for b in chart.figure.layout.updatemenus[0].buttons)
    anns = chart.figure.layout.annotations
    assert dec_ann == {f"annotations[{i}].visible": a.visible is not False for i, a in enumerate(anns)} == {k: not v for k, v in rep_ann.items()}
    high = {story.data.figure(sid).value for key, sid, _ in arc_agi_cost.REPRICED if key.endswith("-high")}
    labels = " ".join(a.text for i, a in enumerate(anns) if rep_ann[f"annotations[{i}].visible"])
    assert all(f"{v}%" in labels for v in high), labels


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_arc_cost_draws_the_released_o3_at_its_measured_cost(story, lang):
    """The released o3 was absent from the cost chart; it is drawn at ARC's measured cost per task on
    the same semi-private set, every effort a pair of records (score, cost), each value visible."""
    chart = arc_agi_cost.build(story, lang)
    ids = {f.id for f in chart.figures}
    pairs = []
    for t in chart.figure.data:
        for i, cd in enumerate(t.customdata if t.customdata is not None else ()):
            parts = str(cd).split()
            if parts[0].startswith("arc.o3-2025-04-16."):
                score, cost = (story.data.figure(p) for p in parts)
                assert (t.x[i], t.y[i]) == (cost.value, score.value)
                assert value(score, lang) in t.text[i]
                pairs.append((score, cost))
    assert len(pairs) == 3 and {s.setting.effort for s, _ in pairs} == {"low", "medium", "high"}
    for score, cost in pairs:
        assert score.id in ids and cost.id in ids and score.model == cost.model == "o3-2025-04-16"
        assert score.metric == "arc-agi-1" and cost.metric == "arc-agi-1-cost-per-task"
        assert "semi-private" in score.setting.split and "semi-private" in cost.setting.split
    high = next(c for s, c in pairs if s.setting.effort == "high")
    assert value(high, lang) in chart.title  # the title names what its marks show


def test_claims_vs_shipped_says_when_tests_differ(story):
    for lang in ("zh", "en"):
        chart = claims_vs_shipped.build(story, lang)
        texts = " ".join(chart.keys)
        assert ("290" in texts) and (("not the same test" in texts.lower()) or "不是同一测试" in texts)
    ids = {f.id for f in chart.figures}
    assert {"o3.frontiermath.transcript", "o3.frontiermath.epoch-2025-04", "arc.o3.semi-private.low-compute.score"} <= ids
    epoch = story.data.figure("o3.frontiermath.epoch-2025-04")
    assert epoch.qualifier == "about"
    later = chart.figure.data[-1]
    assert later.marker.symbol[list(later.x).index(epoch.value)].endswith("-open")


@pytest.mark.parametrize("chart_id", list(CHARTS))
def test_points_name_their_records(story, chart_id):
    """Each drawn point carries the ids of its records (customdata), so links can point at it."""
    chart = CHARTS[chart_id].build(story, "en")
    ids = {f.id for f in chart.figures}
    named = set()
    for trace in chart.figure.data:
        for cd in trace.customdata if trace.customdata is not None else ():
            named |= set(str(cd).split())
    assert named, "no point names its record"
    assert named <= ids, named - ids
    # every record drawn as a point or line is named; records used only in text or shapes may not be
    transcript_figs = {f.id for f in chart.figures if story.data.source(f.source).kind == "transcript" and f.confidence != "derived"}
    assert transcript_figs <= named, transcript_figs - named


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_o3_vs_o1_is_level_bars_on_a_percent_axis(story, lang):
    """Horizontal bars, labels level and outside the bar, the percent axis 0-100 (not 150, which the
    upright labels needed), the Elo axis with thousands separators; on a phone the legend comes
    before the panels."""
    from o3story.render import charts

    chart = charts.build(o3_vs_o1.ID, story, lang)  # with its narrow layout
    bars = [t for t in chart.figure.data if t.type == "bar"]
    assert bars and all(t.orientation == "h" and t.textangle == 0 and t.textposition == "outside" for t in bars)
    assert all(t.constraintext == "none" for t in bars)  # never shrunk or moved inside a hatched bar
    layout = chart.figure.layout
    assert list(layout.xaxis.range) == [0, 100] and layout.xaxis2.tickformat == ","
    assert all(not ax.tickangle for ax in (layout.yaxis, layout.yaxis2, layout.xaxis, layout.xaxis2))
    legend = chart.narrow.figure["layout"]["legend"]
    assert (legend["y"], legend["yanchor"]) == (1, "top")
