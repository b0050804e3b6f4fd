"""ARC-AGI-1 score against cost per task (log x): December 2024's o3 preview as published, and the
released o3 (o3-2025-04-16) at the cost ARC measured for it.

The high-compute run's cost was not published: its score is drawn as a line from the low run's
cost to the edge of the axis with an arrow, named "cost not published" in the legend, never as a point at an
invented cost. ARC's later re-pricing of the same runs can be switched on without replacing the
December figures; in that view the runs have a price, so the "not published" arrows are hidden.
"""

from __future__ import annotations

import html

import plotly.graph_objects as go

from o3story.render.fmt import number, value
from o3story.data.story import Story
from .base import Chart, base_layout, hover, label, log_axis, sources_of, style, symbol, tr, wrap

ID = "arc-agi-cost"
HUMAN_AVERAGE = "arc.human-panel.average.arc-agi-2-launch"
# With a mouse at page width the chart zooms (the three o1 efforts and GPT-4o sit close together
# at the cheap end of the log cost axis); charts.js gives it a visible reset.
ZOOM = True
X_MAX = 20000
ARROW_END = 2000  # where a "cost not published" arrow ends: the score's label stands to its right, inside the axis
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
# The released o3 on the same semi-private set, by reasoning effort (ARC's leaderboard data): (effort, stem)
RELEASED = [(e, f"arc.o3-2025-04-16.{e}.leaderboard-2026-06-16") for e in ("low", "medium", "high")]
# Where each re-priced point's cost sits, clear of December's labels and of each other.
REPRICED_TEXT = {"semi-low": "bottom center", "public-low": "bottom center", "semi-high": "bottom left", "public-high": "top left"}
TARGET = "arc.grand-prize-target"
# Phone layout (charts.narrow): taller, for the stacked buttons and the six-entry legend.
# The target line's label wraps narrow, so that it stays left of the o3 runs' labels.
# Trace 2, the semi-private run's arrow: its score level with the head on a phone, clear of the public
# low run's label ("82.8% · $17") that reaches far right on a narrow axis.
NARROW = dict(height=660, wrap=18, text={2: "middle right"})
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
            # right of the point: to its left, below the target line, stands that line's label
            # score and cost, both named by the title: "75.7% · $20"
            text=[html.escape(tr(lang, ID, "label.point", score=value(score, lang), cost=tr(lang, ID, "dollars", v=number(cost.value, lang))))],
            textposition="middle right",
            marker=dict(size=14, color=color, symbol=sym if key == "semi" else "diamond-wide", line=dict(width=1, color="#000000")),
            hovertext=[hover(score, story, lang) + "<br>" + hover(cost, story, lang).split("<br>", 1)[1]], hoverinfo="text",
            legendgroup="dec", customdata=[f"{score.id} {cost.id}"],
        ))
    arrows = []  # trace indices of the "cost not published" arrows: hidden once the runs are re-priced
    for key, sid, cid in O3_HIGH:
        score, low_cost = story.data.figure(sid), story.data.figure(cid)
        drawn.append(score)
        # opacity=1: with a size per point plotly takes the trace for a bubble chart and draws it at 0.7,
        # too faint for 3:1 against either theme's background.
        # cost unknown: a dotted run from the low-compute run's cost to the axis edge, ending in an arrow
        # that carries the score (the public run's label above its line, the semi-private run's below,
        # 4 points apart).
        arrows.append(len(fig.data))
        fig.add_trace(go.Scatter(
            x=[low_cost.value, ARROW_END], y=[score.value, score.value], mode="lines+markers+text",
            line=dict(color=color, dash="dot", width=2), marker=dict(symbol=["line-ns-open", "arrow-right"], size=[10, 14], color=color, opacity=1),
            # the score beside the arrow's head; "cost not published" in the legend, tooltip and first note
            # (beside the head it ran into the human panel's and the target's labels on a phone)
            # right of the head, the public run's above its line and the semi-private's below (4 points apart): they never meet
            # the target line's label (far left) or the human panel's (left of its point)
            text=["", label(score, lang)], textposition="top right" if key == "public" else "bottom right",
            textfont=dict(size=11), cliponaxis=False,
            name=tr(lang, ID, f"legend.high.{key}"), hovertext=[hover(score, story, lang) + "<br>" + tr(lang, ID, "unknown")] * 2,
            hoverinfo="text", legendgroup="dec", customdata=[score.id] * 2,
        ))
    # The released o3 at the cost ARC measured for it: another model, measured, its own marker.
    rel_color, rel_sym = style("o3-2025-04-16")
    rel = [(e, story.data.figure(f"{stem}.score"), story.data.figure(f"{stem}.cost-per-task")) for e, stem in RELEASED]
    for _, score, cost in rel:
        drawn += [score, cost]
    fig.add_trace(go.Scatter(
        x=[c.value for _, _, c in rel], y=[s.value for _, s, _ in rel], mode="markers+text", name=tr(lang, ID, "legend.released"),
        text=[html.escape(tr(lang, ID, "label.released", effort=tr(lang, ID, "effort." + e), score=value(s, lang),
                             cost=tr(lang, ID, "dollars", v=number(c.value, lang)))) for e, s, c in rel],
        textposition="middle right",
        textfont=dict(size=11), cliponaxis=False,
        marker=dict(size=14, color=rel_color, symbol=rel_sym, line=dict(width=1, color="#000000")),
        hovertext=[hover(s, story, lang) + "<br>" + hover(c, story, lang).split("<br>", 1)[1] for _, s, c in rel], hoverinfo="text",
        customdata=[f"{s.id} {c.id}" for _, s, c in rel],
    ))
    for model, effort, stem in OTHERS:
        score, cost = story.data.figure(f"{stem}.{SNAPSHOT}.score"), story.data.figure(f"{stem}.{SNAPSHOT}.cost-per-task")
        drawn += [score, cost]
        c, s = style(model)
        shown = story.data.model_label(model, lang)  # "human panel" is 人类测试组 on a Chinese page
        name = f"{shown} ({tr(lang, ID, 'effort.' + effort)})" if effort else shown
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
                  annotation_text=wrap(tr(lang, ID, "target", v=value(target, lang)), lang, 30), annotation_position="bottom left",  # below the line: the o3 runs are above it
                  annotation_font_size=11, annotation_name="o3:keep")
    # Later re-pricing, hidden until switched on: hollow markers, so they never pass for December's figures.
    first_repriced = len(fig.data)
    for key, sid, cid in REPRICED:
        score, cost = story.data.figure(sid), story.data.figure(cid)
        drawn.append(cost)
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers+text", visible=False, name=tr(lang, ID, "legend.repriced"),
            text=[html.escape(tr(lang, ID, "dollars", v=number(cost.value, lang)))], textposition=REPRICED_TEXT[key],
            textfont=dict(size=11), cliponaxis=False,
            marker=dict(size=14, color=color, symbol=f"{sym}-open", line=dict(width=2)),
            hovertext=[hover(cost, story, lang)], hoverinfo="text", showlegend=key == "semi-low", legendgroup="repriced",
            customdata=[cost.id],
        ))
    n = len(fig.data)
    dec_only = [True] * first_repriced + [False] * (n - first_repriced)
    both = [i not in arrows for i in range(n)]  # priced: no "cost not published" arrow beside the prices
    fig.update_layout(**base_layout(
        lang, height=520, margin=dict(l=60, r=20, t=50, b=60),
        updatemenus=[dict(
            type="buttons", direction="right", x=0, y=1.12, xanchor="left", yanchor="top", showactive=True,
            buttons=[
                dict(label=tr(lang, ID, "button.dec"), name="december", method="restyle", args=[{"visible": dec_only}]),
                dict(label=tr(lang, ID, "button.repriced"), name="repriced", method="restyle", args=[{"visible": both}]),
            ],
        )],
    ))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.cost"), **log_axis(0.02, X_MAX, lang))
    fig.update_yaxes(title_text=tr(lang, ID, "axis.score"), range=[0, 100])
    low = story.data.figure(O3_DEC[0][1])
    low_cost = story.data.figure(O3_DEC[0][2])
    high = story.data.figure(O3_HIGH[0][1])
    human = story.data.figure(f"arc.human-panel.{SNAPSHOT}.score")
    human_avg = story.data.figure(HUMAN_AVERAGE)  # the panel's average: 98% is at least two people per task
    drawn.append(human_avg)
    _, rel_high, rel_high_cost = rel[-1]
    values = dict(low=value(low, lang), cost=value(low_cost, lang), high=value(high, lang), target=value(target, lang),
                  human=value(human, lang), human_avg=value(human_avg, lang), rel=value(rel_high, lang), rel_cost=value(rel_high_cost, lang),
                  rel_low=value(rel[0][1], lang), rel_low_cost=value(rel[0][2], lang))
    ratio = story.data.figure("arc.o3.compute-ratio")
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title", **values),
        description=tr(lang, ID, "description", **values),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.unknown"), tr(lang, ID, "note.target", target=value(target, lang))),
        methods=(tr(lang, ID, "method.ratio", ratio=value(ratio, lang)), tr(lang, ID, "method.others"),
                 tr(lang, ID, "method.repriced"), tr(lang, ID, "method.released")),
        sources=sources_of(story, drawn),
    )
