"""The safety scatter: the paper's Table 1 by default, the o3-mini system card behind a toggle."""

from __future__ import annotations


import pytest

from o3story.render.charts import CHARTS, refusal_vs_overrefusal as chart_module
from o3story.render.fmt import value

PAPER_MODELS = ("gpt-4o", "o1-preview", "o1", "o3-mini")
CARD_MODELS = ("gpt-4o", "o1-mini", "o3-mini")
METRICS = ("xstest-not-overrefuse", "strongreject-goodness")
PAPER = {f"{m}.{k}.paper" for m in PAPER_MODELS for k in METRICS}
CARD = {f"{m}.{k}.system-card" for m in CARD_MODELS for k in METRICS}




@pytest.fixture(scope="module", params=["zh", "en"])
def chart(request, story):
    return chart_module.build(story, request.param)


def expected_points(story, ids):
    """(x, y, model) for each model: x = XSTest, y = StrongREJECT."""
    figs = [story.data.figure(i) for i in ids]
    models = {f.model for f in figs}
    get = lambda m, k: next(f for f in figs if f.model == m and f.metric == k)  # noqa: E731
    return sorted((get(m, METRICS[0]).value, get(m, METRICS[1]).value, m) for m in models)


def test_registered():
    assert CHARTS[chart_module.ID] is chart_module


def test_figures_are_exactly_the_intended_records(chart):
    ids = [f.id for f in chart.figures]
    assert len(ids) == len(set(ids))
    assert set(ids) == PAPER | CARD


def test_every_point_is_a_record_pair_and_nothing_extra(chart, story):
    by_view: dict[str, list] = {}
    for tr in chart.figure.data:
        assert len(tr.x) == len(tr.y) == len(tr.text) == 1
        by_view.setdefault(tr.meta, []).append((tr.x[0], tr.y[0], tr.name))
        assert tr.text[0].startswith(tr.name)  # each point labelled with its model's name and its two values
        assert value(story.data.figure(tr.customdata[0].split()[1]), chart.lang) in tr.text[0]  # XSTest
        assert value(story.data.figure(tr.customdata[0].split()[0]), chart.lang) in tr.text[0]  # StrongREJECT
    assert sorted(by_view["paper"]) == expected_points(story, PAPER)
    assert sorted(by_view["card"]) == expected_points(story, CARD)


def test_default_view_is_the_paper_and_the_toggle_has_two_states(chart):
    traces = chart.figure.data
    assert [tr.visible for tr in traces] == [tr.meta == "paper" for tr in traces]
    (menu,) = chart.figure.layout.updatemenus
    assert menu.active == 0 and len(menu.buttons) == 2
    for button, view in zip(menu.buttons, ("paper", "card")):
        assert button.method == "update"
        assert button.args[0]["visible"] == [tr.meta == view for tr in traces]
        assert chart.figure.layout.annotations[0].text.endswith(menu.buttons[0].label)
    assert menu.buttons[0].label != menu.buttons[1].label


def test_markers_filled_for_stated_values_and_distinct_per_model(chart):
    for view in ("paper", "card"):
        symbols = [tr.marker.symbol for tr in chart.figure.data if tr.meta == view]
        assert len(set(symbols)) == len(symbols)
        assert not any(s.endswith("-open") for s in symbols)  # all stated in a table


def test_axis_titles_say_which_way_is_better(chart):
    better = {"zh": "更好", "en": "better"}[chart.lang]
    assert better in chart.figure.layout.xaxis.title.text and better in chart.figure.layout.yaxis.title.text


def test_hover_on_every_point(chart):
    for tr in chart.figure.data:
        assert tr.hoverinfo == "text" and len(tr.hovertext) == 1


def test_titles_differ_by_language(story):
    zh, en = (chart_module.build(story, lang) for lang in ("zh", "en"))
    assert zh.title != en.title and zh.description != en.description
    assert [b.label for b in zh.figure.layout.updatemenus[0].buttons] != [b.label for b in en.figure.layout.updatemenus[0].buttons]


def test_description_holds_the_formatted_values(chart, story):
    for fid in ("o1.strongreject-goodness.paper", "o1-preview.xstest-not-overrefuse.paper",
                "o3-mini.strongreject-goodness.paper", "o3-mini.xstest-not-overrefuse.paper",
                "o3-mini.strongreject-goodness.system-card", "o3-mini.xstest-not-overrefuse.system-card"):
        assert value(story.data.figure(fid), chart.lang) in chart.description, fid


def test_note_explains_the_two_documents(chart):
    assert len(chart.notes) == 2
    assert {s.id for s in chart.sources} == {"deliberative-alignment-paper", "o3-mini-system-card"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_card_view_labels_sit_by_their_own_marks(story, lang):
    """In the system card's view o1-mini (0.95, 0.72) and o3-mini (0.88, 0.73) are level: o1-mini's label,
    left of its mark, ran under o3-mini's dot on a phone. It sits beneath its own mark, centred, in both
    layouts; o3-mini's stays above."""
    from o3story.render import charts

    chart = charts.build(chart_module.ID, story, lang)
    for layout, fig in (("wide", chart.figure.to_plotly_json()), ("narrow", chart.narrow.figure)):
        pos = {t["meta"] + " " + t["customdata"][0].split(".")[0]: t["textposition"] for t in fig["data"]}
        assert pos["card o1-mini"] == "bottom center", (layout, pos)
        assert pos["card o3-mini"].startswith("top"), (layout, pos)


def test_the_title_s_finding_holds_in_every_view(story):
    """The title states one finding for both views (a reader can switch to either, or embed it): the data
    bear it out, and a view where they would not makes the build fail, naming the model."""
    views = {key: [(fx.model, fx.value, fy.value) for fx, fy in chart_module.pairs(story, suffix, models)]
             for key, suffix, models in chart_module.VIEWS}
    assert chart_module.title_problems(views) == []
    weak = {**views, "card": [(m, x, 0.5 if m == "o3-mini" else y) for m, x, y in views["card"]]}
    assert chart_module.title_problems(weak) == ["view card: o3-mini StrongREJECT 0.5 is not 1.5 x GPT-4o's 0.37"]
    shy = {**views, "card": [(m, 0.8 if m == "o1-mini" else x, y) for m, x, y in views["card"]]}
    assert chart_module.title_problems(shy) == ["view card: o1-mini XSTest 0.8 is below GPT-4o's 0.88"]
    moved = {**views, "card": [(m, x, 0.3 if m == "GPT-4o" else y) for m, x, y in views["card"]]}
    assert any("differs between views" in p for p in chart_module.title_problems(moved))


def test_the_title_quotes_gpt_4o_s_score_shown_in_both_views(chart, story):
    gpt = value(story.data.figure("gpt-4o.strongreject-goodness.paper"), chart.lang)
    assert gpt in chart.title and gpt == value(story.data.figure("gpt-4o.strongreject-goodness.system-card"), chart.lang)

