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
    assert value(fig(qualifier="more-than", value=25), "zh") == "超过25%"
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
