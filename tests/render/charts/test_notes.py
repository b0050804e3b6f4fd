"""One chart, one finding: at most two reader notes under a chart; how it was built is said once, on
the methods page ({{ chart-methods }}), from the chart's own texts."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from o3story.render import charts
from o3story.render.pages import render

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_every_chart_has_at_most_two_reader_notes(story, chart_id, lang):
    chart = charts.build(chart_id, story, lang)
    assert len(chart.notes) <= 2, chart.notes
    assert all(n.strip() for n in chart.notes)
    # a construction note is not repeated under the chart
    assert not set(chart.notes) & set(chart.methods)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_methods_page_lists_how_each_chart_was_built(story, lang):
    page = (ROOT / f"docs/methods.{lang}.md").read_text(encoding="utf-8")
    assert page.count("{{ chart-methods }}") == 1
    out = html.unescape(render(page, lang, story, ("en/" if lang == "en" else "") + "methods/"))
    built = [charts.build(c, story, lang) for c in charts.CHARTS]
    assert sum(bool(c.methods) for c in built) >= 7  # the charts whose notes were about their making
    for c in built:
        for m in c.methods:
            assert out.count(m) == 1, (c.id, m)
        if c.methods:
            assert f'id="method-{c.id}"' in out and c.title in out
            assert re.search(rf'href="[^"]*charts/{re.escape(c.id)}/"', out), c.id


def test_chart_texts_are_escaped_on_the_methods_page(story, monkeypatch):
    from dataclasses import replace

    real = charts.build

    def build(chart_id, st, lang):
        return replace(real(chart_id, st, lang), methods=("<script>x</script>",))

    monkeypatch.setattr(charts, "build", build)
    out = render("{{ chart-methods }}", "en", story, "en/methods/")
    assert "<script>x</script>" not in out and "&lt;script&gt;" in out
