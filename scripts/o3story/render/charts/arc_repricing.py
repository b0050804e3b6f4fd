"""ARC Prize's re-pricings of o3-preview's December 2024 runs: what the same runs were said to cost
per task, when, and on which pricing basis, beside the released o3's measured cost.

x is the date a cost was stated (a leaderboard value is dated by the copy of ARC's data file that
holds it), y the cost per task on a log axis. Every o3-preview point is the same semi-private test
run priced again, never a new measurement; the released o3 (o3-2025-04-16) is another model,
measured. The high-compute run's December cost was not published: no point is drawn for it, and
the basis note of that date says so. The title is written from the records.
"""

from __future__ import annotations

import html

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
# The pricing basis of each date a cost was stated: (string key, note above or below the points).
# Neighbouring dates alternate, so that their notes never meet.
BASIS = {
    "2024-12-20": ("basis.dec", "bottom"),
    "2025-04-16": ("basis.board-2025", "top"),
    "2025-12-10": ("basis.o3-pro", "bottom"),
    "2026-06-16": ("basis.board-2026", "top"),
}
Y_RANGE = (0.05, 100000)  # $ per task: from below the released o3 to above the notes over the re-pricings
X_RANGE = ("2024-10-15", "2026-10-15")
# Phone layout (charts.narrow): taller, so the three released-o3 labels at one date stay apart.
NARROW = dict(height=640)


def _basis(date: str, story: Story, lang: str) -> str:
    key, _ = BASIS[date]
    return tr(lang, ID, key, price=value(story.data.figure(PRICE), lang))


def _points(story: Story, ids: tuple[str, ...]) -> list[Figure]:
    return [story.data.figure(i) for i in ids]


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    low, high, released = _points(story, LOW), _points(story, HIGH), _points(story, RELEASED)
    price = story.data.figure(PRICE)
    dec_color, dec_sym = style("o3-preview")
    new_color, new_sym = style("o3-2025-04-16")

    def basis_line(f: Figure) -> str:
        return html.escape(f"{tr(lang, ID, 'basis')}: {_basis(f.date.isoformat(), story, lang)}")

    for key, figs, sym, dash, pos in (("low", low, dec_sym, "solid", "bottom center"),
                                       ("high", high, f"{dec_sym}-wide", "dash", "top center")):
        fig.add_trace(go.Scatter(
            x=[f.date.isoformat() for f in figs], y=[f.value for f in figs], mode="lines+markers+text",
            name=tr(lang, ID, f"legend.{key}"), text=[label(f, lang) for f in figs], textposition=pos,
            textfont=dict(size=11), cliponaxis=False,
            line=dict(color=dec_color, width=1.5, dash=dash),
            marker=dict(size=13, color=dec_color, symbol=sym, line=dict(width=1, color="#000000")),
            hovertext=[hover(f, story, lang) + "<br>" + basis_line(f) for f in figs], hoverinfo="text",
            customdata=[f.id for f in figs],
        ))
    fig.add_trace(go.Scatter(
        x=[f.date.isoformat() for f in released], y=[f.value for f in released], mode="markers+text",
        name=tr(lang, ID, "legend.released"),
        text=[html.escape(f"{level(f.setting.effort, lang)} {value(f, lang)}") for f in released],
        textposition="middle left", textfont=dict(size=11), cliponaxis=False,
        marker=dict(size=14, color=new_color, symbol=new_sym, line=dict(width=1, color="#000000")),
        hovertext=[hover(f, story, lang) + "<br>" + basis_line(f) for f in released], hoverinfo="text",
        customdata=[f.id for f in released],
    ))
    # One note per date on the basis of the costs stated then; long ones become numbered notes on a phone.
    for date, (_, where) in BASIS.items():
        top = where == "top"
        fig.add_annotation(
            x=date, y=1 if top else 0, xref="x", yref="paper", yanchor="top" if top else "bottom",
            xanchor="left" if date == min(BASIS) else "right" if date == max(BASIS) else "center",
            text=wrap(html.escape(_basis(date, story, lang)), lang, 24), showarrow=False,
            font=dict(size=11), align="left",
        )
    fig.update_layout(**base_layout(lang, height=560, margin=dict(l=60, r=20, t=20, b=60)))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.date"), type="date", range=list(X_RANGE),
                     tickvals=list(BASIS), ticktext=list(BASIS), showgrid=True)
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
        notes=(tr(lang, ID, "note.same-run"), tr(lang, ID, "note.high"), tr(lang, ID, "note.board"), tr(lang, ID, "note.released")),
        sources=sources_of(story, drawn),
    )
