"""A source may carry the address of an archived copy (data/sources.yaml `archive`, https only):
the site shows it beside the source wherever it lists the source, in both languages, escaped."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest
from markupsafe import Markup

from conftest import edit
from o3story.data.errors import DataErrors
from o3story.data.story import load_story
from o3story.render import charts, embed
from o3story.render.charts import html as chart_html
from o3story.render.pages import render

# `&` in the address shows that it is escaped in the attribute; the fixture's source `paper` has it.
ARCHIVE = "https://web.archive.org/web/20250101000000/https://example.org/paper?a=1&b=2"
# What a reader gets (the page's text with its entities decoded): the link in brackets of the
# language, right after the source's own link (and the publisher in brackets that a chart adds).
SHOWN = {
    "zh": '<span class="o3-archive">（<a href="{url}" rel="noopener">存档</a>）</span>',
    "en": '<span class="o3-archive"> (<a href="{url}" rel="noopener">archived copy</a>)</span>',
}
# Every block that lists `paper` (the fixture's figure m.bench.paper, fact-check, second event and caveat cite it).
BLOCKS = ("sources", "factcheck transcript", "timeline", "caveats", "cards m.bench.paper", "table m.bench.paper", "scorecard")


def with_archive(data_dir):
    edit(data_dir / "sources.yaml", "    url: https://example.org/paper\n", f"    url: https://example.org/paper\n    archive: {ARCHIVE}\n")
    return load_story(data_dir)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("block", BLOCKS)
def test_the_archived_copy_stands_beside_the_source(data_dir, block, lang):
    page = render(f"{{{{ {block} }}}}", lang, with_archive(data_dir), "" if lang == "zh" else "en/")
    assert "?a=1&amp;b=2" in page and "?a=1&b=2" not in page  # escaped in the attribute
    shown = html.unescape(page)
    link = SHOWN[lang].format(url=ARCHIVE)
    assert shown.count(link) >= 1, shown
    before = shown[:shown.index(link)]
    # the link's text may be a marked name or title (<span translate="no">, <span lang="en">)
    assert re.search(r'<a href="https://example\.org/paper"[^>]*>(?:<span[^>]*>)?[^<]*(?:</span>)?</a>$', before), before[-200:]


@pytest.mark.parametrize("block", BLOCKS)
def test_no_archive_no_link(data_dir, block):
    story = load_story(data_dir)
    for lang in ("zh", "en"):
        page = render(f"{{{{ {block} }}}}", lang, story, "")
        assert "o3-archive" not in page and "存档" not in page and "archived copy" not in page


def test_the_chart_and_its_embed_list_the_archived_copy(story):
    by_lang = {}
    for lang in ("zh", "en"):
        chart = charts.build("o3-vs-o1", story, lang)
        first = chart.sources[0].model_copy(update={"archive": "https://archive.example/x?a=1&b=<2>"})
        by_lang[lang] = dataclasses.replace(chart, sources=(first, *chart.sources[1:]))
        block = str(chart_html.chart_block(by_lang[lang], Markup("")))
        assert 'href="https://archive.example/x?a=1&amp;b=&lt;2&gt;"' in block  # escaped
        link = SHOWN[lang].format(url="https://archive.example/x?a=1&b=<2>")
        shown = html.unescape(block)
        assert shown.count(link) == 1
        opening, closing = {"zh": ("（", "）"), "en": (" (", ")")}[lang]  # the publisher in brackets of the page's language
        assert re.search(rf'<a href="{re.escape(first.url)}"[^>]*>(?:<span[^>]*>)?[^<]*(?:</span>)?</a>{re.escape(opening)}'
                         rf'(?:<span[^>]*>)?[^()<]*(?:</span>)?[^()<]*{re.escape(closing)}$', shown[:shown.index(link)])  # a date may follow
    page = embed.embed_html(by_lang, {"zh": Markup(""), "en": Markup("")}, images=False)
    for label in ("存档", "archived copy"):
        assert f'<a href="https://archive.example/x?a=1&amp;b=&lt;2&gt;" target="_blank" rel="noopener">{label}</a>' in page


def errors_of(data_dir) -> list[str]:
    with pytest.raises(DataErrors) as exc:
        load_story(data_dir)
    return [str(e) for e in exc.value.errors]


@pytest.mark.parametrize("archive,message", [
    ("http://web.archive.org/web/2025/https://example.org/paper",
     "data/sources.yaml:15: sources[1].archive: must be an https URL without spaces or quotes"),
    ("javascript:alert(1)", "data/sources.yaml:15: sources[1].archive: must be an https URL without spaces or quotes"),
    ("https://example.org/paper/",
     "data/sources.yaml:15: sources[1].archive: the archived copy is the source's own address: give the archive's snapshot URL"),
])
def test_a_bad_archive_is_reported(data_dir, archive, message):
    edit(data_dir / "sources.yaml", "    url: https://example.org/paper\n", f"    url: https://example.org/paper\n    archive: '{archive}'\n")
    assert message in errors_of(data_dir)


def test_unknown_keys_stay_rejected(data_dir):
    edit(data_dir / "sources.yaml", "    url: https://example.org/paper\n", f"    url: https://example.org/paper\n    archived: {ARCHIVE}\n")
    assert ("data/sources.yaml:15: sources[1].archived: unknown key (allowed: id, kind, publisher, author, title, url, archive, "
            "published, accessed, licence, note, publisher_label, author_label, title_en, title_label)") in errors_of(data_dir)

