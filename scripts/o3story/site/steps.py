"""The site's work in plain steps, independent of the generator: what happens before a generator
turns Markdown into HTML (load data/, the generated chart pages, each page's placeholders) and
after (the theme's values for each page, the content security policy, feeds, search index split,
sitemaps, vendored assets, chart files and the data package). `site/hook.py` is the MkDocs adapter
that calls these at its events; another generator, or a command, calls the same functions.

A `Build` holds what lives across one build and its rebuilds under `serve`: the loaded story (reloaded
only when data/ changes), its version, the image renderer, each page's key chart, and the results of
earlier builds (render/reuse.py: a page, a chart's files, a picture, found again by a content hash of
the code, the data version and the step's inputs; `O3STORY_REUSE=off` computes everything).
"""

from __future__ import annotations

import functools
import html
import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from o3story.data.errors import DataErrors
from o3story.data.locale import LANGS, html_lang, locale
from o3story.data.story import Story, load_story
from o3story.render import charts, datapackage, deps, exports, feed, glossary, images, templating, views
from o3story.render.reuse import Reuse, image_cache, project_reuse
from o3story.render.i18n import t
from o3story.render.charts import ChartError
from o3story.render.pages import PlaceholderError, chart_page, render, render_text, restore
from o3story.site import linkcheck, publish, search_fix, seo, trust, vendor

CHARTS_INDEX = "charts/index.md"
DATA_POLL_S = 0.1  # under `serve`: how often data/ and the package are looked at for edits
# Markdown's toc writes every heading's permalink with one title, in English (markdown extensions
# cannot be set per language): each page gets it in its own language.
ELEMENT_ID = re.compile(r'<[a-zA-Z][^>]*?\sid="([^"]+)"')
PERMALINK = re.compile(r'(<a class="headerlink" href="[^"]*" title=")Permanent link(")')


class StepError(Exception):
    """A step's known failure (bad data, an unknown placeholder, a chart that cannot be drawn, missing
    vendored assets). Its message names the file, line and field: the author needs no traceback."""


def _known(fn):
    """A step whose known failures raise StepError. A placeholder's error is prefixed with the page's
    source (the step's `src` argument), as the placeholder itself does not know its page."""
    @functools.wraps(fn)
    def step(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except PlaceholderError as exc:
            raise StepError(f"{kwargs.get('src') or 'page'}: {exc}") from None
        except (DataErrors, ChartError, vendor.MissingAssets) as exc:
            raise StepError(str(exc)) from None
    return step


def with_chart_pages(nav: list | None) -> list:
    """The nav entry of the charts index becomes a section: the index, then every chart page in the
    index's order. A reader who lands on a chart page from a shared link sees the others."""
    pages = [f"charts/{chart_id}.md" for chart_id in charts.gallery_order()]
    out = []
    for item in nav or []:
        if isinstance(item, dict) and len(item) == 1 and list(item.values())[0] == CHARTS_INDEX:
            (title,) = item
            item = {title: [CHARTS_INDEX, *pages]}
        out.append(item)
    return out


def chart_page_sources() -> list[str]:
    """The generated pages, as source paths under docs/ (never written there): charts/<id>.<lang>.md."""
    return [f"charts/{chart_id}.{lang}.md" for chart_id in charts.CHARTS for lang in LANGS]


def chart_page_of(src_uri: str) -> tuple[str, str] | None:
    """(chart id, language) of a generated chart page's source path, else None."""
    parts = Path(src_uri).parts
    if len(parts) != 2 or parts[0] != "charts":
        return None
    chart_id, _, lang = Path(parts[1]).stem.rpartition(".")
    return (chart_id, lang) if chart_id in charts.CHARTS and lang in LANGS else None


def localized_permalinks(output: str, lang: str) -> str:
    return PERMALINK.sub(lambda m: m[1] + html.escape(t(lang, "permalink.title")) + m[2], output)


@dataclass
class Build:
    root: Path
    site_url: str = ""  # the published address ("" for a site without one), as the generator's config gives it
    repo_url: str = ""
    site_dir: Path | None = None  # where the generator writes this build
    story: Story | None = None
    version: str = ""
    images: images.Images = field(init=False)
    reuse: Reuse = field(init=False)
    templates: jinja2.BytecodeCache | None = field(init=False)
    key_charts: dict[str, str | None] = field(default_factory=dict)  # page URL -> the chart its card shows
    # page URL -> its last filled Markdown: the inputs, the story it was filled from and what it read of it
    # (render/deps.py); one per page, so a page edited under `serve` is not kept twice
    pages: dict[str, tuple[tuple, Story, dict, tuple[str, list[str]]]] = field(default_factory=dict)
    kept: dict[str, list[str]] = field(default_factory=dict)  # page URL -> its blocks kept out of the generator's way
    notfound: str = ""  # this build's 404 page as the default language wrote it

    def __post_init__(self):
        # One image renderer (and so one kaleido server) for the whole process, across rebuilds.
        self.images = images.Images(image_cache(self.root), images.find_browser())
        self.reuse = project_reuse(self.root)
        # the generator's templates (the theme's and ours), compiled once: Jinja keys each by its source's checksum
        self.templates = None
        if self.reuse.folder is not None:
            (self.reuse.folder / "jinja").mkdir(parents=True, exist_ok=True)
            self.templates = jinja2.FileSystemBytecodeCache(str(self.reuse.folder / "jinja"))
        self.images.reuse = self.reuse
        if not self.images.available:
            logging.getLogger("mkdocs.plugins.o3story").warning(
                "o3story: no Chrome or Chromium found: chart images (PNG/SVG) are skipped; every page still works")

    # --- before the generator ----------------------------------------------------------------

    @_known
    def load(self, data: Path, site_url: str = "", repo_url: str = "", site_dir: Path | None = None) -> None:
        """Load and check data/ (raises StepError before any file is written); a rebuild with the same
        data version keeps what is loaded. The other values are this build's: its address, its
        repository and its output folder."""
        self.site_url, self.repo_url, self.site_dir = site_url, repo_url, site_dir
        version = exports.data_version(data)
        if self.story is not None and version == self.version:
            return
        self.story = None
        self.story = load_story(data)
        self.version = version

    @_known
    def chart_page(self, chart_id: str, lang: str) -> str:
        return self.reuse("chart-page", [self.version, chart_id, lang], lambda: chart_page(chart_id, lang, self.story))

    @_known
    def page_markdown(self, markdown: str, lang: str, url: str, *, src: str = "") -> str:
        """A page's Markdown with its placeholders filled and its language's glossary appended. Kept
        across rebuilds while what it read of the data is unchanged (a data edit under `serve` refills the
        pages that show the edited records), and across builds for the same data version (`reuse`)."""
        self.key_charts[url] = seo.key_chart(markdown)
        site_url, repo_url = self.site_url, self.repo_url
        key = (markdown, lang, url, site_url, self.images.available, repo_url)
        kept = self.pages.get(url)
        if kept is not None and kept[0] == key and (kept[1] is self.story or deps.unchanged(kept[2], self.story)):
            self.pages[url] = (key, self.story, kept[2], kept[3])
        else:
            def fill() -> tuple[dict, tuple[str, list[str]]]:
                story, blocks = deps.Recording(self.story, {}), []
                out = render(markdown, lang, story, url, kept=blocks, site_url=site_url, images=self.images.available,
                             version=self.version, repo_url=repo_url)
                return story.reads, (out + glossary.abbreviations(story.data.glossary, lang), blocks)

            reads, filled = self.reuse("page", [self.version, *key], fill)
            self.pages[url] = (key, self.story, reads, filled)
        out, self.kept[url] = self.pages[url][3]
        return out

    def kept_ids(self, url: str) -> set[str]:
        """The ids in a page's kept blocks, which the generator did not parse (links to them are checked)."""
        return {html.unescape(i) for block in self.kept.get(url, []) for i in ELEMENT_ID.findall(block)}

    def page_html(self, html: str, url: str) -> str:
        """The generator's HTML of a page with the blocks `page_markdown` kept out of its way back in."""
        return restore(html, self.kept.get(url, []))

    @_known
    def description(self, text: str, lang: str, *, src: str = "") -> str:
        return render_text(text, lang, self.story)

    # --- the theme's values ------------------------------------------------------------------

    def page_context(self, lang: str, url: str, title: str, description: str, links: dict[str, str]) -> dict:
        """Plain values for the theme's overrides (theme/main.html, partials/search.html). `title` and
        `description` are plain text (the template escapes them once); `links`: language -> this page
        in that language, as the i18n plugin gives it."""
        site_url, site_dir, repo_url = self.site_url, self.site_dir, self.repo_url
        chart_id = seo.card_chart(url, self.key_charts.get(url))
        card = seo.card_path(url, chart_id) if self.images.available else None
        alt = title
        if card and chart_id:
            alt = self.reuse("chart-title", [self.version, chart_id, lang], lambda: charts.build(chart_id, self.story, lang).title)
        if card and not chart_id:  # no chart on the page: its own title card, in its language
            png = self.reuse("title-card", [title, description, lang, site_url],
                             lambda: exports.title_card_png(title, description, lang, site_url, self.images))
            (site_dir / card).parent.mkdir(parents=True, exist_ok=True)
            (site_dir / card).write_bytes(png)
        return {
            "csp_placeholder": seo.CSP_PLACEHOLDER,
            "search_label": t(lang, "search.dialog"),
            "search_base": seo.search_base(url),  # None: the theme's own base_url
            "alternates": seo.alternates(site_url, links),
            "social": seo.social(site_url, url, title, description, card, alt),
            "oembed": seo.oembed(site_url, url, title, self.images.available),
            # a page with a chart opens it in the view its address names (render/views.py)
            "view_script": views.head_script() if chart_id else "",
            "trust": trust.footer(self.story, lang, repo_url, site_url, url, title, self.version),
            # The feed of audits, corrections and verdict changes in the page's language (announced in the head).
            "feed": {"href": feed.href(site_url, lang), "type": feed.TYPE, "title": t(lang, "feed.title")},
        }

    def notfound_context(self, alternates: list[dict]) -> tuple[list[dict], dict, list[dict]]:
        """The 404 page has no page of its own to switch language on: the switcher leads to each
        language's home. Returns its alternates, its theme values and its text in every language."""
        site_url = self.site_url
        home = {lang: linkcheck.base_path(site_url) + locale(lang).root for lang in LANGS}
        switch = [dict(alt, link=home.get(alt["lang"], home[LANGS[0]])) for alt in alternates]
        o3 = {"csp_placeholder": seo.CSP_PLACEHOLDER, "search_label": t(LANGS[0], "search.dialog"),
              # a page in both languages: both feeds, each with its language
              "feeds": [{"href": feed.href(site_url, lang), "type": feed.TYPE, "title": t(lang, "feed.title"),
                         "lang": html_lang(lang)} for lang in LANGS]}
        text = [{"html_lang": html_lang(lang), "title": t(lang, "notfound.title"), "text": t(lang, "notfound.text"),
                 "gap": templating.punct(t(lang, "notfound.text"))["gap"],
                 "home": home[lang], "home_label": t(lang, "notfound.home"),
                 "trust": trust.broken_link(self.repo_url, lang)} for lang in LANGS]
        return switch, o3, text

    def notfound_page(self, output: str, lang: str) -> str:
        """One 404.html at the site's root serves every missing address, and each language's build writes
        it there. The default language's, built first, is the one that stands: its theme's words and its
        `lang` are those of the site's root; its text is in every language."""
        if lang == LANGS[0]:
            self.notfound = output
        return self.notfound or output

    # --- after the generator -----------------------------------------------------------------

    @staticmethod
    def finish_page(output: str, lang: str | None) -> str:
        """A written page: permalinks in its language, then the CSP (which must see the final page:
        it hashes the page's inline scripts)."""
        if lang is not None:
            output = localized_permalinks(output, lang)
        return seo.content_security_policy(output)

    @_known
    def finish_site(self) -> None:
        """Everything the site needs beside its pages. Idempotent: an i18n plugin may call it once per
        language on the same folder; the last call sees the final combined search index."""
        site, site_url, repo_url = self.site_dir, self.site_url, self.repo_url
        notfound = site / "404.html"  # a page the generator writes from a template alone, with no page events
        if notfound.exists() and seo.CSP_PLACEHOLDER in (text := notfound.read_text(encoding="utf-8")):
            notfound.write_text(self.finish_page(text, None), encoding="utf-8")
        seo.sitemaps_beside_alternates(site)
        for lang in LANGS:  # /feed.xml and /en/feed.xml, from data alone (the same bytes on every build)
            out = site / feed.path(lang)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(feed.atom(self.story, lang, site_url, repo_url))
        seo.split_search_index(site)
        search_fix.fix_query_segmentation(site)  # a Chinese word typed is looked up whole
        vendor.write_assets(site)  # at the site root: both languages load the same cached files
        # Once per build, not once per language: a marker in the site says this data version is out.
        marker = site / ".o3story-published"
        if not marker.exists() or marker.read_text(encoding="utf-8") != self.version:
            publish.publish_charts(site, self.story, site_url, self.version, self.images)
            publish.publish_scorecard(site, self.story, site_url)
            datapackage.write_package(site, self.story, site_url, self.version)  # /data/: the whole dataset
            marker.write_text(self.version, encoding="utf-8")
