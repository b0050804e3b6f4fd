"""Page blocks, grouped by family: each module registers its blocks (registry.block) when imported.

- figures: fig, translated, cards, table, figures, confidence, count
- charts: chart, chart-tools, chart-list, chart-methods
- transcript: credit, transcript, oneline, keypoints, risks
- checks: factcheck, check-count, timeline
- verdicts: scorecard, scorecard-embed, compare, verdicts, verdict-scale, status, caveats, dateline
- ledger: changelog, feed, sources, data-package, dataset
"""

from __future__ import annotations

from o3story.render.blocks import charts, checks, figures, ledger, transcript, verdicts  # noqa: F401  (they register)
from o3story.render.blocks.registry import BLOCKS, block

__all__ = ["BLOCKS", "block"]
