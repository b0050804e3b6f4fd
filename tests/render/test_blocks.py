"""Page blocks (render/blocks/): one registered function per placeholder, grouped by family."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from o3story.data.placeholders import TOKEN
from o3story.render import blocks, charts
from o3story.render.blocks import registry
from o3story.render.pages import chart_page

ROOT = Path(__file__).resolve().parents[2]
FAMILIES = ("charts", "checks", "figures", "ledger", "transcript", "verdicts")


def used_names(story) -> set[str]:
    texts = [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")]
    texts += [chart_page(next(iter(charts.CHARTS)), "en", story)]
    return {m["name"] for text in texts for m in TOKEN.finditer(text)}


def test_every_placeholder_the_pages_use_is_a_block_and_every_block_is_used(story):
    used = used_names(story)
    assert used - set(blocks.BLOCKS) == set()
    # `fig` and `translated` also stand in data texts, rendered by the context; `cards` is there for
    # authors (no page shows it today; test_pages renders it); every other block is on a page
    assert set(blocks.BLOCKS) - used - {"fig", "translated", "cards"} == set()


def test_each_family_registers_its_blocks_in_its_own_module():
    by_module = {fn.__module__.rsplit(".", 1)[-1] for fn in blocks.BLOCKS.values()}
    own = {fn.__module__.rsplit(".", 1)[-1] for name, fn in blocks.BLOCKS.items()
           if fn.__module__.startswith("o3story.render.blocks.")}
    assert set(FAMILIES) - {"verdicts"} <= own
    assert by_module <= set(FAMILIES) | {"scorecard", "current"}  # verdicts registers render/scorecard.py's and current.py's
    listed = set(re.findall(r"^- (\w+):", blocks.__doc__, flags=re.M))
    assert listed == set(FAMILIES)


def test_a_block_registered_twice_is_an_error(monkeypatch):
    monkeypatch.setattr(registry, "BLOCKS", {})
    registry.block("x")(lambda ctx, args: "")
    with pytest.raises(ValueError, match="'x' registered twice"):
        registry.block("x")(lambda ctx, args: "")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_count_gives_the_sources_the_figures_cite_and_then_all_sources(story, lang):
    """The methods page's first line: the sources behind the figures (28 of 39 on 2026-12-07; it said
    "197 figures from 39 sources", counting sources that back only timeline rows and checks)."""
    import html

    from o3story.render.pages import render

    cited = {f.source for f in story.data.figures}
    assert len(cited) < len(story.data.sources)  # else this test checks the short form only
    out = html.unescape(render("{{ count }}", lang, story, ""))
    numbers = [int(n) for n in re.findall(r"\d+", out)]
    assert numbers == [len(story.data.figures), len(cited), len(story.data.sources)], out
    # what the line says of the others: each backs a timeline row, a check or a caveat, or is what an
    # audit changed a record's source from
    data = story.data
    backing = {e.source for e in data.events} | {s for c in data.checks for s in c.sources} | {c.source for c in data.caveats}
    replaced = {c.was for a in data.audits for c in a.changes if c.field == "source" and c.was}
    assert {s.id for s in data.sources} - cited - backing - replaced == set()
