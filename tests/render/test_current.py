"""Current to today: the overview's dated status box and the timeline speak in the tense their dates
give them against data/status.yaml's as-of date; the caveats box carries its sources' own words."""

from __future__ import annotations

import dataclasses
import html
from datetime import date

import pytest

from conftest import edit
from o3story.data.errors import DataErrors
from o3story.data.story import load_story
from o3story.render.i18n import t
from o3story.render.pages import render


def _as_of(story, day: date):
    status = story.data.status.model_copy(update={"as_of": day})
    return dataclasses.replace(story, data=story.data.model_copy(update={"status": status}))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_event_after_the_as_of_date_reads_as_scheduled_and_once_passed_as_done(story, lang):
    removal = next(ev for ev in story.data.events if ev.id == "o3-api-removal")
    line = next(l for m in story.data.status.models for l in m.lines if l.event == "o3-api-removal")
    before = html.unescape(render("{{ status }}", lang, _as_of(story, date(2026, 12, 4)), ""))
    assert line.scheduled[lang] in before and t(lang, "status.upcoming") in before
    assert t(lang, "status.heading", date="2026-12-04") in before
    after = html.unescape(render("{{ status }}", lang, _as_of(story, date(2026, 12, 12)), ""))
    assert line.done[lang] in after and line.scheduled[lang] not in after
    assert t(lang, "status.upcoming") not in after
    # the timeline follows the same date
    timeline = html.unescape(render("{{ timeline }}", lang, _as_of(story, date(2026, 12, 4)), ""))
    assert removal.scheduled[lang] in timeline and removal.event[lang] not in timeline
    timeline = html.unescape(render("{{ timeline }}", lang, _as_of(story, date(2026, 12, 12)), ""))
    assert removal.event[lang] in timeline and removal.scheduled[lang] not in timeline


def test_the_as_of_date_is_not_before_the_latest_past_event(story):
    # Moving as_of back would make events that happened read as scheduled: the data keeps it current.
    happened = [ev.date for ev in story.data.events if ev.scheduled is None]
    assert story.data.status.as_of >= max(happened)


def test_an_event_after_the_as_of_date_needs_its_future_wording(data_dir):
    edit(data_dir / "status.yaml", 'as_of: "2026-12-04"', 'as_of: "2025-01-01"')
    with pytest.raises(DataErrors) as exc:
        load_story(data_dir)
    assert ("data/timeline.yaml:7: events[1].scheduled: dated after the site's as-of date (2025-01-01, data/status.yaml): "
            "give its future-tense wording in `scheduled`") in [str(e) for e in exc.value.errors]
    assert any("status.models[0].lines[1].scheduled: the event is dated 2025-01-31, after the as-of date" in str(e)
               for e in exc.value.errors)


def test_a_status_line_names_an_event_that_exists(data_dir):
    edit(data_dir / "status.yaml", "- event: release", "- event: relase")
    with pytest.raises(DataErrors) as exc:
        load_story(data_dir)
    assert any("status.models[0].lines[1].event: unknown event id 'relase' (not in data/timeline.yaml)" in str(e)
               for e in exc.value.errors)


@pytest.mark.parametrize("page", ["", "en/", "o3/", "en/o3/", "arc-agi/", "en/arc-agi/"])
def test_before_you_quote_box_on_the_overview_o3_and_arc_pages(site, story, page):
    lang = "en" if page.startswith("en/") else "zh"
    body = html.unescape(site.html(page))
    box = body[body.index('<aside class="o3-caveats"'):]
    box = box[: box.index("</aside>")]
    assert t(lang, "caveats.heading") in box
    for c in story.data.caveats:
        assert f'id="caveat-{c.id}"' in box
        assert c.quote in box  # the source's own words
        assert story.data.source(c.source).url in box
