"""o3-mini by reasoning effort on AIME 2024 and GPQA Diamond: one trace per source, so that the
sources' disagreements stay visible; o1 and o1-mini as labelled horizontal reference lines."""

from __future__ import annotations

import html

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from o3story.render.fmt import level, value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import ORANGE_ON_LIGHT, REFERENCE, SKY_BLUE_ON_LIGHT, Chart, base_layout, hover, majority_vote, pick, sources_of, symbol, tr

ID = "o3-mini-by-effort"
EFFORTS = ("low", "medium", "high")
PANELS = ("aime", "gpqa")  # left, right
# source key -> (colour, marker, x offset within an effort so that close values stay apart).
# Okabe-Ito colours; every source has its own marker, so the legend never rests on colour alone.
SOURCE_STYLE = {
    "launch-page": ("#0072B2", "circle", 0.14),
    "simple-evals": (ORANGE_ON_LIGHT, "square", 0.0),
    "april-page": ("#CC79A7", "triangle-up", -0.14),
    "rstar2": (SKY_BLUE_ON_LIGHT, "diamond", 0.0),
    "live-demo": ("#D55E00", "star", -0.14),
}
# (panel, source key, records): OpenAI's own figures first, then third parties'.
SERIES = (
    ("aime", "launch-page", ("o3-mini.aime-2024.high.launch-page",)),
    ("aime", "april-page", ("o3-mini.aime-2024.high.o3-o4-mini-page",)),
    ("aime", "rstar2", ("o3-mini.aime-2024.medium.rstar2",)),
    ("gpqa", "simple-evals", ("o3-mini.gpqa-diamond.low.simple-evals", "o3-mini.gpqa-diamond.medium.simple-evals",
                              "o3-mini.gpqa-diamond.high.simple-evals")),
    ("gpqa", "launch-page", ("o3-mini.gpqa-diamond.high.launch-page",)),
    ("gpqa", "live-demo", ("o3-mini.gpqa-diamond.low.live-demo",)),
)
# (panel, record, label key)
REFERENCES = (
    ("aime", "o1.aime-2024", "ref.o1"),
    ("aime", "o1-mini.aime-2024.olymmath", "ref.o1-mini"),
    ("gpqa", "o1.gpqa-diamond", "ref.o1"),
)
REF_COLOR = REFERENCE
# Where each source's value labels stand in each panel (per point when a tuple): away from the point
# beside it at the same effort (sources sit 0.14 apart sideways), from the reference lines' labels at
# the left, and off the reference lines themselves: a point just under its panel's o1 line (77.2% and
# 77.0% under 78%) takes its label below it, a point just over one (83.6% over 83.3%) above it.
LABEL_AT = {
    ("aime", "launch-page"): "top right", ("aime", "april-page"): "middle left", ("aime", "rstar2"): "middle right",
    ("gpqa", "launch-page"): "bottom right", ("gpqa", "simple-evals"): ("middle right", "middle left", "bottom left"),
    ("gpqa", "live-demo"): "middle right",  # beside the star: below it the label sat on the 60% grid line
}


def x_of(fig: Figure, source: str) -> float:
    return EFFORTS.index(fig.setting.effort) + SOURCE_STYLE[source][2]


def ref_label(story: Story, ref: Figure, key: str, lang: str) -> str:
    """A reference line's label: the model and its value, with how the value was scored where a record
    says it is a majority vote (o1's AIME and GPQA, cons@64: o3-mini's points are not), as the o3-vs-o1
    chart marks the same numbers."""
    vote = majority_vote(story, ref)
    if vote:
        return tr(lang, ID, "ref.vote", model=story.data.model_label(ref.model, lang), v=value(ref, lang),
                  aggregation=vote.setting.aggregation)
    return tr(lang, ID, key, v=value(ref, lang))


def build(story: Story, lang: str) -> Chart:
    fig = make_subplots(rows=1, cols=2, shared_yaxes=True, horizontal_spacing=0.06,
                        subplot_titles=[tr(lang, ID, f"panel.{p}") for p in PANELS])
    drawn: list[Figure] = []
    shown: set[str] = set()
    for panel, source, ids in SERIES:
        figs = pick(story, *ids)
        drawn += figs
        color, marker, _ = SOURCE_STYLE[source]
        demo = source == "live-demo"
        fig.add_trace(
            go.Scatter(
                name=tr(lang, ID, f"source.{source}"), legendgroup=source, showlegend=source not in shown,
                x=[x_of(f, source) for f in figs], y=[f.value for f in figs],
                # every point carries its value: the sources' disagreements are read, not tapped
                mode="markers+text",
                text=[html.escape(tr(lang, ID, "label.demo", v=value(f, lang)) if demo else value(f, lang)) for f in figs],
                textposition=at if isinstance(at := LABEL_AT[panel, source], str) else list(at),
                # in the text's colour: the sources' colours are marks' colours (3:1), not text's (4.5:1)
                textfont=dict(size=12), cliponaxis=False,
                marker=dict(symbol=[symbol(f, marker) for f in figs], size=16 if demo else 12, color=color,
                            line=dict(width=1.5, color=color)),
                hovertext=[hover(f, story, lang) for f in figs], hoverinfo="text", customdata=[f.id for f in figs],
            ),
            row=1, col=PANELS.index(panel) + 1,
        )
        shown.add(source)
    for panel, rid, key in REFERENCES:
        ref = story.data.figure(rid)
        drawn.append(ref)
        col = PANELS.index(panel) + 1
        fig.add_trace(
            go.Scatter(
                x=[-0.4, 2.4], y=[ref.value, ref.value], mode="lines", showlegend=False,
                line=dict(color=REF_COLOR, width=1.5, dash="dot"),
                hovertext=[hover(ref, story, lang)] * 2, hoverinfo="text", name=story.data.model_label(ref.model, lang), customdata=[ref.id] * 2,
            ),
            row=1, col=col,
        )
        fig.add_annotation(
            x=-0.4, y=ref.value, xref=f"x{col if col > 1 else ''}", yref="y", xanchor="left", yanchor="bottom",
            text=html.escape(ref_label(story, ref, key, lang)), showarrow=False, font=dict(size=11),
            name="o3:keep",  # a line's label, kept on the phone's plot too (its source or scoring said)
        )
    fig.update_layout(**base_layout(lang, height=480, margin=dict(l=60, r=15, t=30, b=20)))  # l: the axis title clear of the picture's edge in a Latin font too
    fig.update_xaxes(range=[-0.45, 2.6], tickvals=list(range(len(EFFORTS))),
                     ticktext=[level(e, lang) for e in EFFORTS], zeroline=False,
                     showgrid=False)  # categories, each source's points set beside its tick: a vertical line ran through their labels
    fig.update_yaxes(range=[55, 92], dtick=5)
    fig.update_yaxes(title_text=tr(lang, ID, "axis.percent"), row=1, col=1)
    g = {f.id: f for f in drawn}
    return Chart(
        id=ID, lang=lang,
        title=tr(lang, ID, "title", aime_launch=value(g["o3-mini.aime-2024.high.launch-page"], lang),
                 aime_april=value(g["o3-mini.aime-2024.high.o3-o4-mini-page"], lang),
                 gpqa_launch=value(g["o3-mini.gpqa-diamond.high.launch-page"], lang),
                 gpqa_evals=value(g["o3-mini.gpqa-diamond.high.simple-evals"], lang)),
        description=tr(lang, ID, "description",
                       low=value(g["o3-mini.gpqa-diamond.low.simple-evals"], lang),
                       medium=value(g["o3-mini.gpqa-diamond.medium.simple-evals"], lang),
                       high=value(g["o3-mini.gpqa-diamond.high.simple-evals"], lang),
                       high_launch=value(g["o3-mini.gpqa-diamond.high.launch-page"], lang),
                       demo=value(g["o3-mini.gpqa-diamond.low.live-demo"], lang),
                       aime_launch=value(g["o3-mini.aime-2024.high.launch-page"], lang),
                       aime_april=value(g["o3-mini.aime-2024.high.o3-o4-mini-page"], lang)),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.references"), tr(lang, ID, "note.demo")),
        methods=(tr(lang, ID, "method.sources"),),
        sources=sources_of(story, drawn),
    )
