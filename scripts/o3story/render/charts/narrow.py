"""The narrow layout: how a chart is drawn in a container NARROW_MAX px wide or less (a phone, or a column
too narrow for the wide layout's labels: they touched from about 490 to 610 px).

It is one transformation of the chart's own figure, computed once per build, never a second chart:
- panels side by side are stacked, in reading order, each at the full width;
- long annotations leave the plot: a numbered mark stays at their place and their text becomes a
  numbered note under the chart (HTML, in the chart's language); short labels stay, wrapped;
- category ticks are wrapped to fit their slot, log-axis ticks thinned to powers of ten;
- legends sit below, wrapped, in the container's bottom margin; margins come from automargin;
- no font below MIN_FONT px.

A chart module can give hints in a `NARROW` dict (all optional):
  height: total height in px; panels: relative heights of the stacked panels, in reading order;
  text: {trace index: textposition (or a list of them)} for point labels that would collide;
  textangle: {trace index: angle} for bar labels that lie level once panels are stacked;
  labels: False drops point labels on phones (too many values too close on a narrow axis: each is
  still in its tooltip and the table beneath);
  margin: margins to keep (a chart whose labels sit in its right margin);
  edges: False keeps every point label where the chart put it (no turning inwards near an edge);
  wrap: the width (Latin characters) to which kept annotations are wrapped (28);
  legend: "top" puts the legend above the plot (a key the reader needs before the marks), not below.
An annotation named "o3:note" always becomes a note, one named "o3:keep" always stays.

`narrow()` returns the narrow figure (for the phone-width static image) and what the browser
needs beside the wide spec: the narrow layout and, per trace, the attributes that differ.
"""

from __future__ import annotations

import copy
import html
import math
import re
from dataclasses import dataclass

import plotly.graph_objects as go

from o3story.data.locale import locale
from .base import clear_of_marks, text_width, wrap

NARROW_MAX = 640  # px of container width; charts.js and site.css use the same figure
IMAGE_WIDTH = 340  # px: the phone width the narrow layout is planned for (text >= 11 px at 328)
# px: the phone-width static image: the chart's width on a 360 px phone (16 px page margins), so that
# the image fills the plot's box there exactly as the live chart does (shown whole, never scaled up,
# in wider boxes; scaled down in narrower ones)
STATIC_NARROW_WIDTH = 328
WIDE_IMAGE_WIDTH = 680  # px: the wide static image, about a chart page's content width
MIN_FONT = 12
MARKS = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
NOTE_WIDTH = 20  # an annotation wider than this (Latin characters) becomes a note
LINE = 16  # px per line of 12-13 px text


@dataclass(frozen=True)
class Narrow:
    figure: dict  # the full narrow figure, plotly JSON
    override: dict  # {"layout": narrow layout, "data": [per-trace attributes that differ]}
    notes: tuple[str, ...]  # plain text, numbered by MARKS in order


def plain(text: str, lang: str) -> str:
    """Annotation markup as plain text: <br> joins lines, tags dropped, entities decoded."""
    joined = re.sub(r"<br\s*/?>", locale(lang).space, str(text))
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", "", joined))).strip()


def lines(text: str) -> int:
    return str(text).count("<br>") + 1 if text else 0


def _axes(layout: dict, letter: str) -> list[str]:
    keys = [k for k in layout if re.fullmatch(letter + r"axis\d*", k)]
    return sorted(keys, key=lambda k: int(k[5:] or 1))


def _ref(key: str) -> str:  # "xaxis2" -> "x2"
    return key[0] + key[5:]


def _short_tick(text: str, lang: str) -> str:
    """A tick label shortened for a phone, as the locale writes large numbers (data/locales.yaml
    big_numbers): "$10k" in English; in Chinese a count of 万 ("1万"), thousands left whole ("1,000")."""
    m = re.fullmatch(r"([^\d]*)([\d,]+(?:\.\d+)?)([^\d]*)", text)
    if not m:
        return text
    v = float(m[2].replace(",", ""))
    for size, word in locale(lang).big_numbers:
        if v >= size:
            return f"{m[1]}{v / size:g}{word}{m[3]}"
    return text


def _category_ticks(axis: dict, cats: list[str], lang: str, plot_px: float) -> None:
    slot = plot_px / max(1, len(cats))
    per_line = max(6, int(slot / 7.2))  # Latin characters of 12 px text per line
    axis["tickvals"] = cats
    axis["ticktext"] = [wrap(html.unescape(c), lang, per_line) for c in cats]
    axis["tickangle"] = 0
    axis["tickfont"] = {"size": MIN_FONT}


def _fraction(v, axis: dict) -> float | None:
    rng = axis.get("range")
    if not rng or not isinstance(v, (int, float)):
        return None
    if axis.get("type") == "log":
        if v <= 0:
            return None
        v = math.log10(v)
    lo, hi = rng
    return (v - lo) / (hi - lo) if hi != lo else None


def _labels_inside(data: list[dict], layout: dict, hints: dict) -> None:
    """Point labels near an edge of the plot turn inwards, so that they are not cut off."""
    hinted = set((hints.get("text") or {}))
    for i, t in enumerate(data):
        if i in hinted or t.get("type") != "scatter" or "text" not in (t.get("mode") or ""):
            continue
        xs, ys = t.get("x") or [], t.get("y") or []
        pos = t.get("textposition") or "middle center"
        many = isinstance(pos, (list, tuple))
        out = []
        for j, x in enumerate(xs):
            p = pos[j] if many else pos
            v, h = p.split(" ") if " " in p else ("middle", p)
            fx = _fraction(x, layout.get("xaxis" + t.get("xaxis", "x")[1:], {}))
            fy = _fraction(ys[j] if j < len(ys) else None, layout.get("yaxis" + t.get("yaxis", "y")[1:], {}))
            if fx is not None and fx < 0.15 and h in ("left", "center"):
                h = "right"
            elif fx is not None and fx > 0.85 and h in ("right", "center"):
                h = "left"
            if fy is not None and fy > 0.92 and v == "top":
                v = "bottom"
            elif fy is not None and fy < 0.08 and v == "bottom":
                v = "top"
            out.append(f"{v} {h}")
        if out and (many or len(set(out)) > 1 or out[0] != pos):
            t["textposition"] = out if (many or len(set(out)) > 1) else out[0]


def _domain(layout: dict, key: str) -> list[float]:
    return list(layout.get(key, {}).get("domain") or [0.0, 1.0])


def _panels(layout: dict, data: list[dict], xs: list[str]) -> list[tuple[str, str]]:
    """Step 1. The subplots: (x axis, y axis) pairs of the traces (an axis with no trace still makes a
    panel), in reading order of the wide layout."""
    pairs: list[tuple[str, str]] = []
    for tr in data:
        pair = ("xaxis" + (tr.get("xaxis", "x")[1:]), "yaxis" + (tr.get("yaxis", "y")[1:]))
        if pair not in pairs:
            pairs.append(pair)
    for x in xs:  # axes with no trace still make a panel
        y = "yaxis" + layout[x].get("anchor", "y")[1:] if layout[x].get("anchor") else "yaxis"
        if (x, y) not in pairs and y in layout:
            pairs.append((x, y))
    return sorted(pairs, key=lambda p: (-_domain(layout, p[1])[1], _domain(layout, p[0])[0]))


def _notes(layout: dict, panels: list[tuple[str, str]], lang: str, hints: dict, start: int) -> list[str]:
    """Step 2. Annotations: a panel's title and short labels stay (wrapped); a long one, or one named
    o3:note, becomes a numbered mark whose text goes to the notes under the chart. Marks each
    annotation `_title` for the steps after (removed at the end)."""
    titles = {round(_domain(layout, y)[1], 6) for _, y in panels}
    notes: list[str] = []
    anns = layout.get("annotations", [])
    for a in anns:
        name = a.get("name") or ""
        is_title = (a.get("xref") == "paper" and a.get("yref") == "paper" and a.get("yanchor") == "bottom"
                    and isinstance(a.get("y"), (int, float)) and round(a["y"], 6) in titles)
        text = plain(a.get("text", ""), lang)
        if name == "o3:note" or (name != "o3:keep" and not is_title and text_width(text) > NOTE_WIDTH):
            mark = MARKS[(start + len(notes)) % len(MARKS)]
            notes.append(text)
            a["text"] = mark
            a["font"] = {**(a.get("font") or {}), "size": 14}
            a["bordercolor"] = "rgba(0,0,0,0)"
            a["bgcolor"] = "rgba(0,0,0,0)"
            a["align"] = "center"
        else:
            raw = re.sub(r"<br\s*/?>", locale(lang).space, str(a.get("text", "")))
            a["text"] = wrap(raw, lang, 34 if is_title else hints.get("wrap", 28))
            a["font"] = {**(a.get("font") or {}), "size": max(MIN_FONT, (a.get("font") or {}).get("size") or MIN_FONT)}
        a["_title"] = is_title
    return notes


def _stack(layout: dict, data: list[dict], panels: list[tuple[str, str]], lang: str, hints: dict, height: float, top: float) -> None:
    """Step 3. Side-by-side panels stacked top to bottom, each the full width, with room under each
    for its ticks, its axis title and the next panel's title; shared y axes show their own ticks;
    annotations and shapes follow their panel."""
    anns = layout.get("annotations", [])
    n = len(panels)
    old_dom = {p: (_domain(layout, p[0]), _domain(layout, p[1])) for p in panels}
    weights = hints.get("panels") or [1.0] * n
    # gap under a panel: its tick labels and axis title, and the next panel's title
    gaps = []
    for i, (x, _y) in enumerate(panels[:-1]):
        tick_lines = 2 if any(t.get("xaxis", "x") == _ref(x) and t.get("type") == "bar" or
                              (t.get("xaxis", "x") == _ref(x) and isinstance((t.get("x") or [0])[0], str)) for t in data) else 1
        xtitle = (layout[x].get("title") or {}).get("text", "")
        nxt = [a for a in anns if a["_title"] and old_dom[panels[i + 1]][1][1] - 0.001 <= a.get("y", -1) <= old_dom[panels[i + 1]][1][1] + 0.001
               and old_dom[panels[i + 1]][0][0] - 0.001 <= a.get("x", -1) <= old_dom[panels[i + 1]][0][1] + 0.001]
        gaps.append(22 + LINE * tick_lines + (LINE * lines(wrap(xtitle, lang, 40)) + 6 if xtitle else 0)
                    + sum(LINE * lines(a["text"]) + 6 for a in nxt))
    legend_px = 30 + LINE * sum(1 for t in data if t.get("showlegend", True) is not False and t.get("name"))
    plot_h = height - top - legend_px - 50
    free = max(0.2, 1 - sum(gaps) / plot_h)
    y1 = 1.0
    new_dom = {}
    for i, p in enumerate(panels):
        h = free * weights[i] / sum(weights)
        new_dom[p] = ([0.0, 1.0], [max(0.0, y1 - h), y1])
        y1 = y1 - h - (gaps[i] / plot_h if i < len(gaps) else 0)
    for p, (xd, yd) in new_dom.items():
        layout.setdefault(p[0], {})["domain"] = xd
        layout.setdefault(p[1], {})["domain"] = [round(yd[0], 4), round(yd[1], 4)]
    # Shared y axes: each stacked panel shows its own tick labels and title.
    for _x, y in panels:
        ax = layout[y]
        if ax.get("matches"):
            ax["showticklabels"] = True
            ref = "yaxis" + ax["matches"][1:]
            if not (ax.get("title") or {}).get("text") and (layout.get(ref, {}).get("title") or {}).get("text"):
                ax["title"] = copy.deepcopy(layout[ref]["title"])
    # Annotations and shapes on a shared y axis follow their x axis's own panel once stacked.
    for item in list(anns) + list(layout.get("shapes") or []):
        xref, yref = str(item.get("xref", "")), str(item.get("yref", ""))
        xkey = "xaxis" + xref.split(" ")[0][1:] if xref.startswith("x") else None
        if not xkey or xkey not in layout or not yref.startswith("y"):
            continue
        own = layout[xkey].get("anchor")
        ykey = "yaxis" + yref.split(" ")[0][1:]
        if own and own != yref.split(" ")[0] and layout.get("yaxis" + own[1:], {}).get("matches") == yref.split(" ")[0] and ykey in layout:
            item["yref"] = own + yref[len(yref.split(" ")[0]):]
    # Paper-referenced annotations (panel titles) move with their panel.
    for a in anns:
        if a.get("xref") != "paper" or a.get("yref") != "paper":
            continue
        for p in panels:
            (ox, oy), (nx, ny) = old_dom[p], new_dom[p]
            if ox[0] - 0.001 <= a["x"] <= ox[1] + 0.001 and oy[0] - 0.001 <= a["y"] <= oy[1] + 0.001:
                a["x"] = nx[0] + (a["x"] - ox[0]) / (ox[1] - ox[0]) * (nx[1] - nx[0])
                a["y"] = ny[0] + (a["y"] - oy[0]) / (oy[1] - oy[0]) * (ny[1] - ny[0])
                if a["_title"]:
                    a["x"], a["xanchor"], a["align"] = 0.0, "left", "left"
                break


def _phone_axes(layout: dict, data: list[dict], xs: list[str], ys: list[str], lang: str) -> None:
    """Step 4. Axes: automargin, wrapped titles, shorter and fewer ticks, category labels wrapped."""
    plot_w = IMAGE_WIDTH - 60  # the plot area's width at phone size, about
    for key in xs + ys:
        ax = layout[key]
        ax["automargin"] = True
        title = ax.get("title") or {}
        if title.get("text"):
            # the author's own line breaks stay (a Chinese title is not split inside a phrase); each line wraps
            parts = re.split(r"<br\s*/?>", str(title["text"]))
            title["text"] = "<br>".join(wrap(plain(part, lang), lang, 40 if key[0] == "x" else 34) for part in parts if part.strip())
            title["font"] = {**(title.get("font") or {}), "size": 13}
        ax["tickfont"] = {**(ax.get("tickfont") or {}), "size": max(MIN_FONT, (ax.get("tickfont") or {}).get("size") or MIN_FONT)}
        if ax.get("type") == "log" and ax.get("tickvals") and ax.get("ticktext"):
            keep = range(len(ax["tickvals"]))
            if len(ax["tickvals"]) > 6:
                # powers of ten and their fives (0.5, 5, 50...), so that a chart over two decades keeps a tick in each half
                keep = [i for i, v in enumerate(ax["tickvals"]) if any(abs(math.log10(v / m) - round(math.log10(v / m))) < 1e-9 for m in (1, 5))]
            ax["tickvals"] = [ax["tickvals"][i] for i in keep]
            ax["ticktext"] = [_short_tick(ax["ticktext"][i], lang) for i in keep]
            ax["tickangle"] = 0
        elif ax.get("tickangle") not in (None, 0):
            ax["tickangle"] = 0
    for x in xs:
        cats = []
        for t in data:
            if t.get("xaxis", "x") == _ref(x) and t.get("orientation") != "h":
                cats += [v for v in (t.get("x") or []) if isinstance(v, str) and v not in cats]
        if cats:
            _category_ticks(layout[x], cats, lang, plot_w)
    for y in ys:
        cats = []
        for t in data:
            # rows of horizontal bars, and points placed on those rows (a claim drawn beside the bars)
            on_rows = t.get("orientation") == "h" or (t.get("type") == "scatter" and layout[y].get("categoryarray"))
            if t.get("yaxis", "y") == _ref(y) and on_rows:
                cats += [v for v in (t.get("y") or []) if isinstance(v, str) and v not in cats]
        if cats and layout[y].get("showticklabels", True) is not False:
            layout[y]["ticktext"] = [wrap(html.unescape(c), lang, 16) for c in cats]
            layout[y]["tickvals"] = cats



def _legend_and_margins(layout: dict, hints: dict, top: float, height: float) -> None:
    """Step 5. The legend below the plot (or, with hint legend="top", above it: the key read before
    the panels it explains), wrapped; margins from automargin."""
    top_legend = hints.get("legend") == "top"
    # one entry a line, wrapped (a page-width legend's entries a fraction of its width each would squeeze them)
    kept = {k: v for k, v in (layout.get("legend") or {}).items() if k not in ("entrywidth", "entrywidthmode")}
    layout["legend"] = {**kept, "orientation": "h", "x": 0, "xanchor": "left",
                        "xref": "container", "yref": "container", "y": 1 if top_legend else 0,
                        "yanchor": "top" if top_legend else "bottom",
                        "font": {"size": MIN_FONT}, "itemwidth": 30}
    layout["margin"] = {"l": 8, "r": 12, "t": top, "b": 8, "pad": 0, **(hints.get("margin") or {})}
    layout["height"] = height


BUTTON_PX = 6.2  # px per Latin character of a 12 px button label (a CJK character counts two)
BUTTON_PAD = 30  # px per button beyond its label: its padding, border and the gap to the next


def _left_margin(layout: dict, lang: str) -> float:
    """The phone plot's left margin, about, as automargin will make it: the first y axis's title lines
    and its widest tick label."""
    ax = layout.get("yaxis") or {}
    title = (ax.get("title") or {}).get("text") or ""
    ticks = [str(t) for t in (ax.get("ticktext") or [])] or ["0.00"]
    shown = ax.get("showticklabels", True) is not False
    return 10 + (LINE * lines(title) if title else 0) + (max(text_width(plain(t, lang)) for t in ticks) * 7 if shown else 0)


def _buttons(layout: dict, lang: str) -> None:
    """Step 6. Buttons in a row if they fit the plot's width (from its left edge, where the row starts,
    to the chart's right edge), else one under the other; either way above the plot."""
    plot_w = STATIC_NARROW_WIDTH - _left_margin(layout, lang) - layout["margin"].get("r", 12)
    for menu in layout.get("updatemenus") or []:
        menu["font"] = {**(menu.get("font") or {}), "size": MIN_FONT}
        labels = [b.get("label", "") for b in menu.get("buttons") or []]
        row = sum(text_width(lb) * BUTTON_PX + BUTTON_PAD for lb in labels)
        down = row > plot_w
        menu.update(direction="down" if down else "right", x=0, xanchor="left", y=1, yanchor="bottom",
                    pad={"l": 0, "r": 0, "t": 0, "b": 6})
        layout["margin"]["t"] = max(layout["margin"]["t"], 14 + 27 * (len(labels) if down else 1))



def _phone_traces(data: list[dict], hints: dict, lang: str) -> None:
    """Step 7. Traces: legend names wrapped, point labels at least MIN_FONT, hinted label positions."""
    for i, t in enumerate(data):
        if t.get("name") and t.get("showlegend", True) is not False:
            t["name"] = "<br>".join(wrap(part, lang, 40) for part in re.split(r"<br\s*/?>", str(t["name"])) if part.strip())
        if t.get("text") is not None or "text" in (t.get("mode") or ""):
            tf = t.get("textfont") or {}
            if (tf.get("size") or MIN_FONT) < MIN_FONT:
                t["textfont"] = {**tf, "size": MIN_FONT}
        pos = (hints.get("text") or {}).get(i)
        if pos is not None:
            t["textposition"] = pos
        angle = (hints.get("textangle") or {}).get(i)
        if angle is not None:
            t["textangle"] = angle
        if hints.get("labels") is False and "text" in (t.get("mode") or ""):
            t["mode"] = t["mode"].replace("+text", "").replace("text+", "")  # values stay in tooltip and table


def narrow(figure: go.Figure, lang: str, hints: dict | None = None, start: int = 0) -> Narrow:
    """The chart at phone width, in named steps. `start`: how many numbered marks the chart itself
    draws (Chart.keys): the notes made here are numbered after them."""
    hints = hints or {}
    wide = figure.to_plotly_json()
    fig = copy.deepcopy(wide)
    layout, data = fig["layout"], fig["data"]
    xs, ys = _axes(layout, "x"), _axes(layout, "y")
    panels = _panels(layout, data, xs)
    side_by_side = len({tuple(_domain(layout, x)) for x, _ in panels}) > 1
    notes = _notes(layout, panels, lang, hints, start)
    anns = layout.get("annotations", [])
    height = hints.get("height") or (460 if not side_by_side else 200 + 260 * len(panels))
    top = 12 + max([LINE * lines(a["text"]) + 4 for a in anns if a["_title"] and a.get("y", 0) >= 0.99] or [0])
    if side_by_side:
        _stack(layout, data, panels, lang, hints, height, top)
    for a in anns:
        a.pop("_title", None)
    _phone_axes(layout, data, xs, ys, lang)
    _legend_and_margins(layout, hints, top, height)
    _buttons(layout, lang)
    _phone_traces(data, hints, lang)
    layout["font"] = {**(layout.get("font") or {}), "size": 13}
    layout["hoverlabel"] = {**(layout.get("hoverlabel") or {}), "font": {**((layout.get("hoverlabel") or {}).get("font") or {}), "size": MIN_FONT},
                            "align": "left"}
    if hints.get("edges", True):
        _labels_inside(data, layout, hints)
    for t in data:  # a label moved to the other side of its mark keeps clear of it there
        if t.get("text") is not None and t.get("textposition") is not None:
            t["text"] = clear_of_marks(t["text"], t["textposition"])
    # what the phone layout changes, trace by trace: the override charts.js applies to the wide spec
    override_data = [{k: v for k, v in new.items() if old.get(k) != v} for old, new in zip(wide["data"], data)]
    return Narrow(figure=fig, override={"layout": layout, "data": override_data}, notes=tuple(notes))
