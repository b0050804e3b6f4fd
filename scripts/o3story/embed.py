"""/embed/<id>/: the chart alone, for iframes on other sites. Both languages are in the page;
`?lang=` picks one and `?theme=` (or the host, by postMessage) sets light or dark. Without
JavaScript it shows the static image and the data table."""

from __future__ import annotations

from .charts.base import Chart
from .charts.html import narrow_notes, scripts, spec_scripts, static_image
from .fmt import esc, esc_attr
from .i18n import t
from .seo import CSP_BASE

LANGS = ("zh", "en")


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
        'loading="lazy" width="100%" height="640" style="border:0" data-o3-embed></iframe>\n'
        f'<script src="{site_url}assets/embed.js" async></script>'
    )
