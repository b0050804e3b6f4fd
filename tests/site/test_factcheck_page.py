"""The fact-check page is led by consequence: first what was said on the livestream that does not hold,
counted and in the order of data/factcheck.yaml's ranks, then the article's own restatements; the
transcript's own slips stand, folded, in the transcript page's appendix. Every check is shown once."""

from __future__ import annotations

import html
from urllib.parse import urljoin
import re

import pytest

from o3story.render.i18n import t

LANGS = {"zh": "", "en": "en/"}


def _content(page_html: str) -> str:
    return page_html[page_html.index('<article class="md-content__inner'):page_html.index("</article>")]


def _checks(html: str) -> list[str]:
    return re.findall(r'<(?:section|li) class="o3-check[ "][^>]*id="check-([^"]+)"', html)


def _ranked(story, judges: str) -> list[str]:
    return [c.id for c in sorted((c for c in story.data.checks if c.judges == judges), key=lambda c: c.rank)]


@pytest.mark.parametrize("lang", LANGS)
def test_the_page_leads_with_the_livestream_counted_and_in_order_of_consequence(site, story, lang):
    body = _content(site.html(LANGS[lang] + "fact-check/"))
    after_h1 = body[body.index("</h1>"):]
    first_h2 = re.search(r'<h2 id="([^"]+)">(.*?)<a class="headerlink"', after_h1)
    livestream = _ranked(story, "livestream")
    assert first_h2 and first_h2[1] == "said-on-the-livestream", after_h1[:300]
    assert re.search(rf"(?<!\d){len(livestream)}(?!\d)", first_h2[2]), first_h2[2]  # the count, from data
    lead = after_h1[:after_h1.index('id="in-the-articles-summary"')]
    assert _checks(lead) == livestream  # rank 1 first
    summary = after_h1[after_h1.index('id="in-the-articles-summary"'):after_h1.index('id="timeline-promised-and-delivered"')]
    assert _checks(summary) == _ranked(story, "summary")
    # One chip per check: its verdict (no severity badge beside it).
    assert "o3-badge--" not in lead + summary


@pytest.mark.parametrize("lang", LANGS)
def test_the_transcripts_slips_are_folded_on_the_transcript_page_not_on_the_fact_check_page(site, story, lang):
    slips = [c.id for c in story.data.checks if c.judges == "transcript"]
    assert slips
    transcript = _content(site.html(LANGS[lang] + "transcript/"))
    appendix = transcript[transcript.index('id="transcript-slips"'):]
    folded = re.search(r'<details class="o3-slips"[^>]*>(.*?)</details>', appendix, re.S)
    assert folded and " open" not in folded.group(0)[:60]
    assert _checks(folded[1]) == slips
    assert not set(slips) & set(_checks(site.html(LANGS[lang] + "fact-check/")))


@pytest.mark.parametrize("lang", LANGS)
def test_every_check_appears_exactly_once_across_the_two_pages(site, story, lang):
    shown = _checks(site.html(LANGS[lang] + "fact-check/")) + _checks(site.html(LANGS[lang] + "transcript/"))
    assert sorted(shown) == sorted(c.id for c in story.data.checks)


@pytest.mark.parametrize("lang", LANGS)
def test_links_to_a_check_land_on_its_page(site, story, lang):
    """The transcript's flags and the summary's marks follow each check to where it now stands."""
    transcript = site.html(LANGS[lang] + "transcript/")
    for c in story.data.checks:
        if c.judges == "transcript" and story.transcript.locate(c.quote).startswith("t"):  # flagged under its turn
            assert f'href="#check-{c.id}"' in transcript or f'href="./#check-{c.id}"' in transcript, c.id
            assert f'fact-check/#check-{c.id}"' not in transcript, c.id


@pytest.mark.parametrize("lang", LANGS)
def test_the_slips_summary_counts_them_by_verdict(site, story, lang):
    """"27 slips" reads beside the methods page's count of each verdict: the summary names them,
    each verdict's label with its count, adding up to the total (from data)."""
    slips = [c for c in story.data.checks if c.judges == "transcript"]
    folded = _content(site.html(LANGS[lang] + "transcript/"))
    summary = re.search(r'<details class="o3-slips"[^>]*>\s*<summary>(.*?)</summary>', folded, re.S)[1]
    counts = {g.label[lang].lower(): sum(c.verdict == g.id for c in slips) for g in story.data.grades}
    named = [(label, n) for label, n in counts.items() if n]
    assert len(named) > 1 and sum(n for _, n in named) == len(slips)
    for label, n in named:
        assert t(lang, "checks.transcript.by_verdict", label=label, n=n) in html.unescape(summary), (label, summary)
    assert str(len(slips)) in summary


@pytest.mark.parametrize("lang", LANGS)
def test_no_check_lists_the_same_name_twice(site, story, lang):
    """A card's sources and records each read apart: two sources by one publisher, or two records of
    one value, say which is which (a title; a model or a publisher) instead of "OpenAI、OpenAI"."""
    seen = 0
    for page in ("fact-check/", "transcript/"):
        body = _content(site.html(LANGS[lang] + page))
        for line in re.findall(r'<p class="o3-check__meta" data-search-exclude>(.*?)</p>', body, re.S):
            entries = [re.sub(r"<[^>]+>|\s+", "", e) for e in re.split(r"</a>", line)[:-1]]
            tails = [re.sub(r"<[^>]+>|\s+", "", e) for e in re.split(r"</a>", line)[1:]]
            names = [a + b.split("、")[0].split(",")[0] for a, b in zip(entries, tails)]
            names = [n.split("：")[-1].split(":")[-1] if i == 0 else n for i, n in enumerate(names)]
            assert len(set(names)) == len(names), (page, names)
            seen += len(names)
    assert seen > 50


@pytest.mark.parametrize("lang", LANGS)
def test_a_card_s_source_label_counts_its_sources(site, story, lang):
    """"Source:" before one source, "Sources:" before two or more (a card read "Source: OpenAI
    (YouTube), LifeArchitect.ai")."""
    one, many = t(lang, "col.source"), t(lang, "check.sources")
    by_id = {c.id: len(c.sources) for c in story.data.checks}
    counts = set()
    for page in ("fact-check/", "transcript/"):
        body = _content(site.html(LANGS[lang] + page))
        for check_id, card in re.findall(r'id="check-([^"]+)"(.*?)</(?:section|li)>', body, re.S):
            meta = re.search(r'<p class="o3-check__meta" data-search-exclude>\s*([^<]*?)\s*<a', card)
            if not by_id[check_id]:
                continue
            assert meta, check_id
            label = meta[1].rstrip(":：")
            assert label == (one if by_id[check_id] == 1 else many), (check_id, label)
            assert card.count('rel="noopener"') >= by_id[check_id]
            counts.add(by_id[check_id] > 1)
    assert counts == {True, False}  # both kinds are on the pages


@pytest.mark.parametrize("lang", LANGS)
def test_a_turn_named_in_a_card_is_a_link_to_it(site, story, lang):
    """`{{ turn N }}` in a card's text is a link to that turn of the transcript, which has it."""
    from o3story.data.placeholders import TOKEN

    transcript = site.html(LANGS[lang] + "transcript/")
    pages = {p: _content(site.html(LANGS[lang] + p)) for p in ("fact-check/", "transcript/")}
    named = [(c.id, m["args"].strip()) for c in story.data.checks for field in (c.problem, c.correction)
             for m in TOKEN.finditer(field[lang]) if m["name"] == "turn"]
    assert named  # the GPQA card names turns 59 and 53; the transcript's own slips, 8, 9 and 42
    for check_id, n in named:
        page, card = next((p, re.search(rf'id="check-{re.escape(check_id)}".*?(?=<(?:section|li) class="o3-check[ "]|$)', body, re.S)[0])
                          for p, body in pages.items() if f'id="check-{check_id}"' in body)
        link = re.search(rf'<a class="o3-turnref" href="([^"]*#t{n})">([^<]*)</a>', card)
        assert link and html.unescape(link[2]) == t(lang, "text.turn", n=n), (check_id, n)
        assert urljoin(site.url + LANGS[lang] + page, link[1]) == f"{site.url}{LANGS[lang]}transcript/#t{n}", (check_id, link[1])
        assert f'id="t{n}"' in transcript
    assert "{{" not in "".join(pages.values())


def test_every_translation_mark_links_the_methods_page_s_explanation(site):
    """The mark after a quotation in the project's translation ("tr.", 译) explains itself in a tooltip,
    which a phone cannot show: it links the methods page's paragraph on quotations, in the page's language."""
    marks = 0
    for page in site.pages():
        html_text = site.html(page)
        for href in re.findall(r'<sup class="o3-tr">\s*<a href="([^"]+)"', html_text):
            marks += 1
            target = urljoin(site.url + page, href)
            methods = ("en/" if page.startswith("en/") else "") + "methods/"
            assert target == f"{site.url}{methods}#translations", (page, href)
        assert html_text.count('<sup class="o3-tr">') == len(re.findall(r'<sup class="o3-tr">\s*<a href=', html_text)), page
    assert marks >= 5  # 7 on 2026-12-06: the fact-check page, the methods page's records
    for lang in LANGS.values():
        assert '<strong id="translations">' in site.html(lang + "methods/")
