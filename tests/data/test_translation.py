"""The English translation keeps the Chinese's numbers where the transcript page can link them."""

from __future__ import annotations

from o3story.data import claims
from o3story.render.context import PageContext

# (turn, paragraph, number): a number the English cannot carry as written, with why.
NOT_IN_ENGLISH = {
    (62, 1, "1"): "the month of 1月10日, which English writes as a name (January 10)",
}


def test_every_linked_number_is_found_in_the_aligned_english_paragraph(story):
    spans, _ = claims.link(story.transcript, list(story.data.figures), list(story.data.checks), list(story.data.unlinked))
    renderer = PageContext(story, "en", "en/transcript/")
    by_para: dict[tuple[int, int], list] = {}
    for sp in spans:
        by_para.setdefault((sp.turn, sp.paragraph), []).append(sp)
    lost = []
    for (turn, p), zh in sorted(by_para.items()):
        english = story.translation.turn(turn).paragraphs[p]
        missing = [sp.text for sp in zh]
        for sp in renderer.english_spans(english, zh):
            missing.remove(sp.text)
        lost += [(turn, p, token) for token in missing if (turn, p, token) not in NOT_IN_ENGLISH]
    assert not lost, f"numbers of the Chinese not found, in order, in the English paragraph: {lost}"


def test_the_exemptions_are_still_needed(story):
    for (turn, p, token) in NOT_IN_ENGLISH:
        assert token in story.transcript.turns[turn - 1].paragraphs[p]
        assert token not in [t for _, _, t in claims.numbers(story.translation.turn(turn).paragraphs[p])]
