"""A chart as page content: the plot container, its spec, the finding, the data table and the
source line. The table is also what a reader without JavaScript sees."""

from __future__ import annotations

from ..fmt import esc, esc_attr
from ..i18n import t
from .base import Chart

PLOTLY = "assets/vendor/plotly-basic.min.js"
LOCALE_ZH = "assets/vendor/plotly-locale-zh-cn.js"
SCRIPT = "assets/charts.js"
PLOTLY_LOCALE = {"zh": "zh-CN", "en": "en"}


def spec_json(chart: Chart) -> str:
    """The plotly figure as JSON that is safe inside a <script> element."""
    text = chart.figure.to_json()
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def scripts(root: str) -> str:
    """The site's chart code, once per page. It fetches plotly.js (and its Chinese locale) itself,
    only when a chart nears the viewport or is touched: until then each chart is its static SVG.
    `root` is the relative path from the page to the site root, so both languages share one file."""
    return (f'<script src="{root}{SCRIPT}" data-plotly="{root}{PLOTLY}" data-locale-zh="{root}{LOCALE_ZH}" defer></script>')


def static_image(chart: Chart, src: str | None) -> str:
    """The facade shown until plotly.js is loaded: the chart's own SVG (alt empty: the figure is named)."""
    if not src:
        return ""
    return f'<img class="o3-chart__static" src="{src}" alt="" width="960" height="{(chart.figure.layout.height or 460) + 110}" decoding="async">'


def chart_block(chart: Chart, table_html: str, source_html: str, page_link: str | None = None, static_src: str | None = None) -> str:
    lang = chart.lang
    notes = "".join(f"<li>{esc(n)}</li>" for n in chart.notes)
    link = f'<p class="o3-chart__link"><a href="{page_link}">{esc(t(lang, "chart.page_link"))}</a></p>' if page_link else ""
    cid = esc_attr(chart.id)
    return (
        f'<figure class="o3-chart" id="chart-{cid}" data-chart="{cid}" '
        f'aria-labelledby="chart-{cid}-title" aria-describedby="chart-{cid}-desc">'
        f'<figcaption class="o3-chart__title" id="chart-{cid}-title">{esc(chart.title)}</figcaption>'
        # No role="img": the plot holds focusable controls (plotly's buttons); the figure carries the name.
        f'<div class="o3-chart__plot" data-locale="{PLOTLY_LOCALE[lang]}">{static_image(chart, static_src)}</div>'
        f'<script type="application/json" class="o3-chart__spec">{spec_json(chart)}</script>'
        f'<noscript><p>{esc(t(lang, "chart.noscript"))}</p></noscript>'
        f'<p class="o3-chart__desc" id="chart-{cid}-desc">{esc(chart.description)}</p>'
        f'<details class="o3-chart__data" open><summary>{esc(t(lang, "chart.table"))}</summary>{table_html}</details>'
        f'<p class="o3-chart__source"><strong>{esc(t(lang, "chart.source"))}</strong>: {source_html}</p>'
        + (f'<div class="o3-chart__notes"><strong>{esc(t(lang, "chart.notes"))}</strong><ul>{notes}</ul></div>' if notes else "")
        + link
        + "</figure>"
    )
