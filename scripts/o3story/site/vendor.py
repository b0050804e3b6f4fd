"""Front-end files the site serves itself (no CDN): plotly.js, built from its pinned sources with only
what the charts use (plotly_bundle.js beside this file, run by Node with the pinned esbuild), and its
zh-CN locale, and tablesort (the methods page's sortable table, as in Material's own docs) with its
number sort, from the npm packages pinned in package.json."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NODE = ROOT / "node_modules"
BUNDLER = Path(__file__).with_name("plotly_bundle.js")
PLOTLY_SRC = NODE / "plotly.js" / "package.json"
ESBUILD = NODE / "esbuild" / "package.json"
PLOTLY_NAME = "plotly-charts.min.js"  # served as assets/vendor/<this> (render/charts/html.py)
LOCALE_ZH = NODE / "plotly.js-locales" / "zh-cn.js"
TABLESORT = NODE / "tablesort" / "dist" / "tablesort.min.js"
TABLESORT_NUMBER = NODE / "tablesort" / "dist" / "sorts" / "tablesort.number.min.js"


class MissingAssets(RuntimeError):
    pass


def locale_script(commonjs: str) -> str:
    # The locale package is CommonJS; give it a `module` to fill and register the result.
    return "(function(){var module={exports:{}};\n" + commonjs + "\nPlotly.register(module.exports);})();\n"


def _installed(package_json: Path) -> str:
    return json.loads(package_json.read_text(encoding="utf-8"))["version"]


def plotly_key() -> str:
    """What the bundle is made from: the bundler script and the installed plotly.js and esbuild."""
    h = hashlib.sha256()
    for part in (BUNDLER.read_bytes(), _installed(PLOTLY_SRC).encode(), _installed(ESBUILD).encode()):
        h.update(part)
        h.update(b"\0")
    return h.hexdigest()[:20]


def cache_dir() -> Path:
    return Path(os.environ.get("O3STORY_VENDOR_CACHE") or ROOT / ".cache" / "vendor")


def plotly_bundle() -> Path:
    """The site's plotly.js, built once per (bundler, plotly.js, esbuild) and cached under .cache/vendor/."""
    path = cache_dir() / f"plotly-{plotly_key()}.min.js"
    if path.exists():
        return path
    node = shutil.which("node")
    if node is None:
        raise MissingAssets("Node.js is needed to build plotly.js for the site (install nodejs and npm, then `npm ci`)")
    path.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run([node, str(BUNDLER), str(path)], capture_output=True, text=True)
    if result.returncode != 0 or not path.exists():
        raise MissingAssets(f"building plotly.js failed: {result.stderr.strip() or result.stdout.strip()}")
    return path


def write_assets(site: Path) -> list[Path]:
    """Build (or take from the cache) plotly.js, copy tablesort and write plotly's locale under
    <site>/assets/vendor/. Returns the files written."""
    missing = [p for p in (PLOTLY_SRC, ESBUILD, LOCALE_ZH, TABLESORT, TABLESORT_NUMBER) if not p.exists()]
    if missing:
        raise MissingAssets(f"{missing[0].relative_to(NODE).parts[0]} is not installed under {NODE}: run `npm ci` (the Makefile does)")
    out = site / "assets" / "vendor"
    out.mkdir(parents=True, exist_ok=True)
    plotly = out / PLOTLY_NAME
    plotly.write_bytes(plotly_bundle().read_bytes())
    locale = out / "plotly-locale-zh-cn.js"
    locale.write_text(locale_script(LOCALE_ZH.read_text(encoding="utf-8")), encoding="utf-8")
    written = [plotly, locale]
    for src in (TABLESORT, TABLESORT_NUMBER):
        target = out / src.name
        target.write_bytes(src.read_bytes())  # the minified files keep their MIT licence header
        written.append(target)
    return written
