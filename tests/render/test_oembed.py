"""oEmbed for every chart in both languages: discovery links in each chart page's head, a JSON
document with the fields the oEmbed 1.0 spec requires for type "rich", whose html is the very snippet
the chart page publishes, and a second of type "photo" (the chart's PNG) for platforms that take no
iframe. The snippet is plain text to paste: no character reference but the two HTML needs in a
double-quoted attribute."""

from __future__ import annotations

import dataclasses
import html
import json
import re
import urllib.request

import pytest

from o3story.render import charts, embed

LINK = re.compile(r'<link rel="alternate" type="application/json\+oembed" href="(?P<href>[^"]+)" title="(?P<title>[^"]*)">')


def get(url: str) -> tuple[bytes, str]:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read(), r.headers.get_content_type()


def published_snippet(page_html: str) -> str:
    """The text of the chart page's embed code block (what the copy button copies)."""
    blocks = [html.unescape(re.sub(r"<[^>]+>", "", code)) for code in re.findall(r"<pre>.*?<code>(.*?)</code></pre>", page_html, re.S)]
    found = [b.rstrip("\n") for b in blocks if b.startswith("<iframe")]
    assert len(found) == 1, "one embed code block"
    return found[0]


@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_chart_page_links_its_oembed_document(site, story, chart_id, lang):
    page = site.html(f"{'en/' if lang == 'en' else ''}charts/{chart_id}/")
    head = page.split("</head>")[0]
    links = LINK.findall(head)
    assert len(links) == 2, links  # the rich document first (consumers take the first), then the photo one
    href, title = links[0]
    chart = charts.build(chart_id, story, lang)
    assert href == f"{site.url}charts/{chart_id}/oembed.{lang}.json"  # absolute, under the site's URL (which may have a path)
    assert html.unescape(title) == chart.title
    body, kind = get(href)
    assert kind == "application/json"
    doc = json.loads(body)
    # required for every oEmbed response, then for type "rich" (oEmbed 1.0, sections 2.3.4 and 2.3.4.4)
    assert doc["version"] == "1.0" and doc["type"] == "rich"
    assert isinstance(doc["html"], str) and doc["html"]
    assert isinstance(doc["width"], int) and doc["width"] > 0 and isinstance(doc["height"], int) and doc["height"] > 0
    # the html is the published snippet: the same string the chart page shows and embed.snippet makes
    assert doc["html"] == embed.snippet(site.url, chart)
    assert doc["html"] == published_snippet(page)
    assert doc["title"] == chart.title
    assert doc["provider_name"] and doc["author_name"]
    assert doc["provider_url"] == doc["author_url"] == site.url + ("en/" if lang == "en" else "")
    # a thumbnail is the chart's PNG in this language, with its real size (all three or none)
    png, kind = get(doc["thumbnail_url"])
    assert doc["thumbnail_url"] == f"{site.url}charts/{chart_id}/chart.{lang}.png" and kind == "image/png"
    assert (doc["thumbnail_width"], doc["thumbnail_height"]) == embed.png_size(png)
    # the snippet asks for the height the oEmbed document reports
    assert f'height="{doc["height"]}"' in doc["html"]


@pytest.mark.parametrize("chart_id", list(charts.CHARTS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_photo_oembed_offers_the_chart_png_to_platforms_without_iframes(site, story, chart_id, lang):
    page = site.html(f"{'en/' if lang == 'en' else ''}charts/{chart_id}/")
    (rich, _), (href, title) = LINK.findall(page.split("</head>")[0])
    chart = charts.build(chart_id, story, lang)
    assert href == f"{site.url}charts/{chart_id}/oembed.{lang}.photo.json" and chart.title in html.unescape(title)
    body, kind = get(href)
    assert kind == "application/json"
    doc = json.loads(body)
    # oEmbed 1.0, 2.3.4.1: a photo has url, width and height, the url one an <img> can show (http or https)
    assert doc["version"] == "1.0" and doc["type"] == "photo" and "html" not in doc
    assert doc["url"] == f"{site.url}charts/{chart_id}/chart.{lang}.png" and doc["url"].startswith("http")
    png, kind = get(doc["url"])
    assert kind == "image/png" and (doc["width"], doc["height"]) == embed.png_size(png)
    assert doc["title"] == chart.title and doc["provider_name"] and doc["author_name"]
    # the rich document, the one that embeds the live chart, stays as it was
    assert json.loads(get(rich)[0])["type"] == "rich"


# What HTML needs escaped in a double-quoted attribute value: & and ". Nothing else.
ALLOWED_REFS = {"&amp;", "&quot;"}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_published_snippet_is_plain_text_to_paste(site, story, lang):
    """The code block a journalist copies: no `&#45;`, `&#39;` or `&#58;` in the title, which reads as
    the chart's own title once HTML has read it; the frame sized in the markup (height and style)."""
    found, titles, unsized = {}, {}, []
    for chart_id in charts.CHARTS:
        text = published_snippet(site.html(f"{'en/' if lang == 'en' else ''}charts/{chart_id}/"))
        refs = set(re.findall(r"&#?[0-9A-Za-z]+;", text)) - ALLOWED_REFS
        if refs:
            found[chart_id] = sorted(refs)
        title = html.unescape(re.search(r' title="([^"]*)"', text).group(1))
        if title != charts.build(chart_id, story, lang).title:
            titles[chart_id] = title
        if not re.search(r' height="\d+" style="border:0;height:[^"]+"', text):
            unsized.append(chart_id)
    assert not found, f"character references in the snippet beyond what HTML needs: {found}"
    assert not titles, f"the frame's title is not the chart's: {titles}"
    assert not unsized, f"the snippet does not size the frame (height and style): {unsized}"


def test_snippet_escapes_only_what_an_attribute_needs(story):
    chart = charts.build("arc-agi-cost", story, "en")
    hostile = dataclasses.replace(chart, title='A "quoted" & <tagged> o3-mini: it\'s')
    text = embed.snippet("https://example.org/o3-story/", hostile)
    assert ' title="A &quot;quoted&quot; &amp; <tagged> o3-mini: it\'s" ' in text
    assert html.unescape(re.search(r' title="([^"]*)"', text).group(1)) == hostile.title


def test_png_size_reads_the_header():
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\x0dIHDR" + (1920).to_bytes(4, "big") + (1140).to_bytes(4, "big") + b"\x08\x06"
    assert embed.png_size(png) == (1920, 1140)
    with pytest.raises(ValueError):
        embed.png_size(b"GIF89a" + b"\x00" * 30)


def test_without_images_there_is_no_thumbnail(story):
    doc = embed.oembed(charts.build("o3-vs-o1", story, "en"), "https://example.org/o3-story/")
    assert "thumbnail_url" not in doc and "thumbnail_width" not in doc
    assert doc["html"].startswith('<iframe src="https://example.org/o3-story/embed/o3-vs-o1/?lang=en&theme=auto"')
    assert "photo" not in json.dumps(doc)  # and no photo document without a PNG (exports writes none)
