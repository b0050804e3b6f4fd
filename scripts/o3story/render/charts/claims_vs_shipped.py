"""December 2024 claims against the released o3: OpenAI's own figures of 2025-04-16 and independent
tests, dated and sourced.

A dumbbell per row: December's figure and the later figures for the released model, each mark with
its value beside it at every width (the lower end's to its left, December's to its right, a middle
one beneath it), so the gap reads without a tooltip. Where the two are not the same test or setting,
the row's name carries a numbered mark and its caveat is listed under the chart (Chart.keys): only
FrontierMath's (another test); every other row's settings are in the legend ("high effort"), the
note and the methods page. ARC's three released-o3 values are one source, ARC's leaderboard data
(the figures the ARC chart on the same pages shows). OpenAI's
own figures and independent tests are separate series with their own markers. Percent rows share
one axis; Codeforces Elo has its own panel below. The height follows the number of rows.
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.subplots import make_subplots

from o3story.render.fmt import value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import REFERENCE, Chart, base_layout, hover, label, sources_of, style, symbol, text_width, tr
from .narrow import IMAGE_WIDTH, MARKS

ID = "claims-vs-shipped"
# (row key, December claim id, [OpenAI's own figures for the released o3], [later independent test ids])
ROWS = [
    ("aime", "o3.aime-2024", ["o3-2025-04-16.aime-2024.high.launch-page"], []),
    ("gpqa", "o3.gpqa-diamond", ["o3-2025-04-16.gpqa-diamond.high.launch-page"], []),
    ("swe", "o3.swe-bench-verified", ["o3-2025-04-16.swe-bench-verified.high.launch-page"], []),
    ("arc-low", "arc.o3.semi-private.low-compute.score", [],
     ["arc.o3-2025-04-16.low.leaderboard-2026-06-16.score", "arc.o3-2025-04-16.medium.leaderboard-2026-06-16.score"]),
    ("arc-high", "arc.o3.semi-private.high-compute.score", [],
     ["arc.o3-2025-04-16.high.leaderboard-2026-06-16.score"]),
    ("frontiermath", "o3.frontiermath.transcript", [], ["o3.frontiermath.epoch-2025-04"]),  # "over 25%", as said (the video)
]
# Rows whose caveat is a numbered key under the chart: FrontierMath's re-test is another test.
KEYED = ("frontiermath",)
ELO_ROW = ("codeforces", "o3.codeforces-elo", ["o3-2025-04-16.codeforces-elo.high.launch-page"], [])
# The scorecard claim (data/scorecard.yaml) each row draws: the title's conclusion counts only rows whose
# claim was re-measured on the same test (a 'not-comparable' verdict is not), so it never says more than
# the verdicts do.
ROW_CLAIMS = {"aime": "aime", "gpqa": "gpqa", "swe": "swe-bench", "arc-low": "arc-agi", "arc-high": "arc-agi",
              "frontiermath": "frontiermath", "codeforces": "codeforces"}
ELO_MAX = 3600  # the Elo axis runs past 3,000 so that December's label fits beside its mark on a phone
# One row: its name above, the marks with their values, a middle mark's value beneath. A phone's rows are
# further apart (at 60 px "medium 53.83%", beneath its mark, came within 1 px of the next row's name);
# at page width the chart keeps to a 900 px screen.
ROW_PX = {"wide": 60, "narrow": 64}
ABOVE = 0.5  # rows of room above a panel's first row (its name) and below its last (a value beneath)
GAP_PX = 62  # between the panels: the first one's ticks and axis title, then the next row's name
TOP_PX = 6
BOTTOM_PX = 50  # under the second panel: its ticks and axis title (the legend adds its own room)
LEGEND_PX = {"wide": 44, "narrow": 88}  # one line beside each other at page width; three wrapped lines on a phone
RIGHT = 56  # right margin: December's value beside its mark at the axis' end
LEFT = 8
TEXT_PX = 6.8  # px per Latin character of 12 px text (a CJK character counts two)
MARK_GAP = 12  # px from a mark's centre to its label
SIDE_PX = 6  # the en space (base.GAP, 12 px text) that keeps a value beside its mark clear of it
OWN_SYMBOL = "circle"  # OpenAI's own figures for the released o3; independent tests keep the model's star
NARROW_PLOT = IMAGE_WIDTH - LEFT - RIGHT  # the plot's width at phone size: labels are placed to fit it


def _span(n: int) -> float:
    return n - 1 + 2 * ABOVE


def _panel_rows(n: int) -> tuple[float, float]:
    """The y range of a panel of n categorical rows (reversed: first row on top), with room above the
    first row for its name and below the last for a value beneath."""
    return (n - 1 + ABOVE, -ABOVE)


def _plot_px(variant: str = "wide") -> float:
    return (_span(len(ROWS)) + _span(1)) * ROW_PX[variant] + GAP_PX


def height(variant: str = "wide") -> int:
    return round(TOP_PX + _plot_px(variant) + BOTTOM_PX + LEGEND_PX[variant])


# Phones: the same rows at the same pitch, the legend wrapped below; every value stays beside its
# mark (placed for the phone's plot width, so they fit at every width), no label turned inwards; row
# names on one line (their markup counted, 56 characters: about 45 of 12 px text fit the phone's chart).
NARROW = dict(height=height("narrow"), margin=dict(l=LEFT, r=RIGHT), edges=False, wrap=56)
# The 1200x675 social card (exports.card_figure): row names as tick labels, no marks (the page lists
# their caveats); the rows are close enough for the card's height.
# the card keeps the FrontierMath row's mark and its caveat: without them, its two points read as one test
CARD = dict(drop_notes=True, keep_keys=True, row_ticks=True, text_size=12, layout=dict(margin=dict(l=140)))


def _positions(figs: list[Figure], lang: str, axis_max: float, texts: list[str]) -> list[str]:
    """Where each mark's value goes: the highest to its right (above it when the right edge is too
    close on a phone), the lowest to its left (or beneath it when the left edge is too close), any
    other beneath it."""
    order = sorted(range(len(figs)), key=lambda i: figs[i].value)
    out = ["bottom center"] * len(figs)  # a middle mark
    hi, lo = order[-1], order[0]
    room = (1 - figs[hi].value / axis_max) * NARROW_PLOT + RIGHT  # px right of the highest mark on a phone
    out[hi] = "middle right" if room >= MARK_GAP + SIDE_PX + text_width(texts[hi]) * TEXT_PX else "top center"
    if lo != hi:
        x_px = figs[lo].value / axis_max * NARROW_PLOT
        w = text_width(texts[lo]) * TEXT_PX
        # beneath it, centred, only clear of the y axis' line ("about 10%" ran across it on a phone)
        out[lo] = ("middle left" if x_px - MARK_GAP - SIDE_PX - w > -LEFT
                   else "bottom center" if x_px - w / 2 > SIDE_PX else "bottom right")
        # the highest's value above its mark reaches back over the lowest's, level with its mark: the
        # lowest's goes beneath, to its left ("about 96.7%" over "91.6%" on a phone)
        # a middle mark's value, centred beneath it, reaching back to the lowest's value: it starts at its mark
        # ("medium 53.83%" met "low 41.5%" on a phone)
        lo_right = x_px - MARK_GAP - SIDE_PX if out[lo] == "middle left" else x_px
        for i in order[1:-1]:
            mid_px = figs[i].value / axis_max * NARROW_PLOT
            if mid_px - text_width(texts[i]) * TEXT_PX / 2 < lo_right + 2 * MARK_GAP / 3:
                out[i] = "bottom right"
        hi_px = figs[hi].value / axis_max * NARROW_PLOT
        if out[hi] == "top center" and out[lo] == "middle left" and hi_px - text_width(texts[hi]) * TEXT_PX / 2 < x_px + MARK_GAP / 2:
            out[lo] = "bottom left"
    return out


def build(story: Story, lang: str) -> Chart:
    n = len(ROWS)
    plot_px = _plot_px()
    spans = [_span(n), _span(1)]
    fig = make_subplots(rows=2, cols=1, row_heights=[s / sum(spans) for s in spans], vertical_spacing=GAP_PX / plot_px)
    drawn: list[Figure] = []
    dec_color, dec_sym = style("o3")
    new_color, new_sym = style("o3-2025-04-16")
    series: dict[str, list] = {"dec": [], "own": [], "later": []}  # (panel, category, figure, text, text position)
    keys: list[str] = []
    for panel, rows in ((1, ROWS), (2, [ELO_ROW])):
        yref = "y" if panel == 1 else "y2"
        axis_max = 100 if panel == 1 else ELO_MAX
        for key, claim_id, own_ids, test_ids in rows:
            cat = tr(lang, ID, f"row.{key}")
            claim = story.data.figure(claim_id)
            own = [story.data.figure(t) for t in own_ids]
            later = [story.data.figure(t) for t in test_ids]
            drawn += [claim, *own, *later]
            row = [("dec", claim)] + [("own", f) for f in own] + [("later", f) for f in later]
            # a later test at one reasoning effort of several: the effort, then the value ("low 41%")
            texts = [(tr(lang, ID, "effort." + f.setting.effort) + " " if name == "later" and f.setting.effort else "") + label(f, lang)
                     for name, f in row]
            for (name, f), text, pos in zip(row, texts, _positions([f for _, f in row], lang, axis_max, texts)):
                series[name].append((panel, cat, f, text, pos))
            lo = min(f.value for _, f in row)
            fig.add_trace(go.Scatter(
                x=[lo, claim.value], y=[cat, cat], mode="lines", line=dict(color=REFERENCE, width=3),
                hoverinfo="skip", showlegend=False,
            ), row=panel, col=1)
            # The row's name above its marks, with the mark of its caveat (listed under the chart).
            mark = ""
            if key in KEYED:
                mark = " " + MARKS[len(keys)]
                keys.append(tr(lang, ID, f"caveat.{key}"))
            fig.add_annotation(x=0, y=cat, xref="paper", yref=yref, yshift=12, xanchor="left", yanchor="bottom", showarrow=False,
                               text=f"<b>{cat}</b>{mark}", font=dict(size=12), align="left", name="o3:keep")
    looks = {
        "dec": dict(size=15, color=dec_color, sym=lambda f: dec_sym),
        "own": dict(size=13, color=new_color, sym=lambda f: symbol(f, OWN_SYMBOL)),
        # a star reads smaller than a diamond of the same size; 17 also puts a value beneath it clear of a
        # value level with a mark beside it (at 14 their line boxes shared a pixel or two on a phone)
        "later": dict(size=17, color=new_color, sym=lambda f: symbol(f, new_sym)),
    }
    for name, pts in series.items():
        look = looks[name]
        for panel in (1, 2):
            mine = [p for p in pts if p[0] == panel]
            if not mine:
                continue
            fig.add_trace(go.Scatter(
                x=[f.value for _, _, f, _, _ in mine], y=[cat for _, cat, _, _, _ in mine], mode="markers+text",
                name=tr(lang, ID, f"legend.{name}"), legendgroup=name, showlegend=panel == min(p[0] for p in pts),
                text=[text for *_, text, _ in mine], textposition=[pos for *_, pos in mine], cliponaxis=False,
                textfont=dict(size=12),
                marker=dict(size=look["size"], color=look["color"], symbol=[look["sym"](f) for _, _, f, _, _ in mine],
                            line=dict(width=1, color="#000000")),
                hovertext=[hover(f, story, lang) for _, _, f, _, _ in mine], hoverinfo="text", customdata=[f.id for _, _, f, _, _ in mine],
            ), row=panel, col=1)
    fig.update_layout(**base_layout(lang, height=height(), margin=dict(l=LEFT, r=RIGHT, t=TOP_PX, b=BOTTOM_PX + LEGEND_PX["wide"]),
                                    legend=dict(base_layout(lang)["legend"], font=dict(size=12))))
    fig.update_xaxes(title_standoff=8, title_font=dict(size=13))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.score"), range=[0, 100], tickvals=[0, 25, 50, 75, 100], row=1, col=1)
    fig.update_xaxes(title_text=tr(lang, ID, "axis.elo"), range=[0, ELO_MAX], tickvals=[0, 1000, 2000, 3000],
                     ticktext=[f"{v:,}" for v in (0, 1000, 2000, 3000)], row=2, col=1)
    fig.update_yaxes(autorange="reversed", showgrid=False, showticklabels=False, ticks="", range=list(_panel_rows(n)), row=1, col=1)
    fig.update_yaxes(autorange="reversed", showgrid=False, showticklabels=False, ticks="", range=list(_panel_rows(1)), row=2, col=1)
    g = {f.id: f for f in drawn}
    return Chart(
        id=ID, lang=lang, title=title(story, lang),
        description=tr(lang, ID, "description",
                       aime=value(g["o3.aime-2024"], lang), aime_own=value(g["o3-2025-04-16.aime-2024.high.launch-page"], lang),
                       elo=value(g["o3.codeforces-elo"], lang), elo_own=value(g["o3-2025-04-16.codeforces-elo.high.launch-page"], lang),
                       arc=value(g["arc.o3.semi-private.low-compute.score"], lang),
                       arc_test=value(g["arc.o3-2025-04-16.low.leaderboard-2026-06-16.score"], lang),
                       arc_medium=value(g["arc.o3-2025-04-16.medium.leaderboard-2026-06-16.score"], lang),
                       fm=value(g["o3.frontiermath.transcript"], lang), fm_test=value(g["o3.frontiermath.epoch-2025-04"], lang)),
        figure=fig, figures=tuple(drawn), keys=tuple(keys),
        notes=(tr(lang, ID, "note.own"),),
        methods=(tr(lang, ID, "method.sources"), tr(lang, ID, "method.rows")),
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
