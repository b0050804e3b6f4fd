"""A corpus of malformed inputs: each fails the build with its exact `file:line: field: problem`,
exits non-zero, and leaves an existing built site untouched."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from conftest import FIXTURE_DATA, run_build
from o3story.data.errors import DataErrors
from o3story.data.story import load_story

CORPUS = Path(__file__).parent / "corpus"
EXPECTED = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
DEFAULT_TARGET = {"empty.yaml": "metrics.yaml", "no-speakers.zh.txt": "transcript/baoyu-day12.zh.txt"}
HUGE = "huge (generated, 10 MB)"


def target(path: Path) -> str:
    first = path.read_bytes().split(b"\n", 1)[0].decode("ascii", "replace")
    return first.split(":", 1)[1].strip() if first.startswith("# target:") else DEFAULT_TARGET[path.name]


def broken_data(tmp_path: Path, case: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    if case == HUGE:
        (data / "sources.yaml").write_bytes(b"sources:\n" + b"# padding\n" * 1_000_000)
    else:
        src = CORPUS / case
        (data / target(src)).write_bytes(src.read_bytes())
    return data


CASES = sorted(EXPECTED) + [HUGE]
EXPECTED[HUGE] = "data/sources.yaml:1: (file): file is 10,000,009 bytes, over the 1,000,000-byte limit"


def test_corpus_is_large_enough():
    files = [p for p in CORPUS.iterdir() if p.name != "expected.yaml"]
    assert len(files) >= 25 and {p.name for p in files} == set(EXPECTED) - {HUGE}
    assert set(BUILD_CASES) <= set(CASES)


@pytest.mark.parametrize("case", CASES)
def test_malformed_input_is_reported_exactly(tmp_path, case):
    with pytest.raises(DataErrors) as exc:
        load_story(broken_data(tmp_path, case))
    assert EXPECTED[case] in [str(e) for e in exc.value.errors]


# Every case fails in load_story (above), which the build's first step calls before MkDocs touches the
# site folder: one failure of each kind (the YAML reader, the file's bytes and size, a record's field,
# a cross-reference, the transcript) goes through a whole build, not all of them.
BUILD_CASES = ["broken-yaml.yaml", "latin1.yaml", "nul-byte.yaml", "fig-placeholder-unknown.yaml",
               "dangling-source.yaml", "no-speakers.zh.txt", HUGE]


@pytest.mark.slow
@pytest.mark.parametrize("case", BUILD_CASES)
def test_build_fails_and_keeps_the_previous_site(tmp_path, case):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("previous build", encoding="utf-8")
    result = run_build(site, "http://127.0.0.1:9/", data=broken_data(tmp_path, case))
    assert result.returncode != 0
    assert EXPECTED[case] in result.stderr
    assert [p.name for p in site.iterdir()] == ["index.html"]
    assert (site / "index.html").read_text(encoding="utf-8") == "previous build"
