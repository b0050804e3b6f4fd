"""The deploy rehearsal: the site as GitHub Pages publishes a project site, under /<base>/ (the
session build, see conftest), and once more at a bare host. What readers fetch answers 200, every
root-relative link stays under the base path, the 404 page works at any depth."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from conftest import BASE, free_port, listen, run_build, serve, steady_port
from o3story.data.locale import LANGS, html_lang, locale
from o3story.render.charts import CHARTS
from o3story.render.i18n import t
from o3story.site.linkcheck import broken_links
from test_browser import visit

pytestmark = pytest.mark.browser


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code


def test_the_rehearsal_serves_the_site_under_a_base_path(site):
    assert urlsplit(site.url).path == f"/{BASE}/"
    assert site.root.name == BASE
    assert status(site.url.rsplit(f"{BASE}/", 1)[0] + "index.html") == 404  # nothing at the host's root


def test_every_root_relative_link_lies_under_the_base_path(site):
    assert broken_links(site.root, site.url) == []
    for page in sorted(site.root.rglob("*.html")):
        html = page.read_text(encoding="utf-8")
        for link in re.findall(r'(?:href|src)="(/[^"/][^"]*)"', html):
            assert link.startswith(f"/{BASE}/"), (page.relative_to(site.root), link)


def test_downloads_images_and_shared_files_answer(site):
    """Everything a reader downloads or a page fetches besides its own HTML."""
    urls = {
        site.url + "sitemap.xml", site.url + "en/sitemap.xml", site.url + "en/o3/sitemap.xml",
        site.url + "search/search_index.json", site.url + "en/search/search_index.json",
        site.url + "assets/embed.js", site.url + "assets/vendor/plotly-charts.min.js",
        site.url + "assets/vendor/plotly-locale-zh-cn.js",
    }
    for lang in ("", "en/"):
        for chart_id in CHARTS:
            page = f"{site.url}{lang}charts/{chart_id}/"
            html = site.html(f"{lang}charts/{chart_id}/")
            downloads = re.findall(r'<a href="([^"]+)" download[^>]*>', html)
            assert len(downloads) >= 3, page
            urls |= {urljoin(page, d) for d in downloads}
            urls |= set(re.findall(r'<meta property="og:image" content="([^"]+)"', html))
            urls |= {urljoin(page, s) for s in re.findall(r'<img class="o3-chart__static" src="([^"]+)"', html)}
    bad = {u: status(u) for u in sorted(urls) if status(u) != 200}
    assert not bad, bad


def test_a_missing_page_at_any_depth_gets_the_404_page_with_its_assets(site, tab):
    page = tab()
    failed: list[str] = []
    listen(page, "response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 and r.request.resource_type != "document" else None)
    response = page.goto(site.url + "en/no/such/page/", wait_until="networkidle")
    assert response.status == 404
    assert page.locator("h1").first.inner_text().startswith("404")
    assert page.locator("link[rel=stylesheet]").count() and page.evaluate("getComputedStyle(document.body).fontFamily") != ""
    assert not failed, failed
    # Each language's section says who made the site and reports the missing address (filled in by
    # site.js: the page is one file for every address) as a new issue on the repository.
    for lang in LANGS:
        section = page.locator(f'section[lang="{html_lang(lang)}"]')
        assert section.locator(".o3-trust__byline a").inner_text() == t(lang, "trust.project")
        report = section.locator(".o3-trust__correct a")
        assert report.inner_text() == t(lang, "notfound.report")
        query = parse_qs(urlsplit(report.get_attribute("href")).query)
        missing = site.url + "en/no/such/page/"
        assert query["title"] == [t(lang, "notfound.issue_title_at", path=urlsplit(missing).path)], query
        assert query["body"] == [t(lang, "notfound.issue_body", url=missing, referrer=t(lang, "notfound.unknown"))], query
    assert page.title().startswith(" · ".join(t(lang, "notfound.title") for lang in LANGS))
    # Under a language's home, that language's section comes first; elsewhere the site root's language.
    first = "section.o3-notfound >> nth=0"
    assert page.locator(first).get_attribute("lang") == html_lang("en")
    assert page.locator("section.o3-notfound h1").first.inner_text() == t("en", "notfound.title")
    page.goto(site.url + "no/such/page/", wait_until="load")
    assert page.locator(first).get_attribute("lang") == html_lang(LANGS[0])
    page.goto(site.url + "en/no/such/page/", wait_until="load")
    # One file for every address, written by the site root's language's build. Under another language's
    # home, site.js takes that home's header title, tabs, navigation and footer, and its `lang` (they
    # were the root language's: Chinese menus on an English address); their links lead into that
    # language. The search stays the root's, as does the switch to each language's home.
    page.wait_for_function("() => document.documentElement.dataset.o3Chrome === 'en'")
    parsed = """u => fetch(u).then(r => r.text()).then(t => new DOMParser().parseFromString(t, 'text/html'))"""
    root = page.evaluate(parsed + ".then(d => d.querySelector('.md-search__input').placeholder)", site.url)
    assert page.locator(".md-search__input").get_attribute("placeholder") == root
    home = page.evaluate(parsed + """.then(d => [d.documentElement.lang, d.querySelector('.md-header__topic').innerText.trim(),
        d.querySelector('.md-footer-meta .o3-trust__byline').innerText.trim()])""", site.url + "en/")
    here = [page.locator("html").get_attribute("lang"), page.locator(".md-header__topic").first.inner_text().strip(),
            page.locator(".md-footer-meta .o3-trust__byline").inner_text().strip()]
    assert here == home and home[0] == "en", (here, home)
    links = page.eval_on_selector_all("nav.md-nav--primary a.md-nav__link[href]", "links => links.map(a => a.href)")
    assert links and all(u.startswith(site.url + "en/") for u in links if u.startswith(site.url)), links
    assert page.locator("nav.md-nav--primary nav.md-nav--secondary").count() == 0  # not the home's contents
    homes = page.eval_on_selector_all(".md-select__link", "links => links.map(a => [a.hreflang, a.getAttribute('href')])")
    assert homes == [[lang, urlsplit(site.url).path + locale(lang).root] for lang in LANGS], homes
    page.locator('section[lang="en"] a').first.click()
    page.wait_for_url(site.url + "en/")
    assert page.locator("html").get_attribute("lang") == "en"


def test_the_rehearsal_catches_an_asset_that_escapes_the_base_path(tmp_path, tab):
    """A deliberate defect, served the same way: a stylesheet linked from the host's root, not the base."""
    (tmp_path / BASE).mkdir()
    (tmp_path / BASE / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>probe</title><link rel="icon" href="data:,">'
        '<link rel="stylesheet" href="/assets/site.css"></head><body><h1>probe</h1></body></html>', encoding="utf-8")
    port = free_port()
    server = serve(tmp_path, port, BASE)
    try:
        page, problems, _ = visit(tab, f"http://127.0.0.1:{port}/{BASE}/")
        assert any("404" in p and "/assets/site.css" in p for p in problems), problems
    finally:
        server.shutdown()
    assert broken_links(tmp_path / BASE, f"http://127.0.0.1:{port}/{BASE}/") == [
        "/index.html -> /assets/site.css: leaves the base path /o3-rehearsal/"]


@pytest.fixture(scope="module")
def bare(site, tmp_path_factory):
    """The same site built for a bare host (a user site or a custom domain). It waits for the shared
    build (`site`) and takes the static pictures it drew from the image cache, instead of drawing them
    at the same time; its downloads and cards print its own address, so it draws those itself."""
    port = steady_port("o3story bare host")
    root = tmp_path_factory.mktemp("bare") / "site"
    result = run_build(root, f"http://127.0.0.1:{port}/")
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(root, port)
    yield root, f"http://127.0.0.1:{port}/"
    server.shutdown()


@pytest.mark.long
def test_a_bare_host_build_links_and_loads(bare, tab):
    root, url = bare
    assert broken_links(root, url) == []
    html = (root / "en" / "o3" / "index.html").read_text(encoding="utf-8")
    assert f'<link rel="alternate" href="{url}o3/" hreflang="x-default">' in html
    for path in ("", "en/o3/", "charts/o3-vs-o1/", "en/charts/", "embed/o3-vs-o1/?lang=en"):
        page, problems, _ = visit(tab, url + path)
        assert not problems, (path, problems)
