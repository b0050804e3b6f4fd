"""One English wording per quote: every English quotation of the livestream is a span of the translation.

The site quotes the livestream in English in its pages (docs/*.en.md), chart texts
(i18n/en/*.yaml) and data notes (figures' `notes.en`, fact-checks, timeline). Each such quotation
must be a verbatim span of the site's own translation (data/transcript/en.yaml), so that a reader
never meets two "verbatim" English versions of one sentence.

How a quotation is found and told apart from other quoted text:
- A quotation is any span in typographic double quotes “…” in those texts, and any span in straight
  double quotes "…" inside a text value (in a page body, straight quotes that are Markdown syntax,
  such as an admonition's title, and the YAML front matter's own quoting are not text).
- A quotation that holds a Chinese character quotes the Chinese transcript: it must be a verbatim
  span of data/transcript/baoyu-day12.zh.txt instead.
- A quotation that is only a placeholder (“{title}”) is a slot for a title, not a quotation.
- A quotation that is a verbatim span of a recorded source text (a figure's or a timeline event's
  `quote`, a source's title) quotes that source, whose words data/ already holds and cites.
- Every other quotation is taken to quote the livestream, unless it is in `ALLOWED`, the short list
  of quoted text that is not the livestream in this site's translation (titles, labels, other
  sources' words), each with its reason. An entry that no longer occurs is itself reported, so the
  list cannot rot.

Matching is verbatim, with three allowances: ’ and ' are the same apostrophe, runs of white space are
one space, and the first letter's case may differ (a quotation may start mid-sentence). A quotation
must match whole words: “Reason” is not found inside “reasoning”. `{{ fig ID }}` in a page or data
text is replaced by the figure's value as the page shows it; `{name}` in a chart text stands for any
text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from o3story.render.fmt import value
from o3story.data.placeholders import TOKEN

CURLY = re.compile(r"“([^“”]+)”")
STRAIGHT = re.compile(r'"([^"\n]+)"')
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
SLOT = re.compile(r"\{[a-z_]+\}")
ADMONITION = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+)\s+"[^"]*"')

# Quoted text that is not the livestream as this site translates it. Keyed by the quotation as
# written (before normalising); each with why it may stand.
ALLOWED: dict[str, str] = {
    "in the grand tradition of open AI being really truly bad at names":
        "OpenAI's own video captions, quoted in a fact-check to show where the Chinese differs",
    "with o3 in aggressive test-time compute settings, we’re able to get over 25%":
        "the livestream's English as TechCrunch quoted it, cited in a fact-check as TechCrunch's",
    "took 4 years to go from 0% with GPT-3 in 2020 to 5% in 2024 with GPT-4o": "ARC Prize's post, not the livestream",
    "trained on the ARC-AGI-1 Public Training set": "ARC Prize's post, not the livestream",
    "22.8 percent": "The Verge's words, not the livestream",
    "Efficiency: High": "a column value of ARC Prize's results table",
    "Low": "a column value of ARC Prize's results table",
    "The o3 and o3-mini launch: every number, checked": "this site's own title",
    "12 Days of OpenAI": "the name of OpenAI's event",
    "Deliberative Alignment: Reasoning Enables Safer Language Models": "a paper's title",
    "Competitive Programming with Large Reasoning Models": "a paper's title",
    "Reason": "the label of a ChatGPT button",
    "no price": "the label of the codeforces-elo-price chart's own no-price column",
    "Launch prices": "the label of a codeforces-elo-price view button",
    "later prices": "the label of a codeforces-elo-price view button",
    "with terminal": "OpenAI's chart label on its 2025-04-16 page (o3 with a terminal tool)",
    "4%*": "ARC Prize's ARC-AGI-2 leaderboard label (an in-progress estimate), not the livestream",
    "Scores labeled with * are in-progress estimates based on partial results we've been able to aggregate so far and o1-pro pricing":
        "ARC Prize's ARC-AGI-2 launch post, quoted in its record's notes",
    "in-progress estimate": "ARC Prize's ARC-AGI-2 launch post, quoted in the timeline",
    "For models that returned insufficient data, remaining tasks were scored as incorrect":
        "ARC Prize's 2026 leaderboard post, quoted in its record's notes",
    "or because those results were run on a different subset of FrontierMath (the 180 problems in frontiermath-2024-11-26 vs the 290 problems in frontiermath-2025-02-28-private)":
        "Epoch AI's FrontierMath hub, quoted in its record's notes",
    "the 180 problems in frontiermath-2024-11-26": "Epoch AI's FrontierMath hub, quoted in a record's notes",
    "was in an older copy of the System Card PDF which has been replaced by an updated document that doesn't mention Codeforces ELO scores at all":
        "Simon Willison's newsletter, quoted in the notes of the records it sources",
    "an answer regex tweak for GPQA benchmark": "the simple-evals README, quoted in its record's notes",
    "comparison values from live models (e.g. GPT-4o and OpenAI o1-mini) are from the latest versions of those models, so may vary slightly from values published at launch for those models.":
        "the o3-mini system card, quoted in its records' notes",
    "powered by a version of the upcoming OpenAI o3 model that’s optimized for web browsing and data analysis":
        "OpenAI's deep research launch page, not the livestream",
}


# How an English quotation of the livestream says it is this project's translation, right after its
# closing quote: a placeholder in pages and data texts (render/pages.py draws the mark), plotly's
# own markup in chart texts.
MARK_PAGE = "{{ translated }}"
MARK_CHART = " (tr.)"  # plain text: a chart text may be drawn by plotly or shown as HTML text


@dataclass(frozen=True)
class Quote:
    where: str  # file:line, as a maintainer finds it
    text: str  # as written
    pattern: str  # text with placeholders filled in (figure values) or marked (chart slots)
    marked: bool = False  # the translation mark follows its closing quote
    mark: str = MARK_PAGE  # the mark this kind of text uses


def _marked(text: str, q: str, mark: str) -> bool:
    return f"“{q}”{mark}" in text or f'"{q}"{mark}' in text


@dataclass(frozen=True)
class Problem:
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'")).strip()


def _line_of(raw: str, needle: str, start: int = 0) -> int:
    """Line of the first `needle` at or after `start` (YAML may escape or fold it: then `start`'s line)."""
    i = raw.find(needle, start)
    return raw.count("\n", 0, i if i >= 0 else start) + 1


def _quotes(text: str, straight: bool) -> Iterator[str]:
    yield from CURLY.findall(text)
    if straight:
        yield from STRAIGHT.findall(text)


def _fill_figures(text: str, figure_value) -> str:
    return TOKEN.sub(lambda m: figure_value(m["args"].split()[0]) if m["name"] == "fig" else m.group(0), text)


def page_quotes(path: Path, name: str, figure_value) -> Iterator[Quote]:
    """Quotations in a hand-written page: its front-matter description and its body."""
    raw = path.read_text(encoding="utf-8")
    body, front = raw, {}
    if raw.startswith("---\n"):
        end = raw.index("\n---", 4)
        front = yaml.safe_load(raw[4:end]) or {}
        body = "\n" * raw.count("\n", 0, end + 4) + raw[end + 4 :]  # keep line numbers
    for key, text in front.items():
        if isinstance(text, str):
            for q in _quotes(text, straight=True):
                yield Quote(f"{name}:{_line_of(raw, q)}", q, _fill_figures(q, figure_value), _marked(text, q, MARK_PAGE))
    for n, line in enumerate(body.split("\n"), 1):
        line = ADMONITION.sub(r"\1", line)
        line = re.sub(r"`[^`]*`", "", line)
        for q in _quotes(line, straight=True):
            yield Quote(f"{name}:{n}", q, _fill_figures(q, figure_value), _marked(line, q, MARK_PAGE))


def table_quotes(path: Path, name: str) -> Iterator[Quote]:
    """Quotations in one i18n table: `{name}` slots stand for any text."""
    raw = path.read_text(encoding="utf-8")
    for key, text in (yaml.safe_load(raw) or {}).items():
        if isinstance(text, str):
            for q in _quotes(text, straight=True):
                yield Quote(f"{name}:{_line_of(raw, key + ':')} ({key})", q, q, _marked(text, q, MARK_CHART), MARK_CHART)


def data_quotes(path: Path, name: str, top: str, fields: Iterable[str], figure_value) -> Iterator[Quote]:
    """Quotations in the English side of bilingual data texts (`field.en` of each record)."""
    raw = path.read_text(encoding="utf-8")
    for rec in (yaml.safe_load(raw) or {}).get(top) or []:
        at = max(raw.find(f"id: {rec.get('id')}\n"), raw.find(f'id: "{rec.get("id")}"'), 0)
        for field in fields:
            text = rec.get(field)
            if isinstance(text, dict) and isinstance(text.get("en"), str):
                en = max(raw.find("en:", max(raw.find(f"{field}:", at), at)), at)
                for q in _quotes(text["en"], straight=True):
                    yield Quote(f"{name}:{_line_of(raw, q, en)} ({rec.get('id')}.{field}.en)", q, _fill_figures(q, figure_value),
                                _marked(text["en"], q, MARK_PAGE))


def translation_texts(path: Path) -> list[str]:
    """Every English string of the translation: title, summary, preamble, turns."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    out = [data["title"], data["summary"]["one_line"]]
    for part in ("key_points", "risks"):
        out += [p[k] for p in data["summary"][part] for k in ("label", "text")]
    out += list(data["preamble"])
    out += [p for turn in data["turns"] for p in turn["paragraphs"]]
    return out


def _regex(pattern: str) -> re.Pattern:
    """A quotation as a regex: verbatim but for apostrophes, spaces, first-letter case and slots."""
    text = normalise(pattern)
    parts = SLOT.split(text)
    body = ".+?".join(re.escape(p) for p in parts)
    if text and text[0].isalpha():
        first = re.escape(text[0])
        body = f"[{text[0].lower()}{text[0].upper()}]" + body[len(first):]
    head = r"(?<![\w])" if re.match(r"\w", text) else ""
    tail = r"(?![\w])" if re.search(r"\w$", text) else ""
    return re.compile(head + body + tail)


def check(quotes: Iterable[Quote], english: list[str], chinese: str, allowed: dict[str, str], translation: str,
          recorded: Iterable[str] = ()) -> list[Problem]:
    """`recorded`: the source texts data/ holds (record quotes, source titles); a quotation of one is not the livestream's."""
    english_n = [normalise(t) for t in english]
    recorded_n = [normalise(t) for t in recorded]
    chinese_n = normalise(chinese)
    problems, used = [], set()
    for q in quotes:
        if SLOT.fullmatch(q.text.strip()):
            continue  # a slot for a title
        if q.text in allowed:
            used.add(q.text)
            continue
        if CJK.search(q.text):
            if normalise(q.pattern) not in chinese_n:
                problems.append(Problem(q.where, f"“{q.text}” quotes Chinese that is not verbatim in the transcript"))
            continue
        rx = _regex(q.pattern)
        if any(rx.search(t) for t in recorded_n):
            continue  # quotes a source whose words a record holds
        if not any(rx.search(t) for t in english_n):
            problems.append(Problem(q.where, f"“{q.text}” is not a verbatim span of {translation}: quote the translation's words, "
                                              "or drop the quotation marks if it is a paraphrase"))
        elif not q.marked:
            problems.append(Problem(q.where, f"“{q.text}” quotes the livestream in this project's translation: "
                                              f"write {q.mark} right after its closing quote, so a reader knows"))
    for text in sorted(set(allowed) - used):
        problems.append(Problem("scripts/o3story/site/quotes.py", f"ALLOWED entry “{text}” no longer occurs: remove it"))
    return problems


def site_quotes(root: Path, story) -> Iterator[Quote]:
    """Every place the site quotes in English: pages, chart texts, data notes, fact-checks, timeline."""
    def figure_value(fig_id: str) -> str:
        return value(story.data.figure(fig_id), "en")

    for path in sorted((root / "docs").rglob("*.en.md")):
        yield from page_quotes(path, path.relative_to(root).as_posix(), figure_value)
    i18n = root / "scripts/o3story/render/i18n/en"
    tables = sorted(i18n.glob("*.yaml"))
    if not tables:  # a moved folder must not silently leave the chart texts unchecked
        raise FileNotFoundError(f"no English string tables under {i18n}")
    for path in tables:
        yield from table_quotes(path, path.relative_to(root).as_posix())
    data = root / "data"
    for path in sorted((data / "figures").glob("*.yaml")):
        yield from data_quotes(path, path.relative_to(root).as_posix(), "figures", ("notes",), figure_value)
    yield from data_quotes(data / "factcheck.yaml", "data/factcheck.yaml", "checks", ("problem", "correction"), figure_value)
    yield from data_quotes(data / "timeline.yaml", "data/timeline.yaml", "events", ("event", "promised"), figure_value)
    yield from data_quotes(data / "scorecard.yaml", "data/scorecard.yaml", "claims", ("claim", "reason"), figure_value)


def site_problems(root: Path, story, allowed: dict[str, str] = ALLOWED) -> list[Problem]:
    data = root / "data"
    return check(
        site_quotes(root, story),
        translation_texts(data / "transcript/en.yaml"),
        (data / "transcript/baoyu-day12.zh.txt").read_text(encoding="utf-8"),
        allowed,
        "data/transcript/en.yaml",
        recorded_texts(story),
    )


def recorded_texts(story) -> list[str]:
    """Source texts that data/ records verbatim: figure and event quotes, source titles."""
    d = story.data
    return ([f.quote for f in d.figures if f.quote] + [e.quote for e in d.events if getattr(e, "quote", None)]
            + [s.title for s in d.sources])
