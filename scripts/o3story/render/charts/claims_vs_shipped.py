"""December 2024 claims against the released o3: OpenAI's own figures of 2025-04-16 and independent
tests, dated and sourced.

Each row pairs a December figure with later figures for the released model. Where the two are not the
same test or setting, the chart says so beside the points (an annotation under the row), not only in
a note. OpenAI's own figures and independent tests are separate series with their own markers.
Percent rows share one axis; Codeforces Elo has its own panel below.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from o3story.render.fmt import value
from o3story.data.story import Story
from .base import REFERENCE, Chart, base_layout, hover, label, sources_of, style, symbol, tr, wrap

ID = "claims-vs-shipped"
# (row key, December claim id, [OpenAI's own figures for the released o3], [later independent test ids])
ROWS = [
    ("aime", "o3.aime-2024", ["o3-2025-04-16.aime-2024.high.launch-page"], []),
    ("gpqa", "o3.gpqa-diamond", ["o3-2025-04-16.gpqa-diamond.high.launch-page"], []),
    ("swe", "o3.swe-bench-verified", ["o3-2025-04-16.swe-bench-verified.high.launch-page"], []),
    ("arc-low", "arc.o3.semi-private.low-compute.score", [],
     ["arc.o3-2025-04-16.low.knowledgegpt", "arc.o3-2025-04-16.medium.knowledgegpt"]),
    ("arc-high", "arc.o3.semi-private.high-compute.score", [],
     ["arc.o3-2025-04-16.high.leaderboard-2026-06-16.score"]),
    ("frontiermath", "o3.frontiermath", [], ["o3.frontiermath.epoch-2025-04"]),
]
ELO_ROW = ("codeforces", "o3.codeforces-elo", ["o3-2025-04-16.codeforces-elo.high.launch-page"], [])
# The scorecard claim (data/scorecard.yaml) each row draws: the title's conclusion counts only rows whose
# claim was re-measured on the same test (a 'not-comparable' verdict is not), so it never says more than
# the verdicts do.
ROW_CLAIMS = {"aime": "aime", "gpqa": "gpqa", "swe": "swe-bench", "arc-low": "arc-agi", "arc-high": "arc-agi",
              "frontiermath": "frontiermath", "codeforces": "codeforces"}
ROW_PX = 145  # height of one row, its name and caveat included
GAP_PX = 95  # between the two panels: the first one's ticks and axis title
BOTTOM_PX = 165  # under the second panel: its ticks and axis title, then the legend (three lines on a phone)
OWN_SYMBOL = "circle"  # OpenAI's own figures for the released o3; independent tests keep the model's star


def _panel_rows(n: int) -> tuple[float, float]:
    """The y range of a panel of n categorical rows (reversed: first row on top), with room above the
    first row for its name and below the last for its caveat."""
    return (n - 1 + 0.9, -0.7)


# Phones: values a few points apart on a 0-100 axis cannot all be labelled; tooltip and table give each.
NARROW = dict(labels=False, height=1150, panels=[0.85, 0.15])  # caveats become notes under the chart
# The 1200x675 social card (exports.card_figure): no caveats (the chart's page has them), row names as
# tick labels, values beside their points (December's to the right, the released model's to the left;
# of two later tests in a row, the second's to its right) and a gap between the panels for the first
# one's ticks and axis title at the card's height.
CARD = dict(drop_notes=True, row_ticks=True, text_size=11,
            text_position={"dec": "middle right", "own": "middle left",
                           "later": ["middle left" if i == 0 else "middle right" for *_, tests in ROWS for i, _ in enumerate(tests)]},
            layout=dict(yaxis_domain=[0.3, 1], yaxis2_domain=[0, 0.11]))


def build(story: Story, lang: str) -> Chart:
    # Pixel sizes: a row's name, points and (wrapped) caveat need ROW_PX; between the panels the first
    # panel's ticks and axis title; below the second its axis title, then the legend.
    spans = [abs(a - b) for a, b in (_panel_rows(len(ROWS)), _panel_rows(1))]
    plot_px = sum(spans) * ROW_PX + GAP_PX
    fig = make_subplots(rows=2, cols=1, row_heights=[s / sum(spans) for s in spans], vertical_spacing=GAP_PX / plot_px)
    drawn = []
    dec_color, dec_sym = style("o3")
    new_color, new_sym = style("o3-2025-04-16")
    series = {"dec": [], "own": [], "later": []}  # (panel, category, figure, text position)
    for panel, rows in ((1, ROWS), (2, [ELO_ROW])):
        yref = "y" if panel == 1 else "y2"
        for key, claim_id, own_ids, test_ids in rows:
            cat = tr(lang, ID, f"row.{key}")
            claim = story.data.figure(claim_id)
            own = [story.data.figure(t) for t in own_ids]
            later = [story.data.figure(t) for t in test_ids]
            drawn += [claim, *own, *later]
            series["dec"].append((panel, cat, claim, "top center"))
            for t in own:
                series["own"].append((panel, cat, t, "bottom center"))
            for i, t in enumerate(later):
                pos = ("bottom left" if i == 0 else "bottom right") if len(later) > 1 else "bottom center"
                series["later"].append((panel, cat, t, pos))
            lo = min([claim.value] + [t.value for t in own + later])
            fig.add_trace(go.Scatter(
                x=[lo, claim.value], y=[cat, cat], mode="lines", line=dict(color=REFERENCE, width=3),
                hoverinfo="skip", showlegend=False,
            ), row=panel, col=1)
            # Row name above the row and its caveat below it, inside the plot: readable on a phone.
            fig.add_annotation(x=0, y=cat, xref="paper", yref=yref, yshift=40, xanchor="left", showarrow=False,
                               text=f"<b>{cat}</b>", font=dict(size=12), align="left", name="o3:keep")
            fig.add_annotation(x=0, y=cat, xref="paper", yref=yref, yshift=-30, xanchor="left", yanchor="top", showarrow=False,
                               text=wrap(tr(lang, ID, f"caveat.{key}"), lang), font=dict(size=11), align="left")
    looks = {
        "dec": dict(size=15, color=dec_color, sym=lambda f: dec_sym),
        "own": dict(size=13, color=new_color, sym=lambda f: symbol(f, OWN_SYMBOL)),
        "later": dict(size=14, color=new_color, sym=lambda f: symbol(f, new_sym)),
    }
    for name, pts in series.items():
        look = looks[name]
        for panel in (1, 2):
            mine = [p for p in pts if p[0] == panel]
            if not mine:
                continue
            fig.add_trace(go.Scatter(
                x=[f.value for _, _, f, _ in mine], y=[cat for _, cat, _, _ in mine], mode="markers+text",
                name=tr(lang, ID, f"legend.{name}"), legendgroup=name, showlegend=panel == min(p[0] for p in pts),
                text=[label(f, lang) + (f" ({tr(lang, ID, 'effort.' + f.setting.effort)})" if name == "later" and f.setting.effort else "")
                      for _, _, f, _ in mine],
                textposition=[pos for _, _, _, pos in mine], cliponaxis=False,
                marker=dict(size=look["size"], color=look["color"], symbol=[look["sym"](f) for _, _, f, _ in mine],
                            line=dict(width=1, color="#000000")),
                hovertext=[hover(f, story, lang) for _, _, f, _ in mine], hoverinfo="text", customdata=[f.id for _, _, f, _ in mine],
            ), row=panel, col=1)
    fig.update_layout(**base_layout(lang, height=round(plot_px) + 20 + BOTTOM_PX, margin=dict(l=20, r=20, t=20, b=BOTTOM_PX),
                                    legend=dict(orientation="h", yanchor="top", y=-78 / plot_px, x=0, xanchor="left", font=dict(size=12))))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.score"), range=[0, 100], row=1, col=1)
    fig.update_xaxes(title_text=tr(lang, ID, "axis.elo"), range=[0, 3000], row=2, col=1)
    fig.update_yaxes(autorange="reversed", showgrid=False, showticklabels=False, range=list(_panel_rows(len(ROWS))), row=1, col=1)
    fig.update_yaxes(autorange="reversed", showgrid=False, showticklabels=False, range=list(_panel_rows(1)), row=2, col=1)
    g = {f.id: f for f in drawn}
    return Chart(
        id=ID, lang=lang, title=title(story, lang),
        description=tr(lang, ID, "description",
                       aime=value(g["o3.aime-2024"], lang), aime_own=value(g["o3-2025-04-16.aime-2024.high.launch-page"], lang),
                       elo=value(g["o3.codeforces-elo"], lang), elo_own=value(g["o3-2025-04-16.codeforces-elo.high.launch-page"], lang),
                       arc=value(g["arc.o3.semi-private.low-compute.score"], lang),
                       arc_test=value(g["arc.o3-2025-04-16.low.knowledgegpt"], lang),
                       fm=value(g["o3.frontiermath"], lang), fm_test=value(g["o3.frontiermath.epoch-2025-04"], lang)),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.versions"), tr(lang, ID, "note.own"), tr(lang, ID, "note.sources")),
        sources=sources_of(story, drawn),
    )


def title(story: Story, lang: str) -> str:
    """The title's conclusion, from the rows and the scorecard's verdicts: "every" only when every row
    re-measured on the same test has the released model below December's figure."""
    verdicts = {c.id: c.verdict for c in story.data.claims}
    same_test = [row for row in (*ROWS, ELO_ROW) if verdicts.get(ROW_CLAIMS[row[0]]) != "not-comparable"]
    lower = 0
    for _, claim_id, own_ids, test_ids in same_test:
        said = story.data.figure(claim_id)
        later = [story.data.figure(i) for i in (*own_ids, *test_ids)]
        lower += bool(later) and all(f.value < said.value for f in later)
    if lower == len(same_test):
        return tr(lang, ID, "title.every")
    return tr(lang, ID, "title.some", lower=lower, n=len(same_test))
