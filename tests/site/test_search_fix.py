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
    assert len(search_fix.BUGGY.findall(before)) == 1 and not search_fix.FIXED.search(before)
    assert search_fix.fix_query_segmentation(site) == [worker]
    after = worker.read_text(encoding="utf-8")
    assert len(search_fix.FIXED.findall(after)) == 1 and not search_fix.BUGGY.search(after)
    assert len(after) == len(before) + 1  # one "=" added
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
    with pytest.raises(search_fix.SearchWorkerChanged, match=r"search\..*\.js: Material's search worker .* \(0 found\)"):
        search_fix.fix_query_segmentation(site)

