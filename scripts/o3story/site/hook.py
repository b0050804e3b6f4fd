"""MkDocs hook: the only place that knows about MkDocs. It loads data/ once per build, adds the
generated chart pages, fills each page's placeholders and fixes what the theme gets wrong; all
the work is done by the package's plain functions."""

from __future__ import annotations

import html
import re
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # hooks are loaded by path

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import get_plugin_logger  # noqa: E402
from mkdocs.plugins import CombinedEvent, event_priority  # noqa: E402
from mkdocs.structure.files import File  # noqa: E402

from o3story.render import charts, datapackage, exports, feed, glossary, images, views  # noqa: E402
from o3story.site import linkcheck, publish, seo, trust, vendor  # noqa: E402
from o3story.data.errors import DataErrors  # noqa: E402
from o3story.data.locale import LANGS, html_lang, locale  # noqa: E402
from o3story.render.i18n import t  # noqa: E402
from o3story.render.pages import PlaceholderError, chart_page, render, render_text  # noqa: E402
from o3story.data.story import Story, load_story  # noqa: E402

log = get_plugin_logger("o3story")
ROOT = Path(__file__).resolve().parents[3]
_story: Story | None = None
_version = ""
_key_charts: dict[str, str | None] = {}  # page URL -> the chart its social card shows (seo.key_chart)
# One image renderer (and so one kaleido server) for the whole process, across `mkdocs serve` rebuilds.
_images = images.Images(Path(os.environ.get("O3STORY_CACHE") or ROOT / ".cache" / "images"), images.find_browser())
if not _images.available:
    log.warning("no Chrome or Chromium found: chart images (PNG/SVG) are skipped; every page still works")


def on_config(config):
    # Runs before MkDocs touches the site folder, so bad data never half-writes a site.
    global _story, _version
    config.nav = with_chart_pages(config.nav)
    # O3STORY_DATA lets tests build the real pages against a broken copy of data/.
    data = Path(os.environ.get("O3STORY_DATA") or Path(config.config_file_path).parent / "data")
    version = exports.data_version(data)
    if _story is not None and version == _version:
        return config  # each language's build, and a rebuild after a docs-only edit, reuse the loaded data
    try:
        _story = load_story(data)
    except DataErrors as exc:
        _story = None
        raise PluginError(str(exc)) from None
    _version = version
    return config


def with_chart_pages(nav):
    """The nav entry of the charts index (`charts/index.md`) becomes a section: the index, then every chart
    page in the index's order. A reader who lands on a chart page from a shared link sees the others."""
    pages = [f"charts/{chart_id}.md" for chart_id in charts.CHARTS]
    out = []
    for item in nav or []:
        if isinstance(item, dict) and len(item) == 1 and list(item.values())[0] == "charts/index.md":
            (title,) = item
            item = {title: ["charts/index.md", *pages]}
        out.append(item)
    return out


# Generated pages must pass through mkdocs-static-i18n, which runs its on_files at priority -100,
# keeps only files under docs_dir and re-creates them without their content. So: announce each
# chart page as a file under docs_dir (never written to disk) before it runs, then give the
# localized copies their content after it.
@event_priority(-50)
def _announce_chart_pages(files, config):
    for chart_id in charts.CHARTS:
        for lang in LANGS:
            files.append(File(f"charts/{chart_id}.{lang}.md", config.docs_dir, config.site_dir, config.use_directory_urls))
    return files


@event_priority(-150)
def _fill_chart_pages(files, config):
    for f in files.documentation_pages():
        parts = Path(f.src_uri).parts
        if len(parts) == 2 and parts[0] == "charts":
            chart_id, _, lang = Path(parts[1]).stem.rpartition(".")
            if chart_id in charts.CHARTS and lang in LANGS:
                try:
                    f.content_string = chart_page(chart_id, lang, _story)
                except charts.ChartError as exc:
                    raise PluginError(str(exc)) from None
                f.generated_by = "o3story"
    return files


on_files = CombinedEvent(_announce_chart_pages, _fill_chart_pages)


def _lang(page, config) -> str:
    return getattr(page.file, "locale", None) or config.theme["language"]


def on_page_markdown(markdown, page, config, files):
    lang = _lang(page, config)
    _key_charts[page.url] = seo.key_chart(markdown)
    try:
        if "description" in page.meta:
            page.meta["description"] = render_text(page.meta["description"], lang, _story)
        out = render(markdown, lang, _story, page.url, site_url=config.site_url or "", images=_images.available, version=_version,
                     repo_url=config.repo_url or "")
        return out + glossary.abbreviations(_story.data.glossary, lang)
    except PlaceholderError as exc:
        raise PluginError(f"{page.file.src_uri}: {exc}") from None


def on_page_context(context, page, config, nav):
    # Plain values for the theme's overrides (theme/main.html, partials/search.html). Runs after
    # static-i18n's on_page_context (priority 50), which sets this page's language alternates.
    lang = _lang(page, config)
    # The page's own title (its heading, not its short nav title) and description for its social card.
    # Heading text keeps markdown's entity escapes: unescape it once here so that the template escapes
    # it exactly once.
    title = html.unescape(heading(page) or page.title or "")
    description = html.unescape(page.meta.get("description") or config.site_description or "")
    links = {alt["lang"]: alt["link"] for alt in getattr(config.extra, "alternate", None) or []}
    site_url = config.site_url or ""
    chart_id = seo.card_chart(page.url, _key_charts.get(page.url))
    card = seo.card_path(page.url, chart_id) if _images.available else None
    alt = charts.build(chart_id, _story, lang).title if card and chart_id else title
    if card and not chart_id:  # no chart on the page: its own title card, in its language
        exports.write_title_card(Path(config.site_dir), card, exports.title_card_figure(title, description, lang, site_url), _images)
    context["o3"] = {
        "csp_placeholder": seo.CSP_PLACEHOLDER,
        "search_label": t(lang, "search.dialog"),
        "search_base": seo.search_base(page.url),  # None: the theme's own base_url
        "alternates": seo.alternates(site_url, links),
        "social": seo.social(site_url, page.url, title, description, card, alt),
        "oembed": seo.oembed(site_url, page.url, title, _images.available),
        # a page with a chart opens it in the view its address names (render/views.py)
        "view_script": views.head_script() if chart_id else "",
        "trust": trust.footer(_story, lang, config.repo_url or "", site_url, page.url, title, _version),
        # The feed of audits, corrections and verdict changes in the page's language (announced in the head).
        "feed": {"href": feed.href(site_url, lang), "type": feed.TYPE, "title": t(lang, "feed.title")},
    }
    return context


def heading(page) -> str | None:
    """The text of the page's first-level heading, from its table of contents."""
    for item in page.toc.items if page.toc else ():
        if item.level == 1:
            return item.title
    return None


# Markdown's toc writes every heading's permalink with one title, in English (markdown extensions
# cannot be set per language): each page gets it in its own language.
PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")Permanent link(")')


def on_post_page(output, page, config):
    output = PERMALINK.sub(lambda m: m[1] + html.escape(t(_lang(page, config), "permalink.title")) + m[2], output)
    return seo.content_security_policy(output)  # must see the final page: it hashes its inline scripts


def on_template_context(context, template_name, config):
    # The 404 page has no page of its own to switch language on: the switcher leads to each
    # language's home (otherwise it keeps whatever page static-i18n handled last). Every page
    # sets config.extra.alternate afresh, so changing it here touches only this template.
    if template_name == "404.html":
        # Root-relative under the base path (the theme's `url` filter leaves such links alone).
        home = {lang: linkcheck.base_path(config.site_url or "") + locale(lang).root for lang in LANGS}
        # (an attribute, as static-i18n sets it: it shadows the mapping key the theme would read)
        config.extra.alternate = [dict(alt, link=home.get(alt["lang"], home[LANGS[0]]))
                                  for alt in getattr(config.extra, "alternate", None) or []]
        context["o3"] = {"csp_placeholder": seo.CSP_PLACEHOLDER, "search_label": t(LANGS[0], "search.dialog"),
                         # a page in both languages: both feeds, each with its language
                         "feeds": [{"href": feed.href(config.site_url or "", lang), "type": feed.TYPE, "title": t(lang, "feed.title"),
                                    "lang": html_lang(lang)} for lang in LANGS]}
        context["o3_notfound"] = [
            {"html_lang": html_lang(lang), "title": t(lang, "notfound.title"), "text": t(lang, "notfound.text"),
             "home": home[lang], "home_label": t(lang, "notfound.home")}
            for lang in LANGS
        ]
    return context


def on_post_template(output, template_name, config):
    # Static templates (the 404 page) get no on_post_page: the same CSP as every page.
    if template_name == "404.html":
        output = seo.content_security_policy(output)
    return output


@event_priority(-200)  # after mkdocs-static-i18n (-100) has built every language and written the search index
def on_post_build(config):
    site = Path(config.site_dir)
    seo.sitemaps_beside_alternates(site)
    for lang in LANGS:  # /feed.xml and /en/feed.xml, from data alone (the same bytes on every build)
        out = site / feed.path(lang)
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(feed.atom(_story, lang, config.site_url or "", config.repo_url or ""))
    # mkdocs-static-i18n runs this once per language, with the same site_dir; the last run sees
    # the final combined search index. Every step here is idempotent.
    seo.split_search_index(site)
    try:
        vendor.write_assets(site)  # at the site root: both languages load the same cached files
    except vendor.MissingAssets as exc:
        raise PluginError(str(exc)) from None
    # Once per build, not once per language: a marker in the site says this data version is out.
    marker = site / ".o3story-published"
    if not marker.exists() or marker.read_text(encoding="utf-8") != _version:
        publish.publish_charts(site, _story, config.site_url or "", _version, _images)
        publish.publish_scorecard(site, _story, config.site_url or "")
        datapackage.write_package(site, _story, config.site_url or "", _version)  # /data/: the whole dataset
        marker.write_text(_version, encoding="utf-8")
