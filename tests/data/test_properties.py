"""Property: whatever YAML a data file holds, loading fails only with the project's own DataErrors."""

from __future__ import annotations

import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import FIXTURE_DATA
from o3story.data.errors import DataErrors
from o3story.data.story import load_story

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30), st.dates().map(str),
)
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4), max_leaves=20)
# Documents shaped like ours (right top-level key, record-like items) reach deeper code than noise.
FIELDS = ["id", "model", "metric", "value", "unit", "source", "quote", "confidence", "date", "setting", "notes", "qualifier"]
records = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)
documents = st.one_of(values, st.fixed_dictionaries({"figures": st.lists(records, max_size=4)}))
TARGETS = ["figures/a.yaml", "sources.yaml", "metrics.yaml", "factcheck.yaml", "timeline.yaml", "transcript/en.yaml"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(doc=documents, target=st.sampled_from(TARGETS), raw=st.booleans(), junk=st.binary(max_size=60))
def test_random_yaml_never_crashes_the_loader(tmp_path_factory, doc, target, raw, junk):
    data = tmp_path_factory.mktemp("prop") / "data"
    shutil.copytree(FIXTURE_DATA, data)
    content = junk if raw else yaml.safe_dump(doc, allow_unicode=True).encode("utf-8")
    (data / target).write_bytes(content)
    try:
        load_story(data)
    except DataErrors as exc:
        assert exc.errors and all(str(e).startswith("data/") for e in exc.errors)
