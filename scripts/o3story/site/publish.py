"""The chart files that are not pages: downloads under /charts/<id>/ and embeds under /embed/<id>/."""

from __future__ import annotations

from pathlib import Path

from o3story.render import charts, exports
from o3story.render.embed import embed_html
from o3story.render.fmt import esc, esc_attr
from o3story.render.pages import Renderer
from o3story.data.story import Story


def publish_charts(site: Path, story: Story, site_url: str, version: str, images) -> list[Path]:
    written: list[Path] = []
    year = exports.data_year(story)
    for chart_id in charts.CHARTS:
        by_lang = {lang: charts.build(chart_id, story, lang) for lang in ("zh", "en")}
        written += exports.write_chart_files(site, story, by_lang, site_url, version, year, images)
        tables, sources = {}, {}
        for lang, chart in by_lang.items():
            r = Renderer(story, lang, f"embed/{chart_id}/")
            tables[lang] = r._figure_rows(list(chart.figures)).replace('href="../../methods/', 'target="_blank" href="../../methods/' if lang == "zh" else 'target="_blank" href="../../en/methods/')
            sources[lang] = "; ".join(
                f'<a href="{esc_attr(s.url)}" target="_blank" rel="noopener">{esc(s.title)}</a> ({esc(s.publisher)})' for s in chart.sources
            )
        page = site / "embed" / chart_id / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(embed_html(by_lang, tables, sources, images is not None and images.available, site_url), encoding="utf-8")
        written.append(page)
    return written
