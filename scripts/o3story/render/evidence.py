"""Evidence at the number: what the popover of a linked number shows (assets/evidence.js).

Design. A number in the prose stays a plain link (to its record, or to its point on a chart): without
JavaScript nothing changes. Each page that links numbers carries, at its end, one JSON data block
(templates/evidence.html) with an entry for exactly the figures it links, and loads evidence.js
(deferred) only then: pages without numbers (the chart pages among them) carry nothing, and a
page's block is a few kilobytes at most, where fetching /data/figures.json lazily would cost a
request and the whole dataset (~180 records, both languages) on the first click, and could not
give the links relative to the page nor the values as this page formats them. The JSON is made by
charts.html.safe_json (<, > and & as JSON escapes), so no data string can end the element; the
script builds the popover with textContent only, so no data string becomes markup there either.

Pure: plain values from the Story and a `pages.Renderer` (for links)."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

from markupsafe import Markup

from o3story.data import claims
from o3story.data.locale import html_lang
from o3story.data.model import Figure
from o3story.data.transcript import LANG as TRANSCRIPT_LANG
from o3story.render import source_text, templating
from o3story.render.charts.html import safe_json
from o3story.render.fmt import setting, value
from o3story.render.i18n import t

if TYPE_CHECKING:
    from o3story.render.pages import Renderer

SCRIPT = "assets/evidence.js"
STRINGS = ("dialog", "close", "setting", "confidence", "quote", "translated", "locator", "source", "record", "chart", "colon", "comma")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def confidence(fig: Figure, lang: str) -> str:
    """The confidence as the chart tables say it: its label, 'a claim', the formula of a derived value."""
    out = t(lang, f"conf.{fig.confidence}")
    if fig.claim:
        out += " · " + t(lang, "claim")
    if fig.formula:
        out += f" ({fig.formula_in(lang)})"
    return out


def translation(r: "Renderer", quote: str) -> str | None:
    """This project's English for a transcript quote: the sentence of the aligned English paragraph
    that holds every number of the quote (as numbers, so "85%" is not found in "85.7%"), or the whole
    paragraph when no single sentence does. Verbatim from data/transcript's translation, never made up."""
    tr = r.story.transcript
    turn = tr.turn_with(quote)
    if turn is None:
        return summary_translation(r, quote)
    index = next((i for i, p in enumerate(turn.paragraphs) if quote in p), None)
    if index is None:  # the quote spans paragraphs: no single paragraph translates it
        return None
    paragraph = r.story.translation.turn(turn.n).paragraphs[index]
    wanted = {token for _, _, token in claims.numbers(quote)}
    if wanted:
        matching = [s for s in _SENTENCE.split(paragraph) if wanted <= {tok for _, _, tok in claims.numbers(s)}]
        if len(matching) == 1:
            return matching[0]
    return paragraph


def summary_translation(r: "Renderer", quote: str) -> str | None:
    """The project's English for words of the transcript article's summary: the whole aligned line
    (the one-line summary, a key point or a risk) that holds them."""
    zh, en = r.story.transcript, r.story.translation.summary
    pairs = [(zh.one_line, en.one_line)]
    pairs += [(f"{p.label}：{p.text}", f"{q.label}: {q.text}") for p, q in zip(zh.key_points, en.key_points)]
    pairs += [(f"{p.label}：{p.text}", f"{q.label}: {q.text}") for p, q in zip(zh.risks, en.risks)]
    return next((e for z, e in pairs if quote in z), None)


def entry(r: "Renderer", fig: Figure) -> dict:
    """One figure's evidence, in this page's language, with links relative to this page."""
    lang, data = r.lang, r.story.data
    src = data.source(fig.source)
    out: dict = {
        "value": value(fig, lang),
        "label": f"{r.model_name(fig)} · {r.metric_name(fig)}",
        "confidence": confidence(fig, lang),
        "source": src.id,  # in the block's "sources": many figures share one
        "record": r.record_link(fig),
    }
    if not fig.setting.is_empty():
        out["setting"] = setting(fig, lang, r.story.data)
    if fig.id in r.chart_of():
        out["chart"] = r.figure_target(fig.id)
    if fig.quote:
        transcript = src.kind == "transcript"
        out["quote"] = {"text": fig.quote, "lang": html_lang(TRANSCRIPT_LANG) if transcript else "en"}
        if transcript and lang != TRANSCRIPT_LANG:
            english = translation(r, fig.quote)
            if english:
                out["quote"]["translation"] = english
    if fig.locator:
        out["locator"] = fig.locator
    return out


def data(r: "Renderer", figure_ids) -> dict:
    figures = {i: entry(r, r.figure(i)) for i in figure_ids}
    sources = {}
    for f in figures.values():
        src = r.story.data.source(f["source"])
        plain = source_text.title_plain(src, r.lang)
        sources[src.id] = {"publisher": src.publisher_in(r.lang), "title": plain, "url": src.url,
                           "title_lang": src.title_lang if plain == src.title else r.lang}
    return {"strings": {k: t(r.lang, "evidence." + k) for k in STRINGS}, "sources": sources, "figures": figures}


def block(r: "Renderer", figure_ids) -> Markup:
    """The page's data block and script, or nothing when the page links no number."""
    ids = list(dict.fromkeys(figure_ids))
    if not ids:
        return Markup("")
    text = safe_json(json.dumps(data(r, ids), ensure_ascii=False, separators=(",", ":")))
    return templating.render("evidence.html", data=templating.script_json(text), script=f"{r.root()}{SCRIPT}")
