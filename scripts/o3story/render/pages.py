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

__all__ = ["PlaceholderError", "chart_page", "href", "render", "render_text", "restore"]


def chart_page(chart_id: str, lang: str, story: Story) -> str:
    """The markdown of /charts/<id>/: title, description meta, the chart with its table and sources.
    The page's title is the chart's finding (its H1, the browser tab, a shared card); `nav_title` names
    the chart in a few words where pages are listed (the navigation, the previous/next links)."""
    chart = charts.build(chart_id, story, lang)
    description = chart.description.replace("\n", " ").replace('"', "'")
    return (
        "---\n"
        f"description: {json.dumps(description, ensure_ascii=False)}\n"
        f"nav_title: {json.dumps(charts.nav_title(chart_id, lang), ensure_ascii=False)}\n"
        "---\n\n"
        # The H1 names the figure (aria-labelledby of the chart block points at this id); it is the
        # chart's title, set as one on a phone (site.css), not as a story's headline.
        f"# {escape(chart.title)} {{#chart-{chart_id}-title .o3-chart-page__title}}\n\n"
        f"{{{{ chart {chart_id} }}}}\n\n"
        f"{{{{ chart-tools {chart_id} }}}}\n"
    )


def render(markdown: str, lang: str, story: Story, page_url: str, kept: list[str] | None = None, **context) -> str:
    """`context`: site_url, images (whether static images are built), version (of the data) and repo_url.
    `kept`: a list that takes each block that fills a whole line, which the returned Markdown then names
    by a comment line (`kept_line`), for `restore` to put back into the generator's HTML: the generator
    does not parse the generated HTML only to write it out as it was."""
    ctx = PageContext(story, lang, page_url, **context)

    def sub(m: re.Match) -> str:
        name, args = m["name"], m["args"].split()
        if name not in BLOCKS:
            raise PlaceholderError(f"unknown placeholder '{{{{ {name} }}}}'")
        out = str(BLOCKS[name](ctx, args))
        text = m.string
        alone = (m.start() == 0 or text[m.start() - 1] == "\n") and (m.end() == len(text) or text[m.end()] == "\n")
        if kept is None or not alone or not out.startswith("<") or "\n\n" in out.strip():
            return out
        kept.append(top_level_lines(tidy_spaces(out, lang)))
        return kept_line(len(kept) - 1)

    out = tidy_spaces(TOKEN.sub(sub, markdown), lang)
    block = evidence.block(ctx, ctx.linked)  # the evidence of the numbers this page links, at its end
    return f"{out}\n\n{block}\n" if block else out


def kept_line(n: int) -> str:
    return f"<!--o3story:kept:{n}-->"


KEPT = re.compile(r"<!--o3story:kept:(\d+)-->")
TAG = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*?(/?)>", re.S)
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


def top_level_lines(html: str) -> str:
    """Each top-level element of a block on its own line, as Markdown writes a run of raw HTML elements:
    a kept block comes out of the generator as it would have if the generator had parsed it."""
    out, depth, last, raw = [], 0, 0, None
    for m in TAG.finditer(html):
        closing, name, selfclosing = m[1], (m[2] or "").lower(), m[3]
        if raw is not None:  # inside <script> or <style>: only its end tag counts
            if not (closing and name == raw):
                continue
            raw, depth = None, depth - 1
        elif not name:  # a comment
            continue
        elif closing:
            depth -= 1
        elif name in ("script", "style"):
            raw = name
            depth += 1
            continue
        elif name not in VOID and not selfclosing:
            depth += 1
            continue
        if depth == 0 and html.startswith("<", m.end()):
            out.append(html[last:m.end()] + "\n")
            last = m.end()
    return "".join(out) + html[last:]


def restore(html: str, kept: list[str]) -> str:
    """The generator's HTML with each kept block back in its place."""
    return KEPT.sub(lambda m: kept[int(m[1])], html) if kept else html
