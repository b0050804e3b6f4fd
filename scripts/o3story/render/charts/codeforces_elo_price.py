"""Codeforces Elo against OpenAI's output list price per 1M tokens (log x), with the Pareto frontier
computed from the points of each price view.

One point per model, effort and price: the Elo record and the output-price record it is drawn with.
Two models' prices changed (o1-mini, o3), so there are two views, switched by buttons: each model at
its first recorded price ("launch") and at its latest recorded price ("later"); a model with one
recorded price is drawn at it in both. Every point carries its price's date (hover, table).
December's o3 had no price: it stands in a separate "no price" column, never on the price axis.

Price per token is not cost per problem: o3-mini's three effort levels share one price but spend
different numbers of tokens per problem. The chart says so; the one measured cost per task is
ARC-AGI's (chart arc-agi-cost).
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass

import plotly.graph_objects as go

from o3story.render.fmt import level, number, read_only, value
from o3story.data.locale import locale
from o3story.data.model import Figure
from o3story.data.story import Story
from .base import REFERENCE, Chart, base_layout, hover, log_axis, pareto, source_line, sources_of, style, symbol, tr

ID = "codeforces-elo-price"
# With a mouse at page width the chart zooms (o3-mini's efforts share one price, 94 Elo apart);
# charts.js gives it a visible reset.
ZOOM = True
VIEWS = ("launch", "later")
O3_MINI_PRICE = "o3-mini.price-output.launch-2025-01"
O1_PRICE = "o1.price-output.2025-01"
# (series, Elo record, output-price record per view). Series: how the point is drawn and named.
POINTS = (
    ("o1-mini", "o1-mini.codeforces-elo.system-card-v1",
     {"launch": "o1-mini.price-output.launch-2024-09", "later": "o1-mini.price-output.after-cut"}),
    ("o3-mini-v1", "o3-mini.codeforces-elo.low.system-card-v1", {"launch": O3_MINI_PRICE, "later": O3_MINI_PRICE}),
    ("o3-mini-v1", "o3-mini.codeforces-elo.medium.system-card-v1", {"launch": O3_MINI_PRICE, "later": O3_MINI_PRICE}),
    ("o3-mini-v1", "o3-mini.codeforces-elo.high.system-card-v1", {"launch": O3_MINI_PRICE, "later": O3_MINI_PRICE}),
    ("o1", "o1.codeforces-elo.system-card-v1", {"launch": O1_PRICE, "later": O1_PRICE}),
    ("o3-released", "o3-2025-04-16.codeforces-elo.high.launch-page",
     {"launch": "o3.price-output.release-2025-04", "later": "o3.price-output.after-cut-2025-06-10"}),
)
# Input prices of the same models and dates: not drawn, but the note on the choice of price rests on them.
INPUT_OF = {
    "o1-mini.price-output.launch-2024-09": "o1-mini.price-input.launch-2024-09",
    "o1-mini.price-output.after-cut": "o1-mini.price-input.after-cut",
    O3_MINI_PRICE: "o3-mini.price-input.launch-2025-01",
    O1_PRICE: "o1.price-input.2025-01",
    "o3.price-output.release-2025-04": "o3.price-input.release-2025-04",
    "o3.price-output.after-cut-2025-06-10": "o3.price-input.after-cut-2025-06-10",
}
# Also in the first system card's Elo list, with a price, but left out to keep the Elo scale readable
# (the note says so, and that neither would be on the frontier: tested).
LEFT_OUT = (
    ("gpt-4o.codeforces-elo.system-card-v1", "gpt-4o.price-output.2025-01"),
    ("o1-preview.codeforces-elo.system-card-v1", "o1-preview.price-output.2025-01"),
)
# o3-mini's high-effort Elo on its launch page: named in the texts, drawn in chart o3-mini-elo-cost
# (the disagreement of OpenAI's two sets is that chart's finding, not this one's).
LAUNCH_PAGE = "o3-mini.codeforces-elo.high.launch-page"
UNPRICED = "o3.codeforces-elo"  # December 2024's o3 (preview): no public price
SERIES_STYLE = {  # series -> (model style key, marker)
    "o1-mini": ("o1-mini", "triangle-up"),
    "o3-mini-v1": ("o3-mini", "circle"),
    "o3-mini-page": ("o3-mini", "star"),
    "o1": ("o1", "square"),
    "o3-released": ("o3-2025-04-16", "star"),
}
X_RANGE = (0.5, 100)
Y_RANGE = (1500, 2850)  # room above the released o3 for its price cut's label, below o1-mini for its own
# Phones: the priced panel tall enough that o3-mini's labels (94 Elo apart) do not touch; the
# no-price column short beneath it.
NARROW = dict(height=520, text={5: "bottom left"}, margin=dict(r=24))  # 5: the released o3, its label kept inside the phone's plot; r: room for the last tick ($100)
# Where each series' labels stand: o3-mini's left of its column (its price above it), o1 left of its
# point, o1-mini and the released o3 below theirs (their price-cut arrows run left, level with the point).
LABEL_AT = {"o3-mini-v1": "middle left", "o1": "middle left", "o1-mini": "bottom center", "o3-released": "bottom center"}


@dataclass(frozen=True)
class Point:
    series: str
    elo: Figure
    price: Figure
    views: tuple[str, ...]  # the price views the point belongs to

    @property
    def xy(self) -> tuple[float, float]:
        return (self.price.value, self.elo.value)


def points(story: Story) -> list[Point]:
    """Every (Elo, price) pair drawn, once, with the views it belongs to."""
    out = []
    for series, elo_id, prices in POINTS:
        elo = story.data.figure(elo_id)
        for price_id in dict.fromkeys(prices[v] for v in VIEWS):
            price = story.data.figure(price_id)
            if price.metric != "price-output" or price.unit != "usd_per_mtok":
                raise ValueError(f"chart {ID}: {price_id} is not an output price per 1M tokens")
            out.append(Point(series, elo, price, tuple(v for v in VIEWS if prices[v] == price_id)))
    return out


def frontiers(pts: list[Point]) -> dict[str, list[Point]]:
    """Per price view: the points no other point of that view beats on both price (lower) and Elo
    (higher), ordered by price."""
    out = {}
    for view in VIEWS:
        in_view = [p for p in pts if view in p.views]
        out[view] = [in_view[i] for i in pareto([p.xy for p in in_view])]
    return out


def input_ratios(story: Story) -> set[float]:
    """Output price over input price, for every priced point's model and date."""
    return {story.data.figure(o).value / story.data.figure(i).value for o, i in INPUT_OF.items()}


def name(p: Point, lang: str) -> str:
    effort = p.elo.setting.effort
    if p.series.startswith("o3-mini"):
        return tr(lang, ID, "model.o3-mini-effort", effort=level(effort, lang))
    return tr(lang, ID, f"model.{p.series}")


def point_label(p: Point, lang: str) -> str:
    v = value(p.elo, lang)
    if p.series.startswith("o3-mini"):
        return html.escape(f"{level(p.elo.setting.effort, lang)} {v}")
    return html.escape(f"{tr(lang, ID, f'model.{p.series}')} {v}")


def undated(price: Figure, story: Story) -> bool:
    """The price's record is dated only by the day its undated source was read (o1-mini's cut)."""
    return read_only(price, story.data.source(price.source))


def price_date(price: Figure, story: Story, lang: str) -> str:
    """A price's date in the cut's line; an undated one is said to be so (its source line gives the day it was read)."""
    return tr(lang, ID, "date.read") if undated(price, story) else price.date.isoformat()


def point_hover(p: Point, story: Story, lang: str) -> str:
    key = "hover.price_read" if undated(p.price, story) else "hover.price"
    head = html.escape(tr(lang, ID, key, price=value(p.price, lang), date=p.price.date.isoformat()))
    return f"{hover(p.elo, story, lang)}<br>{head}<br>{source_line(p.price, story, lang)}"


def build(story: Story, lang: str) -> Chart:
    """One finding: o3-mini, at one price for every effort, against o1 at its price. Every point at
    its first recorded price, labelled with its Elo and price; a price cut is a dotted arrow to the
    later price, labelled with it. December's o3 (no price) and o3-mini's launch-page Elo (chart
    o3-mini-elo-cost) are not drawn: the first is in a note, the second in its own chart."""
    pts = points(story)
    ratios = input_ratios(story)
    if len(ratios) != 1:
        raise ValueError(f"chart {ID}: the note on the price axis says output is a fixed multiple of input, but the ratios are {sorted(ratios)}")
    (ratio,) = ratios
    dec = story.data.figure(UNPRICED)
    front = frontiers(pts)

    fig = go.Figure()
    drawn: list[Figure] = []
    dollars = lambda f: tr(lang, ID, "dollars", v=number(f.value, lang, money=True))  # noqa: E731
    launch = [p for p in pts if "launch" in p.views]
    # Price cuts: from the launch price to the later one, the later point's price at the arrow's head.
    for series, elo_id, prices in POINTS:
        if prices["launch"] == prices["later"]:
            continue
        pair = [p for p in pts if p.elo.id == elo_id]
        old = next(p for p in pair if "launch" in p.views)
        new = next(p for p in pair if "later" in p.views)
        color = REFERENCE  # one grey for both cuts: the legend's one entry names them
        cut = html.escape(tr(lang, ID, "hover.cut", model=tr(lang, ID, f"model.{series}"), old=value(old.price, lang),
                             old_date=price_date(old.price, story, lang), new=value(new.price, lang), new_date=price_date(new.price, story, lang)))
        # opacity=1: with a size per point plotly takes the trace for a bubble chart and draws it at 0.7.
        fig.add_trace(go.Scatter(
            x=[old.price.value, new.price.value], y=[old.elo.value, new.elo.value], mode="lines+markers+text",
            line=dict(color=color, dash="dot", width=1.5), marker=dict(symbol=["line-ns-open", "arrow-left"], size=[9, 11], color=color, opacity=1),
            text=["", html.escape(tr(lang, ID, "label.cut", price=dollars(new.price)))],
            textposition="top left",  # above the arrow: the model's own label stands below its point
            textfont=dict(size=11), cliponaxis=False,
            name=tr(lang, ID, "legend.cut"), legendgroup="cut", showlegend=series == "o3-released",
            # the cut's line gives both prices with their dates: no separate price line
            hovertext=[f"{hover(p.elo, story, lang)}<br>{cut}<br>{source_line(old.price, story, lang)}<br>{source_line(new.price, story, lang)}"
                       for p in (old, new)], hoverinfo="text",
            customdata=[f"{old.elo.id} {old.price.id}", f"{new.elo.id} {new.price.id}"],
        ))
        drawn += [new.price]
    groups: dict[str, list[Point]] = {}
    for p in launch:
        groups.setdefault(p.series, []).append(p)
    for series, group in groups.items():
        model, marker = SERIES_STYLE[series]
        color, _ = style(model)
        mini = series.startswith("o3-mini")
        fig.add_trace(go.Scatter(
            x=[p.price.value for p in group], y=[p.elo.value for p in group], mode="markers+text",
            # o3-mini's efforts by name and Elo (its price stands once above them); the others by model, Elo and price
            text=[point_label(p, lang) if mini else html.escape(tr(lang, ID, "label.point", name=tr(lang, ID, f"model.{series}"),
                                                                   elo=value(p.elo, lang), price=dollars(p.price))) for p in group],
            textposition=LABEL_AT[series], textfont=dict(size=11), cliponaxis=False,
            marker=dict(size=13 if marker == "star" else 11, color=color, symbol=[symbol(p.elo, marker) for p in group],
                        line=dict(width=1, color="#000000")),
            name=tr(lang, ID, f"legend.{series}"), showlegend=False,  # every point is named where it stands
            hovertext=[point_hover(p, story, lang) for p in group], hoverinfo="text",
            customdata=[f"{p.elo.id} {p.price.id}" for p in group],
        ))
        for p in group:
            drawn += [p.elo, p.price]
    mini = groups["o3-mini-v1"]
    fig.add_annotation(x=math.log10(mini[0].price.value), y=max(p.elo.value for p in mini), yshift=14, showarrow=False,
                       xanchor="center", yanchor="bottom", font=dict(size=12), name="o3:keep",
                       text=html.escape(tr(lang, ID, "label.mini", price=dollars(mini[0].price))))
    drawn = list(dict.fromkeys(drawn))
    drawn += [story.data.figure(i) for i in dict.fromkeys(INPUT_OF.values())]

    fig.update_layout(**base_layout(lang, height=440, margin=dict(l=60, r=16, t=16, b=50), showlegend=True))
    fig.update_xaxes(title_text=tr(lang, ID, "axis.price"), title_font=dict(size=12), **log_axis(*X_RANGE, lang))
    fig.update_yaxes(title_text=tr(lang, ID, "axis.elo"), range=list(Y_RANGE), tickformat=",")

    by_id = {p.elo.id: p for p in pts if "launch" in p.views}
    o3_later = next(p for p in pts if p.series == "o3-released" and "later" in p.views)

    def names(view: str) -> str:
        return locale(lang).list.join(tr(lang, ID, "front.item", name=name(p, lang), elo=value(p.elo, lang)) for p in front[view])

    launch, later = names("launch"), names("later")
    front_sentence = (tr(lang, ID, "front.same", names=launch) if launch == later
                      else tr(lang, ID, "front.differ", launch=launch, later=later))
    v = lambda fid: value(by_id[fid].elo, lang)  # noqa: E731
    return Chart(
        id=ID, lang=lang,
        title=tr(lang, ID, "title", mini_price=value(story.data.figure(O3_MINI_PRICE), lang),
                 o1_price=value(story.data.figure(O1_PRICE), lang)),
        description=tr(
            lang, ID, "description",
            mini_price=value(story.data.figure(O3_MINI_PRICE), lang),
            low=v("o3-mini.codeforces-elo.low.system-card-v1"), medium=v("o3-mini.codeforces-elo.medium.system-card-v1"),
            high=v("o3-mini.codeforces-elo.high.system-card-v1"), high_page=value(story.data.figure(LAUNCH_PAGE), lang),
            o1=v("o1.codeforces-elo.system-card-v1"), o1_price=value(story.data.figure(O1_PRICE), lang),
            o3=v("o3-2025-04-16.codeforces-elo.high.launch-page"), o3_launch=value(by_id["o3-2025-04-16.codeforces-elo.high.launch-page"].price, lang),
            o3_later=value(o3_later.price, lang), o3_later_date=o3_later.price.date.isoformat(),
            dec=value(dec, lang), front=front_sentence,
        ),
        figure=fig, figures=tuple(drawn),
        notes=(tr(lang, ID, "note.limit"), tr(lang, ID, "note.dec", dec=value(dec, lang))),
        methods=(
            tr(lang, ID, "method.price", ratio=f"{ratio:g}"),
            tr(lang, ID, "method.views", mini_cut_date=story.data.figure("o1-mini.price-output.after-cut").date.isoformat(),
               o3_cut_date=o3_later.price.date.isoformat()),
            tr(lang, ID, "method.elo", high_page=value(story.data.figure(LAUNCH_PAGE), lang), o3=v("o3-2025-04-16.codeforces-elo.high.launch-page"),
               left_out=locale(lang).list.join(
                   f"{story.data.model_label(story.data.figure(e).model, lang)} {value(story.data.figure(e), lang)}" for e, _ in LEFT_OUT)),
            tr(lang, ID, "method.frontier"),
        ),
        sources=sources_of(story, drawn),
    )
