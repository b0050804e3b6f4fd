"""site/search_fix.py: Material's search worker, in the built site, looks a Chinese word up whole (its
query splitter stopped one character short: 成本 was looked up as 成)."""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from o3story.site import search_fix

INSTALLED = Path(material.__file__).parent / "templates" / search_fix.WORKERS


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site's workers folder, holding the installed theme's search worker."""
    (tmp_path / search_fix.WORKERS).mkdir(parents=True)
    for worker in INSTALLED.glob("search.*"):
        shutil.copy(worker, tmp_path / search_fix.WORKERS / worker.name)
    return tmp_path


def test_the_installed_worker_has_the_loop_and_the_fix_changes_only_it(site):
    (worker,) = (site / search_fix.WORKERS).glob("search.*.js")
    before = worker.read_text(encoding="utf-8")
    for _, buggy, fixed, _ in search_fix.FIXES:
        assert len(buggy.findall(before)) == 1 and not fixed.search(before)
    assert search_fix.fix_query_segmentation(site) == [worker]
    after = worker.read_text(encoding="utf-8")
    for _, buggy, fixed, _ in search_fix.FIXES:
        assert len(fixed.findall(after)) == 1 and not buggy.search(after)
    assert len(after) == len(before) + 1 - 2  # one "=" added, one "-1" taken away
    # the source map beside it is not a worker
    assert (site / search_fix.WORKERS / (worker.name + ".map")).read_bytes() == (INSTALLED / (worker.name + ".map")).read_bytes()


def test_the_fix_is_idempotent(site):
    search_fix.fix_query_segmentation(site)
    (worker,) = (site / search_fix.WORKERS).glob("search.*.js")
    once = worker.read_text(encoding="utf-8")
    assert search_fix.fix_query_segmentation(site) == []
    assert worker.read_text(encoding="utf-8") == once


def test_a_changed_worker_stops_the_build_with_what_to_check(site):
    (worker,) = (site / search_fix.WORKERS).glob("search.*.js")
    worker.write_text("self.onmessage=()=>{}", encoding="utf-8")
    with pytest.raises(search_fix.SearchWorkerChanged, match=r"search\..*\.js: Material's search worker no longer has the loop .* \(0 found\)"):
        search_fix.fix_query_segmentation(site)


def test_a_worker_with_one_place_gone_stops_the_build_and_is_left_unwritten(site):
    (worker,) = (site / search_fix.WORKERS).glob("search.*.js")
    _, walk, _, _ = search_fix.FIXES[1]
    text = walk.sub("0", worker.read_text(encoding="utf-8"))
    worker.write_text(text, encoding="utf-8")
    with pytest.raises(search_fix.SearchWorkerChanged, match=r"the walk to the last word .* \(0 found\)"):
        search_fix.fix_query_segmentation(site)
    assert worker.read_text(encoding="utf-8") == text  # not half-fixed

