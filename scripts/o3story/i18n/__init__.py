"""UI strings for generated content: one table per language, the same keys in each."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

HERE = Path(__file__).parent
LANGS = ("zh", "en")


@cache
def table(lang: str) -> dict[str, str]:
    with open(HERE / f"{lang}.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def t(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang`, with {placeholders} filled in."""
    text = table(lang)[key]
    return text.format(**values) if values else text
