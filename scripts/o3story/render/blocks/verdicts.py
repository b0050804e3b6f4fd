"""Verdicts and the state of things: the claims scorecard and its embed snippet, the claimed ->
measured cards, the verdict groups and scale, the models' status, the caveats and the dateline.
Each calls the module that builds it (render/scorecard.py, render/current.py)."""

from __future__ import annotations

from o3story.render import current, scorecard, scorecard_embed
from o3story.render.blocks.registry import block
from o3story.render.context import PageContext

block("scorecard")(scorecard.scorecard)
block("compare")(scorecard.compare)
block("verdicts")(scorecard.verdicts)
block("verdict-scale")(scorecard.verdict_scale)
block("status")(current.status)
block("caveats")(current.caveats)
block("dateline")(current.dateline)


@block("scorecard-embed")
def scorecard_embed_snippet(ctx: PageContext, args: list[str]) -> str:
    return scorecard_embed.snippet_block(ctx.site_url, ctx.story, ctx.lang)
