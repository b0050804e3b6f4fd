"""/embed/scorecard/: the overview's claims scorecard alone, for iframes on other sites, with the
chart embeds' guarantees: both languages in the page (`?lang=` picks one), light or dark (`?theme=`,
or the host by postMessage), the frame sized by the snippet before any script runs (an estimate
from the text, as for a chart), embed.js fitting it exactly, no request to any other site, the same
Content-Security-Policy. Each claim is its verdict and its words, the reason one tap away (a closed
<details>: the frame is as tall on load as the snippet says, and grows only when the reader opens
one); the sources on one line; a link back to the overview's scorecard."""

from __future__ import annotations

import math

from markupsafe import Markup

from o3story.data.model import VERDICTS
from o3story.data.story import Story
from o3story.render import source_text, templating
from o3story.render.archive import archived
from o3story.render.context import PageContext
from o3story.data.locale import LANGS, html_lang, locale
from o3story.render.embed import ASOF_GAP, CSP_BASE, PADDING, TEXT_LINE, TITLE_LINE, asof_line, attr_text, credit, text_lines
from o3story.render.i18n import LANG_ROOT, t

ID = "scorecard"  # /embed/scorecard/: no chart has this id (a test checks)
PATH = f"embed/{ID}/"
MAX_WIDTH = 720  # px: the list's measure (embed.css); wider frames centre it
# embed.css: 14 px text at 1.45 for the claims, 13 px at 1.45 for the intro, key and links.
CLAIM_LINE = 14 * 1.45
FIXED = 110  # px: paddings, margins, the key's line, the sources' (a 24 px target) and the link's lines (measured)
CLAIM_GAP = 5  # px: between two claims
INDENT = 16  # px: the disclosure triangle before each claim
CHIP = 2  # em of 11 px text: a verdict chip's padding and gap, in characters of the claim's 14 px
# (the widest viewport, the frame's width there) for each height the snippet gives: a host page's
# column is its viewport less 32 px of margins up to a phone's width; above it, the list's measure.
STEPS = ((344, 288), (400, 328), (480, 368), (600, 448), (776, 568))


def sources(story: Story) -> list:
    """The sources of every claim, each once, in the order the claims cite them: where the claim was
    made (its own records: OpenAI's livestream) and the evidence its verdict rests on."""
    ids = dict.fromkeys(story.data.figure(i).source for c in story.data.claims for i in (*c.claimed, *c.evidence))
    return [story.data.source(i) for i in ids]


def path(lang: str) -> str:
    """Where the embed lies from the site root in a language's tree: /embed/scorecard/ opens in
    Chinese, /en/embed/scorecard/ in English. The same page (both languages in it, `?lang=` picks
    one), each with its links relative to where it lies."""
    return f"{LANG_ROOT[lang]}{PATH}"


def _renderer(story: Story, lang: str, page_url: str = PATH):
    return PageContext(story, lang, page_url, new_tab=True)


def title(story: Story, lang: str) -> str:
    return t(lang, "embed.scorecard.title", n=len(story.data.claims))


def section(story: Story, lang: str, shown: str = "zh") -> dict:
    """What the embed shows in one language, as plain values (the template escapes them); `shown`:
    the language the page at path(shown) opens in, whose links start from there."""
    r = _renderer(story, lang, path(shown))
    claims = list(story.data.claims)
    counts = {v: sum(c.verdict == v for c in claims) for v in VERDICTS}
    srcs = sources(story)
    return {
        "lang": lang, "html_lang": html_lang(lang), "hidden": lang != shown,
        "title": title(story, lang), "intro": t(lang, "scorecard.intro", n=len(claims)),
        "key": [{"verdict": v, "label": story.data.grade(v).label[lang], "count": counts[v]} for v in VERDICTS if counts[v]],
        "claims": [{"id": c.id, "verdict": c.verdict, "verdict_label": story.data.grade(c.verdict).label[lang],
                    "claim": r.plain(c.claim[lang]), "reason": r.plain(c.reason[lang]),
                    "more": r.link(f"#claim-{c.id}"), "more_label": t(lang, "embed.scorecard.more")} for c in claims],
        "sources_label": source_text.count_label(srcs, lang),
        "publishers": locale(lang).list.join(source_text.makers(srcs, lang)),
        "sources": [{"url": s.url, "title": source_text.title(s, lang), "publisher": s.publisher_in(lang), "archive": archived(s, lang)}
                    for s in srcs],
        "page": r.link("#scorecard-title"), "back": t(lang, "embed.back", site=t(lang, "site.name")),
        "reason_label": t(lang, "embed.scorecard.reason"),
        # the verdicts' date: a verdict can change (the claim's history), and a reader of another site sees when
        "asof": asof_line(lang, story.data.status.as_of if story.data.status else None, "embed.asof_verdicts"),
        "credit": credit(lang, story.data.status.as_of if story.data.status else None, "embed.asof_verdicts"),
    }


def embed_html(story: Story, site_url: str = "", lang: str = "zh") -> str:
    """The embed page at path(lang): both languages' sections, `lang`'s shown (embed-chart.js keeps
    the one `?lang=` asks for, else the page's own)."""
    sections = [section(story, other, lang) for other in LANGS]
    own = next(s for s in sections if s["lang"] == lang)
    return templating.render(
        "embed_scorecard.html", title=own["title"], description=own["intro"], root="../" * path(lang).count("/"),
        html_lang=own["html_lang"], sections=sections, canonical=f"{site_url}{LANG_ROOT[lang]}" if site_url else "",
        csp=f"{CSP_BASE}; script-src 'self'") + "\n"


def frame_height(story: Story, lang: str, column: int) -> int:
    """The embed's height in px in a frame `column` px wide, every claim closed, about."""
    s = section(story, lang)
    inner = min(column - 2 * PADDING, MAX_WIDTH)
    h = FIXED + text_lines(s["title"], inner, 17, bold=True) * TITLE_LINE
    h += text_lines(s["intro"], inner, 13) * TEXT_LINE
    key = " · ".join(f"{k['label']} {k['count']}" for k in s["key"])
    h += (text_lines(key, inner, 13) - 1) * TEXT_LINE  # FIXED has its first line
    h += (text_lines(s["back"], inner, 13) - 1) * TEXT_LINE
    h += text_lines(s["asof"], inner, 13) * TEXT_LINE + ASOF_GAP
    for c in s["claims"]:
        # the verdict's chip stands before the claim on its first line: counted as the claim's own
        # 14 px text with its padding (its 11 px letters take less room: an estimate on the safe side)
        chip = ("\u3000" if lang == "zh" else "m") * CHIP + c["verdict_label"] + " "
        h += text_lines(chip + c["claim"], inner - INDENT, 14, bold=True) * CLAIM_LINE + CLAIM_GAP
    return math.ceil(h)


def frame_style(story: Story, lang: str) -> str:
    """The frame's height before any script runs, in steps of the viewport's width (STEPS): the
    height at each step's narrowest column, so that the frame is never shorter than its text; above
    the last step, the height at the list's measure. A term per step: CSS clamp() makes each a step
    ((viewport - step) * 999 is far beyond any height)."""
    heights = [frame_height(story, lang, column) for _, column in STEPS] + [frame_height(story, lang, MAX_WIDTH + 2 * PADDING)]
    terms = []
    for (vw, _), here, wider in zip(STEPS, heights, heights[1:]):
        if here > wider:
            terms.append(f" - clamp(0px, (100vw - {vw}px) * 999, {here - wider}px)")
    return f"border:0;height:calc({heights[0]}px{''.join(terms)})" if terms else f"border:0;height:{heights[0]}px"


def snippet(site_url: str, story: Story, lang: str) -> str:
    """The copy-ready embed code shown under the overview's scorecard (the chart snippet's form)."""
    return str(templating.render("snippet.html", site_url=site_url, path=path(lang), lang=lang, view="",
                                 title=Markup(attr_text(title(story, lang))),
                                 height=frame_height(story, lang, MAX_WIDTH + 2 * PADDING), style=frame_style(story, lang)))


def oembed_url(site_url: str, lang: str) -> str:
    return f"{site_url}{PATH}oembed.{lang}.json"


def oembed(story: Story, lang: str, site_url: str) -> dict:
    """The oEmbed 1.0 response (type "rich"): `html` is exactly the published snippet."""
    home = f"{site_url}{LANG_ROOT[lang]}"
    return {
        "version": "1.0", "type": "rich", "title": title(story, lang),
        "author_name": t(lang, "oembed.author"), "author_url": home,
        "provider_name": t(lang, "site.name"), "provider_url": home,
        "html": snippet(site_url, story, lang),
        "width": MAX_WIDTH + 2 * PADDING, "height": frame_height(story, lang, MAX_WIDTH + 2 * PADDING),
    }


def snippet_block(site_url: str, story: Story, lang: str) -> str:
    """The overview's folded "embed this scorecard" block: the snippet as a code block (with the
    theme's copy button)."""
    code = "\n".join("    " + line for line in snippet(site_url, story, lang).splitlines())
    return templating.render_markdown("scorecard_embed.md", summary=t(lang, "embed.scorecard.summary"),
                                      label=t(lang, "embed.scorecard.label"), snippet=templating.verbatim(code))
