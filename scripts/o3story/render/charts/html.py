"""A chart as page content: the plot container, its spec, the finding, the data table and the
source line (templates/chart_block.html). The table is also what a reader without JavaScript sees."""

from __future__ import annotations

import json

from markupsafe import Markup

from o3story.data.locale import LOCALES, locale
from o3story.render import source_text, templating
from o3story.render.archive import archived
from o3story.render.i18n import t
from .base import Chart
from .narrow import MARKS, NARROW_MAX, STATIC_NARROW_WIDTH, WIDE_IMAGE_WIDTH

PLOTLY = "assets/vendor/plotly-charts.min.js"  # built by site/vendor.py
LOCALE_ZH = "assets/vendor/plotly-locale-zh-cn.js"
SCRIPT = "assets/charts.js"
PLOTLY_LOCALE = {loc.code: loc.plotly_locale for loc in LOCALES}
FILES = {"script": SCRIPT, "plotly": PLOTLY, "locale_zh": LOCALE_ZH}


def safe_json(text: str) -> str:
    """JSON that is safe inside a <script> element."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def spec_json(chart: Chart) -> str:
    """The plotly figure as JSON that is safe inside a <script> element."""
    return safe_json(chart.figure.to_json())


def narrow_json(chart: Chart) -> str:
    """The narrow layout and per-trace changes (charts.narrow), shipped beside the spec."""
    return safe_json(json.dumps(chart.narrow.override, ensure_ascii=False, separators=(",", ":"), default=str))


def static_image(chart: Chart, base: str | None, gutter: int = 32) -> dict | None:
    """The facade's images: `base` is the folder of the chart's files; `gutter` the px between the
    viewport's width and the chart's (page margins), so that the picture switches where the drawn
    chart does. None when no images were built."""
    if not base:
        return None
    lang = chart.lang
    image = {"src": f"{base}static.{lang}.svg", "width": WIDE_IMAGE_WIDTH, "height": chart.figure.layout.height or 460,
             "narrow": None}
    if chart.narrow is not None:
        image["narrow"] = {"src": f"{base}static.{lang}.narrow.svg", "max_width": NARROW_MAX + gutter,
                           "width": STATIC_NARROW_WIDTH, "height": chart.narrow.figure["layout"]["height"]}
    return image


def plot_box(chart: Chart) -> dict[str, int]:
    """The plot's height in px, wide and narrow (<= NARROW_MAX px): the drawn chart's (charts.js draws
    each layout at its spec's height, whatever the width) and so the box the static image is shown in
    (site.css, embed.css): the box is the chart's own height, with no band under a short chart, and
    nothing moves when the chart turns live."""
    wide = int(chart.figure.layout.height or 460)
    narrow = int(chart.narrow.figure["layout"]["height"]) if chart.narrow is not None else wide
    return {"wide": wide, "narrow": narrow}


def thumbnail_name(lang: str) -> str:
    """The file of the charts gallery's picture of a chart (written by exports.write_chart_files)."""
    return f"thumb.{lang}.webp"


def thumbnail(chart: Chart, base: str) -> dict:
    """The charts gallery's picture of a chart: its wide facade as WebP, at the facade's size in
    layout pixels."""
    return {"src": f"{base}{thumbnail_name(chart.lang)}", "width": WIDE_IMAGE_WIDTH, "height": chart.figure.layout.height or 460}


def values(chart: Chart, static_base: str | None, gutter: int = 32) -> dict:
    """What the templates show of a chart, in its language."""
    lang = chart.lang
    return {
        "id": chart.id, "title": chart.title, "description": chart.description, "locale": PLOTLY_LOCALE[lang],
        "image": static_image(chart, static_base, gutter), "box": plot_box(chart),
        "key_texts": list(chart.keys),
        "narrow_notes": list(chart.narrow.notes) if chart.narrow is not None else [],
        "narrow_start": len(chart.keys),
        "marks": MARKS, "marks_label": t(lang, "chart.marks"),
        "spec": templating.script_json(spec_json(chart)),
        "narrow": templating.script_json(narrow_json(chart)) if chart.narrow is not None else None,
        "noscript": t(lang, "chart.noscript"), "table_label": t(lang, "chart.table"), "source_label": t(lang, "chart.source"),
        "sources": [{"url": s.url, "title": source_text.title(s, lang), "publisher": s.publisher_in(lang), "archive": archived(s, lang),
                     "published": s.published.isoformat() if s.published else ""} for s in chart.sources],
        "notes": list(chart.notes), "notes_label": t(lang, "chart.notes"),
        "more_label": t(lang, "chart.more" if chart.notes else "chart.more_sources"), "colon": locale(lang).colon,
        "publishers": locale(lang).list.join(dict.fromkeys(s.publisher_in(lang) for s in chart.sources)), "page_link_label": t(lang, "chart.page_link"),
        "zoom": zoomable(chart), "zoom_hint": t(lang, "chart.zoom_hint"), "zoom_reset": t(lang, "chart.zoom_reset"),
    }


def zoomable(chart: Chart) -> bool:
    """Whether the chart zooms with a mouse at page width (charts.finish puts the module's ZOOM in layout.meta)."""
    meta = chart.figure.layout.meta
    return bool(isinstance(meta, dict) and meta.get("zoom"))


def chart_block(chart: Chart, table: Markup, page_link: str | None = None, static_base: str | None = None,
                caption: bool = True, scripts_root: str | None = None) -> Markup:
    """The chart's block on a page. `caption`: False on the chart's own page, whose H1 is the title.
    `scripts_root`: the relative path to the site root, to add the site's chart code (once a page)."""
    return templating.render("chart_block.html", c=values(chart, static_base), table=table, page_link=page_link,
                             caption=caption, scripts_root=scripts_root, files=FILES)
