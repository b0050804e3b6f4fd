from o3story.render.charts.base import log_axis, pareto, wrap


def test_pareto_keeps_only_undominated_points_in_cost_order():
    pts = [(1.0, 10.0), (2.0, 5.0), (0.5, 2.0), (3.0, 30.0), (3.0, 20.0)]
    assert pareto(pts) == [2, 0, 3]


def test_pareto_ties_are_not_dominance():
    assert pareto([(1.0, 1.0), (1.0, 1.0)]) == [0, 1]


def test_log_axis_ticks_are_dollars_within_range():
    axis = log_axis(0.03, 0.8, "en")
    assert axis["type"] == "log" and axis["tickvals"] == [0.05, 0.1, 0.2, 0.5]
    assert axis["ticktext"] == ["$0.05", "$0.1", "$0.2", "$0.5"]
    assert log_axis(0.03, 0.8, "zh")["ticktext"] == ["0.05", "0.1", "0.2", "0.5"]  # the axis title says 美元


def test_wrap():
    assert wrap("aaaa bbbb cccc", "en", 9) == "aaaa bbbb<br>cccc"
    assert wrap("一二三四五六七八九十", "zh", 16) == "一二三四五六七八<br>九十"
