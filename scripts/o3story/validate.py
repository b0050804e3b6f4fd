"""Checks across records: ids unique, references resolve, transcript quotes verbatim.

Pure: takes records with their locations, returns errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import DataError
from .load import Where
from .placeholders import TOKEN
from .model import Figure, Metric, Source
from .transcript import Transcript

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
    """`{{ fig ID }}` inside bilingual texts must name a known figure."""
    errors = []
    for rec, where in records:
        for field in fields:
            text = getattr(rec, field)
            for lang in ("zh", "en") if text is not None else ():
                for m in TOKEN.finditer(text[lang]):
                    args = m["args"].split()
                    if m["name"] != "fig" or len(args) != 1:
                        errors.append(where.error(f"only {{{{ fig ID }}}} may stand in data text, not '{m.group(0)}'", field, lang))
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
