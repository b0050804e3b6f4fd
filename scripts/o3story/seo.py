"""Fixes to the built HTML that the theme and the i18n plugin do not make. Pure string functions
plus one file-writing step at the end of a build."""

from __future__ import annotations

import json
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


def language_base(html: str, page_url: str, lang_prefix: str = "en/") -> str:
    """Point the theme's `base` at the language's own root on English pages (`../` from /en/o3/),
    so that its search loads /en/search/search_index.json: one index per language."""
    if not page_url.startswith(lang_prefix):
        return html
    depth = page_url[len(lang_prefix):].rstrip("/").count("/") + 1 if page_url != lang_prefix else 0
    base = "/".join([".."] * depth) or "."
    return re.sub(r'("base": )"[^"]*"', lambda m: f'{m.group(1)}"{base}"', html, count=1)


def split_search_index(site: Path, lang_prefix: str = "en/") -> None:
    """Split the combined search index the i18n plugin writes into one per language.

    With one index, English pages found Chinese pages first (and the reverse); each language now
    searches only its own pages."""
    path = site / "search" / "search_index.json"
    if not path.exists():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    own = [d for d in index["docs"] if not d["location"].startswith(lang_prefix)]
    other = [dict(d, location=d["location"][len(lang_prefix):]) for d in index["docs"] if d["location"].startswith(lang_prefix)]
    path.write_text(json.dumps(dict(index, docs=own), ensure_ascii=False), encoding="utf-8")
    target = site / lang_prefix / "search" / "search_index.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(dict(index, docs=other), ensure_ascii=False), encoding="utf-8")


def social_meta(html: str, site_url: str, page_url: str, title: str, description: str, images: bool) -> str:
    """Open Graph and Twitter card tags. A chart page's image is its PNG in the page's language;
    other pages share the overview's screenshot."""
    if not site_url or 'property="og:title"' in html:
        return html
    lang = "en" if page_url.startswith("en/") else "zh"
    m = re.fullmatch(r"(?:en/)?charts/([a-z0-9-]+)/", page_url)
    if m and images:
        image = f"{site_url}charts/{m.group(1)}/chart.{lang}.png"
    else:
        image = f"{site_url}assets/screenshot.png"
    from html import escape

    tags = [
        ("property", "og:type", "website"),
        ("property", "og:title", title or ""),
        ("property", "og:description", description or ""),
        ("property", "og:url", urljoin(site_url, page_url)),
        ("property", "og:image", image),
        ("property", "og:locale", "zh_CN" if lang == "zh" else "en_US"),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:image", image),
    ]
    block = "".join(f'\n    <meta {k}="{v}" content="{escape(str(c), quote=True)}">' for k, v, c in tags)
    return html.replace("</head>", block + "\n  </head>", 1)


INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
CSP_BASE = (
    "default-src 'self'; base-uri 'self'; object-src 'none'; form-action 'self'; "
    # blob: for plotly's own PNG download (it draws the SVG into an image from a blob URL).
    "img-src 'self' data: blob:; font-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
    "worker-src 'self'; frame-src 'self'"
)


def content_security_policy(html: str) -> str:
    """A CSP meta tag whose script-src allows this page's own inline scripts by hash: no
    'unsafe-inline', no 'unsafe-eval'. Data blocks (type="application/json") do not run and need none."""
    import base64
    import hashlib

    hashes = []
    for m in INLINE_SCRIPT.finditer(html):
        attrs = m["attrs"]
        if "src=" in attrs:
            continue
        kind = re.search(r'type="([^"]+)"', attrs)
        if kind and kind.group(1) not in ("text/javascript", "module"):
            continue
        digest = base64.b64encode(hashlib.sha256(m["body"].encode("utf-8")).digest()).decode()
        hashes.append(f"'sha256-{digest}'")
    policy = CSP_BASE + "; script-src 'self' " + " ".join(dict.fromkeys(hashes))
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy.strip()}">'
    return re.sub(r"(<meta charset=\"utf-8\">)", lambda m: m.group(1) + "\n" + tag, html, count=1)


def search_dialog_name(html: str, label: str) -> str:
    """The theme's search dialog has no accessible name; give it one."""
    return html.replace('class="md-search" data-md-component="search" role="dialog">',
                        f'class="md-search" data-md-component="search" role="dialog" aria-label="{label}">', 1)
