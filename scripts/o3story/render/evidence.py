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

Pure: plain values from the Story and a `context.PageContext` (for links)."""

from __future__ import annotations

import json
from markupsafe import Markup

from o3story.data.locale import html_lang
from o3story.data.model import Figure
from o3story.data.transcript import LANG as TRANSCRIPT_LANG
from o3story.render import glosses, source_text, templating
from o3story.render.charts.html import safe_json
from o3story.render.fmt import setting, value
from o3story.render.i18n import t
from o3story.render.context import PageContext


SCRIPT = "assets/evidence.js"
STRINGS = ("dialog", "close", "setting", "confidence", "quote", "translated", "locator", "source", "record", "chart", "colon", "comma")


def confidence(fig: Figure, lang: str) -> str:
    """The confidence as the chart tables say it: its label, 'a claim', the formula of a derived value."""
    out = t(lang, f"conf.{fig.confidence}")
    if fig.claim:
        out += " · " + t(lang, "claim")
    if fig.formula:
        out += t(lang, "punct.formula", text=fig.formula_in(lang))
    return out


def entry(r: PageContext, fig: Figure) -> dict:
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
            english = glosses.translation(r.story, fig.quote)
            if english:
                out["quote"]["translation"] = english
    if fig.locator:
        out["locator"] = fig.locator
    return out


def data(r: PageContext, figure_ids) -> dict:
    figures = {i: entry(r, r.figure(i)) for i in figure_ids}
    sources = {}
    for f in figures.values():
        src = r.story.data.source(f["source"])
        plain = source_text.title_plain(src, r.lang)
        sources[src.id] = {"publisher": src.publisher_in(r.lang), "title": plain, "url": src.url,
                           "title_lang": src.title_lang if plain == src.title else r.lang}
    return {"strings": {k: t(r.lang, "evidence." + k) for k in STRINGS}, "sources": sources, "figures": figures}


def block(r: PageContext, figure_ids) -> Markup:
    """The page's data block and script, or nothing when the page links no number."""
    ids = list(dict.fromkeys(figure_ids))
    if not ids:
        return Markup("")
    text = safe_json(json.dumps(data(r, ids), ensure_ascii=False, separators=(",", ":")))
    return templating.render("evidence.html", data=templating.script_json(text), script=f"{r.root()}{SCRIPT}")
