"""A chart as page content: the plot container, its spec, the finding, the data table and the
source line. The table is also what a reader without JavaScript sees."""

from __future__ import annotations

from o3story.render.fmt import esc, esc_attr
from o3story.render.i18n import t
from .base import Chart
from .narrow import IMAGE_WIDTH, MARKS, NARROW_MAX, WIDE_IMAGE_WIDTH

PLOTLY = "assets/vendor/plotly-basic.min.js"
LOCALE_ZH = "assets/vendor/plotly-locale-zh-cn.js"
SCRIPT = "assets/charts.js"
PLOTLY_LOCALE = {"zh": "zh-CN", "en": "en"}


def safe_json(text: str) -> str:
    """JSON that is safe inside a <script> element."""
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def spec_json(chart: Chart) -> str:
    """The plotly figure as JSON that is safe inside a <script> element."""
    return safe_json(chart.figure.to_json())


def narrow_json(chart: Chart) -> str:
    """The narrow layout and per-trace changes (charts.narrow), shipped beside the spec."""
    import json

    return safe_json(json.dumps(chart.narrow.override, ensure_ascii=False, separators=(",", ":"), default=str))


def spec_scripts(chart: Chart) -> str:
    out = f'<script type="application/json" class="o3-chart__spec">{spec_json(chart)}</script>'
    if chart.narrow is not None:
        out += f'<script type="application/json" class="o3-chart__narrow">{narrow_json(chart)}</script>'
    return out


def narrow_notes(chart: Chart) -> str:
    """The narrow layout's numbered notes (annotations moved out of the plot), shown only when the
    chart is NARROW_MAX px wide or less (site.css, by container query)."""
    if chart.narrow is None or not chart.narrow.notes:
        return ""
    items = "".join(f'<li><span class="o3-chart__mark" aria-hidden="true">{MARKS[i % len(MARKS)]}</span> {esc(n)}</li>'
                    for i, n in enumerate(chart.narrow.notes))
    return f'<ul class="o3-chart__narrow-notes" aria-label="{esc_attr(t(chart.lang, "chart.marks"))}">{items}</ul>'


def scripts(root: str) -> str:
    """The site's chart code, once per page. It fetches plotly.js (and its Chinese locale) itself,
    only when a chart nears the viewport or is touched: until then each chart is its static SVG.
    `root` is the relative path from the page to the site root, so both languages share one file."""
    return (f'<script src="{root}{SCRIPT}" data-plotly="{root}{PLOTLY}" data-locale-zh="{root}{LOCALE_ZH}" defer></script>')


def static_image(chart: Chart, base: str | None, gutter: int = 32) -> str:
    """The facade shown until plotly.js is loaded: the chart's own SVG, drawn at phone width with the
    narrow layout or at page width with the wide one, picked by the viewport's width (alt empty:
    the figure is named). `base` is the folder of the chart's files; `gutter` the px between the
    viewport's width and the chart's (page margins), so that the picture switches where the
    drawn chart does."""
    if not base:
        return ""
    lang = chart.lang
    img = (f'<img class="o3-chart__static" src="{base}static.{lang}.svg" alt="" width="{WIDE_IMAGE_WIDTH}" '
           f'height="{chart.figure.layout.height or 460}" decoding="async">')
    if chart.narrow is None:
        return img
    return (f'<picture><source media="(max-width: {NARROW_MAX + gutter - 1}px)" srcset="{base}static.{lang}.narrow.svg" '
            f'width="{IMAGE_WIDTH}" height="{chart.narrow.figure["layout"]["height"]}">{img}</picture>')


def chart_block(chart: Chart, table_html: str, source_html: str, page_link: str | None = None, static_base: str | None = None) -> str:
    lang = chart.lang
    notes = "".join(f"<li>{esc(n)}</li>" for n in chart.notes)
    link = f'<p class="o3-chart__link"><a href="{page_link}">{esc(t(lang, "chart.page_link"))}</a></p>' if page_link else ""
    cid = esc_attr(chart.id)
    return (
        f'<figure class="o3-chart" id="chart-{cid}" data-chart="{cid}" '
        f'aria-labelledby="chart-{cid}-title" aria-describedby="chart-{cid}-desc">'
        f'<figcaption class="o3-chart__title" id="chart-{cid}-title">{esc(chart.title)}</figcaption>'
        # No role="img": the plot holds focusable controls (plotly's buttons); the figure carries the name.
        f'<div class="o3-chart__plot" data-locale="{PLOTLY_LOCALE[lang]}">{static_image(chart, static_base)}</div>'
        + narrow_notes(chart) + spec_scripts(chart) +
        f'<noscript><p>{esc(t(lang, "chart.noscript"))}</p></noscript>'
        f'<p class="o3-chart__desc" id="chart-{cid}-desc">{esc(chart.description)}</p>'
        f'<details class="o3-chart__data" open><summary>{esc(t(lang, "chart.table"))}</summary>{table_html}</details>'
        f'<p class="o3-chart__source"><strong>{esc(t(lang, "chart.source"))}</strong>: {source_html}</p>'
        + (f'<div class="o3-chart__notes"><strong>{esc(t(lang, "chart.notes"))}</strong><ul>{notes}</ul></div>' if notes else "")
        + link
        + "</figure>"
    )
