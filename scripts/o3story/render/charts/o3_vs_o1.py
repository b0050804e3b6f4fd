"""o3 against o1 on the benchmarks of the livestream, with the released o3 as OpenAI reported it on
2025-04-16 beside December's preview; Codeforces Elo in its own panel.

The baseline bar of each benchmark is drawn as what it is: o1 as said on stream; o1 where OpenAI's
own table says that number is a majority vote (cross-hatched, "cons@64" on the bar: a record of the
same value with that aggregation, found in data/); FrontierMath's previous best of all models, grey,
its own series (it is not o1)."""

from __future__ import annotations

import html

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from o3story.render.fmt import value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import Chart, base_layout, hover, label, majority_vote, pick, sources_of, style, tr

ID = "o3-vs-o1"
# (metric label key, baseline figure, o3 figure); FrontierMath's baseline is the previous best, not o1.
PAIRS = [
    ("swe", "o1.swe-bench-verified.o3-o4-mini-page", "o3.swe-bench-verified"),  # OpenAI's own figure; LifeArchitect gave the same for the December slide
    ("aime", "o1.aime-2024", "o3.aime-2024"),
    ("gpqa", "o1.gpqa-diamond", "o3.gpqa-diamond"),
    ("frontiermath", "previous-best.frontiermath.transcript", "o3.frontiermath.transcript"),  # "less than 2%", as said (the video)
]
ELO = ("o1.codeforces-elo", "o3.codeforces-elo")
# The released o3 (o3-2025-04-16) on OpenAI's 2025-04-16 page, per PAIRS category (None: not on that page).
RELEASED = ("o3-2025-04-16.swe-bench-verified.high.launch-page", "o3-2025-04-16.aime-2024.high.launch-page",
            "o3-2025-04-16.gpqa-diamond.high.launch-page", None)
RELEASED_ELO = "o3-2025-04-16.codeforces-elo.high.launch-page"
# Bar series, in legend order. The baseline slot of each benchmark holds one of three series, each
# with its own identity: o1 as said on stream, o1 where that number is a majority vote (the record
# of the same value whose setting says cons@...), and FrontierMath's previous best of all models.
ROLES = ("o1", "o1-vote", "previous-best", "o3", "released")
ROLE_STYLE = {"o1": ("o1", "/"), "o1-vote": ("o1", "x"), "previous-best": ("previous best", ""), "o3": ("o3", ""),
              "released": ("o3-2025-04-16", ".")}
# Bars in one benchmark's slot: the three baseline series share one place (plotly's offsetgroup).
OFFSET = {"o1": "baseline", "o1-vote": "baseline", "previous-best": "baseline", "o3": "o3", "released": "released"}
PREVIOUS_BEST = "previous best"  # the model name of FrontierMath's baseline record


def _pattern(role: str) -> dict:
    shape = ROLE_STYLE[role][1]
    # the released o3: a solid bar with light dots over it, so that it reads as strongly as December's
    if role == "released":
        return dict(shape=shape, fillmode="overlay", fgcolor="#ffffff", size=7, solidity=0.25)
    if role == "o1-vote":  # a light cross-hatch over o1's colour: o1, scored another way
        return dict(shape=shape, fillmode="overlay", fgcolor="#ffffff", size=6, solidity=0.35)
    return dict(shape=shape)


def role_of(story: Story, fig: Figure) -> str:
    """Which baseline series a baseline record belongs to."""
    if fig.model == PREVIOUS_BEST:
        return "previous-best"
    return "o1-vote" if majority_vote(story, fig) else "o1"


EXPERTS = "phd-experts.gpqa-diamond"
WIDE_HEIGHT = 536  # px at page width: with the title, one 1280x900 screen
# Phone layout (charts.narrow): the Elo panel, one category, gets less height than the four benchmarks.
# The Elo bars (traces 5-7, after the five series of the benchmark panel): once stacked, the panel
# spans the width, so their labels lie level above the bars (inside, on a hatched bar, they could not be read).
NARROW = dict(height=740, panels=[0.8, 0.2], legend="top", margin=dict(r=100))  # bars at least ~20 px: labels of neighbours apart


def _bar_text(story: Story, fig: Figure, lang: str) -> str:
    vote = majority_vote(story, fig) if fig.model != PREVIOUS_BEST else None
    if vote:
        return html.escape(tr(lang, ID, "label.vote", v=value(fig, lang), aggregation=vote.setting.aggregation))
    return label(fig, lang)


def build(story: Story, lang: str) -> Chart:
    # Horizontal bars, one row per benchmark, on a 0-100 axis; Codeforces Elo in a panel of its own below,
    # each panel's height from its number of rows (four benchmarks, one Elo row).
    # the gap holds the upper panel's tick labels and axis title in the downloaded picture too, whose type is larger
    fig = make_subplots(rows=2, cols=1, row_heights=[0.78, 0.22], vertical_spacing=0.22)
    cats = [tr(lang, ID, f"cat.{k}") for k, _, _ in PAIRS]
    drawn = []
    series: dict[str, list] = {role: [None] * len(PAIRS) for role in ROLES}
    for i, (_, base_id, o3_id) in enumerate(PAIRS):
        base = story.data.figure(base_id)
        series[role_of(story, base)][i] = base
        series["o3"][i] = story.data.figure(o3_id)
        series["released"][i] = story.data.figure(RELEASED[i]) if RELEASED[i] else None
    for role in ROLES:
        figs = series[role]
        for f in figs:
            if f:
                drawn.append(f)
                vote = majority_vote(story, f) if role == "o1-vote" else None
                if vote:
                    drawn.append(vote)  # the record that says so: in the table beside the bar
        color, _ = ROLE_STYLE[role]
        votes = [majority_vote(story, f) if (f and role == "o1-vote") else None for f in figs]
        fig.add_trace(
            go.Bar(
                name=tr(lang, ID, f"legend.{role}"),
                y=cats, orientation="h",
                x=[f.value if f else None for f in figs],
                text=[_bar_text(story, f, lang) if f else "" for f in figs],
                # level labels outside the bar's end, never shrunk nor moved inside (a hatched bar hides them)
                textposition="outside", textangle=0, constraintext="none", cliponaxis=False, textfont=dict(size=11),
                hovertext=[(hover(f, story, lang) + ("<br>" + html.escape(tr(lang, ID, "hover.vote", aggregation=v.setting.aggregation,
                                                                             source=story.data.source(v.source).publisher_in(lang))) if v else ""))
                           if f else "" for f, v in zip(figs, votes)],
                hoverinfo="text", customdata=[(f"{f.id} {v.id}" if v else f.id) if f else "" for f, v in zip(figs, votes)],
                marker=dict(color=style(color)[0], pattern=_pattern(role)),
                offsetgroup=OFFSET[role], legendgroup=role,
            ),
            row=1, col=1,
        )
    elo = pick(story, *ELO, RELEASED_ELO)
    drawn += elo
    for f, role in zip(elo, ("o1", "o3", "released")):
        color, _ = ROLE_STYLE[role]
        fig.add_trace(
            go.Bar(
                y=[tr(lang, ID, "cat.codeforces")], x=[f.value], orientation="h", name=tr(lang, ID, f"legend.{role}"),
                text=[label(f, lang)], textposition="outside", textangle=0, constraintext="none", cliponaxis=False, textfont=dict(size=11),
                hovertext=[hover(f, story, lang)], hoverinfo="text", customdata=[f.id],
                marker=dict(color=style(color)[0], pattern=_pattern(role)),
                offsetgroup=OFFSET[role], legendgroup=role, showlegend=False,
            ),
            row=2, col=1,
        )
    experts = story.data.figure(EXPERTS)
    drawn.append(experts)
    gpqa = cats[2]
    fig.add_trace(
        go.Scatter(
            y=[gpqa, gpqa], x=[experts.value, experts.value], mode="markers",
            marker=dict(symbol="line-ns-open", size=40, color="#000000", line=dict(width=2)),
            name=tr(lang, ID, "legend.experts", v=value(experts, lang)), hovertext=[hover(experts, story, lang)] * 2, hoverinfo="text", customdata=[experts.id] * 2,
        ),
        row=1, col=1,
    )
    # Legend above the panels (the key before the bars it explains), its entries close together (plotly's
    # default 10 px between legend groups took ~50 px more above the bars and pushed the chart past a
    # 1280x900 screen); labels right of each bar's end, in the right margin when a bar runs near 100.
    fig.update_layout(**base_layout(lang, height=WIDE_HEIGHT, barmode="group", bargap=0.14, bargroupgap=0,
                                    margin=dict(l=60, r=70, t=20, b=36),
                                    legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0, xanchor="left", font=dict(size=11), tracegroupgap=2)))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.percent"), range=[0, 100], dtick=20, row=1, col=1)
    fig.update_xaxes(title_text=tr(lang, ID, "axis.elo"), range=[0, 3000], dtick=1000, tickformat=",", row=2, col=1)
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=12), row=1, col=1)  # SWE-bench first, as on stream
    fig.update_yaxes(autorange="reversed", tickfont=dict(size=12), row=2, col=1)  # o1, then o3: as in the panel above
    swe_o1, swe_o3 = pick(story, PAIRS[0][1], PAIRS[0][2])
    gain = story.data.figure("o3.swe-bench-verified.gain-over-o1")
    drawn.append(gain)
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title"),
        description=tr(lang, ID, "description", o3=value(swe_o3, lang), gain=value(gain, lang),
                       elo=value(elo[1], lang), elo_o1=value(elo[0], lang),
                       swe_rel=value(story.data.figure(RELEASED[0]), lang), elo_rel=value(elo[2], lang)),
        figure=fig, figures=tuple(drawn), notes=(tr(lang, ID, "note.baselines"), tr(lang, ID, "note.released")),
        methods=(tr(lang, ID, "method.released"),),
        sources=sources_of(story, drawn),
    )
