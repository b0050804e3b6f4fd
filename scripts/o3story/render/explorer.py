"""The data explorer of the methods page (templates/explorer.html): every figure record in one
table, rendered here in full (it is what a reader without JavaScript gets), plus the filter
controls that assets/explorer.js brings to life. Pure: plain values for the template."""

from __future__ import annotations

from typing import get_args

from markupsafe import Markup

from o3story.data.locale import code_of
from o3story.data.model import Confidence, Figure, text_lang
from o3story.render import glosses, source_text, templating
from o3story.render.fmt import figure_day, number, setting, value
from o3story.render.i18n import t
from o3story.render.context import PageContext


COLUMNS = ("model", "metric", "setting", "value", "confidence", "source", "date")
CONFIDENCES = get_args(Confidence)
SCRIPTS = ("assets/vendor/tablesort.min.js", "assets/vendor/tablesort.number.min.js", "assets/explorer.js")
# Records per <tbody>. On phones each row group is skipped by the browser until it nears the screen
# (content-visibility in site.css): with one group, a table that starts within the browser's
# look-ahead (one and a half screens below the fold) was styled whole on every restyle the theme
# makes while the page loads (Lighthouse on a 430 x 932 phone: 82-86; with groups of 8: 97).
GROUP_SIZE = 8
STRINGS = ("all", "heading", "search", "search_hint", "reset", "count", "sort_hint", "noscript", "details", "none")


def sort_number(v: int | float) -> str:
    """A plain decimal for tablesort's number sort (it cannot read exponents such as 1e-05)."""
    return f"{v:.10f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


def selects(r: PageContext, figs: list[Figure]) -> list[dict]:
    lang, data = r.lang, r.story.data
    used_metrics = {f.metric for f in figs}
    used_sources = {f.source for f in figs}
    names = {f.model: data.model_label(f.model, lang) for f in figs}  # filter value: the record's name; shown: its label
    kinds = {m.name: m.kind for m in data.models}
    # models first, then what is not a model (a human panel, a prize target), each group by its label;
    # one group needs no heading
    groups = [(t(lang, f"explorer.kind.{kind}"), [(m, names[m]) for m in sorted(names, key=lambda m: names[m].casefold())
                                                  if kinds.get(m, "model") == kind])
              for kind in ("model", "reference")]
    return [
        {"name": "model", "label": t(lang, "explorer.model"),
         **({"groups": groups} if all(g[1] for g in groups) else {"options": [o for g in groups for o in g[1]]})},
        {"name": "metric", "label": t(lang, "explorer.metric"),
         "options": [(m.id, m.name[lang]) for m in data.metrics if m.id in used_metrics]},
        {"name": "confidence", "label": t(lang, "explorer.confidence"),
         "options": [(c, t(lang, f"conf.{c}")) for c in CONFIDENCES if any(f.confidence == c for f in figs)]},
        {"name": "source", "label": t(lang, "explorer.source"),
         # by name, so that one publisher's sources stand together
         "options": sorted((_source_option(s, lang) for s in data.sources if s.id in used_sources), key=lambda o: o[1].casefold())},
    ]


def _source_option(s, lang: str) -> tuple[str, str, str]:
    """(id, text, language) of a source in the source filter: its publisher and title, in the title's
    language where the title is the source's own (an option holds no markup), else the page's, with
    the page's names for both (a title that is partly the project's description, such as "ARC Prize
    2024 [Kaggle competition description]", reads in the page's language, its publisher too)."""
    own = code_of(s.title_lang)  # the title's language
    if s.title_label is None and own is not None and (own == lang or s.title_lang == "en"):
        # the title's language names the publisher ("OpenAI (YouTube)") and punctuates
        return s.id, f"{s.publisher_in(own)}{t(own, 'punct.colon')}{s.title}", s.title_lang
    return s.id, f"{s.publisher_in(lang)}{t(lang, 'punct.colon')}{source_text.title_plain(s, lang)}", ""


def facts(r: PageContext, fig: Figure) -> list[tuple[str, str, object]]:
    """A record's details: (key, label, value) in the order shown."""
    lang, data = r.lang, r.story.data
    src = data.source(fig.source)
    out: list[tuple[str, object]] = []
    if fig.quote:
        quote_lang = text_lang(fig.quote)
        gloss = glosses.translation(r.story, fig.quote) if lang == "en" and quote_lang != "en" else None
        out.append(("quote", {"text": fig.quote, "lang": quote_lang, "gloss": gloss or "",
                              "gloss_label": t(lang, "source.title_gloss")}))
    if fig.locator:
        out.append(("locator", fig.locator))
    if fig.notes:  # a data text: its {{ translated }} marks (and any {{ fig ID }}) are drawn, the rest escaped
        out.append(("notes", r.rich(fig.notes[lang])))
    if fig.formula:
        out.append(("formula", fig.formula_in(lang)))
    if fig.uncertainty is not None:
        out.append(("uncertainty", f"{t(lang, 'plus-minus')}{number(fig.uncertainty, lang)}"))
    out.append(("id", fig.id))
    links = [
        {"href": r.record_link(fig), "text": t(lang, "detail.record")},
        {"href": src.url, "text": templating.join([t(lang, "detail.source") + templating.colon(t(lang, "detail.source")), templating.macros().name(src.publisher_in(lang)), t(lang, "punct.comma"),
                                                   source_text.title(src, lang)]), "external": True},
    ]
    words = fig.transcript or (fig.quote if src.kind == "transcript" else None)
    turn = r.story.transcript.turn_with(words) if words else None
    if turn:
        links.append({"href": r.transcript_link(turn.anchor), "text": t(lang, "detail.turn", n=turn.n)})
    if fig.id in r.chart_of():
        links.append({"href": r.figure_target(fig.id), "text": t(lang, "detail.chart")})
    out.append(("links", links))
    return [(key, t(lang, "detail." + key), v) for key, v in out]


def row(r: PageContext, fig: Figure) -> dict:
    lang = r.lang
    src = r.story.data.source(fig.source)
    return {
        # ids are plain (the model restricts them to [a-z0-9._-]); the model name is free text, escaped like all text
        "anchor": f"fig-{fig.id}", "model": fig.model, "metric": fig.metric, "confidence": fig.confidence, "source": fig.source,
        "details_of": t(lang, "explorer.details_of", id=f"{r.model_name(fig)} · {r.metric_name(fig)}"),
        "sort": sort_number(fig.value), "source_url": src.url,
        "cells": {"model": r.model_name(fig), "metric": r.metric_name(fig), "setting": setting(fig, lang, r.story.data), "value": value(fig, lang),
                  "confidence": t(lang, f"conf.{fig.confidence}") + (" · " + t(lang, "claim") if fig.claim else ""),
                  "source": src.publisher_in(lang), "date": figure_day(fig, src, lang)},
        "facts": facts(r, fig),
    }


def explorer(r: PageContext, figs: list[Figure]) -> Markup:
    lang = r.lang
    return templating.render(
        "explorer.html",
        s={k: t(lang, "explorer." + k) for k in STRINGS},
        selects=selects(r, figs),
        columns=[{"key": c, "label": t(lang, "col." + c)} for c in COLUMNS],
        rows=[row(r, f) for f in figs],
        group_size=GROUP_SIZE,
        scripts=[f"{r.root()}{s}" for s in SCRIPTS],
    )
