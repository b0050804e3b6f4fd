"""Formatting of values and escaping of data strings, per language. Pure functions."""

from __future__ import annotations

import html
import re
from functools import cache
from typing import get_args

from o3story.data.locale import locale
from o3story.render.i18n import t
from o3story.data.model import Dataset, Figure, Qualifier, Source
from o3story.data.placeholders import TOKEN

# Characters that HTML or Markdown would act on; written as entities they stay text.
# One pass over the characters, so no entity is escaped twice.
_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}
_ENTITIES.update({c: f"&#{ord(c)};" for c in "\\`*_{}[]()#+-!|~:"})


def esc(value: object) -> str:
    """Escape a data string for HTML *and* Markdown, so it renders as the same text everywhere."""
    return "".join(_ENTITIES.get(c, c) for c in str(value))


def esc_attr(value: object) -> str:
    return html.escape(str(value), quote=True)


def number(value: int | float, lang: str, money: bool = False) -> str:
    """Keep the stated precision (78.0 stays 78.0); group thousands. `money`: cents shown as two
    digits ($1.1 reads $1.10; $20 and $0.5002 stay as stated)."""
    if isinstance(value, int):
        return f"{value:,}"
    decimals = len(repr(value).split(".")[1]) if "." in repr(value) and "e" not in repr(value) else 0
    if money and decimals == 1:
        decimals = 2
    return f"{value:,.{decimals}f}"


def _tokens(value: float, lang: str) -> str:
    for size, word in locale(lang).big_numbers:
        if value >= size:
            return f"{value / size:g}{word}"
    return f"{value:g}"


def value(fig: Figure, lang: str, with_qualifier: bool = True) -> str:
    """A figure's value as a reader sees it: unit, qualifier and uncertainty in the page's language."""
    v = _tokens(fig.value, lang) if fig.unit == "tokens" else number(fig.value, lang, money=fig.unit.startswith("usd"))
    text = t(lang, f"unit.{fig.unit}", v=v)
    if fig.uncertainty is not None:
        text = f"≈{text} {t(lang, 'plus-minus')}{number(fig.uncertainty, lang)}"
    if with_qualifier and fig.qualifier:
        word = t(lang, fig.qualifier)
        text = f"{word}{locale(lang).space or _between(word, text)}{text}"
    return text


def _between(before: str, after: str) -> str:
    """In a language that does not space its words, the space it still sets between its own script and
    Latin letters or digits (约 71.7%, as 为 64.2%); none beside a symbol (≈) or punctuation."""
    return " " if re.search(r"[\u3400-\u9fff]$", before) and re.match(r"[0-9A-Za-z$]", after) else ""


def tidy_spaces(text: str, lang: str) -> str:
    """In a language that does not space its words (locale `space` empty: Chinese), no space between a
    character and a figure that starts with its qualifier: a template or page spaces a slot for a
    number ("得分 {v}"), and a value with a qualifier starts with a word ("约 71.7%"), which the space
    would split from the word before it: 得分 约 71.7% -> 得分约 71.7%, whether the figure is a link or
    text. Nothing else changes, so a source's own words keep their spaces."""
    return text if locale(lang).space else _split_qualifier(lang).sub("", text)


@cache
def _split_qualifier(lang: str) -> re.Pattern:
    words = "|".join(re.escape(t(lang, q)) for q in get_args(Qualifier))
    return re.compile(rf"(?<=[\u3400-\u9fff]) (?=(?:<a class=\"o3-fig\"[^>]*>)?(?:{words}) ?[\d$])")


def level(word: str, lang: str) -> str:
    return t(lang, f"level.{word}") if word in ("low", "medium", "high") else word


def setting(fig: Figure, lang: str, data: "Dataset") -> str:
    """A figure's setting in the page's language: levels from the UI strings, other values from
    data/settings.yaml (the records keep them as sourced), numbers as they are."""
    parts = []
    for key, val in fig.setting.model_dump().items():
        if val is None:
            continue
        if key in ("effort", "compute"):
            shown = level(val, lang)
        elif isinstance(val, str):
            shown = data.setting_value(key, val, lang)
        else:
            shown = val
        parts.append(f"{t(lang, f'setting.{key}')}{locale(lang).colon}{shown}")
    return locale(lang).semicolon.join(parts)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _month(day, lang: str) -> str:
    return t(lang, "date.months").split(",")[day.month - 1]


def long_date(day, lang: str) -> str:
    """A date as a reader reads it: 2026 年 12 月 4 日, 4 December 2026."""
    return t(lang, "date.long", year=day.year, month=_month(day, lang), day=day.day)


def month_year(day, lang: str) -> str:
    """A month as a reader reads it: 2026 年 6 月, June 2026."""
    return t(lang, "date.month_year", year=day.year, month=_month(day, lang))


class PlaceholderError(ValueError):
    pass


def plain_words(text: str, lang: str, data: Dataset) -> str:
    """`render_text` with the records alone (the data package's texts): each placeholder in plain words, with
    no space between a Chinese word and a value that starts with its qualifier, as on the pages."""

    def sub(m) -> str:
        if m["name"] == "translated":
            return " " + t(lang, "quote.translated_plain")
        if m["name"] == "turn":  # a fact-check's turn of the transcript, as words
            return t(lang, "text.turn", n=m["args"].strip())
        if m["name"] != "fig":
            raise PlaceholderError(f"only {{{{ fig ID }}}} may stand in page metadata, not '{m['name']}'")
        (fig_id,) = m["args"].split()
        try:
            return value(data.figure(fig_id), lang)
        except KeyError:
            raise PlaceholderError(f"unknown figure id '{fig_id}'") from None

    return tidy_spaces(TOKEN.sub(sub, text), lang)


LATEX_SPECIAL = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "$": r"\$", "&": r"\&", "#": r"\#",
                 "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
KEEP_CASE = ("title", "author", "organization")  # BibTeX fields in double braces: styles keep their case


def latex_text(text: str) -> str:
    """Text as LaTeX reads it literally: a title's "87.5% at $20" would otherwise end the line at % and
    switch to mathematics at $."""
    return re.sub(r"[\\{}%$&#_~^]", lambda m: LATEX_SPECIAL[m.group()], text)


def bibtex(key: str, fields: dict[str, object], url: str) -> str:
    """A @misc entry: each field's text escaped for LaTeX (`KEEP_CASE` fields in double braces), then the
    address in \\url{} and a note, if given, last."""
    note = fields.get("note")
    lines = [f"  {name} = {{{{{latex_text(str(v))}}}}}" if name in KEEP_CASE else f"  {name} = {{{latex_text(str(v))}}}"
             for name, v in fields.items() if name != "note"]
    lines.append(f"  howpublished = {{\\url{{{url}}}}}")
    if note is not None:
        lines.append(f"  note = {{{latex_text(str(note))}}}")
    return f"@misc{{{key},\n" + ",\n".join(lines) + "\n}"


def figure_day(fig: Figure, src: Source, lang: str) -> str:
    """A figure's date as shown: its date, or, when the figure's only date is the day its undated source
    was read (a model directory that gives no date for a price), that day said as such."""
    day = fig.date.isoformat()
    return t(lang, "date.read_on", date=day) if read_only(fig, src) else day


def read_only(fig: Figure, src: Source) -> bool:
    """The figure's date is only the day its source, which gives no date of its own, was read."""
    return src.published is None and fig.date == src.accessed
