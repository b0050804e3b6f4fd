"""A chart as a picture to download or share: the plot without its controls, its title on top and a
footer band (source, site, licence) at the bottom, laid out in pixels so that nothing overlaps.

plotly has no footer and places annotations and shapes only relative to the plot area, whose bottom
moves with whatever pushes the bottom margin (tick labels, axis titles, the legend). Its top does
not: the top margin is ours (no automargin there: no buttons, no legend above the plot, the title
laid out in `title_px`). So the footer is anchored to the plot's top edge (paper y=1) and moved down
by a fixed number of pixels (`yshift`, or a pixel-sized shape for the band): it lands at the same
pixels whatever the plot's height. The legend is placed in container coordinates just above the
band; plotly reserves its room in the bottom margin and stacks the axis labels above it.

Horizontally the same holds for the plot's right edge: the right margin is ours (`RIGHT`, room
for half of the last tick label, or the chart's own right margin when wider: values labelled beside
their marks at the axis' end; nothing else pushes it), while the left one grows with the y axes'
labels. So the title and the footer are anchored to the plot's right edge (paper x=1) and moved left
by a fixed number of pixels (`xshift`), to start `pad` pixels from the picture's left edge; the legend
is placed there in container coordinates.
"""

from __future__ import annotations

import copy
import html
from dataclasses import dataclass

import plotly.graph_objects as go

from o3story.render.charts.base import font as chart_font, text_width, wrap

LINE = 1.3  # plotly's line height, in ems (for <br>-separated lines)
LATIN_EM = 0.56  # the width of an average Latin character, in ems (a CJK character counts two: base.text_width)
INK = "#1f2328"
MUTED = "#4b5563"
BAND = "#f1f3f5"
RULE = "#d0d7de"


@dataclass(frozen=True)
class Size:
    """One picture format: its pixel size (height None: the chart's own height plus title and footer) and type sizes."""

    width: int
    height: int | None
    title: int  # title font size, px
    footer: int  # footer font size, px
    font: int | None = None  # the chart's base font size (None: the chart's own)
    scale: int = 2  # PNG pixels per layout pixel
    pad: int = 16  # around the title and the footer's text


# The download's type: larger than the page's, for a picture that is shown small (a column in an
# article, a slide): the chart's own text grows by DOWNLOAD_GROW (its base font and every explicit size),
# and the title and the footer are larger too.
DOWNLOAD_GROW = 1.3
BASE_FONT = 13  # the charts' own base font size (charts.base.base_layout)
DOWNLOAD = Size(width=960, height=None, title=26, footer=16, font=round(BASE_FONT * DOWNLOAD_GROW))
CARD = Size(width=1200, height=675, title=30, footer=16, font=15, scale=1, pad=20)
RIGHT = 40  # the right margin: half of a tick label at the x axis' end fits in it
# The font of the band's invisible dot (below): the dot's height is its font's line height, which is what
# reserves the band, and its size (the band's height / 1.25) is worked out for this font's line height,
# whatever the language's own fonts (a Latin font's line is shorter, and the axis labels fell into the band).
DOT_FONT = "'Noto Sans CJK SC', sans-serif"


def lines(text: str, lang: str, size_px: int, width_px: int) -> list[str]:
    """`text` broken into lines that fit `width_px` at `size_px` (plotly does not wrap), unescaped."""
    per_line = max(10, int(width_px / (LATIN_EM * size_px)))
    return wrap(text, lang, per_line).split("<br>")


def text_px(line: str, size_px: int) -> float:
    """An upper estimate of a line's width."""
    return text_width(line) * LATIN_EM * size_px


@dataclass(frozen=True)
class Layout:
    """The pixel arithmetic, kept so that tests can check it."""

    width: int
    height: int
    top: int  # the plot's top edge = the top margin
    band: int  # the footer band's height, at the bottom
    title_lines: tuple[str, ...]
    footer_lines: tuple[str, ...]


def layout_for(title: str, footer: list[str], lang: str, size: Size, plot_height: int, above: float = 0) -> Layout:
    """`above`: the height of what the chart itself puts above its plot area (subplot titles)."""
    text_w = size.width - 2 * size.pad
    t_lines = tuple(lines(title, lang, size.title, text_w))
    f_lines = tuple(ln for part in footer for ln in lines(part, lang, size.footer, text_w))
    # 14: room for the top tick label, or for what sits above the plot
    top = round(size.pad + len(t_lines) * size.title * LINE + size.pad + max(14, above + 6))
    band = round(size.pad * 0.75 * 2 + len(f_lines) * size.footer * LINE)
    height = size.height or (plot_height + top + band)
    return Layout(size.width, height, top, band, t_lines, f_lines)


def above_plot(fig: go.Figure, font_size: int) -> float:
    """The height of the annotations a chart puts just above its plot area (paper y >= 1, like subplot titles)."""
    tallest = 0.0
    for a in fig.layout.annotations:
        if a.yref == "paper" and a.y is not None and a.y >= 1 and a.yanchor in (None, "auto", "bottom"):
            n = (a.text or "").count("<br>") + 1
            tallest = max(tallest, n * (a.font.size or font_size) * LINE + (a.yshift or 0))
    return tallest


def _esc(line: str) -> str:
    return html.escape(line, quote=False)


def frame(figure: go.Figure, title: str, footer: list[str], lang: str, size: Size) -> go.Figure:
    """The figure framed: title above, footer band below, no controls, light theme, fixed size."""
    fig = go.Figure(copy.deepcopy(figure))
    fig.layout.updatemenus = ()  # no buttons in a picture (update_layout(updatemenus=[]) would keep them)
    fig.layout.sliders = ()
    right = max(RIGHT, int(figure.layout.margin.r or 0))
    base = fig.layout.height or 460
    font = dict(family=chart_font(lang), color=INK)
    if size.font:
        font["size"] = size.font
    if size.font:  # larger type (a card, a download): the chart's own explicit sizes grow in proportion
        grow = size.font / BASE_FONT
        for a in fig.layout.annotations:
            if a.font.size:
                a.font.size = round(a.font.size * grow)
        for tr in fig.data:
            if getattr(tr, "textfont", None) is not None and tr.textfont.size:
                tr.textfont.size = round(tr.textfont.size * grow)
        for key in list(fig.layout.to_plotly_json()):  # the axes' tick labels and titles
            if key.startswith(("xaxis", "yaxis")):
                axis = fig.layout[key]
                if axis.tickfont.size:
                    axis.tickfont.size = round(axis.tickfont.size * grow)
                if axis.title.font.size:
                    axis.title.font.size = round(axis.title.font.size * grow)
        if fig.layout.legend.font.size:
            fig.layout.legend.font.size = round(fig.layout.legend.font.size * grow)
    # A y axis' title of two lines: plotly keeps its first line clear of the tick labels, and the second,
    # nearer them, met them in the downloads (the refusal chart's "→ more jailbreak-robust"): it stands off
    # by a line more.
    for key in list(fig.layout.to_plotly_json()):
        if key.startswith("yaxis") and "<br>" in (fig.layout[key].title.text or ""):
            axis = fig.layout[key]
            extra = axis.title.text.count("<br>") * (axis.title.font.size or size.font or fig.layout.font.size or BASE_FONT) * LINE
            axis.title.standoff = round((axis.title.standoff or 0) + extra)
    lay = layout_for(title, footer, lang, size, base - (fig.layout.margin.t or 0),
                     above_plot(fig, size.font or fig.layout.font.size or 13))
    W, H = lay.width, lay.height
    fig.update_layout(
        width=W, height=H, autosize=False,
        meta=dict(o3_top=lay.top, o3_band=lay.band),  # the pixel layout, for tests to check the drawing against
        paper_bgcolor="#ffffff", plot_bgcolor="#ffffff", font=font,
        # plotly's title, at the bottom in container coordinates, reserves the band's height there (automargin):
        # the axis labels then stack above the band even when there is no legend. It is a transparent dot
        # sized to the band (a multi-line title anchored at the bottom is misplaced; the text is drawn below).
        title=dict(text=".", xref="container", x=0, xanchor="left", yref="container", y=0, yanchor="bottom",
                   pad=dict(b=0, t=0, l=0), automargin=True,
                   font=dict(size=round(lay.band / 1.25), color="rgba(0,0,0,0)", family=DOT_FONT),
                   subtitle=dict(text="")),
        margin=dict(t=lay.top, r=right, b=lay.band),
        # Just above the band, anchored at its bottom: plotly keeps the plot and its axis labels above it.
        legend=dict(xref="container", x=size.pad / W, xanchor="left", yref="container", y=(lay.band + 8) / H, yanchor="bottom",
                    orientation="h", font=dict(color=INK), bgcolor="rgba(0,0,0,0)", traceorder="normal"),
    )
    # The title: its box's top `pad` pixels below the picture's top, i.e. (top - pad) above the plot's top edge.
    if any(lay.title_lines):
        fig.add_annotation(xref="paper", yref="paper", x=1, y=1, xanchor="left", yanchor="top", align="left", showarrow=False,
                           xshift=size.pad - (W - right), yshift=lay.top - size.pad, text="<br>".join(_esc(ln) for ln in lay.title_lines),
                           font=dict(size=size.title, color=INK, family=chart_font(lang)), name="o3:title")
    # The band: from the plot's top edge, down by (H - top - band) pixels, to the bottom; the whole width.
    below_top = H - lay.top
    fig.add_shape(type="rect", xref="paper", yref="paper", xsizemode="pixel", ysizemode="pixel", xanchor=1, yanchor=1,
                  x0=-W, x1=right, y0=-below_top, y1=-(below_top - lay.band), fillcolor=BAND, line=dict(width=0),
                  layer="below", name="o3:footer-band")
    fig.add_shape(type="line", xref="paper", yref="paper", xsizemode="pixel", ysizemode="pixel", xanchor=1, yanchor=1,
                  x0=-W, x1=right, y0=-(below_top - lay.band), y1=-(below_top - lay.band), line=dict(color=RULE, width=1),
                  name="o3:footer-rule")
    # The footer's text, `pad` pixels from the left and 3/4 pad below the band's top edge.
    fig.add_annotation(
        xref="paper", yref="paper", x=1, y=1, xanchor="left", yanchor="top", align="left", showarrow=False,
        xshift=size.pad - (W - right), yshift=-(below_top - lay.band + round(size.pad * 0.75)),
        text="<br>".join(_esc(ln) for ln in lay.footer_lines), font=dict(size=size.footer, color=MUTED, family=chart_font(lang)),
        name="o3:footer",
    )
    fig.update_xaxes(gridcolor="#e5e5e5", linecolor="#888888")
    fig.update_yaxes(gridcolor="#e5e5e5", linecolor="#888888")
    return fig


ACCENT = "#3f51b5"  # the site's primary colour (Material's indigo)


def title_card(kicker: str, title: str, text: str, footer: list[str], lang: str, size: Size = CARD) -> go.Figure:
    """A card for a page without a chart: the site's name, the page's title and description, and the
    footer band, nothing else. Text is placed from the top edge in pixels, as in `frame`."""
    fig = go.Figure(layout=dict(height=size.height, margin=dict(l=size.pad, t=0, b=0)))
    fig.update_xaxes(visible=False, range=[0, 1])
    fig.update_yaxes(visible=False, range=[0, 1])
    fig = frame(fig, "", footer, lang, size)
    top = layout_for("", footer, lang, size, 0).top  # the plot's top edge, as frame laid it out
    width = size.width - size.pad * 4
    big, small = round(size.title * 1.5), round(size.footer * 1.35)
    blocks = [  # (text lines, font size, colour, bold)
        (lines(kicker, lang, size.footer, width), size.footer + 2, ACCENT, True),
        (lines(title, lang, big, width), big, INK, True),
        (lines(text, lang, small, width), small, MUTED, False),
    ]
    y = size.pad * 3  # pixels from the picture's top
    for i, (block, font_size, colour, bold) in enumerate(blocks):
        body = "<br>".join(f"<b>{_esc(ln)}</b>" if bold else _esc(ln) for ln in block)
        fig.add_annotation(xref="paper", yref="paper", x=1, y=1, xanchor="left", yanchor="top", align="left", showarrow=False,
                           xshift=size.pad - (size.width - RIGHT), yshift=top - y, text=body,
                           font=dict(size=font_size, color=colour, family=chart_font(lang)), name=f"o3:card-{i}")
        y += round(len(block) * font_size * LINE) + size.pad * (2 if i == 0 else 1.5)
    return fig
