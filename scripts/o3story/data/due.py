"""What the site gives as still to come that has come: the timeline's events dated after the site's
as-of date (data/status.yaml) and on or before today. The site words them in the future tense
(`scheduled`) until a maintainer checks that they happened and moves `as_of` forward; this says when
that is due. Pure functions of the data and a day; `python -m o3story due` and the daily status
workflow (.github/workflows/status.yml) call them."""

from __future__ import annotations

from datetime import date

from o3story.data.model import Event, Dataset
from o3story.data.translation import LANG as REPORT_LANG  # the maintainers' language: the project's translation's

STATUS_FILE = "data/status.yaml"


def passed(data: Dataset, today: date) -> list[Event]:
    """Events the site still gives in their scheduled words whose day has come by `today`, by date."""
    if data.status is None:
        return []
    return sorted((e for e in data.events if data.status.upcoming(e.date) and e.date <= today), key=lambda e: e.date)


def upcoming(data: Dataset, today: date) -> list[Event]:
    """Events still to come after `today`, by date."""
    return sorted((e for e in data.events if e.date > today), key=lambda e: e.date)


def report(data: Dataset, today: date) -> tuple[bool, str]:
    """(whether anything is due, a report in Markdown for the maintainers, in REPORT_LANG)."""
    if data.status is None:
        return False, "No status (data/status.yaml): the site gives no as-of date."
    as_of = data.status.as_of.isoformat()
    due = passed(data, today)
    lines = []
    if due:
        lines += [f"The site is current to **{as_of}** ({STATUS_FILE}, `as_of`), and still gives "
                  f"{'this event' if len(due) == 1 else f'these {len(due)} events'} as to come, "
                  f"though {'its day has' if len(due) == 1 else 'their days have'} come (checked on {today.isoformat()}):", ""]
        lines += [f"- **{e.date.isoformat()}** `{e.id}` ({e.kind}, source `{e.source}`): {(e.scheduled or e.event)[REPORT_LANG]}"
                  for e in due]
        lines += ["", "To bring the site up to date:", "",
                  "1. check each event against its source, and correct `data/timeline.yaml` where it did not happen as announced;",
                  f"2. move `as_of` in {STATUS_FILE} to the day of the check (the site then shows the past-tense wording of each"
                  " event and status line it gave in the future tense);",
                  "3. run `make release` (or `python -m o3story release`) and commit CITATION.cff and .zenodo.json with the data."]
    else:
        lines.append(f"Nothing is due: the site is current to {as_of}, and no event it gives as still to come has "
                     f"reached its day (checked on {today.isoformat()}).")
    later = upcoming(data, today)
    if later:
        lines += ["", f"Next: **{later[0].date.isoformat()}** `{later[0].id}` ({(later[0].date - today).days} days from {today.isoformat()})."]
    return bool(due), "\n".join(lines) + "\n"
