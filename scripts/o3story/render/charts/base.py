"""What every chart shares: the Chart record, palette and markers, hover text, layout.

Charts are pure functions of the data and a language. The figure they return is
theme-neutral (transparent background); the browser applies the light or dark
theme (assets/charts.js), so one spec serves both.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import plotly.graph_objects as go

from o3story.render import fmt
from o3story.render.fmt import setting, value
from o3story.data.locale import locale
from o3story.render.i18n import t
from o3story.data.model import Figure, Source
from o3story.data.story import Story

# Okabe-Ito: distinguishable with the common forms of colour blindness. Each model also
# gets its own marker symbol, so that no meaning rests on colour alone.
#
# Every mark must stand out from the plot's background by at least 3:1 (WCAG 1.4.11), in the light
# theme (white) and in the dark one (Material's slate, #1e2129); tests/site/test_contrast.py checks
# it in the browser. The spec carries the light theme's colours (the static images and downloads are
# light too). Okabe-Ito's sky blue and orange are too light for white (2.3:1): on the light theme
# they are the same hues darkened to 3.3:1. Black and dark grey vanish on slate: DARK gives each
# colour that fails there its dark-theme colour, which assets/charts.js swaps in (from the spec's
# layout.meta, so that one table serves both).
SKY_BLUE = "#56B4E9"
SKY_BLUE_ON_LIGHT = "#1C95D9"  # 3.31:1 on white
ORANGE = "#E69F00"
ORANGE_ON_LIGHT = "#BB8100"  # 3.36:1 on white
BLACK = "#000000"  # the human panel, reference lines, marker outlines
GREY = "#666666"  # GPT-4o: 5.7:1 on white
REFERENCE = "#888888"  # grey guide lines (targets, frontiers, ranges): 3.5:1 on white, 4.5:1 on slate
DARK: dict[str, str] = {
    SKY_BLUE_ON_LIGHT: SKY_BLUE,  # 7.0:1 on slate
    ORANGE_ON_LIGHT: ORANGE,  # 7.2:1
    BLACK: "#E3E5EA",  # the dark theme's text colour: 12.8:1 (black: 1.3:1)
    GREY: "#A0A0A0",  # 6.2:1 (#666666: 2.8:1)
}
MODEL_STYLE: dict[str, tuple[str, str]] = {
    "o3": ("#D55E00", "diamond"),
    "o3-preview": ("#D55E00", "diamond"),
    "o3-2025-04-16": ("#CC79A7", "star"),
    "o3-mini": ("#0072B2", "circle"),
    "o1": ("#009E73", "square"),
    "o1-mini": (SKY_BLUE_ON_LIGHT, "triangle-up"),
    "o1-preview": (ORANGE_ON_LIGHT, "triangle-down"),
    "o1-pro": ("#F0E442", "pentagon"),  # light: always drawn filled, with a black outline
    "o1 pro": ("#F0E442", "pentagon"),
    "GPT-4o": (GREY, "x"),
    "human panel": (BLACK, "cross"),
    "previous best": (GREY, "square"),  # FrontierMath's best of all earlier models (o3-vs-o1)
}
DEFAULT_STYLE = (REFERENCE, "circle")


def font(lang: str) -> str:
    """The charts' font list in `lang` (data/locales.yaml: chart_font)."""
    return locale(lang).chart_font


def style(model: str) -> tuple[str, str]:
    return MODEL_STYLE.get(model, DEFAULT_STYLE)


def symbol(fig: Figure, base: str) -> str:
    # Approximate, derived and claimed values are drawn hollow; measured ones filled.
    return f"{base}-open" if (fig.approximate or fig.confidence == "derived" or fig.claim) else base


@dataclass(frozen=True)
class Chart:
    id: str
    lang: str
    title: str
    description: str  # a finding, written from the data
    figure: go.Figure
    figures: tuple[Figure, ...]  # every data point drawn: the table and the downloads list exactly these
    notes: tuple[str, ...] = ()  # at most two, for the reader (what to keep in mind when reading the marks)
    sources: tuple[Source, ...] = field(default=())
    # The texts of the numbered marks (narrow.MARKS, from ①) the chart itself draws at every width,
    # listed under it (a row's caveat); the narrow layout numbers its own marks after these.
    keys: tuple[str, ...] = ()
    narrow: object = None  # charts.narrow.Narrow: the phone layout, set by charts.build
    # How the chart was built (choices of records, scales, computed lines): shown once, on the methods
    # page ({{ chart-methods }}), never under the chart.
    methods: tuple[str, ...] = ()


def tr(lang: str, chart_id: str, key: str, **values: object) -> str:
    return t(lang, f"chart.{chart_id}.{key}", **values)


def colon(lang: str) -> str:
    """The separator after a label in a tooltip: a full-width colon in Chinese, ": " in English."""
    return locale(lang).colon


# A value's qualifier in its tooltip when it is not simply stated by its source (the marker's hollow
# symbol says the same: `symbol`).
def _qualifier(fig: Figure, lang: str) -> str:
    if fig.claim:
        word = t(lang, "claim")
    elif fig.confidence in ("derived", "chart-read"):
        word = t(lang, f"conf.{fig.confidence}")
    else:
        return ""
    return f" · {word}"


def source_line(fig: Figure, story: Story, lang: str) -> str:
    """A tooltip's source: the publisher and the date of the figure, or the day an undated source was
    read (escaped)."""
    src = story.data.source(fig.source)
    return html.escape(f"{t(lang, 'col.source')}{colon(lang)}{src.publisher_in(lang)}{locale(lang).comma}{fmt.figure_day(fig, src, lang)}")


def hover(fig: Figure, story: Story, lang: str) -> str:
    """Hover text, short: the model and its setting; the measure and its value (qualified if it is a
    claim, derived or read off a chart); the source and date. Data strings are escaped: plotly renders
    a few tags. A chart may join two figures' texts (a point with a score and a cost): `finish` then
    merges them (`tidy_hover`), so that the model and the source appear once."""
    metric = story.data.metric(fig.metric).name[lang]
    head = f"<b>{html.escape(story.data.model_label(fig.model, lang))}</b>"
    detail = setting(fig, lang, story.data)
    if detail:
        head += " · " + html.escape(detail)
    return "<br>".join([head, html.escape(f"{metric}{colon(lang)}{value(fig, lang)}{_qualifier(fig, lang)}"),
                        source_line(fig, story, lang)])


def _label(part: str, lang: str) -> str | None:
    """The label of a "label: value" part of a line (None: no label)."""
    sep = colon(lang)
    head, found, _ = part.partition(sep)
    return head.strip() if found and head.strip() and "<b>" not in head else None


def tidy_hover(text: object, lang: str) -> object:
    """A tooltip as the reader gets it, whatever a chart joined: no empty or repeated line, the model
    named once (the first line that names it in bold), a field given once (a later line that gives a
    field again, such as a chart's own pricing basis, replaces it in the setting above), and the
    sources once, last, on one line."""
    if not isinstance(text, str) or "<br>" not in text:
        return text
    sep, joiner = colon(lang), locale(lang).semicolon
    source = html.escape(t(lang, "col.source") + sep)
    lines, sources, models = [], [], set()
    for line in (ln.strip() for ln in text.split("<br>")):
        if not line or line in lines:
            continue
        if line.startswith(source):
            for entry in line[len(source):].split(joiner):
                if entry not in sources:
                    sources.append(entry)
            continue
        bold = re.match(r"<b>(.*?)</b>", line)
        if bold:
            if bold.group(1) in models:
                continue
            models.add(bold.group(1))
        lines.append(line)
    # a field a later line gives again: dropped from the setting that gave it first
    for i, line in enumerate(lines):
        later = {_label(ln, lang) for ln in lines[i + 1:]} - {None}
        if not later:
            continue
        head, dot, rest = line.partition(" · ") if line.startswith("<b>") else ("", "", line)
        parts = [p for p in rest.split(joiner) if _label(p, lang) not in later]
        if len(parts) < len(rest.split(joiner)):
            rest = joiner.join(parts)
            lines[i] = (head + (dot if rest else "") + rest) if head else rest
    lines = [ln for ln in lines if ln]
    if sources:
        lines.append(source + joiner.join(sources))
    return "<br>".join(lines)


GAP = "\u2002"  # an en space (SVG keeps it where it drops a plain one)
_BR = re.compile(r"(<br\s*/?>)")


def _clear(text, pos):
    """A value beside its mark (`middle left`, `middle right`) with an en space on the mark's side of
    each line: text set level with a mark otherwise touches its edge (a star's points, a circle)."""
    if not isinstance(text, str) or not isinstance(pos, str) or pos not in ("middle left", "middle right"):
        return text
    parts = _BR.split(text)
    return "".join(p if _BR.fullmatch(p) else (p.strip(GAP) + GAP if pos == "middle left" else GAP + p.strip(GAP))
                   for p in parts)


def clear_of_marks(text, pos):
    """`text` of a scatter trace (one string or one per point) given its `textposition` (the same)."""
    if isinstance(text, (list, tuple)):
        return [_clear(t, pos[i] if isinstance(pos, (list, tuple)) else pos) for i, t in enumerate(text)]
    return _clear(text, pos) if not isinstance(pos, (list, tuple)) else text


def label(fig: Figure, lang: str) -> str:
    return html.escape(value(fig, lang))


def majority_vote(story: Story, fig: Figure) -> Figure | None:
    """The record that says `fig`'s number is a majority vote: the same model, metric and value, its
    setting's aggregation a consensus over samples (cons@N). None when no record says so."""
    for other in story.data.figures:
        agg = (other.setting.aggregation or "") if other.setting else ""
        if (other.id != fig.id and other.model == fig.model and other.metric == fig.metric
                and other.value == fig.value and agg.startswith("cons@")):
            return other
    return None


def sources_of(story: Story, figs: list[Figure]) -> tuple[Source, ...]:
    ids = list(dict.fromkeys(f.source for f in figs))
    return tuple(story.data.source(i) for i in ids)


def base_layout(lang: str, **extra) -> dict:
    layout = dict(
        font=dict(family=font(lang), size=13),
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        margin=dict(l=60, r=20, t=30, b=20),
        # Below everything, in the figure's bottom margin, which grows to hold it (no overlap with the x axis).
        legend=dict(orientation="h", xref="container", yref="container", x=0, xanchor="left", y=0, yanchor="bottom"),
        hoverlabel=dict(font=dict(family=font(lang)), align="left"),  # a tooltip reads from its left edge, on either side of its point
        separators=".,",  # decimal point and thousands separator, the same in both languages
        autosize=True,
        height=460,
        template="none",  # plotly's default template adds ~10 KB of JSON per chart; the theme comes from charts.js
        meta=dict(dark=DARK),  # the dark theme's colours (see DARK), read by charts.js
    )
    layout.update(extra)
    return layout


def pick(story: Story, *ids: str) -> list[Figure]:
    return [story.data.figure(i) for i in ids]


def pareto(points: list[tuple[float, float]]) -> list[int]:
    """Indices of the points on the cost/score Pareto frontier (lower cost and higher score win),
    ordered by cost. A point is on it when no other point is at least as cheap and at least as
    good, and strictly better in one of the two."""
    keep = []
    for i, (c, s) in enumerate(points):
        dominated = any(
            (c2 <= c and s2 >= s) and (c2 < c or s2 > s) for j, (c2, s2) in enumerate(points) if j != i
        )
        if not dominated:
            keep.append(i)
    return sorted(keep, key=lambda i: points[i][0])


def log_axis(lo: float, hi: float, lang: str) -> dict:
    """A log axis from lo to hi with readable dollar ticks (1-2-5 steps) instead of plotly's 2…9 minor
    labels, written as the page's language writes an amount in dollars on an axis titled in dollars
    ("$1,000"; Chinese: "1,000", the axis title saying 美元)."""
    import math

    # 1-2-5 steps over a few decades; over many, 1-3 or powers of ten only, so that labels never touch.
    decades = math.log10(hi / lo)
    mantissas = (1, 2, 5) if decades <= 2.5 else (1, 3) if decades <= 4 else (1,)
    steps = [m * 10**e for e in range(-3, 6) for m in mantissas]
    ticks = [v for v in steps if lo <= v <= hi]
    return dict(type="log", range=[math.log10(lo), math.log10(hi)], tickvals=ticks, ticktext=[t(lang, "tick.usd", v=f"{v:,g}") for v in ticks])


CJK = "\u2e80-\u9fff\u3000-\u303f\uff00-\uffef"
_TOKEN = re.compile(f"[{CJK}]|[^\\s{CJK}]+|\\s+")
GLUE = "\ue000"  # a space wrap() may not break at, as wide as one (a private-use character, never in data)
# a number and its unit ("7.7 s"), and a licence's name ("CC BY 4.0"), stay on one line
_NO_BREAK = re.compile(r"(?<=\d) (?=(?:s|ms)\b)|(?<=\bCC) (?=BY\b)|(?<=\bCC BY) (?=\d)")


def text_width(text: str) -> int:
    """Width in Latin characters: a CJK character counts as two."""
    return sum(2 if re.match(f"[{CJK}]", ch) else 1 for ch in text)


CLOSING = "）」』】〉》，。、；：！？)]}"  # never at the start of a line


def wrap(text: str, lang: str, width: int = 44) -> str:
    """Break a long label into lines of at most `width` Latin characters (a CJK character counts
    two), with <br> (plotly does not wrap). Words and Latin runs inside Chinese are never split, and
    closing punctuation stays on the line it closes."""
    lines: list[str] = []
    cur = ""
    text = _NO_BREAK.sub(GLUE, text)
    for tok in _TOKEN.findall(text):
        if tok.isspace():
            cur += " " if cur and not cur.endswith(" ") else ""
            continue
        if cur.strip() and text_width(cur + tok) > width and tok[0] not in CLOSING:
            lines.append(cur.rstrip())
            cur = tok
        else:
            cur += tok
    if cur.strip():
        lines.append(cur.rstrip())
    return "<br>".join(lines).replace(GLUE, " ")
