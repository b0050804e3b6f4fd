"""The release metadata at the repository root (CITATION.cff, .zenodo.json): in step with data/ (the
data version and its date), valid for the official CFF 1.2.0 JSON Schema and for Zenodo's deposit
rules as far as they can be checked offline, and saying what the methods page's citation says."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import ROOT
from o3story.data.story import load_story
from o3story.render import datapackage, exports, release
from o3story.render.i18n import t
from o3story.site import release as files

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"
CFF_SCHEMA = json.loads((SCHEMAS / "cff-1.2.0.schema.json").read_text(encoding="utf-8"))
ZENODO_SCHEMA = json.loads((SCHEMAS / "zenodo-deposit.schema.json").read_text(encoding="utf-8"))
SITE_URL, REPO_URL = "https://o3-story.github.io/o3-story/", "https://github.com/o3-story/o3-story"


def cff_errors(cff: dict) -> list[str]:
    validator = jsonschema.Draft7Validator(CFF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(cff)]


def zenodo_errors(meta: dict) -> list[str]:
    validator = jsonschema.Draft202012Validator(ZENODO_SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(meta)]


def committed_cff() -> dict:
    return yaml.safe_load((ROOT / release.CFF).read_text(encoding="utf-8"))


def committed_zenodo() -> dict:
    return json.loads((ROOT / release.ZENODO).read_text(encoding="utf-8"))


def test_the_schemas_are_valid_schemas():
    jsonschema.Draft7Validator.check_schema(CFF_SCHEMA)
    jsonschema.Draft202012Validator.check_schema(ZENODO_SCHEMA)
    assert CFF_SCHEMA["$id"] == "https://citation-file-format.github.io/1.2.0/schema.json"


def test_committed_files_are_in_step_with_data():
    out = files.stale(ROOT)
    assert out == [], f"{', '.join(out)} out of step with data/: run `python -m o3story release` and commit them"


def test_they_name_the_data_version_and_its_date():
    version, as_of = exports.data_version(ROOT / "data"), load_story(ROOT / "data").data.status.as_of
    cff, zen = committed_cff(), committed_zenodo()
    assert cff["version"] == zen["version"] == version
    assert cff["date-released"] == zen["publication_date"] == as_of.isoformat()


def test_a_data_edit_puts_them_out_of_step(tmp_path):
    # a copy of the repository's parts that the files are made from, then one byte of data changed
    shutil.copytree(ROOT / "data", tmp_path / "data")
    for name in ("mkdocs.yml", release.CFF, release.ZENODO):
        shutil.copyfile(ROOT / name, tmp_path / name)
    assert files.stale(tmp_path) == []
    glossary = tmp_path / "data" / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert files.stale(tmp_path) == [release.CFF, release.ZENODO]
    files.write(tmp_path)
    assert files.stale(tmp_path) == []
    assert yaml.safe_load((tmp_path / release.CFF).read_text(encoding="utf-8"))["version"] == exports.data_version(tmp_path / "data")


def test_addresses_are_mkdocs_defaults_not_the_environment(monkeypatch):
    monkeypatch.setenv("SITE_URL", "http://127.0.0.1:9/elsewhere/")
    monkeypatch.setenv("REPO_URL", "https://example.org/fork")
    assert files.addresses(ROOT / "mkdocs.yml") == (SITE_URL, REPO_URL)


def test_citation_cff_is_valid_cff_1_2_0():
    cff = committed_cff()
    assert cff_errors(cff) == []
    assert cff["cff-version"] == "1.2.0" and cff["type"] == "dataset" and cff["license"] == "CC-BY-4.0"
    # the creator is the project, an entity (a person would have family-names): no invented people
    assert cff["authors"] == [{"name": release.CREATOR, "website": REPO_URL}]
    assert "doi" not in cff  # none exists yet


def test_the_cff_validator_is_live():
    broken = dict(committed_cff())
    del broken["authors"]
    assert any("'authors' is a required property" in e for e in cff_errors(broken))
    assert cff_errors(dict(committed_cff(), **{"date-released": "4 Dec 2026"}))
    assert cff_errors(dict(committed_cff(), license="CC-BY-4"))  # not an SPDX id


def test_a_doi_once_minted_is_valid_cff(story):
    text = release.citation_cff(story, "abc123def456", SITE_URL, REPO_URL, datapackage.package_url(SITE_URL), doi="10.5281/zenodo.1234567")
    cff = yaml.safe_load(text)
    assert cff["doi"] == "10.5281/zenodo.1234567" and cff_errors(cff) == []


def test_zenodo_json_meets_the_deposit_rules():
    meta = committed_zenodo()
    assert zenodo_errors(meta) == []
    assert meta["upload_type"] == "dataset" and meta["access_right"] == "open" and meta["license"] == "cc-by-4.0"
    assert meta["creators"] == [{"name": release.CREATOR}]
    assert meta["title"] == committed_cff()["title"] and meta["keywords"] == committed_cff()["keywords"]


@pytest.mark.parametrize("change,message", [
    ({"license": None}, "'license' is a required property"),  # open access needs a licence
    ({"upload_type": "data"}, "is not one of"),
    ({"creators": [{"name": "x", "role": "author"}]}, "Additional properties"),
    ({"publication_date": "2026-12-4"}, "does not match"),
])
def test_the_zenodo_rules_are_live(change, message):
    meta = committed_zenodo()
    for key, value in change.items():
        if value is None:
            del meta[key]
        else:
            meta[key] = value
    assert any(message in e for e in zenodo_errors(meta)), zenodo_errors(meta)


def test_the_methods_page_citation_says_what_citation_cff_says(story):
    cff = committed_cff()
    cite = datapackage.citation(SITE_URL, cff["version"], load_story(ROOT / "data").data.status.as_of)
    for lang in ("zh", "en"):
        text, bibtex = cite[lang]["text"], cite[lang]["bibtex"]
        for part in (cff["authors"][0]["name"], cff["version"], cff["date-released"], cff["identifiers"][0]["value"]):
            assert part in text and part in bibtex
        assert f"year = {{{cff['date-released'][:4]}}}" in bibtex
    # the title in its language, as CITATION.cff gives it in both
    for lang in ("zh", "en"):
        title = t(lang, "datapackage.title")
        assert title in cite[lang]["text"] and f"title = {{{{{title}}}}}" in cite[lang]["bibtex"] and title in cff["title"]
