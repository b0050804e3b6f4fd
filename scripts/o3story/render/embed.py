"""/embed/<id>/: the chart alone, for iframes on other sites. Both languages are in the page;
`?lang=` picks one and `?theme=` (or the host, by postMessage) sets light or dark. Without
JavaScript it shows the static image and the data table."""

from __future__ import annotations

from markupsafe import Markup

from o3story.render import templating
from o3story.render.charts import html as chart_html
from o3story.render.charts.base import Chart
from o3story.render.i18n import LANG_ROOT, t

LANGS = ("zh", "en")
# The site's Content-Security-Policy but for script-src (each page adds its own scripts' hashes).
CSP_BASE = (
    "default-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; "
    # blob: for plotly's own PNG download (it draws the SVG into an image from a blob URL).
    "img-src 'self' data: blob:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "worker-src 'self'; frame-src 'self'"
)
# The published iframe's height (embed.js then sizes it to its content) and the width the chart is
# drawn at (its static images are this wide); oEmbed reports both.
EMBED_HEIGHT = 640
EMBED_WIDTH = 960


def embed_html(charts_by_lang: dict[str, Chart], tables: dict[str, Markup], images: bool, site_url: str = "") -> str:
    """The embed page: both languages' charts (one shown), each with its table and sources."""
    chart_id = charts_by_lang["zh"].id
    root = "../../"
    sections = []
    for lang in LANGS:
        c = charts_by_lang[lang]
        # the embed's padding is 12 px a side
        v = chart_html.values(c, f"{root}charts/{chart_id}/" if images else None, gutter=24)
        sections.append({**v, "lang": lang, "html_lang": "zh-Hans" if lang == "zh" else "en", "hidden": lang != "zh",
                         "page": f"{root}{LANG_ROOT[lang]}charts/{chart_id}/", "box": plot_box(c),
                         "sources_label": t(lang, "embed.sources", n=len(c.sources)), "publishers": publishers(c),
                         "table": tables[lang], "back": t(lang, "embed.back", site=t(lang, "site.name"))})
    zh = charts_by_lang["zh"]
    return templating.render(
        "embed.html", title=zh.title, description=zh.description, root=root, sections=sections, files=chart_html.FILES,
        canonical=f"{site_url}charts/{chart_id}/" if site_url else "", csp=f"{CSP_BASE}; script-src 'self'") + "\n"


def plot_box(chart: Chart) -> dict[str, int]:
    """The plot's height in px, wide and narrow (<= NARROW_MAX px): the drawn chart's (charts.js draws
    each layout at its spec's height, whatever the width) and so the box the static image is shown in
    (embed.css), so that nothing moves when the chart turns live."""
    wide = int(chart.figure.layout.height or 460)
    narrow = int(chart.narrow.figure["layout"]["height"]) if chart.narrow is not None else wide
    return {"wide": wide, "narrow": narrow}


def publishers(chart: Chart) -> str:
    """The sources' publishers, each once, in order: the embed's one-line source summary."""
    seen = list(dict.fromkeys(s.publisher for s in chart.sources))
    return ("、" if chart.lang == "zh" else ", ").join(seen)


def snippet(site_url: str, chart_id: str, lang: str, title: str) -> str:
    """The copy-ready embed code shown on each chart page."""
    return str(templating.render("snippet.html", site_url=site_url, id=chart_id, lang=lang, title=title, height=EMBED_HEIGHT))


def oembed_url(site_url: str, chart_id: str, lang: str) -> str:
    """The absolute URL of a chart's oEmbed document in one language (`site_url` may have a path).
    A plain function: whatever writes the chart page's head can call it for the discovery link."""
    return f"{site_url}charts/{chart_id}/oembed.{lang}.json"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def oembed(chart: Chart, site_url: str, thumbnail_size: tuple[int, int] | None = None) -> dict:
    """The oEmbed 1.0 response (type "rich") for a chart: `html` is exactly the published snippet.
    `thumbnail_size`: the size of the chart's PNG in this language, when images were built."""
    lang = chart.lang
    home = f"{site_url}{'en/' if lang == 'en' else ''}"
    doc = {
        "version": "1.0",
        "type": "rich",
        "title": chart.title,
        "author_name": t(lang, "oembed.author"),
        "author_url": home,
        "provider_name": t(lang, "site.name"),
        "provider_url": home,
        "html": snippet(site_url, chart.id, lang, chart.title),
        "width": EMBED_WIDTH,
        "height": EMBED_HEIGHT,
    }
    if thumbnail_size:
        doc["thumbnail_url"] = f"{site_url}charts/{chart.id}/chart.{lang}.png"
        doc["thumbnail_width"], doc["thumbnail_height"] = thumbnail_size
    return doc
