"""Downloads: CSV rows are the chart's data points; metadata cites; images are cached by content."""

from __future__ import annotations

import csv
import dataclasses
import html
import io
import json
import re
from pathlib import Path

import pytest

from o3story.render import charts, datapackage, exports, fmt
from o3story.render.embed import png_size
from o3story.render.charts.narrow import STATIC_NARROW_WIDTH
from o3story.render.images import Images, find_browser
from o3story.render.reuse import Reuse
from o3story.data.story import load_story

DATA = Path(__file__).resolve().parents[2] / "data"
FIELDS = datapackage.chart_csv_fields()  # data.csv's columns, as metadata.json describes them


@pytest.fixture(scope="module")
def story():
    return load_story(DATA)


@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
def test_csv_rows_equal_the_data_points(story, chart_id):
    chart = charts.build(chart_id, story, "en")
    rows = list(csv.DictReader(io.StringIO(exports.csv_text(chart, story))))
    assert [r["figure_id"] for r in rows] == [f.id for f in chart.figures]
    for row, fig in zip(rows, chart.figures):
        assert float(row["value"]) == fig.value and row["unit"] == fig.unit
        assert row["confidence"] == fig.confidence and row["source_id"] == fig.source
        assert row["source_url"] == story.data.source(fig.source).url


def test_csv_cells_cannot_become_formulas(story):
    chart = charts.build("o3-vs-o1", story, "en")
    hostile = chart.figures[0].model_copy(update={"model": "=HYPERLINK(\"http://x\")"})
    chart = charts.base.Chart(chart.id, "en", chart.title, chart.description, chart.figure, (hostile,), sources=chart.sources)
    row = list(csv.DictReader(io.StringIO(exports.csv_text(chart, story))))[0]
    assert row["model"].startswith("'=")


def test_metadata_has_citation_licence_and_version(story, tmp_path):
    by_lang = {lang: charts.build("arc-agi-cost", story, lang) for lang in ("zh", "en")}
    files = exports.write_chart_files(tmp_path, story, by_lang, "https://example.org/site/", "abc123", 2026, None, FIELDS)
    names = sorted(p.name for p in files)
    # the chart has two views: the second has its own oEmbed documents (views in the address)
    assert names == ["data.csv", "figure.en.json", "figure.json", "figure.zh.json", "metadata.json", "oembed.en.json",
                     "oembed.en.view-repriced.json", "oembed.zh.json", "oembed.zh.view-repriced.json"]
    meta = json.loads((tmp_path / "charts/arc-agi-cost/metadata.json").read_text(encoding="utf-8"))
    assert meta["licence"]["name"] == "CC BY 4.0" and meta["data_version"] == "abc123"
    assert meta["url"]["en"] == "https://example.org/site/en/charts/arc-agi-cost/"
    assert "@misc{o3story-arc-agi-cost-en" in meta["citation"]["en"]["bibtex"]
    # one creator wherever the work is cited: the chart's citation names the data package's
    for lang in ("zh", "en"):
        assert "author = {{The o3-story contributors}}" in meta["citation"][lang]["bibtex"], meta["citation"][lang]["bibtex"]
        assert meta["citation"][lang]["text"].startswith("The o3-story contributors")
    assert meta["title"]["zh"] != meta["title"]["en"]
    assert {s["id"] for s in meta["sources"]} == {f.source for f in by_lang["zh"].figures}
    fig = json.loads((tmp_path / "charts/arc-agi-cost/figure.en.json").read_text(encoding="utf-8"))
    assert fig["data"] and fig["layout"]


def test_data_version_follows_the_data(tmp_path):
    (tmp_path / "a.yaml").write_text("x: 1\n", encoding="utf-8")
    v1 = exports.data_version(tmp_path)
    assert v1 == exports.data_version(tmp_path)
    (tmp_path / "a.yaml").write_text("x: 2\n", encoding="utf-8")
    assert exports.data_version(tmp_path) != v1


@pytest.mark.slow
@pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make browser)")
def test_images_name_the_chart_in_its_language_and_are_cached(story, tmp_path):
    images = Images(tmp_path / "cache", find_browser())
    by_lang = {lang: charts.build("o3-vs-o1", story, lang) for lang in ("zh", "en")}
    site = tmp_path / "site"
    exports.write_chart_files(site, story, by_lang, "https://example.org/", "v", 2026, images, FIELDS)
    # per language: PNG and SVG downloads, the social card, wide and phone-width facades, the gallery's WebP
    assert images.rendered == 12
    out = site / "charts/o3-vs-o1"
    for lang in ("zh", "en"):
        wide = (out / f"static.{lang}.svg").read_text(encoding="utf-8")
        phone = (out / f"static.{lang}.narrow.svg").read_text(encoding="utf-8")
        assert 'width="680"' in wide[:400] and f'width="{STATIC_NARROW_WIDTH}"' in phone[:400]
        assert by_lang[lang].title not in wide  # the page names the chart; the facade is the plot alone
        thumb = (out / f"thumb.{lang}.webp").read_bytes()  # the gallery's: the wide facade, one pixel per layout pixel
        assert thumb[:4] == b"RIFF" and thumb[8:12] == b"WEBP"
    for lang in ("zh", "en"):
        assert png_size((out / f"card.{lang}.png").read_bytes()) == (1200, 675)
        svg = (out / f"chart.{lang}.svg").read_text(encoding="utf-8")
        # the title, wrapped to the picture's width (a title that says what its marks show runs to two lines)
        lines = html.unescape("".join(re.findall(r">([^<>]*)</(?:tspan|text)>", svg)))  # one line: no tspan
        assert re.sub(r"\s", "", by_lang[lang].title) in re.sub(r"\s", "", lines)
        # the SVG names its language's fonts: a CJK font for Chinese; none for English, whose curly quotes and
        # middle dots a CJK font would draw full-width
        if lang == "zh":
            assert "Noto Sans CJK SC" in svg
        else:  # the band's invisible dot names the font its size is worked out for (frame.DOT_FONT), nothing else does
            assert "Arial" in svg and svg.count("Noto Sans CJK") == 1, svg.count("Noto Sans CJK")
        png = (out / f"chart.{lang}.png").read_bytes()
        assert png.startswith(b"\x89PNG") and len(png) > 20_000
    assert by_lang["en"].title not in (out / "chart.zh.svg").read_text(encoding="utf-8")
    # unchanged data: nothing is rendered again
    again = Images(tmp_path / "cache", find_browser())
    exports.write_chart_files(tmp_path / "site2", story, by_lang, "https://example.org/", "v", 2026, again, FIELDS)
    assert again.rendered == 0
    assert (tmp_path / "site2/charts/o3-vs-o1/chart.en.png").read_bytes() == (out / "chart.en.png").read_bytes()
    # a later build reuses the pictures while what they show is unchanged: the same bytes, no framing
    for n, name in enumerate(("site3", "site4")):
        again.reuse = Reuse(tmp_path / "reuse")
        exports.write_chart_files(tmp_path / name, story, by_lang, "https://example.org/", "v", 2026, again, FIELDS)
        assert (again.reuse.hits, again.reuse.misses) == ((0, 2) if n == 0 else (2, 0))
    fresh = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert fresh == sorted(p.relative_to(tmp_path / "site4") for p in (tmp_path / "site4").rglob("*") if p.is_file())
    assert all((tmp_path / "site4" / rel).read_bytes() == (site / rel).read_bytes() for rel in fresh)
    retitled = {**by_lang, "en": dataclasses.replace(by_lang["en"], title="Another title")}
    again.reuse = Reuse(tmp_path / "reuse")
    exports.write_chart_files(tmp_path / "site5", story, retitled, "https://example.org/", "v", 2026, again, FIELDS)
    assert (again.reuse.hits, again.reuse.misses) == (1, 1)  # the English pictures show the new title
    images.close()


def test_metadata_states_each_columns_licence(story, tmp_path):
    """Every column of data.csv has its licence in metadata.json: ours (CC BY 4.0), except the quote,
    which remains its source's; the CSV's own licence column says the same."""
    by_lang = {lang: charts.build("o3-vs-o1", story, lang) for lang in ("zh", "en")}
    exports.write_chart_files(tmp_path, story, by_lang, "https://example.org/", "abc123", 2026, None, FIELDS)
    meta = json.loads((tmp_path / "charts/o3-vs-o1/metadata.json").read_text(encoding="utf-8"))
    raw = (tmp_path / "charts/o3-vs-o1/data.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())  # a spreadsheet opens the Chinese text intact
    header = next(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [f["name"] for f in meta["fields"]] == header
    for f in meta["fields"]:
        assert f["type"] and f["title"] and len(f["description"]) > 20, f  # what the column is, not only its licence
        (licence,) = f["licenses"]
        if f["name"] == "quote":
            assert licence["name"] == "LicenseRef-quoted-source" and "not under CC BY 4.0" in f["rights"]
        else:
            assert licence == {"name": "CC-BY-4.0", "path": exports.LICENCE_URL, "title": "Creative Commons Attribution 4.0 International"}
            assert "rights" not in f, f["name"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "charts/o3-vs-o1/data.csv").read_text(encoding="utf-8-sig"))))
    assert all(r["licence"] == "CC BY 4.0, except quote (the source's own terms)" for r in rows)
    assert {r["claim"] for r in rows} <= {"true", "false"}  # as in the data package
    # a point's notes travel with it, in plain words: the o1 score said on the livestream is cons@64
    o1 = next(r for r in rows if r["figure_id"] == "o1.aime-2024")
    assert "cons@64" in o1["notes_en"] and "cons@64" in o1["notes_zh"], o1
    assert not any("{{" in r["notes_en"] + r["notes_zh"] for r in rows)




LATEX_UNESCAPE = {v: k for k, v in __import__("o3story.render.fmt", fromlist=["x"]).LATEX_SPECIAL.items()}


def test_every_chart_s_bibtex_reads_in_latex_as_its_title(story):
    """A title such as "87.5% at $20 per task" is pasted into LaTeX: % would end the line there and $ start
    mathematics. Every entry's fields carry no unescaped special character, and the title reads back whole."""
    special = re.compile(r"(?<!\\)[%$&#_^~]")
    for chart_id in charts.CHARTS:
        for lang in ("zh", "en"):
            chart = charts.build(chart_id, story, lang)
            entry = exports.citation(chart, "https://example.org/site/", "v1", 2026)["bibtex"]
            fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", entry, re.M))
            assert set(fields) == {"title", "author", "organization", "year", "howpublished", "note"}, entry
            for name, value in fields.items():
                if name != "howpublished":
                    assert not special.search(value), (chart_id, lang, name, value)
            title = re.sub(r"\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\[{}%$&#_]",
                           lambda m: LATEX_UNESCAPE[m.group()], fields["title"][1:-1])
            assert title == chart.title, (chart_id, lang)

def test_every_chart_csv_is_valid_against_the_fields_its_metadata_describes(story, tmp_path):
    """A data user can type and check each data.csv with its metadata.json alone: the fields (types, required
    cells, allowed values) validate every chart's rows with no error."""
    from frictionless import Resource, Schema

    for chart_id in charts.CHARTS:
        by_lang = {lang: charts.build(chart_id, story, lang) for lang in ("zh", "en")}
        files = exports.chart_files(story, by_lang, "https://example.org/", "v", 2026, None, FIELDS)
        fields = json.loads(files["metadata.json"])["fields"]
        (tmp_path / f"{chart_id}.csv").write_bytes(files["data.csv"])
        resource = Resource(path=f"{chart_id}.csv", basepath=str(tmp_path), encoding="utf-8-sig",
                            schema=Schema.from_descriptor({"fields": fields}))
        report = resource.validate()
        assert report.valid, (chart_id, report.flatten(["rowNumber", "fieldName", "message"]))
        stats = report.tasks[0].stats
        assert stats["fields"] == len(fields) and stats["rows"] == len(by_lang["zh"].figures), (chart_id, stats)

def test_a_card_keeps_a_caveat_that_changes_what_a_row_means(story):
    """The claims-vs-shipped card: FrontierMath's December and later points are not the same test. The
    card keeps the row's mark (on its name) and the caveat (in its footer), as the chart and the download do."""
    from o3story.render import frame

    for lang in ("zh", "en"):
        chart = charts.build("claims-vs-shipped", story, lang)
        assert chart.keys, "the chart's caveat is a key"
        fig = exports.image_figure(chart, "https://example.org/", frame.CARD)
        footer = next(a.text for a in fig.layout.annotations if a.name == "o3:footer").replace("<br>", "")
        assert chart.keys[0][:12] in footer, (lang, footer[:120])
        names = [t for key in fig.layout.to_plotly_json() if key.startswith("yaxis") for t in (fig.layout[key].ticktext or ())]
        assert any(n.endswith("①") for n in names), names


def test_a_picture_s_sources_are_listed_with_the_language_s_separator():
    """The footer band of a download or card lists its sources as its language lists things: 、 in
    Chinese (it was the English ", "), ", " in English."""
    names = ["OpenAI（YouTube）", "OpenAI", "ARC Prize Foundation"]
    assert exports.footer_lines("zh", "https://example.org/s/", names)[0] == "来源：OpenAI（YouTube）、OpenAI、ARC Prize Foundation"
    assert exports.footer_lines("en", "https://example.org/s/", names)[0] == "Source: OpenAI（YouTube）, OpenAI, ARC Prize Foundation"


def test_a_chart_picture_is_dated_by_its_data(story):
    """A download or card pasted into an article outlives the page it came from: its footer says how
    current its data is (data/status.yaml's as_of), as an embed's credit does. Without a date (a caller
    that gives none) the credit stands undated rather than guessed."""
    from o3story.render import frame

    day = story.data.status.as_of
    for lang, said in (("zh", "数据截至 " + fmt.long_date(day, "zh")), ("en", "Data as of " + fmt.long_date(day, "en"))):
        chart = charts.build("o3-vs-o1", story, lang)
        for size in (None, frame.CARD):
            fig = exports.image_figure(chart, "https://example.org/", size, day)
            footer = next(a.text for a in fig.layout.annotations if a.name == "o3:footer").replace("<br>", "")
            assert said in footer, (lang, size, footer[-160:])
        # a line of its own, so that wrapping never parts the date from its words
        assert said in exports.footer_lines(lang, "https://example.org/", ["OpenAI"], day)
        undated = exports.footer_lines(lang, "https://example.org/", ["OpenAI"])
        assert len(undated) == 2 and not any(said.split(" ")[0] in line for line in undated), undated


def test_a_download_of_a_chart_with_views_names_the_views_it_does_not_show(story):
    """A download draws the chart's first view; a print reader cannot press its buttons. The refusal chart's
    title speaks of both of OpenAI's documents, and its picture shows the paper's: its footer names the
    other view, the o3-mini card, as it stands on the chart's page. A chart without views adds nothing."""
    for lang in ("zh", "en"):
        chart = charts.build("refusal-vs-overrefusal", story, lang)
        (_, other), = charts.views(chart)[1:]
        fig = exports.image_figure(chart, "https://example.org/")
        footer = next(a.text for a in fig.layout.annotations if a.name == "o3:footer").replace("<br>", "")
        assert other in footer, (lang, footer[:200])
        plain = exports.image_figure(charts.build("o3-vs-o1", story, lang), "https://example.org/")
        words = "另有一个视图" if lang == "zh" else "another view"
        assert words not in next(a.text for a in plain.layout.annotations if a.name == "o3:footer")


def test_a_chart_s_csv_names_models_and_metrics_as_the_chart_does(story):
    """Redrawing a chart from its data.csv alone (in Datawrapper, a spreadsheet) needs the names it shows,
    not only the ids: each row gives its model's and its metric's names in both languages, as the data
    package's models.csv and metrics.csv do."""
    chart = charts.build("arc-agi-cost", story, "zh")
    rows = list(csv.DictReader(io.StringIO(exports.csv_text(chart, story).lstrip("\ufeff"))))
    assert len(rows) == len(chart.figures)
    for row in rows:
        for lang in ("zh", "en"):
            assert row[f"model_{lang}"] == story.data.model_label(row["model"], lang)
            assert row[f"metric_{lang}"] == story.data.metric(row["metric"]).name[lang]
    assert {"人类测试组", "human panel"} <= {r["model_zh"] for r in rows} | {r["model_en"] for r in rows}


# Two view buttons as plotly's SVG has them: the active one in plotly's fixed near-white, the other in
# the facade's grey (exports.static_figure).
BUTTONS = ('<g class="updatemenu-button" transform="translate(89,33)"><rect class="updatemenu-item-rect" x="0" y="0" '
           'style="stroke: rgb(0, 0, 0); stroke-opacity: 0.35; fill: rgb(244, 250, 255); fill-opacity: 1;"/>'
           '<text class="updatemenu-item-text" style="font-size: 12px; fill: rgb(31, 35, 40); fill-opacity: 1;">Paper</text></g>'
           '<g class="updatemenu-button" transform="translate(192,33)"><rect class="updatemenu-item-rect" x="0" y="0" '
           'style="stroke: rgb(0, 0, 0); stroke-opacity: 0.35; fill: rgb(238, 240, 243); fill-opacity: 1;"/>'
           '<text class="updatemenu-item-text" style="font-size: 12px; fill: rgb(31, 35, 40); fill-opacity: 1;">Card</text></g>')


def test_the_facade_shows_its_view_button_pressed_as_the_live_chart_does():
    """The static image's active view button was plotly's near-white, lighter than the grey of the
    others, so the view not shown looked pressed; it now has the live chart's pressed look (indigo,
    white text), and the other button is unchanged."""
    out = exports.press_active_button(f"<svg>{BUTTONS}</svg>".encode()).decode()
    first, second = re.findall(r'<g class="updatemenu-button".*?</g>', out)
    assert "fill: rgb(63, 81, 181)" in first and "stroke: rgb(63, 81, 181)" in first and "fill: rgb(255, 255, 255)" in first
    assert "244, 250, 255" not in out
    assert second == re.findall(r'<g class="updatemenu-button".*?</g>', BUTTONS)[1]
    plain = b"<svg><g class='trace'/></svg>"
    assert exports.press_active_button(plain) == plain


@pytest.mark.slow
@pytest.mark.skipif(find_browser() is None, reason="needs Chromium (make browser)")
@pytest.mark.parametrize("chart_id", ["refusal-vs-overrefusal", "arc-agi-cost"])
def test_each_facade_with_view_buttons_has_one_pressed(story, chart_id, tmp_path):
    """On the real charts: the facade's SVG (as kaleido draws it) has one pressed button, the first
    view's, and no button in plotly's active near-white."""
    images = Images(tmp_path / "cache", find_browser())
    chart = charts.build(chart_id, story, "en")
    svg = exports.press_active_button(images.render(exports.static_figure(chart, narrow=False), "svg")).decode()
    buttons = re.findall(r'<g class="updatemenu-button".*?</g>', svg)
    assert len(buttons) == 2 and "fill: rgb(63, 81, 181)" in buttons[0] and "fill: rgb(63, 81, 181)" not in buttons[1]
    assert "244, 250, 255" not in svg


@pytest.mark.parametrize("chart_id", ["refusal-vs-overrefusal", "arc-agi-cost"])
def test_the_gallery_picture_has_no_view_buttons(story, chart_id):
    """The gallery's raster cannot show its active view button pressed as the facade SVG does: plotly's
    near-white active button read as the view not shown. Like a download, it has no buttons, nor the
    room above the plot that held them; it is otherwise the wide facade (same size, same marks)."""
    chart = charts.build(chart_id, story, "zh")
    facade, thumb = exports.static_figure(chart, narrow=False), exports.thumbnail_figure(chart)
    assert len(facade.layout.updatemenus) == 1 and thumb.layout.updatemenus == ()
    assert thumb.layout.margin.t < facade.layout.margin.t  # nor the room that held them
    assert (thumb.layout.width, thumb.layout.height) == (facade.layout.width, facade.layout.height)
    assert thumb.data == facade.data
