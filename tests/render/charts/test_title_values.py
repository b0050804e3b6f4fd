"""Values where the story needs them (issue 20): every number the chart's title names is printed
in the chart itself, as a point or bar label, an annotation, a category or legend name, in both
languages and in both layouts (the page-width figure and the narrow one) — never only in a tooltip,
nor only in a note under the chart."""

from __future__ import annotations

import html
import re

import pytest

from o3story.render import charts

# A date is one token (its day is not the number 16); a number is digits with thousands separators and
# decimals, not part of a name ("o3", "ARC-AGI-1", "1M tokens", "cons@64").
TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|(?<![\w@.\-])\d[\d,]*(?:\.\d+)?(?![\w\-])")


# A month of a year names when, not a value ("December 2024", "2024 年 12 月"): not a number to print.
MONTH = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|\d{4} 年 \d{1,2} 月")


def numbers(text: str) -> set[str]:
    plain = MONTH.sub(" ", html.unescape(re.sub(r"<[^>]+>", " ", str(text))))
    return {m.group(0).rstrip(",") for m in TOKEN.finditer(plain)}


def _shown(trace: dict) -> bool:
    return trace.get("visible", True) is True


def visible_texts(figure: dict) -> list[str]:
    """The texts a reader sees in a figure (plotly JSON) before touching it: labels of visible traces
    drawn with text, category names, legend names, annotations. Not hovertext."""
    out = []
    layout, data = figure["layout"], figure["data"]
    for t in data:
        if not _shown(t):
            continue
        kind, mode = t.get("type", "scatter"), t.get("mode") or ""
        labelled = ("text" in mode) if kind == "scatter" else t.get("textposition") != "none"
        text = t.get("text")
        if labelled and text is not None:
            out += [str(s) for s in (text if isinstance(text, (list, tuple)) else [text]) if s]
        if t.get("showlegend", True) is not False and t.get("name"):
            out.append(str(t["name"]))
        for axis in ("x", "y"):
            out += [str(v) for v in (t.get(axis) or []) if isinstance(v, str)]
    for a in layout.get("annotations") or []:
        if a.get("visible", True) is not False:
            out.append(str(a.get("text", "")))
    for key, axis in layout.items():
        if re.fullmatch(r"[xy]axis\d*", key) and axis.get("type") == "category" or (re.fullmatch(r"[xy]axis\d*", key) and axis.get("ticktext") and axis.get("type") != "log" and axis.get("tickmode") == "array"):
            out += [str(s) for s in axis.get("ticktext") or []]
    return out


@pytest.mark.parametrize("layout", ["wide", "narrow"])
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_every_number_in_the_title_is_printed_in_the_chart(story, chart_id, lang, layout):
    chart = charts.build(chart_id, story, lang)
    figure = chart.figure.to_plotly_json() if layout == "wide" else chart.narrow.figure
    shown = set().union(*(numbers(s) for s in visible_texts(figure))) if visible_texts(figure) else set()
    missing = sorted(numbers(chart.title) - shown)
    assert not missing, f"{chart_id} {lang} {layout}: the title names {missing}, which the chart shows only on a tap (or not at all)"


def test_numbers_are_read_as_a_reader_reads_them():
    assert numbers("o3 75.7% at $20 per task; o1 $60 per 1M tokens; 2,706 (2025-04-16)") == {"75.7", "20", "60", "2,706", "2025-04-16"}
    assert numbers("ARC-AGI-1 · cons@64 · o3-mini 1,831、2,036") == {"1,831", "2,036"}
    assert numbers("0.5002 美元/任务（高）") == {"0.5002"}


def _all_texts(figure: dict) -> list[str]:
    out = list(visible_texts(figure))
    for t in figure["data"]:
        for key in ("hovertext", "name"):
            v = t.get(key)
            out += [str(s) for s in (v if isinstance(v, (list, tuple)) else [v]) if s]
    for key, axis in figure["layout"].items():
        if re.fullmatch(r"[xy]axis\d*", key):
            out.append(str((axis.get("title") or {}).get("text") or ""))
    return out


@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_chinese_chart_texts_use_full_width_colons(story, chart_id):
    """可信度：, not 可信度: — every colon after Chinese text in a chart (labels, legend, tooltips, axis
    titles, notes) is the full-width one."""
    chart = charts.build(chart_id, story, "zh")
    texts = _all_texts(chart.figure.to_plotly_json()) + list(chart.notes) + [chart.title, chart.description]
    bad = [s for s in texts if re.search(r"[\u4e00-\u9fff）」]\s*:", html.unescape(s))]
    assert not bad, bad[:3]


def test_elo_axes_group_thousands(story):
    """Elo ticks read 2,000 (layout.separators gives each language its own), never 2000."""
    for chart_id, axis in (("codeforces-elo-price", "yaxis"), ("o3-mini-elo-cost", "yaxis"), ("o3-vs-o1", "xaxis2")):
        for lang in ("zh", "en"):
            layout = charts.build(chart_id, story, lang).figure.layout.to_plotly_json()
            assert layout[axis].get("tickformat") == ",", (chart_id, lang)
