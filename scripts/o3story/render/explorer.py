"""The data explorer of the methods page: every figure record in one table, rendered here in full
(it is what a reader without JavaScript gets), plus the filter controls that assets/explorer.js
brings to life (they stay hidden without it). Each record is a row and, below it, a details row
with its quote, locator, notes, formula and links. Pure: HTML with every data string escaped.

Material's search indexes the filters' options (a reader searching a model, a metric or a source
finds the table), not the rows (`data-search-exclude`): every page fetches its language's whole
index as it loads, and the rows with their details were a third of it. The story pages' chart
tables index the charted rows where their chart is."""

from __future__ import annotations

from typing import TYPE_CHECKING, get_args

from o3story.render.fmt import esc, esc_attr, number, setting, value
from o3story.render.i18n import t
from o3story.data.model import Confidence, Figure

if TYPE_CHECKING:
    from o3story.render.pages import Renderer

COLUMNS = ("model", "metric", "setting", "value", "confidence", "source", "date")
CONFIDENCES = get_args(Confidence)
SCRIPTS = ("assets/vendor/tablesort.min.js", "assets/vendor/tablesort.number.min.js", "assets/explorer.js")


def sort_number(v: int | float) -> str:
    """A plain decimal for tablesort's number sort (it cannot read exponents such as 1e-05)."""
    return f"{v:.10f}".rstrip("0").rstrip(".") if isinstance(v, float) else str(v)


def _select(name: str, label: str, options: list[tuple[str, str]], lang: str) -> str:
    # Line breaks between label, options and fields: they render as nothing, but keep words apart
    # in the search index (Material joins adjacent elements' texts: "ModelAllGPT-4o" is no word).
    opts = f'<option value="">{esc(t(lang, "explorer.all"))}</option>\n' + "\n".join(
        f'<option value="{esc(v)}">{esc(text)}</option>' for v, text in options)
    return (f'<div class="o3-x__field"><label for="o3-x-{name}">{esc(label)}</label>\n'
            f'<select id="o3-x-{name}" name="{name}">{opts}</select></div>')


def controls(r: "Renderer", figs: list[Figure]) -> str:
    lang, data = r.lang, r.story.data
    used_metrics = {f.metric for f in figs}
    used_sources = {f.source for f in figs}
    models = sorted({f.model for f in figs}, key=str.casefold)
    fields = [
        _select("model", t(lang, "explorer.model"), [(m, m) for m in models], lang),
        _select("metric", t(lang, "explorer.metric"), [(m.id, m.name[lang]) for m in data.metrics if m.id in used_metrics], lang),
        _select("confidence", t(lang, "explorer.confidence"),
                [(c, t(lang, f"conf.{c}")) for c in CONFIDENCES if any(f.confidence == c for f in figs)], lang),
        _select("source", t(lang, "explorer.source"),
                [(s.id, f"{s.publisher}: {s.title}") for s in data.sources if s.id in used_sources], lang),
        '<div class="o3-x__field o3-x__field--search">'
        f'<label for="o3-x-search">{esc(t(lang, "explorer.search"))}</label>'
        f'<input id="o3-x-search" name="search" type="search" autocomplete="off" placeholder="{esc(t(lang, "explorer.search_hint"))}"></div>',
    ]
    return (
        f'<form class="o3-x__filters" role="search" aria-label="{esc(t(lang, "explorer.heading"))}" hidden>'
        + "\n".join(fields)
        + f'<div class="o3-x__actions"><button type="reset" class="o3-x__reset">{esc(t(lang, "explorer.reset"))}</button>'
        f'<p class="o3-x__count" role="status" data-template="{esc(t(lang, "explorer.count"))}"></p></div>'
        "</form>"
        f'<p class="o3-x__hint" hidden>{esc(t(lang, "explorer.sort_hint"))}</p>'
        f'<noscript><p class="o3-x__hint">{esc(t(lang, "explorer.noscript"))}</p></noscript>'
    )


def details(r: "Renderer", fig: Figure) -> str:
    lang, data = r.lang, r.story.data
    src = data.source(fig.source)
    facts = []
    if fig.quote:
        quote_lang = ' lang="zh-Hans"' if src.kind == "transcript" else ""
        facts.append(("quote", f"<blockquote{quote_lang}><p>{esc(fig.quote)}</p></blockquote>"))
    if fig.locator:
        facts.append(("locator", esc(fig.locator)))
    if fig.notes:
        facts.append(("notes", esc(fig.notes[lang])))
    if fig.formula:
        facts.append(("formula", f"<code>{esc(fig.formula)}</code>"))
    if fig.uncertainty is not None:
        facts.append(("uncertainty", esc(f"{t(lang, 'plus-minus')}{number(fig.uncertainty, lang)}")))
    facts.append(("id", f"<code>{esc(fig.id)}</code>"))
    links = [
        f'<a href="{r.record_link(fig)}">{esc(t(lang, "detail.record"))}</a>',
        f'<a href="{esc_attr(src.url)}" rel="noopener">{esc(t(lang, "detail.source"))}: {esc(src.publisher)}, {esc(src.title)}</a>',
    ]
    turn = r.story.transcript.turn_with(fig.quote) if fig.quote and src.kind == "transcript" else None
    if turn:
        links.append(f'<a href="{r.transcript_link(turn.anchor)}">{esc(t(lang, "detail.turn", n=turn.n))}</a>')
    if fig.id in r.chart_of():
        links.append(f'<a href="{r.figure_target(fig.id)}">{esc(t(lang, "detail.chart"))}</a>')
    facts.append(("links", "<ul>" + "".join(f"<li>{a}</li>" for a in links) + "</ul>"))
    return '<dl class="o3-x__facts">' + "".join(
        f"<dt>{esc(t(lang, 'detail.' + key))}</dt><dd>{html}</dd>" for key, html in facts) + "</dl>"


def row(r: "Renderer", fig: Figure) -> str:
    lang = r.lang
    anchor = f"fig-{fig.id}"
    conf = t(lang, f"conf.{fig.confidence}") + (" · " + t(lang, "claim") if fig.claim else "")
    src = r.story.data.source(fig.source)
    texts = {
        "model": esc(fig.model),
        "metric": esc(r.metric_name(fig)),
        "setting": esc(setting(fig, lang)),
        "value": esc(value(fig, lang)),
        "confidence": esc(conf),
        "source": f'<a href="{esc_attr(src.url)}" rel="noopener">{esc(src.publisher)}</a>',
        "date": esc(fig.date.isoformat()),
    }
    cells = [
        f'<td class="o3-x__c-toggle"><button type="button" class="o3-x__toggle" aria-expanded="false" '
        f'aria-controls="{esc_attr(anchor)}-details" hidden><span class="o3-x__sr">'
        f'{esc(t(lang, "explorer.details_of", id=f"{fig.model} · {r.metric_name(fig)}"))}</span></button></td>'
    ] + [
        f'<td class="o3-x__c-{key}"' + (f' data-sort="{sort_number(fig.value)}"' if key == "value" else "")
        + (f' data-label="{esc(t(lang, "col." + key))}"' if key in ("confidence", "date") else "") + f">{texts[key]}</td>"
        for key in COLUMNS
    ]
    # ids are plain (the model restricts them to [a-z0-9._-]); the model name is free text, escaped like all text
    attrs = (f'id="{esc_attr(anchor)}" class="o3-x__row" data-model="{esc(fig.model)}" data-metric="{esc_attr(fig.metric)}" '
             f'data-confidence="{esc_attr(fig.confidence)}" data-source="{esc_attr(fig.source)}"')
    return (f"<tr {attrs}>" + "".join(cells) + "</tr>"
            f'<tr class="o3-x__details" id="{esc_attr(anchor)}-details"><td colspan="{len(COLUMNS) + 1}">{details(r, fig)}</td></tr>')


def explorer(r: "Renderer", figs: list[Figure]) -> str:
    lang = r.lang
    head = (f'<th scope="col" data-sort-method="none"><span class="o3-x__sr">{esc(t(lang, "explorer.details"))}</span></th>'
            + "".join(
                f'<th scope="col" data-key="{c}"' + (' data-sort-method="number"' if c == "value" else "")
                + f">{esc(t(lang, 'col.' + c))}</th>" for c in COLUMNS))
    scripts = "".join(f'<script src="{r.root()}{s}" defer></script>' for s in SCRIPTS)
    return (
        f'<div class="o3-x" data-total="{len(figs)}">'
        + controls(r, figs)
        + '<div class="o3-table o3-x__table"><table>'
        f"<thead><tr>{head}</tr></thead><tbody data-search-exclude>"
        + "\n".join(row(r, f) for f in figs)
        + f'</tbody></table></div><p class="o3-x__none" hidden>{esc(t(lang, "explorer.none"))}</p></div>'
        + scripts
    )
