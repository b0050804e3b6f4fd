"""o3-mini's Codeforces Elo by effort, and a fully sourced cost frontier beside it.

No source gives a cost per Codeforces problem by effort (the livestream's "estimated cost" axis
was never published, and list price per token is the same at every effort level), so the Elo
panel has no cost axis: it shows the two official Elo sets as they conflict, and the spoken cost
claims as claims. The cost frontier is drawn where measured costs exist: ARC Prize's cost per
task on ARC-AGI-1, with the Pareto frontier computed from those coordinates.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from o3story.render.fmt import level, value
from o3story.data.story import Story
from .base import Chart, base_layout, hover, label, log_axis, pareto, sources_of, style, symbol, tr, wrap

ID = "o3-mini-elo-cost"
ELO_V1 = [
    ("o1-mini", None, "o1-mini.codeforces-elo.system-card-v1"),
    ("o3-mini", "low", "o3-mini.codeforces-elo.low.system-card-v1"),
    ("o3-mini", "medium", "o3-mini.codeforces-elo.medium.system-card-v1"),
    ("o3-mini", "high", "o3-mini.codeforces-elo.high.system-card-v1"),
    ("o1", None, "o1.codeforces-elo.system-card-v1"),
]
ELO_PAGE = ("o3-mini", "high", "o3-mini.codeforces-elo.high.launch-page")
SNAPSHOT = "leaderboard-2026-06-16"
ARC = [
    ("GPT-4o", None, "arc.gpt-4o"),
    ("o1-mini", None, "arc.o1-mini"),
    ("o3-mini", "low", "arc.o3-mini.low"),
    ("o3-mini", "medium", "arc.o3-mini.medium"),
    ("o3-mini", "high", "arc.o3-mini.high"),
]


def category(model: str, effort: str | None, lang: str) -> str:
    return f"{model} ({level(effort, lang)})" if effort else model


def arc_points(story: Story) -> list[tuple[str, str | None, object, object]]:
    out = []
    for model, effort, stem in ARC:
        score = story.data.figure(f"{stem}.{SNAPSHOT}.score")
        cost = story.data.figure(f"{stem}.{SNAPSHOT}.cost-per-task")
        out.append((model, effort, score, cost))
    return out


def build(story: Story, lang: str) -> Chart:
    fig = make_subplots(
        rows=1, cols=2, column_widths=[0.5, 0.5], horizontal_spacing=0.14,
        subplot_titles=(wrap(tr(lang, ID, "panel.elo"), lang, 34), wrap(tr(lang, ID, "panel.arc"), lang, 34)),
    )
    drawn = []
    v1 = [story.data.figure(fid) for _, _, fid in ELO_V1]
    drawn += v1
    cats = [category(m, e, lang) for m, e, _ in ELO_V1]
    fig.add_trace(go.Scatter(
        x=cats, y=[f.value for f in v1], mode="markers+text", name=tr(lang, ID, "legend.v1"),
        text=[label(f, lang) for f in v1], textposition="top center",
        # one symbol for the whole set (the legend shows it); the model is on the x axis
        marker=dict(size=12, color=[style(m)[0] for m, _, _ in ELO_V1], symbol=[symbol(f, "circle") for f in v1],
                    line=dict(width=1, color="#000000")),
        hovertext=[hover(f, story, lang) for f in v1], hoverinfo="text", customdata=[f.id for f in v1],
    ), row=1, col=1)
    page = story.data.figure(ELO_PAGE[2])
    drawn.append(page)
    fig.add_trace(go.Scatter(
        x=[category(*ELO_PAGE[:2], lang)], y=[page.value], mode="markers+text", name=tr(lang, ID, "legend.page"),
        text=[label(page, lang)], textposition="bottom center",
        marker=dict(size=13, color=style("o3-mini")[0], symbol="star-open", line=dict(width=2)),
        hovertext=[hover(page, story, lang)], hoverinfo="text", customdata=[page.id],
    ), row=1, col=1)
    fig.add_annotation(
        text=wrap(tr(lang, ID, "claim"), lang, 40), xref="x domain", yref="y domain", x=0.02, y=0.98, xanchor="left", yanchor="top",
        showarrow=False, align="left", font=dict(size=11), bordercolor="#888888", borderwidth=1, borderpad=4,
    )

    pts = arc_points(story)
    for model, effort, score, cost in pts:
        drawn += [score, cost]
    coords = [(c.value, s.value) for _, _, s, c in pts]
    front = pareto(coords)
    fig.add_trace(go.Scatter(
        x=[coords[i][0] for i in front], y=[coords[i][1] for i in front], mode="lines",
        line=dict(color="#888888", dash="dot", width=2), name=tr(lang, ID, "legend.frontier"), hoverinfo="skip",
    ), row=1, col=2)
    for model, effort, score, cost in pts:
        color, sym = style(model)
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers+text", showlegend=False,
            text=[category(model, effort, lang)], textposition="top center", textfont=dict(size=11),
            marker=dict(size=12, color=color, symbol=symbol(score, sym), line=dict(width=1, color="#000000")),
            hovertext=[hover(score, story, lang) + "<br>" + hover(cost, story, lang).split("<br>", 1)[1]], hoverinfo="text",
            customdata=[f"{score.id} {cost.id}"],
        ), row=1, col=2)
    fig.update_layout(**base_layout(lang, height=560, margin=dict(l=60, r=20, t=80, b=20)))
    fig.update_annotations(selector=dict(xref="x domain"), font_size=11)
    for a in fig.layout.annotations[:2]:  # the two panel titles
        a.font = dict(size=12)
    fig.update_yaxes(title_text=tr(lang, ID, "axis.elo"), range=[1500, 2600], row=1, col=1)
    # Model and effort on two lines, level: rotated labels of neighbours would touch.
    fig.update_xaxes(tickangle=0, tickvals=cats, ticktext=[wrap(c, lang, 8) for c in cats], tickfont=dict(size=12), row=1, col=1)
    fig.update_yaxes(title_text=tr(lang, ID, "axis.arc"), range=[0, 40], row=1, col=2)
    fig.update_xaxes(title_text=tr(lang, ID, "axis.cost"), row=1, col=2, **log_axis(0.03, 0.8))
    medium = story.data.figure("o3-mini.codeforces-elo.medium.system-card-v1")
    o1 = story.data.figure("o1.codeforces-elo.system-card-v1")
    on_front = [category(pts[i][0], pts[i][1], lang) for i in front]
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title"),
        description=tr(lang, ID, "description", medium=value(medium, lang), o1=value(o1, lang),
                       high_v1=value(v1[3], lang), high_page=value(page, lang), front=", ".join(on_front)),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.cost"), tr(lang, ID, "note.sets"), tr(lang, ID, "note.arc")),
        sources=sources_of(story, drawn),
    )
