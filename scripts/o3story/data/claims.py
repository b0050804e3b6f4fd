"""Numbers that speakers state, linked to the records and fact-checks that concern them.

A number in a speaker turn is *linked* when a figure sourced to the transcript quotes the text
around it and has the same value, or when a fact-check quotes it; otherwise it must be listed in
data/transcript/unlinked.yaml with a reason. Pure functions over the loaded story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from o3story.data.errors import DataError
from o3story.data.model import Check, Figure
from o3story.data.transcript import Transcript

# A number as a speaker says it: 71.7%, 1891, 2727. Digits glued to letters are names (o1, GPT-4o, O2).
NUMBER = re.compile(r"(?<![A-Za-z0-9\-])(?<!\d\.)\d+(?:\.\d+)?%?(?![A-Za-z0-9])")


@dataclass(frozen=True)
class Span:
    turn: int
    paragraph: int
    start: int
    end: int
    text: str
    figure: str | None = None  # a figure id, or
    check: str | None = None  # a fact-check id, or
    unlinked: str | None = None  # the id of the unlinked.yaml entry that explains why not


def numbers(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(0)) for m in NUMBER.finditer(text)]


def _as_number(token: str) -> float:
    return float(token.rstrip("%"))


def _quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


def link(transcript: Transcript, figures: list[Figure], checks: list[Check], unlinked: list) -> tuple[list[Span], list[tuple[int, int, str]]]:
    """Every number in every speaker turn, with what it links to. Also returns the numbers that
    nothing covers, as (turn, paragraph, token)."""
    spans, missing = [], []
    for turn in transcript.turns:
        for p, text in enumerate(turn.paragraphs):
            for start, end, token in numbers(text):
                def covers(quote: str) -> bool:  # called at once, inside this iteration
                    return any(a <= start and end <= b for a, b in _quote_spans(text, quote))  # noqa: B023

                fig = next(
                    (f for f in figures if (f.transcript or f.quote) and f.confidence != "derived" and covers(f.transcript or f.quote)
                     and abs(f.value - _as_number(token)) < 1e-9),
                    None,
                )
                check = None if fig else next((c for c in checks if covers(c.quote)), None)
                why = None if (fig or check) else next((u for u in unlinked if covers(u.quote) and u.number == token), None)
                if fig or check or why:
                    spans.append(Span(turn.n, p, start, end, token, fig.id if fig else None, check.id if check else None, why.id if why else None))
                else:
                    missing.append((turn.n, p, token))
    return spans, missing


def missing_errors(missing: list[tuple[int, int, str]], transcript: Transcript, name: str) -> list[DataError]:
    by_n = {t.n: t for t in transcript.turns}
    return [
        DataError(name, by_n[n].line_of(p), f"turns[{n - 1}].paragraphs[{p}]",
                  f"the number '{token}' links to no figure or fact-check and is not listed in transcript/unlinked.yaml")
        for n, p, token in missing
    ]
