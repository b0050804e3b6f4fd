"""ARC's re-pricings of the December runs: every point is a record in the row of the date it was
stated, with its value beside it (at every width); no cost is drawn that no source stated; each
date carries its pricing basis; the title's numbers are the records' values.

The chart used to put dates on x and join the costs by lines, with a value and a basis in two-line
labels: the line zigzagged ($20, $200, $26, $200) and labels stacked at the same date. It is now a
dot plot, one row per statement (the tests of the old layout's axes and labels were rewritten for it)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from o3story.render.charts import CHARTS, arc_repricing as chart_module
from o3story.render.fmt import month_year, value

I18N = Path(__file__).resolve().parents[3] / "scripts/o3story/render/i18n"
PREVIEW = set(chart_module.LOW) | set(chart_module.HIGH)


@pytest.fixture(scope="module", params=["zh", "en"])
def chart(request, story):
    return chart_module.build(story, request.param)


def points(chart):
    """(record id, row, x, label, hover, textposition) of every drawn point."""
    out = []
    for t in chart.figure.data:
        pos = t.textposition
        for i, (x, y) in enumerate(zip(t.x, t.y)):
            p = pos[i] if isinstance(pos, (list, tuple)) else pos
            out.append((t.customdata[i], y, x, t.text[i] if t.text is not None else None, t.hovertext[i], p))
    return out


def row_date(row: str) -> str:
    return re.match(r"\d{4}-\d{2}-\d{2}", row).group(0)


def test_registered_and_on_the_arc_page():
    assert CHARTS[chart_module.ID] is chart_module
    root = I18N.parents[3]
    for lang in ("zh", "en"):
        assert "{{ chart arc-repricing }}" in (root / f"docs/arc-agi.{lang}.md").read_text(encoding="utf-8")


def test_every_point_is_a_record_in_the_row_of_the_date_it_was_stated(chart, story):
    drawn = points(chart)
    assert len(drawn) == len({p[0] for p in drawn}) == len(chart_module.LOW) + len(chart_module.HIGH) + len(chart_module.RELEASED)
    for rid, row, x, *_ in drawn:
        f = story.data.figure(rid)
        assert (row_date(row), x) == (f.date.isoformat(), f.value), rid
        assert f.unit == "usd_per_task" and f.metric == "arc-agi-1-cost-per-task", rid
        assert "semi-private" in (f.setting.split or ""), rid
    # the table adds the price per token and the o1-price estimate the description compares with (not drawn)
    assert {p[0] for p in drawn} | {chart_module.PRICE, chart_module.O1_ESTIMATE} == {f.id for f in chart.figures}


def test_no_invented_cost(chart, story):
    """Only costs a source stated: no estimate of this site's, no December high-compute point (it
    was not published), and every o3-preview value is one ARC stated for the preview's runs."""
    drawn = {p[0]: story.data.figure(p[0]) for p in points(chart)}
    assert all(f.confidence in ("stated", "stated-secondary") for f in drawn.values())
    assert "arc.o3.semi-private.high-compute.cost-per-task.derived-o1-price" not in drawn
    dec = [f for f in drawn.values() if f.date.isoformat() == "2024-12-20"]
    assert [f.setting.compute for f in dec] == ["low"]
    # Each value is drawn once, where its record puts it; none is computed from another.
    values = sorted(f.value for f in drawn.values())
    assert values == sorted(story.data.figure(i).value for i in chart_module.LOW + chart_module.HIGH + chart_module.RELEASED)


def test_preview_and_released_are_named_by_version(chart, story):
    for rid, *_ in points(chart):
        assert story.data.figure(rid).model == ("o3-preview" if rid in PREVIEW else "o3-2025-04-16"), rid


def test_each_point_labelled_with_its_value_and_each_row_with_its_pricing_basis(chart, story):
    import html

    from o3story.render.fmt import number

    price = value(story.data.figure(chart_module.PRICE), chart.lang)
    short = yaml.safe_load((I18N / chart.lang / "chart-arc-repricing.yaml").read_text(encoding="utf-8"))
    heads = {a.y: html.unescape(a.text) for a in chart.figure.layout.annotations if a.name == "o3:keep"}
    assert len(heads) == len(chart_module.BASIS) + len(chart_module.RELEASED)  # one name per row
    for rid, row, _, text, hovertext, _ in points(chart):
        f = story.data.figure(rid)
        # the value, alone and short (the axis says per task): no stacked second line
        assert html.unescape(text) == chart_module.tr(chart.lang, chart_module.ID, "dollars", v=number(f.value, chart.lang)), rid
        assert chart_module._basis(f.date.isoformat(), story, chart.lang) in html.unescape(hovertext), rid  # the basis in full
        assert heads[row].startswith(f.date.isoformat()), rid  # the row's name, above it, starts with its date
        if rid in PREVIEW:  # the basis in short, in the row's name
            key = "chart.arc-repricing." + chart_module.SHORT[f.date.isoformat()]
            assert short[key].format(price=price) in heads[row], rid
    # The December high-compute cost is said to be unpublished, in December's row.
    dec = next(h for y, h in heads.items() if h.startswith("2024-12-20"))
    assert dec.endswith(chart_module.tr(chart.lang, chart_module.ID, "unpublished"))


def test_no_zigzag_and_no_stacked_labels(chart, story):
    """The old chart joined the same run's costs by a line over the dates ($20, $200, $26, $200: a
    zigzag that reads as a trend) and stacked two-line labels; now no line joins the points, every
    label is one line, and two labels of one row sit on different sides of their points."""
    assert all("lines" not in t.mode for t in chart.figure.data)
    drawn = points(chart)
    assert all("<br>" not in p[3] for p in drawn)
    by_row: dict[str, list] = {}
    for _rid, row, x, _, _, pos in drawn:
        by_row.setdefault(row, []).append((x, pos))
    for row, pts in by_row.items():
        if len(pts) == 2:
            (x1, p1), (x2, p2) = sorted(pts)
            assert p1.endswith("left") and p2.endswith("right"), row  # outwards, never towards each other
        else:
            assert len(pts) == 1, row


def test_axes(chart, story):
    layout = chart.figure.layout
    assert layout.xaxis.type == "log" and layout.yaxis.type == "category"
    rows = list(layout.yaxis.categoryarray)[::-1]  # top to bottom
    assert [row_date(r) for r in rows[: len(chart_module.BASIS)]] == list(chart_module.BASIS)
    assert len(rows) == len(chart_module.BASIS) + len(chart_module.RELEASED)
    # the height follows the rows
    assert layout.height == chart_module.ROW * len(rows) + 130


def test_every_basis_is_on_the_methods_page_and_values_stay_on_phones(chart, story):
    """The pricing basis of every date is in the chart's methods (the methods page), not in its notes;
    on a phone every value stays beside its point (the old phone layout dropped every price)."""
    for i, d in enumerate(chart_module.BASIS):
        assert d in chart.methods[i] and chart_module._basis(d, story, chart.lang) in chart.methods[i]
    assert len(chart.notes) <= 2
    from o3story.render import charts

    narrow = charts.build(chart_module.ID, story, chart.lang).narrow
    assert all("text" in t["mode"] for t in narrow.figure["data"])


def test_title_numbers_come_from_the_records(chart, story):
    """The title names the preview's prices as the chart's labels do ($20), the unit once ("per task"):
    the same number as the record's full value, with nothing of it left out (no qualifier)."""
    title = chart.title

    def at(rid: str) -> list[int]:  # where the price stands in the title, as a whole number ($20 is not $200)
        short = chart_module.short_cost(story.data.figure(rid), chart.lang)
        return [m.start() for m in re.finditer(re.escape(short) + r"(?!\d|[.,]\d)", title)]

    for rid in chart_module.LOW:  # one finding: the preview's prices (the released o3's are in the description)
        f = story.data.figure(rid)
        assert value(f, chart.lang).startswith(chart_module.short_cost(f, chart.lang)), rid  # the full value is the label and its unit
        assert at(rid), rid
    # The title ends the preview's story at its latest row: the last o3-preview price it names is
    # the one the chart draws last (a title that stopped at the re-pricing told the reader the
    # wrong end).
    assert max(at(chart_module.LOW[-1])) == max(p for r in chart_module.LOW for p in at(r))
    assert title.count({"en": "per task", "zh": "每任务"}[chart.lang]) == 1, title
    # the copy that still shows the first re-pricing is dated by its record, the month as a reader reads it
    assert month_year(story.data.figure(chart_module.LOW[-1]).date, chart.lang) in title, title
    # The title's own text types no number: its only digits are in the model names and the month it names.
    template = yaml.safe_load((I18N / chart.lang / "chart-arc-repricing.yaml").read_text(encoding="utf-8"))["chart.arc-repricing.title"]
    assert re.findall(r"\d", re.sub(r"o3-preview|\bo3\b|\{\w+\}|December 2024|2024 年 12 月", "", template)) == []


def test_languages_differ(story):
    zh, en = (chart_module.build(story, lang) for lang in ("zh", "en"))
    assert zh.title != en.title and zh.description != en.description and zh.notes != en.notes
    assert [t.name for t in zh.figure.data] != [t.name for t in en.figure.data]


def test_sources_are_arcs(chart):
    assert {s.id for s in chart.sources} == {
        "arc-o3-breakthrough-2024-12", "arc-o3-breakthrough-revised", "arc-leaderboard-2025-04-16", "arc-leaderboard-2026-06-16"}
