"""The transcript: its credit, the bilingual transcript, its summary with fact-check flags."""

from __future__ import annotations

from markupsafe import Markup

from o3story.data import captions, claims
from o3story.data.locale import LANGS, html_lang
from o3story.data.transcript import LANG as TRANSCRIPT_LANG
from o3story.data.translation import LANG as TRANSLATION_LANG
from o3story.data.translation import MARKER, marker
from o3story.render import scorecard, templating
from o3story.render.blocks.registry import block
from o3story.render.context import PageContext
from o3story.render.i18n import has, t

def oneline_flags(ctx: PageContext) -> list[Markup]:
    return [Markup(" ") + ctx.inline.flag(c.verdict, ctx.check_link(c.id),
                                           t(ctx.lang, "check.flag"), scorecard.flag_label(ctx, c))
            for c in scorecard.oneline_checks(ctx)]


@block("credit")
def credit(ctx: PageContext, args: list[str]) -> Markup:
    tr = ctx.story.transcript
    src = next(s for s in ctx.story.data.sources if s.kind == "transcript")
    return templating.render(
        "credit.html",
        text=ctx.credit_line("transcript.credit", src, date=tr.published),
        source_url=tr.source_url, video_url=captions.VIDEO, video_label=t(ctx.lang, "transcript.video"))


@block("transcript")
def bilingual_transcript(ctx: PageContext, args: list[str]) -> Markup:
    zh, en = ctx.story.transcript, ctx.story.translation
    first = ctx.lang
    spans, _ = claims.link(zh, list(ctx.story.data.figures), list(ctx.story.data.checks), list(ctx.story.data.unlinked))
    by_para: dict[tuple[int, int], list] = {}
    for sp in spans:
        by_para.setdefault((sp.turn, sp.paragraph), []).append(sp)
    order = sorted(LANGS, key=lambda code: code != first)  # the page's language leads
    turns = []
    for turn in zh.turns:
        speaker_key = f"speaker.{turn.speaker}"
        paragraphs = {
            TRANSCRIPT_LANG: [ctx.marked(p, by_para.get((turn.n, i), []), TRANSCRIPT_LANG) for i, p in enumerate(turn.paragraphs)],
            TRANSLATION_LANG: [ctx.marked(p, ctx.english_spans(p, by_para.get((turn.n, i), [])), TRANSLATION_LANG)
                   for i, p in enumerate(en.turn(turn.n).paragraphs)],
        }
        turns.append({
            "anchor": turn.anchor, "n": turn.n,
            "speaker": t(first, speaker_key) if has(first, speaker_key) else turn.speaker,
            "cols": [{"lang": html_lang(c), "lead": c == first, "paragraphs": paragraphs[c],
                      "verbatim": c == TRANSCRIPT_LANG} for c in order],  # the source's own words
            "flags": flags(ctx, ctx.checks_at(turn.anchor)),
        })
    return templating.render("transcript.html", lead=first, turns=turns, turn_link=t(first, "transcript.turn_link"),
                             labels=flag_labels(ctx))


def outline_groups(lines: list[str] | tuple[str, ...]) -> list[list[dict]]:
    """The article's outline (its lines between the video link and the turns) in groups of parts, each
    group a heading, a sub-heading or a paragraph with the list items under it. A part: a paragraph
    ("p"), a heading ("head": a line a list or a sub-heading follows), a sub-heading ("sub": a
    numbered line, its number the Markdown's) or a list ("list", its items). Markup is dropped, not text."""
    def kind(i: int) -> str:
        mark = marker(lines[i])
        if mark:  # a bullet: a list item; "1.": a sub-heading (the article numbers each "1.": Markdown's numbering)
            return "item" if mark == "item" else "sub"
        return "head" if i + 1 < len(lines) and marker(lines[i + 1]) else "p"

    groups: list[list[dict]] = []
    for i, line in enumerate(lines):
        k = kind(i)
        text = MARKER.sub("", line)
        if k == "item":
            if groups and groups[-1][-1]["kind"] == "list":
                groups[-1][-1]["entries"].append(text)
            elif groups:
                groups[-1].append({"kind": "list", "entries": [text]})
            else:
                groups.append([{"kind": "list", "entries": [text]}])
        else:
            groups.append([{"kind": k, "text": text}])
    return groups


def flags(ctx: PageContext, checks: list) -> list[dict]:
    """Flags of fact-checks on the transcript's words: each links to its check, with its quote."""
    return [{"href": ctx.check_link(c.id), "quote": c.quote,
             # on an English page, the Chinese words carry what OpenAI's captions say beside them
             "said": c.said.en if ctx.lang == TRANSLATION_LANG and c.said else "",
             "gloss": ctx.check_gloss(c)}
            for c in checks]


def flag_labels(ctx: PageContext) -> dict:
    """The words and languages of a flag (templates/inline.html, turn_flag): the quote is the transcript's,
    what is said beside it the translation's language."""
    return {"flag": t(ctx.lang, "check.flag"), "said": t(ctx.lang, "transcript.flag_said"),
            "gloss": t(ctx.lang, "source.title_gloss"),
            "quote_lang": html_lang(TRANSCRIPT_LANG), "said_lang": html_lang(TRANSLATION_LANG)}


def group_text(group: list[dict]) -> str:
    """A group's words, as the checks quote them (a list item's without its bullet)."""
    return "\n".join(part.get("text", "") or "\n".join(part.get("entries", [])) for part in group)


@block("outline")
def outline(ctx: PageContext, args: list[str]) -> Markup:
    """The article's outline between its video link and the turns (its lists of highlights and key dates),
    the Chinese as it stands beside the project's English, group by group, with its fact-check flags."""
    zh, en = ctx.story.transcript, ctx.story.translation
    first = ctx.lang
    order = sorted(LANGS, key=lambda code: code != first)  # the page's language leads
    lines = {TRANSCRIPT_LANG: zh.preamble[1:], TRANSLATION_LANG: en.preamble[1:]}  # [0]: the video link (the credit's)
    # both group alike: each translation line keeps its Chinese line's Markdown mark (checked at load)
    groups = {code: outline_groups(lines[code]) for code in order}
    # each group carries the flags of the checks on its words (a quote the summary repeats is flagged in both)
    checks = list(ctx.story.data.checks)
    rows = [{"cols": [{"lang": html_lang(c), "lead": c == first, "parts": groups[c][i], "verbatim": c == TRANSCRIPT_LANG}
                      for c in order],
             "flags": flags(ctx, [c for c in checks if c.quote in group_text(groups[TRANSCRIPT_LANG][i])])}
            for i in range(len(groups[first]))]
    return templating.render("outline.html", rows=rows, labels=flag_labels(ctx))


@block("oneline")
def oneline(ctx: PageContext, args: list[str]) -> Markup:
    """The transcript's one-line summary, with a flag at each fact-check that corrects it."""
    return templating.join([ctx.summary()[0], *oneline_flags(ctx)])


# The transcript's own summary, with a flag at each point a fact-check corrects.
@block("keypoints")
def keypoints(ctx: PageContext, args: list[str]) -> str:
    return scorecard.flagged_points(ctx, ctx.summary()[1], scorecard.summary_checks(ctx, "key_points"))


@block("risks")
def risks(ctx: PageContext, args: list[str]) -> str:
    return scorecard.flagged_points(ctx, ctx.summary()[2], scorecard.summary_checks(ctx, "risks"))
