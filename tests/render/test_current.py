"""Current to today: the overview's dated status box and the timeline speak in the tense their dates
give them against data/status.yaml's as-of date; the caveats box carries its sources' own words."""

from __future__ import annotations

import dataclasses
import html
import re
from datetime import date

import pytest

from conftest import edit
from o3story.data.errors import DataErrors
from o3story.data.story import load_story
from o3story.render.fmt import long_date
from o3story.render.i18n import t
from o3story.render.pages import render


def _as_of(story, day: date):
    status = story.data.status.model_copy(update={"as_of": day})
    return dataclasses.replace(story, data=story.data.model_copy(update={"status": status}))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_event_after_the_as_of_date_reads_as_scheduled_and_once_passed_as_done(story, lang):
    removal = next(ev for ev in story.data.events if ev.id == "o3-api-removal")
    line = next(ln for m in story.data.status.models for ln in m.lines if ln.event == "o3-api-removal")
    before = html.unescape(render("{{ status }}", lang, _as_of(story, date(2026, 12, 4)), ""))
    assert line.scheduled[lang] in before and t(lang, "status.upcoming") in before
    assert t(lang, "status.heading", date=long_date(date(2026, 12, 4), lang)) in before  # as the dateline writes dates
    after = html.unescape(render("{{ status }}", lang, _as_of(story, date(2026, 12, 12)), ""))
    # the step's own line: its date, then its words (one wording may hold the other: 已从…移除, 从…移除)
    step = re.search(r'<time datetime="2026-12-11">[^<]*</time></a>(.*?)</li>', after, re.S).group(1)
    assert re.sub(r'<[^>]+>', '', step).strip() == line.done[lang], step
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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_dateline_gives_the_publication_and_the_as_of_date(story, lang):
    out = html.unescape(render("{{ dateline }}", lang, story, ""))
    status = story.data.status
    assert f'<time datetime="{status.published.isoformat()}">' in out and f'<time datetime="{status.as_of.isoformat()}">' in out
    assert t(lang, "dateline.published") in out and t(lang, "dateline.updated") in out
    assert long_date(status.as_of, lang) in out  # "2026 年 12 月 5 日", "5 December 2026"
    # it follows the data: a new as-of date is the new "updated"
    assert "12 December 2026" in html.unescape(render("{{ dateline }}", "en", _as_of(story, date(2026, 12, 12)), ""))


def test_each_story_page_carries_the_dateline_under_its_title():
    from conftest import ROOT

    for name in ("index", "o3", "o3-mini", "arc-agi", "safety"):
        for lang in ("zh", "en"):
            lines = [ln for ln in (ROOT / "docs" / f"{name}.{lang}.md").read_text(encoding="utf-8").splitlines() if ln.strip()]
            title = next(i for i, ln in enumerate(lines) if ln.startswith("# "))
            assert lines[title + 1] == "{{ dateline }}", (name, lang)


def test_a_story_is_published_before_it_is_brought_up_to_date(data_dir):
    text = (data_dir / "status.yaml").read_text(encoding="utf-8")
    (data_dir / "status.yaml").write_text(text.replace('as_of: "2026-12-04"', 'as_of: "2026-12-04"\n  published: "2026-12-05"', 1),
                                          encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_story(data_dir)
    assert any("status.published: published (2026-12-05) is after the as-of date (2026-12-04)" in str(e) for e in exc.value.errors), \
        [str(e) for e in exc.value.errors]


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


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_model_s_page_shows_its_own_status_and_a_wrong_name_is_an_error(story, lang):
    """`{{ status MODEL }}` on a model's page: only that model's dated steps; a name that is not in
    data/status.yaml stops the build with the names it has."""
    models = [m.model for m in story.data.status.models]
    whole = html.unescape(render("{{ status }}", lang, story, ""))
    assert all(f"<strong>{m}</strong>" in whole for m in models)
    one = html.unescape(render("{{ status o3-mini }}", lang, story, ""))
    assert [m for m in models if f"<strong>{m}</strong>" in one] == ["o3-mini"]
    with pytest.raises(ValueError, match=r"no model o4-mini in data/status\.yaml \(it has o3-preview"):
        render("{{ status o4-mini }}", lang, story, "")


def test_the_o3_and_o3_mini_pages_say_where_their_model_stands():
    """The released o3 leaves OpenAI's API on a date the overview's box gives: its own page, and
    o3-mini's, say where each stands too (a reader landing there from a search had no word of it)."""
    from conftest import ROOT

    for name, model in (("o3", "o3-2025-04-16"), ("o3-mini", "o3-mini")):
        for lang in ("zh", "en"):
            assert f"{{{{ status {model} }}}}" in (ROOT / "docs" / f"{name}.{lang}.md").read_text(encoding="utf-8")
