"""UI strings of generated content: one folder per language (`i18n/zh/`, `i18n/en/`), the same
keys in each. A folder may hold several files (ui.yaml, one per chart); keys are unique across them."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import yaml

from o3story.data.locale import LANGS, LOCALES

HERE = Path(__file__).parent
__all__ = ["LANGS", "LANG_ROOT", "has", "t", "table"]
# Where each language's pages lie, from the site root.
LANG_ROOT = {loc.code: loc.root for loc in LOCALES}


@cache
def table(lang: str) -> dict[str, str]:
    merged: dict[str, str] = {}
    for path in sorted((HERE / lang).glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            part = yaml.safe_load(fh) or {}
        clash = set(part) & set(merged)
        if clash:
            raise ValueError(f"{path}: keys defined twice in i18n/{lang}: {sorted(clash)}")
        merged.update(part)
    return merged


def t(lang: str, key: str, **values: object) -> str:
    """The string `key` in `lang`, with {placeholders} filled in."""
    text = table(lang)[key]
    return text.format(**values) if values else text


def has(lang: str, key: str) -> bool:
    return key in table(lang)
