"""The site's charts. Each module has an `ID` and `build(story, lang) -> Chart`; ids are part of
public URLs (/charts/<id>/) and never change."""

from __future__ import annotations

from dataclasses import replace

from o3story.render import deps

from . import (
    arc_agi_cost,
    arc_repricing,
    claims_vs_shipped,
    codeforces_elo_price,
    o3_mini_by_effort,
    o3_mini_elo_cost,
    o3_mini_latency,
    o3_vs_o1,
    refusal_vs_overrefusal,
)

MODULES = [o3_vs_o1, codeforces_elo_price, o3_mini_elo_cost, o3_mini_latency, refusal_vs_overrefusal, arc_agi_cost, arc_repricing, o3_mini_by_effort, claims_vs_shipped]
CHARTS = {m.ID: m for m in MODULES}
HEADLINE = claims_vs_shipped.ID  # the story's main finding: first in the charts gallery


def gallery_order() -> list[str]:
    """The charts index's order: the headline chart first, then the others as in CHARTS."""
    return [HEADLINE] + [chart_id for chart_id in CHARTS if chart_id != HEADLINE]


def nav_title(chart_id: str, lang: str) -> str:
    """The chart's name in a few words, where pages are listed (its title is a finding of one to three lines)."""
    from .base import tr

    return tr(lang, chart_id, "nav")


class ChartError(ValueError):
    """A chart cannot be drawn from the data it was given (a record it needs is missing)."""


# A build asks for the same chart many times (its page, the story pages, links, downloads, embeds):
# each (chart, language) is built once, and kept for a later story while what it read of the data is
# unchanged (render/deps.py): under `mkdocs serve`, a data edit redraws only the charts that show it.
_built: dict[tuple[str, str], tuple[object, dict, object]] = {}  # (chart, language) -> (story, reads, chart)


def build(chart_id: str, story, lang: str):
    key, real = (chart_id, lang), deps.base(story)
    kept = _built.get(key)
    if kept is not None and (kept[0] is real or deps.unchanged(kept[1], real)):
        _built[key] = (real, kept[1], kept[2])
        deps.note(story, kept[1])  # a page that shows the chart read what the chart read
        return kept[2]
    recording = deps.Recording(real, {})
    try:
        module = CHARTS[chart_id]
        chart = module.build(recording, lang)
    except KeyError as exc:
        raise ChartError(f"chart '{chart_id}' needs the figure {exc}, which data/ does not have") from None
    chart = finish(chart, getattr(module, "NARROW", None), bool(getattr(module, "ZOOM", False)))
    _built[key] = (real, recording.reads, chart)
    deps.note(story, recording.reads)
    return chart


def chart_of(story, lang: str) -> dict[str, str]:
    """Figure id -> the first chart that draws it (for links that land on the point)."""
    out: dict[str, str] = {}
    for chart_id in CHARTS:
        try:
            drawn = build(chart_id, story, lang).figures
        except ChartError:
            continue  # not a link target; a page that shows this chart fails on its own
        for f in drawn:
            out.setdefault(f.id, chart_id)
    return out


def finish(chart, hints: dict | None, zoom: bool = False):
    """What every chart gets: short tooltips (base.tidy_hover), margins that grow to fit tick labels
    and titles, and its narrow layout.
    `zoom` (a module's ZOOM): the chart may be zoomed with a mouse at page width (points close
    together on a log axis); charts.js reads it from layout.meta. Every other chart, and every chart
    on a touch screen or in its narrow layout, holds its axes (fixed ranges, no drag)."""
    from o3story.render.fmt import tidy_spaces

    from .base import clear_of_marks, tidy_hover
    from .narrow import narrow

    tidy = lambda text: tidy_spaces(text, chart.lang)  # noqa: E731
    chart = replace(chart, title=tidy(chart.title), description=tidy(chart.description),
                    notes=tuple(map(tidy, chart.notes)), keys=tuple(map(tidy, chart.keys)))

    for trace in chart.figure.data:  # tooltips: each field once, however the chart joined them
        text = getattr(trace, "hovertext", None)
        if isinstance(text, str):
            trace.hovertext = tidy_hover(text, chart.lang)
        elif text is not None:
            trace.hovertext = [tidy_hover(h, chart.lang) for h in text]
    for trace in chart.figure.data:  # values beside their marks stand clear of them
        if getattr(trace, "text", None) is not None and getattr(trace, "textposition", None) is not None:
            trace.text = clear_of_marks(trace.text, trace.textposition)
    chart.figure.update_xaxes(automargin=True)
    chart.figure.update_yaxes(automargin=True)
    if zoom:
        chart.figure.layout.meta = {**(chart.figure.layout.meta or {}), "zoom": True}
    return replace(chart, narrow=narrow(chart.figure, chart.lang, hints, start=len(chart.keys)))


def views(chart) -> list[tuple[str, str]]:
    """The chart's views: its first button menu's buttons as (view id, label), the view drawn first
    first. The id is the button's `name`, the same in both languages; a page's or an embed's address
    names a view as ?view-<chart id>=<view id> (render/views.py). Empty for a chart without buttons."""
    menus = chart.figure.layout.updatemenus or ()
    if not menus:
        return []
    buttons = list(menus[0].buttons or ())
    first = menus[0].active or 0
    out = [(b.name, b.label) for b in buttons]
    return [out[first]] + [v for i, v in enumerate(out) if i != first]
