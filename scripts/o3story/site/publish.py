"""The chart files that are not pages: downloads under /charts/<id>/ and embeds under /embed/<id>/;
and the scorecard's embed, /embed/scorecard/ (and /en/embed/scorecard/, opening in English), with
its oEmbed documents beside the first."""

from __future__ import annotations

from pathlib import Path

import json

from o3story.data.locale import LANGS
from o3story.render import charts, datapackage, exports, scorecard_embed
from o3story.render.embed import embed_html
from o3story.render.context import PageContext
from o3story.data.story import Story


def publish_charts(site: Path, story: Story, site_url: str, version: str, images) -> list[Path]:
    """Every chart's files (`chart_files`), reused from an earlier build of the same code and data."""
    written: list[Path] = []
    reuse = getattr(images, "reuse", None)
    available = images is not None and images.available
    for chart_id in charts.CHARTS:
        def make(chart_id=chart_id):
            return chart_files(chart_id, story, site_url, version, images)
        inputs = [version, chart_id, site_url, available]
        for rel, data in (reuse("chart-files", inputs, make) if reuse is not None else make()).items():
            path = site / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(path)
    return written


def chart_files(chart_id: str, story: Story, site_url: str, version: str, images) -> dict[str, bytes]:
    """One chart's files by their path in the site: its downloads under charts/<id>/ and its embed page."""
    by_lang = {lang: charts.build(chart_id, story, lang) for lang in LANGS}
    files = {f"charts/{chart_id}/{name}": data
             for name, data in exports.chart_files(story, by_lang, site_url, version, exports.data_year(story), images,
                                                 datapackage.chart_csv_fields()).items()}
    # Inside another site, links back to the story open in a new tab.
    tables = {lang: PageContext(story, lang, f"embed/{chart_id}/", new_tab=True).figure_rows(list(chart.figures))
              for lang, chart in by_lang.items()}
    embed = embed_html(by_lang, tables, images is not None and images.available, site_url, story.data.status.as_of if story.data.status else None)
    files[f"embed/{chart_id}/index.html"] = embed.encode("utf-8")
    return files


def publish_scorecard(site: Path, story: Story, site_url: str) -> list[Path]:
    written = []
    for lang in LANGS:  # /embed/scorecard/ opens in Chinese, /en/embed/scorecard/ in English
        page = site / scorecard_embed.path(lang) / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(scorecard_embed.embed_html(story, site_url, lang), encoding="utf-8")
        written.append(page)
    folder = site / scorecard_embed.PATH
    for lang in LANGS:
        path = folder / scorecard_embed.oembed_url("", lang)[len(scorecard_embed.PATH):]
        path.write_text(json.dumps(scorecard_embed.oembed(story, lang, site_url), ensure_ascii=False, indent=2), encoding="utf-8")
        written.append(path)
    return written
