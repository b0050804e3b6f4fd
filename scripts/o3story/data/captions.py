"""OpenAI's video captions (data/transcript/captions.en.txt): the English words of the livestream.

The file is YouTube's automatic English captions with one mark per minute ("[00:07]"). A `said` field
quotes them verbatim, with corrections in [brackets] after misheard words; `find` checks such a quote
and tells the minute it starts in. Runs of white space (caption line breaks) count as one space.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from o3story.data.errors import DataError, DataErrors

MARK = re.compile(r"^\[(\d\d):(\d\d)\]$")
CORRECTION = re.compile(r"\s*\[[^\]]*\]")
VIDEO = "https://www.youtube.com/watch?v=SKBG1sqdyIU"


UNIT = re.compile(r"([^\s\[]+)((?:\s*\[[^\]]*\])*)")


def words(text: str) -> str:
    """A quotation as the captions hold it: corrections in [brackets] left out, white space folded."""
    return " ".join(CORRECTION.sub("", text).split())


def units(text: str) -> list[tuple[str, str]]:
    """A quotation word by word, each with the corrections in [brackets] that follow it."""
    return [(w, " ".join(c.split())) for w, c in UNIT.findall(text)]


def other_corrections(short: str, long: str) -> bool | None:
    """Whether `short`, whose words lie inside `long`'s, brackets them otherwise wherever they stand
    there; None when its words do not lie inside `long`'s."""
    a, b = units(short), units(long)
    n = len(a)
    spans = [i for i in range(len(b) - n + 1) if [w for w, _ in b[i:i + n]] == [w for w, _ in a]]
    return None if not spans else all(b[i:i + n] != a for i in spans)


def readings(records, figures, sources: dict) -> list:
    """(text, where, field) of every quotation of the captions in the data: each `said`, and each quote of
    a figure from the video."""
    out = [(rec.said.en, where, ("said", "en")) for rec, where in records if getattr(rec, "said", None) is not None]
    out += [(fig.quote, where, ("quote",)) for fig, where in figures
            if fig.quote and sources.get(fig.source) is not None and sources[fig.source].kind == "video"]
    return out


@dataclass(frozen=True)
class Captions:
    text: str  # every caption line, folded into one line of words
    minutes: tuple[tuple[int, int], ...]  # (offset in text, minute) of each minute mark

    def find(self, quote: str) -> int | None:
        """The minute in which `quote` (corrections left out) starts, or None if it is not verbatim here."""
        at = self.text.find(words(quote))
        if at < 0 or not words(quote):
            return None
        return max((m for off, m in self.minutes if off <= at), default=0)


def load(path: Path, name: str) -> Captions:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise DataErrors([DataError(name, 1, "(file)", f"cannot read: {exc}")]) from None
    parts: list[str] = []
    minutes: list[tuple[int, int]] = []
    size = 0
    for line in lines:
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        mark = MARK.match(line)
        if mark:
            minutes.append((size, int(mark[1]) * 60 + int(mark[2])))
            continue
        parts.append(line)
        size += len(line) + 1
    if not minutes:
        raise DataErrors([DataError(name, 1, "(file)", "no minute marks ('[00:00]') found")])
    return Captions(" ".join(parts), tuple(minutes))
