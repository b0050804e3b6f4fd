"""Checks across records: ids unique, references resolve, transcript quotes verbatim.

Pure: takes records with their locations, returns errors.
"""

from __future__ import annotations

from datetime import date

import re
from collections.abc import Iterable
from typing import Any

from o3story.data.errors import DataError
from o3story.data.locale import LANGS
from o3story.data.translation import LANG as TRANSLATION_LANG
from o3story.data.load import Where
from o3story.data.placeholders import TOKEN
from o3story.data.model import Figure, SettingValue, Source, Term
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
    """A figure sourced to the transcript must quote a speaker turn word for word; so must a figure's
    `transcript` (the Chinese words of a number said on the livestream)."""
    errors = []
    for fig, where in figures:
        if fig.transcript is not None and transcript.turn_with(fig.transcript) is None:
            errors.append(where.error("not found verbatim in any speaker turn of the transcript", "transcript"))
        src = sources.get(fig.source)
        if src is None or src.kind != "transcript":
            continue
        if not fig.quote:
            errors.append(where.error("a figure from the transcript needs a verbatim quote", "quote"))
        elif transcript.turn_with(fig.quote) is None:
            errors.append(where.error("quote not found verbatim in any speaker turn of the transcript", "quote"))
    return errors


def video_quotes(figures: list[tuple[Figure, Where]], sources: dict[str, Source], captions) -> list[DataError]:
    """A figure from the livestream's video quotes its captions verbatim, at the minute it gives, and holds
    the Chinese transcript's words for the same number; `minute` belongs to such figures only."""
    errors = []
    for fig, where in figures:
        src = sources.get(fig.source)
        if src is None:
            continue
        if src.kind != "video":
            if fig.minute is not None:
                errors.append(where.error("`minute` is for a figure from the livestream's video (a source of kind video)", "minute"))
            continue
        if not fig.quote:
            errors.append(where.error("a figure from the video needs the captions' words as its quote", "quote"))
            continue
        if fig.minute is None:
            errors.append(where.error("a figure from the video needs the minute its words were said", "minute"))
        if fig.transcript is None:
            errors.append(where.error("a figure from the video needs the same words in the Chinese transcript", "transcript"))
        if captions is None:
            continue
        found = captions.find(fig.quote)
        if found is None:
            errors.append(where.error("not found verbatim in OpenAI's video captions (data/transcript/captions.en.txt); "
                                      "corrections go in [brackets] after the misheard words", "quote"))
        elif fig.minute is not None and found != fig.minute:
            errors.append(where.error(f"the captions have these words in minute {found}, not {fig.minute}", "minute"))
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
    """Each quote stands verbatim in the transcript; a check of the livestream's words quotes a speaker
    turn, and a check of the article's summary quotes its summary or highlights."""
    errors = []
    for check, where in checks:
        place = transcript.locate(check.quote)
        if place is None:
            errors.append(where.error("quote not found verbatim in the transcript", "quote"))
        elif check.judges == "livestream" and not place.startswith("t"):
            errors.append(where.error("a check of the livestream's words quotes a speaker turn, not the article's own text", "judges"))
        elif check.judges == "summary" and place.startswith("t"):
            errors.append(where.error("a check of the article's summary quotes its summary or highlights, not a speaker turn", "judges"))
    return errors


def text_figure_refs(records: Located, fields: tuple[str, ...], figures: set[str] | None,
                     turns: set[int] | None = None) -> list[DataError]:
    """`{{ fig ID }}` inside bilingual texts must name a known figure; `{{ translated }}` (no arguments)
    marks an English quotation of the livestream as this project's translation; where `turns` is given
    (a fact-check's texts), `{{ turn N }}` links turn N of the transcript, which must exist."""
    errors = []
    for rec, where in records:
        for field in fields:
            text = getattr(rec, field)
            for lang in LANGS if text is not None else ():
                for m in TOKEN.finditer(text[lang]):
                    args = m["args"].split()
                    if m["name"] == "translated" and not args and lang == TRANSLATION_LANG:
                        continue
                    if m["name"] == "turn" and turns is not None and len(args) == 1:
                        if not args[0].isdigit() or int(args[0]) not in turns:
                            errors.append(where.error(f"the transcript has no turn '{args[0]}'", field, lang))
                        continue
                    if m["name"] != "fig" or len(args) != 1:
                        errors.append(where.error(f"only {{{{ fig ID }}}} (and {{{{ translated }}}} in English) may stand in data text, "
                                                  f"not '{m.group(0)}'", field, lang))
                    elif figures is not None and args[0] not in figures:
                        errors.append(where.error(f"unknown figure id '{args[0]}'", field, lang))
    return errors


def check_sources(checks: Located, figures: Located, sources: Located) -> list[DataError]:
    """A fact-check card lists its sources: each of its records' sources is among them (the
    transcript's excepted: the card quotes it, and links to it). A card whose records came from ARC
    Prize read with no source line."""
    source_of = {f.id: f.source for f, _ in figures}
    transcript = {s.id for s, _ in sources if s.kind == "transcript"}
    errors = []
    for check, where in checks:
        wanted = dict.fromkeys(source_of[f] for f in check.figures if f in source_of)
        missing = [s for s in wanted if s not in check.sources and s not in transcript]
        if missing:
            errors.append(where.error(f"the sources of its records are not all listed: add {', '.join(missing)}", "sources"))
    return errors


def story_refs(checks: Located, events: Located, sources: set[str] | None, figures: set[str] | None,
               transcript: Transcript | None) -> list[DataError]:
    errors = duplicate_ids(checks, "check") + duplicate_ids(events, "event")
    errors += refs(checks, "sources", sources, "source") + refs(checks, "figures", figures, "figure")
    errors += dangling(events, "source", sources, "source") + refs(events, "figures", figures, "figure")
    turns = None if transcript is None else {turn.n for turn in transcript.turns}
    errors += text_figure_refs(checks, ("problem", "correction"), figures, turns)
    errors += text_figure_refs(events, ("event", "promised"), figures)
    if transcript is not None:
        errors += check_quotes(checks, transcript)
    return errors


def check_ranks(checks: Located) -> list[DataError]:
    """The ranked checks of each group (the livestream's words, the article's summary) are numbered
    1, 2, 3 ... in their order of consequence: no rank twice, none skipped."""
    errors = []
    groups: dict[str, list[tuple[Any, Where]]] = {}
    for check, where in checks:
        if check.rank is not None:
            groups.setdefault(check.judges, []).append((check, where))
    for judges, members in groups.items():
        seen: dict[int, str] = {}
        for check, where in members:
            if check.rank in seen:
                errors.append(where.error(f"rank {check.rank} is already {seen[check.rank]}'s among the checks of the {judges}", "rank"))
            else:
                seen[check.rank] = check.id
            if check.rank > len(members):
                errors.append(where.error(f"rank {check.rank}: the {judges} has {len(members)} ranked checks, so ranks run 1 to {len(members)}",
                                          "rank"))
    return errors


def cross_check(sources: Located, metrics: Located, figures: Located, transcript: Transcript | None,
                source_ids: set[str] | None, metric_ids: set[str] | None) -> list[DataError]:
    """`*_ids`: the ids that exist (valid records and those already reported as invalid, so that
    references to them are not errors twice), or None when their file could not be read."""
    errors = duplicate_ids(sources, "source") + duplicate_ids(metrics, "metric") + duplicate_ids(figures, "figure")
    errors += dangling(figures, "source", source_ids, "source")
    errors += dangling(figures, "metric", metric_ids, "metric")
    for src, where in sources:  # an archived copy is another address than the page's own
        if src.archive is not None and src.archive.rstrip("/") == src.url.rstrip("/"):
            errors.append(where.error("the archived copy is the source's own address: give the archive's snapshot URL", "archive"))
    if transcript is not None:
        errors += transcript_quotes(figures, {s.id: s for s, _ in sources}, transcript)
        for src, where in sources:
            if src.kind == "transcript" and src.url != transcript.source_url:
                errors.append(where.error(f"transcript source URL differs from the transcript's own header ({transcript.source_url})", "url"))
    return errors


def audit_refs(audits: Located, known: dict[str, set[str] | None], as_of: date | None = None) -> list[DataError]:
    """Every change of the changelog names a record that exists, of the kind it says, and no audit is dated
    after the data's as-of date (data/status.yaml): the pages date the data by the one and their footer by
    the other, so a reader would meet two dates for one update.

    `known`: for each kind (figure, source, check, event, unlinked) the ids that exist,
    or None when their file could not be read (then that kind is not checked)."""
    errors = duplicate_ids(audits, "audit")
    for audit, where in audits:
        if as_of is not None and audit.date > as_of:
            errors.append(where.error(f"dated {audit.date}, after the data's as-of date ({as_of}, data/status.yaml): "
                                      "move as_of forward to the day the data was brought up to date", "date"))
        # One change per field of a record in an audit (its feed entry's id is made of these: they must be unique).
        first: dict[tuple[str, str, str], int] = {}
        for i, change in enumerate(audit.changes):
            key = (change.kind, change.record, change.field)
            if key in first:
                errors.append(where.error(f"a second change to {change.kind} '{change.record}', field '{change.field}', "
                                          f"in the same audit (first at changes[{first[key]}]): one change per field "
                                          "per audit", "changes", i, "field"))
            first.setdefault(key, i)
            ids = known.get(change.kind)
            if ids is not None and change.record not in ids:
                errors.append(where.error(f"unknown {change.kind} id '{change.record}'", "changes", i, "record"))
    return errors


MONTH = re.compile(r"\s?月")


def typed_numbers(records: Located, fields: tuple[str, ...]) -> list[DataError]:
    """A number in these texts must be a `{{ fig ID }}` reference, so that it is the record's value, never typed twice."""
    from o3story.data.claims import NUMBER

    errors = []
    for rec, where in records:
        for field in fields:
            text = getattr(rec, field)
            for lang in LANGS:
                bare = TOKEN.sub(" ", text[lang])
                for m in NUMBER.finditer(bare):
                    if MONTH.match(bare, m.end()) and m.group(0).isdigit() and 1 <= int(m.group(0)) <= 12:
                        continue  # a month ("12 月", as the Chinese pages write December), not a figure
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
            if kind is not None and kind not in ("primary", "video") and any(k in ("primary", "video") for k in kinds[i + 1:]):
                errors.append(where.error(f"'{claim.evidence[i]}' is not from a primary source but comes before one: list primary sources first", "evidence", i))
                break
        if transcript is None:
            continue
        turns = {t.n: t for t in transcript.turns}
        turn = turns.get(claim.turn)
        if turn is None:
            errors.append(where.error(f"the transcript has no turn {claim.turn} (it has 1 to {len(turns)})", "turn"))
            continue
        if claim.quote not in turn.text:
            other = transcript.turn_with(claim.quote)
            where_else = f" (it is in turn {other.n})" if other else ""
            errors.append(where.error(f"not found verbatim in turn {claim.turn} of the transcript{where_else}", "quote"))
    return errors


def said_refs(records: Located, captions) -> list[DataError]:
    """Every `said` quotes OpenAI's video captions verbatim (corrections in [brackets] aside), at its minute."""
    errors = []
    for rec, where in records:
        said = getattr(rec, "said", None)
        if said is None or captions is None:
            continue
        minute = captions.find(said.en)
        if minute is None:
            errors.append(where.error("not found verbatim in OpenAI's video captions (data/transcript/captions.en.txt); "
                                      "corrections go in [brackets] after the misheard words", "said", "en"))
        elif minute != said.minute:
            errors.append(where.error(f"the captions have these words in minute {minute}, not {said.minute}", "said", "minute"))
    return errors


def one_reading(records: Located, figures: list[tuple[Figure, Where]], sources: dict[str, Source]) -> list[DataError]:
    """The same caption words are quoted with the same corrections wherever they are quoted: each `said`,
    and each quote of a figure from the video, whose words lie inside another's carries the same
    [brackets] after each of those words."""
    from o3story.data.captions import other_corrections, readings, units

    quoted = readings(records, figures, sources)
    errors = []
    for i, (text, where, field) in enumerate(quoted):
        for j, (other, other_where, other_field) in enumerate(quoted):
            if i == j or (len(units(text)), i) > (len(units(other)), j) or not other_corrections(text, other):
                continue
            errors.append(where.error(f"{other_where.file}, line {other_where.line(*other_field)}, quotes the same caption words "
                                      f"with other corrections: \u201c{other}\u201d", *field))
            break
    return errors


def scale_complete(grades: Located, name: str) -> list[DataError]:
    """The written scales define every verdict the data may use, once each and in the model's order."""
    from o3story.data.model import CHECK_VERDICTS, VERDICTS

    errors = duplicate_ids(grades, "grade")
    for scale, ids in (("claims", VERDICTS), ("checks", CHECK_VERDICTS)):
        have = [g.id for g, _ in grades if g.scale == scale]
        if have != list(ids):
            errors.append(DataError(name, 1, "grades", f"the '{scale}' scale must define, in this order, exactly: {', '.join(ids)} (it has: {', '.join(have) or 'none'})"))
    return errors


def verdict_rules(claims: Located, figures: dict[str, Figure], sources: dict[str, Source], metrics: dict,
                  stages: dict[str, str | None]) -> list[DataError]:
    """The rules of the written scale (data/verdicts.yaml) that code can check, for each claim.

    `stages`: each model name's stage (preview, released, checkpoint) from data/models.yaml."""
    errors = []
    for claim, where in claims:
        claimed = [figures[i] for i in claim.claimed if i in figures]
        evidence = [(n, figures[i]) for n, i in enumerate(claim.evidence) if i in figures]
        if len(evidence) != len(claim.evidence) or len(claimed) != len(claim.claimed):
            continue  # a dangling id is reported elsewhere
        metrics_said = {f.metric for f in claimed}

        def same_metric(f: Figure) -> bool:  # called within this claim's iteration
            return not metrics_said or f.metric in metrics_said  # noqa: B023

        def lived(f: Figure) -> bool:  # the livestream itself: its video, its transcript, or a claim said on it
            return f.claim or sources.get(f.source) is not None and sources[f.source].kind in ("transcript", "video")

        def same_run(f: Figure, c: Figure) -> bool:  # the same model, metric and setting (effort, compute, aggregation...)
            def key(x: Figure) -> tuple:
                st = x.setting
                return (x.metric, x.model, st.effort, st.compute, st.samples, st.aggregation, st.scaffold)
            return key(f) == key(c)

        def tools(f: Figure) -> bool:
            return f.setting.scaffold is not None and f.setting.scaffold != "no tools"

        def better_or_equal(f: Figure, than: Figure) -> bool:
            higher = metrics[f.metric].higher_is_better if f.metric in metrics else True
            return f.value >= than.value if higher else f.value <= than.value

        v = claim.verdict
        if v == "held" and not claimed:
            errors.append(where.error(
                "'held' needs the claim's own records (`claimed`), so that code can check the evidence matches or beats "
                "them; a claim with no number of its own can be judged 'partly-held' or lower, with its reason", "verdict"))
        elif v == "held":
            carry = [f for _, f in evidence if stages.get(f.model) == "released" and same_metric(f) and not lived(f)
                     and not tools(f) and f.unit != "usd_per_mtok"
                     and all(better_or_equal(f, c) for c in claimed if c.metric == f.metric)]
            if not carry:
                errors.append(where.error(
                    "'held' needs a later record of the released model on the claimed metric that matches or beats the "
                    "claim; an early checkpoint, a run with tools, a list price or the livestream itself cannot carry it alone "
                    "(see data/verdicts.yaml)", "verdict"))
        elif v == "held-preview":
            preview = [f for _, f in evidence if stages.get(f.model) == "preview" and same_metric(f) and not lived(f)
                       and sources.get(f.source) is not None and not sources[f.source].publisher.startswith("OpenAI")]
            lower = [f for _, f in evidence if stages.get(f.model) == "released" and same_metric(f)
                     and any(p.metric == f.metric and not better_or_equal(f, p) for p in preview)]
            if not preview or not lower:
                errors.append(where.error(
                    "'held-preview' needs a record not published by OpenAI that confirms the preview's figure, and a record "
                    "of the released model on the same metric that is lower (see data/verdicts.yaml)", "verdict"))
        elif v == "partly-held":
            if all(lived(f) for _, f in evidence):
                errors.append(where.error("'partly-held' needs at least one piece of evidence other than the livestream itself", "evidence"))
        elif v == "did-not-hold":
            if not any(not lived(f) and same_run(f, c) and not better_or_equal(f, c) for _, f in evidence for c in claimed):
                errors.append(where.error(
                    "'did-not-hold' needs evidence on the same model version, metric and effort that falls short of the claim (a claim true of the "
                    "preview but not of the release is 'held-preview' or 'partly-held'; see data/verdicts.yaml)", "verdict"))
        elif v == "not-comparable":
            if not any(same_metric(f) and not lived(f) for _, f in evidence):
                errors.append(where.error(
                    "'not-comparable' needs a later record of the same metric (measured on another test or setting); "
                    "with none, the verdict is 'not-verifiable'", "verdict"))
        elif v == "not-verifiable":
            measured = [n for n, f in evidence if not lived(f) and any(same_run(f, c) for c in claimed)]
            if measured:
                errors.append(where.error(
                    f"'not-verifiable', but '{claim.evidence[measured[0]]}' measures the claimed metric for the claimed model: "
                    "judge it against that record", "evidence", measured[0]))
    return errors


def current_refs(status, where, events: Located, event_ids: set[str] | None, caveats: Located, source_ids: set[str] | None,
                 figure_ids: set[str] | None, model_names: set[str] | None) -> list[DataError]:
    """The site is current to `status.as_of`: every model named exists, every event id exists, and every
    event dated after that day has its future-tense wording (`scheduled`), so that the tense follows the
    date. Caveats cite a source that exists, and type no number."""
    errors = duplicate_ids(caveats, "caveat") + dangling(caveats, "source", source_ids, "source")
    errors += text_figure_refs(caveats, ("text",), figure_ids)
    errors += typed_numbers(caveats, ("text",))
    if status is None:
        return errors
    if status.published is not None and status.published > status.as_of:
        errors.append(where.error(f"published ({status.published}) is after the as-of date ({status.as_of}): a story is "
                                  "published before it is brought up to date", "published"))
    known = {ev.id: ev for ev, _ in events}
    for i, m in enumerate(status.models):
        if model_names is not None and m.model not in model_names:
            errors.append(where.error(f"unknown model '{m.model}' (not in data/models.yaml)", "models", i, "model"))
        for j, line in enumerate(m.lines):
            ev = known.get(line.event)
            if ev is None and event_ids is not None and line.event not in event_ids:
                errors.append(where.error(f"unknown event id '{line.event}' (not in data/timeline.yaml)", "models", i, "lines", j, "event"))
            elif ev is not None and ev.date > status.as_of and line.scheduled is None:
                errors.append(where.error(f"the event is dated {ev.date}, after the as-of date ({status.as_of}): give its "
                                          "future-tense wording in `scheduled`", "models", i, "lines", j, "scheduled"))
    for ev, ev_where in events:
        if ev.date > status.as_of and ev.scheduled is None:
            errors.append(ev_where.error(f"dated after the site's as-of date ({status.as_of}, data/status.yaml): give its "
                                         "future-tense wording in `scheduled`", "scheduled"))
    return errors


def glossary_refs(terms: Located) -> list[DataError]:
    errors = duplicate_ids(terms, "term")
    for lang in LANGS:
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
                for lang in LANGS:
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


def public_date(fig: Figure, sources: dict[str, Source]):
    """The day a record was public: its source's publication date, or the record's own date when that
    is later (or when the source has none)."""
    src = sources.get(fig.source)
    return max(fig.date, src.published) if src is not None and src.published is not None else fig.date


def released_beside_preview(claims: Located, figures: dict[str, Figure], sources: dict[str, Source],
                            models: list, as_of=None) -> list[DataError]:
    """The written scale judges a claim by the model that was released. So a claim about the December
    preview cites the released model's records, once one is on record by the data's as-of date:
    - where its own records or its evidence show the preview (a model of the `preview` stage) on a
      metric, its evidence shows the released model on that metric too;
    - where its words name the preview's bare name (`instead_of` in data/models.yaml: "o3", not
      "o3-mini"), its evidence shows the released model on some metric ("85% is the threshold of
      human performance, and o3 passed it" cited no record of the released o3, all of whose ARC scores
      are below the bar).
    The released model is a model of the `released` stage that stands for the same bare name."""
    bare = {m.name: set(m.instead_of or ()) for m in models}
    previews = {m.name for m in models if m.stage == "preview"}
    released = {m.name for m in models if m.stage == "released"}
    errors = []

    def heirs_of(name: str) -> set[str]:
        return {n for n in released if bare.get(n, set()) & bare.get(name, set())}

    def known(heirs: set[str], metric: str | None = None) -> list[str]:
        return sorted(g.id for g in figures.values() if g.model in heirs and (metric is None or g.metric == metric)
                      and (as_of is None or public_date(g, sources) <= as_of))

    for claim, where in claims:
        own = [figures[i] for i in claim.claimed if i in figures]
        evidence = [figures[i] for i in claim.evidence if i in figures]
        if len(evidence) != len(claim.evidence):
            continue  # a dangling id is reported elsewhere
        problem = None
        for f in [*own, *evidence]:
            heirs = heirs_of(f.model) if f.model in previews else set()
            on_file = known(heirs, f.metric) if heirs else []
            if on_file and not any(e.model in heirs and e.metric == f.metric for e in evidence):
                problem = (f"'{f.id}' shows {f.model} on {f.metric}, but no evidence shows the released model on it, though "
                           f"'{on_file[0]}' is on record")
                break
        words = f"{claim.claim.zh} {claim.claim.en}"
        for name in sorted(previews) if problem is None else ():
            heirs = heirs_of(name)
            said = [b for b in sorted(bare.get(name, ())) if re.search(rf"(?<![\w-]){re.escape(b)}(?![\w-])", words)]
            on_file = known(heirs) if said and heirs else []
            if on_file and not any(e.model in heirs for e in evidence):
                problem = (f"the claim names {said[0]}, but no evidence shows the released model, though "
                           f"'{on_file[0]}' is on record")
                break
        if problem:
            errors.append(where.error(f"{problem}: the written scale judges a claim by the model that was released", "evidence"))
    return errors


def history_rules(claims: Located, figures: dict[str, Figure], sources: dict[str, Source], metrics: dict,
                  stages: dict[str, str | None] | None, as_of, figure_ids: set[str] | None) -> list[DataError]:
    """Each claim's verdict history (data/scorecard.yaml `history`) is traceable to its records.

    The first step is dated the day the claim was made (the publication date of the livestream's own
    sources: its video and its transcript); every later step is dated by the latest public date of the
    records that moved it, all of them the claim's own records or its evidence; no step is dated after the
    data's as-of date (data/status.yaml); the steps are in date order, each a different verdict from the
    one before; the last is the claim's `verdict`; each step's verdict passes the checkable rules of the
    written scale with the evidence public on its date; and its reason types no number."""
    errors: list[DataError] = []
    made = [s.published for s in sources.values() if s.kind in ("video", "transcript") and s.published is not None]
    made_on = min(made) if made else None
    for claim, where in claims:
        steps = [(step, Where(where.file, where.path + ("history", i), where.lines)) for i, step in enumerate(claim.history)]
        errors += text_figure_refs(steps, ("reason",), figure_ids)
        errors += typed_numbers(steps, ("reason",))
        own = set(claim.claimed) | set(claim.evidence)
        last = claim.history[-1]
        if last.verdict != claim.verdict:
            errors.append(where.error(f"the claim's verdict is '{claim.verdict}' but its history's last step says "
                                      f"'{last.verdict}': the last step of `history` is the current verdict", "verdict"))
        previous = None
        for i, (step, at) in enumerate(steps):
            dated = []
            for j, ref in enumerate(step.records):
                if figure_ids is not None and ref not in figure_ids:
                    errors.append(at.error(f"unknown figure id '{ref}'", "records", j))
                    continue
                if ref not in own:
                    errors.append(at.error(f"'{ref}' is neither one of the claim's own records (`claimed`) nor its "
                                           "evidence: a step cites the records the verdict rests on", "records", j))
                fig = figures.get(ref)
                if fig is None:
                    continue
                day = public_date(fig, sources)
                dated.append(day)
                if day > step.date:
                    errors.append(at.error(f"'{ref}' was public on {day}, after the step's date ({step.date}): "
                                           "a verdict cannot rest on a record before it was public", "records", j))
            if i == 0:
                if made_on is not None and step.date != made_on:
                    errors.append(at.error(f"the first step is the claim's state on the day it was made ({made_on}, "
                                           f"the livestream), not {step.date}", "date"))
            elif not step.records:
                errors.append(at.error("a later step names the records that moved the verdict", "records"))
            elif dated and step.date != max(dated):
                errors.append(at.error(f"a step is dated by the latest public date of the records that moved it "
                                       f"({max(dated)}), not {step.date}", "date"))
            if as_of is not None and step.date > as_of:
                errors.append(at.error(f"dated {step.date}, after the data's as-of date ({as_of}, data/status.yaml)", "date"))
            if previous is not None:
                if step.date <= previous.date:
                    errors.append(at.error(f"dated {step.date}, not after the step before it ({previous.date}): "
                                           "steps are in date order, one per day at most", "date"))
                if step.verdict == previous.verdict:
                    errors.append(at.error(f"the same verdict as the step before it ('{step.verdict}'): a step is a change "
                                           "of verdict", "verdict"))
            previous = step
            if step.verdict is None or stages is None:
                continue
            then = [ref for ref in claim.evidence if ref in figures and public_date(figures[ref], sources) <= step.date]
            as_then = claim.model_copy(update={"verdict": step.verdict, "evidence": then})
            for err in verdict_rules([(as_then, where)], figures, sources, metrics, stages):
                errors.append(at.error(f"with the evidence public on {step.date}, the written scale does not allow "
                                       f"'{step.verdict}': {err.problem}", "verdict"))
    return errors


def model_labels(models: Located) -> list[DataError]:
    """Each language whole: a reference (a human panel, a prize target...) is words, not a name, and
    carries a `label` in both languages (a model's name may have one too: "o3 (early checkpoint)")."""
    return [where.error(f"the reference '{m.name}' is shown to readers of both languages: give it a label {{zh: ..., en: ...}}", "label")
            for m, where in models if m.label is None and m.kind == "reference"]


def setting_translations(figures: Located, values: list[tuple[SettingValue, Where]]) -> list[DataError]:
    """Every setting value a figure uses (split, aggregation, scaffold, pricing) has its entry in
    data/settings.yaml, so that a Chinese page shows it in Chinese; an entry no figure uses is stale."""
    errors: list[DataError] = []
    known: dict[tuple[str, str], Where] = {}
    for v, where in values:
        if (v.field, v.en) in known:
            errors.append(where.error(f"'{v.en}' ({v.field}) is listed twice", "en"))
        known.setdefault((v.field, v.en), where)
    used: set[tuple[str, str]] = set()
    for fig, where in figures:
        for name in ("split", "aggregation", "scaffold", "pricing"):
            value = getattr(fig.setting, name)
            if value is None:
                continue
            used.add((name, value))
            if (name, value) not in known:
                errors.append(where.error(f"'{value}' has no Chinese in data/settings.yaml (add field: {name}, en: ..., zh: ...)",
                                          "setting", name))
    errors += [where.error(f"'{en}' ({name}) is used by no figure: remove it", "en") for (name, en), where in known.items()
               if (name, en) not in used]
    return errors
