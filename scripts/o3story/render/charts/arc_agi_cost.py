"""ARC-AGI-1 score against cost per task (log x), as published in December 2024.

The high-compute run's cost was not published: its score is drawn as a line from the low run's
cost to the edge of the axis with an arrow, never as a point at an invented cost. ARC's later
re-pricing of the same runs can be switched on without replacing the December figures.
"""

from __future__ import annotations

import plotly.graph_objects as go

from o3story.render.fmt import value
from o3story.data.story import Story
from .base import Chart, base_layout, hover, label, log_axis, sources_of, style, symbol, tr, wrap

ID = "arc-agi-cost"
# With a mouse at page width the chart zooms (the three o1 efforts and GPT-4o sit close together
# at the cheap end of the log cost axis); charts.js gives it a visible reset.
ZOOM = True
X_MAX = 20000
# December 2024, as published by ARC Prize: (label key, score id, cost id)
O3_DEC = [
    ("semi", "arc.o3.semi-private.low-compute.score", "arc.o3.semi-private.low-compute.cost-per-task"),
    ("public", "arc.o3.public.low-compute.score", "arc.o3.public.low-compute.cost-per-task"),
]
O3_HIGH = [
    ("semi", "arc.o3.semi-private.high-compute.score", "arc.o3.semi-private.low-compute.cost-per-task"),
    ("public", "arc.o3.public.high-compute.score", "arc.o3.public.low-compute.cost-per-task"),
]
# Other models on ARC's leaderboard (copy of 2025-04-16, the closest to December): (model, effort, stem)
OTHERS = [
    ("o1", "low", "arc.o1.low"), ("o1", "medium", "arc.o1.medium"), ("o1", "high", "arc.o1.high"),
    ("o1-pro", None, "arc.o1-pro"), ("GPT-4o", None, "arc.gpt-4o"), ("human panel", None, "arc.human-panel"),
]
SNAPSHOT = "leaderboard-2025-04-16"
REPRICED = [
    ("semi-low", "arc.o3.semi-private.low-compute.score", "arc.o3-preview.semi-private.low-compute.cost-per-task.revised-2025-12"),
    ("semi-high", "arc.o3.semi-private.high-compute.score", "arc.o3-preview.semi-private.high-compute.cost-per-task.revised-2025-12"),
    ("public-low", "arc.o3.public.low-compute.score", "arc.o3-preview.public.low-compute.cost-per-task.revised-2025-12"),
    ("public-high", "arc.o3.public.high-compute.score", "arc.o3-preview.public.high-compute.cost-per-task.revised-2025-12"),
]
TARGET = "arc.grand-prize-target"
# Phone layout (charts.narrow): taller, for the stacked buttons and the four-entry legend.
NARROW = dict(height=600)
# Where each other model's name sits beside its point, so that the three o1 efforts stay apart.
OTHER_TEXT = {"arc.o1.low": "bottom center", "arc.o1.medium": "middle left", "arc.o1.high": "top right",
              "arc.gpt-4o": "top right", "arc.human-panel": "middle left", "arc.o1-pro": "bottom center"}


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    drawn = []
    color, sym = style("o3")
    for key, sid, cid in O3_DEC:
        score, cost = story.data.figure(sid), story.data.figure(cid)
        drawn += [score, cost]
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers+text", name=tr(lang, ID, f"legend.o3.{key}"),
            text=[label(score, lang)], textposition="middle left",
            marker=dict(size=14, color=color, symbol=sym if key == "semi" else "diamond-wide", line=dict(width=1, color="#000000")),
            hovertext=[hover(score, story, lang) + "<br>" + hover(cost, story, lang).split("<br>", 1)[1]], hoverinfo="text",
            legendgroup="dec", customdata=[f"{score.id} {cost.id}"],
        ))
    for key, sid, cid in O3_HIGH:
        score, low_cost = story.data.figure(sid), story.data.figure(cid)
        drawn.append(score)
        # opacity=1: with a size per point plotly takes the trace for a bubble chart and draws it at 0.7,
        # too faint for 3:1 against either theme's background.
        # cost unknown: a dotted run from the low-compute run's cost to the axis edge, ending in an arrow
        fig.add_trace(go.Scatter(
            x=[low_cost.value, X_MAX * 0.9], y=[score.value, score.value], mode="lines+markers",
            line=dict(color=color, dash="dot", width=2), marker=dict(symbol=["line-ns-open", "arrow-right"], size=[10, 14], color=color, opacity=1),
            name=tr(lang, ID, f"legend.high.{key}"), hovertext=[hover(score, story, lang) + "<br>" + tr(lang, ID, "unknown")] * 2,
            hoverinfo="text", legendgroup="dec", customdata=[score.id] * 2,
        ))
        # The public run's label sits above its line; the semi-private run's, lower down with an arrow
        # to its line, clear of the 85% target line between them. On a phone both become notes.
        above = key == "public"
        fig.add_annotation(x=3.3, y=score.value, xref="x", yref="y", text=f"{label(score, lang)} · {tr(lang, ID, 'unknown')}",
                           showarrow=not above, ax=0, ay=40, arrowhead=0, arrowwidth=1, arrowcolor=color,
                           yshift=11 if above else 0, font=dict(size=11), xanchor="center", name="o3:note")
    for model, effort, stem in OTHERS:
        score, cost = story.data.figure(f"{stem}.{SNAPSHOT}.score"), story.data.figure(f"{stem}.{SNAPSHOT}.cost-per-task")
        drawn += [score, cost]
        c, s = style(model)
        name = f"{model} ({tr(lang, ID, 'effort.' + effort)})" if effort else model
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers+text", name=name, text=[name],
            textposition=OTHER_TEXT.get(stem, "bottom center"),
            textfont=dict(size=11), marker=dict(size=11, color=c, symbol=symbol(score, s), line=dict(width=1, color="#000000")),
            hovertext=[hover(score, story, lang) + "<br>" + hover(cost, story, lang).split("<br>", 1)[1]], hoverinfo="text",
            showlegend=False, customdata=[f"{score.id} {cost.id}"],
        ))
    target = story.data.figure(TARGET)
    drawn.append(target)
    fig.add_hline(y=target.value, line=dict(color="#888888", dash="dash", width=1.5),
                  annotation_text=wrap(tr(lang, ID, "target", v=value(target, lang)), lang, 30), annotation_position="top left",
                  annotation_font_size=11)
    # Later re-pricing, hidden until switched on: hollow markers, so they never pass for December's figures.
    first_repriced = len(fig.data)
    for key, sid, cid in REPRICED:
        score, cost = story.data.figure(sid), story.data.figure(cid)
        drawn.append(cost)
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers", visible=False, name=tr(lang, ID, "legend.repriced"),
            marker=dict(size=14, color=color, symbol=f"{sym}-open", line=dict(width=2)),
            hovertext=[hover(cost, story, lang)], hoverinfo="text", showlegend=key == "semi-low", legendgroup="repriced",
            customdata=[cost.id],
        ))
    n = len(fig.data)
    dec_only = [True] * first_repriced + [False] * (n - first_repriced)
    both = [True] * n
    fig.update_layout(**base_layout(
        lang, height=520, margin=dict(l=60, r=20, t=50, b=60),
        updatemenus=[dict(
            type="buttons", direction="right", x=0, y=1.12, xanchor="left", yanchor="top", showactive=True,
            buttons=[
                dict(label=tr(lang, ID, "button.dec"), method="restyle", args=[{"visible": dec_only}]),
                dict(label=tr(lang, ID, "button.repriced"), method="restyle", args=[{"visible": both}]),
            ],
        )],
    ))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.cost"), **log_axis(0.02, X_MAX))
    fig.update_yaxes(title_text=tr(lang, ID, "axis.score"), range=[0, 100])
    low = story.data.figure(O3_DEC[0][1])
    low_cost = story.data.figure(O3_DEC[0][2])
    high = story.data.figure(O3_HIGH[0][1])
    human = story.data.figure(f"arc.human-panel.{SNAPSHOT}.score")
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title"),
        description=tr(lang, ID, "description", low=value(low, lang), cost=value(low_cost, lang), high=value(high, lang),
                       target=value(target, lang), human=value(human, lang)),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.unknown"), tr(lang, ID, "note.target"), tr(lang, ID, "note.others"), tr(lang, ID, "note.repriced")),
        sources=sources_of(story, drawn),
    )
