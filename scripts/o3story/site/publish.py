"""The chart files that are not pages: downloads under /charts/<id>/ and embeds under /embed/<id>/;
and the scorecard's embed, /embed/scorecard/ (and /en/embed/scorecard/, opening in English), with
its oEmbed documents beside the first."""

from __future__ import annotations

from pathlib import Path

import json

from o3story.data.locale import LANGS
from o3story.render import charts, exports, scorecard_embed
from o3story.render.embed import embed_html
from o3story.render.context import PageContext
from o3story.data.story import Story


def publish_charts(site: Path, story: Story, site_url: str, version: str, images) -> list[Path]:
    written: list[Path] = []
    year = exports.data_year(story)
    for chart_id in charts.CHARTS:
        by_lang = {lang: charts.build(chart_id, story, lang) for lang in LANGS}
        written += exports.write_chart_files(site, story, by_lang, site_url, version, year, images)
        # Inside another site, links back to the story open in a new tab.
        tables = {lang: PageContext(story, lang, f"embed/{chart_id}/", new_tab=True).figure_rows(list(chart.figures))
                  for lang, chart in by_lang.items()}
        page = site / "embed" / chart_id / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(embed_html(by_lang, tables, images is not None and images.available, site_url), encoding="utf-8")
        written.append(page)
    return written


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
