"""Jinja2 templates for generated blocks, with autoescape on: every value passed in is escaped,
except `markupsafe.Markup`, which only `linked_number` makes (see there)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.StrictUndefined,  # a misspelt name is an error, never an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )


def render(name: str, **values) -> str:
    html = environment().get_template(name).render(**values)
    # The output stands in a Markdown page as one raw HTML block: a blank line would end the block
    # and let Markdown read the rest as text.
    return "\n".join(line for line in html.splitlines() if line.strip())


def linked_number(fig_html: str) -> Markup:
    """The one place markup enters a template: the output of `Renderer.fig`, which builds its link
    from a figure id and escapes the value and title itself (pages.py, `fmt.esc`)."""
    return Markup(fig_html)
