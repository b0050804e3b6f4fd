"""The site's charts. Each module has an `ID` and `build(story, lang) -> Chart`; ids are part of
public URLs (/charts/<id>/) and never change."""

from __future__ import annotations

from . import (
    arc_agi_cost,
    claims_vs_shipped,
    o3_mini_by_effort,
    o3_mini_elo_cost,
    o3_mini_latency,
    o3_vs_o1,
    refusal_vs_overrefusal,
)

MODULES = [o3_vs_o1, o3_mini_elo_cost, o3_mini_latency, refusal_vs_overrefusal, arc_agi_cost, o3_mini_by_effort, claims_vs_shipped]
CHARTS = {m.ID: m for m in MODULES}


class ChartError(ValueError):
    """A chart cannot be drawn from the data it was given (a record it needs is missing)."""


def build(chart_id: str, story, lang: str):
    try:
        return CHARTS[chart_id].build(story, lang)
    except KeyError as exc:
        raise ChartError(f"chart '{chart_id}' needs the figure {exc}, which data/ does not have") from None
