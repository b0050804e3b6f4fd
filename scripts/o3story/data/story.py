"""Load and validate everything under data/ into one `Story`, or raise every error at once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from o3story.data.errors import DataError, DataErrors
from o3story.data.load import load_list, load_one
from o3story.data import captions as captions_mod
from o3story.data import claims
from o3story.data.model import Audit, Caveat, Check, Claim, Dataset, Event, Figure, Grade, Metric, ModelName, SettingValue, Source, Status, Term, Unlinked
from o3story.data.transcript import Transcript
from o3story.data.transcript import load as load_transcript
from o3story.data.translation import Translation, check_alignment, load_translation
from o3story.data.validate import (check_ranks, history_rules, dangling, audit_refs, cross_check, current_refs, released_beside_preview, said_refs, one_reading, video_quotes, glossary_refs, model_labels, model_names, scale_complete, setting_translations, scorecard_refs, story_refs, check_sources,
                                   verdict_rules)

TRANSCRIPT = "transcript/baoyu-day12.zh.txt"
TRANSLATION = "transcript/en.yaml"
CAPTIONS = "transcript/captions.en.txt"
UNLINKED = "transcript/unlinked.yaml"
CHANGELOG = "changelog.yaml"
SCORECARD = "scorecard.yaml"
GLOSSARY = "glossary.yaml"
MODELS = "models.yaml"
SETTINGS = "settings.yaml"
VERDICTS = "verdicts.yaml"
STATUS = "status.yaml"
CAVEATS = "caveats.yaml"


@dataclass(frozen=True)
class Story:
    data: Dataset
    transcript: Transcript
    translation: Translation


def _name(root: Path, path: Path) -> str:
    # Errors name files as a maintainer sees them from the project root: data/....
    return f"{root.name}/{path.relative_to(root).as_posix()}"


def load_story(root: Path) -> Story:
    errors: list[DataError] = []
    sources, e, broken_sources = load_list(root / "sources.yaml", _name(root, root / "sources.yaml"), "sources", Source)
    errors += e
    metrics, e, broken_metrics = load_list(root / "metrics.yaml", _name(root, root / "metrics.yaml"), "metrics", Metric)
    errors += e
    figures: list = []
    broken_figures: set[str] | None = set()
    figure_files = sorted((root / "figures").glob("*.yaml"))
    if not figure_files:
        errors.append(DataError(f"{root.name}/figures", 1, "(folder)", "no figure files (*.yaml)"))
    for path in figure_files:
        found, e, broken = load_list(path, _name(root, path), "figures", Figure)
        figures += found
        broken_figures = None if (broken is None or broken_figures is None) else broken_figures | broken
        errors += e
    transcript: Transcript | None = None
    try:
        transcript = load_transcript(root / TRANSCRIPT, _name(root, root / TRANSCRIPT))
    except DataErrors as exc:
        errors += exc.errors
    translation: Translation | None = None
    try:
        translation, where = load_translation(root / TRANSLATION, _name(root, root / TRANSLATION))
        if transcript is not None:
            errors += check_alignment(translation, where, transcript)
    except DataErrors as exc:
        errors += exc.errors
    captions = None
    try:
        captions = captions_mod.load(root / CAPTIONS, _name(root, root / CAPTIONS))
    except DataErrors as exc:
        errors += exc.errors
    checks, e, broken_checks = load_list(root / "factcheck.yaml", _name(root, root / "factcheck.yaml"), "checks", Check)
    errors += e
    events, e, broken_events = load_list(root / "timeline.yaml", _name(root, root / "timeline.yaml"), "events", Event)
    errors += e
    unlinked, e, broken_unlinked = load_list(root / UNLINKED, _name(root, root / UNLINKED), "unlinked", Unlinked)
    errors += e
    audits, e, _ = load_list(root / CHANGELOG, _name(root, root / CHANGELOG), "audits", Audit)
    errors += e
    claims_, e_claims, _ = load_list(root / SCORECARD, _name(root, root / SCORECARD), "claims", Claim)
    errors += e_claims
    terms, e, broken_terms = load_list(root / GLOSSARY, _name(root, root / GLOSSARY), "terms", Term)
    errors += e
    models, model_errors, _ = load_list(root / MODELS, _name(root, root / MODELS), "models", ModelName)
    errors += model_errors
    settings, e, _ = load_list(root / SETTINGS, _name(root, root / SETTINGS), "settings", SettingValue)
    errors += e
    if not e:
        errors += setting_translations(figures, settings)
    if not model_errors:
        errors += model_labels(models)
    grades, e, broken_grades = load_list(root / VERDICTS, _name(root, root / VERDICTS), "grades", Grade)
    errors += e
    if broken_grades is not None and not e:
        errors += scale_complete(grades, _name(root, root / VERDICTS))
    status, status_where, e = load_one(root / STATUS, _name(root, root / STATUS), "status", Status)
    errors += e
    caveats, e, _ = load_list(root / CAVEATS, _name(root, root / CAVEATS), "caveats", Caveat)
    errors += e
    # None: a file could not be read, so which ids exist is unknown; references to that kind are not checked.
    source_ids = None if broken_sources is None else {s.id for s, _ in sources} | broken_sources
    metric_ids = None if broken_metrics is None else {m.id for m, _ in metrics} | broken_metrics
    figure_ids = None if broken_figures is None else {f.id for f, _ in figures} | broken_figures
    errors += cross_check(sources, metrics, figures, transcript, source_ids, metric_ids)
    errors += story_refs(checks, events, source_ids, figure_ids, transcript)
    errors += check_sources(checks, figures, sources)
    if translation is not None:  # one English title of the transcript: the translation's
        errors += [where.error(f"'{s.title_en}' is not the translation's title ('{translation.title}', {TRANSLATION})", "title_en")
                   for s, where in sources if s.kind == "transcript" and s.title_en is not None and s.title_en != translation.title]
    errors += scorecard_refs(claims_, figures, figure_ids, {s.id: s for s, _ in sources}, transcript, translation)
    errors += glossary_refs(terms)
    errors += check_ranks(checks)
    errors += dangling([(c, w) for c, w in checks if c.claim is not None], "claim",
                       None if e_claims else {c.id for c, _ in claims_}, "scorecard claim")
    for located in (claims_, checks):
        errors += said_refs(located, captions)
    errors += video_quotes(figures, {s.id: s for s, _ in sources}, captions)
    errors += one_reading(claims_ + checks, figures, {s.id: s for s, _ in sources})
    errors += current_refs(status, status_where, events, None if broken_events is None else {e.id for e, _ in events} | broken_events,
                           caveats, source_ids, figure_ids,
                           None if model_errors else {m.name for m, _ in models})
    if not model_errors:
        errors += verdict_rules(claims_, {f.id: f for f, _ in figures}, {s.id: s for s, _ in sources},
                                {m.id: m for m, _ in metrics}, {m.name: m.stage for m, _ in models})
        errors += released_beside_preview(claims_, {f.id: f for f, _ in figures}, {s.id: s for s, _ in sources}, [m for m, _ in models],
                                          status.as_of if status else None)
    errors += history_rules(claims_, {f.id: f for f, _ in figures}, {s.id: s for s, _ in sources}, {m.id: m for m, _ in metrics},
                            None if model_errors else {m.name: m.stage for m, _ in models}, status.as_of if status else None, figure_ids)
    # A models.yaml record that failed validation hides which names are allowed: figures' names are then not checked.
    errors += model_names(figures, None if model_errors else models,
                          None if broken_terms is None else {t.id: t for t, _ in terms})

    def known(records: list, broken: set[str] | None) -> set[str] | None:
        return None if broken is None else {r.id for r, _ in records} | broken

    errors += audit_refs(audits, {"figure": figure_ids, "source": source_ids, "check": known(checks, broken_checks),
                                  "event": known(events, broken_events), "unlinked": known(unlinked, broken_unlinked)},
                          status.as_of if status else None)
    if transcript is not None:
        from o3story.data.validate import duplicate_ids

        errors += duplicate_ids(unlinked, "unlinked")
        errors += [where.error("quote not found verbatim in any speaker turn", "quote")
                   for u, where in unlinked if transcript.turn_with(u.quote) is None]
        errors += [where.error(f"the quote does not hold the number '{u.number}'", "number")
                   for u, where in unlinked if u.number not in u.quote]
        if not errors:
            # Every number a speaker states links to a record or a fact-check, or is listed with a reason.
            _, missing = claims.link(transcript, [f for f, _ in figures], [c for c, _ in checks], [u for u, _ in unlinked])
            errors += claims.missing_errors(missing, transcript, _name(root, root / TRANSCRIPT))
    if errors:
        raise DataErrors(errors)
    assert transcript is not None and translation is not None
    data = Dataset(
        sources=tuple(s for s, _ in sources),
        metrics=tuple(m for m, _ in metrics),
        figures=tuple(f for f, _ in figures),
        checks=tuple(c for c, _ in checks),
        events=tuple(sorted((ev for ev, _ in events), key=lambda ev: ev.date)),
        unlinked=tuple(u for u, _ in unlinked),
        audits=tuple(a for a, _ in audits),
        claims=tuple(c for c, _ in claims_),
        glossary=tuple(g for g, _ in terms),
        models=tuple(m for m, _ in models),
        settings=tuple(v for v, _ in settings),
        grades=tuple(g for g, _ in grades),
        status=status,
        caveats=tuple(c for c, _ in caveats),
    )
    return Story(data, transcript, translation)
