"""`python -m o3story due` and data/due.py: an event the site gives as still to come (dated after the
as-of date) is due once its day comes, and not before; the report names it, its date, its source and
the steps to take; the command's exit code says which (0 nothing due, 1 due, 2 a data error), as the
daily status workflow reads it. On the fixture data, with one event scheduled after its as-of date."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from conftest import edit
from o3story.__main__ import main
from o3story.data import due
from o3story.data.story import load_story

AS_OF = date(2026, 12, 4)  # the fixture's status.as_of
DAY = date(2026, 12, 11)
SCHEDULED = """  - id: leaves
    date: 2026-12-11
    kind: retirement
    event: {zh: 下线。, en: Removed from the API.}
    scheduled: {zh: 定于下线。, en: To be removed from the API.}
    source: paper
"""


@pytest.fixture
def scheduled(data_dir: Path) -> Path:
    """The fixture data with one event after the as-of date, in its future-tense words too."""
    path = data_dir / "timeline.yaml"
    path.write_text(path.read_text(encoding="utf-8") + SCHEDULED, encoding="utf-8")
    assert load_story(data_dir).data.status.as_of == AS_OF
    return data_dir


@pytest.mark.parametrize("today, expected", [(AS_OF, []), (DAY - timedelta(days=1), []), (DAY, ["leaves"]),
                                             (DAY + timedelta(days=30), ["leaves"])])
def test_an_event_is_due_once_its_day_comes(scheduled, today, expected):
    data = load_story(scheduled).data
    assert [e.id for e in due.passed(data, today)] == expected
    late, text = due.report(data, today)
    assert late is bool(expected)
    if expected:
        assert "**2026-12-11** `leaves` (retirement, source `paper`): To be removed from the API." in text
        assert "**2026-12-04** (data/status.yaml, `as_of`)" in text and "python -m o3story release" in text
    else:
        assert text.startswith("Nothing is due: the site is current to 2026-12-04")
        assert f"Next: **2026-12-11** `leaves` ({(DAY - today).days} days from {today.isoformat()})." in text


def test_once_the_as_of_date_passes_it_nothing_is_due(scheduled):
    edit(scheduled / "status.yaml", 'as_of: "2026-12-04"', 'as_of: "2026-12-11"')
    data = load_story(scheduled).data
    assert due.passed(data, DAY + timedelta(days=3)) == []
    assert due.report(data, DAY + timedelta(days=3))[0] is False


def test_the_command_s_exit_code_and_report(scheduled, tmp_path, capsys):
    report = tmp_path / "due.md"
    assert main(["due", str(scheduled), "--today", "2026-12-10", "--report", str(report)]) == 0
    assert "Nothing is due" in capsys.readouterr().out and report.read_text(encoding="utf-8").startswith("Nothing is due")
    assert main(["due", str(scheduled), "--today", "2026-12-11", "--report", str(report)]) == 1
    err = capsys.readouterr().err
    assert "`leaves`" in err and report.read_text(encoding="utf-8") == err
    edit(scheduled / "timeline.yaml", "    date: 2026-12-11\n", "    date: 2026-13-11\n")
    assert main(["due", str(scheduled), "--today", "2026-12-11"]) == 2
    assert "data/timeline.yaml:" in capsys.readouterr().err


def test_on_the_real_data_what_is_due_is_what_it_schedules(story):
    """The real data: on its as-of date nothing is due; on the day of its last event every event it gives
    as still to come is due, and no other; the day before the first of them, none."""
    data = story.data
    later = [e for e in data.events if data.status.upcoming(e.date)]
    assert due.passed(data, data.status.as_of) == []
    if later:
        last = max(e.date for e in data.events)
        assert due.passed(data, last) == sorted(later, key=lambda e: e.date)
        assert due.passed(data, min(e.date for e in later) - timedelta(days=1)) == []
        assert due.report(data, last)[0] is True
