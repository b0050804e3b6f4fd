"""/embed/<id>/: the chart alone, for iframes on other sites. Both languages are in the page;
`?lang=` picks one and `?theme=` (or the host, by postMessage) sets light or dark. Without
JavaScript it shows the static image and the data table."""

from __future__ import annotations

import math
import re
from datetime import date

from markupsafe import Markup

from o3story.render import source_text, templating, views
from o3story.render.charts import html as chart_html
from o3story.render.charts import views as chart_views
from o3story.render.charts.base import Chart
from o3story.render.charts.narrow import NARROW_MAX
from o3story.render.release import LICENCE, LICENCE_URL
from o3story.render.fmt import long_date
from o3story.render.i18n import LANG_ROOT, t
from o3story.data.locale import LANGS, html_lang, locale

# The site's Content-Security-Policy but for script-src (each page adds its own scripts' hashes).
CSP_BASE = (
    "default-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; "
    # blob: for plotly's own PNG download (it draws the SVG into an image from a blob URL).
    "img-src 'self' data: blob:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "worker-src 'self'; frame-src 'self'"
)


def asof_line(lang: str, day: date | None, key: str = "embed.asof", licence: str = LICENCE) -> str:
    """The line that credits an embed, dates it and gives its licence: a reader of another site sees who
    made it and how old the data is; `day` None (a page built without data's date) gives the longest
    date's line, for estimates. The licence comes last (`licence=""`: the line before it, which the
    embed follows with the licence as a link)."""
    return t(lang, key, author=t(lang, "oembed.author"), date=long_date(day or LONGEST_DATE, lang), licence=licence)


def credit(lang: str, day: date | None, key: str = "embed.asof") -> dict:
    """The embed's credit line for its template: the text, then the licence linked to its deed."""
    return {"text": asof_line(lang, day, key, licence=""), "licence": LICENCE, "licence_url": LICENCE_URL}


def embed_html(charts_by_lang: dict[str, Chart], tables: dict[str, Markup], images: bool, site_url: str = "",
               as_of: date | None = None) -> str:
    """The embed page: both languages' charts (one shown), each with its notes, table and sources, dated
    (`as_of`: the data's date, data/status.yaml)."""
    chart_id = charts_by_lang["zh"].id
    root = "../../"
    sections = []
    for lang in LANGS:
        c = charts_by_lang[lang]
        # the embed's padding is 12 px a side
        v = chart_html.values(c, f"{root}charts/{chart_id}/" if images else None, gutter=24)
        sections.append({**v, "lang": lang, "html_lang": html_lang(lang), "hidden": not locale(lang).default,
                         "page": f"{root}{LANG_ROOT[lang]}charts/{chart_id}/", "box": plot_box(c),
                         "sources_label": source_text.count_label(c.sources, lang), "publishers": publishers(c),
                         "table": tables[lang], "back": t(lang, "embed.back_chart", site=t(lang, "site.name")),
                         "asof": credit(lang, as_of) if as_of else None})
    zh = charts_by_lang["zh"]
    return templating.render(
        "embed.html", title=zh.title, description=zh.description, root=root, sections=sections, files=chart_html.FILES,
        canonical=f"{site_url}charts/{chart_id}/" if site_url else "", view_script=views.head_script(),
        csp=f"{CSP_BASE}; script-src 'self' {views.csp_source()}") + "\n"


plot_box = chart_html.plot_box  # the plot's heights, wide and narrow: the same box as on the site's pages


# How tall the embed is, estimated from its text (embed.css: 12 px of padding a side, a 17 px title at
# 1.3 line height, 13 px text at 1.45; the rest is the description's, the table's, the sources' and
# the link's lines and margins, measured). The snippet sizes its frame with it before any script
# runs; embed.js then fits the frame to the content exactly.
PADDING = 12
TITLE_LINE, TEXT_LINE = 17 * 1.3, 13 * 1.45
FIXED = 119  # px: padding, margins, the description's margins and the three rows under it (one line each; the
# data table's and the sources' lines are 24 px targets)
NOTES_GAP = 12  # px: the notes' own margin and their list's, around the label's line and the notes
NOTE_INDENT = 18  # px: a note's indent in its list (embed.css)
ASOF_GAP = 4  # px: the dating line's margin beside the link's
LONGEST_DATE = date(2026, 9, 30)  # a date whose long form is the longest (September, two digits)
LIST_MARGINS = 6  # px: a keys or notes list's own margins
TOOLS = 26  # px: the zoom hint's row, above a chart that zooms with a mouse
# A phone (the narrow layout) and an article column on a wider screen: the widths the snippet's
# height is right for, and where it switches (a host page's margins around a phone's column).
PHONE_COLUMN, DESKTOP_COLUMN, PHONE_MARGINS = 328, 720, 32
# The narrowest phone the snippet sizes for (a 320 px screen): between it and PHONE_COLUMN's screen the
# frame's height follows the screen's width in a straight line (more lines of text on a narrower screen).
NARROWEST_PHONE_COLUMN = 288
# px the snippet adds to the estimate: a reader's fonts are not the ones measured here, and a frame that
# is a little too tall leaves a gap under the embed, where one too short hides its last lines, the
# dating and licence line (frames were up to 74 px short on a 320 px screen, 14 px on a 360 px one).
SPARE = 24
# The article column the snippet's height is for above the switch: the narrowest column whose chart takes
# the wide layout (NARROW_MAX plus the embed's padding, rounded up to 40 px: 680), so that a frame in any
# wider one (DESKTOP_COLUMN is the oEmbed width) is never short; a wider column leaves a gap under the
# embed. Narrower columns (common ones start at 600 px) take the narrow layout and the frame style's phone side.
SIZED_COLUMN = math.ceil((NARROW_MAX + 2 * PADDING + 1) / 40) * 40
_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]")


def _em(ch: str, bold: bool) -> float:
    """A character's advance in em, about (the embed's sans-serif)."""
    if _CJK.match(ch):
        return 1.0
    if ch == " ":
        return 0.26
    if ch in "il.,:;'|!()[]·":
        return 0.3
    if ch.isupper() or ch in "mwMW%@&":
        return 0.68 if bold else 0.64
    return 0.58 if bold else 0.53


def text_lines(text: str, width: float, size: float, bold: bool = False) -> int:
    """How many lines `text` takes in a box `width` px wide, wrapped at spaces and between CJK characters."""
    if width < size:  # a box narrower than one character holds no line (and the loop below would never end)
        raise ValueError(f"text_lines: a box {width:.0f} px wide cannot hold {size} px text")
    tokens = re.findall(r"[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]+|\s+", text)
    lines, used = 1, 0.0
    for tok in tokens:
        w = sum(_em(c, bold) for c in tok) * size
        if tok.isspace():
            used += w
            continue
        if used > 0 and used + w > width:
            lines, used = lines + 1, 0.0
        while w > width:  # a word wider than the line breaks anywhere
            lines, w = lines + 1, w - width
        used += w
    return lines


def frame_height(chart: Chart, column: int) -> int:
    """The embed's height in px in a frame `column` px wide, about: what the snippet asks for."""
    inner = column - 2 * PADDING
    narrow = chart.narrow is not None and inner <= NARROW_MAX
    box = plot_box(chart)
    h = FIXED + text_lines(chart.title, inner, 17, bold=True) * TITLE_LINE
    h += text_lines(chart.description, inner, 13) * TEXT_LINE
    h += (text_lines(t(chart.lang, "embed.back_chart", site=t(chart.lang, "site.name")), inner, 13) - 1) * TEXT_LINE  # FIXED has its first line
    h += text_lines(asof_line(chart.lang, None), inner, 13) * TEXT_LINE + ASOF_GAP
    if chart.notes:  # the chart's notes under its description: a label's line, then each note
        h += NOTES_GAP + TEXT_LINE + sum(text_lines(n, inner - NOTE_INDENT, 13) * TEXT_LINE + 2 for n in chart.notes)
    h += box["narrow"] if narrow else box["wide"] + (TOOLS if chart_html.zoomable(chart) else 0)
    for notes in (list(chart.keys), list(chart.narrow.notes) if narrow else []):
        if notes:
            h += LIST_MARGINS + sum(text_lines(f"① {n}", inner, 13) * TEXT_LINE + 3 for n in notes)
    return math.ceil(h)


def publishers(chart: Chart) -> str:
    """The sources' publishers, each once, in order: the embed's one-line source summary."""
    return locale(chart.lang).list.join(source_text.makers(chart.sources, chart.lang))


def attr_text(text: str) -> str:
    """Text for a double-quoted attribute of the snippet with only the escapes HTML needs there (&
    and "): a journalist pasting it reads the title as it is, not `&#45;` or `&#39;`."""
    return text.replace("&", "&amp;").replace('"', "&quot;")


def snippet_height(chart: Chart) -> int:
    """The height the snippet gives its frame above a phone's width (the height attribute, and oEmbed's)."""
    return frame_height(chart, SIZED_COLUMN) + SPARE


def frame_style(chart: Chart) -> str:
    """The frame's height before any script runs, with SPARE. Up to the switch (where the chart leaves its
    narrow layout): the embed's height following the viewport's width from a 320 px screen's column to a
    360 px one's and on to the last narrow column, in two straight lines (chords of a height that falls
    ever more slowly as the text needs fewer lines: never below it). Above the switch: from the height
    at the first wide column down to SIZED_COLUMN's, then SIZED_COLUMN's. CSS clamp() makes the switch:
    (viewport - switch) * 999 is far beyond either height on each side."""
    switch = NARROW_MAX + 2 * PADDING + PHONE_MARGINS

    def line(narrow_col: int, wide_col: int, tall: int, short: int) -> str:
        """The height through `tall` at a viewport of narrow_col (plus margins) and `short` at wide_col's."""
        low, high = narrow_col + PHONE_MARGINS, wide_col + PHONE_MARGINS
        return f"{tall}px - (100vw - {low}px) * {(tall - short) / (high - low):.4g}"

    def between(points: list[tuple[int, int]]) -> str:
        """The height through each (column, height) in turn, held at the ends: the highest of the lines
        (each pair of neighbours'), so never below any of them."""
        heights = [h for _, h in points]
        tall, short = max(heights), min(heights)
        lines = [line(a, b, ha, hb) for (a, ha), (b, hb) in zip(points, points[1:]) if ha > hb]
        if not lines:  # no fall (a wider column's frame as tall or taller): the tallest, never short
            return f"{tall}px"
        rise = lines[0] if len(lines) == 1 else "max(" + ", ".join(lines) + ")"
        return f"clamp({short}px, {rise}, {tall}px)"

    last_narrow = switch - PHONE_MARGINS  # the widest column with the narrow layout
    narrow = [(col, frame_height(chart, col) + SPARE) for col in (NARROWEST_PHONE_COLUMN, PHONE_COLUMN, last_narrow)]
    above, desktop = frame_height(chart, last_narrow + 1) + SPARE, snippet_height(chart)  # + 1: the wide layout's first column
    phone_css = between(narrow)
    desktop_css = between([(last_narrow, above), (SIZED_COLUMN, desktop)])
    if phone_css == desktop_css:
        return f"border:0;height:{desktop}px"
    if narrow[-1][1] >= above:  # the narrow layout's frame is the taller on either side of the switch
        return f"border:0;height:clamp({desktop_css}, ({switch}px - 100vw) * 999, {phone_css})"
    return f"border:0;height:clamp({phone_css}, (100vw - {switch}px) * 999, {desktop_css})"


def snippet(site_url: str, chart: Chart, view: str | None = None) -> str:
    """The copy-ready embed code shown on each chart page: plain text to paste, the frame sized for
    the chart before any script runs (the height attribute, and the style's for phone or wider
    screens), embed.js then fitting it to the content exactly. `view`: one of the chart's views
    (charts.views) other than the first, which the frame then opens in (the chart's size is the same
    in every view); on the chart page, charts.js rewrites the code as the reader switches views."""
    return str(templating.render("snippet.html", site_url=site_url, path=f"embed/{chart.id}/", lang=chart.lang,
                                 view=views.query(chart.id, view),
                                 title=Markup(attr_text(chart.title)), height=snippet_height(chart),
                                 style=frame_style(chart)))


def oembed_url(site_url: str, chart_id: str, lang: str, view: str | None = None) -> str:
    """The absolute URL of a chart's oEmbed document in one language (`site_url` may have a path).
    A plain function: whatever writes the chart page's head can call it for the discovery link.
    `view`: the document whose frame opens in that view (a static site answers no query, so each
    view other than the first has its own document: oembed.<lang>.view-<view>.json)."""
    return f"{site_url}charts/{chart_id}/oembed.{lang}{f'.view-{view}' if view else ''}.json"


def png_size(png: bytes) -> tuple[int, int]:
    """Width and height of a PNG, from its IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")


def oembed(chart: Chart, site_url: str, thumbnail_size: tuple[int, int] | None = None, view: str | None = None) -> dict:
    """The oEmbed 1.0 response (type "rich") for a chart: `html` is exactly the published snippet, its
    size the embed's in an article column. `thumbnail_size`: the size of the chart's PNG in this
    language, when images were built (the PNG shows the first view). `view`: the snippet's view."""
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
        "html": snippet(site_url, chart, view),
        "width": DESKTOP_COLUMN,
        "height": snippet_height(chart),
    }
    if view:
        doc["title"] = f"{chart.title}{t(lang, 'oembed.view', view=dict(chart_views(chart))[view])}"
    if thumbnail_size and not view:
        doc["thumbnail_url"] = png_url(site_url, chart.id, lang)
        doc["thumbnail_width"], doc["thumbnail_height"] = thumbnail_size
    return doc


def png_url(site_url: str, chart_id: str, lang: str) -> str:
    return f"{site_url}charts/{chart_id}/chart.{lang}.png"


def oembed_photo_url(site_url: str, chart_id: str, lang: str) -> str:
    """The chart's second oEmbed document, type "photo", for platforms that take no iframe."""
    return f"{site_url}charts/{chart_id}/oembed.{lang}.photo.json"


def oembed_photo(chart: Chart, site_url: str, size: tuple[int, int]) -> dict:
    """The oEmbed 1.0 response of type "photo" (section 2.3.4.1: url, width and height required): the
    chart's PNG in this language (its title, values, sources and credit are in the image), `size`
    being the PNG's. Only when images were built."""
    lang = chart.lang
    home = f"{site_url}{'en/' if lang == 'en' else ''}"
    width, height = size
    return {
        "version": "1.0",
        "type": "photo",
        "title": chart.title,
        "author_name": t(lang, "oembed.author"),
        "author_url": home,
        "provider_name": t(lang, "site.name"),
        "provider_url": home,
        "url": png_url(site_url, chart.id, lang),
        "width": width,
        "height": height,
    }
