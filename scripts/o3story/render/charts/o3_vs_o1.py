"""o3 against o1 on the benchmarks of the livestream, with the released o3 as OpenAI reported it on
2025-04-16 beside December's preview; Codeforces Elo in its own panel."""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from o3story.render.fmt import value
from o3story.data.story import Story
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
# The released o3 (o3-2025-04-16) on OpenAI's 2025-04-16 page, per PAIRS category (None: not on that page).
RELEASED = ("o3-2025-04-16.swe-bench-verified.high.launch-page", "o3-2025-04-16.aime-2024.high.launch-page",
            "o3-2025-04-16.gpqa-diamond.high.launch-page", None)
RELEASED_ELO = "o3-2025-04-16.codeforces-elo.high.launch-page"
ROLES = ("baseline", "o3", "released")
ROLE_STYLE = {"baseline": ("o1", "/"), "o3": ("o3", ""), "released": ("o3-2025-04-16", ".")}


def _pattern(role: str) -> dict:
    shape = ROLE_STYLE[role][1]
    # the released o3: a solid bar with light dots over it, so that it reads as strongly as December's
    return dict(shape=shape, fillmode="overlay", fgcolor="#ffffff", size=7, solidity=0.25) if role == "released" else dict(shape=shape)
EXPERTS = "phd-experts.gpqa-diamond"
# Phone layout (charts.narrow): the Elo panel, one category, gets less height than the four benchmarks.
NARROW = dict(height=700, panels=[0.62, 0.38], text={3: "inside", 4: "inside", 5: "inside"})  # Elo bars: labels inside, clear of the panel above


def build(story: Story, lang: str) -> Chart:
    fig = make_subplots(rows=1, cols=2, column_widths=[0.74, 0.26], horizontal_spacing=0.1)
    cats = [tr(lang, ID, f"cat.{k}") for k, _, _ in PAIRS]
    drawn = []
    for role in ROLES:
        ids = [p[1] for p in PAIRS] if role == "baseline" else [p[2] for p in PAIRS] if role == "o3" else list(RELEASED)
        figs = [story.data.figure(i) if i else None for i in ids]
        drawn += [f for f in figs if f]
        color, _ = ROLE_STYLE[role]
        fig.add_trace(
            go.Bar(
                name=tr(lang, ID, f"legend.{role}"),
                x=cats,
                y=[f.value if f else None for f in figs],
                text=[label(f, lang) if f else "" for f in figs],
                # upright labels: three bars side by side leave a phone no room for level ones
                textposition="outside", textangle=-90, cliponaxis=False, textfont=dict(size=11),
                hovertext=[hover(f, story, lang) if f else "" for f in figs],
                hoverinfo="text", customdata=[f.id if f else "" for f in figs],
                marker=dict(color=style(color)[0], pattern=_pattern(role)),
                legendgroup=role,
            ),
            row=1, col=1,
        )
    elo = pick(story, *ELO, RELEASED_ELO)
    drawn += elo
    for f, role in zip(elo, ROLES):
        color, _ = ROLE_STYLE[role]
        fig.add_trace(
            go.Bar(
                x=[tr(lang, ID, "cat.codeforces")], y=[f.value], name=tr(lang, ID, f"legend.{role}"),
                text=[label(f, lang)], textposition="outside", textangle=-90, cliponaxis=False, textfont=dict(size=11),
                hovertext=[hover(f, story, lang)], hoverinfo="text", customdata=[f.id],
                marker=dict(color=style(color)[0], pattern=_pattern(role)),
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
    # Legend above the plot and slanted category names below it: on a phone four names do not fit side by
    # side, and slanted ones would run into a legend placed under them.
    fig.update_layout(**base_layout(lang, height=560, barmode="group", bargap=0.2, bargroupgap=0.05, uniformtext=dict(mode="show", minsize=10),
                                    margin=dict(l=60, r=20, t=20, b=100),
                                    legend=dict(orientation="h", yanchor="bottom", y=1.03, x=0, xanchor="left", font=dict(size=11))))
    fig.update_yaxes(title_text=tr(lang, ID, "axis.percent"), range=[0, 135], row=1, col=1)  # room above a bar for "about 96.7%" turned upright
    fig.update_yaxes(range=[0, 3400], row=1, col=2)
    # The Elo panel is named under its bars (a y-axis title there would sit on the left panel's bars on a phone).
    fig.update_xaxes(tickangle=-40, tickfont=dict(size=11), row=1, col=1)
    codeforces = tr(lang, ID, "cat.codeforces")
    fig.update_xaxes(tickmode="array", tickvals=[codeforces], ticktext=[f"{codeforces} ({tr(lang, ID, 'axis.elo')})"], tickangle=-40,
                     tickfont=dict(size=11), row=1, col=2)
    swe_o1, swe_o3 = pick(story, PAIRS[0][1], PAIRS[0][2])
    gain = story.data.figure("o3.swe-bench-verified.gain-over-o1")
    drawn.append(gain)
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title"),
        description=tr(lang, ID, "description", o3=value(swe_o3, lang), gain=value(gain, lang),
                       elo=value(elo[1], lang), elo_o1=value(elo[0], lang),
                       swe_rel=value(story.data.figure(RELEASED[0]), lang), elo_rel=value(elo[2], lang)),
        figure=fig, figures=tuple(drawn), notes=(tr(lang, ID, "note.baselines"), tr(lang, ID, "note.released")),
        sources=sources_of(story, drawn),
    )
