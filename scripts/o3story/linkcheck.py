"""Every internal link and anchor in a built site resolves: a file for the path, an id for the #fragment."""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "a" and a.get("name"):
            self.ids.add(a["name"])
        for key in ("href", "src"):
            if a.get(key) and tag in ("a", "link", "script", "img", "iframe", "source"):
                self.links.append(a[key])


def _parse(path: Path) -> _Collect:
    c = _Collect()
    c.feed(path.read_text(encoding="utf-8", errors="replace"))
    return c


def broken_links(site: Path, site_url: str = "") -> list[str]:
    """'page -> link: why' for each internal link that does not resolve."""
    pages = {p: _parse(p) for p in site.rglob("*.html")}
    problems = []
    for page, parsed in sorted(pages.items()):
        here = "/" + page.relative_to(site).as_posix()
        for original in parsed.links:
            link = "/" + original[len(site_url):] if site_url and original.startswith(site_url) else original
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "data:")):
                continue
            path = unquote(parts.path)
            target_url = posixpath.normpath(posixpath.join(posixpath.dirname(here), path)) if path else here
            if path.endswith("/") or (path and not posixpath.splitext(path)[1]):
                target_url = target_url.rstrip("/") + "/index.html"
            target = site / target_url.lstrip("/")
            if not target.exists():
                problems.append(f"{here} -> {original}: no file {target_url}")
                continue
            frag = unquote(parts.fragment)
            if frag and target.suffix == ".html":
                ids = pages[target].ids if target in pages else _parse(target).ids
                if frag not in ids:
                    problems.append(f"{here} -> {original}: no id '{frag}' in {target_url}")
    return problems
