"""The project's English translation of the transcript, aligned paragraph by paragraph."""

from __future__ import annotations

import re

from pathlib import Path
from typing import Annotated

from pydantic import Field, ValidationError

from o3story.data.errors import DataError, DataErrors
from o3story.data.load import Where, pydantic_errors, read_yaml
from o3story.data.model import Record, Str
from o3story.data.transcript import Transcript

LANG = "en"  # the language of the project's translation (a code of data/locales.yaml)


class PointEn(Record):
    label: Str
    text: Str


class SummaryEn(Record):
    one_line: Str
    key_points: list[PointEn]
    risks: list[PointEn]


class TurnEn(Record):
    n: Annotated[int, Field(ge=1)]
    speaker: Str
    paragraphs: list[Str]


class Translation(Record):
    title: Str
    summary: SummaryEn
    preamble: list[Str]
    turns: list[TurnEn]

    def turn(self, n: int) -> TurnEn:
        return self.turns[n - 1]


def load_translation(path: Path, name: str) -> tuple[Translation, Where]:
    data, lines = read_yaml(path, name)
    where = Where(name, (), lines)
    if not isinstance(data, dict):
        raise DataErrors([DataError(name, 1, "(file)", "must be a mapping")])
    try:
        return Translation.model_validate(data), where
    except ValidationError as exc:
        raise DataErrors(list(pydantic_errors(exc, where, Translation))) from None


MARKER = re.compile(r"^(\*|\d+\.)\s+")  # the article's Markdown before an outline line: a list item, a numbered line


MARKS = {"item": "a list item (*)", "numbered": "a numbered line (1.)", "": "a plain line"}


def marker(line: str) -> str:
    """An outline line's Markdown mark: "item" (a bullet), "numbered" (1.) or "" (a plain line)."""
    m = MARKER.match(line)
    return "" if not m else "item" if m.group(1) == "*" else "numbered"


def check_alignment(tr: Translation, where: Where, zh: Transcript) -> list[DataError]:
    """Same number of parts and paragraphs as the Chinese, so the two can sit side by side."""
    errors = []

    def count(field: tuple, got: int, want: int) -> None:
        if got != want:
            errors.append(where.error(f"has {got} entries, the Chinese has {want}", *field))

    count(("summary", "key_points"), len(tr.summary.key_points), len(zh.key_points))
    count(("summary", "risks"), len(tr.summary.risks), len(zh.risks))
    count(("preamble",), len(tr.preamble), len(zh.preamble))
    for i, (en, cn) in enumerate(zip(tr.preamble, zh.preamble)):  # the outline's lists stand side by side
        if marker(en) != marker(cn):
            errors.append(where.error(f"{MARKS[marker(en)]} where the Chinese has {MARKS[marker(cn)]}: each outline line keeps"
                                      " the Chinese line's Markdown mark", "preamble", i))
    count(("turns",), len(tr.turns), len(zh.turns))
    for i, (en, cn) in enumerate(zip(tr.turns, zh.turns)):
        if en.n != cn.n:
            errors.append(where.error(f"turn number {en.n}, expected {cn.n}", "turns", i, "n"))
        elif len(en.paragraphs) != len(cn.paragraphs):
            errors.append(where.error(f"turn {cn.n} has {len(en.paragraphs)} paragraphs, the Chinese has {len(cn.paragraphs)}", "turns", i, "paragraphs"))
    return errors
