"""Fixes to the built HTML that the theme and the i18n plugin do not make. Pure string functions
plus one file-writing step at the end of a build."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import urljoin

ALTERNATE = re.compile(r'<link rel="alternate" href="(?P<href>[^"]*)" hreflang="(?P<lang>[^"]*)">')
DEFAULT_LANG = "zh"


def absolute_alternates(html: str, site_url: str, page_url: str) -> str:
    """Make hreflang alternates absolute (search engines ignore relative ones) and add x-default.

    The i18n plugin writes them relative to the page; x-default points at the Chinese page,
    the site's default language.
    """
    if not site_url:
        return html
    here = urljoin(site_url, page_url)
    default: str | None = None

    def fix(m: re.Match) -> str:
        nonlocal default
        url = urljoin(here, m["href"])
        if m["lang"] == DEFAULT_LANG:
            default = url
        return f'<link rel="alternate" href="{url}" hreflang="{m["lang"]}">'

    html = ALTERNATE.sub(fix, html)
    if default and 'hreflang="x-default"' not in html:
        last = list(re.finditer(r'<link rel="alternate" href="[^"]*" hreflang="[^"]*">', html))[-1]
        html = html[: last.end()] + f'\n      <link rel="alternate" href="{default}" hreflang="x-default">' + html[last.end():]
    return html


def sitemaps_beside_alternates(site: Path) -> None:
    """The theme's JS fetches `sitemap.xml` next to every alternate link (e.g. /en/o3/sitemap.xml)
    to map pages across languages. Only /sitemap.xml is built, so each fetch would be a 404 and a
    console error: put a copy beside every page of the last language built."""
    root = site / "sitemap.xml"
    if not root.exists():
        return
    for page in site.rglob("index.html"):
        target = page.parent / "sitemap.xml"
        if not target.exists():
            shutil.copyfile(root, target)
