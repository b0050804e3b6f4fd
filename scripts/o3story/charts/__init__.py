"""The site's charts. Each module has an `ID` and `build(story, lang) -> Chart`; ids are part of
public URLs (/charts/<id>/) and never change."""

from __future__ import annotations

from . import o3_vs_o1

MODULES = [o3_vs_o1]
CHARTS = {m.ID: m for m in MODULES}


def build(chart_id: str, story, lang: str):
    return CHARTS[chart_id].build(story, lang)
