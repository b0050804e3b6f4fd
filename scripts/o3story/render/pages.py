"""Fill the {{ ... }} placeholders of hand-written pages with content generated from data.

Pure: `render(markdown, lang, story, page_url)` returns the new markdown. Each placeholder is a page
block (render/blocks/, one registered function of a `PageContext` and one Jinja2 template with
autoescape on): Python hands templates plain values and decides nothing about markup, so nothing from
data/ can become markup. Unknown placeholders are errors, never left on a page.
"""

from __future__ import annotations

import json
import re

from markupsafe import escape

from o3story.data.placeholders import TOKEN
from o3story.data.story import Story
from o3story.render import charts, evidence
from o3story.render.blocks import BLOCKS
from o3story.render.fmt import tidy_spaces
from o3story.render.context import PageContext, PlaceholderError, href, render_text

__all__ = ["PlaceholderError", "chart_page", "href", "render", "render_text"]


def chart_page(chart_id: str, lang: str, story: Story) -> str:
    """The markdown of /charts/<id>/: title, description meta, the chart with its table and sources."""
    chart = charts.build(chart_id, story, lang)
    description = chart.description.replace("\n", " ").replace('"', "'")
    return (
        "---\n"
        f"description: {json.dumps(description, ensure_ascii=False)}\n"
        "---\n\n"
        # The H1 names the figure (aria-labelledby of the chart block points at this id).
        f"# {escape(chart.title)} {{#chart-{chart_id}-title}}\n\n"
        f"{{{{ chart {chart_id} }}}}\n\n"
        f"{{{{ chart-tools {chart_id} }}}}\n"
    )


def render(markdown: str, lang: str, story: Story, page_url: str, **context) -> str:
    """`context`: site_url, images (whether static images are built), version (of the data) and repo_url."""
    ctx = PageContext(story, lang, page_url, **context)

    def sub(m: re.Match) -> str:
        name, args = m["name"], m["args"].split()
        if name not in BLOCKS:
            raise PlaceholderError(f"unknown placeholder '{{{{ {name} }}}}'")
        return str(BLOCKS[name](ctx, args))

    out = tidy_spaces(TOKEN.sub(sub, markdown), lang)
    block = evidence.block(ctx, ctx.linked)  # the evidence of the numbers this page links, at its end
    return f"{out}\n\n{block}\n" if block else out
