"""The built methods pages, as a dataset search engine and a reader who wants to cite the data see
them: one schema.org Dataset in JSON-LD per language (expanded by PyLD), naming the page itself, the
version the page prints, and files that the site serves; the citation with the version and its date."""

from __future__ import annotations

import html as htmllib
import json
import re
import urllib.request

import pytest
import yaml
from pyld import jsonld as ld

from conftest import ROOT
from o3story.render import release

S = "https://schema.org/"
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
METHODS = {"zh": "methods/", "en": "en/methods/"}


def loader(url, options=None):  # schema.org's context as its vocabulary; no other remote document
    assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url, "document": {"@context": {"@vocab": S}}}


def value(node: dict, prop: str):
    (v,) = node[S + prop]
    return v.get("@value", v.get("@id"))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_methods_page_describes_the_dataset(site, lang):
    html = site.html(METHODS[lang])
    (block,) = BLOCK.findall(html)
    (node,) = ld.expand(json.loads(block), {"documentLoader": loader})
    assert node["@type"] == [S + "Dataset"]
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
    assert value(node, "url") == canonical == site.url + METHODS[lang]
    package = json.loads((site.root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    # the version the page prints and the package carries
    assert value(node, "version") == package["version"] and package["version"] in re.sub(r"<[^>]+>", "", html)
    assert value(node, "name") == package["citation"][lang]["text"].split("“" if lang == "en" else "《")[1].split("”" if lang == "en" else "》")[0]
    for download in node[S + "distribution"]:
        url = value(download, "contentUrl")
        assert url.startswith(site.url + "data/")
        with urllib.request.urlopen(url) as r:  # the site serves each file it names
            assert r.status == 200 and r.read()


def test_only_the_methods_pages_carry_it(site):
    carrying = [p for p in site.pages() if "application/ld+json" in site.html(p)]
    assert carrying == sorted(METHODS.values())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_reader_can_cite_a_version(site, lang):
    """The citation names the creator, the data version and its date, the same as CITATION.cff."""
    cff = yaml.safe_load((ROOT / release.CFF).read_text(encoding="utf-8"))
    text = htmllib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", site.html(METHODS[lang]))))
    package = json.loads((site.root / "data" / "datapackage.json").read_text(encoding="utf-8"))
    cite = package["citation"][lang]["text"]
    assert cite in text
    for part in (cff["authors"][0]["name"], cff["version"], cff["date-released"]):
        assert part in cite
