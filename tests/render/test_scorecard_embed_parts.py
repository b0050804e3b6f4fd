"""The scorecard embed's pure parts: its sizing estimate and its oEmbed document (no browser)."""

from __future__ import annotations

import pytest

from o3story.render import scorecard_embed
from o3story.render.embed import text_lines


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_frame_is_taller_in_a_narrower_column_and_the_style_steps_with_it(story, lang):
    heights = [scorecard_embed.frame_height(story, lang, col) for col in (288, 328, 368, 448, 568, 752)]
    assert heights == sorted(heights, reverse=True) and heights[-1] > 200
    style = scorecard_embed.frame_style(story, lang)
    assert style.startswith(f"border:0;height:calc({heights[0]}px")


def test_a_box_narrower_than_a_character_is_an_error_not_an_endless_loop():
    with pytest.raises(ValueError, match="cannot hold"):
        text_lines("word", -40, 14)
    assert text_lines("a b c", 1000, 14) == 1


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_oembed_document_is_the_snippet(story, lang):
    doc = scorecard_embed.oembed(story, lang, "https://example.org/site/")
    assert doc["type"] == "rich" and doc["html"] == scorecard_embed.snippet("https://example.org/site/", story, lang)
    # the frame's address is the embed in the document's language: /embed/scorecard/ or /en/embed/scorecard/
    assert f'src="https://example.org/site/{"en/" if lang == "en" else ""}embed/scorecard/?lang={lang}&' in doc["html"]
    assert str(len(story.data.claims)) in doc["title"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_sources_summary_counts_the_publishers_it_names(story, lang):
    """"14 sources from 6 publishers: OpenAI, …": the names are publishers, each once, without the
    qualifier that says where one published ("OpenAI (YouTube)", "OpenAI (arXiv)" are OpenAI), and the
    label counts them."""
    from o3story.data.locale import locale
    from o3story.render import templating
    from o3story.render.i18n import t

    s = scorecard_embed.section(story, lang, lang)
    names = s["publishers"].split(locale(lang).list)
    assert len(set(names)) == len(names) and all(templating.unqualified(n) == n for n in names), names
    assert "OpenAI" in names and len(s["sources"]) > len(names)
    assert s["sources_label"] == t(lang, "embed.sources_from", n=len(s["sources"]), m=len(names))
