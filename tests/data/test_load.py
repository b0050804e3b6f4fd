"""Bad data is reported as `data/<file>:<line>: <field>: <problem>`, all errors at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import edit
from o3story.data.errors import DataErrors
from o3story.data.story import load_story


def errors_of(data: Path) -> list[str]:
    with pytest.raises(DataErrors) as exc:
        load_story(data)
    return [str(e) for e in exc.value.errors]


def test_fixture_is_valid(data_dir):
    story = load_story(data_dir)
    assert [f.id for f in story.data.figures] == ["m.bench", "m.bench.paper"]
    assert story.data.figure("m.bench").value == 71.7


CASES = [
    # (file, old, new, expected message)
    ("figures/a.yaml", "    value: 71.7\n", "    value: \"71.7\"\n",
     "data/figures/a.yaml:5: figures[0].value: must be a number (unquoted)"),
    ("figures/a.yaml", "    model: M1\n", "    model: M1\n    colour: red\n",
     "data/figures/a.yaml:4: figures[0].colour: unknown key (allowed: id, model, metric, setting, value, unit, qualifier, claim, source, quote, locator, confidence, formula, uncertainty, date, notes, minute, transcript)"),
    ("figures/a.yaml", "    model: M0\n", "",
     "data/figures/a.yaml:11: figures[1].model: required field is missing"),
    ("figures/a.yaml", "    value: 71.7\n", "    value: 171.7\n",
     "data/figures/a.yaml:5: figures[0].value: 171.7 percent must be between 0 and 100"),
    ("figures/a.yaml", "    value: 48.9\n    unit: percent\n", "    value: -3\n    unit: usd_per_task\n",
     "data/figures/a.yaml:15: figures[1].value: -3 usd_per_task must be at least 0"),
    ("figures/a.yaml", "    value: 71.7\n", "    value: .nan\n",
     "data/figures/a.yaml:5: figures[0].value: must be a finite number"),
    ("figures/a.yaml", "    date: 2024-12-20\n  - id", "    date: 2024-13-45\n  - id",
     "data/figures/a.yaml:10: figures[0].date: not a real date (month must be in 1..12)"),
    ("figures/a.yaml", "    source: paper\n", "    source: nowhere\n",
     "data/figures/a.yaml:17: figures[1].source: unknown source id 'nowhere'"),
    ("figures/a.yaml", "    metric: bench\n    setting", "    metric: benhc\n    setting",
     "data/figures/a.yaml:13: figures[1].metric: unknown metric id 'benhc'"),
    ("figures/a.yaml", "  - id: m.bench.paper\n", "  - id: m.bench\n",
     "data/figures/a.yaml:11: figures[1].id: duplicate figure id 'm.bench' (first at data/figures/a.yaml:2)"),
    ("sources.yaml", "    url: https://example.org/paper\n", "    url: javascript:alert(1)\n",
     "data/sources.yaml:14: sources[1].url: must be an http(s) URL without spaces or quotes"),
    ("figures/a.yaml", "    confidence: stated\n    date: 2024-12-20\n  - id", "    confidence: derived\n    date: 2024-12-20\n  - id",
     "data/figures/a.yaml:2: figures[0].formula: required exactly when confidence is 'derived'"),
    ("figures/a.yaml", "    quote: \"准确率约为71.7%\"\n", "    quote: \"准确率约为99.9%\"\n",
     "data/figures/a.yaml:8: figures[0].quote: quote not found verbatim in any speaker turn of the transcript"),
    ("figures/a.yaml", "    unit: percent\n    source: talk\n", "    unit: percent\n\tsource: talk\n",
     "data/figures/a.yaml:7: (yaml): while scanning a plain scalar found a tab character that violates indentation"),
    ("figures/a.yaml", "    model: M1\n", "    model: M1\n    model: M2\n",
     "data/figures/a.yaml:4: figures[0].model: duplicate key 'model'"),
    ("metrics.yaml", "    higher_is_better: true\n", "    higher_is_better: yes please\n",
     "data/metrics.yaml:4: metrics[0].higher_is_better: Input should be a valid boolean"),
    ("transcript/en.yaml", "    paragraphs: [\"Good!\"]\n", "    paragraphs: [\"Good!\", \"Extra.\"]\n",
     "data/transcript/en.yaml:21: turns[1].paragraphs: turn 2 has 2 paragraphs, the Chinese has 1"),
    # The audit changelog: strict, typed, and every change names a record that exists.
    ("changelog.yaml", "        field: quote\n", "        field: quote\n        colour: red\n",
     "data/changelog.yaml:10: audits[0].changes[0].colour: unknown key (allowed: record, kind, field, was, now, reason, source_text)"),
    ("changelog.yaml", "      - record: paper\n", "      - record: nowhere\n",
     "data/changelog.yaml:14: audits[0].changes[1].record: unknown source id 'nowhere'"),
    ("changelog.yaml", "      - record: m.bench\n", "      - record: m.bench.typo\n",
     "data/changelog.yaml:7: audits[0].changes[0].record: unknown figure id 'm.bench.typo'"),
    ("changelog.yaml", "        kind: source\n", "        kind: sauce\n",
     "data/changelog.yaml:15: audits[0].changes[1].kind: Input should be 'figure', 'source', 'check', 'event' or 'unlinked'"),
    ("changelog.yaml", "        now: \"A new note.\"\n", "",
     "data/changelog.yaml:14: audits[0].changes[1].now: a change needs what the field was, what it is now, or both"),
    ("changelog.yaml", "        was: \"约为71.7%\"\n", "        was: \"准确率约为71.7%\"\n",
     "data/changelog.yaml:11: audits[0].changes[0].now: the same as 'was', so nothing changed"),
    # one change per field of a record in an audit: the feed's entry for a correction is named by them
    ("changelog.yaml", "      - record: paper\n        kind: source\n        field: note\n",
     "      - record: m.bench\n        kind: figure\n        field: quote\n",
     "data/changelog.yaml:16: audits[0].changes[1].field: a second change to figure 'm.bench', field 'quote', in the same audit (first at changes[0]): one change per field per audit"),
    ("changelog.yaml", "    date: 2026-12-01\n", "    date: 2026-12-41\n",
     "data/changelog.yaml:4: audits[0].date: not a real date (day is out of range for month)"),
    # the footer dates the data by its last audit, the byline by the as-of date: one date
    ("changelog.yaml", "    date: 2026-12-01\n", "    date: 2026-12-05\n",
     "data/changelog.yaml:4: audits[0].date: dated 2026-12-05, after the data's as-of date (2026-12-04, data/status.yaml): move as_of forward to the day the data was brought up to date"),
    ("changelog.yaml", "        reason: {zh: 补充。, en: Added.}\n", "        reason: {zh: 补充。}\n",
     "data/changelog.yaml:18: audits[0].changes[1].reason.en: required field is missing"),
    ("timeline.yaml", "    kind: release\n", "    kind: deprecated\n",
     "data/timeline.yaml:9: events[1].kind: Input should be 'announcement', 'release', 'test', 'price', 'disclosure', 'deadline', 'deprecation', 'decision' or 'retirement'"),
]


@pytest.mark.parametrize("file,old,new,message", CASES, ids=[c[3].split(": ", 2)[1] + ":" + c[3].rsplit(": ", 1)[1][:30] for c in CASES])
def test_bad_data_message(data_dir, file, old, new, message):
    edit(data_dir / file, old, new)
    assert message in errors_of(data_dir)


def test_all_errors_reported_at_once(data_dir):
    edit(data_dir / "figures/a.yaml", "    value: 71.7\n", "    value: 171.7\n")
    edit(data_dir / "sources.yaml", "    url: https://example.org/paper\n", "    url: ftp://example.org\n")
    found = errors_of(data_dir)
    assert len(found) == 2
    assert [f.split(":")[0] for f in found] == ["data/figures/a.yaml", "data/sources.yaml"]


def test_empty_file(data_dir):
    (data_dir / "metrics.yaml").write_text("", encoding="utf-8")
    assert "data/metrics.yaml:1: (file): file is empty" in errors_of(data_dir)


def test_not_utf8(data_dir):
    (data_dir / "metrics.yaml").write_bytes(b"metrics:\n  - id: caf\xe9\n")
    assert "data/metrics.yaml:2: (file): not UTF-8 (byte 0xe9 at offset 20)" in errors_of(data_dir)


def test_huge_file(data_dir):
    (data_dir / "metrics.yaml").write_bytes(b"# " + b"x" * 10_000_000 + b"\n")
    assert "data/metrics.yaml:1: (file): file is 10,000,003 bytes, over the 1,000,000-byte limit" in errors_of(data_dir)


def test_wrong_top_level_key(data_dir):
    edit(data_dir / "metrics.yaml", "metrics:", "metric:")
    assert "data/metrics.yaml:1: (file): must be a mapping with the single key 'metrics' (found: metric)" in errors_of(data_dir)


def test_transcript_without_speakers(data_dir):
    path = data_dir / "transcript/baoyu-day12.zh.txt"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Ann Author: ", "").replace("所有人: ", ""), encoding="utf-8")
    found = errors_of(data_dir)
    assert any(e.startswith("data/transcript/baoyu-day12.zh.txt:") and ": turns: " in e for e in found), found


def test_check_command_exit_code(data_dir, capsys):
    from o3story.__main__ import main

    assert main(["check", str(data_dir)]) == 0
    edit(data_dir / "figures/a.yaml", "    value: 71.7\n", "    value: 171.7\n")
    assert main(["check", str(data_dir)]) == 1
    assert "data/figures/a.yaml:5: figures[0].value:" in capsys.readouterr().err


def test_a_stated_number_must_be_linked_or_explained(data_dir):
    path = data_dir / "transcript/baoyu-day12.zh.txt"
    edit(path, "第二段。", "第二段，还有42个问题。")
    edit(data_dir / "transcript/en.yaml", "Second paragraph.", "Second paragraph, with 42 questions.")
    assert ("data/transcript/baoyu-day12.zh.txt:40: turns[0].paragraphs[1]: the number '42' links to no figure "
            "or fact-check and is not listed in transcript/unlinked.yaml") in errors_of(data_dir)
    (data_dir / "transcript/unlinked.yaml").write_text(
        'unlinked:\n  - id: q\n    quote: "还有42个问题"\n    number: "42"\n    reason: {zh: 举例。, en: An example.}\n', encoding="utf-8")
    load_story(data_dir)  # explained: no error


def test_unlinked_quote_must_hold_its_number(data_dir):
    (data_dir / "transcript/unlinked.yaml").write_text(
        'unlinked:\n  - id: q\n    quote: "第二段"\n    number: "42"\n    reason: {zh: 举例。, en: An example.}\n', encoding="utf-8")
    assert "data/transcript/unlinked.yaml:4: unlinked[0].number: the quote does not hold the number '42'" in errors_of(data_dir)


def test_changelog_loads_typed(data_dir):
    audit = load_story(data_dir).data.audits[0]
    assert audit.id == "audit-1" and audit.date.isoformat() == "2026-12-01"
    assert [(c.record, c.kind, c.field, c.was, c.now) for c in audit.changes] == [
        ("m.bench", "figure", "quote", "约为71.7%", "准确率约为71.7%"),
        ("paper", "source", "note", None, "A new note."),
    ]


def test_changelog_is_required(data_dir):
    (data_dir / "changelog.yaml").unlink()
    assert "data/changelog.yaml:1: (file): cannot read: No such file or directory" in errors_of(data_dir)


def test_changelog_needs_a_change(data_dir):
    text = (data_dir / "changelog.yaml").read_text(encoding="utf-8")
    (data_dir / "changelog.yaml").write_text(text[: text.index("    changes:")] + "    changes: []\n", encoding="utf-8")
    assert "data/changelog.yaml:6: audits[0].changes: List should have at least 1 item after validation, not 0" in errors_of(data_dir)


def test_changelog_names_records_of_every_kind(data_dir):
    text = (data_dir / "changelog.yaml").read_text(encoding="utf-8")
    extra = "".join(
        f"      - record: {rid}\n        kind: {kind}\n        field: f\n        now: x\n        reason: {{zh: 因。, en: Why.}}\n"
        for kind, rid in (("check", "no-such-check"), ("event", "launch"), ("unlinked", "no-such-number")))
    (data_dir / "changelog.yaml").write_text(text + extra, encoding="utf-8")
    found = [e for e in errors_of(data_dir) if e.startswith("data/changelog.yaml")]
    assert found == [
        "data/changelog.yaml:19: audits[0].changes[2].record: unknown check id 'no-such-check'",
        "data/changelog.yaml:29: audits[0].changes[4].record: unknown unlinked id 'no-such-number'",
    ]


# --- the claims scorecard (data/scorecard.yaml): strict, every claim with evidence and a verdict ---------

SCORECARD_CASES = [
    ("    verdict: partly-held\n", "",
     "data/scorecard.yaml:2: claims[0].verdict: required field is missing"),
    ("    verdict: partly-held\n", "    verdict: mostly-true\n",
     "data/scorecard.yaml:9: claims[0].verdict: Input should be 'held', 'held-preview', 'partly-held', 'did-not-hold', 'not-comparable' or 'not-verifiable'"),
    ("    evidence: [m.bench.paper]\n", "",
     "data/scorecard.yaml:2: claims[0].evidence: required field is missing"),
    ("    evidence: [m.bench.paper]\n", "    evidence: []\n",
     "data/scorecard.yaml:8: claims[0].evidence: a claim needs at least one record as evidence"),
    ("    evidence: [m.bench.paper]\n", "    evidence: [m.bench.typo]\n",
     "data/scorecard.yaml:8: claims[0].evidence[0]: unknown figure id 'm.bench.typo'"),
    ("    verdict: partly-held\n", "    verdict: partly-held\n    colour: red\n",
     "data/scorecard.yaml:10: claims[0].colour: unknown key (allowed: id, turn, quote, said, claim, claimed, evidence, verdict, reason, history)"),
    ('    quote: "我们发现准确率约为71.7%"\n', '    quote: "我们发现准确率约为99%"\n',
     "data/scorecard.yaml:4: claims[0].quote: not found verbatim in turn 1 of the transcript"),
    ("    turn: 1\n", "    turn: 2\n",
     "data/scorecard.yaml:4: claims[0].quote: not found verbatim in turn 2 of the transcript (it is in turn 1)"),
    # What was said: OpenAI's words, verbatim from the video's captions, at their minute.
    ("we found accuracy of about 71.7%", "we measured accuracy of about 71.7%",
     "data/scorecard.yaml:5: claims[0].said.en: not found verbatim in OpenAI's video captions (data/transcript/captions.en.txt); "
     "corrections go in [brackets] after the misheard words"),
    ("minute: 0}", "minute: 1}",
     "data/scorecard.yaml:5: claims[0].said.minute: the captions have these words in minute 0, not 1"),
    ('    said: {en: "we found accuracy of about 71.7% on the bench [benchmark]", minute: 0}\n', "",
     "data/scorecard.yaml:2: claims[0].said: required field is missing"),
    # The written scale's rules, checked at load (data/verdicts.yaml).
    ("    verdict: partly-held\n", "    verdict: held\n",
     "data/scorecard.yaml:9: claims[0].verdict: 'held' needs a later record of the released model on the claimed metric that "
     "matches or beats the claim; an early checkpoint, a run with tools, a list price or the livestream itself cannot carry it alone "
     "(see data/verdicts.yaml)"),
    ("    verdict: partly-held\n", "    verdict: held-preview\n",
     "data/scorecard.yaml:9: claims[0].verdict: 'held-preview' needs a record not published by OpenAI that confirms the preview's "
     "figure, and a record of the released model on the same metric that is lower (see data/verdicts.yaml)"),
    ("    verdict: partly-held\n", "    verdict: did-not-hold\n",
     "data/scorecard.yaml:9: claims[0].verdict: 'did-not-hold' needs evidence on the same model version, metric and effort that "
     "falls short of the claim (a claim true of the preview but not of the release is 'held-preview' or 'partly-held'; see data/verdicts.yaml)"),
    ("    evidence: [m.bench.paper]\n", "    evidence: [m.bench]\n",
     "data/scorecard.yaml:8: claims[0].evidence: 'partly-held' needs at least one piece of evidence other than the livestream itself"),
    ('en: "The paper gives {{ fig m.bench.paper }}."', 'en: "The paper gives 48.9%."',
     "data/scorecard.yaml:10: claims[0].reason.en: typed number '48.9%': write it as {{ fig ID }} so it comes from a record"),
    ('en: "The paper gives {{ fig m.bench.paper }}."', 'en: "The paper gives {{ fig m.nope }}."',
     "data/scorecard.yaml:10: claims[0].reason.en: unknown figure id 'm.nope'"),
    ("    turn: 1\n", "    turn: 9\n",
     "data/scorecard.yaml:3: claims[0].turn: the transcript has no turn 9 (it has 1 to 2)"),
]


@pytest.mark.parametrize("old,new,message", SCORECARD_CASES)
def test_bad_scorecard_message(data_dir, old, new, message):
    edit(data_dir / "scorecard.yaml", old, new)
    assert message in errors_of(data_dir)


def test_scorecard_evidence_lists_primary_sources_first(data_dir):
    edit(data_dir / "figures/a.yaml", "    source: paper\n", "    source: blog\n")
    edit(data_dir / "sources.yaml", "sources:\n", "sources:\n  - {id: blog, kind: secondary, publisher: A blog, title: A post, url: 'https://example.org/b', accessed: 2026-11-26}\n")
    edit(data_dir / "scorecard.yaml", "    evidence: [m.bench.paper]\n", "    evidence: [m.bench.paper, m.bench]\n")
    # m.bench (the transcript) is no primary source either: nothing primary comes after a secondary one
    assert not any("primary" in e for e in errors_of_or_none(data_dir))
    edit(data_dir / "figures/a.yaml", "    source: talk\n", "    source: paper\n")
    edit(data_dir / "figures/a.yaml", "    quote: \"准确率约为71.7%\"\n", "    quote: \"准确率约为71.7%\"\n    locator: p. 1\n")
    assert ("data/scorecard.yaml:8: claims[0].evidence[0]: 'm.bench.paper' is not from a primary source but comes before one: "
            "list primary sources first") in errors_of(data_dir)


def errors_of_or_none(data: Path) -> list[str]:
    try:
        load_story(data)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def test_scorecard_is_required(data_dir):
    (data_dir / "scorecard.yaml").unlink()
    assert any(e.startswith("data/scorecard.yaml:1: (file): cannot read") for e in errors_of(data_dir))


def test_scorecard_loads_typed(data_dir):
    (claim,) = load_story(data_dir).data.claims
    assert (claim.id, claim.turn, claim.verdict, claim.evidence) == ("bench", 1, "partly-held", ["m.bench.paper"])


# --- fact-check verdicts and promise outcomes -----------------------------------------------------------

def test_a_check_needs_a_verdict(data_dir):
    edit(data_dir / "factcheck.yaml", "    verdict: wrong\n", "")
    assert "data/factcheck.yaml:2: checks[0].verdict: required field is missing" in errors_of(data_dir)
    edit(data_dir / "factcheck.yaml", "    severity: slip\n", "    severity: slip\n    verdict: fine\n")
    assert ("data/factcheck.yaml:5: checks[0].verdict: Input should be 'wrong', 'misleading', 'imprecise', 'garbled' or 'unverified'"
            in errors_of(data_dir))


def test_a_promise_needs_its_outcome(data_dir):
    text = (data_dir / "timeline.yaml").read_text(encoding="utf-8")
    line = next(ln for ln in text.splitlines(keepends=True) if ln.startswith("    promise: "))
    edit(data_dir / "timeline.yaml", line, "")
    assert ("data/timeline.yaml:7: events[1].promise: an event with `promised` needs its outcome (promise: {outcome, made, due, reason})"
            in errors_of(data_dir))


def test_a_promise_outcome_is_one_of_four(data_dir):
    edit(data_dir / "timeline.yaml", "outcome: kept,", "outcome: sort-of,")
    assert ("data/timeline.yaml:12: events[1].promise.outcome: Input should be 'kept', 'kept-late', 'changed' or 'not-kept'"
            in errors_of(data_dir))


def test_real_data_has_a_verdict_everywhere(story):
    assert story.data.claims and all(c.evidence and c.verdict for c in story.data.claims)
    assert all(c.verdict for c in story.data.checks)
    assert all(ev.promise for ev in story.data.events if ev.promised)
    assert 8 <= len(story.data.claims) <= 12


# --- whose words a fact-check judges, and the order of consequence ---------------------------------

LIVESTREAM = "    judges: livestream\n    rank: 1\n    rank_reason: The one check.\n"


def test_a_check_says_whose_words_it_judges(data_dir):
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", "")
    assert "data/factcheck.yaml:2: checks[0].judges: required field is missing" in errors_of(data_dir)


def test_whose_words_is_one_of_three(data_dir):
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", "    judges: openai\n")
    assert ("data/factcheck.yaml:10: checks[0].judges: Input should be 'livestream', 'summary' or 'transcript'"
            in errors_of(data_dir))


def test_a_check_of_the_livestream_needs_its_rank_and_reason(data_dir):
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", "    judges: livestream\n")
    assert ("data/factcheck.yaml:2: checks[0].rank: a check that judges the livestream's words needs its rank of consequence"
            in errors_of(data_dir))
    edit(data_dir / "factcheck.yaml", "    judges: livestream\n", "    judges: livestream\n    rank: 1\n")
    assert "data/factcheck.yaml:2: checks[0].rank_reason: say in one line why the check stands at its rank" in errors_of(data_dir)


def test_a_transcript_slip_has_no_rank(data_dir):
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", "    judges: transcript\n    rank: 2\n")
    assert ("data/factcheck.yaml:11: checks[0].rank: only a check of the livestream's words or of the article's summary has a rank"
            in errors_of(data_dir))


def test_ranks_run_from_one_without_gaps(data_dir):
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", LIVESTREAM.replace("rank: 1", "rank: 2"))
    assert ("data/factcheck.yaml:11: checks[0].rank: rank 2: the livestream has 1 ranked checks, so ranks run 1 to 1"
            in errors_of(data_dir))


def test_the_livestream_is_quoted_from_a_speaker_turn(data_dir):
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", LIVESTREAM)
    load_story(data_dir)  # the fixture's quote stands in a speaker turn
    edit(data_dir / "factcheck.yaml", 'quote: "准确率约为71.7%"', 'quote: "第一点"')  # a point of the article's summary
    assert ("data/factcheck.yaml:10: checks[0].judges: a check of the livestream's words quotes a speaker turn, not the article's own text"
            in errors_of(data_dir))


def test_a_check_names_a_known_scorecard_claim(data_dir):
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", "    judges: transcript\n    claim: nowhere\n")
    assert "data/factcheck.yaml:11: checks[0].claim: unknown scorecard claim id 'nowhere'" in errors_of(data_dir)
    edit(data_dir / "factcheck.yaml", "    claim: nowhere\n", "    claim: bench\n")
    assert load_story(data_dir).data.checks[0].claim == "bench"


# --- each language whole: what a reader sees has both languages (data/settings.yaml, models.yaml labels)

def test_a_setting_value_without_chinese_fails_where_the_figure_uses_it(data_dir):
    edit(data_dir / "figures" / "a.yaml", "setting: {effort: low}", "setting: {effort: low, scaffold: no tools}")
    assert any(e.startswith("data/figures/a.yaml:14: figures[1].setting.scaffold: 'no tools' has no Chinese in data/settings.yaml")
               for e in errors_of(data_dir)), errors_of(data_dir)
    (data_dir / "settings.yaml").write_text('settings:\n  - {field: scaffold, en: "no tools", zh: "不用工具"}\n', encoding="utf-8")
    story = load_story(data_dir)
    from o3story.render.fmt import setting

    fig = story.data.figure("m.bench.paper")
    assert setting(fig, "zh", story.data) == "推理强度：低；框架：不用工具"
    assert setting(fig, "en", story.data) == "Reasoning effort: low; Scaffold: no tools"


def test_a_stale_setting_translation_fails(data_dir):
    (data_dir / "settings.yaml").write_text('settings:\n  - {field: split, en: "gone", zh: "已无"}\n', encoding="utf-8")
    assert "data/settings.yaml:2: settings[0].en: 'gone' (split) is used by no figure: remove it" in errors_of(data_dir)


def test_a_reference_needs_a_label_in_both_languages(data_dir):
    edit(data_dir / "models.yaml", "  - name: M2\n    kind: model", "  - name: M2\n    kind: reference")
    assert any("models[2].label: the reference 'M2' is shown to readers of both languages" in e for e in errors_of(data_dir))
    edit(data_dir / "models.yaml", "kind: reference", 'kind: reference\n    label: {zh: "参照", en: "reference"}')
    story = load_story(data_dir)
    assert story.data.model_label("M2", "zh") == "参照" and story.data.model_label("M2", "en") == "reference"
    assert story.data.model_label("M1", "zh") == "M1"


def test_a_month_is_no_typed_number_but_a_count_is(data_dir):
    """The Chinese pages write December as "12 月": a month, not a figure. Any other number is typed."""
    edit(data_dir / "scorecard.yaml", 'reason: {zh: "论文给出 {{ fig m.bench.paper }}。"', 'reason: {zh: "论文在 12 月给出 {{ fig m.bench.paper }}。"')
    assert not any("typed number" in e for e in errors_of_or_none(data_dir))
    edit(data_dir / "scorecard.yaml", "论文在 12 月给出", "论文在 13 月给出 12 个")
    found = [e for e in errors_of(data_dir) if "typed number" in e]
    assert sorted(e.split("typed number ")[1].split(":")[0] for e in found) == ["'12'", "'13'"], found


def test_a_fact_check_may_point_to_a_turn_that_exists(data_dir):
    """`{{ turn N }}` in a fact-check's text links turn N of the transcript: it must exist, and it
    stands in fact-checks only."""
    edit(data_dir / "factcheck.yaml", "problem: {zh: 问题。, en: The problem.}", 'problem: {zh: "问题（{{ turn 2 }}）。", en: "The problem ({{ turn 2 }})."}')
    assert errors_of_or_none(data_dir) == []
    edit(data_dir / "factcheck.yaml", "The problem ({{ turn 2 }}).", "The problem ({{ turn 9 }}).")
    assert errors_of(data_dir) == ["data/factcheck.yaml:6: checks[0].problem.en: the transcript has no turn '9'"]
    edit(data_dir / "factcheck.yaml", "The problem ({{ turn 9 }}).", "The problem ({{ turn 2 }}).")
    edit(data_dir / "scorecard.yaml", 'en: "The paper gives {{ fig m.bench.paper }}."', 'en: "The paper gives {{ fig m.bench.paper }} ({{ turn 2 }})."')
    assert any("scorecard.yaml" in e and "not '{{ turn 2 }}'" in e for e in errors_of(data_dir))
