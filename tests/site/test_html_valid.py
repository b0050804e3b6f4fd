"""Every built page and embed is valid HTML by the W3C Nu Html Checker (vnu, pinned in package.json),
run once over the whole site."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# The one error Material itself has on every page, allowed by its exact message: the theme's
# hidden toggles (`<input type="checkbox" ... autocomplete="off">`) carry autocomplete, which HTML
# allows only on text-like inputs. It stops Firefox restoring the toggles' state; harmless, and not ours.
ALLOWED = {
    "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, “email”,"
    " “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
}


def vnu(files: list[Path]) -> list[tuple[str, int, str]]:
    """(file, line, message) for every error vnu reports in `files`."""
    java = shutil.which("java")
    if not java or not VNU.exists():
        pytest.fail("the Nu Html Checker needs java and node_modules/vnu-jar: run `make test`, which installs both")
    out = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
                         capture_output=True, text=True)
    report = json.loads(out.stderr or out.stdout)
    return [(m.get("url", "").removeprefix("file:"), m.get("lastLine", 0), m["message"])
            for m in report["messages"] if m.get("type") == "error"]


def test_every_page_and_embed_is_valid_html(site):
    files = sorted(site.root.rglob("*.html"))
    assert len(files) > 30 and any("embed" in f.parts for f in files) and (site.root / "404.html") in files
    errors = [e for e in vnu(files) if e[2] not in ALLOWED]
    assert not errors, "\n".join(f"{Path(f).relative_to(site.root)}:{line}: {msg}" for f, line, msg in errors[:40])


@pytest.mark.slow
def test_the_checker_finds_an_invalid_element(tmp_path):
    good = tmp_path / "good.html"
    good.write_text('<!doctype html><html lang="en"><head><title>t</title></head><body><p>ok</p></body></html>')
    bad = tmp_path / "bad.html"
    bad.write_text('<!doctype html><html lang="en"><head><title>t</title></head><body><p><div>no</div></p>'
                   '<label for="nowhere" tabindex="">x</label></body></html>')
    assert vnu([good]) == []
    messages = [m for _, _, m in vnu([bad])]
    assert any("tabindex" in m for m in messages), messages
    assert any("nowhere" in m or "for" in m for m in messages), messages
