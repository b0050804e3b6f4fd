"""One wording per quote: the site's English quotations of the livestream are verbatim spans of its own
translation (data/transcript/en.yaml), its Chinese ones verbatim spans of the Chinese transcript, in
both languages' pages, chart texts and data texts, in double, single and corner quotes. How quotations
are found, and which quoted text is not the livestream, is documented in scripts/o3story/site/quotes.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from o3story.site import quotes

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "data" / "transcript"


# Quotations in files this change could not edit (others were editing them at the time), keyed by the
# quotation as written, each with its fix. TEMPORARY: empty it once those files are fixed; an entry
# that no longer occurs fails the test below.
KNOWN_ELSEWHERE: dict[str, str] = {
    "命名方面创意独特": "data/factcheck.yaml:200 (naming-joke.problem.zh): the transcript says “命名方面一贯创意独特”",
    "传统": "data/factcheck.yaml:203 (naming-joke.correction.zh): scare quotes, no one's words: drop the marks",
}


def test_every_quote_of_the_livestream_is_a_span_of_the_transcript_or_its_translation(story):
    problems = quotes.site_problems(ROOT, story, {**quotes.ALLOWED, **KNOWN_ELSEWHERE})
    stale = [p for p in problems if any(f"entry “{k}” no longer occurs" in p.message for k in KNOWN_ELSEWHERE)]
    assert not stale, "KNOWN_ELSEWHERE entries that no longer occur (remove them from tests/site/test_quotes.py):\n" + \
        "\n".join(map(str, stale))
    assert not problems, "\n".join(map(str, problems))


def test_every_known_elsewhere_entry_says_where_and_how_to_fix_it():
    assert all(":" in fix and fix.strip() for fix in KNOWN_ELSEWHERE.values())


def test_the_finder_reads_every_kind_of_place(story):
    # Not vacuous: quotations are found in pages, chart texts, figure notes, fact-checks and the timeline,
    # in both languages, and in single quotes too.
    found = list(quotes.site_quotes(ROOT, story))
    where = {q.where.split(":")[0] for q in found}
    assert {"docs/o3-mini.en.md", "scripts/o3story/render/i18n/en/chart-o3-mini-elo-cost.yaml", "data/figures/derived.yaml",
            "data/factcheck.yaml", "data/timeline.yaml", "docs/o3-mini.zh.md", "docs/o3.zh.md",
            "scripts/o3story/render/i18n/zh/chart-o3-mini-elo-cost.yaml", "data/figures/o3.yaml"} <= where
    assert {q.lang for q in found} == {"en", "zh"}
    assert any(q.where.endswith(".notes.zh)") for q in found) and any(q.where.endswith(".notes.en)") for q in found)
    assert "CodeForce" in {q.text for q in found}  # 'CodeForce', in single quotes in a figure's notes


def test_the_quotes_the_issue_named_are_gone(story):
    found = {q.text for q in quotes.site_quotes(ROOT, story)}
    assert not {"even outperforms o1", "at a fraction of the cost", "half the latency of o1"} & found


# --- the test of the test, on a small fixture -------------------------------------------------------

def _check(tmp_path: Path, page: str, table: str = "", allowed: dict[str, str] | None = None, lang: str = "en",
           recorded: tuple[str, ...] = (), captions: str = "") -> list[str]:
    (tmp_path / f"page.{lang}.md").write_text(page, encoding="utf-8")
    (tmp_path / "chart.yaml").write_text(table or "k: plain\n", encoding="utf-8")
    value = {"en": {"m.bench": "about 71.7%", "m.plain": "71.7 percent"}, "zh": {"m.bench": "约71.7%", "m.plain": "71.7%"}}[lang]
    found = list(quotes.page_quotes(tmp_path / f"page.{lang}.md", f"docs/page.{lang}.md", lambda fig: value[fig], lang))
    found += list(quotes.table_quotes(tmp_path / "chart.yaml", f"i18n/{lang}/chart.yaml", lang))
    english = quotes.translation_texts(FIXTURE / "en.yaml")
    chinese = (FIXTURE / "baoyu-day12.zh.txt").read_text(encoding="utf-8")
    return [str(p) for p in quotes.check(found, english, chinese, allowed or {}, "data/transcript/en.yaml", recorded, captions)]


T = quotes.MARK_PAGE
PAGE = ('---\ndescription: "The author said “We found accuracy”' + T + '."\n---\n\n# Title\n\n!!! note "A title, not a quote"\n'
        '    On stream: “found accuracy of about 71.7%”' + T + '.\n')


def test_fixture_quotes_pass(tmp_path):
    assert _check(tmp_path, PAGE) == []


def test_an_altered_quote_fails_with_file_and_line(tmp_path):
    altered = PAGE.replace("“found accuracy of about 71.7%”", "“found an accuracy of about 71.7%”")
    assert _check(tmp_path, altered) == [
        "docs/page.en.md:8: “found an accuracy of about 71.7%” is not a verbatim span of data/transcript/en.yaml: "
        "quote the translation's words, or drop the quotation marks if it is a paraphrase"
    ]


def test_an_altered_quote_in_the_front_matter_fails(tmp_path):
    assert len(_check(tmp_path, PAGE.replace("“We found accuracy”", "“We measured accuracy”"))) == 1


def test_a_figure_placeholder_is_its_value_on_the_page(tmp_path):
    assert _check(tmp_path, f"Said: “accuracy of {{{{ fig m.bench }}}}”{T}.\n") == []  # renders “accuracy of about 71.7%”
    assert len(_check(tmp_path, f"Said: “accuracy {{{{ fig m.bench }}}}”{T}.\n")) == 1


def test_apostrophes_spaces_and_first_letter_case_are_allowed_nothing_else(tmp_path):
    assert _check(tmp_path, f"“we  found accuracy”{T} and “Second paragraph”{T}.\n") == []
    assert len(_check(tmp_path, "“we found Accuracy”.\n")) == 1


def test_a_quote_matches_whole_words_only(tmp_path):
    assert len(_check(tmp_path, "“Goo”\n")) == 1  # inside “Good!”
    assert _check(tmp_path, f"“Good!”{T}\n") == []


def test_chart_text_slots_stand_for_any_text_and_a_lone_slot_is_no_quote(tmp_path):
    assert _check(tmp_path, "x\n", 'a: "said “found {v} of about” (tr.)"\nb: "title “{title}”"\n') == []
    problems = _check(tmp_path, "x\n", 'a: "said “lost {v} of about”"\n')
    assert problems and problems[0].startswith("i18n/en/chart.yaml:1 (a): “lost {v} of about”")


def test_straight_quotes_in_a_text_value_count(tmp_path):
    assert len(_check(tmp_path, "x\n", "a: 'he said \"we lost accuracy\"'\n")) == 1


def test_a_chinese_quote_must_be_verbatim_in_the_transcript(tmp_path):
    assert _check(tmp_path, "“准确率约为71.7%” (the Chinese)\n") == []
    assert len(_check(tmp_path, "“准确率大约为71.7%”\n")) == 1


def test_allowed_quotes_pass_and_stale_entries_are_reported(tmp_path):
    page = "ARC's table says “Efficiency: High”.\n"
    assert len(_check(tmp_path, page)) == 1
    assert _check(tmp_path, page, allowed={"Efficiency: High": "a table value"}) == []
    stale = _check(tmp_path, "x\n", allowed={"Efficiency: High": "a table value"})
    assert stale == ["scripts/o3story/site/quotes.py: ALLOWED entry “Efficiency: High” no longer occurs: remove it"]


@pytest.mark.parametrize("text", list(quotes.ALLOWED))
def test_every_allowed_entry_has_a_reason(text):
    assert quotes.ALLOWED[text].strip()


def test_a_livestream_quotation_without_the_translation_mark_fails(tmp_path):
    """English quotations of the livestream are this project's translation, and must say so."""
    assert _check(tmp_path, "“Good!” he said.\n") == [
        "docs/page.en.md:1: “Good!” quotes the livestream in this project's translation: "
        "write {{ translated }} right after its closing quote, so a reader knows"]
    assert _check(tmp_path, "x\n", 'a: "said “found {v} of about”"\n')[0].endswith("write  (tr.) right after its closing quote, so a reader knows")


# --- single quotes, corner brackets, Chinese texts, figure notes ----------------------------------------

def test_single_quotes_are_quotations_and_apostrophes_are_not(tmp_path):
    assert len(_check(tmp_path, "He said ‘we lost accuracy’.\n")) == 1
    assert len(_check(tmp_path, "x\n", "a: \"he said 'we lost accuracy'\"\n")) == 1
    assert _check(tmp_path, f"He said ‘we found accuracy’{T}.\n") == []
    # o3's, it’s, models' and the like are apostrophes, not quotations
    assert _check(tmp_path, "o3's score and o1's; it’s the models’ and the models' scores.\n") == []
    assert _check(tmp_path, "x\n", "a: \"o3's and o1's scores; the models' results\"\n") == []


def test_a_single_quoted_quotation_of_the_livestream_needs_the_mark(tmp_path):
    assert _check(tmp_path, "x\n", "a: \"said 'Good!'\"\n")[0].endswith("write  (tr.) right after its closing quote, so a reader knows")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_chinese_quotation_must_be_verbatim_on_either_page(tmp_path, lang):
    assert _check(tmp_path, "直播说“准确率约为71.7%”。\n", lang=lang) == []
    assert _check(tmp_path, "直播说「我们发现准确率」。\n", lang=lang) == []
    assert len(_check(tmp_path, "直播说“准确率大约为71.7%”。\n", lang=lang)) == 1
    assert len(_check(tmp_path, "直播说「准确率大约为」。\n", lang=lang)) == 1
    assert len(_check(tmp_path, "直播说『准确率大约为』。\n", lang=lang)) == 1


def test_chinese_quotations_keep_the_transcript_s_spacing(tmp_path):
    assert _check(tmp_path, "“准确率约为71.7%”\n", lang="zh") == []
    # verbatim, spacing included: the transcript writes no space between 为 and 71.7%
    (problem,) = _check(tmp_path, "“准确率约为 71.7%”\n", lang="zh")
    assert "other spacing than its own" in problem, problem
    assert len(_check(tmp_path, "“准确率约为71.7％”\n", lang="zh")) == 1  # a full-width % is another character


def test_a_chinese_page_figure_is_its_chinese_value(tmp_path):
    assert _check(tmp_path, "“准确率约为{{ fig m.plain }}”\n", lang="zh") == []  # 准确率约为71.7%
    assert len(_check(tmp_path, "“准确率约为{{ fig m.plain }}”\n", lang="en")) == 1  # 准确率约为71.7 percent
    # a figure that prints its own qualifier changes the quoted words: 准确率约为约71.7%
    assert len(_check(tmp_path, "“准确率约为{{ fig m.bench }}”\n", lang="zh")) == 1


def test_a_chinese_table_text_is_checked(tmp_path):
    assert len(_check(tmp_path, "x\n", "a: 直播说“准确率大约为”\n", lang="zh")) == 1
    assert _check(tmp_path, "x\n", "a: 直播说“准确率约为”\n", lang="zh") == []


def test_a_latin_quotation_in_a_chinese_text_may_quote_the_chinese_transcript(tmp_path):
    assert _check(tmp_path, "口误说成“71.7%”。\n", lang="zh") == []
    assert len(_check(tmp_path, "口误说成“71.6%”。\n", lang="zh")) == 1


def test_a_recorded_source_text_may_be_quoted_in_either_language(tmp_path):
    recorded = ("An accuracy of 25.2% on the benchmark", "第三方写道：准确率为25.2%")
    assert _check(tmp_path, "原文：“accuracy of 25.2%”；“准确率为25.2%”。\n", lang="zh", recorded=recorded) == []
    assert len(_check(tmp_path, "原文：“accuracy of 25.3%”。\n", lang="zh", recorded=recorded)) == 1


def test_a_chinese_allowed_entry_passes(tmp_path):
    assert _check(tmp_path, "按钮“发布价”。\n", lang="zh", allowed={"发布价": "a button label"}) == []


def test_figure_notes_are_read_in_both_languages_with_file_line_and_field(tmp_path):
    notes = tmp_path / "figs.yaml"
    notes.write_text('figures:\n  - id: "a.b"\n    notes:\n      zh: "原话为“准确率大约为”。"\n'
                     "      en: \"He said 'we lost accuracy'.\"\n", encoding="utf-8")
    found = [q for lang in ("zh", "en") for q in quotes.data_quotes(notes, "data/figures/figs.yaml", "figures", ("notes",), str, lang)]
    assert [(q.where, q.text) for q in found] == [("data/figures/figs.yaml:4 (a.b.notes.zh)", "准确率大约为"),
                                                  ("data/figures/figs.yaml:5 (a.b.notes.en)", "we lost accuracy")]


def test_a_source_note_may_quote_its_own_source_in_english_but_not_invent_chinese(tmp_path):
    src = tmp_path / "sources.yaml"
    src.write_text('sources:\n  - id: "s"\n    note:\n      zh: "页面写着“Published 24 Mar 2025”，并称“准确率大约为”。"\n'
                   '      en: "The page says “Published 24 Mar 2025”."\n', encoding="utf-8")
    found = [q for lang in ("zh", "en") for q in quotes.data_quotes(src, "data/sources.yaml", "sources", ("note",), str, lang, of_source=True)]
    chinese = (FIXTURE / "baoyu-day12.zh.txt").read_text(encoding="utf-8")
    problems = quotes.check(found, quotes.translation_texts(FIXTURE / "en.yaml"), chinese, {}, "data/transcript/en.yaml")
    assert [p.where for p in problems] == ["data/sources.yaml:4 (s.note.zh)"]


def test_the_quotes_this_change_fixed_are_gone(story):
    found = {q.text for q in quotes.site_quotes(ROOT, story)}
    assert not {"通常在 {{ fig phd-experts.gpqa-diamond }} 左右", "能够超过 {{ fig o3.frontiermath.transcript }}", "最激进的高测试时计算设置",
                "人类表现阈值", "估算成本", "over 20%", "in o3's aggressive test environment"} & found


def test_a_quotation_of_the_video_captions_is_openai_s_own_english(tmp_path):
    captions = "good morning we found accuracy of about 71.7% on the bench good that's all"
    # verbatim captions, a correction in brackets: OpenAI's words, no translation mark
    assert _check(tmp_path, "Said: “accuracy of about 71.7% on the bench [benchmark]”.\n", captions=captions) == []
    # the translation mark on OpenAI's own words is wrong
    assert _check(tmp_path, f"Said: “on the bench [benchmark]”{T}.\n", captions=captions) == [
        "docs/page.en.md:1: “on the bench [benchmark]” quotes OpenAI's own words (its video's captions), not this project's "
        "translation: remove {{ translated }}"]
    # a changed word is neither the captions nor the translation
    assert len(_check(tmp_path, "Said: “accuracy of about 71.7% on the benchmarks”.\n", captions=captions)) == 1
