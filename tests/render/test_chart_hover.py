"""Tooltips are short: the model and its setting, the value, the source and date, each once, in the
page's language (a full-width colon after a label in Chinese, ": " in English), whatever a chart joins
(a point with a score and a cost; two measures of one model)."""

from __future__ import annotations

import html
import re

import pytest

from o3story.render import charts

LONGEST = 4  # lines at most, before a phone wraps them


def tooltips(chart) -> list[str]:
    out = []
    for trace in chart.figure.data:
        text = trace.hovertext
        if text is None:
            continue
        out += [h for h in ([text] if isinstance(text, str) else list(text)) if h]
    return out


def fields(tip: str, lang: str) -> list[str]:
    """Every label in the tooltip (the text before a label's colon, in each part of each line)."""
    sep, joiner = ("：", "；") if lang == "zh" else (": ", "; ")
    out = []
    for line in tip.split("<br>"):
        line = re.sub(r"^<b>.*?</b>( · )?", "", line)
        for part in line.split(joiner):
            head, found, _ = part.partition(sep)
            if found and head and (lang == "en" or len(head) < 20):
                out.append(head.strip())
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_tooltips_are_short_with_each_field_once(story, chart_id, lang):
    chart = charts.build(chart_id, story, lang)
    tips = tooltips(chart)
    assert tips
    source = "来源：" if lang == "zh" else "Source: "
    longest = max(tips, key=lambda t: t.count("<br>"))
    assert longest.count("<br>") + 1 <= LONGEST, longest
    for tip in tips:
        lines = tip.split("<br>")
        assert all(ln.strip() for ln in lines), tip  # no empty line
        assert len(lines) == len(set(lines)), tip  # no line twice
        assert len(re.findall(r"<b>", tip)) <= 1, tip  # the model named once
        named = fields(tip, lang)
        assert len(named) == len(set(named)), (named, tip)  # no field twice
        if source in html.unescape(tip):
            assert sum(html.unescape(ln).startswith(source) for ln in lines) == 1 and html.unescape(lines[-1]).startswith(source), tip
        plain = html.unescape(re.sub(r"<[^>]+>", "", tip))
        if lang == "zh":  # a label's colon is full-width in Chinese, ASCII in English
            assert not re.search(r"[\u4e00-\u9fff]: ?", plain), tip
        else:
            assert "：" not in plain and "；" not in plain, tip
