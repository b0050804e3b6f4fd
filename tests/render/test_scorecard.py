"""The claims scorecard and its neighbours: rendered from data in both languages, every data string
escaped (the template has autoescape on), and in the built site the overview's first block."""

from __future__ import annotations

import html
import json
import re

import pytest

from o3story.render.i18n import t

from conftest import edit
from o3story.render import glossary, templating
from o3story.render.pages import render
from o3story.data.story import load_story

HOSTILE = "<script>alert('x')</script> & \"q\" *b* _i_ `c`"


@pytest.fixture
def small(data_dir):
    return load_story(data_dir)


@pytest.mark.parametrize("lang,page", [("zh", ""), ("en", "en/")])
def test_scorecard_renders_claim_quote_turn_verdict_and_records(small, lang, page):
    out = render("{{ scorecard }}", lang, small, page)
    assert out.startswith('<section class="o3-scorecard" id="scorecard"')
    assert 'class="o3-verdict o3-verdict--partly-held"' in out
    assert ("部分站得住" if lang == "zh" else "Partly held") in out
    # OpenAI's words from the video's captions, linked at their minute, and the Chinese transcript beside them
    assert "“we found accuracy of about 71.7% on the bench [benchmark]”" in html.unescape(out)
    assert 'href="https://www.youtube.com/watch?v=SKBG1sqdyIU&amp;t=0s"' in out
    assert 'lang="zh-Hans">我们发现准确率约为71.7%</p>' in out
    assert 'href="transcript/#t1"' in out
    # the evidence, linked to its record; the number in the reason is the record's linked value
    assert 'href="methods/#fig-m.bench.paper" data-figure="m.bench.paper">48.9%</a>' in out
    assert '<a class="o3-fig" data-figure="m.bench.paper" href="methods/#fig-m.bench.paper"' in out
    assert "\n\n" not in out.partition('<script type="application/json"')[0].rstrip()  # one raw HTML block for Markdown


@pytest.mark.parametrize("lang,page", [("zh", ""), ("en", "en/")])
def test_what_was_said_is_marked_as_captions_and_the_transcript_as_secondary(small, lang, page):
    out = html.unescape(render("{{ scorecard }}", lang, small, page))
    assert t(lang, "said.captions") in out
    assert t(lang, "said.video", minute=0) in out
    assert t(lang, "scorecard.turn", n=1) in out
    assert "our translation" not in out  # the English words are OpenAI's own, not a translation of the Chinese


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_strings_are_escaped_in_the_scorecard(data_dir, lang):
    edit(data_dir / "scorecard.yaml", 'claim: {zh: "准确率 {{ fig m.bench }}", en: "Accuracy of {{ fig m.bench }}"}',
         f'claim: {{zh: "{HOSTILE.replace(chr(34), chr(92) + chr(34))} {{{{ fig m.bench }}}}", en: "{HOSTILE.replace(chr(34), chr(92) + chr(34))} {{{{ fig m.bench }}}}"}}')
    out = render("{{ scorecard }}", lang, load_story(data_dir), "" if lang == "zh" else "en/")
    assert "<script>" not in out
    assert "&lt;script&gt;alert&#40;&#39;x&#39;&#41;&lt;/script&gt; &amp; &quot;q&quot; &#42;b&#42;" in out  # HTML and Markdown both inert
    # markup enters only as the linked number
    assert '<a class="o3-fig" data-figure="m.bench" href="methods/#fig-m.bench"' in out


def test_compare_cards_pair_a_claim_with_its_later_measurement(data_dir):
    edit(data_dir / "figures/a.yaml", "    locator: Table 1\n    confidence: stated\n    date: 2024-12-20\n",
         "    locator: Table 1\n    confidence: stated\n    date: 2025-04-16\n")
    # the verdict's history follows: the paper, now later, moves the verdict on its own date
    edit(data_dir / "scorecard.yaml", '      - date: "2024-12-20"\n        verdict: partly-held\n',
         '      - date: "2024-12-20"\n        verdict: not-verifiable\n        records: [m.bench]\n'
         '        reason: {zh: "当天只有所说的数字。", en: "On the day there was only the number said."}\n'
         '      - date: "2025-04-16"\n        verdict: partly-held\n')
    out = render("{{ compare bench }}", "en", load_story(data_dir), "")
    assert "Claimed" in out and "Measured later" in out
    assert out.index(">71.7%<") < out.index(">48.9%<")
    assert 'href="#claim-bench"' in out


def test_compare_cards_name_the_setting_of_each_side(story):
    """ARC's card set the preview's 75.7% (low compute) beside the released o3's 41% (low effort) with no
    setting on either side, while the chart beside it gave the released o3 at high effort: each side of a
    card names the effort or compute its record was measured at."""
    for lang, page, claimed, measured in (("en", "en/", "o3-preview (low compute)", "o3-2025-04-16 (low effort)"),
                                          ("zh", "", "o3-preview（低计算量）", "o3-2025-04-16（低推理强度）")):
        out = html.unescape(render("{{ compare arc-agi swe-bench }}", lang, story, page))
        arc, swe = out.split('id="compare-')[1:]
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", arc))
        assert claimed in text and measured in text, text
        assert "o3-preview ·" in re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", swe))  # no setting said: none shown


def test_compare_says_when_nothing_was_measured_later(small):
    # the fixture's paper record has the claim's own date: not a later measurement
    out = render("{{ compare bench }}", "zh", small, "")
    assert "没有后续测量" in out


def test_summary_points_that_a_check_corrects_are_flagged(data_dir):
    edit(data_dir / "factcheck.yaml", 'quote: "准确率约为71.7%"', 'quote: "第一点"')
    story = load_story(data_dir)
    for lang, page in (("zh", ""), ("en", "en/")):
        out = render("{{ keypoints }}", lang, story, page)
        assert 'class="o3-flag o3-flag--wrong" href="transcript/#check-wrong-number"' in out, out
        # the badge says the check's verdict: the point beside it is the article's own words, not
        # corrected (it read "corrected", 已更正)
        badge = html.unescape(re.search(r'class="o3-flag[^>]*>\s*([^<]*?)\s*</a>', out).group(1))
        assert badge == t(lang, "check.flag_verdict", verdict=story.data.grade("wrong").label[lang]), badge
    assert "o3-flag" not in render("{{ risks }}", "en", story, "en/")


def test_factcheck_and_timeline_show_verdicts(small):
    out = render("{{ factcheck transcript }}", "en", small, "en/transcript/")
    assert '<span class="o3-verdict o3-verdict--check-wrong">Wrong</span>' in out
    out = render("{{ timeline }}", "zh", small, "fact-check/")
    assert '<span class="o3-verdict o3-verdict--promise-kept">兑现</span>' in out
    assert "承诺于 2024-12-20 · 期限 2025-01-31 · 实际 2025-01-31" in html.unescape(out)


def test_the_template_escapes_and_only_macro_output_passes(tmp_path):
    env = templating.environment()
    assert env.autoescape is True
    link = templating.macros().fig_link("x.html", "t", "<1>", '"f')
    out = env.from_string("{{ a }}{{ b }}").render(a="<i>*x*</i>", b=link)
    assert out == '&lt;i&gt;&#42;x&#42;&lt;/i&gt;<a class="o3-fig" data-figure="&quot;f" href="x.html" title="t">&lt;1&gt;</a>'


def test_glossary_becomes_abbreviations_per_language(small):
    assert glossary.abbreviations(small.data.glossary, "en") == "\n\n*[benchmark]: A set of test problems.\n"
    assert glossary.abbreviations(small.data.glossary, "zh") == "\n\n*[基准]: 一组测试题。\n"


def test_real_glossary_names_both_o3_versions(story):
    ids = {t.id for t in story.data.glossary}
    assert {"o3-preview", "o3-2025-04-16", "o3-mini", "cons-64", "pass-1", "semi-private", "goodness", "pareto",
            "elo", "reasoning-effort", "test-time-compute"} <= ids


# --- the built site ---------------------------------------------------------------------------------

def _content(page_html: str) -> str:
    return page_html[page_html.index('<article class="md-content__inner'):page_html.index("</article>")]


@pytest.mark.parametrize("page", ["", "en/"])
def test_the_overview_opens_with_the_lede_then_the_status_box_then_the_scorecard(site, story, page):
    body = _content(site.html(page))
    after_h1 = body[body.index("</h1>") + len("</h1>"):].lstrip()
    assert after_h1.startswith('<p class="o3-dateline"'), after_h1[:200]  # the dateline, under the title
    after_h1 = after_h1[after_h1.index("</p>") + len("</p>"):].lstrip()
    # the lede: what the story is, first, in short paragraphs (one long one took 15 lines of a phone)
    paragraphs = 0
    while after_h1.startswith("<p>"):
        paragraphs += 1
        after_h1 = after_h1[after_h1.index("</p>") + len("</p>"):].lstrip()
    assert 1 <= paragraphs <= 3, paragraphs
    assert after_h1.startswith('<aside class="o3-status"'), after_h1[:200]
    after_h1 = after_h1[after_h1.index("</aside>") + len("</aside>"):].lstrip()
    # the scorecard's heading is the page's own (so the contents list it), then the scorecard it names
    assert after_h1.startswith('<h2 class="o3-scorecard__title" id="scorecard-title">'), after_h1[:200]
    after_h1 = after_h1[after_h1.index("</h2>") + len("</h2>"):].lstrip()
    assert after_h1.startswith('<section class="o3-scorecard" id="scorecard" aria-labelledby="scorecard-title"'), after_h1[:200]
    scorecard = after_h1[: after_h1.index("</section>")]
    for claim in story.data.claims:
        item = re.search(rf'<li class="o3-claim o3-claim--{claim.verdict}" id="claim-{re.escape(claim.id)}">(.*?)</details>\s*</li>',
                         scorecard, re.S)
        assert item, claim.id
        evidence = re.search(r'<ul class="o3-claim__evidence">(.*?)</ul>', item.group(1), re.S).group(1)
        linked = set(re.findall(r'class="o3-evidence" href="[^"]*" data-figure="([^"]+)"', evidence))
        assert linked == set(claim.evidence), claim.id
        # the verdict's history: since when, and each step with the records that moved it
        assert f'<time class="o3-claim__since" datetime="{claim.since.isoformat().replace("-", "&#45;")}">' in item.group(1), claim.id
        steps = re.findall(r'<li class="o3-history__step">(.*?)</li>', item.group(1), re.S)
        assert len(steps) == len(claim.history), claim.id
        for step, shown in zip(claim.history, steps):
            assert set(re.findall(r'class="o3-evidence" href="[^"]*" data-figure="([^"]+)"', shown)) >= set(step.records)
        for fig_id in claim.evidence:  # each record link resolves to the record's row on the methods page
            assert f'href="methods/#fig-{fig_id}"' in item.group(1)
    methods = site.html(page + "methods/")
    assert all(f'id="fig-{f}"' in methods for c in story.data.claims for f in c.evidence)


@pytest.mark.parametrize("page", ["", "en/"])
def test_glossary_terms_are_tooltips(site, page):
    body = _content(site.html(page + "o3-mini/"))
    assert re.search(r'<abbr title="[^"]+">o3-mini</abbr>', body)


@pytest.mark.parametrize("page", ["charts/claims-vs-shipped/", "en/charts/claims-vs-shipped/"])
def test_chart_page_shows_its_title_once(site, page):
    body = _content(site.html(page))
    assert "o3-chart__title" not in body
    h1 = re.search(r'<h1 class="o3-chart-page__title" id="chart-claims-vs-shipped-title">', body)
    assert h1 and 'aria-labelledby="chart-claims-vs-shipped-title"' in body


def test_each_verdict_says_since_when_and_opens_to_its_history(data_dir):
    edit(data_dir / "figures/a.yaml", "    locator: Table 1\n    confidence: stated\n    date: 2024-12-20\n",
         "    locator: Table 1\n    confidence: stated\n    date: 2025-04-16\n")
    edit(data_dir / "scorecard.yaml", '      - date: "2024-12-20"\n        verdict: partly-held\n',
         '      - date: "2024-12-20"\n        verdict: not-verifiable\n        records: [m.bench]\n'
         f'        reason: {{zh: "当天只有所说的数字。", en: {json.dumps(HOSTILE)}}}\n'
         + '      - date: "2025-04-16"\n        verdict: partly-held\n')
    story = load_story(data_dir)
    for lang, since, steps, first in (("en", "since 16 April 2025", "How the verdict changed: 2 steps", "20 December 2024"),
                                      ("zh", "自 2025 年 4 月 16 日起", "判定的变化：2 步", "2024 年 12 月 20 日")):
        out = render("{{ scorecard }}", lang, story, "" if lang == "zh" else "en/")
        head = re.search(r'<p class="o3-claim__head">(.*?)</p>', out, re.S).group(1)
        assert re.search(r'<time class="o3-claim__since" datetime="2025(-|&#45;)04(-|&#45;)16">' + re.escape(since) + "</time>", head)
        hist = html.unescape(re.search(r'<details class="o3-claim__more o3-claim__history"[^>]*>(.*?)</details>', out, re.S).group(1))
        assert f"<summary>{steps}</summary>" in hist
        items = re.findall(r'<li class="o3-history__step">(.*?)</li>', hist, re.S)
        assert len(items) == 2 and first in items[0]
        assert "o3-verdict--not-verifiable" in items[0] and "o3-verdict--partly-held" in items[1]
        assert 'data-figure="m.bench.paper"' in items[1]  # the record that moved it, linked to its row
        assert t(lang, "scorecard.history_how") in hist and "methods/#verdict-history" in hist
        assert "<script>" not in out
    assert html.unescape(re.sub(r"<[^>]+>", "", out)).count("<script>alert") == 0
    en = render("{{ scorecard }}", "en", story, "en/")
    assert "<script>alert('x')</script>" in html.unescape(re.sub(r"<(?!script>|/script>)[^>]+>", "", en))


def test_a_step_with_no_verdict_on_the_scale_says_so(data_dir):
    edit(data_dir / "figures/a.yaml", "    locator: Table 1\n    confidence: stated\n    date: 2024-12-20\n",
         "    locator: Table 1\n    confidence: stated\n    date: 2025-04-16\n")
    edit(data_dir / "scorecard.yaml", '      - date: "2024-12-20"\n        verdict: partly-held\n',
         '      - date: "2024-12-20"\n        verdict: null\n        records: [m.bench]\n'
         '        reason: {zh: "当天没有适用的判定。", en: "No verdict applied that day."}\n'
         '      - date: "2025-04-16"\n        verdict: partly-held\n')
    story = load_story(data_dir)
    for lang in ("zh", "en"):
        out = render("{{ scorecard }}", lang, story, "" if lang == "zh" else "en/")
        assert f'<span class="o3-verdict o3-verdict--none">{t(lang, "scorecard.no_verdict")}</span>' in out


def test_the_history_is_said_to_be_a_reconstruction(small, data_dir):
    # with the site's first publication date from data/status.yaml, in each language's words
    edit(data_dir / "status.yaml", 'as_of: "2026-12-04"', 'as_of: "2026-12-04"\n  published: "2026-11-26"')
    story = load_story(data_dir)
    assert "first published on 26 November 2026" in html.unescape(render("{{ scorecard }}", "en", story, "en/"))
    assert "本站首次发布于 2026 年 11 月 26 日" in html.unescape(render("{{ scorecard }}", "zh", story, ""))
    plain = html.unescape(render("{{ scorecard }}", "en", small, "en/"))
    assert "Reconstructed, not a record of what this site said at the time:" in plain
    assert "How the verdict changed: unchanged since the livestream" in plain
