"""What search engines, social cards and the CSP need from each page, as plain values for the
theme's overrides (theme/main.html), plus the steps that must see the finished site: the CSP's
script hashes (only the final page has its final inline scripts), the sitemaps beside the
alternates and the per-language search index."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin
from o3story.data.locale import DEFAULT, LOCALES, locale
from o3story.render.embed import CSP_BASE, oembed_photo_url, oembed_url
from o3story.render.i18n import t

CSP_PLACEHOLDER = "o3story:csp"  # the theme's main.html puts the CSP meta tag here; content_security_policy fills it
CHART_PAGE = re.compile(r"(?P<en>en/)?charts/(?P<id>[a-z0-9-]+)/")  # a chart's own page URL, either language


def alternates(site_url: str, links: dict[str, str]) -> list[dict[str, str]]:
    """Absolute hreflang alternates (search engines ignore relative ones) plus x-default, the
    Chinese page (the site's default language). `links`: language -> the page's link as the i18n
    plugin gives it: relative to the site root ('en/o3/'), or an absolute path that already holds
    the base path ('/o3-story/en/', on the home pages)."""
    if not site_url:
        return []
    out = [{"lang": lang, "href": urljoin(site_url, link)} for lang, link in links.items()]
    default = next((a["href"] for a in out if a["lang"] == DEFAULT), None)
    return out + ([{"lang": "x-default", "href": default}] if default else [])


def search_base(page_url: str, lang_prefix: str = "en/") -> str | None:
    """The theme's `base` for English pages: their language root (`../` from /en/o3/), so that
    search loads /en/search/search_index.json, one index per language. None: the theme's own."""
    if not page_url.startswith(lang_prefix):
        return None
    depth = page_url[len(lang_prefix):].rstrip("/").count("/") + 1 if page_url != lang_prefix else 0
    return "/".join([".."] * depth) or "."


CARD_SIZE = (1200, 675)
KEY_CHART = re.compile(r"\{\{\s*chart\s+(?P<id>[a-z0-9-]+)\s*\}\}")  # a story page's first chart is its key chart


def page_lang(page_url: str) -> str:
    """The language of a page by where it lies (its locale's root; the default's is the site root)."""
    return next((loc.code for loc in LOCALES if loc.root and page_url.startswith(loc.root)), DEFAULT)


def key_chart(markdown: str) -> str | None:
    """The chart a page shares as its picture: the first one it shows."""
    m = KEY_CHART.search(markdown)
    return m["id"] if m else None


def title_card_path(page_url: str) -> str:
    """Where a page without a chart has its own card, relative to the site root: cards/<page>.<lang>.png."""
    lang = page_lang(page_url)
    rest = page_url[len(locale(lang).root):]
    return f"cards/{rest.strip('/').replace('/', '-') or 'home'}.{lang}.png"


def card_chart(page_url: str, key: str | None) -> str | None:
    """The chart a page's social card shows: a chart page's own, else the page's key chart (None: the
    page has none and shares its title card)."""
    m = CHART_PAGE.fullmatch(page_url)
    return m["id"] if m else key


def card_path(page_url: str, chart_id: str | None) -> str:
    """The page's social card, relative to the site root, in the page's language: a chart page's own card,
    a story page's key chart's card, or the page's title card."""
    chart_id = card_chart(page_url, chart_id)
    return f"charts/{chart_id}/card.{page_lang(page_url)}.png" if chart_id else title_card_path(page_url)


def social(site_url: str, page_url: str, title: str, description: str, image: str | None,
           image_alt: str = "") -> list[dict[str, str]]:
    """Open Graph and Twitter card tags as plain values (the theme escapes them, once). `image`: the
    page's card relative to the site root (see card_path), 1200x675; None (no images were built): the
    overview's screenshot."""
    if not site_url:
        return []
    lang = page_lang(page_url)
    url = f"{site_url}{image}" if image else f"{site_url}assets/screenshot.png"
    tags = [
        ("property", "og:type", "website"),
        ("property", "og:title", title),
        ("property", "og:description", description),
        ("property", "og:url", urljoin(site_url, page_url)),
        ("property", "og:image", url),
    ]
    if image:
        tags += [("property", "og:image:width", str(CARD_SIZE[0])), ("property", "og:image:height", str(CARD_SIZE[1])),
                 ("property", "og:image:alt", image_alt or title)]
    tags += [
        ("property", "og:locale", locale(lang).og_locale),
        ("name", "twitter:card", "summary_large_image"),
        ("name", "twitter:title", title),
        ("name", "twitter:description", description),
        ("name", "twitter:image", url),
    ]
    return [{"attr": a, "name": n, "content": c or ""} for a, n, c in tags]


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


def oembed(site_url: str, page_url: str, title: str, images: bool = False) -> dict[str, str] | None:
    """oEmbed discovery for a chart page: its JSON in the page's language (see embed.oembed_url), the
    rich one (the iframe) first; with images, then the photo one (the PNG) for platforms that take no
    iframe, titled as such. The overview's is its scorecard's embed (scorecard_embed.oembed)."""

    m = CHART_PAGE.fullmatch(page_url)
    if site_url and page_url in ("", "en/"):  # the overview: its scorecard, as an embed
        from o3story.render import scorecard_embed

        return {"href": scorecard_embed.oembed_url(site_url, page_lang(page_url)), "title": title}
    if not site_url or not m:
        return None
    lang = "en" if m["en"] else "zh"
    out = {"href": oembed_url(site_url, m["id"], lang), "title": title}
    if images:
        out["photo_href"] = oembed_photo_url(site_url, m["id"], lang)
        out["photo_title"] = t(lang, "oembed.photo", title=title)
    return out


INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
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
    if CSP_PLACEHOLDER not in html:
        raise ValueError("no Content-Security-Policy placeholder: the page was not rendered with the site's theme overrides")
    return html.replace(CSP_PLACEHOLDER, policy.strip(), 1)
