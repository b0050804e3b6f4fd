"""Charts: a chart block, its page's tools, the gallery, the construction notes."""

from __future__ import annotations

from markupsafe import Markup

from o3story.data.locale import LANGS
from o3story.render import charts, embed, exports, templating
from o3story.render.blocks.registry import block
from o3story.render.charts.html import chart_block, thumbnail
from o3story.render.context import PageContext, PlaceholderError
from o3story.render.i18n import t

GALLERY_EAGER = 2  # the charts gallery's first images (its first row at page width) load at once; the rest lazily

@block("chart")
def chart(ctx: PageContext, args: list[str]) -> str:
    (chart_id, *flags) = args
    if chart_id not in charts.CHARTS:
        raise PlaceholderError(f"unknown chart id '{chart_id}'")
    try:
        chart = charts.build(chart_id, ctx.story, ctx.lang)
    except charts.ChartError as exc:
        raise PlaceholderError(str(exc)) from None
    own_page = ctx.page_url.removeprefix("en/") == f"charts/{chart_id}/"
    out = chart_block(
        chart, ctx.figure_rows(list(chart.figures)),
        page_link=None if own_page else ctx.link(f"charts/{chart_id}/"),
        static_base=f"{ctx.root()}charts/{chart_id}/" if ctx.images else None,
        # On its own page the page's H1 is the title (it carries the caption's id, see chart_page).
        caption=not own_page,
        scripts_root=None if ctx.scripts_added else ctx.root(),
    )
    ctx.scripts_added = True
    return out


@block("chart-tools")
def chart_tools(ctx: PageContext, args: list[str]) -> str:
    """Embed snippet, downloads and citation for a chart page."""
    (chart_id,) = args
    lang = ctx.lang
    chart = charts.build(chart_id, ctx.story, lang)
    base = f"{ctx.root()}charts/{chart_id}/"
    files = []
    if ctx.images:  # the pictures first, the page's language first: a 16:9 PNG leads the list
        for other in sorted(LANGS, key=lambda code: code != lang):
            files += [(f"chart.{other}.png", t(lang, "tools.png", language=t(lang, f"lang.{other}"))),
                      (f"chart.{other}.svg", t(lang, "tools.svg", language=t(lang, f"lang.{other}")))]
    files += [("data.csv", t(lang, "tools.csv")), (f"figure.{lang}.json", t(lang, "tools.json")), ("metadata.json", t(lang, "tools.metadata"))]
    cite = exports.citation(chart, ctx.site_url, ctx.version, ctx.year())
    views = charts.views(chart)
    views_note = t(lang, "tools.embed_views", n=len(views), views=t(lang, "tools.embed_views_join").join(label for _, label in views)) if views else ""
    return templating.render_markdown(
        "chart_tools.md",
        heading=t(lang, "tools.heading"), embed_label=t(lang, "tools.embed"),
        snippet=templating.verbatim(embed.snippet(ctx.site_url, chart)), views_note=views_note,
        downloads_label=t(lang, "tools.downloads"),
        files=[{"href": base + name, "name": exports.saved_name(chart_id, name), "label": label} for name, label in files],
        no_images="" if ctx.images else t(lang, "tools.noimages"),
        cite_label=t(lang, "tools.cite"), cite_text=cite["text"], bibtex=templating.verbatim(cite["bibtex"]),
        licence=t(lang, "tools.licence"))


@block("chart-list")
def chart_list(ctx: PageContext, args: list[str]) -> Markup:
    """The charts index as a gallery: each chart's picture (its wide facade as WebP, shown small) and
    its title, linking to its page; the headline chart first."""
    items = []
    for chart_id in charts.gallery_order():
        chart = charts.build(chart_id, ctx.story, ctx.lang)
        image = thumbnail(chart, f"{ctx.root()}charts/{chart_id}/") if ctx.images else None
        items.append({"href": ctx.link(f"charts/{chart_id}/"), "title": chart.title, "image": image})
    return templating.render("chart_list.html", charts=items, eager=GALLERY_EAGER)


@block("chart-methods")
def chart_methods(ctx: PageContext, args: list[str]) -> Markup:
    """How each chart was built: its construction notes (Chart.methods, kept in the chart's i18n
    file), once, on the methods page; under the chart only its reader notes."""
    items = []
    for chart_id in charts.CHARTS:
        chart = charts.build(chart_id, ctx.story, ctx.lang)
        if chart.methods:
            items.append({"id": chart_id, "href": ctx.link(f"charts/{chart_id}/"), "title": chart.title,
                          "methods": list(chart.methods)})
    return templating.render("chart_methods.html", charts=items)
