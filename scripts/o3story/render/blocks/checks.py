"""Fact-checks and the timeline of promises."""

from __future__ import annotations

from markupsafe import Markup

from o3story.data.model import CHECK_WORDS
from o3story.render import current, scorecard, source_text, templating
from o3story.render.blocks.registry import block
from o3story.render.context import METHODS, TRANSCRIPT, PageContext, PlaceholderError
from o3story.render.fmt import value
from o3story.render.i18n import has, t

def promise(ctx: PageContext, ev) -> dict:
    """What was promised, its outcome, and its dates (made, due, delivered)."""
    lang, p = ctx.lang, ev.promise
    dates = [t(lang, "promise.made", date=p.made.isoformat())]
    if p.due:
        dates.append(t(lang, "promise.due", date=p.due.isoformat()))
    dates.append(t(lang, "promise.delivered", date=ev.date.isoformat()))
    return {"promised": ctx.rich(ev.promised[lang]), "outcome": p.outcome, "outcome_label": t(lang, "promise." + p.outcome),
            "dates": " · ".join(dates), "reason": ctx.rich(p.reason[lang])}


SUMMARY_ID = "the-articles-summary"  # the transcript page's section of the article's summary (docs/transcript.*.md)
OUTLINE_ID = "the-articles-outline"  # its section of the article's outline (lists of highlights and key dates)


def what(ctx: PageContext, fig) -> str:
    """What a record measures, in a few words: its model; or its metric, when the metric's name says
    more than the model's (a target: "ARC Prize Grand Prize target", not "ARC Prize Grand Prize",
    which would read as the prize's own score)."""
    model, metric = ctx.model_name(fig), ctx.metric_name(fig)
    return metric if model in metric else model


def told_apart(items: list[dict], shown: str, asides) -> list[dict]:
    """A card's list of sources or records, each shown by one field (a publisher, a value): where two
    items would read the same ("OpenAI、OpenAI", "85%、85%"), each takes the first of its asides
    (`asides(item)`, markup: a source's title; a record's model or metric, then its publisher) that
    tells them apart."""
    for item in items:
        item["aside"] = ""
        twins = [o for o in items if o[shown] == item[shown]]
        if len(twins) > 1:
            for i, aside in enumerate(asides(item)):
                if len({str(asides(o)[i]) for o in twins}) == len(twins):
                    item["aside"] = aside
                    break
    return items


def bracketed(name: str, lang: str, label: str) -> Markup:
    """A name in brackets after a word, in the language (i18n `punct.paren`); its own brackets take
    another form inside them (templating.nested). `label`: the list's label."""
    inner = templating.nested(Markup.escape(name), label)  # escaped once; brackets are no part of a tag
    before, after = t(lang, "punct.paren", text="\0").split("\0")
    return Markup.escape(before) + Markup(inner) + Markup.escape(after)


def titled(ctx: PageContext, source_id: str) -> Markup:
    """A source's title after its publisher, marked as a title in the language (i18n `check.aside_title`)."""
    words = source_text.title(ctx.story.data.source(source_id), ctx.lang, book_marks=False)
    return Markup(Markup.escape(t(ctx.lang, "check.aside_title", title="{title}"))).format(title=words)


def slips_by_verdict(ctx: PageContext, slips: list) -> str:
    """The slips counted by verdict, the most first (the scale's order on a tie), in brackets; "" for
    one verdict. The methods page counts each verdict over all checks, so "27 slips" reads beside
    "Garbled in the transcript (21)" with the other six named."""
    lang = ctx.lang
    tally = sorted(((g.label[lang], sum(c.verdict == g.id for c in slips)) for g in ctx.story.data.grades),
                   key=lambda pair: -pair[1])
    # a verdict's label inside a sentence: lower case where the script has case ("21 garbled in the transcript")
    named = [t(lang, "checks.transcript.by_verdict", label=label.lower(), n=n) for label, n in tally if n]
    return t(lang, "punct.paren", text=t(lang, "checks.transcript.by_verdict_join").join(named)) if len(named) > 1 else ""


@block("factcheck")
def factcheck(ctx: PageContext, args: list[str]) -> Markup:
    """The checks of one group (`judges`: livestream, summary or transcript), the ranked groups in
    their order of consequence, the transcript's slips in the order of the file, folded."""
    if len(args) != 1 or args[0] not in CHECK_WORDS:
        raise PlaceholderError(f"factcheck takes one of {', '.join(CHECK_WORDS)}, not {' '.join(args) or 'nothing'}")
    (group,) = args
    lang, tr = ctx.lang, ctx.story.transcript
    members = [c for c in ctx.story.data.checks if c.judges == group]
    if group != "transcript":
        members.sort(key=lambda c: c.rank)
    claims = {c.id: c for c in ctx.story.data.claims}
    checks = []
    for c in members:
        where = tr.locate(c.quote)
        anchor = f"#{where}" if where and where.startswith("t") else ""
        turn = tr.turn_with(c.quote) if anchor else None
        if turn is not None and group == "livestream":
            speaker_key = f"speaker.{turn.speaker}"
            speaker = t(lang, speaker_key) if has(lang, speaker_key) else turn.speaker
            place = t(lang, "check.said_by", speaker=speaker, n=where[1:])
        else:
            # On the transcript page itself (the slips' appendix) a turn is just its number.
            turn_key = "check.at_turn" if group == "transcript" else "check.in_turn"
            place = t(lang, turn_key, n=where[1:]) if anchor else t(lang, f"check.in_{where}")
        # a quote from the article's summary or its outline lands on it on the transcript page
        section = {"summary": SUMMARY_ID, "body": OUTLINE_ID}.get(where or "")
        href = ctx.link(TRANSCRIPT + (f"#{section}" if section else anchor))
        claim = claims.get(c.claim) if c.claim else None
        checks.append({
            "id": c.id, "rank": c.rank,
            "verdict": c.verdict, "verdict_label": ctx.story.data.grade(c.verdict).label[lang],
            "place": place, "place_href": href, "quote": c.quote,
            "said": c.said.en if c.said else "",
            "gloss": ctx.check_gloss(c),
            "video_href": scorecard.video_link(c.said) if c.said else "",
            "video_label": t(lang, "said.video", minute=c.said.minute) if c.said else "",
            "problem": ctx.rich(c.problem[lang]), "correction": ctx.rich(c.correction[lang]),
            "sources": told_apart([dict(ctx.source(s), id=s) for s in c.sources], "publisher",
                                  lambda s: [titled(ctx, s["id"])]),
            "records": told_apart([{"href": ctx.record_link(ctx.figure(f)), "value": value(ctx.figure(f), lang),
                                    "fig": ctx.figure(f)} for f in c.figures], "value",
                                  lambda r: [bracketed(name, lang, t(lang, "check.records"))
                                             for name in (what(ctx, r["fig"]), ctx.source(r["fig"].source)["publisher"])]),
            "claim": {"href": ctx.link(f"#claim-{claim.id}"), "text": ctx.plain(claim.claim[lang]),
                      "verdict": t(lang, "check.claim_verdict", verdict=ctx.story.data.grade(claim.verdict).label[lang])} if claim else None,
        })
    src = next(s for s in ctx.story.data.sources if s.kind == "transcript")
    by_verdict = slips_by_verdict(ctx, members) if group == "transcript" else ""
    return templating.render(
        "factcheck.html", group=group, checks=checks, problem_label=t(lang, "check.problem"),
        captions_note=t(lang, "said.captions"), correction_label=t(lang, "check.correction"),
        source_label=t(lang, "col.source"), sources_label=t(lang, "check.sources"), records_label=t(lang, "check.records"), claim_label=t(lang, "check.claim"),
        gloss_label=t(lang, "source.title_gloss"),
        scale_href=ctx.link(f"{METHODS}#verdict-scale"),
        lede=t(lang, f"checks.{group}.lede", n=len(checks)) if group != "transcript" else "", scale_label=t(lang, "checks.scale"),
        thanks=ctx.credit_line("checks.transcript.thanks", src),
        source_url=tr.source_url, summary=t(lang, "checks.transcript.summary", n=len(checks), by_verdict=by_verdict))


@block("check-count")
def check_count(ctx: PageContext, args: list[str]) -> str:
    """How many checks judge one group's words (for a heading)."""
    if len(args) != 1 or args[0] not in CHECK_WORDS:
        raise PlaceholderError(f"check-count takes one of {', '.join(CHECK_WORDS)}")
    return str(sum(c.judges == args[0] for c in ctx.story.data.checks))


@block("timeline")
def timeline(ctx: PageContext, args: list[str]) -> Markup:
    lang = ctx.lang
    events = []
    for ev in ctx.story.data.events:
        events.append({
            "id": ev.id, "datetime": ev.date.isoformat(),
            "date": ev.date.isoformat() + (t(lang, "punct.paren", text=t(lang, "about")) if ev.approximate_date else ""),
            "kind": t(lang, f"event.{ev.kind}"), "event": ctx.rich(current.event_text(ctx, ev)),
            "upcoming": current.upcoming(ctx, ev), "upcoming_label": t(lang, "status.upcoming"),
            "promise": promise(ctx, ev) if ev.promised else None,
            "source": ctx.source(ev.source), "quote": ev.quote,
            # a quote in the other language carries the project's translation (as the caveats' do)
            "gloss": ctx.quote_gloss(ev.quote, ev.translation),
        })
    head = [t(lang, "col." + h) for h in ("date", "event", "promised", "source")]
    return templating.render("timeline.html", head=head, events=events, gloss_label=t(lang, "source.title_gloss"))
