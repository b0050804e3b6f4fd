"""Jailbreak robustness (StrongREJECT goodness@0.1) against not over-refusing (XSTest), as the
deliberative-alignment paper's Table 1 reports them; a toggle shows the o3-mini system card's
values instead, which differ from the paper's for o3-mini (neither document says why)."""

from __future__ import annotations

import html

import plotly.graph_objects as go

from o3story.render.fmt import number, value
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import Chart, base_layout, hover, pick, sources_of, style, symbol, tr

ID = "refusal-vs-overrefusal"
X, Y = "xstest-not-overrefuse", "strongreject-goodness"
# (view key, record suffix, models); the first view is the default.
VIEWS = (
    ("paper", "paper", ("GPT-4o", "o1-preview", "o1", "o3-mini")),
    ("card", "system-card", ("GPT-4o", "o1-mini", "o3-mini")),
)
# Where each model's name sits beside its point, so labels stay inside the plot and apart.
TEXT_POS = {"GPT-4o": "top right", "o1-preview": "bottom left", "o1": "top left", "o3-mini": "bottom right", "o1-mini": "bottom left"}
# In the card's view o3-mini (0.88, 0.73) and o1-mini (0.95, 0.72) sit close: o3-mini's label goes above,
# o1-mini's beneath its own mark, centred (to its left it ran under o3-mini's dot on a phone).
VIEW_TEXT_POS = {("card", "o3-mini"): "top right", ("card", "o1-mini"): "bottom center"}
# On a phone the x axis ends at 1.00: room right of the plot for that last tick label, which plotly
# otherwise hides (in English, whose narrower y title leaves the plot wider, it did).
NARROW = dict(margin=dict(r=22))


BASELINE = "GPT-4o"  # the title's comparison: the one model in both views
FAR = 1.5  # "far better": at least this many times the baseline's StrongREJECT score


def title_problems(views: dict[str, list[tuple[str, float, float]]]) -> list[str]:
    """Where the title's finding does not hold in a view (each view: (model, XSTest, StrongREJECT) per
    point). The title holds in every view a reader can switch to or embed: every reasoning model resists
    jailbreaks far better than the baseline (FAR times its score) and over-refuses no more (XSTest at
    least the baseline's); the baseline's own score, which the title quotes, is the same in every view."""
    out = []
    base = {key: next(((x, y) for m, x, y in pts if m == BASELINE), None) for key, pts in views.items()}
    for key, pts in views.items():
        if base[key] is None:
            out.append(f"view {key}: no {BASELINE} point")
            continue
        bx, by = base[key]
        out += [f"view {key}: {m} StrongREJECT {y} is not {FAR} x {BASELINE}'s {by}" for m, x, y in pts if m != BASELINE and y < FAR * by]
        out += [f"view {key}: {m} XSTest {x} is below {BASELINE}'s {bx}" for m, x, y in pts if m != BASELINE and x < bx]
    if len({b[1] for b in base.values() if b}) > 1:
        out.append(f"{BASELINE}'s StrongREJECT differs between views: {base}")
    return out


def record_id(model: str, metric: str, suffix: str) -> str:
    return f"{model.lower()}.{metric}.{suffix}"


def pairs(story: Story, suffix: str, models: tuple[str, ...]) -> list[tuple[Figure, Figure]]:
    return [tuple(pick(story, record_id(m, X, suffix), record_id(m, Y, suffix))) for m in models]  # type: ignore[misc]


def build(story: Story, lang: str) -> Chart:
    fig = go.Figure()
    drawn: list[Figure] = []
    views = []  # (view key, first trace, end trace)
    for n, (key, suffix, models) in enumerate(VIEWS):
        points = pairs(story, suffix, models)
        first = len(fig.data)
        for (fx, fy) in points:
            drawn += [fx, fy]
            color, sym = style(fx.model)
            # Hollow when either coordinate is approximate, derived or a claim.
            both = symbol(fx, sym) if symbol(fx, sym) != sym else symbol(fy, sym)
            fig.add_trace(
                go.Scatter(
                    x=[fx.value], y=[fy.value], mode="markers+text", name=story.data.model_label(fx.model, lang),
                    # the model and both its values, (XSTest, StrongREJECT) as the axes read
                    text=[html.escape(tr(lang, ID, "label", model=story.data.model_label(fx.model, lang), x=value(fx, lang), y=value(fy, lang)))],
                    textposition=VIEW_TEXT_POS.get((key, fx.model), TEXT_POS.get(fx.model, "top center")),
                    textfont=dict(size=13), cliponaxis=False,
                    marker=dict(symbol=both, size=13, color=color, line=dict(width=1.5, color=color)),
                    hovertext=[hover(fx, story, lang) + "<br><br>" + hover(fy, story, lang)], hoverinfo="text",
                    visible=n == 0, showlegend=False, meta=key, customdata=[f"{fy.id} {fx.id}"],
                )
            )
        views.append((key, first, len(fig.data)))
    total = len(fig.data)
    # Each button shows one document's traces and names the document in the plot's corner.
    buttons = [
        dict(label=tr(lang, ID, f"view.{key}"), name=key, method="update",
             args=[{"visible": [start <= i < end for i in range(total)]},
                   {"annotations[0].text": html.escape(tr(lang, ID, "shown", view=tr(lang, ID, f"view.{key}")))}])
        for key, start, end in views
    ]
    fig.add_annotation(
        x=1, y=0, xref="paper", yref="paper", xanchor="right", yanchor="bottom", showarrow=False,
        name="o3:keep",  # the buttons rewrite it: it stays in the plot at every width
        text=html.escape(tr(lang, ID, "shown", view=tr(lang, ID, f"view.{VIEWS[0][0]}"))), font=dict(size=12),
    )
    fig.update_layout(**base_layout(
        lang, height=460, margin=dict(l=70, r=20, t=75, b=60), showlegend=False,
        updatemenus=[dict(
            type="buttons", direction="right", buttons=buttons, active=0, showactive=True,
            x=0, xanchor="left", y=1.02, yanchor="bottom", pad=dict(l=0, r=0, t=0, b=4),
            bgcolor="#eef0f3", bordercolor="#999999", font=dict(size=12, color="#1f2328"),
        )],
    ))
    # Fixed ranges that hold both views, so that switching views does not move the axes.
    fig.update_xaxes(title_text=tr(lang, ID, "axis.x"), range=[0.86, 1.0], tick0=0.88, dtick=0.04, tickformat=".2f", zeroline=False)
    fig.update_yaxes(title_text=tr(lang, ID, "axis.y"), range=[0.3, 0.95], tick0=0.4, dtick=0.1, tickformat=".2f", zeroline=False)

    paper = dict((fx.model, (fx, fy)) for fx, fy in pairs(story, VIEWS[0][1], VIEWS[0][2]))
    card = dict((fx.model, (fx, fy)) for fx, fy in pairs(story, VIEWS[1][1], VIEWS[1][2]))
    best_y = max(paper.values(), key=lambda p: p[1].value)[1]
    best_x = max(paper.values(), key=lambda p: p[0].value)[0]
    o3_paper, o3_card = paper["o3-mini"], card["o3-mini"]
    problems = title_problems({key: [(fx.model, fx.value, fy.value) for fx, fy in pairs(story, suffix, models)]
                               for key, suffix, models in VIEWS})
    if problems:  # the title states its finding for every view: the data no longer bear it out
        raise ValueError(f"chart {ID}: the title's finding does not hold: " + "; ".join(problems))
    return Chart(
        id=ID, lang=lang, title=tr(lang, ID, "title", gpt=value(paper[BASELINE][1], lang)),
        description=tr(lang, ID, "description",
                       best_y=story.data.model_label(best_y.model, lang), best_y_v=value(best_y, lang), best_x=story.data.model_label(best_x.model, lang), best_x_v=value(best_x, lang),
                       o3_y=value(o3_paper[1], lang), o3_x=value(o3_paper[0], lang),
                       card_y=value(o3_card[1], lang), card_x=value(o3_card[0], lang)),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.snapshots"), tr(lang, ID, "note.toggle")),
        methods=(tr(lang, ID, "method.views"), tr(lang, ID, "method.title", far=number(FAR, lang))),
        sources=sources_of(story, drawn),
    )
