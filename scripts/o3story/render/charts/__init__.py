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


def chart_of(story, lang: str) -> dict[str, tuple[str, str | None]]:
    """Figure id -> where a link lands on its point: the first chart that draws it as a point (its id in
    a trace's customdata, which charts.js hovers), one that shows it in its first view before one that
    needs another, and the view that shows that point when it is not the view drawn first (else None).
    A figure a chart uses but does not draw as a point (a line, a derived gap, an input price beside
    the output prices drawn) is not here: its links go to its record."""
    out: dict[str, tuple[str, str | None]] = {}
    for chart_id in CHARTS:
        try:
            chart = build(chart_id, story, lang)
        except ChartError:
            continue  # not a link target; a page that shows this chart fails on its own
        for fig_id, view in points(chart):
            if fig_id not in out or (out[fig_id][1] is not None and view is None):
                out[fig_id] = (chart_id, view)  # a chart that shows it in its first view comes first
    return out


def points(chart) -> list[tuple[str, str | None]]:
    """The figure ids a chart draws as points, each with the view that shows it: None for the view
    drawn first, else the name of the first view button that makes its trace visible. A point in no
    view (a trace never shown) is left out."""
    menus = chart.figure.layout.updatemenus or ()
    buttons = list(menus[0].buttons or ()) if menus else []
    first = (menus[0].active or 0) if menus else 0

    def shown(i: int, trace, button) -> bool:
        visible = trace.visible
        if button is not None:
            method, args = button.method, list(button.args or ())
            restyle = args[0] if method in ("restyle", "update") and args else {}
            traces = args[1] if method == "restyle" and len(args) > 1 else (args[2] if method == "update" and len(args) > 2 else None)
            indices = list(range(len(chart.figure.data))) if traces is None else ([traces] if isinstance(traces, int) else list(traces))
            v = (restyle or {}).get("visible")
            if v is not None and i in indices:
                visible = v[indices.index(i) % len(v)] if isinstance(v, (list, tuple)) else v
        return visible is not False and visible != "legendonly"

    # the first view's state: the figure as built, with the first button pressed when it has one
    order = [first] + [k for k in range(len(buttons)) if k != first] if buttons else [None]
    out: dict[str, str | None] = {}
    for i, trace in enumerate(chart.figure.data):
        ids = [w for cd in (trace.customdata if trace.customdata is not None else ()) for w in str(cd).split(" ") if w]
        if not ids:
            continue
        for k in order:
            button = buttons[k] if k is not None else None
            if shown(i, trace, button):
                view = None if k is None or k == first else button.name
                for fig_id in ids:
                    if fig_id not in out or (out[fig_id] is not None and view is None):
                        out[fig_id] = view
                break
    return list(out.items())


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
