"""The site's own plotly.js (site/plotly_bundle.js): it holds what every chart's spec needs, its
attribute documentation is dropped without touching code, and the build makes it once per input."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess

import pytest

from conftest import ROOT
from o3story.data.story import load_story
from o3story.render import charts
from o3story.site import vendor

SCRIPT = (ROOT / "scripts" / "o3story" / "site" / "plotly_bundle.js").read_text(encoding="utf-8")
TRACES = set(re.findall(r"require\('plotly\.js/src/traces/(\w+)'\)", SCRIPT))
COMPONENTS = set(re.findall(r"require\('plotly\.js/src/components/(\w+)'\)", SCRIPT))
# Layout keys that only a component the bundle leaves out would draw.
UNREGISTERED = {"images": "images", "sliders": "sliders", "grid": "grid", "selections": "selections",
                "coloraxis": "colorscale"}
NODE = shutil.which("node")


def specs():
    story = load_story(ROOT / "data")
    for chart_id in charts.CHARTS:
        for lang in ("zh", "en"):
            chart = charts.build(chart_id, story, lang)
            yield f"{chart_id} {lang}", json.loads(chart.figure.to_json())
            if chart.narrow is not None:
                yield f"{chart_id} {lang} narrow", json.loads(json.dumps(chart.narrow.figure, default=str))


def walk(value, path=""):
    if isinstance(value, dict):
        for k, v in value.items():
            yield f"{path}.{k}" if path else k, v
            yield from walk(v, f"{path}.{k}" if path else k)
    elif isinstance(value, list):
        for v in value:
            yield from walk(v, path)


def test_the_bundle_has_every_trace_type_and_component_the_charts_use():
    assert TRACES == {"scatter", "bar"} and {"annotations", "shapes", "updatemenus", "legend", "fx"} <= COMPONENTS
    seen = set()
    for name, spec in specs():
        for trace in spec["data"]:
            seen.add(trace.get("type", "scatter"))
            assert trace.get("type", "scatter") in TRACES, name
            assert not {"error_x", "error_y", "xcalendar", "ycalendar"} & set(trace), name
            assert not (trace.get("marker") or {}).get("showscale"), name  # a colour bar
        layout = spec["layout"]
        for key, component in UNREGISTERED.items():
            assert not layout.get(key), f"{name}: layout.{key} needs plotly's {component} component"
        assert not any(re.fullmatch(r"[xy]axis\d*", k) and (v or {}).get("rangeslider", {}).get("visible")
                       for k, v in layout.items()), name
        assert layout.get("dragmode") in (None, False, "zoom", "pan"), name  # never a selection
        for key in ("annotations", "shapes", "updatemenus"):
            if layout.get(key):
                assert key in COMPONENTS
        # polybooljs is left out: nothing may select
        assert "selectdirection" not in layout
        for path, _ in walk(layout):
            assert not path.endswith("calendar"), f"{name}: {path}"
    assert seen == TRACES  # and nothing the charts never use


@pytest.mark.skipif(NODE is None, reason="Node.js is what builds the bundle")
def test_descriptions_go_and_code_stays():
    src = """var a = {
    x: {valType: 'number', description: 'Sets x, {not code}, and more.', editType: 'calc'},
    y: {description: [
            'Line one,',
            "it's two."
        ].join(
            ' '
        ),
        dflt: 1},
    z: {dflt: 'description: kept in a string', description: 'a' + 'b'},
    t: {description: `with ${1 + 1}`, dflt: 2},
    u: {role: 'info', description: 'last'}
};"""
    code = ("const {stripDescriptions} = require(process.argv[1]); let s = ''; process.stdin.on('data', d => s += d);"
            "process.stdin.on('end', () => process.stdout.write(stripDescriptions(s)));")
    out = subprocess.run([NODE, "-e", code, str(ROOT / "scripts/o3story/site/plotly_bundle.js")], input=src,
                         capture_output=True, text=True, check=True).stdout
    out = re.sub(r"\s+", " ", out)
    assert "Sets x" not in out and "Line one" not in out and "'a' + 'b'" not in out and "'last'" not in out
    assert "valType: 'number', editType: 'calc'" in out
    assert "y: { dflt: 1}" in out and "dflt: 'description: kept in a string'" in out and "role: 'info'" in out
    assert "description: `with ${1 + 1}`" in out  # a template with code inside is left alone
    subprocess.run([NODE, "-e", out], text=True, check=True)  # still JavaScript


def test_the_build_makes_the_bundle_once_per_input(tmp_path, monkeypatch):
    monkeypatch.setenv("O3STORY_VENDOR_CACHE", str(tmp_path))
    runs = []
    real = subprocess.run

    def counted(cmd, *a, **kw):
        runs.append(cmd)
        return real(cmd, *a, **kw)

    monkeypatch.setattr(vendor.subprocess, "run", counted)
    first = vendor.plotly_bundle()
    assert first.read_bytes().startswith(b"/*! plotly.js v4.1.1 ")
    assert vendor.plotly_bundle() == first and len(runs) == 1  # the second build takes it from the cache
    # Its budget: a chart page once live at most 0.30x the naive page (make bench: 1,516 KB gzip, 455 KB),
    # of which the page, theme, search index and facade take about 146 KB (plotly-basic.min.js: 386 KB).
    assert len(gzip.compress(first.read_bytes(), 6)) <= 305 * 1024
    site = tmp_path / "site"
    written = vendor.write_assets(site)
    assert (site / "assets/vendor" / vendor.PLOTLY_NAME).read_bytes() == first.read_bytes()
    assert len(runs) == 1 and site / "assets/vendor/plotly-locale-zh-cn.js" in written
    # a different bundler script is a different bundle
    monkeypatch.setattr(vendor, "BUNDLER", tmp_path / "other.js")
    (tmp_path / "other.js").write_text(SCRIPT.replace("scatter and bar", "scatter and bar "), encoding="utf-8")
    assert vendor.plotly_key() != first.stem.removeprefix("plotly-").removesuffix(".min")
