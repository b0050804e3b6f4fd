"""Every internal link and anchor in a built site resolves: a file for the path, an id for the #fragment.

The site is published under its `site_url`, which may have a path (a GitHub project site lives
under /<repo>/). A link is checked as the browser will follow it there: root-relative links
(`/o3-story/en/`) and absolute links on the site's own host must lie under that base path, and
relative links must not climb above it. A link that leaves the base path is broken.
"""

from __future__ import annotations

import hashlib
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    @classmethod
    def of(cls, ids: set[str], links: list[str]) -> "_Collect":
        c = cls()
        c.ids, c.links = ids, links
        return c

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(a[key])
        if a.get("srcset") and tag in ("img", "source"):
            self.links += [c.strip().split(" ")[0] for c in a["srcset"].split(",") if c.strip()]


def _parse(path: Path) -> _Collect:
    c = _Collect()
    c.feed(path.read_text(encoding="utf-8", errors="replace"))
    return c


def base_path(site_url: str) -> str:
    """The path the site is published under: '/' for a bare host, '/o3-story/' for a project site."""
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _site_path(link: str, here: str, site_url: str, base: str) -> tuple[str | None, str]:
    """The link as a path from the site root ('/en/o3/'), or None with the reason it leaves the site.
    ('', '') for links that are not ours to check (other hosts, mailto:, data:)."""
    parts = urlsplit(link)
    if link.startswith(("mailto:", "data:", "javascript:")):
        return "", ""
    if parts.scheme or parts.netloc:
        own = urlsplit(site_url) if site_url else None
        if not own or (parts.scheme or own.scheme, parts.netloc) != (own.scheme, own.netloc):
            return "", ""  # another host: not ours to check
        path = parts.path or "/"
    elif parts.path.startswith("/"):
        path = parts.path
    else:
        # relative: resolved against the page's public URL, under the base path
        path = posixpath.join(posixpath.dirname(base + here.lstrip("/")), parts.path) if parts.path else base + here.lstrip("/")
        trailing = parts.path.endswith("/")
        path = posixpath.normpath(path) + ("/" if trailing and not path.endswith("/") else "")
    path = unquote(path)
    if not (path + "/").startswith(base) and path != base.rstrip("/"):
        return None, f"leaves the base path {base}"
    return "/" + path[len(base):].lstrip("/") if path != base.rstrip("/") else "/", ""


def _parse_all(files: list[Path], site: Path) -> dict[str, tuple[set[str], list[str]]]:
    return {p.relative_to(site).as_posix(): (c.ids, c.links) for p in files for c in [_parse(p)]}


def broken_links(site: Path, site_url: str = "", reuse=None) -> list[str]:
    """'page -> link: why' for each internal link that does not resolve. `reuse` (render/reuse.Reuse):
    the pages' ids and links, kept from an earlier check of pages with the same bytes."""
    base = base_path(site_url)
    files = sorted(site.rglob("*.html"))
    if reuse is not None:
        digest = [[p.relative_to(site).as_posix(), hashlib.sha256(p.read_bytes()).hexdigest()] for p in files]
        parsed = reuse("links", digest, lambda: _parse_all(files, site))
    else:
        parsed = _parse_all(files, site)
    pages = {site / rel: _Collect.of(ids, links) for rel, (ids, links) in parsed.items()}
    problems = []
    for page, parsed in sorted(pages.items()):
        here = "/" + page.relative_to(site).as_posix()
        for original in parsed.links:
            target_url, why = _site_path(original, here, site_url, base)
            if target_url is None:
                problems.append(f"{here} -> {original}: {why}")
                continue
            if not target_url:
                continue
            if target_url.endswith("/") or not posixpath.splitext(target_url)[1]:
                target_url = target_url.rstrip("/") + "/index.html"
            target = site / target_url.lstrip("/")
            if not target.exists():
                problems.append(f"{here} -> {original}: no file {target_url}")
                continue
            frag = unquote(urlsplit(original).fragment)
            if frag and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if frag not in ids:
                    problems.append(f"{here} -> {original}: no id '{frag}' in {target_url}")
    return problems
