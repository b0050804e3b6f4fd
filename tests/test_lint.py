"""Lint in the suite: ruff for the Python (pyproject.toml's [tool.ruff]: errors and likely bugs) and
ESLint's recommended rules for the site's own JavaScript (tests/lint/eslint.config.mjs). Each linter is
also shown a known-bad file, so a configuration that checks nothing fails here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ESLINT = ROOT / "node_modules" / ".bin" / "eslint"
ESLINT_CONFIG = ROOT / "tests" / "lint" / "eslint.config.mjs"
JS = sorted(str(p.relative_to(ROOT)) for p in [*ROOT.glob("docs/assets/*.js"), *ROOT.glob("scripts/o3story/site/*.js")])


def ruff(*paths: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", *paths],
                          cwd=ROOT, capture_output=True, text=True)


def eslint(*paths: str) -> subprocess.CompletedProcess:
    assert ESLINT.exists(), "no node_modules/.bin/eslint: run `npm ci` (make test does)"
    return subprocess.run([str(ESLINT), "-c", str(ESLINT_CONFIG), "--max-warnings", "0", *paths],
                          cwd=ROOT, capture_output=True, text=True)


def test_python_passes_ruff():
    result = ruff("scripts", "tests")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_catches_an_undefined_name(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    return undefined_name\n", encoding="utf-8")
    result = ruff(str(bad))
    assert result.returncode != 0 and "F821" in result.stdout, result.stdout + result.stderr


def test_the_site_s_javascript_passes_eslint():
    assert len(JS) >= 7, JS
    result = eslint(*JS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_eslint_catches_an_undefined_name_in_a_site_script():
    # read from stdin under a site script's name, so the site scripts' rules apply and no file is written
    assert ESLINT.exists(), "no node_modules/.bin/eslint: run `npm ci` (make test does)"
    result = subprocess.run([str(ESLINT), "-c", str(ESLINT_CONFIG), "--stdin", "--stdin-filename", "docs/assets/probe.js"],
                            cwd=ROOT, input='"use strict";\nundefinedFunction();\n', capture_output=True, text=True)
    assert result.returncode != 0 and "no-undef" in result.stdout, result.stdout + result.stderr
