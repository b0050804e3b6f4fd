"""Hostile data strings render as text everywhere (pages, hover, tables, embeds, CSV/JSON) and no
injected script runs (that every page works with all non-loopback traffic blocked: test_every_page)."""

from __future__ import annotations

import csv
from html import unescape
import json
import shutil

import pytest

from conftest import ROOT, draw_all_charts, free_port, run_build, serve

# one worker builds the hostile site (module fixture) for all of its tests
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("hostile-site")]

XSS = '<script>window.__pwned=1</script>"><img src=x onerror="window.__pwned=2"> *em* [l](javascript:window.__pwned=3) `c` | # &amp;'


def poison(data):
    """Put the hostile string into a model name drawn in a chart, a metric name, a source title and
    publisher, a figure note, a fact-check text and a timeline text."""
    import yaml

    def edit(rel, change):
        path = data / rel
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(doc)
        path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def figures(doc):
        for f in doc["figures"]:
            if f["id"] == "o1.swe-bench-verified.o3-o4-mini-page":
                f["model"] = XSS
                f["notes"] = {"zh": XSS, "en": XSS}

    def sources(doc):
        for s in doc["sources"]:
            if s["id"] in ("openai-o3-o4-mini", "simonw-o3-mini"):  # the second is among the scorecard's sources
                s["title"], s["publisher"] = XSS, XSS

    def metrics(doc):
        doc["metrics"][0]["name"] = {"zh": XSS, "en": XSS}

    def checks(doc):
        doc["checks"][0]["problem"] = {"zh": XSS, "en": XSS}

    def events(doc):
        doc["events"][0]["event"] = {"zh": XSS, "en": XSS}

    def models(doc):  # the hostile name must be an allowed model name to reach the pages
        doc["models"].append({"name": XSS, "kind": "model"})

    edit("figures/o3.yaml", figures)
    edit("sources.yaml", sources)
    edit("metrics.yaml", metrics)
    edit("factcheck.yaml", checks)
    edit("timeline.yaml", events)
    edit("models.yaml", models)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", data)
    poison(data)
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    root = tmp_path_factory.mktemp("hostile-build") / "site"
    result = run_build(root, url, data=data, BROWSER_PATH="none")  # no images: nothing to re-render
    assert result.returncode == 0, result.stderr[-3000:]
    server = serve(root, port)
    yield root, url
    server.shutdown()


def test_hostile_strings_are_text_in_html_csv_and_json(hostile_site):
    root, _ = hostile_site
    pages = [p for p in root.rglob("*.html")]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>window.__pwned" not in html, page
        assert "<img src=x onerror" not in html, page
        assert 'href="javascript:' not in html, page
        assert "<em>em</em>" not in html, page  # markdown in data stays literal
    rows = list(csv.DictReader((root / "charts/o3-vs-o1/data.csv").open(encoding="utf-8-sig")))
    assert any(r["model"] == XSS for r in rows)
    spec = json.loads((root / "charts/o3-vs-o1/figure.en.json").read_text(encoding="utf-8"))
    hover = json.dumps([t.get("hovertext") for t in spec["data"]], ensure_ascii=False)
    assert "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in hover and "<script>" not in hover
    meta = json.loads((root / "charts/o3-vs-o1/metadata.json").read_text(encoding="utf-8"))
    assert XSS in [s["title"] for s in meta["sources"]]  # JSON keeps the string as data
    # the scorecard's embed lists the poisoned source, as text, in both languages' sections
    for page in ("embed/scorecard/index.html", "en/embed/scorecard/index.html"):
        text = (root / page).read_text(encoding="utf-8")
        assert unescape(text).count(XSS) >= 4, page  # its title and publisher, zh and en, read as text


def test_no_injected_script_runs_anywhere(hostile_site, browser):
    root, url = hostile_site
    ctx = browser.new_context()
    ctx.add_init_script("window.__dialogs = 0; window.alert = () => { window.__dialogs++; };")
    page = ctx.new_page()
    page.on("dialog", lambda d: (d.dismiss(), pytest.fail(f"dialog opened: {d.message}")))
    paths = ["", "o3/", "en/o3/", "charts/o3-vs-o1/", "en/charts/o3-vs-o1/", "methods/", "en/methods/",
             "fact-check/", "en/fact-check/", "embed/o3-vs-o1/", "embed/o3-vs-o1/?lang=en",
             "embed/scorecard/", "en/embed/scorecard/"]
    for path in paths:
        page.goto(url + path)
        draw_all_charts(page)
        # hover points: tooltips carry the hostile model name
        for point in page.locator("path.point").all()[:12]:
            point.hover(force=True)
        assert page.evaluate("window.__pwned") is None, path
        assert page.evaluate("window.__dialogs") == 0, path
    # the hostile string is visible as text somewhere
    page.goto(url + "en/methods/")
    assert "<script>window.__pwned=1</script>" in page.locator("body").inner_text()
    ctx.close()
