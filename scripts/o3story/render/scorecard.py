"""The overview's claims scorecard, its "claimed -> measured" cards and the fact-check flags on the
transcript's own summary: plain values from data/scorecard.yaml and data/factcheck.yaml, rendered by
templates with autoescape on. Pure functions of a `context.PageContext` (for links and `{{ fig }}`)."""

from __future__ import annotations


from o3story.render import templating
from o3story.render.archive import archived
from o3story.render.fmt import long_date, value
from o3story.render.i18n import t
from o3story.data import captions
from o3story.data.model import CHECK_VERDICTS, VERDICTS, Claim, Figure, Said
from o3story.render.context import METHODS, TRANSCRIPT, PageContext, PlaceholderError



def _evidence(r: PageContext, fig: Figure) -> dict:
    src = r.story.data.source(fig.source)
    return {"id": fig.id, "value": value(fig, r.lang), "record": r.record_link(fig), "model": r.story.data.model_label(fig.model, r.lang),
            "publisher": src.publisher_in(r.lang), "source_url": src.url, "archive": archived(src, r.lang),
            "kind": t(r.lang, f"kind.{src.kind}"), "level": level_of(fig, r.lang)}


def level_of(fig: Figure, lang: str) -> str:
    """The reasoning effort or compute a record was measured at, in a few words ("low effort"), or "":
    a compare card sets two values side by side, and the settings differ between them (ARC's 75.7% at
    low compute against the released o3's score at low effort)."""
    for key in ("effort", "compute"):
        word = getattr(fig.setting, key)
        if word in ("low", "medium", "high"):
            return t(lang, f"compare.{key}.{word}")  # the site's words: 中等推理强度, not 中推理强度
        if word is not None:
            return word
    return ""


def video_link(said: Said) -> str:
    """OpenAI's video at the minute the words were said."""
    return f"{captions.VIDEO}&t={said.seconds}s"


def history(r: PageContext, c: Claim) -> list[dict]:
    """The claim's verdict history, oldest first: each step's date, verdict (or none on the scale), reason
    and the records that moved it, linked to their rows."""
    lang = r.lang
    return [{
        "date": step.date.isoformat(),
        "date_label": long_date(step.date, lang),
        "verdict": step.verdict or "none",
        "verdict_label": r.story.data.grade(step.verdict).label[lang] if step.verdict else t(lang, "scorecard.no_verdict"),
        "reason": r.parts(step.reason[lang]),
        "records": [{"id": r.cite(r.figure(i)), "value": value(r.figure(i), lang), "record": r.record_link(r.figure(i))}
                    for i in step.records],
    } for step in c.history]


def reconstructed(r: PageContext) -> str:
    """What the history is: a reconstruction on the written scale, not what the site said at the time."""
    status = r.story.data.status
    if status is None or status.published is None:
        return t(r.lang, "scorecard.reconstructed_plain")
    return t(r.lang, "scorecard.reconstructed", published=long_date(status.published, r.lang))


def claim_values(r: PageContext, c: Claim) -> dict:
    lang = r.lang
    n = len(c.history)
    return {
        "id": c.id,
        "verdict": c.verdict,
        "verdict_label": r.story.data.grade(c.verdict).label[lang],
        "since": c.since.isoformat(),
        "since_label": t(lang, "scorecard.since", date=long_date(c.since, lang)),
        "history": history(r, c),
        "history_label": t(lang, "scorecard.history", n=n) if n > 1 else t(lang, "scorecard.history_one"),
        "history_note": reconstructed(r),
        "history_href": r.link(f"{METHODS}#verdict-history"),
        "history_how": t(lang, "scorecard.history_how"),
        "records_label": t(lang, "scorecard.history_records"),
        "claim": r.parts(c.claim[lang]),
        # What was said: OpenAI's own words (its video's captions) first; the Chinese transcript beside them.
        "said": c.said.en,
        "video_href": video_link(c.said),
        "video_label": t(lang, "said.video", minute=c.said.minute),
        "captions_note": t(lang, "said.captions"),
        "quote": c.quote,
        "turn_href": r.link(f"{TRANSCRIPT}#t{c.turn}"),
        "turn_label": t(lang, "scorecard.turn", n=c.turn),
        "reason": r.parts(c.reason[lang]),
        "evidence": [dict(_evidence(r, r.figure(i)), id=r.cite(r.figure(i))) for i in c.evidence],
        "more_label": t(lang, "scorecard.more_one" if len(c.evidence) == 1 else "scorecard.more", n=len(c.evidence)),
    }


def scorecard(r: PageContext, args: list[str]) -> str:
    lang = r.lang
    claims = list(r.story.data.claims)
    counts = {v: sum(c.verdict == v for c in claims) for v in VERDICTS}
    key = [{"verdict": v, "label": r.story.data.grade(v).label[lang], "legend": r.story.data.grade(v).legend[lang],
            "count": counts[v]} for v in VERDICTS if counts[v]]
    return templating.render(
        "scorecard.html",
        intro=t(lang, "scorecard.intro", n=len(claims)),
        key=key,
        scale_href=r.link(f"{METHODS}#verdict-scale"),
        colon=t(lang, "punct.colon"), stop=t(lang, "punct.stop"),
        scale_label=t(lang, "scorecard.scale"),
        claims=[claim_values(r, c) for c in claims],
    )


def verdict_scale(r: PageContext, args: list[str]) -> str:
    """The written scales (data/verdicts.yaml), each verdict with its test and how many records carry it."""
    data, lang = r.story.data, r.lang
    counts = {"claims": {v: sum(c.verdict == v for c in data.claims) for v in VERDICTS},
              "checks": {v: sum(c.verdict == v for c in data.checks) for v in CHECK_VERDICTS}}
    scales = [{"id": name, "title": t(lang, f"scale.{name}"),
               "grades": [{"id": g.id, "css": g.id if name == "claims" else f"check-{g.id}", "label": g.label[lang],
                           "legend": g.legend[lang], "test": g.test[lang], "count": counts[name][g.id]}
                          for g in data.grades if g.scale == name]}
              for name in ("claims", "checks")]
    return templating.render("verdict_scale.html", scales=scales)


def verdicts(r: PageContext, args: list[str]) -> str:
    """The overview's summary of what held: the scorecard's claims grouped by verdict, in the scale's order."""
    lang, claims = r.lang, r.story.data.claims
    groups = [{"verdict": v, "label": r.story.data.grade(v).label[lang], "legend": r.story.data.grade(v).legend[lang],
               "scale_href": r.link(f"{METHODS}#verdict-{v}"),
               "claims": [{"id": c.id, "claim": r.plain(c.claim[lang])} for c in claims if c.verdict == v]}
              for v in VERDICTS]
    return templating.render("verdicts.html", groups=[g for g in groups if g["claims"]], colon_end=t(lang, "punct.colon_end"))


def measured(r: PageContext, c: Claim) -> tuple[Figure, Figure | None]:
    """The claim's first record, and the first later record of the same metric among its evidence
    (a measurement of what was claimed), if there is one."""
    figs = [r.figure(i) for i in (c.claimed or c.evidence)]
    claimed = figs[0]
    others = {f.model for f in figs[1:]} - {claimed.model}  # a model the claim is set against (o1), not measured for it
    later = next((f for f in map(r.figure, c.evidence) if f.metric == claimed.metric and f.date > claimed.date
                  and f.id not in c.claimed and f.model not in others), None)
    return claimed, later


def compare(r: PageContext, args: list[str]) -> str:
    """Cards that set each claim beside its later measurement (or say there is none)."""
    by_id = {c.id: c for c in r.story.data.claims}
    cards = []
    for claim_id in args:
        if claim_id not in by_id:
            raise PlaceholderError(f"unknown claim id '{claim_id}'")
        c = by_id[claim_id]
        claimed, later = measured(r, c)
        cards.append({
            "id": c.id,
            "verdict": c.verdict,
            "verdict_label": r.story.data.grade(c.verdict).label[r.lang],
            "metric": r.metric_name(claimed),
            "claimed": _evidence(r, claimed),
            "measured": _evidence(r, later) if later else None,
            "claimed_label": t(r.lang, "compare.claimed"),
            "measured_label": t(r.lang, "compare.measured"),
            "none": t(r.lang, "compare.none"),
        })
    return templating.render("compare.html", cards=cards)


def summary_checks(r: PageContext, part: str) -> list[list]:
    """For each point of the transcript's key points (or risks), the fact-checks that quote it (in the
    Chinese; the English points translate the same points, in the same order)."""
    points = getattr(r.story.transcript, part)
    return [[c for c in r.story.data.checks if c.quote in p.text or c.quote in f"{p.label}：{p.text}"] for p in points]


def flag_label(r: PageContext, check) -> str:
    """A badge's words beside words the site checked: "Check: <its verdict>" (the words beside it are the
    source's own, not corrected)."""
    return t(r.lang, "check.flag_verdict", verdict=r.story.data.grade(check.verdict).label[r.lang])


def flagged_points(r: PageContext, items: list[tuple[str, str]], checks: list[list]) -> str:
    flags = [[{"href": r.check_link(c.id), "verdict": c.verdict, "label": flag_label(r, c), "title": t(r.lang, "check.flag")}
              for c in cs]
             for cs in checks]
    return templating.render("points.html", points=[{"label": label, "text": x, "flags": f} for (label, x), f in zip(items, flags)])


def oneline_checks(r: PageContext) -> list:
    return [c for c in r.story.data.checks if c.quote in r.story.transcript.one_line]
