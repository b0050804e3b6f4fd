"""The whole dataset as one Frictionless Data Package under <site>/data/ (one copy for both languages).

One table per kind of record in data/ (figures, sources, metrics, fact-checks, timeline events and
the transcript numbers deliberately left unlinked): a CSV file (UTF-8 with a byte-order mark so
that Excel opens Chinese text intact; formula-safe) and the same rows as JSON (native types, no
escaping), and `datapackage.json` describing them: a Table Schema per CSV with types, titles,
descriptions, primary and foreign keys; licence, sources, version and citation.

Every column is a field of the records, both languages' texts side by side (`notes_zh`, `notes_en`).
`tables` and `descriptor` are pure; `write_package` is the I/O step.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import typing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from o3story.render import exports, fmt, release
from o3story.data import model
from o3story.render.fmt import plain_words
from o3story.render.i18n import t
from o3story.data.locale import LANGS
from o3story.data.model import Dataset
from o3story.data.story import Story

FOLDER = "data"  # under the site root: /data/datapackage.json
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
LIST_DELIMITER = ";"
# A text cell that a spreadsheet would run as a formula gets a leading apostrophe, as in the chart
# CSVs; so does one that already starts with an apostrophe, which makes the rule reversible:
# drop one leading apostrophe from a text cell that has one and you have the value in data/.
ESCAPED_START = exports.FORMULA_START + ("'",)
CSV_RULE = ("Text cells that start with = + - @, a tab, a carriage return or an apostrophe carry one extra "
            "leading apostrophe, so that spreadsheets do not run them as formulas; the JSON files hold the "
            "values unescaped.")
PLACEHOLDER = ("It may contain `{{ fig ID }}`: it stands for the value of the record ID in figures.csv, which "
               "the site shows formatted in its place; in a fact-check, `{{ turn N }}` stands for turn N of the "
               "transcript, which the site links; `{{ translated }}` follows an English quotation that is this "
               "project's translation of the Chinese transcript (the site marks it 'tr.').")
WORDS = ("As the site shows it, in plain text: each number is the value of a record in figures.csv, formatted "
         "(the `_template_` column beside it names the records).")
QUOTE_RIGHTS = ("Verbatim from the source, quoted for verification. The quoted text remains its author's or "
                "publisher's: the package's CC BY 4.0 licence does not cover it.")
QUOTE_RIGHTS_FIELD = "Quoted material: remains the source's (see the row's source in sources.csv); not under CC BY 4.0."
TRANSCRIPT_RIGHTS = ("Verbatim from 宝玉's Chinese transcript of the livestream (source baoyu-transcript), quoted for "
                     "fact-checking. The quoted text remains its author's: the package's CC BY 4.0 licence does not cover it.")


NOTES = "What a reader should know to use the value (setting, caveats, disagreements)."


def _enum(literal) -> list[str]:
    """The allowed values of a model's Literal type (kept in step with model.py)."""
    args = typing.get_args(literal)
    return [a for a in args if isinstance(a, str)] or [a for arg in args for a in typing.get_args(arg) if isinstance(a, str)]


@dataclass(frozen=True)
class Col:
    name: str
    type: str  # a Table Schema field type
    title: str
    description: str
    get: Callable[[object], object]
    required: bool = False
    enum: list[str] | None = None
    extra: dict = field(default_factory=dict)
    words: str | None = None  # a text with placeholders, given in plain words in this language (rows())

    def schema(self) -> dict:
        out: dict = {"name": self.name, "type": self.type, "title": self.title, "description": self.description}
        if self.type == "list":
            out.update(delimiter=LIST_DELIMITER, itemType="string")
        extra = dict(self.extra)
        constraints = extra.pop("constraints", {})
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = self.enum
        if constraints:
            out["constraints"] = constraints
        # Every field's licence: the package's, or, for verbatim quotes (marked `rights`), the source's.
        out["licenses"] = [exports.QUOTED_LICENCE if "rights" in extra else exports.OWN_LICENCE]
        out.update(extra)
        return out


@dataclass(frozen=True)
class Table:
    name: str  # the resource's name and the files' stem
    title: str
    description: str
    records: Callable[[Dataset], Sequence]
    cols: list[Col]
    foreign_keys: list[tuple[str, str, str]] = field(default_factory=list)  # (field, resource, field)


def _text(attr: str, lang: str) -> Callable[[object], str | None]:
    def get(rec):
        value = getattr(rec, attr)
        return value[lang] if value is not None else None

    return get


NAMES = {"zh": "Chinese", "en": "English"}


def _both(attr: str, title: str, description: str, required: bool = False) -> list[Col]:
    return [Col(f"{attr}_{lang}", "string", f"{title} ({NAMES[lang]})", f"{description} In {NAMES[lang]}.", _text(attr, lang),
                required=required) for lang in LANGS]


def _worded(attr: str, title: str, description: str, required: bool = False) -> list[Col]:
    """A text that may hold placeholders: `<attr>_<lang>` in plain words, as readers see it (what a journalist
    quotes), then `<attr>_template_<lang>` as written in data/, placeholders and all (which records it cites)."""
    return [
        *[Col(f"{attr}_{lang}", "string", f"{title} ({NAMES[lang]})", f"{description} {WORDS} In {NAMES[lang]}.",
              _text(attr, lang), required=required, words=lang) for lang in LANGS],
        *[Col(f"{attr}_template_{lang}", "string", f"{title}, as written in data/ ({NAMES[lang]})",
              f"{description} {PLACEHOLDER} In {NAMES[lang]}.", _text(attr, lang), required=required) for lang in LANGS],
    ]


def _setting(key: str) -> Callable[[object], object]:
    return lambda f: getattr(f.setting, key)


def _id(what: str) -> Col:
    return Col("id", "string", "ID", f"The {what}'s id in data/; unique.", lambda r: r.id, required=True)


FIGURES = Table(
    "figures", "Figures",
    "Every number the site shows: one row per record of data/figures/*.yaml, with its setting, value, unit, "
    "source, verbatim quote or locator, and confidence. The methods page shows each at #fig-<id>.",
    lambda d: d.figures,
    [
        _id("record"),
        Col("model", "string", "Model", "The model (or reference point, e.g. a human panel) the value belongs to: one name per model version, an id in models.csv, which gives its name as the pages show it in both languages (o3-preview: the December 2024 preview; o3-2025-04-16: the o3 released on 2025-04-16).",
            lambda f: f.model, required=True),
        Col("metric", "string", "Metric", "What is measured: an id in metrics.csv.", lambda f: f.metric, required=True),
        Col("effort", "string", "Reasoning effort", "Setting: the reasoning effort, where the source names one.", _setting("effort"),
            enum=_enum(model.Setting.model_fields["effort"].annotation)),
        Col("compute", "string", "Compute", "Setting: the test-time compute level, where the source names one.", _setting("compute"),
            enum=_enum(model.Setting.model_fields["compute"].annotation)),
        Col("samples", "integer", "Samples", "Setting: samples per task, where the source states them.", _setting("samples"),
            extra={"constraints": {"minimum": 1}}),
        Col("split", "string", "Dataset", "Setting: the dataset or split evaluated, where it matters.", _setting("split")),
        Col("aggregation", "string", "Scoring", "Setting: how attempts are scored (e.g. pass@1, consensus), where stated.", _setting("aggregation")),
        Col("scaffold", "string", "Scaffold", "Setting: the agent scaffold or tools used, where stated.", _setting("scaffold")),
        Col("pricing", "string", "Pricing basis", "Setting: the pricing a cost was computed with.", _setting("pricing")),
        Col("value", "number", "Value", "The number, in `unit`. `qualifier` says when it is a bound or approximate; "
            "`uncertainty` gives the error of a value read off a chart.", lambda f: f.value, required=True),
        Col("unit", "string", "Unit", "percent; points (percentage points); score (0-1); elo; usd_per_task, usd_total, usd_per_mtok "
            "(US dollars per task, in total, per million tokens); seconds; ms; ratio; tokens.", lambda f: f.unit,
            required=True, enum=_enum(model.Unit)),
        Col("qualifier", "string", "Qualifier", "about, more-than or less-than, when the source gives the value so.",
            lambda f: f.qualifier, enum=_enum(model.Qualifier)),
        Col("claim", "boolean", "Asserted, not measured", "true: a number asserted with no stated measurement behind it (a "
            "speaker's remark on the livestream, such as a latency), which the charts draw apart (hollow, dashed). false for "
            "a measurement, including a score OpenAI reported on the livestream; the livestream's claims that the site "
            "judges, with their verdicts, are in claims.csv.",
            lambda f: f.claim, required=True),
        Col("source", "string", "Source", "Where the value comes from: an id in sources.csv.", lambda f: f.source, required=True),
        Col("quote", "string", "Quote", "The source's words that state the value, verbatim. " + QUOTE_RIGHTS, lambda f: f.quote,
            extra={"rights": QUOTE_RIGHTS_FIELD}),
        Col("minute", "integer", "Minute", "For a number said on the livestream: the minute of OpenAI's video in which its words "
            "(the quote, from the video's captions) start.", lambda f: f.minute),
        Col("transcript", "string", "Transcript words", "For a number said on the livestream: the same words, verbatim in the "
            "Chinese transcript. " + QUOTE_RIGHTS, lambda f: f.transcript, extra={"rights": QUOTE_RIGHTS_FIELD}),
        Col("locator", "string", "Locator", "Where in the source the value stands (table row, section, chart), when the quote alone does not say.",
            lambda f: f.locator),
        Col("confidence", "string", "Confidence", "stated (written in the source's text or a table), stated-secondary (written in a "
            "third-party text), derived (computed: see formula), chart-read (read off a chart image: see uncertainty).",
            lambda f: f.confidence, required=True, enum=_enum(model.Confidence)),
        Col("formula", "string", "Formula", "For derived values: how the value is computed from other records (in English "
            "where it is in words).", lambda f: f.formula_in("en")),
        Col("formula_zh", "string", "Formula (Chinese)", "The formula in Chinese, where it is in words; the same as formula "
            "where it is ids and arithmetic.", lambda f: f.formula_in("zh")),
        Col("uncertainty", "number", "Uncertainty", "For values read off a chart: plus or minus this much, in `unit`.",
            lambda f: f.uncertainty),
        Col("date", "date", "Date", "The date the record gives for the value: that of the version of the source it is read in "
            "(a revised source can be later than its first publication).", lambda f: f.date, required=True),
        *_worded("notes", "Notes", NOTES),
    ],
    [("source", "sources", "id"), ("metric", "metrics", "id"), ("model", "models", "id")],
)

SOURCES = Table(
    "sources", "Sources",
    "Every source a record cites: one row per record of data/sources.yaml.",
    lambda d: d.sources,
    [
        _id("source"),
        Col("kind", "string", "Kind", "primary (the organisation that made the claim or measurement), secondary (press, blogs, "
            "third-party copies) or transcript (the livestream transcript).", lambda s: s.kind, required=True,
            enum=_enum(model.SourceKind)),
        Col("publisher", "string", "Publisher", "Who published the source.", lambda s: s.publisher, required=True),
        Col("author", "string", "Author", "The author, where one is named.", lambda s: s.author),
        Col("title", "string", "Title", "The source's title, as published.", lambda s: s.title, required=True),
        Col("url", "string", "URL", "Where the source is published.", lambda s: s.url, required=True, extra={"format": "uri"}),
        Col("archive", "string", "Archived copy", "An archived copy of the page (a web archive's snapshot), where one is "
            "recorded.", lambda s: s.archive, extra={"format": "uri"}),
        Col("published", "date", "Published", "When the source was published, where known.", lambda s: s.published),
        Col("accessed", "date", "Checked", "The day the quoted text was checked.", lambda s: s.accessed, required=True),
        Col("licence", "string", "Licence", "The source's own licence or terms, where known.", lambda s: s.licence),
        *_both("note", "Note", "What the source is and how it was read."),
        *_both("publisher_label", "Publisher as shown", "How the pages name the publisher, where its own name is a "
               "description or in one script only."),
        *_both("author_label", "Author as shown", "How the pages name the author, where the name is in one script only."),
        Col("title_en", "string", "Title (our translation)", "This project's English translation of a title not in English.",
            lambda s: s.title_en),
        *_both("title_label", "Title as shown", "How the pages name a source whose title is partly or wholly this "
               "project's description (a data file, a post without a title, which copy or revision)."),
    ],
)

METRICS = Table(
    "metrics", "Metrics",
    "What is measured: one row per record of data/metrics.yaml; figures.metric refers to it.",
    lambda d: d.metrics,
    [
        _id("metric"),
        *_both("name", "Name", "The metric's name.", required=True),
        Col("higher_is_better", "boolean", "Higher is better", "true when a higher value is better.", lambda m: m.higher_is_better,
            required=True),
        *_both("description", "Description", "What the metric measures."),
    ],
)

@dataclass(frozen=True)
class ModelRow:
    """A name figures.model may hold (data/models.yaml), as the pages show it, with the glossary's
    explanation where the name has an entry."""

    id: str
    kind: str
    stage: str | None
    label: dict
    definition: dict | None


def _models(data: Dataset) -> list[ModelRow]:
    terms = {g.id: g for g in data.glossary}
    return [ModelRow(m.name, m.kind, m.stage, {lang: data.model_label(m.name, lang) for lang in LANGS},
                     terms[m.term].definition if m.term in terms else None) for m in data.models]


MODELS = Table(
    "models", "Models",
    "The names figures.model may hold: one row per model version or reference point (a human panel, a prize "
    "target), one row per record of data/models.yaml, with its name as the pages show it in each language.",
    _models,
    [
        Col("id", "string", "ID", "The name as figures.model holds it (as its sources name it); unique.", lambda r: r.id,
            required=True),
        Col("kind", "string", "Kind", "model, or reference (a point of comparison that is not a model: a human panel, a "
            "prize target, a budget rule).", lambda r: r.kind, required=True, enum=_enum(model.ModelKind)),
        Col("stage", "string", "Stage", "For a model of the story: preview (the o3 shown in December 2024), released (a "
            "model as released) or checkpoint (an early checkpoint).", lambda r: r.stage,
            enum=_enum(model.ModelName.model_fields["stage"].annotation)),
        *_both("label", "Name as shown", "How the pages name it.", required=True),
        *_both("definition", "Explanation", "The glossary's explanation of the name, where it has an entry."),
    ],
)

FACTCHECKS = Table(
    "factchecks", "Fact-checks",
    "Errors and ambiguities in the livestream transcript, each with its correction: one row per record of data/factcheck.yaml.",
    lambda d: d.checks,
    [
        _id("fact-check"),
        Col("quote", "string", "Quote", "The transcript's words at issue, verbatim. " + TRANSCRIPT_RIGHTS, lambda c: c.quote,
            required=True, extra={"rights": "Quoted material: remains the transcript author's; not under CC BY 4.0."}),
        Col("said_en", "string", "Said (captions)", "What OpenAI's video captions say at that point, verbatim, with corrections of "
            "the automatic captions in [brackets], where they settle or show the words in question. " + QUOTE_RIGHTS,
            lambda c: c.said and c.said.en, extra={"rights": QUOTE_RIGHTS_FIELD}),
        Col("said_minute", "integer", "Said at minute", "The minute of OpenAI's video in which those words start.",
            lambda c: c.said and c.said.minute),
        Col("translation", "string", "Quote (our translation)", "This project's English for the quote, where the "
            "transcript's translation has none.", lambda c: c.translation),
        Col("judges", "string", "Judges", "Whose words the check judges: livestream (what a speaker said on the livestream), "
            "summary (the transcript article's own summary or highlights restating it) or transcript (the transcript's own "
            "rendering: a slip, a mishearing, a mistranslation).", lambda c: c.judges, required=True, enum=_enum(model.CheckWords)),
        Col("rank", "integer", "Rank", "For livestream and summary checks, the order of consequence within the group (1 matters most).",
            lambda c: c.rank),
        Col("rank_reason", "string", "Rank reason", "Why the check stands at its rank, in one line (English).", lambda c: c.rank_reason),
        Col("claim", "string", "Scorecard claim", "The scorecard claim whose words the check concerns, if any: an id in claims.csv.",
            lambda c: c.claim),
        Col("severity", "string", "Severity", "error (a wrong fact), misleading (true words that lead to a wrong conclusion), "
            "slip (a misspelt name or term) or ambiguous (unclear wording the site cannot resolve).", lambda c: c.severity,
            required=True, enum=_enum(model.Severity)),
        Col("verdict", "string", "Verdict", "What the check finds: " + ", ".join(_enum(model.CheckVerdict)) + ".",
            lambda c: c.verdict, required=True, enum=_enum(model.CheckVerdict)),
        *_worded("problem", "Problem", "What is wrong.", required=True),
        *_worded("correction", "Correction", "What is right, with its evidence.", required=True),
        Col("sources", "list", "Sources", f"Ids in sources.csv that support the correction, separated by '{LIST_DELIMITER}'.",
            lambda c: list(c.sources)),
        Col("figures", "list", "Figures", f"Ids in figures.csv that the check concerns, separated by '{LIST_DELIMITER}'.",
            lambda c: list(c.figures)),
    ],
    [("claim", "claims", "id")],
)

class _Row:
    """A record as a table shows it: its own fields read through, with what the table adds."""

    def __getattr__(self, name: str):
        if name == "record":  # not set yet (a copy being made): no recursion through this method
            raise AttributeError(name)
        return getattr(self.record, name)


@dataclass(frozen=True)
class EventRow(_Row):
    """A timeline event as the site shows it on the data's as-of date: one still to come in its scheduled
    words (`event`), and `upcoming` saying so."""

    record: model.Event
    upcoming: bool

    @property
    def event(self) -> dict:
        return self.record.scheduled if self.upcoming and self.record.scheduled else self.record.event


def _events(data: Dataset) -> list[EventRow]:
    return [EventRow(e, data.status is not None and data.status.upcoming(e.date)) for e in data.events]


TIMELINE = Table(
    "timeline", "Timeline",
    "What was promised on 2024-12-20 and what happened next: one row per record of data/timeline.yaml, in date order, "
    "as the site shows it on the data's as-of date (an event still to come in its scheduled words).",
    _events,
    [
        _id("event"),
        Col("date", "date", "Date", "The day of the event.", lambda e: e.date, required=True),
        Col("approximate_date", "boolean", "Approximate date", "true when the day is not certain.", lambda e: e.approximate_date,
            required=True),
        Col("upcoming", "boolean", "Still to come", "true when the event is dated after the data's as-of date (the date the "
            "package's version carries): `event` then says what is scheduled, as the site shows it; false once the date has passed.",
            lambda e: e.upcoming, required=True),
        Col("kind", "string", "Kind", "One of: " + ", ".join(_enum(model.EventKind)) + ".", lambda e: e.kind,
            required=True, enum=_enum(model.EventKind)),
        *_worded("event", "Event", "What happened; for an event still to come (`upcoming`), what is scheduled.", required=True),
        *_worded("scheduled", "Scheduled", "The event in the future tense, shown while its date is after the site's as-of date."),
        *_worded("promised", "Promised", "What had been promised on 2024-12-20, where there was a promise."),
        Col("promise_outcome", "string", "Promise outcome", "How the promise turned out: " + ", ".join(_enum(model.PromiseOutcome)) + ".",
            lambda e: e.promise and e.promise.outcome, enum=_enum(model.PromiseOutcome)),
        Col("promise_made", "date", "Promise made", "The day the promise was made.", lambda e: e.promise and e.promise.made),
        Col("promise_due", "date", "Promise due", "The day it was due, when the promise named one.", lambda e: e.promise and e.promise.due),
        *[Col(f"promise_reason_{lang}", "string", f"Promise outcome reason ({name})", f"Why the outcome is what it is. In {name}.",
              (lambda lang: lambda e: e.promise and e.promise.reason[lang])(lang)) for lang, name in NAMES.items()],  # noqa: B023 (bound by the outer lambda)
        Col("source", "string", "Source", "Where the event is documented: an id in sources.csv.", lambda e: e.source, required=True),
        Col("quote", "string", "Quote", "The source's words that support the event, verbatim. " + QUOTE_RIGHTS, lambda e: e.quote,
            extra={"rights": QUOTE_RIGHTS_FIELD}),
        Col("translation", "string", "Quote (our translation)", "This project's Chinese for an English quote, shown beside "
            "it on Chinese pages.", lambda e: e.translation),
        Col("figures", "list", "Figures", f"Ids in figures.csv that the event concerns, separated by '{LIST_DELIMITER}'.",
            lambda e: list(e.figures)),
    ],
    [("source", "sources", "id")],
)

UNLINKED = Table(
    "unlinked", "Transcript numbers left unlinked",
    "Numbers said in the livestream transcript that deliberately link to no figure record, each with the reason: "
    "one row per record of data/transcript/unlinked.yaml.",
    lambda d: d.unlinked,
    [
        _id("entry"),
        Col("quote", "string", "Quote", "The transcript's words holding the number, verbatim. " + TRANSCRIPT_RIGHTS, lambda u: u.quote,
            required=True, extra={"rights": "Quoted material: remains the transcript author's; not under CC BY 4.0."}),
        Col("number", "string", "Number", "The number exactly as written in the quote.", lambda u: u.number, required=True),
        *_both("reason", "Reason", "Why the number links to no record.", required=True),
    ],
)

CLAIM_VERDICTS = _enum(model.Verdict)


def _label(lang: str) -> Callable[[object], str | None]:
    """A verdict's label in `lang`, from the written scale (verdicts.csv has no table: the scale is in
    data/verdicts.yaml and on the methods page)."""
    return lambda row: row.label[lang] if row.label else None


@dataclass(frozen=True)
class ClaimRow(_Row):
    """A claim as the scorecard shows it: the record and its verdict's label."""

    record: model.Claim
    label: dict | None


@dataclass(frozen=True)
class StepRow:
    """One dated step of a claim's verdict history, with the claim's id and the verdict's label."""

    id: str
    claim: str
    date: date
    verdict: str | None
    reason: dict
    records: list[str]
    label: dict | None


def _claims(data: Dataset) -> list[ClaimRow]:
    return [ClaimRow(c, data.grade(c.verdict).label) for c in data.claims]


def _steps(data: Dataset) -> list[StepRow]:
    # a step the scale gave no verdict: the words the scorecard shows for it
    none = {lang: t(lang, "scorecard.no_verdict") for lang in LANGS}
    return [StepRow(f"{c.id}@{h.date.isoformat()}", c.id, h.date, h.verdict, h.reason, list(h.records),
                    data.grade(h.verdict).label if h.verdict else none)
            for c in data.claims for h in c.history]


CLAIMS = Table(
    "claims", "Claims and verdicts",
    "The livestream's headline claims, each with the verdict the written scale gives it today, its reason and the "
    "records it rests on: one row per claim of data/scorecard.yaml (the overview's scorecard). The scale's tests are "
    "on the methods page; claim_history.csv holds every earlier verdict.",
    _claims,
    [
        _id("claim"),
        Col("turn", "integer", "Transcript turn", "The turn of the Chinese transcript in which the claim was said.",
            lambda c: c.turn, required=True),
        Col("quote", "string", "Quote", "The claim's words in the Chinese transcript, verbatim. " + TRANSCRIPT_RIGHTS,
            lambda c: c.quote, required=True, extra={"rights": "Quoted material: remains the transcript author's; not under CC BY 4.0."}),
        Col("said_en", "string", "Said (captions)", "What OpenAI's video captions say, verbatim, with corrections of the "
            "automatic captions in [brackets]. " + QUOTE_RIGHTS, lambda c: c.said.en, required=True,
            extra={"rights": QUOTE_RIGHTS_FIELD}),
        Col("said_minute", "integer", "Said at minute", "The minute of OpenAI's video in which those words start.",
            lambda c: c.said.minute),
        *_worded("claim", "Claim", "The claim, in the site's words.", required=True),
        Col("verdict", "string", "Verdict", "The verdict today, on the written scale for claims: " + ", ".join(CLAIM_VERDICTS) + ".",
            lambda c: c.verdict, required=True, enum=CLAIM_VERDICTS),
        *[Col(f"verdict_label_{lang}", "string", f"Verdict as shown ({NAMES[lang]})", f"The verdict's label on the site. In {NAMES[lang]}.",
              _label(lang), required=True) for lang in LANGS],
        Col("verdict_since", "date", "Verdict since", "The day the current verdict was first given (its last step in "
            "claim_history.csv).", lambda c: c.since, required=True),
        *_worded("reason", "Reason", "Why the claim has its verdict, with its evidence.", required=True),
        Col("claimed", "list", "Claimed figures", f"Ids in figures.csv of the claim itself (the numbers said or shown), "
            f"separated by '{LIST_DELIMITER}'.", lambda c: list(c.claimed)),
        Col("evidence", "list", "Evidence", f"Ids in figures.csv of the later records the verdict rests on, primary sources "
            f"first, separated by '{LIST_DELIMITER}'.", lambda c: list(c.evidence), required=True),
    ],
)

CLAIM_HISTORY = Table(
    "claim_history", "Verdict history",
    "Every verdict each claim has had, oldest first: one row per step of a claim's history in data/scorecard.yaml. "
    "Each step is the verdict the written scale gives with the records public on its date; a claim's last step is "
    "its verdict in claims.csv.",
    _steps,
    [
        Col("id", "string", "ID", "The step's id: the claim's id, '@', the step's date; unique.", lambda r: r.id, required=True),
        Col("claim", "string", "Claim", "The claim: an id in claims.csv.", lambda r: r.claim, required=True),
        Col("date", "date", "Date", "The day the verdict was given: the day the claim was made, or the public date of the "
            "latest record the step cites.", lambda r: r.date, required=True),
        Col("verdict", "string", "Verdict", "The verdict from that day on, on the written scale for claims; empty where the "
            "scale gave none with the records of the day (the reason says why).", lambda r: r.verdict, enum=CLAIM_VERDICTS),
        *[Col(f"verdict_label_{lang}", "string", f"Verdict as shown ({NAMES[lang]})", f"The verdict's label on the site, or "
              f"the words it shows for a step with no verdict on the scale. In {NAMES[lang]}.", _label(lang), required=True)
          for lang in LANGS],
        *_worded("reason", "Reason", "Why the claim had that verdict from that day.", required=True),
        Col("records", "list", "Records", f"Ids in figures.csv that moved the verdict there, separated by '{LIST_DELIMITER}'.",
            lambda r: list(r.records)),
    ],
    [("claim", "claims", "id")],
)

TABLES = (FIGURES, CLAIMS, CLAIM_HISTORY, SOURCES, METRICS, MODELS, FACTCHECKS, TIMELINE, UNLINKED)


def _col(table: Table, name: str) -> Col:
    return next(c for c in table.cols if c.name == name)


def _written_by_exports(row: object) -> object:
    raise TypeError("a chart's data.csv is written by exports.csv_text; its columns only describe it")


# A chart's data.csv (exports.CSV_COLUMNS): each column is figures.csv's column of the same name, or one of these.
CHART_CSV_COLS = {
    "chart": Col("chart", "string", "Chart", "The chart's id: the site shows it at charts/<id>/.", _written_by_exports,
                 required=True),
    "figure_id": Col("figure_id", "string", "Figure", "The record the row's value is: its id in the data package's "
                     "figures.csv; the methods page shows it at #fig-<id>.", _written_by_exports, required=True),
    # the names the chart shows, beside the ids, so that the chart can be redrawn from this file alone
    **{f"model_{lang}": Col(f"model_{lang}", "string", f"Model as shown ({NAMES[lang]})", f"The model as the chart names it "
                            f"(models.csv's label_{lang}). In {NAMES[lang]}.", _written_by_exports, required=True) for lang in LANGS},
    **{f"metric_{lang}": Col(f"metric_{lang}", "string", f"Metric as shown ({NAMES[lang]})", f"The metric's name (metrics.csv's "
                             f"name_{lang}). In {NAMES[lang]}.", _written_by_exports, required=True) for lang in LANGS},
    "source_id": replace(_col(FIGURES, "source"), name="source_id"),
    **{f"source_{name}": replace(_col(SOURCES, name), name=f"source_{name}", title=title)
       for name, title in (("title", "Source's title"), ("publisher", "Source's publisher"), ("url", "Source's URL"))},
    **{f"notes_{lang}": replace(_col(FIGURES, f"notes_{lang}"), description=f"{NOTES} As the site shows it, in plain text. "
                                f"In {NAMES[lang]}.") for lang in LANGS},
    "quote": replace(_col(FIGURES, "quote"), extra={"rights": exports.QUOTE_RIGHTS}),
    "licence": Col("licence", "string", "Licence", f"The row's licence: {exports.LICENCE}, except the quote, which remains "
                   "its source's.", _written_by_exports, required=True),
}


def chart_csv_fields() -> list[dict]:
    """A chart's data.csv, each column as a Table Schema field (type, title, description, constraints,
    licence), for the chart's metadata.json; the package's files it names are the site's data package's."""
    fields = [(CHART_CSV_COLS.get(name) or _col(FIGURES, name)).schema() for name in exports.CSV_COLUMNS]
    for f in fields:
        f["description"] = re.sub(r"(?<!package's )\b(\w+\.csv)\b", r"the data package's \1", f["description"])
    return fields


def rows(table: Table, data: Dataset) -> list[dict[str, object]]:
    """The table's rows with the records' own values (dates as dates, lists as lists, None when absent); a
    text with placeholders in plain words where its column asks for it."""
    def cell(col: Col, rec) -> object:
        v = col.get(rec)
        return plain_words(v, col.words, data) if col.words and v is not None else v

    return [{c.name: cell(c, rec) for c in table.cols} for rec in table.records(data)]


def csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        value = LIST_DELIMITER.join(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, str):
        return "'" + value if value.startswith(ESCAPED_START) else value
    return str(value)


def csv_bytes(table: Table, data: Dataset) -> bytes:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow([c.name for c in table.cols])
    for row in rows(table, data):
        w.writerow([csv_cell(v) for v in row.values()])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _json_value(value: object) -> object:
    return value.isoformat() if hasattr(value, "isoformat") else value


def json_bytes(table: Table, data: Dataset) -> bytes:
    records = [{k: _json_value(v) for k, v in row.items()} for row in rows(table, data)]
    return (json.dumps(records, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _hash(data: bytes) -> dict:
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def citation(site_url: str, version: str, released: date) -> dict[str, dict[str, str]]:
    """How to cite the package, per language: the creator, title, data version and its date, the package's
    URL and licence; the same creator, version and date as CITATION.cff (render/release.py)."""
    url = package_url(site_url)
    out = {}
    for lang in LANGS:
        title = t(lang, "datapackage.title")
        day = released.isoformat()
        out[lang] = {
            "text": t(lang, "cite.package", creator=release.CREATOR, title=title, url=url, version=version, date=day,
                      licence=exports.LICENCE),
            "bibtex": fmt.bibtex(f"o3story-data-{lang}", {"title": title, "author": release.CREATOR, "year": released.year,
                                                           "date": day, "version": version,
                                                           "note": f"Data version {version} ({day}), {exports.LICENCE}"}, url),
        }
    return out


def package_url(site_url: str) -> str:
    """The absolute URL of datapackage.json; `site_url` may have a path (https://host/name/)."""
    return f"{site_url}{FOLDER}/datapackage.json"


def descriptor(story: Story, site_url: str, version: str, files: dict[str, bytes]) -> dict:
    """datapackage.json. `files`: the bytes of each file written beside it, for its size and hash."""
    data = story.data
    resources = []
    for table in TABLES:
        resources.append({
            "name": table.name,
            "type": "table",
            "path": f"{table.name}.csv",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "title": table.title,
            "description": f"{table.description} UTF-8 with a byte-order mark; lists are separated by '{LIST_DELIMITER}'. {CSV_RULE}",
            **_hash(files[f"{table.name}.csv"]),
            "schema": {
                "fields": [c.schema() for c in table.cols],
                "primaryKey": ["id"],
                **({"foreignKeys": [{"fields": [f], "reference": {"resource": r, "fields": [rf]}}
                                    for f, r, rf in table.foreign_keys]} if table.foreign_keys else {}),
                "missingValues": [""],
            },
        })
    for table in TABLES:
        resources.append({
            "name": f"{table.name}-json",
            "path": f"{table.name}.json",
            "format": "json",
            "mediatype": "application/json",
            "encoding": "utf-8",
            "title": f"{table.title} (JSON)",
            "description": f"The rows of {table.name}.csv as a JSON array of objects with the same keys: numbers, "
                           "booleans and lists as JSON values, null where a value is absent, texts unescaped.",
            **_hash(files[f"{table.name}.json"]),
        })
    return {
        "$schema": PROFILE,
        "name": "o3-story",
        "id": package_url(site_url),
        "title": f"{t('en', 'datapackage.title')} · {t('zh', 'datapackage.title')}",
        "description": t("en", "datapackage.description") + "\n\n" + t("zh", "datapackage.description"),
        "homepage": site_url,
        "version": version,
        "keywords": release.KEYWORDS,
        "licenses": [exports.OWN_LICENCE],
        "rights": "Data and text: CC BY 4.0. Quoted text (the fields marked with `rights`: "
                  + ", ".join(f"{tb.name}.{c.name}" for tb in TABLES for c in tb.cols if "rights" in c.extra)
                  + ") remains its source's and is not covered by the licence. Every field states its own licence (`licenses`).",
        "contributors": [{"title": release.CREATOR, "roles": ["author"], "path": site_url}],
        "sources": [{"title": f"{s.publisher}: {s.title}", "path": s.url} for s in data.sources],
        "citation": citation(site_url, version, release.release_date(story)),
        "resources": resources,
    }


def files(story: Story, site_url: str, version: str) -> dict[str, bytes]:
    """Every file of the package, by name."""
    out: dict[str, bytes] = {}
    for table in TABLES:
        out[f"{table.name}.csv"] = csv_bytes(table, story.data)
        out[f"{table.name}.json"] = json_bytes(table, story.data)
    desc = descriptor(story, site_url, version, out)
    out["datapackage.json"] = (json.dumps(desc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    return out


def write_package(site: Path, story: Story, site_url: str, version: str) -> list[Path]:
    folder = site / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in files(story, site_url, version).items():
        path = folder / name
        path.write_bytes(data)
        written.append(path)
    return written
