"""One English wording per quote: the site's English quotations of the livestream are verbatim spans
of its own translation (data/transcript/en.yaml). How quotations are found, and which quoted text is
not the livestream, is documented in scripts/o3story/site/quotes.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from o3story.site import quotes

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "data" / "transcript"


def test_every_english_quote_of_the_livestream_is_a_span_of_the_translation(story):
    problems = quotes.site_problems(ROOT, story)
    assert not problems, "\n".join(map(str, problems))


def test_the_finder_reads_every_kind_of_place(story):
    # Not vacuous: quotations are found in pages, chart texts, figure notes, fact-checks and the timeline.
    where = {q.where.split(":")[0] for q in quotes.site_quotes(ROOT, story)}
    assert {"docs/o3-mini.en.md", "scripts/o3story/render/i18n/en/chart-o3-mini-elo-cost.yaml", "data/figures/derived.yaml",
            "data/factcheck.yaml", "data/timeline.yaml"} <= where


def test_the_quotes_the_issue_named_are_gone(story):
    found = {q.text for q in quotes.site_quotes(ROOT, story)}
    assert not {"even outperforms o1", "at a fraction of the cost", "half the latency of o1"} & found


# --- the test of the test, on a small fixture -------------------------------------------------------

def _check(tmp_path: Path, page: str, table: str = "", allowed: dict[str, str] | None = None) -> list[str]:
    (tmp_path / "page.en.md").write_text(page, encoding="utf-8")
    (tmp_path / "chart.yaml").write_text(table or "k: plain\n", encoding="utf-8")
    found = list(quotes.page_quotes(tmp_path / "page.en.md", "docs/page.en.md", lambda fig: {"m.bench": "about 71.7%"}[fig]))
    found += list(quotes.table_quotes(tmp_path / "chart.yaml", "i18n/en/chart.yaml"))
    english = quotes.translation_texts(FIXTURE / "en.yaml")
    chinese = (FIXTURE / "baoyu-day12.zh.txt").read_text(encoding="utf-8")
    return [str(p) for p in quotes.check(found, english, chinese, allowed or {}, "data/transcript/en.yaml")]


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
