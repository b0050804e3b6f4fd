"""o3-mini's Codeforces Elo by reasoning effort, in OpenAI's two conflicting sets, beside o1-mini and o1.

One finding: Elo rises with effort, and the two official sets disagree at high effort. The chart
has no cost axis: no source gives a cost per Codeforces problem by effort (the livestream's
"estimated cost" axis was never published, and the price per token is the same at every effort).
Codeforces Elo against price is chart codeforces-elo-price; ARC-AGI-1's measured cost per task is
chart arc-agi-cost. (The id keeps its old name: ids are public URLs.)
"""

from __future__ import annotations

import plotly.graph_objects as go

from o3story.render.fmt import level, value
from o3story.data.story import Story
from o3story.render.i18n import t
from .base import Chart, base_layout, hover, label, sources_of, style, symbol, tr, wrap

ID = "o3-mini-elo-cost"
ELO_V1 = [
    ("o1-mini", None, "o1-mini.codeforces-elo.system-card-v1"),
    ("o3-mini", "low", "o3-mini.codeforces-elo.low.system-card-v1"),
    ("o3-mini", "medium", "o3-mini.codeforces-elo.medium.system-card-v1"),
    ("o3-mini", "high", "o3-mini.codeforces-elo.high.system-card-v1"),
    ("o1", None, "o1.codeforces-elo.system-card-v1"),
]
ELO_PAGE = ("o3-mini", "high", "o3-mini.codeforces-elo.high.launch-page")
NARROW = dict(height=460)


def category(model: str, effort: str | None, lang: str) -> str:
    return model + t(lang, "punct.paren", text=level(effort, lang)) if effort else model  # o3-mini（高）, o3-mini (high)


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    v1 = [story.data.figure(fid) for _, _, fid in ELO_V1]
    cats = [category(m, e, lang) for m, e, _ in ELO_V1]
    fig.add_trace(go.Scatter(
        x=cats, y=[f.value for f in v1], mode="markers+text", name=tr(lang, ID, "legend.v1"),
        text=[label(f, lang) for f in v1], textposition="top center",
        # one symbol for the whole set (the legend shows it); the model is on the x axis
        marker=dict(size=12, color=[style(m)[0] for m, _, _ in ELO_V1], symbol=[symbol(f, "circle") for f in v1],
                    line=dict(width=1, color="#000000")),
        hovertext=[hover(f, story, lang) for f in v1], hoverinfo="text", customdata=[f.id for f in v1],
    ))
    page = story.data.figure(ELO_PAGE[2])
    fig.add_trace(go.Scatter(
        x=[category(*ELO_PAGE[:2], lang)], y=[page.value], mode="markers+text", name=tr(lang, ID, "legend.page"),
        text=[label(page, lang)], textposition="bottom center",
        marker=dict(size=13, color=style("o3-mini")[0], symbol="star-open", line=dict(width=2)),
        hovertext=[hover(page, story, lang)], hoverinfo="text", customdata=[page.id],
    ))
    fig.update_layout(**base_layout(lang, height=420, margin=dict(l=60, r=20, t=20, b=20)))
    fig.update_yaxes(title_text=tr(lang, ID, "axis.elo"), range=[1500, 2400], tickformat=",")  # 2,000: the thousands separator
    # Model and effort on two lines, level: rotated labels of neighbours would touch.
    fig.update_xaxes(tickangle=0, tickvals=cats, ticktext=[wrap(c, lang, 8) for c in cats], tickfont=dict(size=12))
    drawn = [*v1, page]
    low, medium, high, o1 = v1[1], v1[2], v1[3], v1[4]
    values = dict(low=value(low, lang), medium=value(medium, lang), high=value(high, lang), o1=value(o1, lang),
                  high_page=value(page, lang))
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title", **values),
        description=tr(lang, ID, "description", **values),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.sets"), tr(lang, ID, "note.cost")),
        methods=(tr(lang, ID, "method.sources"),),
        sources=sources_of(story, drawn),
    )
