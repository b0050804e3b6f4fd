"""Each scorecard claim's verdict history (data/scorecard.yaml `history`) is traceable: every step's date
is the public date of the records that moved it (the first, the day the claim was made), no step is after
the data's as-of date, the steps are in order, and the last is the claim's verdict. Checked at load, on
the real data and on broken copies of it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from o3story.data.errors import DataErrors
from o3story.data.story import load_story
from o3story.data.validate import public_date

ROOT = Path(__file__).resolve().parents[2]
# the data's as-of date (data/status.yaml), which moves forward whenever the site is brought up to date
AS_OF = re.search(r'as_of: "(\d{4}-\d\d-\d\d)"', (ROOT / "data" / "status.yaml").read_text(encoding="utf-8")).group(1)


@pytest.fixture(scope="module")
def data():
    return load_story(ROOT / "data").data


def _broken(tmp_path: Path, old: str, new: str) -> list[str]:
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    path = copy / "scorecard.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataErrors) as exc:
        load_story(copy)
    return [str(e) for e in exc.value.errors]


def test_every_claim_has_a_history_that_ends_in_its_verdict(data):
    sources = {s.id: s for s in data.sources}
    for claim in data.claims:
        assert claim.history, claim.id
        assert claim.history[-1].verdict == claim.verdict, claim.id
        assert claim.since == claim.history[-1].date
        # the first step is the livestream's day; later steps are dated by their latest record
        assert claim.history[0].date.isoformat() == "2024-12-20", claim.id
        dates = [s.date for s in claim.history]
        assert dates == sorted(set(dates)), claim.id
        for step in claim.history[1:]:
            assert step.records, (claim.id, step.date)
            assert step.date == max(public_date(data.figure(r), sources) for r in step.records), (claim.id, step.date)
        for step in claim.history:
            assert step.date <= data.status.as_of
            assert set(step.records) <= set(claim.claimed) | set(claim.evidence)


def test_the_histories_as_reconstructed(data):
    """The reconstruction on the written scale: what each claim's verdict was, from when."""
    got = {c.id: [(s.date.isoformat(), s.verdict) for s in c.history] for c in data.claims}
    assert got["swe-bench"] == [("2024-12-20", "not-verifiable"), ("2025-04-16", "partly-held")]
    assert got["codeforces"] == [("2024-12-20", "not-verifiable"), ("2025-02-03", "not-comparable"), ("2025-04-16", "partly-held")]
    assert got["frontiermath"] == [("2024-12-20", "not-verifiable"), ("2025-04-20", "not-comparable")]
    # ARC Prize confirmed the preview's scores the same day, before any o3 was released: no verdict of the scale applied
    assert got["arc-agi"] == [("2024-12-20", None), ("2025-04-22", "held-preview")]
    assert got["o3-mini-latency-half"] == [("2024-12-20", "not-verifiable")]


@pytest.mark.parametrize("old, new, expected", [
    # the last step must be the claim's verdict: one truth per judgement
    ('        verdict: held-preview\n', '        verdict: not-comparable\n',
     "claims[5].verdict: the claim's verdict is 'held-preview' but its history's last step says 'not-comparable'"),
    # a date earlier than the records it cites
    ('      - date: "2025-04-22"', '      - date: "2025-04-21"',
     "claims[5].history[1].records[0]: 'arc.o3-2025-04-16.low.knowledgegpt' was public on 2025-04-22, after the step's date (2025-04-21)"),
    # a date later than the records that moved it is a date no record gives
    ('      - date: "2025-04-22"', '      - date: "2025-05-01"',
     "claims[5].history[1].date: a step is dated by the latest public date of the records that moved it (2025-04-22), not 2025-05-01"),
    # the first step is the day the claim was made
    ('      - date: "2024-12-20"\n        verdict: not-verifiable\n        records: [o3.swe-bench-verified]',
     '      - date: "2024-12-21"\n        verdict: not-verifiable\n        records: [o3.swe-bench-verified]',
     "claims[0].history[0].date: the first step is the claim's state on the day it was made (2024-12-20, the livestream), not 2024-12-21"),
    # after the data's as-of date
    ('      - date: "2025-04-20"', '      - date: "2027-04-20"',
     f"claims[4].history[1].date: dated 2027-04-20, after the data's as-of date ({AS_OF}, data/status.yaml)"),
    # a record that does not exist, and one that is not the claim's
    ('        records: [o3.frontiermath.epoch-2025-04]', '        records: [o3.frontiermath.epoch-2099]',
     "claims[4].history[1].records[0]: unknown figure id 'o3.frontiermath.epoch-2099'"),
    ('        records: [o3.frontiermath.epoch-2025-04]', '        records: [o3-2025-04-16.gpqa-diamond.high.launch-page]',
     "claims[4].history[1].records[0]: 'o3-2025-04-16.gpqa-diamond.high.launch-page' is neither one of the claim's own records"),
    # a verdict the scale does not allow with the evidence of that day
    ('      - date: "2024-12-20"\n        verdict: not-verifiable\n        records: [o3.swe-bench-verified]',
     '      - date: "2024-12-20"\n        verdict: held\n        records: [o3.swe-bench-verified]',
     "claims[0].history[0].verdict: with the evidence public on 2024-12-20, the written scale does not allow 'held'"),
    # a step that changes nothing
    ('        verdict: not-comparable\n        records: [o3.codeforces-elo.arxiv-2502-06807]',
     '        verdict: not-verifiable\n        records: [o3.codeforces-elo.arxiv-2502-06807]',
     "claims[1].history[1].verdict: the same verdict as the step before it ('not-verifiable')"),
    # numbers in a step's reason come from records, as in `reason`
    ("no published measurement of o3 on FrontierMath existed.", "no published measurement of o3 on FrontierMath existed, 25% aside.",
     "claims[4].history[0].reason.en: typed number '25%'"),
])
def test_a_broken_history_is_reported_exactly(tmp_path, old, new, expected):
    errors = _broken(tmp_path, old, new)
    assert any(expected in e for e in errors), errors


def test_steps_out_of_order_are_reported(tmp_path):
    old = '''      - date: "2025-02-03"
        verdict: not-comparable
        records: [o3.codeforces-elo.arxiv-2502-06807]'''
    errors = _broken(tmp_path, old, old.replace("2025-02-03", "2025-04-17"))
    assert any("claims[1].history[2].date: dated 2025-04-16, not after the step before it (2025-04-17)" in e for e in errors), errors


def test_a_history_error_names_the_file_the_line_and_the_field(tmp_path):
    # like every data error: data/<file>:<line>: <field>: <problem>, the line being the step's own field
    errors = _broken(tmp_path, '      - date: "2025-04-20"', '      - date: "2027-04-20"')
    line = 1 + (ROOT / "data/scorecard.yaml").read_text(encoding="utf-8").split('      - date: "2025-04-20"')[0].count("\n")
    assert f"data/scorecard.yaml:{line}: claims[4].history[1].date: dated 2027-04-20, after the data's as-of date " \
           f"({AS_OF}, data/status.yaml)" in errors, errors
