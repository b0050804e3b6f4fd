"""Subscribing as a reader would: every page's head announces its language's Atom feed; the feed, fetched
from the served site, is read by a real feed parser (feedparser) without a complaint; each entry has a
stable id, a date and a link that leads to a page and a place on it that exist; and a second build writes
the same feed, byte for byte."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit
from urllib.request import urlopen

import feedparser
import pytest

from conftest import run_build

FEEDS = {"zh": "feed.xml", "en": "en/feed.xml"}


class Head(HTMLParser):
    """The <link rel="alternate" type="application/atom+xml"> tags of a page's head."""

    def __init__(self) -> None:
        super().__init__()
        self.feeds: list[dict] = []
        self.in_head = True

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.in_head = False
        if tag == "link" and self.in_head and a.get("rel") == "alternate" and a.get("type") == "application/atom+xml":
            self.feeds.append(a)


def _page_lang(page: str) -> str:
    return "en" if page.startswith("en/") else "zh"


def test_every_page_announces_its_languages_feed(site):
    pages = site.pages()
    assert len(pages) > 20
    for page in pages:
        head = Head()
        head.feed(site.html(page))
        lang = _page_lang(page)
        assert [f["href"] for f in head.feeds] == [site.url + FEEDS[lang]], page
        assert head.feeds[0].get("title"), page
    # the 404 page is in both languages: both feeds, each with its language
    head = Head()
    head.feed((site.root / "404.html").read_text(encoding="utf-8"))
    assert [(f["href"], f["hreflang"]) for f in head.feeds] == [(site.url + FEEDS["zh"], "zh-Hans"), (site.url + FEEDS["en"], "en")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reader_subscribes_and_reads_the_feed(site, lang):
    url = site.url + FEEDS[lang]
    with urlopen(url) as response:  # as a feed reader fetches it
        assert response.status == 200
        body = response.read()
    parsed = feedparser.parse(body)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [url]
    assert parsed.feed.title and parsed.feed.author and parsed.feed.updated_parsed
    assert len(parsed.entries) > 10
    ids = [e.id for e in parsed.entries]
    assert len(set(ids)) == len(ids)
    assert all(re.match(r"^tag:127\.0\.0\.1,\d{4}-\d{2}-\d{2}:o3-rehearsal/", i) for i in ids)
    kinds = {e.tags[0].term for e in parsed.entries}
    assert kinds == {"audit", "correction", "verdict"}
    pages: dict[str, str] = {}
    for e in parsed.entries:
        assert re.match(r"^\d{4}-\d{2}-\d{2}T00:00:00Z$", e.updated) and e.updated_parsed
        assert e.link.startswith(site.url + ("en/" if lang == "en" else ""))
        # the entry's link leads to a built page, to a place on it that exists
        address, _, anchor = e.link.partition("#")
        if address not in pages:
            with urlopen(address) as response:
                assert response.status == 200
                pages[address] = response.read().decode("utf-8")
        assert f'id="{anchor}"' in pages[address], e.link
    # feedparser also reads it straight from the address, as a reader's "subscribe" does
    again = feedparser.parse(url)
    assert again.bozo == 0 and [e.id for e in again.entries] == ids


def test_the_methods_page_links_its_feed_visibly(site):
    for page, lang in (("methods/", "zh"), ("en/methods/", "en")):
        html = site.html(page)
        link = re.search(r'<p class="o3-feed"[^>]*><a href="([^"]+)" type="application/atom(?:\+|&#43;)xml">', html)
        assert link, page
        target = urlsplit(urljoin(site.url + page, link.group(1))).path
        assert target.endswith("/o3-rehearsal/" + FEEDS[lang]), target
        assert 'id="verdict-history"' in html


def test_a_second_build_writes_the_same_feeds(site, tmp_path):
    # entry ids and dates come from data alone, never from the build: another build, the same bytes
    again = tmp_path / "site"
    result = run_build(again, site.url)
    assert result.returncode == 0, result.stderr
    for name in FEEDS.values():
        assert (again / name).read_bytes() == (site.root / name).read_bytes(), name
