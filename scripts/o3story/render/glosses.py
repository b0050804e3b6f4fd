"""The project's English beside the transcript's Chinese words: found, never made up, in the aligned
translation (data/transcript/en.yaml)."""

from __future__ import annotations

import re

from o3story.data import claims
from o3story.data.story import Story
from o3story.data.translation import MARKER

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def translation(story: Story, quote: str) -> str | None:
    """This project's English for a transcript quote: the sentence of the aligned English paragraph
    that holds every number of the quote (as numbers, so "85%" is not found in "85.7%"), or the whole
    paragraph when no single sentence does. Verbatim from data/transcript's translation, never made up."""
    tr = story.transcript
    turn = tr.turn_with(quote)
    if turn is None:
        return summary_translation(story, quote) or outline_translation(story, quote)
    index = next((i for i, p in enumerate(turn.paragraphs) if quote in p), None)
    if index is None:  # the quote spans paragraphs: no single paragraph translates it
        return None
    paragraph = story.translation.turn(turn.n).paragraphs[index]
    wanted = {token for _, _, token in claims.numbers(quote)}
    if wanted:
        matching = [s for s in _SENTENCE.split(paragraph) if wanted <= {tok for _, _, tok in claims.numbers(s)}]
        if len(matching) == 1:
            return matching[0]
    return paragraph


def summary_translation(story: Story, quote: str) -> str | None:
    """The project's English for words of the transcript article's summary: the whole aligned line
    (the one-line summary, a key point or a risk) that holds them."""
    zh, en = story.transcript, story.translation.summary
    pairs = [(zh.one_line, en.one_line)]
    pairs += [(f"{p.label}：{p.text}", f"{q.label}: {q.text}") for p, q in zip(zh.key_points, en.key_points)]
    pairs += [(f"{p.label}：{p.text}", f"{q.label}: {q.text}") for p, q in zip(zh.risks, en.risks)]
    return next((e for z, e in pairs if quote in z), None)


def outline_translation(story: Story, quote: str) -> str | None:
    """The project's English for words of the article's outline (its lists between the video link and the
    turns): the aligned line that holds them, without its Markdown (a list item's bullet)."""
    zh, en = story.transcript.preamble, story.translation.preamble
    return next((MARKER.sub("", e) for z, e in zip(zh, en) if quote in z), None)
