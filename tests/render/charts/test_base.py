import re

from o3story.data.locale import LOCALES
from o3story.render.charts.base import GAP, base_layout, clear_of_marks, log_axis, pareto, wrap


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


def test_wrap_keeps_a_number_with_its_unit():
    # the download image's title broke "7.7 s" into "7.7" and "s" on the next line
    assert wrap("o3-mini (medium) 7.7 s, o1-mini", "en", 20) == "o3-mini (medium)<br>7.7 s, o1-mini"
    assert wrap("a 12 ms b", "en", 4) == "a<br>12 ms<br>b"
    assert wrap("aaaa 7 seconds", "en", 7) == "aaaa 7<br>seconds"  # a word, not a unit: breaks as any


def test_wrap_keeps_the_licence_s_name_on_one_line():
    # a download's credit line broke into "CC BY" and "4.0" (when it also carried the data's date)
    assert wrap("Data as of 7 December 2026 · CC BY 4.0", "en", 34) == "Data as of 7 December 2026 ·<br>CC BY 4.0"
    assert wrap("数据截至 2026 年 12 月 7 日 · CC BY 4.0", "zh", 30).endswith("<br>CC BY 4.0")


def test_a_chart_in_latin_letters_names_no_chinese_font():
    """Where none of its Latin fonts is installed (the machine that draws the images), a Chinese font
    would draw an English chart's curly quotes and middle dots full-width; Chinese names one."""
    cjk = re.compile(r"CJK|SC\b|YaHei|PingFang")
    for loc in LOCALES:
        family = base_layout(loc.code)["font"]["family"]
        assert family == loc.chart_font and family.endswith("sans-serif")
        assert bool(cjk.search(family)) == (loc.space == ""), (loc.code, family)


def test_a_value_beside_its_mark_stands_an_en_space_clear_of_it():
    assert clear_of_marks("87.5%", "middle right") == GAP + "87.5%"
    assert clear_of_marks("o1 83.3%<br>(avg)", "middle left") == "o1 83.3%" + GAP + "<br>(avg)" + GAP  # each line
    assert clear_of_marks(["a", "b", "c"], ["middle left", "top center", "middle right"]) == ["a" + GAP, "b", GAP + "c"]
    # once only, however often it runs (the narrow layout runs it again after moving a label)
    twice = clear_of_marks(clear_of_marks("x", "middle left"), "middle right")
    assert twice == GAP + "x"
    assert clear_of_marks(None, "middle left") is None


def test_every_chart_s_side_labels_are_clear_of_their_marks_in_both_layouts(story):
    from o3story.data.locale import LANGS
    from o3story.render import charts

    seen = 0
    for chart_id in charts.CHARTS:
        for lang in LANGS:
            chart = charts.build(chart_id, story, lang)
            for data in (chart.figure.to_plotly_json()["data"], chart.narrow.figure["data"]):
                for t in data:
                    text, pos = t.get("text"), t.get("textposition")
                    if text is None or pos is None:
                        continue
                    texts = text if isinstance(text, (list, tuple)) else [text]
                    for i, s in enumerate(texts):
                        p = pos[i] if isinstance(pos, (list, tuple)) else pos
                        if isinstance(s, str) and p == "middle right":
                            seen += 1
                            assert s.startswith(GAP), (chart_id, lang, s)
                        elif isinstance(s, str) and p == "middle left":
                            seen += 1
                            assert s.split("<br>")[0].endswith(GAP), (chart_id, lang, s)
    assert seen > 20, seen
