"""Every page says who made it (with a link to the repository), when its data last changed, and
how to send a correction (a new GitHub issue, prefilled with the page's address): both languages."""

from __future__ import annotations

import datetime
import html as htmllib
import os
import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml

from conftest import ROOT
from o3story.render.i18n import t
from o3story.site import trust


def repo_url() -> str:
    """The repository the build links to: REPO_URL, else mkdocs.yml's default."""
    default = re.search(r'^repo_url: !ENV \[REPO_URL, "([^"]+)"\]$', (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    assert default, "mkdocs.yml has no repo_url with a REPO_URL default"
    return os.environ.get("REPO_URL") or default.group(1)


def newest_audit() -> tuple[str, str]:
    """(id, date) of the newest audit (the last in the file on a tie), read from data/changelog.yaml directly."""
    audits = yaml.safe_load((ROOT / "data" / "changelog.yaml").read_text(encoding="utf-8"))["audits"]
    newest = [a for a in audits if a["date"] == max(b["date"] for b in audits)][-1]
    return newest["id"], newest["date"]


class Footer(HTMLParser):
    """The links, times and text inside the footer's .o3-trust block, and the page's element ids."""

    def __init__(self):
        super().__init__()
        self.depth = 0
        self.links: list[tuple[str, str, str]] = []  # (paragraph class, href, text)
        self.times: list[tuple[str, str]] = []  # (datetime, text)
        self.ids: set[str] = set()
        self.para = ""
        self._href = None
        self._time = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if self.depth:
            self.depth += 1
            if tag == "p":
                self.para = a.get("class", "")
            if tag == "a":
                self._href, self._link_text = a.get("href"), ""
            if tag == "time":
                self._time, self._time_text = a.get("datetime"), ""
        elif tag == "div" and "o3-trust" in (a.get("class") or "").split():
            self.depth = 1

    def handle_endtag(self, tag):
        if not self.depth:
            return
        if tag == "a" and self._href is not None:
            self.links.append((self.para, self._href, self._link_text.strip()))
            self._href = None
        if tag == "time" and self._time is not None:
            self.times.append((self._time, self._time_text.strip()))
            self._time = None
        self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.text += data
            if self._href is not None:
                self._link_text += data
            if self._time is not None:
                self._time_text += data


def footer_of(html: str) -> Footer:
    f = Footer()
    f.feed(html)
    return f


def test_correction_url_escapes_everything_and_reads_back():
    title = 'Fish & chips #1 "quoted" <b>?=&'
    url = trust.correction_url("https://github.com/o/r/", "https://x.test/en/a b/?q=1&r=2#frag", title, "en")
    parts = urlsplit(url)
    assert (parts.scheme, parts.netloc, parts.path, parts.fragment) == ("https", "github.com", "/o/r/issues/new", "")
    q = parse_qs(parts.query, strict_parsing=True)
    assert q["title"] == [f"Correction: {title}"]
    assert q["body"][0].startswith("Page: https://x.test/en/a b/?q=1&r=2#frag\n")
    assert not set(parts.query) & set(' "<>#\n')  # nothing left unescaped


def test_last_audit_is_the_newest(story):
    audit_id, date = newest_audit()
    got = trust.last_audit(story)
    assert (got.id, got.date.isoformat()) == (audit_id, date)


def test_no_repository_no_footer(story):
    assert trust.footer(story, "en", "", "https://x.test/", "en/", "t", "v") is None


def pages(site):
    return [p for p in site.pages() if p != "404/"]


def test_every_page_has_byline_date_and_correction_link(site):
    repo = repo_url()
    audit_id, date = newest_audit()
    checked = 0
    for page in pages(site):
        lang = "en" if page.startswith("en/") else "zh"
        html = site.html(page)
        f = footer_of(html)
        by = [(h, x) for p, h, x in f.links if p == "o3-trust__byline"]
        assert by == [(repo, t(lang, "trust.project"))], (page, f.links)
        assert f.text.strip().startswith(t(lang, "trust.by")), page
        # The data's last update: the newest audit's date, linked to that audit on the methods page.
        assert f.times == [(date, trust.long_date(datetime.date.fromisoformat(date), lang))], (page, f.times)
        updated = [h for p, h, _ in f.links if p == "o3-trust__updated"]
        home = urlsplit(site.url).path + ("en/" if lang == "en" else "")
        assert updated == [f"{home}methods/#audit-{audit_id}"], (page, updated)
        assert f"audit-{audit_id}" in footer_of(site.html(("en/" if lang == "en" else "") + "methods/")).ids
        # Send a correction: a new issue on the repository, prefilled with this page's address.
        fix = [(h, x) for p, h, x in f.links if p == "o3-trust__correct"]
        assert len(fix) == 1 and fix[0][1] == t(lang, "trust.correction"), (page, fix)
        parts = urlsplit(fix[0][0])
        assert f"{parts.scheme}://{parts.netloc}{parts.path}" == repo.rstrip("/") + "/issues/new", page
        q = parse_qs(parts.query, strict_parsing=True)
        assert q["body"][0] == t(lang, "trust.issue_body", url=site.url + page), page
        assert q["title"][0].startswith(t(lang, "trust.issue_title", title="")), page
        checked += 1
    assert checked >= 2 * 8 + 2 * 8, checked  # both languages: the story pages and the chart pages


@pytest.mark.parametrize("page", ["o3/", "en/safety/", "charts/o3-vs-o1/", "en/charts/arc-agi-cost/", "en/methods/"])
def test_correction_title_is_the_page_title(site, page):
    """The issue's title names the page by its heading, as its social card does (og:title)."""
    html = site.html(page)
    title = htmllib.unescape(re.search(r'<meta property="og:title" content="([^"]*)"', html).group(1))
    lang = "en" if page.startswith("en/") else "zh"
    fix = [x for x in footer_of(html).links if x[0] == "o3-trust__correct"][0][1]
    assert parse_qs(urlsplit(fix).query)["title"] == [t(lang, "trust.issue_title", title=title)]
