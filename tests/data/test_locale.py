"""Languages as data: one table of locale facts (scripts/o3story/data/locales.yaml) that the code
reads, in step with the generator's configuration, the UI strings and the data model; a bad table
is an error naming the file and the entry."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from o3story.data import locale
from o3story.data.model import Text

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "scripts" / "o3story"


class _Loader(yaml.SafeLoader):
    pass


# mkdocs.yml uses !!python/name tags (Material's emoji extension): read them as plain strings.
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: suffix)
_Loader.add_constructor("!ENV", lambda loader, node: None)


def test_the_generator_builds_the_languages_of_the_table_with_the_same_default():
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    built = [lang["locale"] for lang in i18n["languages"] if lang.get("build", True)]
    assert built == list(locale.LANGS)
    assert [lang["locale"] for lang in i18n["languages"] if lang.get("default")] == [locale.DEFAULT]


def test_every_language_has_its_strings_and_every_text_carries_it():
    assert sorted(p.name for p in (PACKAGE / "render" / "i18n").iterdir() if p.is_dir() and not p.name.startswith("_")) == sorted(locale.LANGS)
    assert list(Text.model_fields) == list(locale.LANGS)


def test_the_default_lies_at_the_site_root_and_the_others_in_their_own_folder():
    assert locale.locale(locale.DEFAULT).root == "" and locale.locale(locale.DEFAULT).default
    for loc in locale.LOCALES[1:]:
        assert loc.root == f"{loc.code}/" and not loc.default


# Facts the table holds, spelled out in code: each a defect (a language added to the table would be
# missed there). Words inside a docstring or a comment are not code.
SPELLED = re.compile(r'"zh-Hans"|"zh_CN"|"en_US"|"zh-CN"|\("zh", "en"\)|\("en", "zh"\)|lang (?:==|!=) "(?:zh|en)"')
# Where a language is named for what it is, not as a locale: the transcript is Chinese and its
# translation English (data/transcript.py, data/translation.py LANG); a text's script decides its lang
# (model.text_lang); English first in the Zenodo description; full-width vs Latin character widths.
KNOWN = {
    "data/model.py": "text_lang: a text's script (CJK or Latin) decides its HTML lang",
    "render/release.py": "the Zenodo description puts English first",
    "render/scorecard_embed.py": "the width of a chip in full-width or Latin characters",
    "render/source_text.py": "title_en: a source's title in English, the translation's language",
    "render/explorer.py": "a quote's gloss in English, the translation's language",
    "site/quotes.py": "the quote audit reads the Chinese transcript and the English translation",
}


def code_lines(path: Path) -> list[tuple[int, str]]:
    """The lines of code, without docstrings (one ends on the line that holds its closing quotes,
    wherever they stand on it) and comments."""
    out, in_doc = [], False
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        stripped, quotes = line.strip(), line.count('"""') + line.count("'''")
        if in_doc:
            in_doc = quotes % 2 == 0
            continue
        if stripped.startswith(('"""', "'''")):
            in_doc = quotes % 2 == 1
            continue
        if stripped.startswith("#"):
            continue
        out.append((n, line.split("  #")[0]))
        in_doc = quotes % 2 == 1  # a string of several lines opened on a line of code
    return out


def test_no_locale_fact_is_spelled_out_in_code():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()
        if rel in KNOWN:
            continue
        found += [f"{rel}:{n}: {line.strip()}" for n, line in code_lines(path) if SPELLED.search(line)]
    assert not found, "read these from data/locale.py instead:\n" + "\n".join(found)


def test_every_known_place_still_names_a_language():
    stale = [rel for rel in KNOWN if not any(SPELLED.search(line) for _, line in code_lines(PACKAGE / rel))]
    assert not stale, f"KNOWN entries that no longer name a language (remove them): {stale}"


def test_the_checker_finds_a_spelled_out_fact(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text('x = "zh-Hans" if lang == "zh" else "en"\n"""a docstring naming ("zh", "en")"""\n', encoding="utf-8")
    assert [n for n, line in code_lines(bad) if SPELLED.search(line)] == [1]


@pytest.mark.parametrize("table, message", [
    ("locales:\n  - {code: zh}\n", "locales[0]: needs exactly"),
    ("locales: []\n", "at least one"),
])
def test_a_bad_table_names_the_file_and_the_entry(tmp_path, table, message):
    path = tmp_path / "locales.yaml"
    path.write_text(table, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(message)) as err:
        locale.load(path)
    assert str(path) in str(err.value)


def test_an_unknown_key_is_named(tmp_path):
    entry = dict(yaml.safe_load(locale.TABLE.read_text(encoding="utf-8"))["locales"][0], flag="🇨🇳")
    path = tmp_path / "locales.yaml"
    path.write_text(yaml.safe_dump({"locales": [entry]}, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ValueError, match=r"unknown \['flag'\]"):
        locale.load(path)
