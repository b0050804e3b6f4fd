"""The rules of the written verdict scale (data/verdicts.yaml) that code can check, on the real data:
the verdicts the site gave before the scale existed break them, each with its reason."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from o3story.data.errors import DataErrors
from o3story.data.story import load_story

ROOT = Path(__file__).resolve().parents[2]

# The verdicts of the scorecard before the scale (commit 766e300), by claim.
BEFORE = {"codeforces": "held", "arc-agi": "did-not-hold", "arc-human-threshold": "did-not-hold",
          "o3-mini-beats-o1": "held", "o3-mini-cost": "held", "o3-mini-latency-half": "not-comparable"}


def _with_verdicts(tmp_path: Path, verdicts: dict[str, str]) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "scorecard.yaml"
    text = path.read_text(encoding="utf-8")
    for claim, verdict in verdicts.items():
        text, n = re.subn(rf"(  - id: {re.escape(claim)}\n(?:    .*\n|      .*\n)*?    verdict: )[a-z-]+", rf"\g<1>{verdict}", text)
        assert n == 1, claim
    path.write_text(text, encoding="utf-8")
    return data


def _errors(data: Path) -> list[str]:
    try:
        load_story(data)
    except DataErrors as exc:
        return [str(e) for e in exc.errors]
    return []


def test_the_old_verdicts_break_the_scale(tmp_path):
    errors = _errors(_with_verdicts(tmp_path, BEFORE))
    def about(claim_index: int, verdict: str) -> list[str]:
        return [e for e in errors if f"claims[{claim_index}]" in e and f"'{verdict}'" in e]
    ids = [c.id for c in load_story(ROOT / "data").data.claims]
    # Codeforces held on a run with a terminal and an early checkpoint; o3-mini's cost on list prices
    assert about(ids.index("codeforces"), "held")
    assert about(ids.index("o3-mini-cost"), "held")
    # ARC: true of the preview, so not 'did not hold'; the 85% bar: no measurement of the same thing falls short
    assert about(ids.index("arc-agi"), "did-not-hold")
    assert about(ids.index("arc-human-threshold"), "did-not-hold")
    # latency against o1: never measured, so not 'not comparable'
    assert about(ids.index("o3-mini-latency-half"), "not-comparable")
    # o3-mini beats o1: a claim with no number of its own cannot be held by code's rules
    assert about(ids.index("o3-mini-beats-o1"), "held")


def test_today_s_verdicts_pass_the_scale():
    load_story(ROOT / "data")  # raises on any broken rule


@pytest.mark.parametrize("claim,verdict", [("swe-bench", "held"), ("gpqa", "held"), ("aime", "did-not-hold"),
                                           ("o3-mini-latency-half", "not-comparable"), ("arc-agi", "did-not-hold"),
                                           ("frontiermath", "held-preview"), ("o3-mini-cost", "held")])
def test_a_verdict_the_evidence_cannot_carry_fails(tmp_path, claim, verdict):
    assert any(f"'{verdict}'" in e for e in _errors(_with_verdicts(tmp_path, {claim: verdict})))


def _without_released(tmp_path: Path, claim: str, evidence: list[str] | None = None) -> tuple[Path, int]:
    """The real data with the released o3's records taken out of one claim's evidence and reasons (or its
    evidence set to `evidence`), and that claim's index."""
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    path = data / "scorecard.yaml"
    text = path.read_text(encoding="utf-8")
    block = re.search(rf"  - id: {claim}\n(?:    .*\n|      .*\n|        .*\n|          .*\n)*", text)[0]
    listed = re.search(r"    evidence: \[(.*)\]\n", block)
    kept = evidence or [ref for ref in listed[1].split(", ") if not ref.startswith("arc.o3-2025-04-16.")]
    cut = block.replace(listed[0], f"    evidence: [{', '.join(kept)}]\n")
    cut = re.sub(r"\{\{ fig (arc\.o3-2025-04-16\.|arc\.o3\.semi-private\.high)[^}]*\}\}", "", cut)  # the reasons no longer cite them
    cut = re.sub(r", arc\.o3\.semi-private\.high-compute\.score\]", "]", cut)  # nor the first step's records
    path.write_text(text.replace(block, cut), encoding="utf-8")
    return data, [c.id for c in load_story(ROOT / "data").data.claims].index(claim)


def test_a_claim_shown_on_the_preview_also_cites_the_released_model(tmp_path):
    """ARC's claim with the released o3's records taken out of its evidence: its records of the preview on
    ARC-AGI-1 stand alone, and it fails to load, naming a preview record and a released one."""
    data, n = _without_released(tmp_path, "arc-agi")
    found = [e for e in _errors(data) if f"claims[{n}].evidence" in e and "released model" in e]
    assert found and "arc.o3.semi-private" in found[0] and "'arc.o3-2025-04-16." in found[0], _errors(data)


def test_a_claim_that_names_o3_cites_the_released_model(tmp_path):
    """The 85% bar's claim as it stood before 2026-12-07 ("o3 passed it", evidence on the bar and the human
    panel only, none on any o3): it names o3, the released o3's ARC scores are on record, so it fails to
    load."""
    before = ["arc.grand-prize-target", "arc.humans-easily.kaggle-2024", "arc.human-panel.average.arc-agi-2-launch",
              "arc.human-panel.arc-agi-2-launch"]
    data, n = _without_released(tmp_path, "arc-human-threshold", before)
    found = [e for e in _errors(data) if f"claims[{n}].evidence" in e and "names o3" in e]
    assert found and ("'arc.o3-2025-04-16." in found[0] or "'o3-2025-04-16." in found[0]), _errors(data)
