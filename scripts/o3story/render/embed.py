"""/embed/<id>/: the chart alone, for iframes on other sites. Both languages are in the page;
`?lang=` picks one and `?theme=` (or the host, by postMessage) sets light or dark. Without
JavaScript it shows the static image and the data table."""

from __future__ import annotations

from o3story.render.charts.base import Chart
from o3story.render.charts.html import narrow_notes, scripts, spec_scripts, static_image
from o3story.render.fmt import esc, esc_attr
from o3story.render.i18n import t

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


def embed_html(charts_by_lang: dict[str, Chart], tables: dict[str, str], sources: dict[str, str], images: bool,
               site_url: str = "") -> str:
    chart_id = charts_by_lang["zh"].id
    root = "../../"
    sections = []
    for lang in LANGS:
        c = charts_by_lang[lang]
        page = f"{root}{'en/' if lang == 'en' else ''}charts/{chart_id}/"
        img = (f'<noscript><img class="o3-embed__img" src="{root}charts/{chart_id}/chart.{lang}.svg" '
               f'alt="{esc(c.title)}. {esc(c.description)}" width="960"></noscript>') if images else ""
        sections.append(
            f'<section class="o3-chart o3-embed__chart" data-lang="{lang}" lang="{"zh-Hans" if lang == "zh" else "en"}" '
            f'aria-labelledby="title-{lang}" aria-describedby="desc-{lang}"'
            + (" hidden" if lang != "zh" else "") + ">"
            f'<h1 class="o3-embed__title" id="title-{lang}">{esc(c.title)}</h1>'
            f'<div class="o3-chart__plot" data-locale="{"zh-CN" if lang == "zh" else "en"}">'
            # the embed's padding is 12 px a side
            + (static_image(c, f"{root}charts/{chart_id}/", gutter=24) if images else "") + "</div>"
            + narrow_notes(c) + spec_scripts(c) +
            f"{img}"
            f'<p class="o3-embed__desc" id="desc-{lang}">{esc(c.description)}</p>'
            f'<details class="o3-embed__data" open><summary>{esc(t(lang, "chart.table"))}</summary>{tables[lang]}</details>'
            f'<p class="o3-embed__source"><strong>{esc(t(lang, "chart.source"))}</strong>: {sources[lang]} · '
            f'<a href="{page}" target="_blank" rel="noopener">{esc(t(lang, "embed.back", site=t(lang, "site.name")))}</a></p>'
            "</section>"
        )
    zh = charts_by_lang["zh"]
    return (
        "<!doctype html>\n"
        '<html lang="zh-Hans" data-theme="light">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(zh.title)}</title>\n"
        f'<meta name="description" content="{esc(zh.description)}">\n'
        # The chart page is the one to index; the embed points search engines at it.
        + (f'<link rel="canonical" href="{esc_attr(site_url)}charts/{chart_id}/">\n' if site_url else "")
        + f'<meta http-equiv="Content-Security-Policy" content="{CSP_BASE}; script-src \'self\'">\n'
        f'<link rel="stylesheet" href="{root}assets/embed.css">\n'
        f'<link rel="icon" href="{root}assets/images/favicon.png">\n'
        "</head>\n<body>\n<main class=\"o3-embed\">\n"
        + "\n".join(sections)
        + "\n</main>\n"
        f'<script src="{root}assets/embed-chart.js"></script>\n'
        + scripts(root).replace(" defer", "")
        + "\n</body>\n</html>\n"
    )


def snippet(site_url: str, chart_id: str, lang: str, title: str) -> str:
    """The copy-ready embed code shown on each chart page."""
    return (
        f'<iframe src="{site_url}embed/{chart_id}/?lang={lang}&theme=auto" title="{esc_attr(title)}" '
        f'loading="lazy" width="100%" height="{EMBED_HEIGHT}" style="border:0" data-o3-embed></iframe>\n'
        f'<script src="{site_url}assets/embed.js" async></script>'
    )


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
