from datetime import date

from o3story.render.fmt import esc, number, value
from o3story.data.model import Figure


def fig(**kw) -> Figure:
    base = dict(id="x", model="M", metric="m", value=71.7, unit="percent", source="s", quote="q", confidence="stated", date=date(2024, 12, 20))
    base.update(kw)
    return Figure.model_validate(base)


def test_stated_precision_is_kept():
    assert number(78.0, "en") == "78.0"
    assert number(0.976, "en") == "0.976"
    assert number(2727, "en") == "2,727"


def test_values_by_language():
    assert value(fig(), "en") == "71.7%"
    assert value(fig(qualifier="about"), "en") == "about 71.7%"
    # Chinese sets a space between its script and digits, a qualifier's as the page's own (为 64.2%)
    assert value(fig(qualifier="more-than", value=25), "zh") == "超过 25%"
    assert value(fig(qualifier="about", unit="usd_per_task", value=20), "zh") == "约 20 美元/任务"
    assert value(fig(unit="seconds", value=7.7), "zh") == "7.7 秒"
    assert value(fig(unit="tokens", value=5_700_000_000), "en") == "5.7B tokens"
    assert value(fig(unit="tokens", value=5_700_000_000), "zh") == "57亿 token"
    assert value(fig(unit="usd_per_task", value=20), "en") == "$20 per task"


def test_money_reads_as_money():
    """Cents as two digits in both languages; whole dollars and a stated finer precision stay."""
    assert value(fig(unit="usd_per_mtok", value=1.1), "en") == "$1.10 per 1M tokens"
    assert value(fig(unit="usd_per_mtok", value=4.4), "zh") == "4.40 美元/百万 token"
    assert value(fig(unit="usd_per_task", value=0.5002), "en") == "$0.5002 per task"
    assert value(fig(unit="usd_total", value=20), "en") == "$20"
    assert number(1.1, "en") == "1.1"  # a score keeps its one decimal


def test_chart_read_values_show_uncertainty():
    f = fig(confidence="chart-read", uncertainty=1.5, quote=None, locator="slide")
    assert value(f, "en") == "≈71.7% ±1.5"
    assert f.approximate


def test_escape_makes_markup_inert():
    hostile = '<script>alert(1)</script> "><img src=x onerror=alert(1)> *em* [a](javascript:x) `c` it\'s &amp; &#35;'
    out = esc(hostile)
    for bad in ("<", ">", '"', "*", "[", "]", "(", "`"):
        assert bad not in out
    import html

    assert html.unescape(out) == hostile


def test_a_qualified_figure_keeps_to_the_chinese_word_before_it():
    from o3story.render.fmt import tidy_spaces

    assert tidy_spaces("得分 约 71.7%，低于 超过 25%", "zh") == "得分约 71.7%，低于超过 25%"
    link = '为 <a class="o3-fig" data-figure="x" href="#">约 1,891</a>'
    assert tidy_spaces(link, "zh") == link.replace("为 <a", "为<a")
    assert tidy_spaces("得分 71.7%，发布两个新模型 和 o3-mini", "zh") == "得分 71.7%，发布两个新模型 和 o3-mini"  # only a qualifier's space
    assert tidy_spaces("scored about 71.7%", "en") == "scored about 71.7%"
