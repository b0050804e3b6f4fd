"""ARC Prize's re-pricings of o3-preview's December 2024 runs: what the same runs were said to cost
per task, when, and on which pricing basis, beside the released o3's measured cost.

A dot plot: one row per date a cost was stated (a leaderboard value is dated by the copy of ARC's
data file that holds it), named by its date and its pricing basis in short (in full in the tooltip
and on the methods page), then one row per effort of the released o3; x is the cost per task on a
log axis, each point labelled with its value. No line joins the rows: every o3-preview point is the
same semi-private test run priced again, never a new measurement; the released o3 (o3-2025-04-16) is
another model, measured. The high-compute run's December cost was not published: no point is drawn
for it, and the December row says so. The title is written from the records.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

from o3story.render.fmt import level, month_year, number, value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import Chart, base_layout, hover, log_axis, sources_of, style, tr

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
# What the December high-compute run would cost at o1's output price (a derived estimate): the 2025-04-16
# leaderboard figure for that run is close to it, and the file does not say on what pricing it is.
O1_ESTIMATE = "arc.o3.semi-private.high-compute.cost-per-task.derived-o1-price"
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
# Each preview row's name: its date and its pricing basis in short (string key under "short.").
SHORT = {"2024-12-20": "short.dec", "2025-04-16": "short.board-2025", "2025-12-10": "short.o3-pro", "2026-06-16": "short.board-2026"}
X_RANGE = (0.1, 90000)  # $ per task: from below the released o3 to past the high-compute run's label (and its gap, base.GAP)
ROW = 48  # px per row at page width: the row's name above its points (56 took the chart past a 1280x900 screen under its six-line title)
ROW_PHONE = 56  # on a phone a row's name may wrap to two lines
# Phone layout (charts.narrow): every value stays beside its point; row names wrap to the plot's width.
NARROW = dict(height=ROW_PHONE * 7 + 250, wrap=46)


def _basis(date: str, story: Story, lang: str) -> str:
    return tr(lang, ID, BASIS[date], price=value(story.data.figure(PRICE), lang))


def _points(story: Story, ids: tuple[str, ...]) -> list[Figure]:
    return [story.data.figure(i) for i in ids]


def rows(story: Story, lang: str) -> dict[str, tuple[str, str]]:
    """Row key -> (date, what was stated then), top to bottom: one row per date a cost of the
    preview's runs was stated, then one per effort of the released o3."""
    out = {}
    for d in BASIS:
        out[d] = (d, tr(lang, ID, SHORT[d], price=value(story.data.figure(PRICE), lang)))
    for f in _points(story, RELEASED):
        out[f.id] = (f.date.isoformat(), tr(lang, ID, "row.released", effort=level(f.setting.effort, lang)))
    return out


def short_cost(f: Figure, lang: str) -> str:
    """A cost, short, as plain text: the axis, or the title's words, say per task."""
    return tr(lang, ID, "dollars", v=number(f.value, lang))


def dollars(f: Figure, lang: str) -> str:
    """A point's label: its cost, short (the axis says per task)."""
    return html.escape(short_cost(f, lang))


def row_name(row: tuple[str, str]) -> str:
    """A row's category: its date and what it holds, on one line (the phone layout wraps it)."""
    return html.escape(f"{row[0]} · {row[1]}")


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    low, high, released = _points(story, LOW), _points(story, HIGH), _points(story, RELEASED)
    price = story.data.figure(PRICE)
    dec_color, dec_sym = style("o3-preview")
    new_color, new_sym = style("o3-2025-04-16")
    table = rows(story, lang)
    names = {k: row_name(r) for k, r in table.items()}

    def basis_line(f: Figure) -> str:
        return html.escape(f"{tr(lang, ID, 'basis')}{'：' if lang == 'zh' else ': '}{_basis(f.date.isoformat(), story, lang)}")

    # One row per statement, no line between them: the same run priced again is not a trend. The low
    # run's value sits to the left of its point, the high run's to the right, so that no two labels
    # of a row meet.
    for key, figs, sym, pos in (("low", low, dec_sym, "middle left"), ("high", high, f"{dec_sym}-wide", "middle right")):
        fig.add_trace(go.Scatter(
            x=[f.value for f in figs], y=[names[f.date.isoformat()] for f in figs], mode="markers+text",
            name=tr(lang, ID, f"legend.{key}"), text=[dollars(f, lang) for f in figs], textposition=pos,
            textfont=dict(size=12), cliponaxis=False,
            marker=dict(size=13, color=dec_color, symbol=sym, line=dict(width=1, color="#000000")),
            hovertext=[hover(f, story, lang) + "<br>" + basis_line(f) for f in figs], hoverinfo="text",
            customdata=[f.id for f in figs],
        ))
    fig.add_trace(go.Scatter(
        x=[f.value for f in released], y=[names[f.id] for f in released], mode="markers+text",
        name=tr(lang, ID, "legend.released"), text=[dollars(f, lang) for f in released],
        textposition="middle right", textfont=dict(size=12), cliponaxis=False,
        marker=dict(size=14, color=new_color, symbol=new_sym, line=dict(width=1, color="#000000")),
        hovertext=[hover(f, story, lang) + "<br>" + basis_line(f) for f in released], hoverinfo="text",
        customdata=[f.id for f in released],
    ))
    # Each row's name stands above its points, from the left edge (Datawrapper's dot plot): y tick
    # labels would take half a phone's width. December's row says the high-compute cost is unpublished.
    for key, (d, what) in table.items():
        text = f"{d} · {what}"
        if key == low[0].date.isoformat():
            text = tr(lang, ID, "with_unpublished", text=text, unpublished=tr(lang, ID, "unpublished"))
        fig.add_annotation(x=0, xref="x domain", y=names[key], yref="y", xanchor="left", yanchor="bottom", yshift=10,
                           text=html.escape(text), showarrow=False, align="left", font=dict(size=12), name="o3:keep")
    order = list(names.values())
    fig.update_layout(**base_layout(lang, height=ROW * len(order) + 130, margin=dict(l=20, r=20, t=24, b=60)))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.cost"), **log_axis(*X_RANGE, lang))
    fig.update_yaxes(type="category", categoryorder="array", categoryarray=order[::-1], showgrid=False,
                     showticklabels=False, range=[-0.6, len(order) - 0.35])
    drawn = [*low, *high, *released, price]
    estimate = story.data.figure(O1_ESTIMATE)  # in the methods note and the table, not drawn
    v = {f.id: value(f, lang) for f in [*drawn, estimate]}
    return Chart(
        id=ID, lang=lang,
        # the title names the prices as the labels do, its template the unit once, and the month of the
        # leaderboard copy that still shows the first re-pricing
        title=tr(lang, ID, "title", **{k: short_cost(story.data.figure(rid), lang) for k, rid in zip(("dec", "board", "o3pro", "board_2026"), LOW)},
                 board_2026_month=month_year(story.data.figure(LOW[3]).date, lang)),
        description=tr(lang, ID, "description", dec=v[LOW[0]], board=v[LOW[1]], o3pro=v[LOW[2]], board_2026=v[LOW[3]],
                       high_board=v[HIGH[0]], high_o3pro=v[HIGH[1]], price=v[PRICE],
                       rel_low=v[RELEASED[0]], rel_medium=v[RELEASED[1]], rel_high=v[RELEASED[2]]),
        figure=fig, figures=(*drawn, estimate),
        notes=(tr(lang, ID, "note.same-run"), tr(lang, ID, "note.high")),
        methods=tuple(tr(lang, ID, "note.basis", date=d, basis=_basis(d, story, lang)) for d in BASIS)
        + (tr(lang, ID, "note.board", o1_estimate=v[O1_ESTIMATE]), tr(lang, ID, "note.released")),
        sources=sources_of(story, [*drawn, estimate]),
    )
