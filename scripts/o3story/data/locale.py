"""The site's languages as data (locales.yaml beside this file): the one table of locale facts that
code reads instead of spelling languages out ("zh-Hans" if ..., ("zh", "en")).

May import only the standard library and yaml (every room reads it)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import yaml

TABLE = Path(__file__).with_name("locales.yaml")


@dataclass(frozen=True)
class Locale:
    code: str
    html_lang: str
    root: str
    og_locale: str
    plotly_locale: str
    colon: str
    comma: str
    list: str
    semicolon: str
    space: str
    big_numbers: tuple[tuple[int, str], ...]
    chart_font: str

    @property
    def default(self) -> bool:
        """The language served at the site root (the table's first)."""
        return self is LOCALES[0]


def load(path: Path = TABLE) -> tuple[Locale, ...]:
    with open(path, encoding="utf-8") as fh:
        entries = (yaml.safe_load(fh) or {}).get("locales") or []
    names = [f.name for f in fields(Locale)]
    out = []
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict) or set(entry) != set(names):
            got = set(entry) if isinstance(entry, dict) else set()
            raise ValueError(f"{path}: locales[{i}]: needs exactly {names}; missing {sorted(set(names) - got)}, unknown {sorted(got - set(names))}")
        try:
            big = tuple((int(size), str(word)) for size, word in entry["big_numbers"])
        except (TypeError, ValueError):
            raise ValueError(f"{path}: locales[{i}].big_numbers: a list of [size, word] pairs, largest first") from None
        out.append(Locale(**{k: str(entry[k]) for k in names if k != "big_numbers"}, big_numbers=big))
    if not out or [loc.root for loc in out][0] != "" or len({loc.code for loc in out}) != len(out):
        raise ValueError(f"{path}: locales: at least one, unique codes, the first (the default) at the site root")
    return tuple(out)


LOCALES = load()
LANGS = tuple(loc.code for loc in LOCALES)
DEFAULT = LANGS[0]
_BY_CODE = {loc.code: loc for loc in LOCALES}


def locale(code: str) -> Locale:
    return _BY_CODE[code]


def html_lang(code: str) -> str:
    return _BY_CODE[code].html_lang


def code_of(lang_attr: str) -> str | None:
    """The language code whose HTML lang value is `lang_attr` ("zh-Hans" -> the Chinese code), if any."""
    return next((loc.code for loc in LOCALES if loc.html_lang == lang_attr), None)
