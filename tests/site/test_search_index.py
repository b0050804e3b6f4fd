"""Each language's search index (Material's search/search_index.json): what a reader searches for
is in it, what only weighs is not. Material 9 fetches the whole index as soon as a page loads (over
http it does not wait for the search box), so its size is part of every page's bytes before
interaction: issue 12's budget for chart pages is 0.10x the naive page."""

from __future__ import annotations

import gzip
import html
import json
import re

import pytest

LANGS = {"zh": "", "en": "en/"}

# gzip -6 (as bench.py's server sends it). The heaviest chart page may load 0.10 x 1,516 KB (the
# naive page) = 151 KB before interaction; without the index it loads 97-98 KB (Material's script
# 34, its CSS 24, the search worker 12, the page 11-12, the site's own CSS, scripts and chart image
# 13, the favicon 2), which leaves 53 KB for the index. The budgets keep 3 KB of that for the pages
# to grow. The indexes were 73 KB (en) and 82 KB (zh) with the explorer's rows and details, the
# audit changelog and both transcript columns in them; they are 44 and 51 KB without.
# The Chinese index grew with the verdict scale, the captions and the current events (2026-12-04, 51 KB
# with the status box, quote drawers, verdict summary, compare cards, source notes and caption blocks
# left out): its budget keeps 1 KB of the 53 KB, and the next content must bring it down.
BUDGET_KB = {"en": 50, "zh": 52}


def load(site, lang: str) -> dict:
    return json.loads((site.root / LANGS[lang] / "search" / "search_index.json").read_text(encoding="utf-8"))


def plain(text: str) -> str:
    """An index text as the reader's words: tags out, entities decoded, the zero-width spaces the
    Chinese segmentation puts between words removed."""
    return html.unescape(re.sub(r"<[^>]+>", "", text)).replace("\u200b", "")


def words(text: str, separator: str) -> list[str]:
    """The index's own tokens: split at its separator, lower-cased (as lunr does, with no pipeline)."""
    return [w for w in re.split(separator, text.lower()) if w]


def contains(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


@pytest.mark.parametrize("lang", list(LANGS))
def test_index_stays_within_the_chart_page_budget(site, lang):
    raw = (site.root / LANGS[lang] / "search" / "search_index.json").read_bytes()
    size = len(gzip.compress(raw, 6)) / 1024
    assert size <= BUDGET_KB[lang], f"{lang} search index is {size:.1f} KB gzip, budget {BUDGET_KB[lang]} KB"


@pytest.mark.parametrize("lang", list(LANGS))
def test_methods_page_is_indexed_by_its_filters_not_its_rows(site, story, lang):
    index = load(site, lang)
    sep = index["config"]["separator"]
    methods = [d for d in index["docs"] if d["location"].startswith("methods/")]
    text = plain(" ".join(d["text"] for d in methods))
    # The explorer's rows and their details (quotes, locators), and the audit changelog, are not in the index.
    for fig in story.data.figures:
        assert not (fig.quote and fig.quote in text), f"{lang}: quote of {fig.id} is in the search index"
        assert not (fig.locator and len(fig.locator) > 25 and fig.locator in text), f"{lang}: locator of {fig.id} is in the index"
    for audit in story.data.audits:
        assert audit.method[lang] not in text, f"{lang}: audit {audit.id}'s method is in the search index"
        for change in audit.changes:
            assert change.reason[lang] not in text, f"{lang}: a change of audit {audit.id} is in the search index"
    # What follows them is (an exclusion that never ended would drop the rest of the page).
    shown = [plain(src.title_label[lang]) if src.title_label else src.title for src in story.data.sources]  # as the page names them
    sources = plain(" ".join(d["text"] for d in methods if shown[0] in plain(d["text"])))
    assert all(title in sources for title in shown), f"{lang}: the sources section is not indexed"
    # A reader searching a model, a metric or a source finds the table: each is a word sequence of its own.
    page = site.html(LANGS[lang] + "methods/")
    heading = re.findall(r'<h2 id="([^"]+)"', page[:page.index('<div class="o3-x"')])[-1]  # the explorer's section
    table = next(d for d in methods if d["location"] == f"methods/#{heading}")
    tokens = words(plain(table["text"]), sep)
    metric = {m.id: m.name[lang] for m in story.data.metrics}
    for fig in story.data.figures:
        for name in (story.data.model_label(fig.model, lang), metric[fig.metric]):
            assert contains(tokens, words(name, sep)), f"{lang}: {name!r} is not a searchable word sequence of {table['location']}"
        src = story.data.source(fig.source)  # the filter names it in the page's language, or in its title's own
        assert src.publisher_in(lang) in plain(table["text"]) or src.publisher in plain(table["text"]), (
            f"{lang}: {fig.source} is not in {table['location']}")


@pytest.mark.parametrize("lang", list(LANGS))
def test_transcript_is_indexed_in_the_page_language_only(site, story, lang):
    index = load(site, lang)
    text = plain(" ".join(d["text"] for d in index["docs"] if d["location"].startswith("transcript/")))
    own, other = (story.transcript, story.translation) if lang == "zh" else (story.translation, story.transcript)
    longest = lambda tr: sorted((p for turn in tr.turns for p in turn.paragraphs), key=len)[-5:]  # noqa: E731
    # paragraphs as the page shows them, less the marks around numbers: compare a stretch without any
    for p in longest(own):
        stretch = max(re.split(r"\d[\d.,%]*", p), key=len)
        assert stretch in text, f"{lang}: own transcript paragraph missing from the index: {stretch[:40]!r}"
    for p in longest(other):
        stretch = max(re.split(r"\d[\d.,%]*", p), key=len)
        assert stretch not in text, f"{lang}: the other language's transcript is in the index: {stretch[:40]!r}"


def test_each_page_s_search_base_is_its_language_root(site):
    """The theme reads its search index from `base` in the page's __config (main.html changes Material's
    value for English pages): every built page's base, resolved from the page, is its language's root.
    A theme upgrade that renders the block differently would leave English pages on the Chinese index."""
    from urllib.parse import urljoin

    pages = [p for p in site.root.rglob("index.html") if "embed" not in p.parts]
    assert len(pages) > 20
    for path in pages:
        text = path.read_text(encoding="utf-8")
        found = re.search(r'<script id="__config" type="application/json">(.*?)</script>', text, re.S)
        if not found:
            continue
        rel = path.parent.relative_to(site.root).as_posix()
        page_url = "/" + ("" if rel == "." else rel + "/")
        root = "/en/" if page_url.startswith("/en/") else "/"
        assert urljoin(page_url, json.loads(found.group(1))["base"].rstrip("/") + "/") == root, page_url


@pytest.mark.parametrize("lang", list(LANGS))
def test_chart_data_tables_stay_out_of_search_results(site, story, lang):
    """A search for "frontiermath" listed each chart page with its data table's cells run together
    ("Chart data ModelValueMetricSettingConfidenceSourceDate o1 48.9% ..."): the tables are left out of
    the index, and each chart page is still found by its title and its description."""
    from o3story.render import charts
    from o3story.render.i18n import t

    index = load(site, lang)
    header = "".join(t(lang, f"col.{c}") for c in ("model", "value", "metric"))  # a chart table's first columns
    for doc in index["docs"]:
        if doc["location"].startswith("charts/"):
            text = plain(doc["text"]).replace(" ", "")
            assert header.replace(" ", "") not in text, (doc["location"], text[:200])
    # nor the zoom hint and the no-script line, which led each chart page's result
    for key in ("chart.zoom_hint", "chart.noscript"):
        shown = plain(t(lang, key)).replace(" ", "")
        assert not [d["location"] for d in index["docs"] if shown in plain(d["text"]).replace(" ", "")], key
    for chart_id in charts.CHARTS:
        chart = charts.build(chart_id, story, lang)
        docs = [d for d in index["docs"] if d["location"].split("#")[0] == f"charts/{chart_id}/"]
        assert docs, chart_id
        found = " ".join(plain(d["title"]) + " " + plain(d["text"]) for d in docs)
        assert plain(chart.description)[:40].replace("\u200b", "") in found.replace("\u200b", ""), chart_id
