"""ARC-AGI-1 score against cost per task (log x): December 2024's o3 preview as published, and the
released o3 (o3-2025-04-16) at the cost ARC measured for it.

The high-compute run's cost was not published: its score is drawn as a line from the low run's
cost to the edge of the axis with an arrow, named "cost not published" in the legend, never as a point at an
invented cost. ARC's later re-pricing of the same runs can be switched on without replacing the
December figures; in that view the runs have a price, so the "not published" arrows are hidden.
"""

from __future__ import annotations

import html
import math

import plotly.graph_objects as go

from o3story.render.fmt import number, value
from o3story.data.story import Story
from o3story.render.i18n import t
from .base import REFERENCE, Chart, base_layout, hover, label, log_axis, sources_of, style, symbol, tr

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
# The re-priced cost that does not fit the re-pricing's rate (its record's notes): said in the methods.
PUBLIC_LOW_REPRICED = next(cost for key, _, cost in REPRICED if key == "public-low")
# The released o3 on the same semi-private set, by reasoning effort (ARC's leaderboard data): (effort, stem)
RELEASED = [(e, f"arc.o3-2025-04-16.{e}.leaderboard-2026-06-16") for e in ("low", "medium", "high")]
# Where each re-priced point's label sits (trace order of REPRICED), clear of December's labels (left of
# their points), of each other and of the human panel's: the $26 cost right of its hollow mark (which sits
# on December's $20 one), the $167 cost beneath its mark (clear of the 87.5% run's label), the high runs'
# score and cost left of theirs (level with the 87.5% run's, above the 91.5% run's).
REPRICED_TEXT = {"semi-low": "middle right", "public-low": "bottom center"}
# The high runs' labels, annotations (xanchor, yanchor, xshift, yshift in px): the 87.5% run's left of its
# mark, level with it, in the 12 px between the 91.5% run's mark above and the 85% line
# below; the 91.5% run's centred above its mark (left of it, it met the human panel's on a phone).
HIGH_LABEL = {"semi-high": ("right", "middle", -10, 0), "public-high": ("center", "bottom", 0, 8)}
# The 85% line runs along the foot of the 87.5% run's label (its Chinese glyphs reach lower than Latin
# ones, and there is no more room between the 91.5% run's mark and the line), and on a phone along the
# top of the $167 label: the re-priced runs' labels carry a halo of the page's colour, so the line seems
# to pass behind the text (plotly's "auto" halo in the static pictures, the theme's page colour once
# drawn: assets/charts.js).
HALO = "auto"
TARGET = "arc.grand-prize-target"
# Phone layout (charts.narrow): taller, for the stacked buttons and the legend. The re-priced public low
# run (trace REPRICED_FIRST + 2): on a phone the $167 label right of its mark (beneath it, it met "$26",
# the log axis being short there).
REPRICED_FIRST = 12  # the index of the first re-priced trace (checked in build)
NARROW = dict(height=680, text={REPRICED_FIRST + 2: "middle right"})
Y_MAX = 104  # room above the human panel's 98% for its two-line label, level with its mark
# The gap between a mark and its label, where plotly's own (a few px) leaves them touching: an en space.
GAP = "\u2002"
# The score beside a "cost not published" arrow's head, level with it, nudged apart (px) so that the two
# labels 4 points apart never touch on a 300 px plot: public (91.5%) up, semi-private (87.5%) down.
ARROW_SHIFT = {"public": 7, "semi": 1}
# The December runs' labels that sit lower than their points (px): the public run's, 2.2 points under the
# 85% line, met the line level with its point (in the downloads most); 4 px down clears it. Its gap from
# the point (px): the wide diamond's half and an en space. The semi-private run's label, 7 points lower,
# then goes below its point's level (DEC_TEXT), so that the two labels do not meet.
LABEL_DROP = {"public": 4}
LABEL_GAP = 14
HIGH_MARK = 10  # px: the re-priced high runs' hollow marks, 4 points apart (11.8 px on the 306 px plot at 560-640 px)
DEC_TEXT = {"semi": "bottom left"}
# Where each other model's name sits beside its point, so that the three o1 efforts stay apart.
OTHER_TEXT = {"arc.o1.low": "bottom center", "arc.o1.medium": "middle left", "arc.o1.high": "top right",
              "arc.gpt-4o": "top right", "arc.human-panel": "middle left", "arc.o1-pro": "bottom center"}
HUMAN = "arc.human-panel"


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    drawn = []
    color, sym = style("o3")
    for key, sid, cid in O3_DEC:
        score, cost = story.data.figure(sid), story.data.figure(cid)
        drawn += [score, cost]
        # score and cost, both named by the title: "75.7% · $20"; left of the point: right of it stand the
        # arrows' ticks and, re-priced, the same run's hollow mark
        point = html.escape(tr(lang, ID, "label.point", score=value(score, lang), cost=tr(lang, ID, "dollars", v=number(cost.value, lang))))
        shift = LABEL_DROP.get(key)
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers" if shift else "markers+text", name=tr(lang, ID, f"legend.o3.{key}"),
            text=None if shift else [point + GAP], textposition=DEC_TEXT.get(key, "middle left"), textfont=dict(size=11),
            marker=dict(size=14, color=color, symbol=sym if key == "semi" else "diamond-wide", line=dict(width=1, color="#000000")),
            hovertext=[hover(score, story, lang) + "<br>" + hover(cost, story, lang).split("<br>", 1)[1]], hoverinfo="text",
            legendgroup="dec", customdata=[f"{score.id} {cost.id}"],
        ))
        if shift:  # the same label, as an annotation: a point label cannot be nudged
            fig.add_annotation(x=math.log10(cost.value), y=score.value, xref="x", yref="y", text=point, showarrow=False,
                               xanchor="right", yanchor="middle", xshift=-LABEL_GAP, yshift=-shift, font=dict(size=11), name="o3:keep")
    arrows = []  # trace indices of the "cost not published" arrows: hidden once the runs are re-priced
    # One legend entry for the two arrows, which look alike: it names whose score is whose.
    high_name = tr(lang, ID, "legend.high", **{k: value(story.data.figure(sid), lang) for k, sid, _ in O3_HIGH})
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
            # the score: an annotation level with the head (ARROW_SHIFT), hidden with the arrow in the
            # re-priced view; "cost not published" in the legend, tooltip and first note

            name=high_name if key == "semi" else tr(lang, ID, f"legend.high.{key}"), showlegend=key == "semi", hovertext=[hover(score, story, lang) + "<br>" + tr(lang, ID, "unknown")] * 2,
            hoverinfo="text", legendgroup="dec", customdata=[score.id] * 2,
        ))
        # in the text's colour: the series' orange is a mark's colour (3.9:1 as text)
        fig.add_annotation(x=math.log10(ARROW_END), y=score.value, xref="x", yref="y", text=label(score, lang), showarrow=False,
                           xanchor="left", yanchor="middle", xshift=10, yshift=ARROW_SHIFT[key], font=dict(size=11),
                           name="o3:keep")
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
        name = shown + t(lang, "punct.paren", text=tr(lang, ID, "effort." + effort)) if effort else shown
        text = name
        if stem == HUMAN:  # its values, which the description relies on: "human panel 98.0% (average 64.2%)"
            text = tr(lang, ID, "label.human", name=shown, v=value(score, lang), avg=value(story.data.figure(HUMAN_AVERAGE), lang))
            text = "<br>".join(html.escape(part) + GAP for part in text.split("\n"))
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers+text", name=name, text=[text],
            textposition=OTHER_TEXT.get(stem, "bottom center"),
            textfont=dict(size=11), marker=dict(size=11, color=c, symbol=symbol(score, s), line=dict(width=1, color="#000000")),
            hovertext=[hover(score, story, lang) + "<br>" + hover(cost, story, lang).split("<br>", 1)[1]], hoverinfo="text",
            showlegend=False, customdata=[f"{score.id} {cost.id}"],
        ))
    target = story.data.figure(TARGET)
    drawn.append(target)
    # The target line, named in the legend (its label on the plot sat among the o3 runs' labels on a phone)
    fig.add_hline(y=target.value, line=dict(color=REFERENCE, dash="dash", width=1.5))
    fig.add_trace(go.Scatter(x=[None], y=[None], mode="lines", line=dict(color=REFERENCE, dash="dash", width=1.5),
                             name=tr(lang, ID, "target", v=value(target, lang)), hoverinfo="skip"))
    # Later re-pricing, hidden until switched on: hollow markers, so they never pass for December's figures.
    first_repriced = len(fig.data)
    high_labels = []  # the re-priced high runs' score and cost: annotations, placed to the pixel
    assert first_repriced == REPRICED_FIRST, first_repriced  # NARROW's hint names a trace by its index
    for key, sid, cid in REPRICED:
        score, cost = story.data.figure(sid), story.data.figure(cid)
        drawn.append(cost)
        high = key.endswith("-high")
        if high:
            # the high runs' score too: no arrow carries it in this view (the title names 87.5%)
            high_labels.append((cost, score))
        fig.add_trace(go.Scatter(
            x=[cost.value], y=[score.value], mode="markers" if high else "markers+text", visible=False, name=tr(lang, ID, "legend.repriced"),
            text=[GAP + html.escape(tr(lang, ID, "dollars", v=number(cost.value, lang)))] if not high else None,
            textposition=REPRICED_TEXT.get(key),
            textfont=dict(size=11, shadow=HALO), cliponaxis=False,
            # a size smaller than December's marks: the 91.5% run's mark stays clear of the 87.5% run's label below
            # it, the high runs' smaller still, for a plot as short as the December view's legend leaves it (a view
            # keeps the plot area of the view that takes the most room: assets/charts.js)
            marker=dict(size=HIGH_MARK if high else 12, color=color, symbol=f"{sym}-open", line=dict(width=2)),
            hovertext=[hover(cost, story, lang)], hoverinfo="text", showlegend=key == "semi-low", legendgroup="repriced",
            customdata=[cost.id],
        ))
    arrow_labels = len(fig.layout.annotations)
    for (key, *_), (cost, score) in zip([r for r in REPRICED if r[0].endswith("-high")], high_labels):
        xanchor, yanchor, xshift, yshift = HIGH_LABEL[key]
        fig.add_annotation(x=math.log10(cost.value), y=score.value, xref="x", yref="y", showarrow=False, visible=False,
                           text=html.escape(tr(lang, ID, "label.point", score=value(score, lang), cost=tr(lang, ID, "dollars", v=number(cost.value, lang)))),
                           xanchor=xanchor, yanchor=yanchor, xshift=xshift, yshift=yshift, font=dict(size=11, shadow=HALO), name="o3:keep")
    n = len(fig.data)
    dec_only = [True] * first_repriced + [False] * (n - first_repriced)
    both = [i not in arrows for i in range(n)]  # priced: no "cost not published" arrow beside the prices
    # the arrows' scores in December's view, the re-priced high runs' labels in the other
    shown = {f"annotations[{i}].visible": i < arrow_labels for i in range(len(fig.layout.annotations))}
    fig.update_layout(**base_layout(
        lang, height=520, margin=dict(l=60, r=20, t=50, b=60),
        legend=dict(base_layout(lang)["legend"], tracegroupgap=0),  # the plot's height for the labels at 85-98%
        updatemenus=[dict(
            type="buttons", direction="right", x=0, y=1.12, xanchor="left", yanchor="top", showactive=True,
            buttons=[
                dict(label=tr(lang, ID, "button.dec"), name="december", method="update",
                     args=[{"visible": dec_only}, shown]),
                dict(label=tr(lang, ID, "button.repriced"), name="repriced", method="update",
                     args=[{"visible": both}, {k: not v for k, v in shown.items()}]),
            ],
        )],
    ))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.cost"), **log_axis(0.02, X_MAX, lang))
    fig.update_yaxes(title_text=tr(lang, ID, "axis.score"), range=[0, Y_MAX], tickvals=[0, 20, 40, 60, 80, 100])
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
                 tr(lang, ID, "method.repriced", public_low=tr(lang, ID, "dollars", v=number(story.data.figure(PUBLIC_LOW_REPRICED).value, lang))), tr(lang, ID, "method.released")),
        sources=sources_of(story, drawn),
    )
