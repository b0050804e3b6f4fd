"""Templates are laid out one element per line (render/templating.ContinuationLines): in an HTML
template a line that starts with white space continues the line before it, so a block that must be
one line of HTML in a Markdown page still reads as a tree in its source."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest

from o3story.render import templating

TEMPLATES = sorted(templating.TEMPLATES.glob("*.html"))
LONGEST = 250  # one element with its attributes; the old templates had lines of 1,499 characters


def render_source(source: str, name: str) -> str:
    env = jinja2.Environment(loader=jinja2.DictLoader({name: source}), extensions=[templating.ContinuationLines])
    return env.get_template(name).render(x="v")


def test_a_continuation_line_joins_the_line_before_without_its_break_and_indentation():
    assert render_source('<p>\n  <b>{{ x }}</b> \n  <i>y</i>\n</p>', "t.html") == "<p><b>v</b> <i>y</i>\n</p>"


def test_markdown_templates_keep_their_lines():
    assert render_source("```\n  code\n```", "t.md") == "```\n  code\n```"


@pytest.mark.parametrize("path", TEMPLATES, ids=lambda p: p.name)
def test_every_html_template_is_one_element_per_line(path: Path):
    long = [(n, len(line)) for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if len(line) > LONGEST]
    assert not long, f"{path.name}: lines longer than {LONGEST} characters (line, length): {long}"
