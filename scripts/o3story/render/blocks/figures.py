"""Figures: a linked value, cards, a section's records, the explorer, the confidence levels."""

from __future__ import annotations

from markupsafe import Markup

from o3story.render import explorer, templating
from o3story.render.archive import archived
from o3story.render.blocks.registry import block
from o3story.render.context import PageContext
from o3story.render.fmt import setting, value
from o3story.render.i18n import t

CONFIDENCES = ("stated", "stated-secondary", "derived", "chart-read")

@block("fig")
def fig(ctx: PageContext, args: list[str]) -> Markup:
    (fig_id,) = args
    return ctx.fig_link(fig_id)


@block("translated")
def translated(ctx: PageContext, args: list[str]) -> Markup:
    """The mark after an English quotation of the livestream: this project's translation of the
    Chinese transcript (site/quotes.py requires it)."""
    return ctx.translated_mark()


@block("cards")
def cards(ctx: PageContext, args: list[str]) -> Markup:
    lang = ctx.lang
    cards = []
    for fig_id in args:
        fig = ctx.figure(fig_id)
        src = ctx.story.data.source(fig.source)
        cards.append({"value": value(fig, lang), "model": ctx.model_name(fig), "metric": ctx.metric_name(fig),
                      "setting": setting(fig, lang, ctx.story.data), "source_label": t(lang, "card.source"), "source_url": src.url,
                      "publisher": src.publisher_in(lang), "archive": archived(src, lang), "record": ctx.record_link(fig),
                      "record_label": t(lang, "card.record")})
    return templating.render("cards.html", cards=cards)


@block("table")
def table(ctx: PageContext, args: list[str]) -> Markup:
    """The records behind a story page's section: after its finding and chart, folded, one tap away."""
    n = len(args)
    return templating.render("records.html", table=ctx.figure_rows([ctx.figure(a) for a in args]),
                             summary=t(ctx.lang, "records.one" if n == 1 else "records.many", n=n))


@block("figures")
def figures(ctx: PageContext, args: list[str]) -> Markup:
    order = {m.id: i for i, m in enumerate(ctx.story.data.metrics)}
    figs = sorted(ctx.story.data.figures, key=lambda f: (order[f.metric], f.model, f.id))
    return explorer.explorer(ctx, figs)


@block("confidence")
def confidence(ctx: PageContext, args: list[str]) -> Markup:
    levels = [{"label": t(ctx.lang, f"conf.{c}"), "help": t(ctx.lang, f"conf.{c}.help"),
               "count": sum(f.confidence == c for f in ctx.story.data.figures)} for c in CONFIDENCES]
    return templating.render("confidence.html", levels=levels)


@block("count")
def count(ctx: PageContext, args: list[str]) -> Markup:
    """How many figures, from how many sources; and, when the list of sources holds more, how many in
    all (the others back the timeline, the checks and the caveats, or were replaced by an audit)."""
    data = ctx.story.data
    cited = len({f.source for f in data.figures})
    key = "methods.figure_count" if cited == len(data.sources) else "methods.figure_count_more"
    return templating.join([t(ctx.lang, key, figures=len(data.figures), cited=cited, sources=len(data.sources))])
