"""Jinja2 templates for generated blocks (templates/), with autoescape on: every value passed in is
escaped. This module is the one place where a value is marked safe (`markupsafe.Markup`), for four
kinds of text only, each said below: markup a template of this package made, the verbatim content
of a fenced code block, JSON made safe for a <script> data block, and the constant colon after a label."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

import jinja2
import jinja2.ext
from markupsafe import Markup

from o3story.data.model import text_lang
from o3story.render.fmt import esc, esc_attr

TEMPLATES = Path(__file__).resolve().parent / "templates"


def _text(value):
    """Every `{{ value }}` in text: escaped for HTML *and* Markdown (fmt.esc), because generated
    blocks stand in Markdown pages, where `*x*` or `[x](y)` in a data string would otherwise
    become markup. Markup (a macro's output, a value through `url`) is kept as it is."""
    if value is None or hasattr(value, "__html__"):
        return value
    return Markup(esc(value))


def _url(value) -> Markup:
    """`{{ value|url }}` in an attribute that holds a URL or an id (data/model.py restricts both):
    HTML-escaped only, so that the page's HTML carries them as written. Free text in an attribute (a
    title, alt, aria-label) takes no filter: it is escaped for Markdown too, because Markdown reads
    link syntax even inside an inline tag's attributes (its link pattern runs before its HTML one).
    Forgetting the filter is safe: a browser decodes the entities alike."""
    return Markup(esc_attr(value))


CJK = re.compile(r"[\u3400-\u9fff]")


def colon(label: str) -> Markup:
    """The colon after a label, in the label's language: Chinese takes the full-width "：" (no space
    after it), English ": " (site/words.py checks every built page for a half-width one after Chinese).
    Safe: one of two constants, no part of the label."""
    return Markup("：" if CJK.search(str(label)) else ": ")


# Brackets and separators in the label's language (site/words.py checks every built page for half-width
# parentheses in Chinese): Chinese takes full-width forms and no space before a bracket (`gap`).
_PUNCT = {True: {"gap": Markup(""), "open": Markup("（"), "close": Markup("）"), "comma": Markup("，"), "semicolon": Markup("；"),
                 "list": Markup("、"), "cite_open": Markup("，"), "cite_close": Markup("")},
          False: {"gap": Markup(" "), "open": Markup("("), "close": Markup(")"), "comma": Markup(", "), "semicolon": Markup("; "),
                  "list": Markup(", "), "cite_open": Markup(" ("), "cite_close": Markup(")")}}


def punct(label: str) -> dict[str, Markup]:
    """`gap` (before a bracket), `open`, `close`, `comma`, `semicolon`, `list` (between names) in the language of `label` (as
    `colon`); `cite_open` and `cite_close` around a second name after a first: "Publisher (Author)",
    "发布者，作者" (a publisher's name may end in its own brackets). Safe: constants."""
    return _PUNCT[bool(CJK.search(str(label)))]


_TRAILING = re.compile(r"\s?[（(]([^（）()]*)[）)]$")


def nested(text: str, label: str = "") -> str:
    """A text set inside the brackets of `label`'s language: the bracket that ends it, full-width or
    half-width, takes another form (brackets inside brackets: GB/T 15834, and English style). Inside
    Chinese brackets it becomes 〔〕: "（宝玉的分享〔baoyu.io〕，2024-12-20）", "（微软研究院〔arXiv〕，…）";
    inside English ones, square brackets: "(OpenAI [GitHub], 2024-12-20)". Brackets inside a name stay
    as the name has them ("Deep (Learning) Focus〔Substack〕")."""
    if CJK.search(str(label)):
        return _TRAILING.sub(r"〔\1〕", str(text))
    return _TRAILING.sub(r" [\1]", str(text))


def unqualified(text: str) -> str:
    """A name without the bracketed qualifier that ends it: "OpenAI (YouTube)" -> "OpenAI",
    "ARC Prize Foundation（GitHub 仓库 … 中的副本）" -> "ARC Prize Foundation"."""
    return _TRAILING.sub("", str(text))


class ContinuationLines(jinja2.ext.Extension):
    """Templates are written one element per line: in an HTML template, a line that starts with
    white space continues the line before it (its line break and indentation are not output), so a
    block that must stand as one line of HTML in a Markdown page is still laid out readably. Markdown
    templates (*.md) keep their lines as written."""

    CONTINUATION = re.compile(r"\n[ \t]+")

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return source if (name or "").endswith(".md") else self.CONTINUATION.sub("", source)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        extensions=[ContinuationLines],
        autoescape=True,  # every template, whatever its file name
        finalize=_text,
        undefined=jinja2.StrictUndefined,  # a misspelt name is an error, never an empty string
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["url"] = _url
    env.globals["colon"] = colon
    env.globals["punct"] = punct
    env.filters["nested"] = nested
    env.filters["text_lang"] = text_lang  # the language a source's own words are in (an HTML lang value)
    return env


def render(name: str, **values) -> Markup:
    """An HTML block. The output stands in a Markdown page as one raw HTML block: a blank line would
    end the block and let Markdown read the rest as text, so blank lines are dropped."""
    html = environment().get_template(name).render(**values)
    # Safe: the template escaped every value it was given (autoescape).
    return Markup("\n".join(line for line in html.splitlines() if line.strip()))


def render_markdown(name: str, **values) -> str:
    """A Markdown block (blank lines kept: they separate its paragraphs and code blocks)."""
    return environment().get_template(name).render(**values) + "\n"


@cache
def macros(name: str = "inline.html"):
    """The macros of a template, for pieces that stand inside a sentence (see `join`). A macro's
    output is Markup: the template made it, escaping every value."""
    return environment().get_template(name).module


def join(parts: Iterable[str | Markup]) -> Markup:
    """A sentence from plain text (escaped here, for HTML and Markdown) and pieces a macro made
    (kept as they are)."""
    return Markup("".join(str(_text(p)) for p in parts))


def verbatim(text: str) -> Markup:
    """Text for a fenced code block of a Markdown template: Markdown shows the block's text as it is
    (escaping it itself), so escaping it here would show a reader `&lt;` for `<`. Only for code the
    package writes (an embed snippet, a citation, a code example), never inside HTML."""
    return Markup(text)


def script_json(text: str) -> Markup:
    """JSON for a `<script type="application/json">` block. A script element's text is not HTML (an
    entity there stays an entity), so it cannot be escaped as HTML; instead `text` must come from
    `charts.html.safe_json`, which writes <, > and & as JSON escapes so that it cannot end the element."""
    if "<" in text or ">" in text or "&" in text:
        raise ValueError("script JSON must be made by charts.html.safe_json")
    return Markup(text)
