"""A golden diff of the generated pages: one page that uses every block (tests/golden/page.md), filled
from the fixture data in both languages, against the committed result (tests/golden/page.<lang>.md).
Any change a reader would see in a generated block (its words, its markup, its order) shows in review
as a diff of these files; a change that is meant is committed with them:

    O3STORY_GOLDEN=update python -m pytest tests/render/test_golden.py

Pure rendering (render/pages.render), no generator: the page's front matter description goes through
render_text, as the hook does; the body through render."""

from __future__ import annotations

import difflib
import os
import re
from pathlib import Path

import pytest

from o3story.data.locale import LANGS, locale
from o3story.data.story import load_story
from o3story.render.pages import render, render_text

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden"
FRONT = re.compile(r'\A---\ndescription: "(?P<description>[^"]*)"\n---\n', re.S)
CONTEXT = dict(site_url="https://example.org/o3-story/", images=False, version="v1", repo_url="https://github.com/example/o3-story")


def golden_page(lang: str) -> str:
    story = load_story(ROOT / "tests" / "fixtures" / "data")
    source = (GOLDEN / "page.md").read_text(encoding="utf-8")
    m = FRONT.match(source)
    body = render(source[m.end():], lang, story, locale(lang).root + "golden/", **CONTEXT)
    return f"description: {render_text(m['description'], lang, story)}\n\n{body}\n"


@pytest.mark.parametrize("lang", LANGS)
def test_the_generated_page_is_the_golden_one(lang):
    expected_path = GOLDEN / f"page.{lang}.md"
    actual = golden_page(lang)
    if os.environ.get("O3STORY_GOLDEN") == "update":
        expected_path.write_text(actual, encoding="utf-8")
    expected = expected_path.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"tests/golden/page.{lang}.md", "generated now", n=2))
        pytest.fail("the generated page differs from the golden one (if the change is meant, update it: "
                    f"O3STORY_GOLDEN=update python -m pytest tests/render/test_golden.py):\n{diff[:6000]}")


def test_the_golden_page_uses_every_block():
    from o3story.data.placeholders import TOKEN
    from o3story.render.blocks import BLOCKS

    used = {m["name"] for m in TOKEN.finditer((GOLDEN / "page.md").read_text(encoding="utf-8"))}
    # charts need the real data's records (tests/render/charts and tests/site cover them)
    assert set(BLOCKS) - used == {"chart", "chart-list", "chart-methods", "chart-tools"}
