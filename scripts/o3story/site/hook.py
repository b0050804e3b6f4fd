"""MkDocs adapter: the only place that knows about MkDocs. Each event calls a plain step of
site/steps.py, which does the work."""

from __future__ import annotations

import html
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # hooks are loaded by path

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority, get_plugin_logger  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from o3story.data.errors import DataErrors  # noqa: E402
from o3story.render.charts import ChartError  # noqa: E402
from o3story.render.pages import PlaceholderError  # noqa: E402
from o3story.site import steps, vendor  # noqa: E402

ERRORS = (DataErrors, ChartError, PlaceholderError, vendor.MissingAssets)
build = steps.Build(Path(__file__).resolve().parents[3])
if not build.images.available:
    get_plugin_logger("o3story").warning("no Chrome or Chromium found: chart images (PNG/SVG) are skipped; every page still works")


def on_config(config):  # before MkDocs touches the site folder: bad data never half-writes a site
    config.nav = steps.with_chart_pages(config.nav)
    try:  # O3STORY_DATA lets tests build the real pages against a broken copy of data/
        build.load(Path(os.environ.get("O3STORY_DATA") or Path(config.config_file_path).parent / "data"))
    except DataErrors as exc:
        raise PluginError(str(exc)) from None
    return config


# Generated pages must pass through mkdocs-static-i18n (on_files at priority -100), which keeps only
# files under docs_dir and re-creates them without content: announce them before, fill them after.
@event_priority(-50)
def _announce_chart_pages(files, config):
    for src in steps.chart_page_sources():
        files.append(File(src, config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-150)
def _fill_chart_pages(files, config):
    for f in files.documentation_pages():
        if (page := steps.chart_page_of(f.src_uri)) is not None:
            f.content_string, f.generated_by = _do(f.src_uri, build.chart_page, *page), "o3story"
    return files


on_files = CombinedEvent(_announce_chart_pages, _fill_chart_pages)


def on_serve(server, config, builder):
    # mkdocs.yml's `watch:` (data/, the package) is scheduled after this event: its folders are polled
    # every 0.1 s instead of 0.5 s, so that a data edit shows sooner (the other watched folders keep 0.5 s)
    server.observer._timeout = steps.DATA_POLL_S
    return server


def on_env(env, config, files):  # the theme's templates, compiled once and kept by their source's hash
    env.bytecode_cache = build.templates
    return env


def on_page_markdown(markdown, page, config, files):
    lang = _lang(page, config)
    if "description" in page.meta:
        page.meta["description"] = _do(page.file.src_uri, build.description, page.meta["description"], lang)
    return _do(page.file.src_uri, build.page_markdown, markdown, lang, page.url, config.site_url or "", config.repo_url or "")


def on_page_content(html, page, config, files):
    if isinstance(getattr(page, "present_anchor_ids", None), set):  # MkDocs checks #links against the ids it parsed
        page.present_anchor_ids |= build.kept_ids(page.url)
    return build.page_html(html, page.url)


def on_page_context(context, page, config, nav):  # after static-i18n's (priority 50), which sets the alternates
    title = next((i.title for i in (page.toc.items if page.toc else ()) if i.level == 1), None) or page.title or ""
    links = {alt["lang"]: alt["link"] for alt in getattr(config.extra, "alternate", None) or []}
    context["o3"] = build.page_context(_lang(page, config), page.url, html.unescape(title),  # markdown's entity escapes, once
                                       html.unescape(page.meta.get("description") or config.site_description or ""),
                                       links, config.site_url or "", Path(config.site_dir), config.repo_url or "")
    return context


def on_post_page(output, page, config):
    return build.finish_page(output, _lang(page, config))


def on_template_context(context, template_name, config):
    if template_name == "404.html":  # an attribute, as static-i18n sets it (it shadows the mapping key)
        config.extra.alternate, context["o3"], context["o3_notfound"] = build.notfound_context(
            config.site_url or "", getattr(config.extra, "alternate", None) or [])
    return context


def on_post_template(output, template_name, config):
    return build.finish_page(output, None) if template_name == "404.html" else output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and written the search index
def on_post_build(config):
    _do("post-build", build.finish_site, Path(config.site_dir), config.site_url or "", config.repo_url or "")


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def _do(where: str, step, *args):
    try:
        return step(*args)
    except ERRORS as exc:
        raise PluginError(f"{where}: {exc}" if isinstance(exc, PlaceholderError) else str(exc)) from None
