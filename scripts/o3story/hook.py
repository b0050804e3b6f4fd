"""MkDocs hook: the only place that knows about MkDocs. It loads data/ once per
build, fills each page's placeholders and fixes what the theme gets wrong; all
the work is done by the package's plain functions."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # hooks are loaded by path

from mkdocs.exceptions import PluginError  # noqa: E402

from o3story import seo  # noqa: E402
from o3story.errors import DataErrors  # noqa: E402
from o3story.pages import PlaceholderError, render, render_text  # noqa: E402
from o3story.story import Story, load_story  # noqa: E402

_story: Story | None = None


def on_config(config):
    # Runs before MkDocs touches the site folder, so bad data never half-writes a site.
    global _story
    # O3STORY_DATA lets tests build the real pages against a broken copy of data/.
    data = Path(os.environ.get("O3STORY_DATA") or Path(config.config_file_path).parent / "data")
    try:
        _story = load_story(data)
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    return config


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def on_page_markdown(markdown, page, config, files):
    lang = _lang(page, config)
    try:
        if "description" in page.meta:
            page.meta["description"] = render_text(page.meta["description"], lang, _story)
        return render(markdown, lang, _story, page.url)
    except PlaceholderError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


def on_post_page(output, page, config):
    return seo.absolute_alternates(output, config.site_url, page.url)


def on_post_build(config):
    seo.sitemaps_beside_alternates(Path(config.site_dir))
