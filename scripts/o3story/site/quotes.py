"""One wording per quote: every quotation of the livestream is a span of the transcript or of its translation.

The site quotes the livestream in its pages (docs/*.md), chart texts (i18n/<lang>/*.yaml) and data
texts (figures' `notes`, fact-checks, the timeline, the scorecard, source notes, the glossary,
metric descriptions), in both languages. (The audit changelog quotes the site's own earlier wordings,
which are not quotations of the livestream: it is not read here.) An English quotation must be a
verbatim span of the site's own translation (data/transcript/en.yaml), so that a reader never meets
two "verbatim" English versions of one sentence; a quotation in Chinese must be a verbatim span of the
Chinese transcript (data/transcript/baoyu-day12.zh.txt), whichever page it stands on.

How a quotation is found and told apart from other quoted text:
- A quotation is any span in typographic double quotes “…” or single quotes ‘…’ (’ followed by a
  letter is an apostrophe, not a closing quote: it’s, o3’s), in corner brackets 「…」 『…』, and any
  span in straight quotes "…" or '…' inside a text value (a straight ' between letters, or after
  one and before a space, is an apostrophe: o3's, models' scores). In a page body, straight quotes
  that are Markdown syntax, such as an admonition's title, and the YAML front matter's own quoting
  are not text.
- A quotation that holds a Chinese character quotes the Chinese transcript: it must be a verbatim
  span of data/transcript/baoyu-day12.zh.txt, spaced as the transcript spaces it (a space between
  Chinese and Latin text, or none, is part of what is quoted), or of a recorded source text (below,
  white space aside), or be in `ALLOWED`. In a
  Chinese text, a quotation without Chinese characters that is a verbatim span of the Chinese
  transcript (“85.7%”) quotes it too; in an English text, one that is not in the translation but is
  in the Chinese transcript quotes the transcript's own Latin-script words (its spelling 'CodeForce').
- A quotation that is only a placeholder (“{title}”) is a slot for a title, not a quotation.
- A quotation that is a verbatim span of OpenAI's video captions (data/transcript/captions.en.txt), its
  corrections in [brackets] left out, is OpenAI's own English: it passes, and must not carry the
  translation mark.
- A quotation that is a verbatim span of a recorded source text (a figure's or a timeline event's
  `quote`, a source's title, the `source_text` of a change in the changelog) quotes that source,
  whose words data/ already holds and cites.
- Every other quotation is taken to quote the livestream, unless it is in `ALLOWED`, the short list
  of quoted text that is not the livestream in this site's translation (titles, labels, terms, other
  sources' words), each with its reason. A quotation without Chinese characters in a source's own
  `note` quotes that source (its page, table or post), whose words the note describes. An entry that no longer occurs is itself reported, so the
  list cannot rot.

Matching is verbatim, with three allowances: ’ and ' are the same apostrophe, runs of white space are
one space, and the first letter's case may differ (a quotation may start mid-sentence). A quotation
must match whole words: “Reason” is not found inside “reasoning”. `{{ fig ID }}` in a page or data
text is replaced by the figure's value as the page shows it (in the text's language); `{name}` in a
chart text stands for any text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from o3story.data import captions as captions_mod
from o3story.data.captions import words as caption_words
from o3story.render.fmt import value
from o3story.data.placeholders import TOKEN

CURLY = re.compile(r"“([^“”]+)”")
STRAIGHT = re.compile(r'"([^"\n]+)"')
CORNER = re.compile(r"「([^「」]+)」|『([^『』]+)』")
# ‘…’: a ’ followed by a letter is an apostrophe inside the quotation (it’s), not its end.
CURLY_SINGLE = re.compile(r"‘((?:[^‘’\n]|’(?=\w))+)’")
# '…' in a text value: opens after no letter, closes before no letter; a ' between letters is an apostrophe.
STRAIGHT_SINGLE = re.compile(r"(?<![\w'])'((?=[^\s'])(?:[^'\n]|(?<=\w)'(?=\w))*?(?<=[^\s']))'(?![\w])")
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
    "22.8 percent": "The Verge's words, not the livestream",
    "Efficiency: High": "a column value of ARC Prize's results table",
    "Human panel (at least 2 humans)": "a row label of ARC Prize's results table (its ARC-AGI-2 launch post)",
    "Low": "a column value of ARC Prize's results table",
    "Cite this repository": "the name of GitHub's button that reads CITATION.cff",
    "12 Days of OpenAI": "the name of OpenAI's event",
    "Deliberative Alignment: Reasoning Enables Safer Language Models": "a paper's title",
    "Competitive Programming with Large Reasoning Models": "a paper's title",
    "Reason": "the label of a ChatGPT button",
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
    "requires $17-20 per task in the low-compute mode": "ARC Prize's December 2024 post, quoted in its records' notes",
    "Efficiency: Low": "a column value of ARC Prize's results table",
    "not available as pricing and feature availability is still TBD":
        "ARC Prize's post on the high-compute cost, quoted in its record's notes",
    "OpenAI has requested that we not publish the high-compute costs":
        "early republished copies of ARC Prize's post, quoted in a record's notes",
    "semi-private v1": "a label of the evaluation set that could not be checked, named in the notes to say so",
    "半私有集 v1": "the same label (semi-private v1) in the Chinese notes, named to say it could not be checked",
    "o3 (Preview, Low)": "the display name in ARC Prize's leaderboard data, quoted in its record's notes",
    "o1 averaged 74% (11.1/15) with a single sample per problem":
        "OpenAI's “Learning to Reason with LLMs”, quoted in its record's notes",
    "we dropped the price of o3 by 80%": "Sam Altman's post on X, quoted in the notes of the records of the price cut",
    "mid-2025": "the aitoolrate article's own words, quoted in its records' notes",
    "12 天发布会": "the Chinese name of OpenAI's event (12 Days of OpenAI), not the livestream's words",
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
    lang: str = "en"  # the language of the text it stands in
    of_source: bool = False  # in a source's own note, which describes (and quotes) that source


def _marked(text: str, q: str, mark: str) -> bool:
    return any(f"{a}{q}{b}{mark}" in text for a, b in (("“", "”"), ('"', '"'), ("‘", "’"), ("'", "'")))


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
    """The quotations in `text`, in the order of their kinds: “…”, 「…」 and 『…』, ‘…’, then straight ones."""
    yield from CURLY.findall(text)
    for corner, double in CORNER.findall(text):
        yield corner or double
    yield from CURLY_SINGLE.findall(text)
    if straight:
        yield from STRAIGHT.findall(text)
        yield from STRAIGHT_SINGLE.findall(text)


def _fill_figures(text: str, figure_value) -> str:
    return TOKEN.sub(lambda m: figure_value(m["args"].split()[0]) if m["name"] == "fig" else m.group(0), text)


def page_quotes(path: Path, name: str, figure_value, lang: str = "en") -> Iterator[Quote]:
    """Quotations in a hand-written page: its front-matter description and its body."""
    raw = path.read_text(encoding="utf-8")
    body, front = raw, {}
    if raw.startswith("---\n"):
        end = raw.index("\n---", 4)
        front = yaml.safe_load(raw[4:end]) or {}
        body = "\n" * raw.count("\n", 0, end + 4) + raw[end + 4 :]  # keep line numbers
    for text in front.values():
        if isinstance(text, str):
            for q in _quotes(text, straight=True):
                yield Quote(f"{name}:{_line_of(raw, q)}", q, _fill_figures(q, figure_value), _marked(text, q, MARK_PAGE), lang=lang)
    for n, line in enumerate(body.split("\n"), 1):
        line = ADMONITION.sub(r"\1", line)
        line = re.sub(r"`[^`]*`", "", line)
        for q in _quotes(line, straight=True):
            yield Quote(f"{name}:{n}", q, _fill_figures(q, figure_value), _marked(line, q, MARK_PAGE), lang=lang)


def table_quotes(path: Path, name: str, lang: str = "en") -> Iterator[Quote]:
    """Quotations in one i18n table: `{name}` slots stand for any text."""
    raw = path.read_text(encoding="utf-8")
    for key, text in (yaml.safe_load(raw) or {}).items():
        if isinstance(text, str):
            for q in _quotes(text, straight=True):
                yield Quote(f"{name}:{_line_of(raw, key + ':')} ({key})", q, q, _marked(text, q, MARK_CHART), MARK_CHART, lang)


def _get(rec: dict, field: str):
    for key in field.split("."):
        rec = rec.get(key) if isinstance(rec, dict) else None
    return rec


def data_quotes(path: Path, name: str, top: str, fields: Iterable[str], figure_value, lang: str = "en",
                of_source: bool = False) -> Iterator[Quote]:
    """Quotations in one language's side of bilingual data texts (`field.<lang>` of each record; a
    field may be nested: `promise.reason`). `of_source`: the texts are sources' own notes."""
    raw = path.read_text(encoding="utf-8")
    for rec in (yaml.safe_load(raw) or {}).get(top) or []:
        at = max(raw.find(f"id: {rec.get('id')}\n"), raw.find(f'id: "{rec.get("id")}"'), 0)
        for field in fields:
            text = _get(rec, field)
            if isinstance(text, dict) and isinstance(text.get(lang), str):
                here = max(raw.find(f"{lang}:", max(raw.find(f"{field.split('.')[-1]}:", at), at)), at)
                for q in _quotes(text[lang], straight=True):
                    yield Quote(f"{name}:{_line_of(raw, q, here)} ({rec.get('id')}.{field}.{lang})", q, _fill_figures(q, figure_value),
                                _marked(text[lang], q, MARK_PAGE), lang=lang, of_source=of_source)


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


def _bare(text: str) -> str:
    """Chinese text for matching without white space: to find what a quotation quotes (its spacing is then
    checked against the transcript's in `check`)."""
    return re.sub(r"\s+", "", normalise(text))


def check(quotes: Iterable[Quote], english: list[str], chinese: str, allowed: dict[str, str], translation: str,
          recorded: Iterable[str] = (), captions: str = "") -> list[Problem]:
    """`recorded`: the source texts data/ holds (record quotes, source titles); a quotation of one is not the livestream's.
    `captions`: OpenAI's video captions, folded into one line: a quotation of them (its corrections in [brackets]
    left out) is OpenAI's own English, and must not carry the translation mark."""
    english_n = [normalise(t) for t in english]
    captions_n = normalise(captions)
    recorded = list(recorded)
    recorded_n = [normalise(t) for t in recorded]
    recorded_bare = [_bare(t) for t in recorded]
    chinese_bare, chinese_n = _bare(chinese), normalise(chinese)
    problems, used = [], set()
    for q in quotes:
        if SLOT.fullmatch(q.text.strip()):
            continue  # a slot for a title
        if q.text in allowed:
            used.add(q.text)
            continue
        bare = _bare(q.pattern)
        spaced = normalise(q.pattern)
        if (CJK.search(q.text) and bare in chinese_bare and spaced not in chinese_n
                and not any(spaced in t for t in recorded_n)):  # a recorded source's words, spaced as it spaces them
            problems.append(Problem(q.where, f"“{q.text}” quotes the transcript with other spacing than its own: quote it "
                                              "as the transcript writes it (a space between Chinese and Latin text there, "
                                              "or none, is part of the quotation)"))
            continue
        if q.lang == "zh" and bare in chinese_bare:
            continue  # a Chinese text quoting the Chinese transcript, Latin letters and digits included
        if CJK.search(q.text):
            if bare in chinese_bare or any(bare in t for t in recorded_bare):
                continue
            problems.append(Problem(q.where, f"“{q.text}” quotes Chinese that is not verbatim in the transcript "
                                              "(data/transcript/baoyu-day12.zh.txt) nor in a recorded source text: quote its words, "
                                              "or drop the quotation marks if it is a paraphrase or a term"))
            continue
        if q.of_source:
            continue  # a source's note quoting that source's own words (its page, table or post)
        said = normalise(caption_words(q.pattern))
        if captions_n and said and _regex(said).search(captions_n):
            if q.marked and not any(_regex(q.pattern).search(t) for t in english_n):
                problems.append(Problem(q.where, f"“{q.text}” quotes OpenAI's own words (its video's captions), not this "
                                                  f"project's translation: remove {q.mark}"))
            continue
        if bare and len(bare) > 3 and bare in chinese_bare:
            continue  # Latin-script words as the Chinese transcript itself writes them (“Prudent Alignment”): no translation
        rx = _regex(q.pattern)
        if any(rx.search(t) for t in recorded_n):
            continue  # quotes a source whose words a record holds
        if not any(rx.search(t) for t in english_n):
            if bare and bare in chinese_bare:
                continue  # the Chinese transcript's own Latin-script words (its spelling “CodeForce”)
            problems.append(Problem(q.where, f"“{q.text}” is not a verbatim span of {translation}: quote the translation's words, "
                                              "or drop the quotation marks if it is a paraphrase"))
        elif not q.marked:
            problems.append(Problem(q.where, f"“{q.text}” quotes the livestream in this project's translation: "
                                              f"write {q.mark} right after its closing quote, so a reader knows"))
    for text in sorted(set(allowed) - used):
        problems.append(Problem("scripts/o3story/site/quotes.py", f"ALLOWED entry “{text}” no longer occurs: remove it"))
    return problems


# The bilingual data texts the site shows, per file: (top-level list, fields of each record).
DATA_TEXTS = (
    ("factcheck.yaml", "checks", ("problem", "correction")),
    ("timeline.yaml", "events", ("event", "promised", "promise.reason")),
    ("scorecard.yaml", "claims", ("claim", "reason")),
    ("sources.yaml", "sources", ("note",)),
    ("glossary.yaml", "terms", ("definition",)),
    ("metrics.yaml", "metrics", ("description",)),
)


def site_quotes(root: Path, story, langs: Iterable[str] = ("en", "zh")) -> Iterator[Quote]:
    """Every place the site quotes, in each language: pages, chart texts, figure notes, fact-checks,
    the timeline, the scorecard, source notes, the glossary, metric descriptions."""
    for lang in langs:
        def figure_value(fig_id: str, lang=lang) -> str:
            return value(story.data.figure(fig_id), lang)

        for path in sorted((root / "docs").rglob(f"*.{lang}.md")):
            yield from page_quotes(path, path.relative_to(root).as_posix(), figure_value, lang)
        i18n = root / f"scripts/o3story/render/i18n/{lang}"
        tables = sorted(i18n.glob("*.yaml"))
        if not tables:  # a moved folder must not silently leave the chart texts unchecked
            raise FileNotFoundError(f"no string tables under {i18n}")
        for path in tables:
            yield from table_quotes(path, path.relative_to(root).as_posix(), lang)
        data = root / "data"
        for path in sorted((data / "figures").glob("*.yaml")):
            yield from data_quotes(path, path.relative_to(root).as_posix(), "figures", ("notes",), figure_value, lang)
        for file, top, fields in DATA_TEXTS:
            yield from data_quotes(data / file, f"data/{file}", top, fields, figure_value, lang, of_source=file == "sources.yaml")


def site_problems(root: Path, story, allowed: dict[str, str] = ALLOWED) -> list[Problem]:
    data = root / "data"
    return check(
        site_quotes(root, story),
        translation_texts(data / "transcript/en.yaml"),
        (data / "transcript/baoyu-day12.zh.txt").read_text(encoding="utf-8"),
        allowed,
        "data/transcript/en.yaml",
        recorded_texts(story),
        captions_mod.load(data / "transcript/captions.en.txt", "data/transcript/captions.en.txt").text,
    )


def recorded_texts(story) -> list[str]:
    """Source texts that data/ records verbatim: figure and event quotes, source titles, and the source
    texts the changelog cites for its changes."""
    d = story.data
    return ([f.quote for f in d.figures if f.quote] + [e.quote for e in d.events if getattr(e, "quote", None)]
            + [s.title for s in d.sources] + [c.source_text for a in d.audits for c in a.changes if c.source_text])
