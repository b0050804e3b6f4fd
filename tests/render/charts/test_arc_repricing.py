"""ARC's re-pricings of the December runs: every point is a record at the date it was stated, with
its value; no cost is drawn that no source stated; each date carries its pricing basis; the title's
numbers are the records' values."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from o3story.render.charts import CHARTS, arc_repricing as chart_module
from o3story.render.fmt import value

I18N = Path(__file__).resolve().parents[3] / "scripts/o3story/render/i18n"
PREVIEW = set(chart_module.LOW) | set(chart_module.HIGH)


@pytest.fixture(scope="module", params=["zh", "en"])
def chart(request, story):
    return chart_module.build(story, request.param)


def points(chart):
    """(record id, x, y, label, hover) of every drawn point."""
    out = []
    for t in chart.figure.data:
        for i, (x, y) in enumerate(zip(t.x, t.y)):
            x = x.isoformat() if hasattr(x, "isoformat") else x
            out.append((t.customdata[i], x, y, t.text[i] if t.text is not None else None, t.hovertext[i]))
    return out


def test_registered_and_on_the_arc_page():
    assert CHARTS[chart_module.ID] is chart_module
    root = I18N.parents[3]
    for lang in ("zh", "en"):
        assert "{{ chart arc-repricing }}" in (root / f"docs/arc-agi.{lang}.md").read_text(encoding="utf-8")


def test_every_point_is_a_record_at_the_date_it_was_stated(chart, story):
    drawn = points(chart)
    assert len(drawn) == len({p[0] for p in drawn}) == len(chart_module.LOW) + len(chart_module.HIGH) + len(chart_module.RELEASED)
    for rid, x, y, _, _ in drawn:
        f = story.data.figure(rid)
        assert (x, y) == (f.date.isoformat(), f.value), rid
        assert f.unit == "usd_per_task" and f.metric == "arc-agi-1-cost-per-task", rid
        assert "semi-private" in (f.setting.split or ""), rid
    assert {p[0] for p in drawn} | {chart_module.PRICE} == {f.id for f in chart.figures}


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


def test_each_point_labelled_with_its_value_and_its_pricing_basis(chart, story):
    import html

    price = value(story.data.figure(chart_module.PRICE), chart.lang)
    for rid, x, _, text, hovertext in points(chart):
        f = story.data.figure(rid)
        assert value(f, chart.lang) in html.unescape(text), rid
        assert chart_module._basis(x, story, chart.lang) in html.unescape(hovertext), rid  # the basis in full
        if rid in PREVIEW:  # the basis in short, beside the point
            key = "chart.arc-repricing." + chart_module.LABEL[rid][0]
            short = yaml.safe_load((I18N / chart.lang / "chart-arc-repricing.yaml").read_text(encoding="utf-8"))[key]
            squeeze = lambda t: re.sub(r"<br>|\s", "", html.unescape(t))  # noqa: E731  (labels are wrapped)
            assert squeeze(short.format(price=price)) in squeeze(text), rid
    # The December high-compute cost is said to be unpublished, at the December point.
    dec_label = next(p[3] for p in points(chart) if p[0] == chart_module.LOW[0])
    assert re.sub(r"\s", "", chart_module.tr(chart.lang, chart_module.ID, "short.dec")) in re.sub(r"<br>|\s", "", html.unescape(dec_label))


def test_axes(chart):
    layout = chart.figure.layout
    assert layout.xaxis.type == "date" and layout.yaxis.type == "log"
    assert [str(v)[:10] for v in layout.xaxis.tickvals] == sorted(chart_module.BASIS)


def test_every_basis_is_in_the_notes_under_the_chart(chart, story):
    """On a phone the points carry no labels: the notes give the pricing basis of every date."""
    for i, d in enumerate(chart_module.BASIS):
        assert d in chart.notes[i] and chart_module._basis(d, story, chart.lang) in chart.notes[i]
    from o3story.render import charts

    narrow = charts.build(chart_module.ID, story, chart.lang).narrow
    assert all("text" not in t["mode"] for t in narrow.figure["data"])  # labels dropped there, as hinted


def test_title_numbers_come_from_the_records(chart, story):
    title = chart.title
    for rid in (chart_module.LOW[0], chart_module.LOW[1], chart_module.LOW[2], chart_module.RELEASED[-1]):
        assert value(story.data.figure(rid), chart.lang) in title, rid
    # The title's own text types no number: its only digits are in the model names.
    template = yaml.safe_load((I18N / chart.lang / "chart-arc-repricing.yaml").read_text(encoding="utf-8"))["chart.arc-repricing.title"]
    assert re.findall(r"\d", re.sub(r"o3-preview|\bo3\b|\{\w+\}", "", template)) == []


def test_languages_differ(story):
    zh, en = (chart_module.build(story, lang) for lang in ("zh", "en"))
    assert zh.title != en.title and zh.description != en.description and zh.notes != en.notes
    assert [t.name for t in zh.figure.data] != [t.name for t in en.figure.data]


def test_sources_are_arcs(chart):
    assert {s.id for s in chart.sources} == {
        "arc-o3-breakthrough-2024-12", "arc-o3-breakthrough-revised", "arc-leaderboard-2025-04-16", "arc-leaderboard-2026-06-16"}
