"""Where things stand today and what to know before quoting: the overview's dated status box and the
caveats box, from data/status.yaml, data/timeline.yaml and data/caveats.yaml. An event dated after the
status's as-of date is shown in its future-tense wording; the tense follows the date, never the prose."""

from __future__ import annotations

from o3story.data.model import Event
from o3story.render import templating
from o3story.render.fmt import PlaceholderError, long_date
from o3story.render.i18n import t
from o3story.render.context import TIMELINE, PageContext


def upcoming(r: PageContext, ev: Event) -> bool:
    status = r.story.data.status
    return status is not None and status.upcoming(ev.date)


def event_text(r: PageContext, ev: Event) -> str:
    """The event as readers of the as-of date read it: scheduled (future tense) or done."""
    return ev.scheduled[r.lang] if upcoming(r, ev) and ev.scheduled else ev.event[r.lang]


def status(r: PageContext, args: list[str]) -> str:
    """The dated status box: every model's story (the overview), or only the models named
    (`{{ status o3-2025-04-16 }}` on a model's own page)."""
    data, lang = r.story.data, r.lang
    if data.status is None:
        return ""
    known = [m.model for m in data.status.models]
    unknown = [a for a in args if a not in known]
    if unknown:
        raise PlaceholderError(f"status: no model {', '.join(unknown)} in data/status.yaml (it has {', '.join(known)})")
    by_id = {ev.id: ev for ev in data.events}
    models = []
    for m in data.status.models:
        if args and m.model not in args:
            continue
        lines = sorted(((by_id[line.event], line) for line in m.lines), key=lambda pair: pair[0].date)
        models.append({
            "model": m.model, "what": m.what[lang],
            "events": [{"date": ev.date.isoformat(), "upcoming": upcoming(r, ev),
                        "text": r.rich((line.scheduled if upcoming(r, ev) and line.scheduled else line.done)[lang]),
                        "href": r.link(f"{TIMELINE}#event-{ev.id}")} for ev, line in lines],
        })
    return templating.render("status.html", heading=t(lang, "status.heading", date=long_date(data.status.as_of, lang)),
                             as_of=data.status.as_of.isoformat(), models=models,
                             upcoming_label=t(lang, "status.upcoming"),
                             timeline_label=t(lang, "status.timeline", date=long_date(data.status.as_of, lang)),
                             timeline_href=r.link(TIMELINE))


def caveats(r: PageContext, args: list[str]) -> str:
    data, lang = r.story.data, r.lang
    if not data.caveats:
        return ""
    # a quote in the other language carries the project's translation (Chinese pages; English pages gloss Chinese quotes)
    items = [{"id": c.id, "text": r.rich(c.text[lang]), "source": r.source(c.source), "quote": c.quote,
              "gloss": r.quote_gloss(c.quote, c.translation)} for c in data.caveats]
    return templating.render("caveats.html", heading=t(lang, "caveats.heading"), caveats=items,
                             source_label=t(lang, "col.source"), gloss_label=t(lang, "source.title_gloss"))


def dateline(r: PageContext, args: list[str]) -> str:
    """Under a story page's title: when the story was first published and the date it is current to
    (data/status.yaml), the second linked to the audit changelog."""
    status, lang = r.story.data.status, r.lang
    if status is None or status.published is None:
        return ""
    return templating.render("dateline.html", published_label=t(lang, "dateline.published"),
                             published_iso=status.published.isoformat(), published=long_date(status.published, lang),
                             updated_label=t(lang, "dateline.updated"), updated_iso=status.as_of.isoformat(),
                             updated=long_date(status.as_of, lang), changelog_href=r.link("methods/#audit-changelog"))
