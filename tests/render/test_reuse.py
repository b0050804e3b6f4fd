"""Reuse across builds (render/reuse.py): a result is found again only for the same code and inputs,
and a build that reuses writes the same bytes as one that computes everything."""

from __future__ import annotations

from pathlib import Path

import pytest

from o3story.render import reuse as reuse_mod
from o3story.render.reuse import Reuse


def counted():
    calls = []

    def make(value):
        def inner():
            calls.append(value)
            return value
        return inner
    return calls, make


def test_the_same_inputs_are_made_once_across_builds(tmp_path: Path):
    calls, make = counted()
    assert Reuse(tmp_path)("page", ["v1", "# A"], make({"html": "a"})) == {"html": "a"}
    again = Reuse(tmp_path)  # a later build: a new object, the same folder
    assert again("page", ["v1", "# A"], make({"html": "b"})) == {"html": "a"}
    assert calls == [{"html": "a"}] and (again.hits, again.misses) == (1, 0)


@pytest.mark.parametrize("kind, inputs", [("page", ["v2", "# A"]), ("page", ["v1", "# B"]), ("chart-page", ["v1", "# A"])])
def test_any_other_input_or_kind_is_made_again(tmp_path: Path, kind, inputs):
    calls, make = counted()
    Reuse(tmp_path)("page", ["v1", "# A"], make(1))
    assert Reuse(tmp_path)(kind, inputs, make(2)) == 2
    assert calls == [1, 2]


def test_a_change_to_the_code_is_a_new_key(tmp_path: Path, monkeypatch):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("x = 1\n", encoding="utf-8")
    monkeypatch.setattr(reuse_mod, "PACKAGE", package)
    reuse_mod.code_hash.cache_clear()
    try:
        before = Reuse(tmp_path / "r").key("page", ["v1"])
        (package / "a.py").write_text("x = 2\n", encoding="utf-8")
        reuse_mod.code_hash.cache_clear()
        assert Reuse(tmp_path / "r").key("page", ["v1"]) != before
    finally:
        reuse_mod.code_hash.cache_clear()


def test_a_damaged_entry_is_made_again_and_off_reuses_nothing(tmp_path: Path):
    calls, make = counted()
    first = Reuse(tmp_path)
    first("page", ["v1"], make(1))
    (entry,) = tmp_path.iterdir()
    entry.write_bytes(b"not a pickle")
    assert Reuse(tmp_path)("page", ["v1"], make(2)) == 2
    off = Reuse(None)
    assert off("page", ["v1"], make(3)) == 3 and off("page", ["v1"], make(4)) == 4
    assert calls == [1, 2, 3, 4] and len(list(tmp_path.iterdir())) == 1  # no temporary file left


def test_entries_unused_for_two_weeks_are_removed(tmp_path: Path):
    import os
    import time

    Reuse(tmp_path)("page", ["old"], lambda: 1)
    Reuse(tmp_path)("page", ["new"], lambda: 2)
    old = Reuse(tmp_path).key("page", ["old"])[:32]
    (stale,) = [p for p in tmp_path.iterdir() if old in p.name]
    weeks = time.time() - (reuse_mod.KEEP_DAYS + 1) * 86400
    os.utime(stale, (weeks, weeks))
    Reuse(tmp_path)
    assert [p.name for p in tmp_path.iterdir() if old in p.name] == [] and len(list(tmp_path.iterdir())) == 1
