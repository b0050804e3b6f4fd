"""The transcript parser keeps everything: parts reassemble to the source, whitespace aside."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from o3story.data.errors import DataErrors
from o3story.data.transcript import load, parse, to_text

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "data/transcript/baoyu-day12.zh.txt"
SEED = ROOT.parent / "shared/seeds/000_173d954756cd436c.txt"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def transcript():
    return load(SOURCE, "data/transcript/baoyu-day12.zh.txt")


def test_round_trip(transcript):
    assert squash(to_text(transcript)) == squash(SOURCE.read_text(encoding="utf-8"))


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not beside this checkout")
def test_copy_is_byte_exact():
    assert SOURCE.read_bytes() == SEED.read_bytes()


def test_header_and_summary(transcript):
    assert transcript.source_url == "https://baoyu.io/blog/openai-day12-o3-o3-mini-model-release"
    assert transcript.published == "2024-12-20"
    assert transcript.author == "宝玉"
    assert transcript.one_line.startswith("OpenAI 发布了新一代高性能推理模型 o3")
    assert [p.label for p in transcript.key_points][:2] == ["模型定位", "o3 编程与数学突破"]
    assert len(transcript.risks) == 3
    assert transcript.video_url == "https://www.bilibili.com/video/BV1hYkDYrEDx"


def test_turns(transcript):
    turns = transcript.turns
    assert len(turns) == 72
    assert [t.n for t in turns] == list(range(1, 73))
    assert set(transcript.speakers()) == {"Sam Altman", "Mark Chen", "Greg Kamradt", "Hongyu Ren", "所有人"}
    assert turns[0].speaker == "Sam Altman" and turns[0].paragraphs[0].startswith("早上好")
    assert turns[-1].speaker == "所有人" and turns[-1].text == "圣诞快乐！"
    # a continuation paragraph belongs to the turn above it
    assert len(turns[0].paragraphs) == 5
    assert transcript.turn_with("87.5%").speaker == "Greg Kamradt"


def test_reassembly_detects_a_lost_line(transcript):
    # The round-trip check can fail: dropping a paragraph changes the reassembled text.
    from dataclasses import replace

    cut = replace(transcript, turns=transcript.turns[:-1])
    assert squash(to_text(cut)) != squash(SOURCE.read_text(encoding="utf-8"))


def test_no_speaker_lines_is_an_error():
    text = SOURCE.read_text(encoding="utf-8")
    head = text.split("* * *")[0] + "* * *\n\n只有叙述，没有说话人。\n"
    with pytest.raises(DataErrors) as exc:
        parse(head, "data/t.txt")
    assert any(e.field == "turns" for e in exc.value.errors)
    assert str(exc.value.errors[0]).startswith("data/t.txt:")
