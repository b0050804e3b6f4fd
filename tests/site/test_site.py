"""The built site: both languages, lang and hreflang, no third-party assets, atomic builds."""

from __future__ import annotations

import html
import re
import struct

import pytest

from conftest import ROOT, edit, run_build

PAGES = ["", "o3/", "o3-mini/", "arc-agi/", "safety/", "transcript/", "fact-check/", "methods/"]


def zh_en(site):
    pages = [p for p in site.pages() if p != "404/"]
    zh = {p for p in pages if not p.startswith("en/")}
    en = {p.removeprefix("en/") for p in pages if p.startswith("en/")}
    return zh, en


def test_build_is_clean(site):
    assert "WARNING" not in site.build_log


def test_every_page_exists_in_both_languages(site):
    zh, en = zh_en(site)
    assert zh == en
    assert set(PAGES) <= zh


def test_html_lang(site):
    for page in site.pages():
        lang = "en" if page.startswith("en/") else "zh"
        assert f'<html lang="{lang}"' in site.html(page), page


def test_absolute_hreflang_and_x_default(site):
    zh, _ = zh_en(site)
    for page in sorted(zh):
        for variant in (page, "en/" + page):
            html = site.html(variant)
            links = dict((lang, href) for href, lang in re.findall(r'<link rel="alternate" href="([^"]+)" hreflang="([^"]+)">', html))
            assert links == {"zh": site.url + page, "en": site.url + "en/" + page, "x-default": site.url + page}, variant


def test_language_switcher_points_at_the_same_page(site):
    html = site.html("o3/")
    assert re.search(r'href="[^"]*en/o3/"[^>]*hreflang="en"', html), "switcher on /o3/ must lead to /en/o3/"
    html = site.html("en/o3/")
    assert re.search(r'href="[^"]*/o3/"[^>]*hreflang="zh"', html)


def test_sitemap_beside_every_alternate(site):
    # the theme fetches sitemap.xml next to each alternate link; none may 404
    for page in site.pages():
        assert (site.root / page / "sitemap.xml").exists(), page


def test_no_third_party_assets(site):
    for page in site.pages():
        html = site.html(page)
        for m in re.finditer(r'<(script|link|img|iframe)\b[^>]*?(?:src|href)="((?:https?:)?//[^"]+)"', html):
            if 'rel="alternate"' in m.group(0) or 'rel="canonical"' in m.group(0):
                assert m.group(2).startswith(site.url), m.group(0)
                continue
            assert m.group(2).startswith(site.url), f"{page}: {m.group(0)}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_every_written_page_carries_its_finished_content_security_policy(site):
    """Pages, embeds and the 404 page (which the generator writes from a template alone, with no page
    events: finished after the build) each carry a policy with the hashes of their own inline scripts."""
    from html import unescape

    from o3story.site.seo import CSP_PLACEHOLDER

    files = sorted(site.root.rglob("*.html"))
    assert (site.root / "404.html") in files and len(files) > 30
    for path in files:
        html = path.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"', html)
        assert policy and CSP_PLACEHOLDER not in html, path.relative_to(site.root)
        value = unescape(policy[1])
        assert "script-src 'self'" in value and "unsafe-inline" not in value.split("script-src")[1], path


def test_every_page_has_its_own_description(site):
    seen = {}
    for page in site.pages():
        if page in ("404/", "en/404/"):
            continue
        m = re.search(r'<meta name="description" content="([^"]+)"', site.html(page))
        assert m, page
        seen.setdefault(m.group(1), []).append(page)
    assert all(len(v) == 1 for v in seen.values()), {k: v for k, v in seen.items() if len(v) > 1}


def test_chinese_headings_get_readable_anchors(site):
    """Readable ids (not the slugifier's `_1` for a CJK heading): the English words of the same
    section, shared by both languages (test_language_place)."""
    ids = re.findall(r'<h2 id="([^"]+)"', site.html("methods/"))
    assert ids and all(not re.fullmatch(r"_\d*", i) for i in ids), ids
    assert ids == re.findall(r'<h2 id="([^"]+)"', site.html("en/methods/")), ids


@pytest.mark.parametrize("page", ["", "en/"])
def test_the_home_page_s_contents_list_the_scorecard_first(site, page):
    """The overview's table of contents starts at its main section, the claims checked (its heading was
    the scorecard block's own HTML, which the theme's contents do not list)."""
    page_html = site.html(page)
    toc = page_html[page_html.index('md-nav--secondary'):]
    links = re.findall(r'<a href="#([^"]+)" class="md-nav__link">', toc)
    assert links[:2] == ["scorecard-title", "key-numbers-claimed-then-measured"], links
    assert re.search(r'<h2 class="o3-scorecard__title" id="scorecard-title">', page_html)
    assert 'aria-labelledby="scorecard-title"' in page_html


def test_numbers_come_from_data_not_prose():
    # Hand-written pages hold no figures: numbers enter through {{ fig ... }} placeholders. The one
    # exception is a verbatim quotation of the livestream that holds a number (“能够超过25%”): its
    # words are the transcript's, and its figure is linked beside it (tests/site/test_words.py
    # keeps figures out of quotations; tests/site/test_quotes.py keeps quotations verbatim).
    from o3story.site.quotes import normalise, translation_texts

    chinese = re.sub(r"\s+", "", (ROOT / "data/transcript/baoyu-day12.zh.txt").read_text(encoding="utf-8"))
    english = [normalise(t) for t in translation_texts(ROOT / "data/transcript/en.yaml")]

    def verbatim(m: re.Match) -> str:
        q = m.group(1)
        spoken = re.sub(r"\s+", "", q) in chinese or any(normalise(q) in t for t in english)
        return "“”" if spoken else m.group(0)

    for md in sorted((ROOT / "docs").glob("*.md")):
        body = md.read_text(encoding="utf-8")  # front matter too: the description is on the page
        body = re.sub(r"“([^“”{}]+)”", verbatim, body)
        body = re.sub(r"\{\{[^}]*\}\}", "", body)
        body = re.sub(r"\]\([^)]*\)", "]", body)  # link targets may hold digits
        body = re.sub(r"(?:Claude|Gemini|BY|GPT-|@)\s?\d+(?:\.\d+)?", "", body)  # names and versions, not figures
        found = re.findall(r"\d+(?:\.\d+)?\s*(?:%|％|个百分点|percentage points?|points?)|\$\s?\d|\b\d+\.\d+\b|\b\d{3,4}\s*(?:Elo|ELO)\b", body)
        assert not found, f"{md.name}: {found}"


def test_docs_hold_only_prose_and_assets():
    for path in (ROOT / "docs").rglob("*"):
        if path.is_file():
            assert path.suffix in {".md", ".css", ".js", ".svg", ".png", ".ico"}, path


@pytest.mark.slow
@pytest.mark.parametrize("breakage", ["bad-data", "bad-placeholder"])
def test_failed_build_leaves_the_previous_site_untouched(tmp_path, data_dir, breakage):
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("previous build", encoding="utf-8")
    if breakage == "bad-data":
        edit(data_dir / "figures/a.yaml", "    value: 71.7\n", "    value: 171.7\n")
    result = run_build(site_dir, "http://127.0.0.1:9/", data=data_dir)
    assert result.returncode != 0
    if breakage == "bad-data":
        assert "data/figures/a.yaml:5: figures[0].value: 171.7 percent must be between 0 and 100" in result.stderr
    else:  # the fixture data lacks the figures the real pages cite
        assert "which data/ does not have" in result.stderr and "Traceback" not in result.stderr
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "previous build"
    assert not list(tmp_path.glob(".site-*")), "temporary build folder left behind"


def test_every_internal_link_and_anchor_resolves(site):
    from o3story.site.linkcheck import broken_links

    assert broken_links(site.root, site.url) == []


def test_every_chart_has_embed_page_and_downloads(site):
    from o3story.render.charts import CHARTS

    for chart_id in CHARTS:
        assert (site.root / "embed" / chart_id / "index.html").exists()
        files = {p.name for p in (site.root / "charts" / chart_id).iterdir()}
        assert {"data.csv", "figure.json", "metadata.json", "chart.zh.png", "chart.en.png", "chart.zh.svg", "chart.en.svg", "card.zh.png", "card.en.png", "thumb.zh.webp", "thumb.en.webp"} <= files
        for lang in ("", "en/"):
            page = site.html(f"{lang}charts/{chart_id}/")
            assert f"{site.url}embed/{chart_id}/?lang={'en' if lang else 'zh'}&amp;theme=auto" in page  # the snippet, HTML-escaped in a code block
            assert "CC BY 4.0" in page and "CC BY 4.0}" in page  # the licence line and the BibTeX note
            # the first download is the picture in the page's language, a 16:9 PNG
            first, saved = re.search(r'<a href="([^"]+)" download="([^"]+)"', page).groups()
            assert html.unescape(saved) == f"o3-story-{chart_id}-" + first.rsplit("/", 1)[1], saved  # saved under the chart's name
            assert first.endswith(f"charts/{chart_id}/chart.{'en' if lang else 'zh'}.png"), first
            w, h = struct.unpack(">II", (site.root / "charts" / chart_id / first.rsplit("/", 1)[1]).read_bytes()[16:24])
            assert abs(w / h - 16 / 9) < 0.01, (chart_id, w, h)


def meta_tags(html: str) -> dict[str, str]:
    return dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:_]+)" content="([^"]*)"', html))


def test_every_page_shares_its_own_card_in_its_language(site):
    """Each page's og:image is a 1200x675 PNG of the built site, in the page's language: a chart page's
    own card, a story page's key chart's, a page without a chart its own title card."""
    import html as html_lib

    from o3story.render.embed import png_size

    seen = {}
    for page in site.pages():
        if page in ("404/", "en/404/"):
            continue
        tags = {k: html_lib.unescape(v) for k, v in meta_tags(site.html(page)).items()}
        lang = "en" if page.startswith("en/") else "zh"
        image = tags["og:image"]
        assert image == tags["twitter:image"] and tags["twitter:card"] == "summary_large_image", page
        assert image.startswith(site.url) and image.endswith(f".{lang}.png"), (page, image)
        path = site.root / image[len(site.url):]
        assert path.is_file(), (page, image)
        assert png_size(path.read_bytes()) == (1200, 675), (page, image)
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "675")
        other = path.with_name(path.name.replace(f".{lang}.", ".zh." if lang == "en" else ".en."))
        assert other.is_file() and other.read_bytes() != path.read_bytes(), (page, other)  # each language its own
        # the card's title (its alt text) and the page's title are in the page's language
        has_cjk = any("\u4e00" <= ch <= "\u9fff" for ch in tags["og:image:alt"] + tags["og:title"])
        assert has_cjk == (lang == "zh"), (page, tags["og:image:alt"], tags["og:title"])
        seen[page] = image[len(site.url):]
    assert seen["charts/arc-agi-cost/"] == "charts/arc-agi-cost/card.zh.png"
    assert seen["en/o3/"] == "charts/o3-vs-o1/card.en.png"  # a story page: its key chart
    assert seen["en/methods/"] == "cards/methods.en.png" and seen["methods/"] == "cards/methods.zh.png"
    assert len(set(seen.values())) > len(seen) // 2  # not one picture for every page


def test_social_title_is_the_pages_own_heading(site):
    import html as html_lib

    for page in ("", "en/", "o3/", "en/o3/", "en/methods/", "en/charts/arc-agi-cost/"):
        html = site.html(page)
        h1 = re.sub(r'<a class="headerlink".*?</a>', "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1])
        h1 = html_lib.unescape(re.sub(r"<[^>]+>", "", h1)).strip()
        tags = {k: html_lib.unescape(v) for k, v in meta_tags(html).items()}
        assert tags["og:title"] == tags["twitter:title"] == h1, page
        assert tags["og:title"] not in ("Overview", "概览", "o3"), page  # never the bare nav title


@pytest.mark.slow
def test_without_a_browser_the_site_builds_and_says_images_are_skipped(tmp_path):
    """`make serve` on a machine with no Chrome or Chromium: every page, no images, one notice."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "BROWSER_PATH": "none", "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts"),
           "SITE_URL": "http://127.0.0.1:9/"}
    out = tmp_path / "site"
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-d", str(out)], cwd=ROOT, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    log = result.stdout + result.stderr
    assert log.count("chart images (PNG/SVG) are skipped") == 1
    assert (out / "en" / "charts" / "o3-vs-o1" / "index.html").exists()
    assert not list(out.rglob("chart.*.png"))
    page = (out / "charts" / "o3-vs-o1" / "index.html").read_text(encoding="utf-8")
    assert "chart.zh.png" not in page and "data.csv" in page
    assert "<noscript><img" not in (out / "embed" / "o3-vs-o1" / "index.html").read_text(encoding="utf-8")
    import json

    oembed = json.loads((out / "charts" / "o3-vs-o1" / "oembed.en.json").read_text(encoding="utf-8"))
    assert oembed["type"] == "rich" and "thumbnail_url" not in oembed  # no PNG, so no thumbnail


def test_chart_pages_are_in_the_navigation_in_the_index_order(site):
    from o3story.render.charts import CHARTS, gallery_order

    for lang in ("", "en/"):
        for chart_id in CHARTS:
            html = site.html(f"{lang}charts/{chart_id}/")
            nav = html[html.index('md-nav--primary'):]
            nav = nav[: nav.index('md-sidebar--secondary')]
            hrefs = re.findall(r'<a href="([^"]*)" class="md-nav__link', nav)
            listed = [chart_id if h == "./" else h[3:-1] for h in hrefs if h == "./" or re.fullmatch(r"\.\./[a-z0-9-]+/", h)]
            assert [c for c in listed if c in CHARTS] == gallery_order(), (lang, chart_id, listed)  # the headline chart first
            assert 'for="__toc"' in html and 'id="__toc"' in html  # in the nav: its table-of-contents toggle exists


def test_chart_pages_are_listed_by_their_short_names_and_titled_by_their_findings(site, story):
    """A chart page's title is its finding (one to three lines): the navigation and the previous/next
    links name it in a few words (its nav_title), while its heading, browser tab and shared card keep
    the finding."""
    import html as html_lib

    from o3story.render.charts import CHARTS, build, gallery_order, nav_title

    def text(fragment: str) -> str:
        return html_lib.unescape(re.sub(r"<[^>]+>", "", fragment)).strip()

    for root, lang in (("", "zh"), ("en/", "en")):
        index = site.html(f"{root}charts/")
        first = gallery_order()[0]
        nxt = re.search(r'md-footer__link--next".*?<div class="md-ellipsis">(.*?)</div>', index, re.S)[1]
        assert text(nxt) == nav_title(first, lang), (lang, text(nxt))
        for chart_id in CHARTS:
            name, finding = nav_title(chart_id, lang), build(chart_id, story, lang).title
            assert name and len(name) * 3 < len(finding) * 2, (lang, chart_id, name)  # a few words
            html = site.html(f"{root}charts/{chart_id}/")
            nav = html[html.index("md-nav--primary"): html.index("md-sidebar--secondary")]
            links = {h: text(t) for h, t in re.findall(r'<a href="([^"]*)" class="md-nav__link[^"]*"[^>]*>(.*?)</a>', nav, re.S)}
            assert links["./"] == name, (lang, chart_id, links["./"])  # the page itself, in the drawer
            listed = [links[f"../{c}/"] for c in CHARTS if c != chart_id]
            assert listed == [nav_title(c, lang) for c in CHARTS if c != chart_id], (lang, chart_id, listed)
            h1 = re.sub(r'<a class="headerlink".*?</a>', "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)[1])
            assert text(h1) == finding, (lang, chart_id)
            assert text(re.search(r"<title>(.*?)</title>", html, re.S)[1]).startswith(finding), (lang, chart_id)


def test_social_tags_are_escaped_exactly_once(site):
    import html as html_lib

    for page in site.pages():
        found = dict(re.findall(r'<meta (?:property|name)="((?:og|twitter):[a-z:]+)" content="([^"]*)"', site.html(page)))
        if page in ("404/", "en/404/"):
            continue
        assert found.get("og:title"), page
        for name, content in found.items():
            once = html_lib.unescape(content)
            assert not re.search(r"&(?:#\d+|#x[0-9a-f]+|[a-z]+);", once), (page, name, content)


def test_previous_and_next_links_follow_the_reading_order(site):
    """Each story page links to the page before and after it in the navigation, in its own language:
    the story, the fact-check, then the reference pages (the chart pages last, after their index)."""
    order = ["", "o3/", "o3-mini/", "arc-agi/", "safety/", "fact-check/", "transcript/", "methods/", "charts/"]
    for lang in ("", "en/"):
        for before, page, after in zip(order, order[1:], order[2:]):
            html = site.html(lang + page)
            prev = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--prev"', html).group(1)
            nxt = re.search(r'<a href="([^"]*)" class="md-footer__link md-footer__link--next"', html).group(1)
            assert prev.rstrip("/") == ("../" + before).rstrip("/"), (lang, page, prev)
            assert nxt.rstrip("/") == ("../" + after).rstrip("/"), (lang, page, nxt)


def test_the_generator_finds_every_anchor_a_link_names(site):
    """MkDocs checks each #anchor a page links against the ids it parsed; the generated blocks reach it
    as comment lines, so their ids are handed to it (steps.Build.kept_ids): no link is reported missing."""
    assert "does not contain an anchor" not in site.build_log


def test_every_embed_is_dated_and_carries_its_chart_s_notes(site, story):
    """An embed stands alone on another site: it says how old its data is (or its verdicts) and under what
    licence, and shows the chart's notes (what to keep in mind reading its marks), in each language."""
    from o3story.render import charts
    from o3story.render.fmt import long_date
    from o3story.render.i18n import t

    as_of = story.data.status.as_of
    for path in site.embeds():
        page = site.html(path)
        text = html.unescape(re.sub(r"\s+", " ", page))
        for lang in ("zh", "en"):
            day = long_date(as_of, lang)
            assert day in page and "CC BY 4.0" in page, (path, lang)
            # credited, and the licence a link to its deed (it was plain text after the date)
            assert t(lang, "oembed.author") in text, (path, lang)
        assert page.count('href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="license noopener">CC BY 4.0</a>') == 2, path
        for lang in ("zh", "en"):
            if "scorecard" in path:
                continue
            chart = charts.build(path.rstrip("/").split("/")[-1], story, lang)
            assert chart.notes, chart.id  # every chart has notes today: an embed must show them
            for note in chart.notes:
                assert note in text, (path, lang, note)
        assert page.count('class="o3-embed__asof"') == 2, path  # one per language

