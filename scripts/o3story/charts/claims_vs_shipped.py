"""December 2024 claims against independent tests of the released models, dated and sourced.

Each row pairs a December figure with a later independent measurement. Where the two are not the
same test, the chart says so beside the points (an annotation under the row), not only in a note.
"""

from __future__ import annotations

import plotly.graph_objects as go

from ..fmt import value
from ..story import Story
from .base import Chart, base_layout, hover, label, sources_of, style, symbol, tr, wrap

ID = "claims-vs-shipped"
# (row key, December claim id, [later independent test ids])
ROWS = [
    ("arc-low", "arc.o3.semi-private.low-compute.score",
     ["arc.o3-2025-04-16.low.knowledgegpt", "arc.o3-2025-04-16.medium.knowledgegpt"]),
    ("arc-high", "arc.o3.semi-private.high-compute.score",
     ["arc.o3-2025-04-16.high.leaderboard-2026-06-16.score"]),
    ("frontiermath", "o3.frontiermath", ["o3.frontiermath.epoch-2025-04"]),
]


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    drawn = []
    cats = [tr(lang, ID, f"row.{key}") for key, _, _ in ROWS]
    dec_color, dec_sym = style("o3")
    new_color, new_sym = style("o3-2025-04-16")
    claims, tests = [], []
    for (key, claim_id, test_ids), cat in zip(ROWS, cats):
        claim = story.data.figure(claim_id)
        later = [story.data.figure(t) for t in test_ids]
        drawn += [claim, *later]
        claims.append((cat, claim))
        tests += [(cat, t, ("bottom left" if i == 0 else "bottom right") if len(later) > 1 else "bottom center") for i, t in enumerate(later)]
        lo = min([claim.value] + [t.value for t in later])
        fig.add_trace(go.Scatter(
            x=[lo, claim.value], y=[cat, cat], mode="lines", line=dict(color="#999999", width=3),
            hoverinfo="skip", showlegend=False,
        ))
        # Row name above the row and its caveat below it, inside the plot: readable on a phone.
        fig.add_annotation(x=0, y=cat, xref="paper", yref="y", yshift=40, xanchor="left", showarrow=False,
                           text=f"<b>{cat}</b>", font=dict(size=12), align="left", name="o3:keep")
        fig.add_annotation(x=0, y=cat, xref="paper", yref="y", yshift=-30, xanchor="left", yanchor="top", showarrow=False,
                           text=wrap(tr(lang, ID, f"caveat.{key}"), lang), font=dict(size=11), align="left")
    fig.add_trace(go.Scatter(
        x=[c.value for _, c in claims], y=[cat for cat, _ in claims], mode="markers+text",
        name=tr(lang, ID, "legend.dec"), text=[label(c, lang) for _, c in claims], textposition="top center",
        marker=dict(size=15, color=dec_color, symbol=dec_sym, line=dict(width=1, color="#000000")),
        hovertext=[hover(c, story, lang) for _, c in claims], hoverinfo="text", customdata=[c.id for _, c in claims],
    ))
    fig.add_trace(go.Scatter(
        x=[t.value for _, t, _ in tests], y=[cat for cat, _, _ in tests], mode="markers+text",
        name=tr(lang, ID, "legend.later"),
        text=[label(t, lang) + (f" ({tr(lang, ID, 'effort.' + t.setting.effort)})" if t.setting.effort else "") for _, t, _ in tests],
        textposition=[pos for _, _, pos in tests],
        marker=dict(size=14, color=new_color, symbol=[symbol(t, new_sym) for _, t, _ in tests], line=dict(width=1, color="#000000")),
        hovertext=[hover(t, story, lang) for _, t, _ in tests], hoverinfo="text", customdata=[t.id for _, t, _ in tests],
    ))
    fig.update_layout(**base_layout(lang, height=560, margin=dict(l=20, r=20, t=20, b=20)))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.score"), range=[0, 100])
    fig.update_yaxes(autorange="reversed", showgrid=False, showticklabels=False, range=[2.9, -0.7])
    arc_low, arc_test = story.data.figure(ROWS[0][1]), story.data.figure(ROWS[0][2][0])
    fm, fm_test = story.data.figure(ROWS[2][1]), story.data.figure(ROWS[2][2][0])
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title"),
        description=tr(lang, ID, "description", arc=value(arc_low, lang), arc_test=value(arc_test, lang),
                       fm=value(fm, lang), fm_test=value(fm_test, lang)),
        figure=fig, figures=tuple(drawn), notes=(tr(lang, ID, "note.versions"), tr(lang, ID, "note.sources")),
        sources=sources_of(story, drawn),
    )
