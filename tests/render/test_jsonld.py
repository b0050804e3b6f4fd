"""The data package as a schema.org Dataset (render/jsonld.py), expanded by a JSON-LD processor (PyLD)
and checked for what dataset search engines require (name, description) and recommend (url, version,
licence, creator, temporal coverage, distribution), in both languages; data strings cannot end its
script element."""

from __future__ import annotations

import json
import re

import pytest
from pyld import jsonld as ld

from conftest import edit
from o3story.data.story import load_story
from o3story.render import datapackage, jsonld, release
from o3story.render.i18n import t
from o3story.render.pages import render

S = "https://schema.org/"
SITE_URL = "https://example.org/o3-story/"
VERSION = "0123abcd4567"
BLOCK = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
HOSTILE = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>*x* & [a](b) <!--'
# No network here (and a test must not depend on one): schema.org's context stands in as its
# vocabulary. Any other remote document fails the expansion.
LOADED: list[str] = []


def loader(url, options=None):
    LOADED.append(url)
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise ld.JsonLdError(f"no remote documents in tests: {url}", "loading document failed")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": S}}}


def expand(doc: dict) -> dict:
    (node,) = ld.expand(doc, {"documentLoader": loader})
    return node


def values(node: dict, prop: str) -> list:
    return [v.get("@value", v.get("@id", v)) for v in node.get(S + prop, [])]


def one(node: dict, prop: str):
    (v,) = values(node, prop)
    return v


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_expanded_graph_is_a_dataset_with_every_field_search_engines_ask_for(story, lang):
    LOADED.clear()
    doc = jsonld.dataset(story, lang, SITE_URL, VERSION, "https://github.com/o3-story/o3-story")
    node = expand(doc)
    assert LOADED == [S]  # the processor read the context, so terms became schema.org IRIs
    assert node["@type"] == [S + "Dataset"]
    # required
    assert one(node, "name") == t(lang, "datapackage.title")
    assert 50 <= len(one(node, "description")) <= 5000  # the length Google's Dataset guidelines ask for
    # recommended
    assert one(node, "url") == f"{SITE_URL}{'en/' if lang == 'en' else ''}methods/"
    assert one(node, "version") == VERSION
    assert one(node, "license") == "https://creativecommons.org/licenses/by/4.0/"
    assert one(node, "inLanguage") == ("zh-Hans" if lang == "zh" else "en")
    assert one(node, "isAccessibleForFree") is True
    (creator,) = node[S + "creator"]
    assert creator["@type"] == [S + "Organization"] and one(creator, "name") == release.CREATOR
    assert one(node, "temporalCoverage") == jsonld.temporal_coverage(story)
    assert one(node, "dateModified") == story.data.status.as_of.isoformat()
    assert values(node, "keywords") == release.KEYWORDS
    assert one(node, "identifier") == node["@id"] == SITE_URL + "data/datapackage.json"


def test_the_distribution_is_every_file_of_the_package(story):
    node = expand(jsonld.dataset(story, "en", SITE_URL, VERSION))
    files = datapackage.files(story, SITE_URL, VERSION)
    downloads = {one(d, "name"): d for d in node[S + "distribution"]}
    assert set(downloads) == set(files)
    for name, d in downloads.items():
        assert d["@type"] == [S + "DataDownload"]
        assert one(d, "contentUrl") == f"{SITE_URL}data/{name}"  # absolute
        assert one(d, "encodingFormat") == {"csv": "text/csv", "json": "application/json"}[name.rsplit(".", 1)[1]]


def test_temporal_coverage_is_computed_from_the_records(data_dir):
    story = load_story(data_dir)
    days = sorted([f.date for f in story.data.figures] + [e.date for e in story.data.events])
    assert jsonld.temporal_coverage(story) == f"{days[0].isoformat()}/{days[-1].isoformat()}"
    # an earlier record moves the start
    assert jsonld.temporal_coverage(story) == "2024-12-20/2025-01-31"
    edit(data_dir / "figures" / "a.yaml", "date: 2024-12-20", "date: 2019-01-02")  # an earlier record moves the start
    edit(data_dir / "timeline.yaml", "date: 2025-01-31", "date: 2025-02-03")  # a later one, the end
    assert jsonld.temporal_coverage(load_story(data_dir)) == "2019-01-02/2025-02-03"


def test_version_date_and_credit_are_the_citations(story):
    doc = jsonld.dataset(story, "zh", SITE_URL, VERSION)
    cite = datapackage.citation(SITE_URL, VERSION, release.release_date(story))["zh"]["text"]
    assert doc["creditText"] == cite and VERSION in cite and doc["dateModified"] in cite


def test_a_doi_becomes_the_identifier(story):
    node = expand(jsonld.dataset(story, "en", SITE_URL, VERSION, doi="10.5281/zenodo.1234567"))
    assert one(node, "identifier") == one(node, "sameAs") == "https://doi.org/10.5281/zenodo.1234567"


def test_the_methods_placeholder_gives_one_block_and_none_without_a_site_url(story):
    page = render("{{ dataset }}", "en", story, "en/methods/", site_url=SITE_URL, version=VERSION)
    (found,) = BLOCK.findall(page)
    assert json.loads(found) == jsonld.dataset(story, "en", SITE_URL, VERSION)
    assert "ld+json" not in render("{{ dataset }}", "en", story, "en/methods/")  # no absolute addresses to give


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_data_strings_cannot_end_the_block(data_dir, lang):
    name = {"zh": "zh: 基准", "en": "en: Bench"}[lang]
    edit(data_dir / "metrics.yaml", name, f"{lang}: {json.dumps(HOSTILE)}")
    story = load_story(data_dir)
    page = render("{{ dataset }}", lang, story, f"{'en/' if lang == 'en' else ''}methods/", site_url=SITE_URL, version=VERSION)
    assert page.count("</script>") == 1 and page.count("<script") == 1 and "<!--" not in page and "<img" not in page
    (found,) = BLOCK.findall(page)
    assert HOSTILE in json.loads(found)["variableMeasured"]  # intact once parsed
    assert HOSTILE in values(expand(json.loads(found)), "variableMeasured")

