"""Front-end files the site serves itself (no CDN): plotly.js's basic bundle and its zh-CN locale,
and tablesort (the methods page's sortable table, as in Material's own docs) with its number sort,
from the npm packages pinned in package.json."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
NODE = ROOT / "node_modules"
PLOTLY = NODE / "plotly.js-basic-dist-min" / "plotly-basic.min.js"
LOCALE_ZH = NODE / "plotly.js-locales" / "zh-cn.js"
TABLESORT = NODE / "tablesort" / "dist" / "tablesort.min.js"
TABLESORT_NUMBER = NODE / "tablesort" / "dist" / "sorts" / "tablesort.number.min.js"


class MissingAssets(RuntimeError):
    pass


def locale_script(commonjs: str) -> str:
    # The locale package is CommonJS; give it a `module` to fill and register the result.
    return "(function(){var module={exports:{}};\n" + commonjs + "\nPlotly.register(module.exports);})();\n"


def write_assets(site: Path) -> list[Path]:
    """Copy plotly.js and tablesort and write plotly's locale under <site>/assets/vendor/. Returns the files written."""
    missing = [p for p in (PLOTLY, LOCALE_ZH, TABLESORT, TABLESORT_NUMBER) if not p.exists()]
    if missing:
        raise MissingAssets(f"{missing[0].relative_to(NODE).parts[0]} is not installed under {NODE}: run `npm ci` (the Makefile does)")
    out = site / "assets" / "vendor"
    out.mkdir(parents=True, exist_ok=True)
    plotly = out / "plotly-basic.min.js"
    plotly.write_bytes(PLOTLY.read_bytes())
    locale = out / "plotly-locale-zh-cn.js"
    locale.write_text(locale_script(LOCALE_ZH.read_text(encoding="utf-8")), encoding="utf-8")
    written = [plotly, locale]
    for src in (TABLESORT, TABLESORT_NUMBER):
        target = out / src.name
        target.write_bytes(src.read_bytes())  # the minified files keep their MIT licence header
        written.append(target)
    return written
