"""The fact-check page is led by consequence: first what was said on the livestream that does not hold,
counted and in the order of data/factcheck.yaml's ranks, then the article's own restatements; the
transcript's own slips stand, folded, in the transcript page's appendix. Every check is shown once."""

from __future__ import annotations

import re

import pytest

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
