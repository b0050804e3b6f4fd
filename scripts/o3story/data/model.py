"""Typed records for everything under data/.

Every model rejects unknown keys and wrong types (strict mode), so a typo in a
YAML file is an error, not a silently missing value. Cross-record checks
(dangling ids, duplicates, transcript quotes) live in `validate.py`.
"""

from __future__ import annotations

import math
import re
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, PlainValidator, model_validator



def _iso_day(value: object) -> date:
    # YAML dates are loaded as plain strings (see load.py), so that a bad date is
    # reported with its line like any other field instead of crashing the YAML parser.
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("must be a date written YYYY-MM-DD")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise ValueError(f"not a real date ({exc})") from None


def _http_url(value: str) -> str:
    if not re.fullmatch(r"https?://[^\s<>\"'`]+", value):
        raise ValueError("must be an http(s) URL without spaces or quotes")
    return value


def _https_url(value: str) -> str:
    if not re.fullmatch(r"https://[^\s<>\"'`]+", value):
        raise ValueError("must be an https URL without spaces or quotes")
    return value


def _finite_number(value: object) -> int | float:
    # One clear error instead of pydantic's two (one per member of `int | float`).
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError("must be a number (unquoted)")
    if math.isnan(value) or math.isinf(value):
        raise ValueError("must be a finite number")
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]
Url = Annotated[str, AfterValidator(_http_url)]
HttpsUrl = Annotated[str, AfterValidator(_https_url)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]*$", max_length=80)]
Str = Annotated[str, Field(min_length=1)]
# int stays int and float stays float, so "78.0" keeps its stated precision on the page.
Number = Annotated[int | float, PlainValidator(_finite_number)]


class Record(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Text(Record):
    """A string in both languages: the site is complete in each."""

    zh: Str
    en: Str

    def __getitem__(self, lang: str) -> str:
        return getattr(self, lang)


# video: the publisher's own recording of the livestream (primary); its words are quoted from its captions.
SourceKind = Literal["primary", "video", "secondary", "transcript"]


class Source(Record):
    id: Id
    kind: SourceKind
    publisher: Str
    author: Str | None = None
    title: Str
    url: Url
    # An archived copy of the page (a web archive's snapshot of `url`), shown beside the source
    # wherever it is listed; https only. Left out unless the exact snapshot address is known.
    archive: HttpsUrl | None = None
    published: Day | None = None
    # When the quoted text was checked (the research brief's reading), not a live fetch.
    accessed: Day
    licence: Str | None = None
    note: Text | None = None
    # How the pages name the publisher in each language, where `publisher` (as the source names
    # itself) is not a name in both: a description ("ARC Prize Foundation data copied in ...") or a
    # name in one script (宝玉的分享). Left out, `publisher` is shown in both languages.
    publisher_label: Text | None = None
    author_label: Text | None = None  # the same for `author`
    # The project's English translation of a title that is not in English (shown beside the title on
    # English pages, marked as our translation).
    title_en: Str | None = None
    # How the pages name a source whose `title` is partly or wholly the project's description (a data
    # file, a post without a title, a page whose title was not recorded, which copy or revision): in
    # each language, its English the same as `title`. Left out, `title` (the source's own) is shown.
    title_label: Text | None = None

    @model_validator(mode="after")
    def _one_english_title(self) -> "Source":
        if self.title_label is not None and self.title_label.en != self.title:
            raise ValueError(f"title_label: its English must be the title ('{self.title}'), not '{self.title_label.en}'")
        # Pages name a source as "title (publisher)": a description closing the title in round
        # brackets would read "Deprecations (OpenAI API documentation) (OpenAI)". The project's own
        # words in a title are in square brackets, as in quotations.
        if self.title_label is not None and self.title.endswith(")"):
            raise ValueError(f"title: the project's description at its end goes in square brackets, not round ones ('{self.title}')")
        return self

    def publisher_in(self, lang: str) -> str:
        return self.publisher_label[lang] if self.publisher_label is not None else self.publisher

    def author_in(self, lang: str) -> str | None:
        return self.author_label[lang] if self.author_label is not None else self.author

    @property
    def title_lang(self) -> str:
        """The language the title is written in (an HTML lang value)."""
        return text_lang(self.title)


def text_lang(text: str) -> str:
    """The language a source's own words are in, as an HTML lang value (every source this site
    quotes is in Chinese or English): Chinese when Chinese characters carry the text (a character
    counts for a word of about three letters), so a Chinese sentence naming o3-mini is Chinese and an
    English note that cites one Chinese word is English."""
    return "zh-Hans" if 3 * len(CJK_CHAR.findall(text)) >= len(LATIN_LETTER.findall(text)) else "en"


def translation_problem(quote: str | None, translation: str | None) -> str | None:
    """What is wrong with a record's `translation` of its source `quote`, if anything: an English quote
    needs the project's Chinese (Chinese pages show it beside the quote), and nothing else takes one."""
    english = quote is not None and text_lang(quote) == "en"
    if english and translation is None:
        return "translation: the quote is English; give the project's Chinese translation, which Chinese pages show beside it"
    if not english and translation is not None:
        return ("translation: there is no quote to translate; leave the translation out" if quote is None
                else "translation: the quote is already Chinese; leave the translation out")
    return None


CJK_CHAR = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


Unit = Literal["percent", "points", "score", "elo", "usd_per_task", "usd_total", "usd_per_mtok", "seconds", "ms", "ratio", "tokens"]

# Value ranges per unit; cost, time and counts only need to be non-negative.
UNIT_RANGES: dict[str, tuple[float, float | None]] = {
    "percent": (0, 100),
    "points": (-100, 100),  # percentage points: a difference of two percents
    "score": (0, 1),
    "elo": (0, 4000),
}


class Metric(Record):
    id: Id
    name: Text
    higher_is_better: bool
    description: Text | None = None


class Setting(Record):
    effort: Literal["low", "medium", "high"] | None = None
    compute: Literal["low", "high"] | None = None
    samples: Annotated[int, Field(ge=1)] | None = None
    split: Str | None = None
    aggregation: Str | None = None
    scaffold: Str | None = None
    pricing: Str | None = None

    def is_empty(self) -> bool:
        return all(v is None for v in self.model_dump().values())


Confidence = Literal["stated", "stated-secondary", "derived", "chart-read"]
Qualifier = Literal["about", "more-than", "less-than"]


class Figure(Record):
    id: Id
    model: Str
    metric: Id
    setting: Setting = Setting()
    value: Number
    unit: Unit
    qualifier: Qualifier | None = None
    # A number someone asserted (on stream, in a caption) rather than a measurement; charts draw it apart.
    claim: bool = False
    source: Id
    quote: Str | None = None
    locator: Str | None = None
    confidence: Confidence
    # How a derived value is computed: one string where it is ids and arithmetic, or words in each language.
    formula: Str | Text | None = None
    uncertainty: Number | None = None
    date: Day
    notes: Text | None = None
    # A number said on the livestream (source of kind video): `quote` holds the words verbatim from the
    # video's captions, `minute` the minute of the video they start in, and `transcript` the same words
    # verbatim in a speaker turn of the Chinese transcript (the Chinese text of the site).
    minute: Annotated[int, Field(ge=0)] | None = None
    transcript: Str | None = None

    def formula_in(self, lang: str) -> str | None:
        if self.formula is None or isinstance(self.formula, str):
            return self.formula
        return self.formula[lang]

    @model_validator(mode="after")
    def _coherent(self) -> "Figure":
        low, high = UNIT_RANGES.get(self.unit, (0, None))
        if self.value < low or (high is not None and self.value > high):
            span = f"between {low:g} and {high:g}" if high is not None else f"at least {low:g}"
            raise ValueError(f"value: {self.value:g} {self.unit} must be {span}")
        if not (self.quote or self.locator):
            raise ValueError("quote: a figure needs a verbatim quote or a locator")
        if (self.confidence == "derived") != (self.formula is not None):
            raise ValueError("formula: required exactly when confidence is 'derived'")
        if self.uncertainty is not None and self.uncertainty <= 0:
            raise ValueError("uncertainty: must be greater than 0")
        if (self.confidence == "chart-read") != (self.uncertainty is not None):
            raise ValueError("uncertainty: required exactly when confidence is 'chart-read'")
        return self

    @property
    def approximate(self) -> bool:
        return self.confidence == "chart-read" or self.qualifier is not None


class Unlinked(Record):
    """A number said in the transcript that deliberately links to no record, and why."""

    id: Id
    quote: Str  # verbatim from a speaker turn, holding the number
    number: Str  # the number exactly as written, e.g. "2500" or "41"
    reason: Text


Severity = Literal["error", "misleading", "slip", "ambiguous"]


# What a fact-check concludes about the words it quotes:
# wrong: wrong as written (a wrong year, name or number); misleading: true in part, but missing what
# changes its meaning; imprecise: true in every reading, but worded so that it invites the wrong one; garbled: the transcript's words are wrong, and what was meant is established;
# unverified: the words are unclear and what was meant could not be established.
CheckVerdict = Literal["wrong", "misleading", "imprecise", "garbled", "unverified"]


# Whose words a fact-check judges (the rule is written in data/factcheck.yaml's header):
# livestream: what a speaker said on the livestream, as said (the captions agree with the transcript);
# summary: the transcript article's own summary or highlights restating what was said on the livestream;
# transcript: the transcript's own rendering (a slip, a mishearing, a mistranslation, a wrong year or name).
CheckWords = Literal["livestream", "summary", "transcript"]
CHECK_WORDS: tuple[str, ...] = ("livestream", "summary", "transcript")


class Check(Record):
    """One error or ambiguity in the source transcript, with its correction."""

    id: Id
    quote: Str  # verbatim from the transcript file
    judges: CheckWords
    # The order of consequence within its group (1 matters most), with the reason for the place; only for
    # the checks of what was said (livestream) and of the article's restatements of it (summary).
    rank: Annotated[int, Field(ge=1)] | None = None
    rank_reason: Str | None = None
    # The scorecard claim (data/scorecard.yaml) whose words this check concerns, where there is one: the
    # fact-check page links to it and does not repeat its verdict.
    claim: Id | None = None
    severity: Severity
    verdict: CheckVerdict
    problem: Text
    correction: Text
    sources: list[Id] = Field(default_factory=list)
    figures: list[Id] = Field(default_factory=list)
    # What the video's captions say at that point, where they settle or show the words in question.
    said: Said | None = None
    # The project's English for `quote`, shown beside it on English pages: where the transcript's
    # translation (data/transcript/en.yaml) has none (the article's outline between its summary and the
    # turns), where the captions beside the quote are unclear, or where the quote is the article's own
    # words and the captions are the speaker's.
    translation: Str | None = None

    @model_validator(mode="after")
    def _ranked(self) -> "Check":
        if self.judges == "transcript":
            if self.rank is not None:
                raise ValueError("rank: only a check of the livestream's words or of the article's summary has a rank")
            if self.rank_reason is not None:
                raise ValueError("rank_reason: only a ranked check has a reason for its rank")
        else:
            if self.rank is None:
                raise ValueError(f"rank: a check that judges the {self.judges}'s words needs its rank of consequence")
            if self.rank_reason is None:
                raise ValueError("rank_reason: say in one line why the check stands at its rank")
        return self


EventKind = Literal["announcement", "release", "test", "price", "disclosure", "deadline", "deprecation", "decision", "retirement"]


PromiseOutcome = Literal["kept", "kept-late", "changed", "not-kept"]


class Promise(Record):
    """How a promise turned out: promised on `made`, due by `due` (when a date was given), delivered
    on the event's own date."""

    outcome: PromiseOutcome
    made: Day
    due: Day | None = None  # None: the promise named no date ("shortly after")
    reason: Text


class Event(Record):
    """A dated event after (or on) 2024-12-20, with what had been promised where there was a promise."""

    id: Id
    date: Day
    approximate_date: bool = False
    kind: EventKind
    event: Text
    # The same event in the future tense, shown while its date is after the site's "as of" date
    # (data/status.yaml): required for an event that has not happened yet on that date.
    scheduled: Text | None = None
    promised: Text | None = None
    promise: Promise | None = None  # the outcome of `promised`: required exactly when there is a promise
    source: Id
    # Verbatim words of the source that support the event.
    quote: Str | None = None
    # The project's Chinese for an English `quote`, shown beside it on Chinese pages as our translation.
    translation: Str | None = None
    figures: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _glossed(self) -> "Event":
        if problem := translation_problem(self.quote, self.translation):
            raise ValueError(problem)
        return self

    @model_validator(mode="after")
    def _promise(self) -> "Event":
        if self.promised is not None and self.promise is None:
            raise ValueError("promise: an event with `promised` needs its outcome (promise: {outcome, made, due, reason})")
        if self.promise is not None and self.promised is None:
            raise ValueError("promised: an outcome (`promise`) needs the words of the promise (`promised`)")
        if self.promise is not None and self.promise.made > self.date:
            raise ValueError("promise: made after the event that delivered it")
        return self


# The written scale (data/verdicts.yaml) defines each verdict and the test it must pass; the rules
# that code can check are checked at load (validate.verdict_rules).
Verdict = Literal["held", "held-preview", "partly-held", "did-not-hold", "not-comparable", "not-verifiable"]
VERDICTS: tuple[str, ...] = ("held", "held-preview", "partly-held", "did-not-hold", "not-comparable", "not-verifiable")
CHECK_VERDICTS: tuple[str, ...] = ("wrong", "misleading", "imprecise", "garbled", "unverified")


class Grade(Record):
    """One step of a written scale (data/verdicts.yaml): its label, a one-line legend, and the test a
    judgement must pass. `scale`: claims (the livestream's claims) or checks (the transcript's fact-checks)."""

    id: Id
    scale: Literal["claims", "checks"]
    label: Text
    legend: Text
    test: Text


class Said(Record):
    """What was said, in English, verbatim from OpenAI's video captions (data/transcript/captions.en.txt),
    with corrections of the automatic captions in [brackets] after the misheard words, and the minute of
    the video in which it starts (the captions' minute marks)."""

    en: Str
    minute: Annotated[int, Field(ge=0)]

    @property
    def seconds(self) -> int:
        return self.minute * 60


class VerdictStep(Record):
    """One dated step of a claim's verdict history: the verdict the written scale gave from `date` on, why,
    and the records that moved it there (figure ids among the claim's own records and its evidence).

    The history is reconstructed: each step is the verdict the written scale (data/verdicts.yaml) gives with
    the records public on its date. A step's date is the public date of the latest record it cites (its
    source's publication date), except the first step, which is the day the claim was made. `verdict` is
    None only where the written scale gives no verdict with the records of that day (the reason says why)."""

    date: Day
    verdict: Verdict | None
    reason: Text
    records: list[Id] = Field(default_factory=list)


class Claim(Record):
    """One headline claim of the livestream, the later evidence, and the verdict that follows from it.

    `claimed`: the records of the claim itself (what was said or shown); `evidence`: the later records
    the verdict rests on, primary sources first. Numbers in `claim` and `reason` are `{{ fig ID }}`."""

    id: Id
    turn: Annotated[int, Field(ge=1)]
    quote: Str  # verbatim in that turn of the Chinese transcript (a secondary transcript)
    said: Said  # the English words, verbatim from OpenAI's video captions
    claim: Text
    claimed: list[Id] = Field(default_factory=list)
    evidence: list[Id]
    verdict: Verdict
    reason: Text
    # Every verdict the claim has had, oldest first; the last is `verdict` (checked at load).
    history: Annotated[list[VerdictStep], Field(min_length=1)]

    @model_validator(mode="after")
    def _has_evidence(self) -> "Claim":
        if not self.evidence:
            raise ValueError("evidence: a claim needs at least one record as evidence")
        return self

    @property
    def since(self) -> date:
        """The day the current verdict was first given: the date of the history's last step."""
        return self.history[-1].date


class Term(Record):
    """A glossary entry: a term or model name as it is written on the pages, explained per language."""

    id: Id
    term: Text  # as written on the pages of each language (an abbreviation matches it exactly)
    definition: Text


ModelKind = Literal["model", "reference"]


class ModelName(Record):
    """A name the `model` field of a figure may hold (data/models.yaml): one spelling per model version.

    kind: a model, or a reference that is not a model (a human panel, a prize target, a budget rule).
    term: the glossary entry that defines the name, written exactly as the name.
    instead_of: spellings that must not be used, because they are this name's variants (or name no
    single version): a figure that uses one is told to write this name."""

    name: Str
    kind: ModelKind
    # For the rules of the verdict scale: a December preview, a released model, or an early checkpoint.
    stage: Literal["preview", "released", "checkpoint"] | None = None
    term: Id | None = None
    instead_of: list[Str] = Field(default_factory=list)
    # What a reader sees, in each language: required where the name is not a name in both languages
    # (every reference, "o3 (early checkpoint)"); the records keep `name` as sourced.
    label: Text | None = None


SettingField = Literal["split", "aggregation", "scaffold", "pricing"]


class SettingValue(Record):
    """A setting value as a reader sees it (data/settings.yaml): figures keep the value as sourced
    (`en`); a Chinese page shows `zh`. Every value a figure uses has one entry."""

    field: SettingField
    en: Str
    zh: Str


ChangedKind = Literal["figure", "source", "check", "event", "unlinked"]


class Change(Record):
    """One change an audit made to one record: which field, what it was, what it is now, and why."""

    record: Id
    kind: ChangedKind
    field: Str
    was: Str | None = None  # None: the record or field is new
    now: Str | None = None  # None: the field was removed
    reason: Text
    source_text: Str | None = None  # the source's own words that support the change

    @model_validator(mode="after")
    def _changed(self) -> "Change":
        if self.was is None and self.now is None:
            raise ValueError("now: a change needs what the field was, what it is now, or both")
        if self.was is not None and self.was == self.now:
            raise ValueError("now: the same as 'was', so nothing changed")
        return self


class Audit(Record):
    """A re-check of the records against their sources, with every change it made."""

    id: Id
    date: Day
    method: Text
    changes: Annotated[list[Change], Field(min_length=1)]


class StatusLine(Record):
    """One dated step of a model's story: a timeline event, said in a few words as done, and (for an event
    after the as-of date) as scheduled. The date and the source are the event's."""

    event: Id
    done: Text
    scheduled: Text | None = None


class StatusModel(Record):
    """One model in the overview's "where things stand" box: its name, a line on what it is, and the steps
    of its story, each rendered in the tense that the as-of date gives it."""

    model: Str
    what: Text
    lines: Annotated[list[StatusLine], Field(min_length=1)]


class Status(Record):
    """Where things stand (data/status.yaml): the date the site is current to, and each model's status."""

    as_of: Day
    # The date the story was first published (the dateline under each story page's title); None: not shown.
    published: Day | None = None
    models: Annotated[list[StatusModel], Field(min_length=1)]

    def upcoming(self, day: date) -> bool:
        """An event on `day` is still to come on the as-of date: the site gives it in its scheduled words."""
        return day > self.as_of


class Caveat(Record):
    """A caveat readers need before they quote the numbers (data/caveats.yaml), with its source's words."""

    id: Id
    text: Text
    source: Id
    quote: Str  # verbatim from the source
    # The project's Chinese for an English `quote`, shown beside it on Chinese pages as our translation.
    translation: Str | None = None

    @model_validator(mode="after")
    def _glossed(self) -> "Caveat":
        if problem := translation_problem(self.quote, self.translation):
            raise ValueError(problem)
        return self


class Dataset(Record):
    """Everything the site shows, validated and cross-checked."""

    sources: tuple[Source, ...]
    metrics: tuple[Metric, ...]
    figures: tuple[Figure, ...]
    checks: tuple[Check, ...] = ()
    events: tuple[Event, ...] = ()
    unlinked: tuple[Unlinked, ...] = ()
    audits: tuple[Audit, ...] = ()
    claims: tuple[Claim, ...] = ()
    glossary: tuple[Term, ...] = ()
    models: tuple[ModelName, ...] = ()
    settings: tuple[SettingValue, ...] = ()
    grades: tuple[Grade, ...] = ()
    status: Status | None = None
    caveats: tuple[Caveat, ...] = ()

    def audit_of_day(self, audit_id: str) -> tuple[int, int]:
        """(n, of): the audit is its day's n-th of `of`, oldest first (data/changelog.yaml lists them newest first)."""
        audit = next(a for a in self.audits if a.id == audit_id)
        same = [a.id for a in self.audits if a.date == audit.date]
        return len(same) - same.index(audit_id), len(same)

    def model_label(self, name: str, lang: str) -> str:
        """A figure's `model` as a reader of `lang` sees it."""
        entry = next((m for m in self.models if m.name == name), None)
        return entry.label[lang] if entry is not None and entry.label is not None else name

    def setting_value(self, field: str, value: str, lang: str) -> str:
        """A setting value (split, aggregation, scaffold, pricing) as a reader of `lang` sees it."""
        if lang == "en":
            return value
        entry = next((s for s in self.settings if s.field == field and s.en == value), None)
        return entry.zh if entry is not None else value

    def grade(self, verdict: str) -> Grade:
        return next(g for g in self.grades if g.id == verdict)

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def metric(self, metric_id: str) -> Metric:
        return next(m for m in self.metrics if m.id == metric_id)

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise KeyError(figure_id)
