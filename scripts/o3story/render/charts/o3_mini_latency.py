"""o3-mini's latency, one panel in seconds: the launch A/B test's measured means as bars, and the
livestream's one claim in seconds (low effort "under a second") drawn apart (hollow marker, dashed
band, "claim" in its label). The other spoken claim, medium at "half the latency of o1", has no
axis here (o1 has no latency in seconds anywhere): the page quotes it. GPT-4o and o1 have no sourced
latency and are not drawn."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from o3story.render.fmt import level, value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import ORANGE_ON_LIGHT, Chart, base_layout, hover, pick, sources_of, style, symbol, tr

ID = "o3-mini-latency"
MEASURED = ("o3-mini.latency-mean.medium.ab-test", "o1-mini.latency-mean.ab-test")
CLAIM_LOW = "o3-mini.latency-mean.low.livestream-claim"  # seconds, under 1 s
# One colour per kind, each in the legend: measured bars blue, the spoken claim orange (hollow, dashed band).
MEASURED_COLOR = style("o3-mini")[0]
CLAIM_COLOR = ORANGE_ON_LIGHT
CLAIM_FILL = "rgba(187,129,0,0.12)"  # CLAIM_COLOR, faint
# Phone layout (charts.narrow): three rows, as tall as they need.
NARROW = dict(height=290, margin=dict(r=20))  # r: "10.16 s" beside its bar kept off the picture's edge (it came within 5 px)


def row(fig: Figure, lang: str) -> str:
    if fig.setting.effort:
        return tr(lang, ID, "row.effort", model=fig.model, effort=level(fig.setting.effort, lang))
    return fig.model


def claim_text(key: str, fig: Figure, lang: str) -> str:
    return html.escape(tr(lang, ID, key, v=value(fig, lang)))


def build(story: Story, lang: str) -> Chart:
    measured = pick(story, *MEASURED)
    low = story.data.figure(CLAIM_LOW)
    fig = go.Figure()
    rows = [row(low, lang)] + [row(f, lang) for f in measured]

    # Measurements: filled bars, one colour per model (the row label names the model).
    fig.add_trace(
        go.Bar(
            name=tr(lang, ID, "legend.measured"), orientation="h",
            x=[f.value for f in measured], y=[row(f, lang) for f in measured],
            text=[html.escape(value(f, lang)) for f in measured], textposition="outside", cliponaxis=False,
            hovertext=[hover(f, story, lang) for f in measured], hoverinfo="text", customdata=[f.id for f in measured],
            marker=dict(color=MEASURED_COLOR), width=0.55,  # one colour: the row names the model, the legend the kind
        ),
    )
    # Claim 1 (seconds): a dashed band from 0 to the claimed bound, a hollow marker at the bound.
    top = len(rows) - 1  # the low-effort row is drawn on top (category index counts from the bottom)
    fig.add_shape(
        type="rect", x0=0, x1=low.value, y0=top - 0.28, y1=top + 0.28, xref="x", yref="y",
        line=dict(color=CLAIM_COLOR, width=1.5, dash="dash"), fillcolor=CLAIM_FILL, layer="below",
    )
    fig.add_trace(
        go.Scatter(
            name=tr(lang, ID, "legend.claim"), x=[low.value], y=[rows[0]], mode="markers+text",
            marker=dict(symbol=symbol(low, "circle"), size=12, color=CLAIM_COLOR, line=dict(width=2)),
            # two lines, so that the label fits a phone's plot: the claim, then what it was compared with
            text=[claim_text("label.claim_low", low, lang) + "<br>" + html.escape(tr(lang, ID, "label.claim_near"))],
            textposition="middle right", cliponaxis=False,
            hovertext=[hover(low, story, lang)], hoverinfo="text", legendgroup="claim", customdata=[low.id],
        ),
    )
    fig.update_layout(**base_layout(lang, height=300, margin=dict(l=20, r=20, t=20, b=20)))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.seconds"), range=[0, 12.5])
    # every row whole: plotly's own range ended at the claim's band, whose dashed top then lay on the
    # plot's edge, cut on a phone
    fig.update_yaxes(categoryorder="array", categoryarray=rows[::-1], range=[-0.5, len(rows) - 0.5])
    fig.update_yaxes(automargin=True)
    drawn = measured + [low]
    values = dict(o3=value(measured[0], lang), o1mini=value(measured[1], lang), low=value(low, lang))
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title", **values),
        description=tr(lang, ID, "description", **values),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.two_measurements"), tr(lang, ID, "note.unsourced")),
        methods=(tr(lang, ID, "method.ratio"),),
        sources=sources_of(story, drawn),
    )
