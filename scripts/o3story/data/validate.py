"""Checks across records: ids unique, references resolve, transcript quotes verbatim.

Pure: takes records with their locations, returns errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from o3story.data.errors import DataError
from o3story.data.load import Where
from o3story.data.placeholders import TOKEN
from o3story.data.model import Figure, Metric, Source, Term
from o3story.data.transcript import Transcript

Located = list[tuple[Any, Where]]


def duplicate_ids(records: Located, kind: str) -> list[DataError]:
    seen: dict[str, Where] = {}
    errors = []
    for rec, where in records:
        if rec.id in seen:
            first = seen[rec.id]
            errors.append(where.error(f"duplicate {kind} id '{rec.id}' (first at {first.file}:{first.line('id')})", "id"))
        else:
            seen[rec.id] = where
    return errors


def dangling(records: Located, field: str, known: Iterable[str] | None, kind: str) -> list[DataError]:
    if known is None:  # the file that defines them could not be read: nothing to check against
        return []
    known = set(known)
    return [
        where.error(f"unknown {kind} id '{getattr(rec, field)}'", field)
        for rec, where in records
        if getattr(rec, field) not in known
    ]


def transcript_quotes(figures: list[tuple[Figure, Where]], sources: dict[str, Source], transcript: Transcript) -> list[DataError]:
    """A figure sourced to the transcript must quote a speaker turn word for word."""
    errors = []
    for fig, where in figures:
        src = sources.get(fig.source)
        if src is None or src.kind != "transcript":
            continue
        if not fig.quote:
            errors.append(where.error("a figure from the transcript needs a verbatim quote", "quote"))
        elif transcript.turn_with(fig.quote) is None:
            errors.append(where.error("quote not found verbatim in any speaker turn of the transcript", "quote"))
    return errors


def refs(records: Located, field: str, known: set[str] | None, kind: str) -> list[DataError]:
    """Like `dangling`, for list-valued reference fields (each element checked)."""
    errors = []
    if known is None:
        return errors
    for rec, where in records:
        for i, ref in enumerate(getattr(rec, field)):
            if ref not in known:
                errors.append(where.error(f"unknown {kind} id '{ref}'", field, i))
    return errors


def check_quotes(checks: Located, transcript: Transcript) -> list[DataError]:
    return [
        where.error("quote not found verbatim in the transcript", "quote")
        for check, where in checks
        if transcript.locate(check.quote) is None
    ]


def text_figure_refs(records: Located, fields: tuple[str, ...], figures: set[str] | None) -> list[DataError]:
    """`{{ fig ID }}` inside bilingual texts must name a known figure; `{{ translated }}` (no arguments)
    marks an English quotation of the livestream as this project's translation."""
    errors = []
    for rec, where in records:
        for field in fields:
            text = getattr(rec, field)
            for lang in ("zh", "en") if text is not None else ():
                for m in TOKEN.finditer(text[lang]):
                    args = m["args"].split()
                    if m["name"] == "translated" and not args and lang == "en":
                        continue
                    if m["name"] != "fig" or len(args) != 1:
                        errors.append(where.error(f"only {{{{ fig ID }}}} (and {{{{ translated }}}} in English) may stand in data text, "
                                                  f"not '{m.group(0)}'", field, lang))
                    elif figures is not None and args[0] not in figures:
                        errors.append(where.error(f"unknown figure id '{args[0]}'", field, lang))
    return errors


def story_refs(checks: Located, events: Located, sources: set[str] | None, figures: set[str] | None,
               transcript: Transcript | None) -> list[DataError]:
    errors = duplicate_ids(checks, "check") + duplicate_ids(events, "event")
    errors += refs(checks, "sources", sources, "source") + refs(checks, "figures", figures, "figure")
    errors += dangling(events, "source", sources, "source") + refs(events, "figures", figures, "figure")
    errors += text_figure_refs(checks, ("problem", "correction"), figures)
    errors += text_figure_refs(events, ("event", "promised"), figures)
    if transcript is not None:
        errors += check_quotes(checks, transcript)
    return errors


def cross_check(sources: Located, metrics: Located, figures: Located, transcript: Transcript | None,
                source_ids: set[str] | None, metric_ids: set[str] | None) -> list[DataError]:
    """`*_ids`: the ids that exist (valid records and those already reported as invalid, so that
    references to them are not errors twice), or None when their file could not be read."""
    errors = duplicate_ids(sources, "source") + duplicate_ids(metrics, "metric") + duplicate_ids(figures, "figure")
    errors += dangling(figures, "source", source_ids, "source")
    errors += dangling(figures, "metric", metric_ids, "metric")
    if transcript is not None:
        errors += transcript_quotes(figures, {s.id: s for s, _ in sources}, transcript)
        for src, where in sources:
            if src.kind == "transcript" and src.url != transcript.source_url:
                errors.append(where.error(f"transcript source URL differs from the transcript's own header ({transcript.source_url})", "url"))
    return errors


def audit_refs(audits: Located, known: dict[str, set[str] | None]) -> list[DataError]:
    """Every change of the changelog names a record that exists, of the kind it says.

    `known`: for each kind (figure, source, check, event, unlinked) the ids that exist,
    or None when their file could not be read (then that kind is not checked)."""
    errors = duplicate_ids(audits, "audit")
    for audit, where in audits:
        for i, change in enumerate(audit.changes):
            ids = known.get(change.kind)
            if ids is not None and change.record not in ids:
                errors.append(where.error(f"unknown {change.kind} id '{change.record}'", "changes", i, "record"))
    return errors


def typed_numbers(records: Located, fields: tuple[str, ...]) -> list[DataError]:
    """A number in these texts must be a `{{ fig ID }}` reference, so that it is the record's value, never typed twice."""
    from o3story.data.claims import NUMBER

    errors = []
    for rec, where in records:
        for field in fields:
            text = getattr(rec, field)
            for lang in ("zh", "en"):
                bare = TOKEN.sub(" ", text[lang])
                for m in NUMBER.finditer(bare):
                    errors.append(where.error(f"typed number '{m.group(0)}': write it as {{{{ fig ID }}}} so it comes from a record", field, lang))
    return errors


def scorecard_refs(claims: Located, figures: list[tuple[Figure, Where]], figure_ids: set[str] | None,
                   sources: dict[str, Source], transcript: Transcript | None, translation) -> list[DataError]:
    """Each claim quotes its transcript turn verbatim (Chinese, and the English of the translation), names
    records that exist, lists its evidence primary sources first, and types no number."""
    errors = duplicate_ids(claims, "claim")
    errors += refs(claims, "claimed", figure_ids, "figure") + refs(claims, "evidence", figure_ids, "figure")
    errors += text_figure_refs(claims, ("claim", "reason"), figure_ids)
    errors += typed_numbers(claims, ("claim", "reason"))
    by_id = {f.id: f for f, _ in figures}
    for claim, where in claims:
        kinds = [sources[by_id[i].source].kind if i in by_id and by_id[i].source in sources else None for i in claim.evidence]
        for i, kind in enumerate(kinds):
            if kind is not None and kind != "primary" and any(k == "primary" for k in kinds[i + 1:]):
                errors.append(where.error(f"'{claim.evidence[i]}' is not from a primary source but comes before one: list primary sources first", "evidence", i))
                break
        if transcript is None:
            continue
        turns = {t.n: t for t in transcript.turns}
        turn = turns.get(claim.turn)
        if turn is None:
            errors.append(where.error(f"the transcript has no turn {claim.turn} (it has 1 to {len(turns)})", "turn"))
            continue
        if claim.quote.zh not in turn.text:
            other = transcript.turn_with(claim.quote.zh)
            where_else = f" (it is in turn {other.n})" if other else ""
            errors.append(where.error(f"not found verbatim in turn {claim.turn} of the transcript{where_else}", "quote", "zh"))
        if translation is not None and claim.turn <= len(translation.turns):
            english = "\n\n".join(translation.turn(claim.turn).paragraphs)
            if claim.quote.en not in english:
                errors.append(where.error(f"not found verbatim in turn {claim.turn} of the translation (data/transcript/en.yaml)", "quote", "en"))
    return errors


def glossary_refs(terms: Located) -> list[DataError]:
    errors = duplicate_ids(terms, "term")
    for lang in ("zh", "en"):
        seen: dict[str, str] = {}
        for term, where in terms:
            word = term.term[lang]
            if word in seen:
                errors.append(where.error(f"the term '{word}' is already defined by '{seen[word]}'", "term", lang))
            seen.setdefault(word, term.id)
            if any(c in word for c in "[]\n"):
                errors.append(where.error("a term cannot hold '[', ']' or a line break (it becomes an abbreviation)", "term", lang))
            if "\n" in term.definition[lang]:
                errors.append(where.error("a definition is one line (it becomes an abbreviation's title)", "definition", lang))
    return errors


def model_names(figures: Located, models: Located | None, terms: dict[str, Term] | None) -> list[DataError]:
    """Every figure's `model` is a name of data/models.yaml: one spelling per model version, as the
    glossary writes it. `models`: None when data/models.yaml could not be read whole (then figures'
    names are not checked); `terms`: the glossary by id, None when it could not be read."""
    if models is None:
        return []
    errors: list[DataError] = []
    allowed: dict[str, Where] = {}
    for entry, where in models:
        if entry.name in allowed:
            first = allowed[entry.name]
            errors.append(where.error(f"duplicate model name '{entry.name}' (first at {first.file}:{first.line('name')})", "name"))
        allowed.setdefault(entry.name, where)
    hints: dict[str, list[str]] = {}
    for entry, where in models:
        for i, spelling in enumerate(entry.instead_of):
            if spelling in allowed:
                errors.append(where.error(f"'{spelling}' is itself an allowed model name", "instead_of", i))
            hints.setdefault(spelling, []).append(entry.name)
        if entry.term is not None and terms is not None:
            term = terms.get(entry.term)
            if term is None:
                errors.append(where.error(f"unknown glossary term id '{entry.term}'", "term"))
            else:
                for lang in ("zh", "en"):
                    if term.term[lang] != entry.name:
                        errors.append(where.error(
                            f"the glossary writes term '{entry.term}' as '{term.term[lang]}' ({lang}), not '{entry.name}'", "term"))
                        break
    for fig, where in figures:
        if fig.model in allowed:
            continue
        instead = hints.get(fig.model)
        hint = f"; write {' or '.join(repr(n) for n in instead)}" if instead else ""
        errors.append(where.error(f"unknown model name '{fig.model}' (not in data/models.yaml){hint}", "model"))
    return errors
