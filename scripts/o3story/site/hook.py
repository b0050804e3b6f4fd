"""MkDocs adapter, the only module that knows MkDocs: each event hands plain values to a step of
site/steps.py. An event returning None keeps MkDocs' own value. A step's known failure stops the build
with its message alone."""

from __future__ import annotations

import functools
import html
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # hooks are loaded by path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File

from o3story.site import steps

build = steps.Build(Path(__file__).resolve().parents[3])


def event(fn):
    @functools.wraps(fn)  # keeps an event's priority
    def run(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except steps.StepError as exc:
            raise PluginError(str(exc)) from None
    return run


@event
def on_config(config):  # before the site folder is touched; O3STORY_DATA: tests build the real pages from a broken data/
    config.nav = steps.with_chart_pages(config.nav)
    build.load(Path(os.environ.get("O3STORY_DATA") or Path(config.config_file_path).parent / "data"),
               config.site_url or "", config.repo_url or "", Path(config.site_dir))


# mkdocs-static-i18n (on_files at -100) keeps only files under docs_dir, re-created without content:
# generated pages are announced before it and filled after it.
@event_priority(-50)
def _announce(files, config):
    for src in steps.chart_page_sources():
        files.append(File(src, config.docs_dir, config.site_dir, config.use_directory_urls))


@event_priority(-150)
@event
def _fill(files, config):
    for f in files.documentation_pages():
        if page := steps.chart_page_of(f.src_uri):
            f.content_string, f.generated_by = build.chart_page(*page), "o3story"


on_files = CombinedEvent(_announce, _fill)


def on_serve(server, config, builder):  # data/ and the package (`watch:`) polled every 0.1 s, not 0.5 s
    server.observer._timeout = steps.DATA_POLL_S


def on_env(env, config, files):  # the templates, compiled once and kept by their source's hash
    env.bytecode_cache = build.templates


@event
def on_page_markdown(markdown, page, config, files):
    lang, src, meta = _lang(page, config), page.file.src_uri, page.meta
    if "description" in meta:
        meta["description"] = build.description(meta["description"], lang, src=src)
    return build.page_markdown(markdown, lang, page.url, src=src)


def on_page_content(content, page, config, files):  # MkDocs checks #links against the ids it parsed
    if isinstance(getattr(page, "present_anchor_ids", None), set):
        page.present_anchor_ids |= build.kept_ids(page.url)
    return build.page_html(content, page.url)


def on_page_context(context, page, config, nav):  # after static-i18n's (priority 50), which sets the alternates
    h1 = next((i.title for i in page.toc or () if i.level == 1), None)
    links = {alt["lang"]: alt["link"] for alt in getattr(config.extra, "alternate", None) or []}
    title, description = h1 or page.title or "", page.meta.get("description") or config.site_description or ""
    context["o3"] = build.page_context(_lang(page, config), page.url, html.unescape(title),  # markdown's escapes, once
                                       html.unescape(description), links)


def on_post_page(output, page, config):
    return build.finish_page(output, _lang(page, config))


def on_template_context(context, template_name, config):  # static-i18n's alternates: its configured ones as a key,
    if template_name == "404.html":                        # the last page's as an attribute (none before a page's)
        config.extra.alternate, context["o3"], context["o3_notfound"] = build.notfound_context(
            config.extra.get("alternate") or getattr(config.extra, "alternate", None) or [])


def on_post_template(output_content, template_name, config):  # each language writes the root's 404.html
    if template_name == "404.html":
        return build.notfound_page(output_content, config.theme["language"])


@event_priority(-200)  # after static-i18n (-100) has built every language and written the search index
@event
def on_post_build(config):
    build.finish_site()


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]
