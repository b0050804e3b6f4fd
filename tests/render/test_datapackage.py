"""The data package under /data/: valid for the Frictionless validator, and holding every record of
data/ value for value, in both the CSV and the JSON files."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import typing
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from frictionless import Package, validate

from conftest import ROOT
from o3story.render import datapackage, exports
from o3story.render.fmt import plain_words
from o3story.data import model

# The expected rows are built from the records themselves, not with the package's own column
# getters: each record's fields flattened (a setting's keys as columns, a bilingual text as
# <field>_zh / <field>_en), so a field the package leaves out or renames fails the test.
KINDS = {"figures": "figures", "sources": "sources", "metrics": "metrics", "factchecks": "checks",
         "timeline": "events", "unlinked": "unlinked", "claims": "claims"}
# Texts that may hold placeholders: <field>_<lang> in plain words, <field>_template_<lang> as written
WORDED = {"figures": {"notes"}, "factchecks": {"problem", "correction"}, "timeline": {"event", "scheduled", "promised"},
          "claims": {"claim", "reason"}}


def _is_text(annotation) -> bool:
    return annotation is model.Text or model.Text in typing.get_args(annotation)


def flatten(record, data=None, worded=frozenset()) -> dict[str, object]:
    out: dict[str, object] = {}
    for name, info in type(record).model_fields.items():
        value = getattr(record, name)
        if name in worded:
            for lang in ("zh", "en"):
                out[f"{name}_template_{lang}"] = value[lang] if value is not None else None
                out[f"{name}_{lang}"] = plain_words(value[lang], lang, data) if value is not None else None
        elif name == "history":  # a claim's verdict history: claim_history.csv
            continue
        elif isinstance(value, model.Setting):
            out.update({k: getattr(value, k) for k in type(value).model_fields})
        elif name == "formula":  # one string, or words in each language: formula (English) and formula_zh
            out.update({"formula": record.formula_in("en"), "formula_zh": record.formula_in("zh")})
        elif name == "said":  # what the video's captions say: said_en and said_minute
            out.update({"said_en": value.en if value else None, "said_minute": value.minute if value else None})
        elif name == "promise":  # a timeline promise's outcome: promise_<field>, its reason in both languages
            for k in model.Promise.model_fields:
                v = getattr(value, k) if value is not None else None
                if k == "reason":
                    out.update({f"promise_reason_{lang}": v[lang] if v else None for lang in ("zh", "en")})
                else:
                    out[f"promise_{k}"] = v
        elif _is_text(info.annotation):
            for lang in ("zh", "en"):
                out[f"{name}_{lang}"] = value[lang] if value is not None else None
        elif isinstance(value, (list, tuple)):
            out[name] = list(value)
        else:
            out[name] = value
    return out


def unescape(cell: str) -> str:
    """Undo the package's formula guard: one leading apostrophe on a text cell that has one."""
    return cell[1:] if cell.startswith("'") else cell


def same(read: object, want: object) -> bool:
    """A CSV cell as frictionless types it, against the record's value."""
    if want is None or want == []:
        return read is None
    if isinstance(want, bool):
        return read is want
    if isinstance(want, (int, float)):
        return isinstance(read, (int, Decimal)) and not isinstance(read, bool) and float(read) == want
    if isinstance(want, str):
        return isinstance(read, str) and unescape(read) == want
    return read == want  # dates, lists


@pytest.fixture(scope="module")
def package_path(site) -> Path:
    return site.root / datapackage.FOLDER / "datapackage.json"


def test_frictionless_validates_the_built_package_with_no_error(package_path):
    report = validate(str(package_path))
    problems = [f"{task.name}: {e.type}: {e.note}" for task in report.tasks for e in task.errors]
    assert report.valid and report.stats["errors"] == 0, problems[:20]
    # every file was read and checked: six tables (schema, keys, foreign keys) and their JSON copies
    assert sorted(task.name for task in report.tasks) == sorted(
        [t.name for t in datapackage.TABLES] + [f"{t.name}-json" for t in datapackage.TABLES])


def test_the_validator_catches_a_broken_foreign_key(package_path, tmp_path):
    """The check above can fail: a figure citing a source the package lacks is an error."""
    copy = tmp_path / "data"
    shutil.copytree(package_path.parent, copy)
    text = (copy / "figures.csv").read_bytes().replace(b",arc-o3-breakthrough-2024-12,", b",no-such-source,", 1)
    (copy / "figures.csv").write_bytes(text)
    desc = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    figures = next(r for r in desc["resources"] if r["name"] == "figures")
    figures.update(bytes=len(text), hash="sha256:" + hashlib.sha256(text).hexdigest())
    (copy / "datapackage.json").write_text(json.dumps(desc), encoding="utf-8")
    report = validate(str(copy / "datapackage.json"))
    types = {e.type for task in report.tasks for e in task.errors}
    assert not report.valid and types == {"foreign-key"}, types


@pytest.mark.parametrize("name", list(KINDS))
def test_every_record_is_in_the_package_value_for_value(package_path, story, name):
    records = list(getattr(story.data, KINDS[name]))
    want = {r.id: flatten(r, story.data, WORDED.get(name, frozenset())) for r in records}
    if name == "claims":  # the verdict as the scorecard shows it, and since when
        for r in records:
            label = story.data.grade(r.verdict).label
            want[r.id].update(verdict_label_zh=label["zh"], verdict_label_en=label["en"], verdict_since=r.history[-1].date)
    if name == "timeline":  # as the site shows it on the as-of date: an event still to come in its scheduled words
        for r in records:
            want[r.id]["upcoming"] = up = r.date > story.data.status.as_of
            if up and r.scheduled:
                for lang in ("zh", "en"):
                    want[r.id].update({f"event_template_{lang}": r.scheduled[lang],
                                       f"event_{lang}": plain_words(r.scheduled[lang], lang, story.data)})
    package = Package(str(package_path))
    # CSV, read and typed by frictionless with the package's schema
    rows = [row.to_dict() for row in package.get_resource(name).read_rows()]
    assert [r["id"] for r in rows] == [r.id for r in records]
    for row in rows:
        expected = want[row["id"]]
        assert set(row) == set(expected), (name, set(row) ^ set(expected))
        bad = {k: (row[k], v) for k, v in expected.items() if not same(row[k], v)}
        assert not bad, (name, row["id"], bad)
    # JSON: the same rows with native values
    items = json.loads((package_path.parent / f"{name}.json").read_text(encoding="utf-8"))
    assert [i["id"] for i in items] == [r.id for r in records]
    for item in items:
        expected = want[item["id"]]
        assert set(item) == set(expected)
        bad = {k: (item[k], v) for k, v in expected.items()
               if not (item[k] == (v.isoformat() if isinstance(v, date) else v))}
        assert not bad, (name, item["id"], bad)


def test_claim_history_holds_every_step_of_every_claim(package_path, story):
    rows = [row.to_dict() for row in Package(str(package_path)).get_resource("claim_history").read_rows()]
    want = [(c.id, h.date, h.verdict, h.reason["en"], list(h.records)) for c in story.data.claims for h in c.history]
    assert [(r["claim"], r["date"], r["verdict"], r["reason_template_en"], r["records"] or []) for r in rows] == want
    assert len({r["id"] for r in rows}) == len(rows)
    last = {r["claim"]: r for r in rows}  # a claim's last step is its verdict today
    claims = {r["id"]: r for r in Package(str(package_path)).get_resource("claims").read_rows()}
    assert {k: (r["verdict"], r["date"]) for k, r in last.items()} == {k: (c["verdict"], c["verdict_since"]) for k, c in claims.items()}
    labels = {g.id: g.label["en"] for g in story.data.grades}
    assert all(r["verdict_label_en"] == (labels[r["verdict"]] if r["verdict"] else "No verdict on the scale") for r in rows)
    assert any(not r["verdict"] for r in rows)  # a step with no verdict: labelled as the scorecard shows it


def test_texts_read_as_the_site_shows_them(package_path):
    """A journalist quotes a cell as it stands: no column but a `_template_` one holds a placeholder, and the
    worded column has the value where the template has its record."""
    folder = package_path.parent
    for path in sorted(folder.glob("*.csv")):
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
        bad = [(row["id"], col) for row in rows for col, cell in row.items() if "{{" in (cell or "") and "_template_" not in col]
        assert not bad, (path.name, bad[:5])
    for path in sorted(folder.glob("*.json")):
        if path.name == "datapackage.json":
            continue
        bad = [(item["id"], k) for item in json.loads(path.read_text(encoding="utf-8"))
               for k, v in item.items() if isinstance(v, str) and "{{" in v and "_template_" not in k]
        assert not bad, (path.name, bad[:5])
    checks = {r["id"]: r for r in csv.DictReader(io.StringIO((folder / "factchecks.csv").read_text(encoding="utf-8-sig")))}
    check = checks["arc-misspoken-score"]
    assert "{{ fig arc.o3.semi-private.high-compute.score }}" in check["correction_template_en"]
    assert "87.5%" in check["correction_en"] and "87.5%" in check["correction_zh"], check["correction_en"]


def test_csv_opens_in_excel_with_chinese_intact(package_path, story):
    raw = (package_path.parent / "figures.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the byte-order mark Excel needs to read UTF-8
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    fig = next(f for f in story.data.figures if f.notes and any("\u4e00" <= c <= "\u9fff" for c in f.notes.zh))
    assert next(r for r in rows if r["id"] == fig.id)["notes_zh"] == fig.notes.zh


def test_csv_cells_cannot_become_formulas(story):
    figs = list(story.data.figures)
    figs[0] = figs[0].model_copy(update={"model": '=HYPERLINK("http://x")', "quote": "'already quoted", "locator": "@cell"})
    data = story.data.model_copy(update={"figures": tuple(figs)})
    raw = datapackage.csv_bytes(datapackage.FIGURES, data).decode("utf-8-sig")
    row = list(csv.DictReader(io.StringIO(raw)))[0]
    assert row["model"] == '\'=HYPERLINK("http://x")' and row["locator"] == "'@cell"
    assert row["quote"] == "''already quoted"  # reversible: one apostrophe comes off on reading
    assert [unescape(row[k]) for k in ("model", "quote", "locator")] == [figs[0].model, figs[0].quote, figs[0].locator]


def test_descriptor_licence_keys_sources_version_and_citation(package_path, site, story):
    desc = json.loads(package_path.read_text(encoding="utf-8"))
    assert desc["$schema"] == "https://datapackage.org/profiles/2.0/datapackage.json"
    assert desc["version"] == exports.data_version(ROOT / "data")
    assert desc["licenses"][0]["name"] == "CC-BY-4.0" and desc["licenses"][0]["path"] == exports.LICENCE_URL
    assert desc["id"] == site.url + "data/datapackage.json" and desc["homepage"] == site.url
    assert [s["path"] for s in desc["sources"]] == [s.url for s in story.data.sources]
    for lang in ("zh", "en"):
        assert site.url + "data/datapackage.json" in desc["citation"][lang]["text"]
        assert desc["version"] in desc["citation"][lang]["bibtex"] and "CC BY 4.0" in desc["citation"][lang]["bibtex"]
    res = {r["name"]: r for r in desc["resources"]}
    for table in datapackage.TABLES:
        schema = res[table.name]["schema"]
        assert res[table.name]["type"] == "table" and schema["primaryKey"] == ["id"]
        assert all(f["title"] and f["description"] for f in schema["fields"])
    assert {"fields": ["source"], "reference": {"resource": "sources", "fields": ["id"]}} in res["figures"]["schema"]["foreignKeys"]
    fields = {(n, f["name"]): f for n in res if "schema" in res[n] for f in res[n]["schema"]["fields"]}
    for key in (("figures", "quote"), ("factchecks", "quote"), ("unlinked", "quote")):
        assert "not under CC BY 4.0" in fields[key]["rights"], key
    assert fields[("figures", "value")]["type"] == "number" and fields[("figures", "date")]["type"] == "date"
    assert fields[("figures", "claim")]["type"] == "boolean" and fields[("figures", "samples")]["type"] == "integer"


# The fields that hold someone else's words verbatim, listed here rather than read from the package.
QUOTED = {("figures", "quote"), ("figures", "transcript"), ("factchecks", "quote"), ("factchecks", "said_en"), ("timeline", "quote"),
          ("unlinked", "quote"), ("claims", "quote"), ("claims", "said_en")}


def test_every_field_states_its_licence(package_path):
    """Per field: CC BY 4.0 (the package's licence) for our data and text; the source's own terms for
    verbatim quotes, which also say whose words they remain (`rights`)."""
    desc = json.loads(package_path.read_text(encoding="utf-8"))
    package_licence = desc["licenses"][0]
    fields = {(r["name"], f["name"]): f for r in desc["resources"] if "schema" in r for f in r["schema"]["fields"]}
    assert len(fields) > 50
    for key, f in fields.items():
        assert len(f.get("licenses", [])) == 1, key
        licence = f["licenses"][0]
        if key in QUOTED:
            assert licence["name"] == "LicenseRef-quoted-source" and "not CC BY 4.0" in licence["title"], key
            assert "not under CC BY 4.0" in f["rights"], key
        else:
            assert licence == package_licence and licence["name"] == "CC-BY-4.0", key
            assert "rights" not in f, key
    assert {k for k, f in fields.items() if "rights" in f} == QUOTED


def test_field_licences_keep_the_package_valid(tmp_path, package_path):
    """The per-field `licenses` are the package's own form: frictionless reads them without complaint,
    and the licence of a field can be read back through its API."""
    from frictionless import Package

    pkg = Package(str(package_path))
    field = pkg.get_resource("figures").schema.get_field("quote")
    assert field.to_descriptor()["licenses"][0]["name"] == "LicenseRef-quoted-source"
    assert pkg.get_resource("figures").schema.get_field("value").to_descriptor()["licenses"][0]["name"] == "CC-BY-4.0"


@pytest.mark.parametrize("page", ["methods/", "en/methods/"])
def test_methods_page_says_how_to_download_cite_and_reuse(site, page):
    import html as html_lib
    import re

    text = html_lib.unescape(re.sub(r"<[^>]+>", "", site.html(page)))
    assert f'pd.read_csv("{site.url}data/figures.csv")' in text
    assert f'Package("{site.url}data/datapackage.json").get_resource("figures").read_rows()' in text
    desc = json.loads((site.root / "data/datapackage.json").read_text(encoding="utf-8"))
    lang = "en" if page.startswith("en/") else "zh"
    assert desc["citation"][lang]["text"] in text and desc["citation"][lang]["bibtex"] in text
    for table in datapackage.TABLES:
        assert f'href="../{"../" if lang == "en" else ""}data/{table.name}.csv"' in site.html(page)


def test_every_model_a_figure_names_is_in_models_csv_with_its_names_as_shown(package_path, story):
    """figures.model is an id in models.csv (a declared foreign key, which frictionless checks above), and
    each row gives the name as the pages show it in both languages: a reader of figures.csv can look up
    "human panel" (人类测试组) without data/models.yaml, which the site does not publish."""
    desc = json.loads(package_path.read_text(encoding="utf-8"))
    figures = next(r for r in desc["resources"] if r["name"] == "figures")
    assert {"fields": ["model"], "reference": {"resource": "models", "fields": ["id"]}} in figures["schema"]["foreignKeys"]
    with open(package_path.parent / "models.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {r["id"]: r for r in csv.DictReader(fh)}
    assert {f.model for f in story.data.figures} <= set(rows)
    assert rows["human panel"]["label_zh"] == story.data.model_label("human panel", "zh") != "human panel"
    assert rows["o3-2025-04-16"]["stage"] == "released" and rows["o3-2025-04-16"]["definition_en"]
    assert "data/models.yaml" not in json.dumps(figures)
