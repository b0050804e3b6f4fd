"""The headline chart's title concludes only what its rows and the scorecard's verdicts support."""

from __future__ import annotations

import dataclasses

import pytest

from o3story.render.charts import claims_vs_shipped as cvs
from o3story.render.i18n import t


def _with(story, figure_id: str, value: float):
    figures = tuple(f.model_copy(update={"value": value}) if f.id == figure_id else f for f in story.data.figures)
    return dataclasses.replace(story, data=story.data.model_copy(update={"figures": figures}))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_row_on_the_same_test_is_lower_so_the_title_says_every(story, lang):
    assert cvs.build(story, lang).title == t(lang, "chart.claims-vs-shipped.title.every")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_row_at_or_above_december_and_the_title_no_longer_says_every(story, lang):
    said = story.data.figure("o3.codeforces-elo").value
    changed = _with(story, "o3-2025-04-16.codeforces-elo.high.launch-page", said)
    title = cvs.title(changed, lang)
    assert title != t(lang, "chart.claims-vs-shipped.title.every")
    n = len(cvs.ROWS) + 1 - 1  # every row but FrontierMath's, which is judged not comparable
    assert title == t(lang, "chart.claims-vs-shipped.title.some", lower=n - 1, n=n)


def test_a_row_judged_not_comparable_does_not_count(story):
    # FrontierMath's released figure is lower, but on another test: raising it changes nothing.
    changed = _with(story, "o3.frontiermath.epoch-2025-04", 99)
    assert cvs.title(changed, "en") == t("en", "chart.claims-vs-shipped.title.every")


def test_rows_name_claims_of_the_scorecard(story):
    ids = {c.id for c in story.data.claims}
    assert set(cvs.ROW_CLAIMS.values()) <= ids
    assert {row[0] for row in (*cvs.ROWS, cvs.ELO_ROW)} == set(cvs.ROW_CLAIMS)
