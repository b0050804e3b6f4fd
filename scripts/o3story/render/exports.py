"""Everything a chart offers for reuse: CSV, plotly JSON, metadata with citation, static images.

The text formats are pure functions of the chart; `write_chart_files` is the I/O step that puts
them under <site>/charts/<id>/ (one set shared by both languages' pages).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import copy
import csv
import hashlib
import io
import json
import re
from pathlib import Path

import plotly.graph_objects as go

from o3story.render import charts, fmt, frame
from o3story.render.release import CREATOR, LICENCE, LICENCE_URL
from o3story.render.charts.base import Chart
from o3story.render.charts.html import thumbnail_name
from o3story.render.charts.narrow import MARKS
from o3story.render.charts import views as chart_views
from o3story.render.embed import oembed, oembed_photo, oembed_url, png_size
from o3story.render.fmt import plain_words
from o3story.render.i18n import t
from o3story.data.locale import LANGS, locale
from o3story.data.story import Story

# Each field's licence, in the Data Package's own form (`licenses`: name, path, title). Our data
# and text are CC BY 4.0; verbatim quotes remain their sources' (SPDX's LicenseRef- form: a licence
# no SPDX id names), whatever licence the source itself states (sources.csv: licence).
OWN_LICENCE = {"name": "CC-BY-4.0", "path": LICENCE_URL, "title": "Creative Commons Attribution 4.0 International"}
QUOTED_LICENCE = {"name": "LicenseRef-quoted-source",
                  "title": "The quoted source's own terms, not CC BY 4.0: see the licence of the row's source in sources.csv"}
ROW_LICENCE = f"{LICENCE}, except quote (the source's own terms)"  # data.csv's licence column
QUOTE_RIGHTS = "Quoted material: remains the source's (see the row's source); not under CC BY 4.0."
CSV_COLUMNS = [
    "chart", "figure_id", "model", "metric", *[f"model_{lang}" for lang in LANGS], *[f"metric_{lang}" for lang in LANGS],
    "effort", "compute", "samples", "split", "aggregation", "scaffold",
    "pricing", "value", "unit", "qualifier", "claim", "confidence", "formula", "uncertainty", "date",
    "source_id", "source_title", "source_publisher", "source_url", "quote", "locator", *[f"notes_{lang}" for lang in LANGS], "licence",
]
# Spreadsheets run cells that start with these as formulas; a leading apostrophe keeps them text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
IMAGE_FORMATS = ("png", "svg")


def data_version(data_dir: Path) -> str:
    """A short hash of everything under data/: it changes exactly when the data does."""
    h = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        h.update(path.relative_to(data_dir).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:12]


def data_year(story: Story) -> int:
    """The year a citation carries: that of the latest check of a source (stable across rebuilds)."""
    return max(s.accessed for s in story.data.sources).year


def _cell(v: object) -> object:
    if isinstance(v, str) and v.startswith(FORMULA_START):
        return "'" + v
    return "" if v is None else v


def csv_text(chart: Chart, story: Story) -> str:
    """One row per data point, with its unit, setting, confidence, source and notes (what to know to use the
    value, such as how a score was aggregated where the source did not say it, in both languages' plain words).
    UTF-8 with a byte-order mark, as the data package's CSVs, so that a spreadsheet opens the text intact;
    `claim` is true or false, as there."""
    out = io.StringIO("\ufeff")
    out.seek(0, io.SEEK_END)
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for f in chart.figures:
        src = story.data.source(f.source)
        s = f.setting
        metric = story.data.metric(f.metric)
        row = [chart.id, f.id, f.model, f.metric, *[story.data.model_label(f.model, lang) for lang in LANGS],
               *[metric.name[lang] for lang in LANGS], s.effort, s.compute, s.samples, s.split, s.aggregation, s.scaffold,
               s.pricing, f.value, f.unit, f.qualifier, "true" if f.claim else "false", f.confidence, f.formula_in("en"),
               f.uncertainty, f.date.isoformat(), src.id, src.title, src.publisher, src.url, f.quote, f.locator,
               *[plain_words(f.notes[lang], lang, story.data) if f.notes else None for lang in LANGS], ROW_LICENCE]
        w.writerow([_cell(v) for v in row])
    return out.getvalue()


def chart_url(site_url: str, chart_id: str, lang: str) -> str:
    return f"{site_url}{'en/' if lang == 'en' else ''}charts/{chart_id}/"


def citation(chart: Chart, site_url: str, version: str, year: int) -> dict[str, str]:
    lang = chart.lang
    site = t(lang, "site.name")
    url = chart_url(site_url, chart.id, lang)
    # the same creator as the data package and CITATION.cff; the site is where the chart is published
    text = t(lang, "cite.text", creator=CREATOR, site=site, title=chart.title, url=url, version=version, licence=LICENCE)
    bibtex = fmt.bibtex(f"o3story-{chart.id}-{lang}", {"title": chart.title, "author": CREATOR, "organization": site,
                                                       "year": year, "note": f"Data version {version}, {LICENCE}"}, url)
    return {"text": text, "bibtex": bibtex}


def metadata(charts_by_lang: dict[str, Chart], story: Story, site_url: str, version: str, year: int,
             fields: list[dict]) -> dict:
    """The chart's metadata.json; `fields` describes data.csv's columns (datapackage.chart_csv_fields)."""
    zh = charts_by_lang["zh"]
    return {
        "id": zh.id,
        "title": {lang: c.title for lang, c in charts_by_lang.items()},
        "description": {lang: c.description for lang, c in charts_by_lang.items()},
        "notes": {lang: list(c.notes) for lang, c in charts_by_lang.items()},
        "methods": {lang: list(c.methods) for lang, c in charts_by_lang.items()},  # how it was built (the methods page)
        "keys": {lang: list(c.keys) for lang, c in charts_by_lang.items()},  # the texts of the chart's numbered marks
        "url": {lang: chart_url(site_url, zh.id, lang) for lang in charts_by_lang},
        "embed": f"{site_url}embed/{zh.id}/",
        # the chart's views (its buttons), the first drawn by default: a page's or an embed's address
        # opens one with ?view-<id>=<view>, and each has its oEmbed documents
        "views": [
            {"id": view, "label": {lang: dict(chart_views(c))[view] for lang, c in charts_by_lang.items()},
             "query": f"view-{zh.id}={view}" if i else "",
             "oembed": {lang: oembed_url(site_url, zh.id, lang, view if i else None) for lang in charts_by_lang}}
            for i, (view, _) in enumerate(chart_views(zh))
        ],
        "sources": [
            {"id": s.id, "title": s.title, "publisher": s.publisher, "url": s.url,
             "published": s.published.isoformat() if s.published else None, "licence": s.licence}
            for s in zh.sources
        ],
        "figures": [f.id for f in zh.figures],
        "licence": {"name": LICENCE, "url": LICENCE_URL},
        # data.csv's columns: type, title, description and licence (ours, or for the quote its source's;
        # the plotly JSON and the images hold no quote)
        "fields": fields,
        "citation": {lang: citation(c, site_url, version, year) for lang, c in charts_by_lang.items()},
        "data_version": version,
    }


def site_address(site_url: str) -> str:
    """The site's address as printed on a picture: host and path, no scheme, no trailing slash."""
    return site_url.split("://", 1)[-1].rstrip("/")


def footer_lines(lang: str, site_url: str, publishers: list[str] | None, as_of: date | None = None) -> list[str]:
    """The footer band's text: a chart's sources, then "Chart:" site, address, the data's date (`as_of`,
    data/status.yaml: a picture pasted into an article outlives the page it came from) and licence; a
    page's title card (no publishers): the address and the licence (the site's name is on the card)."""
    if not publishers:
        return [t(lang, "image.page", url=site_address(site_url), licence=LICENCE)]
    dated = [t(lang, "image.asof", date=fmt.long_date(as_of, lang))] if as_of else []  # its own line: never split
    return [t(lang, "image.sources", sources=locale(lang).list.join(publishers)), *dated,
            t(lang, "image.credit", site=t(lang, "site.name"), url=site_address(site_url), licence=LICENCE)]


def image_figure(chart: Chart, site_url: str = "", size: frame.Size | None = None, as_of: date | None = None) -> go.Figure:
    """The chart as a standalone picture (a download, or a social card at `frame.CARD`): no buttons,
    the title on top, a footer band with its sources, the site and the licence, light theme. The
    download (no `size`) is 16:9, as wide as its content needs (`download_size`)."""
    publishers = list(dict.fromkeys(s.publisher_in(chart.lang) for s in chart.sources))
    figure = chart.figure
    hints = getattr(charts.CHARTS.get(chart.id), "CARD", None) if size is not None and size.height else None
    if hints:
        figure = card_figure(figure, hints)
    footer = footer_lines(chart.lang, site_url, publishers, as_of)
    others = [label for _, label in chart_views(chart)[1:]]
    if others and size is None:  # a download shows the first view: its reader learns what else the page draws
        footer = [t(chart.lang, "image.views", views=locale(chart.lang).list.join(others))] + footer
    if chart.keys and not (hints and hints.get("drop_notes") and not hints.get("keep_keys")):  # the marks' texts travel with the picture
        footer = [f"{MARKS[i % len(MARKS)]} {k}" for i, k in enumerate(chart.keys)] + footer
    if size is None:
        size = download_size(figure, chart.title, footer, chart.lang)
    return frame.frame(figure, chart.title, footer, chart.lang, size)


def saved_name(chart_id: str, name: str) -> str:
    """The name a chart's file is saved under (the link's `download` attribute): the site and the chart in
    it, so that three charts' files do not land as chart.en.png, chart.en (1).png..."""
    return f"o3-story-{chart_id}-{name}"


def download_size(figure: go.Figure, title: str, footer: list[str], lang: str, ratio: float = 16 / 9) -> frame.Size:
    """The download's 16:9 size, from its content: the chart's own plot height plus the title and the
    footer at a width, then the width that makes that height 9/16 of it (a wider picture wraps its title
    and footer into fewer lines, so a few rounds settle it), never narrower than `frame.DOWNLOAD`. Its
    type is frame.DOWNLOAD's: larger than the page's (frame.DOWNLOAD_GROW), for a picture shown small."""
    base = frame.DOWNLOAD
    plot = (figure.layout.height or 460) - (figure.layout.margin.t or 0)
    above = frame.above_plot(figure, figure.layout.font.size or 13) * base.font / frame.BASE_FONT
    width, seen = base.width, []
    while width not in seen and len(seen) < 10:
        seen.append(width)
        content = frame.layout_for(title, footer, lang, replace(base, width=width), plot, above).height
        width = max(base.width, round(content * ratio))
    if width in seen[:-1]:  # the title wraps into fewer lines at a wider width, and back: the wider one
        width = max(seen[seen.index(width):])
    return replace(base, width=width, height=round(width / ratio))


def card_figure(figure: go.Figure, hints: dict) -> go.Figure:
    """A chart too tall for a 1200x675 card, made shorter as its module's CARD hints say (the chart page
    and the download keep everything):
    `drop_notes`: only the annotations named "o3:keep" stay (the caveats under rows go);
    `keep_keys`: the rows' numbered marks stay, and their texts go in the footer (a caveat that changes what
    a row means: "not the same test");
    `row_ticks`: those kept annotations (row names, with their marks) become the y axes' tick labels instead;
    `text_size`: the size of the points' value labels (rows closer together need smaller ones);
    `text_position`: legend group -> where its points' labels go (beside the points: rows need less height);
    `layout`: layout values to set (e.g. `yaxis_domain`, panel heights for the card's plot height)."""
    fig = go.Figure(copy.deepcopy(figure))
    if hints.get("drop_notes"):
        fig.layout.annotations = [a for a in fig.layout.annotations if a.name == "o3:keep"]
        if not hints.get("keep_keys"):
            for a in fig.layout.annotations:  # and the marks of the chart's keys, whose texts a card has no room for
                a.text = a.text.rstrip(MARKS).rstrip() if a.text else a.text
    if hints.get("row_ticks"):
        rows: dict[str, list[tuple[str, str]]] = {}  # y axis -> (row, its name as shown), in order
        for a in fig.layout.annotations:
            if a.name == "o3:keep":
                rows.setdefault(a.yref or "y", []).append((a.y, re.sub(r"</?b>", "", a.text or "")))
        fig.layout.annotations = [a for a in fig.layout.annotations if a.name != "o3:keep"]
        fig.update_yaxes(showticklabels=True, ticks="", tickfont=dict(size=13))
        for ref, named in rows.items():  # a row's name with its mark, where it has one
            if any(text != row for row, text in named):
                fig.layout["yaxis" + ref[1:]].update(tickmode="array", tickvals=[r for r, _ in named], ticktext=[text for _, text in named])
    if hints.get("text_size"):
        fig.update_traces(textfont_size=hints["text_size"], selector=lambda tr: getattr(tr, "text", None) is not None)
    for group, position in hints.get("text_position", {}).items():
        fig.update_traces(textposition=position, selector=dict(legendgroup=group))
    fig.update_layout(**hints.get("layout", {}))
    return fig


def title_card_figure(title: str, description: str, lang: str, site_url: str) -> go.Figure:
    """The social card of a page without a chart: its title and description, the site and the licence."""
    return frame.title_card(t(lang, "site.name"), title, description, footer_lines(lang, site_url, None), lang)


def title_card_png(title: str, description: str, lang: str, site_url: str, images) -> bytes:
    """A page's title card as PNG bytes (`images` must be available)."""
    return images.render(title_card_figure(title, description, lang, site_url), "png", scale=frame.CARD.scale)


def card_name(lang: str) -> str:
    return f"card.{lang}.png"


def static_figure(chart: Chart, narrow: bool) -> go.Figure:
    """The facade: the chart as plotly will draw it (wide, or narrow at phone width), light theme,
    no title (the page has it). Sized like the box it is shown in, so its text keeps its size. Its
    background is transparent, as the live chart's is: the page's own shows through, in the light
    theme and in the dark one (where site.css inverts the image's marks and text)."""
    from o3story.render.charts.narrow import STATIC_NARROW_WIDTH, WIDE_IMAGE_WIDTH

    fig = go.Figure(copy.deepcopy(chart.narrow.figure) if narrow else copy.deepcopy(chart.figure))
    fig.update_layout(width=STATIC_NARROW_WIDTH if narrow else WIDE_IMAGE_WIDTH, paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)",
                      font_color="#1f2328", legend_font_color="#1f2328")
    for menu in fig.layout.updatemenus or ():
        menu.font.color, menu.bgcolor, menu.bordercolor = "#1f2328", "#eef0f3", "rgba(0,0,0,0.35)"
    axis = dict(gridcolor="rgba(0,0,0,0.10)", zerolinecolor="rgba(0,0,0,0.35)", linecolor="rgba(0,0,0,0.35)", tickcolor="rgba(0,0,0,0.35)")
    fig.update_xaxes(**axis)
    fig.update_yaxes(**axis)
    return fig


THUMBNAIL_TOP = 20  # px above the plot in a gallery picture whose chart has view buttons


def thumbnail_figure(chart: Chart) -> go.Figure:
    """The charts gallery's picture: the wide facade without its view buttons, as a download has none.
    A raster cannot have its active button drawn pressed as the facade SVG is (press_active_button), and
    plotly's own near-white one read as the view not shown; at the tile's size the buttons' words were
    about 6 px."""
    fig = static_figure(chart, narrow=False)
    if fig.layout.updatemenus:  # and without the room above the plot that held them (a sixth of the jailbreak chart's picture)
        fig.layout.updatemenus = ()
        fig.layout.margin.t = THUMBNAIL_TOP
    return fig


# plotly draws its active view button in a fixed near-white (#F4FAFF), lighter than the others: on the
# facade the view shown read as the one not pressed. The live chart's pressed button is the theme's
# indigo with white text (site.css, embed.css): the facade's is given the same (site.css's dark filter
# turns it as it turns the rest of the picture).
ACTIVE_FILL = "fill: rgb(244, 250, 255);"
PRESSED = ("fill: rgb(63, 81, 181);", "stroke: rgb(63, 81, 181); stroke-opacity: 1;", "fill: rgb(255, 255, 255);")
BUTTON = re.compile(r'<g class="updatemenu-button"[^>]*>.*?</g>', re.S)


def press_active_button(svg: bytes) -> bytes:
    """The facade SVG with its active view button drawn pressed, as the live chart shows it; a picture
    with no view buttons is returned as it is."""
    text = svg.decode("utf-8")

    def press(m: re.Match) -> str:
        button = m.group(0)
        if ACTIVE_FILL not in button:
            return button
        fill, stroke, ink = PRESSED
        button = button.replace(ACTIVE_FILL, fill, 1).replace("stroke: rgb(0, 0, 0); stroke-opacity: 0.35;", stroke, 1)
        return re.sub(r'(<text class="updatemenu-item-text"[^>]*style="[^"]*?)fill: rgb\([^)]*\);', lambda t: t.group(1) + ink, button, count=1)

    return BUTTON.sub(press, text).encode("utf-8")


def write_chart_files(site: Path, story: Story, charts_by_lang: dict[str, Chart], site_url: str, version: str,
                      year: int, images, fields: list[dict]) -> list[Path]:
    """Write `chart_files` under <site>/charts/<id>/."""
    out = site / "charts" / charts_by_lang["zh"].id
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in chart_files(story, charts_by_lang, site_url, version, year, images, fields).items():
        path = out / name
        path.write_bytes(data)
        written.append(path)
    return written


def chart_files(story: Story, charts_by_lang: dict[str, Chart], site_url: str, version: str, year: int,
                images, fields: list[dict]) -> dict[str, bytes]:
    """A chart's files by name: data.csv, figure(.lang).json, metadata.json, oembed.<lang>.json and, when
    `images` can render, its pictures (`chart_images`)."""
    zh = charts_by_lang["zh"]
    files: dict[str, bytes] = {}

    def put(name: str, data: str | bytes) -> None:
        files[name] = data if isinstance(data, bytes) else data.encode("utf-8")

    put("data.csv", csv_text(zh, story))
    for lang, chart in charts_by_lang.items():
        put(f"figure.{lang}.json", chart.figure.to_json())
    put("figure.json", zh.figure.to_json())
    put("metadata.json", json.dumps(metadata(charts_by_lang, story, site_url, version, year, fields), ensure_ascii=False, indent=2))
    thumbnails: dict[str, tuple[int, int]] = {}
    if images is not None and images.available:
        for lang, chart in charts_by_lang.items():
            pictures = chart_images(chart, site_url, images, story.data.status.as_of)
            files.update(pictures)
            thumbnails[lang] = png_size(pictures[f"chart.{lang}.png"])
    for lang, chart in charts_by_lang.items():
        put(f"oembed.{lang}.json", json.dumps(oembed(chart, site_url, thumbnails.get(lang)), ensure_ascii=False, indent=2))
        if lang in thumbnails:  # for platforms that take no iframe: the chart's PNG
            put(f"oembed.{lang}.photo.json", json.dumps(oembed_photo(chart, site_url, thumbnails[lang]), ensure_ascii=False, indent=2))
        # each view but the first (drawn by default): its own document, whose frame opens in that view
        for view, _ in chart_views(chart)[1:]:
            put(oembed_url("", chart.id, lang, view).rpartition("/")[2],
                json.dumps(oembed(chart, site_url, None, view), ensure_ascii=False, indent=2))
    return files


def chart_images(chart: Chart, site_url: str, images, as_of: date | None = None) -> dict[str, bytes]:
    """One language's pictures of a chart by file name: the download (PNG, SVG), the social card, the
    facade (wide and narrow SVG) and the gallery's picture. Framing them costs more than the rest of the
    chart's files: a build reuses them while what they show is unchanged (`images.reuse`, keyed by the
    chart's content)."""
    lang = chart.lang
    content = [chart.id, lang, site_url, as_of.isoformat() if as_of else None, chart.title, list(chart.keys), [s.publisher_in(lang) for s in chart.sources],
               chart.figure.to_json(), json.dumps(chart.narrow.figure, sort_keys=True, default=str) if chart.narrow is not None else None]

    def make() -> dict[str, bytes]:
        files = {}
        fig = image_figure(chart, site_url, as_of=as_of)
        for kind in IMAGE_FORMATS:
            files[f"chart.{lang}.{kind}"] = images.render(fig, kind, scale=frame.DOWNLOAD.scale)
        # the social card (og:image of the chart's page, and of the story pages it is the key chart of)
        files[card_name(lang)] = images.render(image_figure(chart, site_url, frame.CARD, as_of), "png", scale=frame.CARD.scale)
        files[f"static.{lang}.svg"] = press_active_button(images.render(static_figure(chart, narrow=False), "svg"))
        # the charts gallery's picture of it: the same facade as a raster, one pixel per layout pixel
        # (sharp at half size on a 2x screen); a browser decodes it off the main thread, where
        # nine SVGs of Chinese text took about half a second of a phone's main thread
        files[thumbnail_name(lang)] = images.render(thumbnail_figure(chart), "webp", scale=1)
        if chart.narrow is not None:
            files[f"static.{lang}.narrow.svg"] = press_active_button(images.render(static_figure(chart, narrow=True), "svg"))
        return files

    reuse = getattr(images, "reuse", None)
    return reuse("chart-images", content, make) if reuse is not None else make()
