"""Front-end files the site serves itself (no CDN): plotly.js's basic bundle and its zh-CN locale,
from the npm packages pinned in package.json."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
NODE = ROOT / "node_modules"
PLOTLY = NODE / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
LOCALE_ZH = NODE / "plotly.js-locales" / "zh-cn.js"


class MissingAssets(RuntimeError):
    pass


def locale_script(commonjs: str) -> str:
    # The locale package is CommonJS; give it a `module` to fill and register the result.
    return "(function(){var module={exports:{}};\n" + commonjs + "\nPlotly.register(module.exports);})();\n"


def write_assets(site: Path) -> list[Path]:
    """Copy plotly.js and write its locale under <site>/assets/vendor/. Returns the files written."""
    if not PLOTLY.exists() or not LOCALE_ZH.exists():
        raise MissingAssets(f"plotly.js is not installed under {NODE}: run `npm ci` (the Makefile does)")
    out = site / "assets" / "vendor"
    out.mkdir(parents=True, exist_ok=True)
    plotly = out / "plotly-basic.min.js"
    plotly.write_bytes(PLOTLY.read_bytes())
    locale = out / "plotly-locale-zh-cn.js"
    locale.write_text(locale_script(LOCALE_ZH.read_text(encoding="utf-8")), encoding="utf-8")
    return [plotly, locale]
