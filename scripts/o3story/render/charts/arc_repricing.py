"""ARC Prize's re-pricings of o3-preview's December 2024 runs: what the same runs were said to cost
per task, when, and on which pricing basis, beside the released o3's measured cost.

x is the date a cost was stated (a leaderboard value is dated by the copy of ARC's data file that
holds it), y the cost per task on a log axis. Every o3-preview point is the same semi-private test
run priced again, never a new measurement; the released o3 (o3-2025-04-16) is another model,
measured. The high-compute run's December cost was not published: no point is drawn for it, and
the December label says so. Each point is labelled with its value and, in short, its pricing basis
(in full in its tooltip and the notes). The title is written from the records.
"""

from __future__ import annotations

import html
from datetime import date

import plotly.graph_objects as go

from o3story.render.fmt import level, value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import Chart, base_layout, hover, label, log_axis, sources_of, style, tr, wrap

ID = "arc-repricing"
# The December runs on the semi-private set, each series in the order ARC stated its cost.
LOW = (
    "arc.o3.semi-private.low-compute.cost-per-task",  # 2024-12-20, as first published
    "arc.o3.low-compute.leaderboard-2025-04-16.cost-per-task",  # leaderboard data after the o1-pro note
    "arc.o3-preview.semi-private.low-compute.cost-per-task.revised-2025-12",  # o3-pro pricing
    "arc.o3-preview.low-compute.leaderboard-2026-06-16.cost-per-task",  # leaderboard data, not re-priced
)
HIGH = (  # December 2024: not published, so no point
    "arc.o3.high-compute.leaderboard-2025-04-16.cost-per-task",
    "arc.o3-preview.semi-private.high-compute.cost-per-task.revised-2025-12",
)
# The released o3, measured on the same set (ARC's leaderboard data), by reasoning effort.
RELEASED = (
    "arc.o3-2025-04-16.low.leaderboard-2026-06-16.cost-per-task",
    "arc.o3-2025-04-16.medium.leaderboard-2026-06-16.cost-per-task",
    "arc.o3-2025-04-16.high.leaderboard-2026-06-16.cost-per-task",
)
PRICE = "o3-pro.price-output.2025-12"  # the rate of the 2025-12-10 re-pricing, named in its basis note
# The pricing basis of each date a cost was stated (string key), told in full in the hover text.
BASIS = {
    "2024-12-20": "basis.dec",
    "2025-04-16": "basis.board-2025",
    "2025-12-10": "basis.o3-pro",
    "2026-06-16": "basis.board-2026",
}
# Each point's label: its value and its pricing basis in short (string key under "short."), where it sits.
LABEL = {
    LOW[0]: ("short.dec", "bottom right"), LOW[1]: ("short.board-2025", "bottom center"),
    LOW[2]: ("short.o3-pro", "bottom center"), LOW[3]: ("short.board-2026", "top center"),
    HIGH[0]: ("short.board-2025-high", "top center"), HIGH[1]: ("short.o3-pro", "top center"),
}
Y_RANGE = (0.1, 20000)  # $ per task: from below the released o3 to above the labels of the re-pricings
X_RANGE = ("2024-11-10", "2026-08-20")
# Phone layout (charts.narrow): no point labels (a label with its basis is wider than the plot); every
# value stays in its tooltip and the table, and every basis in the notes under the chart.
NARROW = dict(height=560, labels=False)


def _basis(date: str, story: Story, lang: str) -> str:
    return tr(lang, ID, BASIS[date], price=value(story.data.figure(PRICE), lang))


def _label(f: Figure, story: Story, lang: str) -> str:
    key, _ = LABEL[f.id]
    short = tr(lang, ID, key, price=value(story.data.figure(PRICE), lang))
    return f"{label(f, lang)}<br>{wrap(html.escape(short), lang, 34)}"


def _points(story: Story, ids: tuple[str, ...]) -> list[Figure]:
    return [story.data.figure(i) for i in ids]


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    low, high, released = _points(story, LOW), _points(story, HIGH), _points(story, RELEASED)
    price = story.data.figure(PRICE)
    dec_color, dec_sym = style("o3-preview")
    new_color, new_sym = style("o3-2025-04-16")

    def basis_line(f: Figure) -> str:
        return html.escape(f"{tr(lang, ID, 'basis')}{'：' if lang == 'zh' else ': '}{_basis(f.date.isoformat(), story, lang)}")

    for key, figs, sym, dash in (("low", low, dec_sym, "solid"), ("high", high, f"{dec_sym}-wide", "dash")):
        fig.add_trace(go.Scatter(
            x=[f.date for f in figs], y=[f.value for f in figs], mode="lines+markers+text",
            name=tr(lang, ID, f"legend.{key}"), text=[_label(f, story, lang) for f in figs],
            textposition=[LABEL[f.id][1] for f in figs],
            textfont=dict(size=11), cliponaxis=False,
            line=dict(color=dec_color, width=1.5, dash=dash),
            marker=dict(size=13, color=dec_color, symbol=sym, line=dict(width=1, color="#000000")),
            hovertext=[hover(f, story, lang) + "<br>" + basis_line(f) for f in figs], hoverinfo="text",
            customdata=[f.id for f in figs],
        ))
    fig.add_trace(go.Scatter(
        x=[f.date for f in released], y=[f.value for f in released], mode="markers+text",
        name=tr(lang, ID, "legend.released"),
        text=[html.escape(f"{level(f.setting.effort, lang)} {value(f, lang)}") for f in released],
        textposition="middle left", textfont=dict(size=11), cliponaxis=False,
        marker=dict(size=14, color=new_color, symbol=new_sym, line=dict(width=1, color="#000000")),
        hovertext=[hover(f, story, lang) + "<br>" + basis_line(f) for f in released], hoverinfo="text",
        customdata=[f.id for f in released],
    ))
    fig.update_layout(**base_layout(lang, height=600, margin=dict(l=60, r=20, t=20, b=60)))
    dates = [date.fromisoformat(d) for d in BASIS]
    fig.update_xaxes(title_text=tr(lang, ID, "axis.date"), type="date", range=list(X_RANGE), tickvals=dates,
                     ticktext=[f"{d.year}<br>{d:%m-%d}" for d in dates], showgrid=True)
    fig.update_yaxes(title_text=tr(lang, ID, "axis.cost"), **log_axis(*Y_RANGE))
    drawn = [*low, *high, *released, price]
    v = {f.id: value(f, lang) for f in drawn}
    return Chart(
        id=ID, lang=lang,
        title=tr(lang, ID, "title", dec=v[LOW[0]], board=v[LOW[1]], o3pro=v[LOW[2]], released=v[RELEASED[-1]]),
        description=tr(lang, ID, "description", dec=v[LOW[0]], board=v[LOW[1]], o3pro=v[LOW[2]], board_2026=v[LOW[3]],
                       high_board=v[HIGH[0]], high_o3pro=v[HIGH[1]], price=v[PRICE],
                       rel_low=v[RELEASED[0]], rel_medium=v[RELEASED[1]], rel_high=v[RELEASED[2]]),
        figure=fig, figures=tuple(drawn),
        notes=tuple(tr(lang, ID, "note.basis", date=d, basis=_basis(d, story, lang)) for d in BASIS)
        + (tr(lang, ID, "note.same-run"), tr(lang, ID, "note.high"), tr(lang, ID, "note.board"), tr(lang, ID, "note.released")),
        sources=sources_of(story, drawn),
    )
