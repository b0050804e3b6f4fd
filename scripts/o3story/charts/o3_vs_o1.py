"""o3 against o1 on the benchmarks of the livestream; Codeforces Elo in its own panel."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..fmt import value
from ..story import Story
from .base import Chart, base_layout, hover, label, pick, sources_of, style, tr

ID = "o3-vs-o1"
# (metric label key, baseline figure, o3 figure); FrontierMath's baseline is the previous best, not o1.
PAIRS = [
    ("swe", "o1.swe-bench-verified.lifearchitect", "o3.swe-bench-verified"),
    ("aime", "o1.aime-2024", "o3.aime-2024"),
    ("gpqa", "o1.gpqa-diamond", "o3.gpqa-diamond"),
    ("frontiermath", "previous-best.frontiermath", "o3.frontiermath"),
]
ELO = ("o1.codeforces-elo", "o3.codeforces-elo")
EXPERTS = "phd-experts.gpqa-diamond"
# Phone layout (charts.narrow): the Elo panel, one category, gets less height than the four benchmarks.
NARROW = dict(height=700, panels=[0.62, 0.38])


def build(story: Story, lang: str) -> Chart:
    fig = make_subplots(rows=1, cols=2, column_widths=[0.74, 0.26], horizontal_spacing=0.1)
    cats = [tr(lang, ID, f"cat.{k}") for k, _, _ in PAIRS]
    drawn = []
    for side, role in ((1, "baseline"), (2, "o3")):
        figs = pick(story, *(p[side] for p in PAIRS))
        drawn += figs
        color, _ = style("o1" if role == "baseline" else "o3")
        fig.add_trace(
            go.Bar(
                name=tr(lang, ID, f"legend.{role}"),
                x=cats,
                y=[f.value for f in figs],
                text=[label(f, lang) for f in figs],
                textposition="outside", cliponaxis=False, textfont=dict(size=12),
                hovertext=[hover(f, story, lang) for f in figs],
                hoverinfo="text", customdata=[f.id for f in figs],
                marker=dict(color=color, pattern=dict(shape="" if role == "o3" else "/")),
                legendgroup=role,
            ),
            row=1, col=1,
        )
    elo = pick(story, *ELO)
    drawn += elo
    for f, role in zip(elo, ("baseline", "o3")):
        color, _ = style("o1" if role == "baseline" else "o3")
        fig.add_trace(
            go.Bar(
                x=[tr(lang, ID, "cat.codeforces")], y=[f.value], name=tr(lang, ID, f"legend.{role}"),
                text=[label(f, lang)], textposition="outside", cliponaxis=False, textfont=dict(size=12), hovertext=[hover(f, story, lang)], hoverinfo="text", customdata=[f.id],
                marker=dict(color=color, pattern=dict(shape="" if role == "o3" else "/")),
                legendgroup=role, showlegend=False,
            ),
            row=1, col=2,
        )
    experts = story.data.figure(EXPERTS)
    drawn.append(experts)
    gpqa = cats[2]
    fig.add_trace(
        go.Scatter(
            x=[gpqa, gpqa], y=[experts.value, experts.value], mode="markers",
            marker=dict(symbol="line-ew-open", size=40, color="#000000", line=dict(width=2)),
            name=tr(lang, ID, "legend.experts"), hovertext=[hover(experts, story, lang)] * 2, hoverinfo="text", customdata=[experts.id] * 2,
        ),
        row=1, col=1,
    )
    fig.update_layout(**base_layout(lang, barmode="group", bargap=0.25, uniformtext=dict(mode="show", minsize=11)))
    fig.update_yaxes(title_text=tr(lang, ID, "axis.percent"), range=[0, 110], row=1, col=1)
    fig.update_yaxes(title_text=tr(lang, ID, "axis.elo"), range=[0, 3100], row=1, col=2)
    swe_o1, swe_o3 = pick(story, PAIRS[0][1], PAIRS[0][2])
    gain = story.data.figure("o3.swe-bench-verified.gain-over-o1")
    drawn.append(gain)
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title"),
        description=tr(lang, ID, "description", o3=value(swe_o3, lang), gain=value(gain, lang),
                       elo=value(elo[1], lang), elo_o1=value(elo[0], lang)),
        figure=fig, figures=tuple(drawn), notes=(tr(lang, ID, "note.baselines"),),
        sources=sources_of(story, drawn),
    )
