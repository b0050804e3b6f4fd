"""o3-mini's latency: the launch A/B test's measured means as bars; the livestream's spoken claims
drawn apart (hollow marker, dashed band or line, "claim" in the label). GPT-4o and o1 have no
sourced latency and are not drawn."""

from __future__ import annotations

import html

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from o3story.render.fmt import level, value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import REFERENCE, Chart, base_layout, hover, pick, sources_of, style, symbol, tr

ID = "o3-mini-latency"
MEASURED = ("o3-mini.latency-mean.medium.ab-test", "o1-mini.latency-mean.ab-test")
CLAIM_LOW = "o3-mini.latency-mean.low.livestream-claim"  # seconds, under 1 s
CLAIM_RATIO = "o3-mini.latency-ratio.medium.livestream-claim"  # a multiple of o1's latency
CLAIM_COLOR = style("o3-mini")[0]


def row(fig: Figure, lang: str) -> str:
    if fig.setting.effort:
        return tr(lang, ID, "row.effort", model=fig.model, effort=level(fig.setting.effort, lang))
    return fig.model


def claim_text(key: str, fig: Figure, lang: str) -> str:
    return html.escape(tr(lang, ID, key, v=value(fig, lang)))


def build(story: Story, lang: str) -> Chart:
    measured = pick(story, *MEASURED)
    low, ratio = pick(story, CLAIM_LOW, CLAIM_RATIO)
    fig = make_subplots(rows=2, cols=1, row_heights=[0.68, 0.32], vertical_spacing=0.2)
    rows = [row(low, lang)] + [row(f, lang) for f in measured]

    # Measurements: filled bars, one colour per model (the row label names the model).
    fig.add_trace(
        go.Bar(
            name=tr(lang, ID, "legend.measured"), orientation="h",
            x=[f.value for f in measured], y=[row(f, lang) for f in measured],
            text=[html.escape(value(f, lang)) for f in measured], textposition="outside", cliponaxis=False,
            hovertext=[hover(f, story, lang) for f in measured], hoverinfo="text", customdata=[f.id for f in measured],
            marker=dict(color=[style(f.model)[0] for f in measured]), width=0.55,
        ),
        row=1, col=1,
    )
    # Claim 1 (seconds): a dashed band from 0 to the claimed bound, a hollow marker at the bound.
    top = len(rows) - 1  # the low-effort row is drawn on top (category index counts from the bottom)
    fig.add_shape(
        type="rect", x0=0, x1=low.value, y0=top - 0.28, y1=top + 0.28, xref="x", yref="y",
        line=dict(color=CLAIM_COLOR, width=1.5, dash="dash"), fillcolor="rgba(0,114,178,0.12)", layer="below",
    )
    fig.add_trace(
        go.Scatter(
            name=tr(lang, ID, "legend.claim"), x=[low.value], y=[rows[0]], mode="markers+text",
            marker=dict(symbol=symbol(low, "circle"), size=12, color=CLAIM_COLOR, line=dict(width=2)),
            text=[claim_text("label.claim_low", low, lang)], textposition="middle right", cliponaxis=False,
            hovertext=[hover(low, story, lang)], hoverinfo="text", legendgroup="claim", customdata=[low.id],
        ),
        row=1, col=1,
    )
    # Claim 2 (a ratio to o1's latency): its own axis, since o1 has no latency in seconds anywhere.
    ratio_row = row(ratio, lang)
    fig.add_shape(
        type="line", x0=ratio.value, x1=1, y0=0, y1=0, xref="x2", yref="y2",
        line=dict(color=CLAIM_COLOR, width=2, dash="dash"),
    )
    fig.add_shape(type="line", x0=1, x1=1, y0=0, y1=1, xref="x2", yref="y2 domain", line=dict(color=REFERENCE, width=1.5, dash="dot"))
    fig.add_annotation(x=1, y=1, xref="x2", yref="y2 domain", text=html.escape(tr(lang, ID, "label.o1")),
                       showarrow=False, xanchor="right", yanchor="top", xshift=-4, font=dict(size=12))
    fig.add_trace(
        go.Scatter(
            name=tr(lang, ID, "legend.claim"), x=[ratio.value], y=[ratio_row], mode="markers+text",
            marker=dict(symbol=symbol(ratio, "circle"), size=12, color=CLAIM_COLOR, line=dict(width=2)),
            text=[claim_text("label.claim_ratio", ratio, lang)], textposition="bottom center", cliponaxis=False,
            hovertext=[hover(ratio, story, lang) + "<br>" + html.escape(tr(lang, ID, "hover.ratio"))], hoverinfo="text",
            legendgroup="claim", showlegend=False, customdata=[ratio.id],
        ),
        row=2, col=1,
    )
    fig.update_layout(**base_layout(lang, height=480, margin=dict(l=20, r=20, t=20, b=20)))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.seconds"), range=[0, 12.5], row=1, col=1)
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], row=1, col=1)
    fig.update_xaxes(title_text=tr(lang, ID, "axis.ratio"), range=[0, 1.15], dtick=0.25, row=2, col=1)
    fig.update_yaxes(automargin=True)
    drawn = measured + [low, ratio]
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title"),
        description=tr(lang, ID, "description", o3=value(measured[0], lang), o1mini=value(measured[1], lang),
                       low=value(low, lang), ratio=value(ratio, lang)),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.two_measurements"), tr(lang, ID, "note.unsourced")),
        sources=sources_of(story, drawn),
    )
