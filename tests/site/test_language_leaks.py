"""Each language whole (issue 22, part 3): a Chinese page shows no English words but names, units
and code (and a source's own words marked lang="en"); an English page shows no Chinese but
quotations that carry English beside them. Every built page of both languages is read: its text,
the attributes a reader sees and its charts' visible texts (tests/site/language_leaks.py)."""

from __future__ import annotations

import json

import pytest

from language_leaks import Leak, allowed, chart_strings, latin_words, page_leaks, site_leaks


def test_chinese_pages_show_no_english_but_names(site):
    leaks = [leak for leak in site_leaks(site.root, site.pages()) if not leak.page.startswith("en/")]
    shown = sorted({(x.page, x.where, x.text) for x in leaks})
    assert not shown, f"{len(shown)} English strings on Chinese pages:\n" + "\n".join(
        f"{p}: {w}: {t}" for p, w, t in shown[:200])


def test_english_pages_show_no_chinese_but_glossed_quotations(site):
    leaks = [leak for leak in site_leaks(site.root, site.pages()) if leak.page.startswith("en/")]
    shown = sorted({(x.page, x.where, x.text) for x in leaks})
    assert not shown, f"{len(shown)} Chinese strings on English pages:\n" + "\n".join(
        f"{p}: {w}: {t}" for p, w, t in shown[:200])


def test_every_page_and_chart_is_read(site):
    """Not vacuous: both languages' pages, with their charts' specs."""
    pages = site.pages()
    assert {"", "en/", "methods/", "en/methods/", "fact-check/", "en/fact-check/", "charts/o3-vs-o1/"} <= set(pages)
    html = site.html("charts/o3-vs-o1/")
    assert "o3-chart__spec" in html


# --- the checker on small pages -------------------------------------------------------------------

def page(body: str, lang: str = "zh") -> str:
    title = "标题" if lang == "zh" else "Title"
    return f'<!doctype html><html lang="{lang}"><head><title>{title}</title></head><body>{body}</body></html>'


@pytest.mark.parametrize("body", [
    "<p>数据集：semi-private (100 tasks)</p>",
    "<p>框架：no tools</p>",
    '<select><option value="human panel">human panel</option></select>',
    '<a class="headerlink" href="#x" title="Permanent link">¶</a>',
    '<button aria-label="Switch to dark mode"></button>',
    '<p lang="en">retail cost as published</p>',  # marked English, but no quotation
    "<p>字幕说 almost like a 2727，本条按约数记。</p>",  # caption words with no quotation marks
    "<p>每百万 token 60 美元，见 https://openai.com/api/pricing/，see below</p>",  # an address ends at a full-width comma
    "<p>评测 low 档的自身</p>",
    '<p><span translate="no">Developer Community</span> 的说明 in English</p>',  # only the name is a name
])
def test_english_words_on_a_chinese_page_leak(body):
    assert page_leaks(page(body), "zh")


@pytest.mark.parametrize("body", [
    "<p>o3-preview 在 SWE-bench Verified 上约 71.7%（OpenAI，2024-12-20）</p>",
    "<p>计分方式：cons@64；数据版本 b8851da9d558</p>",
    '<blockquote lang="en"><p>which is over 20% better than our o1 models</p></blockquote>',
    "<p>每百万 token 60 美元，见 https://openai.com/api/pricing/</p>",
    '<p><code>python -m o3story build</code></p>',
    '<a hreflang="en" href="/en/">English</a>',
    "<p>字幕说“almost like a 2727”，本条按约数记。</p>",  # typographic quotation marks
    "<p>转录称之为审慎对齐（Deliberative Alignment）</p>",  # the English original after the term
    '<td><span translate="no">OpenAI Developer Community</span></td>',  # a publisher's name
    '<p><span lang="en" data-verbatim>OpenAI o3 Breakthrough High Score on ARC-AGI-Pub</span></p>',  # a source's title
    '<blockquote class="o3-turn__text" lang="zh-Hans"><p>我是Mark。o3-mini medium 的延迟</p></blockquote>',  # a Chinese quotation
])
def test_names_units_code_and_marked_quotations_do_not_leak(body):
    assert not page_leaks(page(body), "zh")


@pytest.mark.parametrize("body", [
    "<p>⚑ Fact-check: 比我们的o1模型高出20%以上</p>",
    '<blockquote lang="zh-Hans"><p>比我们的o1模型高出20%以上</p></blockquote>',  # a quotation with no English beside it
    '<p title="来源">Source</p>',
    "<p>New entry: the captions say the last year; 去年 makes it the previous calendar year.</p>",  # no gloss
    '<span lang="zh-Hans" data-verbatim>OpenAI 连续 12 天 AI 发布会</span>',  # a Chinese title with no translation
])
def test_chinese_on_an_english_page_leaks(body):
    assert page_leaks(page(body, "en"), "en")


@pytest.mark.parametrize("body", [
    '<blockquote lang="zh-Hans"><p>比我们的o1模型高出20%以上</p></blockquote>'
    '<blockquote class="o3-check__said" lang="en"><p>“which is over 20% better than our o1 models”</p></blockquote>',
    '<blockquote lang="zh-Hans"><p>我曾得到过满分</p><p class="o3-gloss" lang="en">I once got a perfect score (our translation)</p></blockquote>',
    '<a hreflang="zh" href="/">中文</a>',
    "<p>the captions say the last year; 去年 (last year) makes it the previous calendar year.</p>",
    "<p>“Training” (训练) probably stands for an instruction to print; the Chinese (达标, literally to reach the standard)</p>",
    '<a href="#"><span lang="zh-Hans" data-verbatim>OpenAI 连续 12 天 AI 发布会</span> <span class="o3-gloss" lang="en">'
    '(our translation: OpenAI’s 12 Days of AI Launches)</span></a>',
])
def test_glossed_quotations_and_the_language_switch_do_not_leak(body):
    assert not page_leaks(page(body, "en"), "en")


def test_chart_specs_are_read():
    spec = {"data": [{"name": "previous best", "hovertext": ["<b>human panel</b> · FrontierMath<br>2.0%"],
                      "customdata": ["previous-best.frontiermath"], "marker": {"color": "#666"}}],
            "layout": {"xaxis": {"ticktext": ["SWE-bench<br>Verified"]},
                       "annotations": [{"text": "retail cost", "name": "o3:keep"}]}}
    body = f'<figure data-chart="c"><script type="application/json" class="o3-chart__spec">{json.dumps(spec)}</script></figure>'
    words = {leak.word for leak in page_leaks(page(body), "zh")}
    assert {"previous", "best", "human", "panel", "retail", "cost"} <= words
    assert "color" not in {k for k, _ in chart_strings(spec)}
    assert "keep" not in words  # an annotation's name is an id, never drawn


def test_the_allow_list_is_names_not_words():
    assert latin_words("OpenAI 的 o3-mini 在 Codeforces 上的 Elo") == []
    assert latin_words("the human panel") == ["the", "human", "panel"]
    assert isinstance(allowed()["names"].pattern, str) and Leak("p", "text", "w", "t")
