"""What a result read of the story (render/deps.py): a chart or page is kept for a later story only
while every read gives an equal value; an edit to a record it read rebuilds it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import edit
from o3story.data.story import load_story
from o3story.render import charts, deps

ROOT = Path(__file__).resolve().parents[2]
EDITED = ("value: 74.4", "value: 74.5")  # o1's single-sample AIME 2024 (figures/o3.yaml): read by a chart that looks through every figure


@pytest.fixture(scope="module")
def stories(tmp_path_factory):
    """The real data and a copy with one figure edited."""
    data = tmp_path_factory.mktemp("edited") / "data"
    shutil.copytree(ROOT / "data", data)
    edit(data / "figures" / "o3.yaml", *EDITED)
    return load_story(ROOT / "data"), load_story(data)


def test_reads_are_recorded_and_compared(stories):
    story, edited = stories
    rec = deps.Recording(story, {})
    assert rec.data.figure("arc.o3.semi-private.low-compute.score") == story.data.figure("arc.o3.semi-private.low-compute.score")
    with pytest.raises(KeyError):
        rec.data.figure("no.such.figure")
    assert len(rec.data.sources) == len(story.data.sources)
    assert set(rec.reads) == {("call", "figure", ("arc.o3.semi-private.low-compute.score",)), ("call", "figure", ("no.such.figure",)),
                              ("attr", "sources")}
    assert deps.unchanged(rec.reads, story) and deps.unchanged(rec.reads, edited)  # the edit is elsewhere
    rec.data.figure("o1.aime-2024.pass1.learning-to-reason")
    assert deps.unchanged(rec.reads, story) and not deps.unchanged(rec.reads, edited)
    whole = deps.Recording(story, {})
    whole.data.figures  # noqa: B018 - a read of every figure
    assert not deps.unchanged(whole.reads, edited)


def test_a_chart_is_kept_while_its_reads_are_unchanged(stories, monkeypatch):
    story, edited = stories
    monkeypatch.setattr(charts, "_built", {})
    before = {c: charts.build(c, story, "en") for c in charts.CHARTS}
    after = {c: charts.build(c, edited, "en") for c in charts.CHARTS}
    rebuilt = {c for c in charts.CHARTS if after[c] is not before[c]}
    # the edited figure is read by the charts that look through every figure, and kept by the others
    readers = {c for c in charts.CHARTS if ("attr", "figures") in charts._built[(c, "en")][1]
               or ("call", "figure", ("o1.aime-2024.pass1.learning-to-reason",)) in charts._built[(c, "en")][1]}
    assert rebuilt == readers and rebuilt != set(charts.CHARTS)
    for c in charts.CHARTS:  # and what was kept is what a build from scratch gives
        monkeypatch.setattr(charts, "_built", {})
        assert charts.build(c, edited, "en").figure.to_json() == after[c].figure.to_json()


def test_a_page_reads_what_its_charts_read_and_which_chart_draws_a_figure(stories, monkeypatch):
    story, _ = stories
    monkeypatch.setattr(charts, "_built", {})
    charts.build("o3-vs-o1", story, "en")  # kept from an earlier page
    page = deps.Recording(story, {})
    charts.build("o3-vs-o1", page, "en")
    assert set(charts._built[("o3-vs-o1", "en")][1]) <= set(page.reads)
    where = deps.value(page, charts.chart_of, "en")
    assert page.reads[("derived", charts.chart_of, ("en",))] == where and deps.unchanged(page.reads, story)
