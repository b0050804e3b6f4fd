"""Words as exact as numbers: a qualifier typed twice, a doubled word, a site figure inside a quotation.

A figure's value prints its own qualifier (render/fmt.py `value`: "about 71.7%", "under 2%",
"约 71.7%", "超过 25%"). Prose that types a qualifier before `{{ fig ID }}` therefore reads it twice
("o1 about about 1,891", "约 约 1,891"), and a figure rendered inside a quotation changes the speaker's
words (the stream said “能够超过25%”; “能够超过 {{ fig … }}” reads “能够超过 超过 25%”). These are errors
like a wrong number. Two checks find them:

- `page_problems(html)`: the built pages (every site/**/*.html, both languages, chart pages and
  embeds). A rendered `{{ fig }}` is a link `a.o3-fig` with `data-figure` (render/templates/inline.html);
  the text of a page is read block by block (a paragraph, a list item, a table cell...), leaving out
  scripts, styles, SVG and code. Rules:
  * `qualifier`: a typed qualifier right before a figure whose own text starts with a qualifier, or a
    postposed one right after it (“约70% 左右”, "about 10% or so"); and, in text that is not a
    figure link (chart descriptions, the meta description), a qualifier right before another one and
    a number ("close to about 2,727", "接近约2,727").
  * `doubled`: the same English word twice in a row (case-insensitive, whole words), or the same
    one to four Chinese characters repeated with only white space between ("约 约", "超过 超过"); but
    not in a block marked `data-verbatim`, which holds a source's words as they stand (the video's
    automatic captions keep the speaker's own "is is").
  * `quoted`: a figure link inside quotation marks (“…”, "…", 「…」, 『…』, ‘…’, '…'). A quotation
    is the speaker's words: quote them verbatim as text and put the linked figure outside.
  * `split`: a space between a Chinese word and a figure's own qualifier ("得分 约 71.7%").
  * `markup`: Markdown syntax shown as text (`**low**`: a data string is escaped, never Markdown).
  * `term`: a variant of a term the site writes one way (`TERMS`: 词元 for token, 十二月 for 12 月,
    人类小组 for 人类测试组, 核查记录 for 审核记录, 低算力 and 高算力 for 低计算量 and 高计算量), outside
    quotation marks and the changelog's stored texts.
  * `unit`: a rate's unit said twice, typed before a figure that prints its own (“每任务 20 美元/任务”).
  * `colon`: a half-width colon right after a Chinese word (“来源: ”), in the site's own words; Chinese
    takes “：”.
  * `placeholder`: a `{{ name args }}` placeholder shown as text instead of what it stands for (but
    in the changelog's table, which shows the texts it changed as they are stored).
  Tooltips (`title` attributes) and the meta descriptions are read too, for the text rules.
- `source_problems(root, story)`: the same qualifier and quotation rules on the sources, before a
  build, as data errors (`file:line: field: problem`): docs/*.md, the data texts that hold
  `{{ fig ID }}`, and the chart string tables, whose `{slot}`s code fills with figure values. And
  one rule on quotations (`reading_problems`): a quotation of OpenAI's captions that corrects them in
  [brackets], in docs/*.md or any data text, brackets its words as the data's quotation of the same
  words (a `said`, a video figure's `quote`) does; the o3-mini page once quoted “better performance
  than all1 [o1] is a fractional cost” where the data has “… is [at] a fractional cost”.

May import o3story.data, o3story.render and the standard library (it is in site/ because it reads
the built pages and the docs/ folder).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import yaml

from o3story.data.errors import DataError
from o3story.data.placeholders import TOKEN
from o3story.render.templating import CJK

# --- the words --------------------------------------------------------------------------------

# Qualifiers a writer may type before a number. Longest first where one is the end of another.
EN_QUALIFIERS = (
    "came close to", "close to", "more than", "less than", "at least", "at most", "up to", "well over",
    "well under", "just over", "just under", "approximately", "roughly", "around", "about", "nearly",
    "almost", "under", "over", "above", "below",
)
ZH_QUALIFIERS = ("大约", "将近", "超过", "低于", "不到", "接近", "多于", "少于", "约", "近", "逾")
# Qualifiers written after a number.
POSTPOSED = ("左右", "上下", "以上", "以下", "or so", "or more", "or less", "or above", "or below")
SIGNS = ("≈", "~", "～", "<", ">", "≤", "≥")

_EN = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in EN_QUALIFIERS)
# 近 in 最近 (recently) and 附近 (nearby) is no qualifier; 约 may take 为/是/有 (约为: "is about").
_ZH = "|".join(("大约", "将近", "超过", "低于", "不到", "接近", "多于", "少于", "约", r"(?<![最附])近", "逾"))
_SIGN = "|".join(re.escape(s) for s in SIGNS)
TYPED_BEFORE = re.compile(rf"(?:(?i:(?<![\w-])(?:{_EN}))|(?:{_ZH})(?:为|是|有)?|(?:{_SIGN}))\s*$")
STARTS_QUALIFIED = re.compile(rf"\s*(?:(?i:(?:{_EN})(?![\w-]))|{_ZH}|{_SIGN})")
POSTPOSED_AFTER = re.compile(r"\s*(?:左右|上下|以上|以下|(?i:or\s+(?:so|more|less|above|below))(?![\w-]))")
# In text without figure links: a qualifier, then another, then a number.
TWICE = re.compile(rf"(?:(?i:(?<![\w-])(?:{_EN}))\s+|(?:{_ZH})\s*)(?P<second>(?i:(?:{_EN})(?![\w-]))\s*|(?:{_ZH}|{_SIGN})\s*)[\d$¥€]")

# Within one line: a line break (<br>) between two cells of a table row is layout, not a doubled word.
EN_DOUBLED = re.compile(r"(?<![\w'’-])([A-Za-z]+(?:['’][A-Za-z]+)?)[ \t\u00a0\u3000]+(\1)(?![\w'’-])", re.IGNORECASE)
ZH_DOUBLED = re.compile(r"([\u3400-\u9fff]{1,4})[ \t\u00a0\u3000]+(\1)")

# Quotation marks: paired curly and corner quotes; straight quotes paired in order; single quotes
# that are not apostrophes (’ followed by a letter is one: it’s, o3’s).
PAIRS = (("“", "”"), ("「", "」"), ("『", "』"))
CURLY_SINGLE = re.compile(r"‘(?:[^‘’\n]|’(?=\w))*’")
STRAIGHT_SINGLE = re.compile(r"(?<![\w'])'(?=[^\s'])(?:[^'\n]|(?<=\w)'(?=\w))*?(?<=[^\s'])'(?![\w])")


def quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every quotation in `text`, its marks included."""
    spans = []
    for open_, close in PAIRS:
        i = text.find(open_)
        while i >= 0:
            j = text.find(close, i + 1)
            if j < 0:
                break
            spans.append((i, j + 1))
            i = text.find(open_, j + 1)
    marks = [m.start() for m in re.finditer('"', text)]
    spans += [(marks[k], marks[k + 1] + 1) for k in range(0, len(marks) - 1, 2)]
    spans += [m.span() for m in CURLY_SINGLE.finditer(text)]
    spans += [m.span() for m in STRAIGHT_SINGLE.finditer(text)]
    return spans


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def context(text: str, start: int, end: int, mark: tuple[int, int] | None = None, width: int = 32) -> str:
    """The text around [start, end), a figure's own text between ⟦ ⟧."""
    a, b = max(0, start - width), min(len(text), end + width)
    if mark:
        piece = text[a:mark[0]] + "⟦" + text[mark[0]:mark[1]] + "⟧" + text[mark[1]:b]
    else:
        piece = text[a:b]
    return ("…" if a else "") + _flat(piece) + ("…" if b < len(text) else "")


# --- the built pages -------------------------------------------------------------------------

@dataclass
class Block:
    """The text of one block of a page, and where figure links stand in it (start, end, figure id)."""
    text: str
    figures: list[tuple[int, int, str]] = field(default_factory=list)
    kind: str = "text"  # or "title attribute", "meta description"
    as_written: bool = False  # in the changelog, whose cells show stored texts as written, placeholders and all
    verbatim: bool = False  # in an element marked data-verbatim: a source's words as they stand (automatic captions)
    lang: str = ""  # the language the block is in (the nearest `lang` attribute)
    other: list[tuple[int, int]] = field(default_factory=list)  # (start, end) of inline text in another language


@dataclass(frozen=True, order=True)
class Finding:
    page: str
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.page}: {self.rule}: {self.text}"


SKIP = {"script", "style", "template", "svg", "math", "code", "pre", "textarea", "select"}
BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "button", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
    "hr", "html", "label", "legend", "li", "main", "nav", "ol", "option", "p", "picture", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "input",
}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
DESCRIPTIONS = {"description", "og:description", "twitter:description"}
AS_WRITTEN = "o3-changelog"  # the class of the changelog's table (render/templates/changelog.html)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self.current = Block("")
        self.skip: list[str] = []
        self.fig: tuple[int, str] | None = None
        self.divs = 0  # open <div>s
        self.as_written: int | None = None  # the <div> depth at which the changelog's table opened
        # open elements that carry a language or data-verbatim, or quote (<q>): [tag, lang, verbatim, start of inline text]
        self.marked: list[list] = []

    def _lang(self) -> str:
        return next((m[1] for m in reversed(self.marked) if m[1]), "")

    def _verbatim(self) -> bool:
        return any(m[2] for m in self.marked)

    def flush(self) -> None:
        if self.current.text.strip():
            self.blocks.append(self.current)
        self.current = Block("", as_written=self.as_written is not None, verbatim=self._verbatim(), lang=self._lang())
        self.fig = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("name") in DESCRIPTIONS or a.get("property") in DESCRIPTIONS) and a.get("content"):
            self.blocks.append(Block(a["content"], kind="meta description"))
        if self.skip:
            if tag == self.skip[-1] and tag not in VOID:
                self.skip.append(tag)
            return
        if tag in SKIP:
            self.skip.append(tag)
            if tag == "code":  # what the code says is not read, but it stands there: no two words meet across it
                self.current.text += "\ufffc"
            return
        if a.get("title"):
            self.blocks.append(Block(a["title"], kind="title attribute"))
        if tag == "div":
            self.divs += 1
            if self.as_written is None and AS_WRITTEN in (a.get("class") or "").split():
                self.as_written = self.divs
        if tag not in VOID and (a.get("lang") or "data-verbatim" in a or tag == "q"):
            self.marked.append([tag, a.get("lang") or "", "data-verbatim" in a, len(self.current.text)])
        if tag in BLOCKS:
            self.flush()
        elif tag == "q":  # the browser shows a quotation's marks: the text rules see them
            self.current.text += "“"
        elif tag == "br":
            self.current.text += "\n"
        elif tag == "a" and "o3-fig" in (a.get("class") or "").split():
            self.fig = (len(self.current.text), a.get("data-figure") or "")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if self.skip:
            if tag == self.skip[-1]:
                self.skip.pop()
            return
        if tag == "q":
            self.current.text += "”"
        if self.marked and self.marked[-1][0] == tag:
            _, lang, _, start = self.marked.pop()
            if lang and tag not in BLOCKS and lang != self._lang():  # an inline stretch in its own language
                self.current.other.append((start, len(self.current.text)))
        if tag in BLOCKS:
            self.flush()
        if tag == "div":
            if self.as_written == self.divs:
                self.as_written = None
                self.current.as_written = False
            self.divs -= 1
        elif tag == "a" and self.fig:
            start, fig_id = self.fig
            self.current.figures.append((start, len(self.current.text), fig_id))
            self.fig = None

    def handle_data(self, data):
        if not self.skip:
            self.current.text += data


def blocks(html: str) -> list[Block]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    reader.flush()
    return reader.blocks


def qualifier_findings(block: Block) -> Iterator[str]:
    text, starts = block.text, set()
    for start, end, fig_id in block.figures:
        if not STARTS_QUALIFIED.match(text[start:end]):
            continue
        starts.add(start)
        typed = TYPED_BEFORE.search(text, 0, start)
        if typed:
            yield (f"“{_flat(typed.group(0))}” typed before {fig_id}, which prints its own qualifier: "
                   + context(text, typed.start(), end, (start, end)))
        after = POSTPOSED_AFTER.match(text, end)
        if after:
            yield (f"“{_flat(after.group(0))}” after {fig_id}, which prints its own qualifier: "
                   + context(text, start, after.end(), (start, end)))
    inside = [(s, e) for s, e, _ in block.figures]
    for m in TWICE.finditer(text):
        if m.start("second") in starts or any(s <= m.start() < e for s, e in inside):
            continue  # reported above, at its figure
        yield f"qualifier written twice: {context(text, m.start(), m.end())}"


def _outside_quotations(block: Block, pattern: re.Pattern) -> Iterator[re.Match]:
    """The matches of `pattern` in the site's own words: not in a source's words kept verbatim, the
    changelog's stored texts, or a quotation."""
    if block.verbatim or block.as_written:
        return
    quoted = quote_spans(block.text)
    for m in pattern.finditer(block.text):
        if not any(a < m.start() and m.end() <= b for a, b in quoted):
            yield m


def doubled_findings(block: Block) -> Iterator[str]:
    # not a speaker's own repetition, kept verbatim ("Human Performance is is comparable"), the changelog's
    # stored texts, or a quotation (a source's words, which the quote audit holds verbatim)
    for rx in (EN_DOUBLED, ZH_DOUBLED):
        for m in _outside_quotations(block, rx):
            yield f"“{m[1]}” twice: {context(block.text, m.start(), m.end())}"


# A rate's unit said twice: "per task" typed before a figure that prints its own ("每任务 20 美元/任务",
# "per task $20 per task").
UNIT_TWICE = re.compile(r"每(?P<zh>[\u3400-\u9fff]{1,4})\s*[$¥€]?[\d.,]+\s*[\u3400-\u9fffA-Za-z ]{0,8}/\s*(?P=zh)"
                        r"|(?i:\bper\s+(?P<en>[a-z]+)\s+(?:of\s+|is\s+|was\s+)?[$¥€]?[\d.,]+[^.;:\n]{0,16}?(?:\bper\s+|/)(?P=en)\b)")


def unit_findings(block: Block) -> Iterator[str]:
    for m in _outside_quotations(block, UNIT_TWICE):
        yield f"“{m['zh'] or m['en']}” said twice in one rate: {context(block.text, m.start(), m.end())}"


DOUBLE_POINT = re.compile(r"(?<!\.)\.\.(?!\.)")  # two full stops, not an ellipsis of three


def points_findings(block: Block) -> Iterator[str]:
    """A full stop written twice: a sentence that ends on an abbreviation takes its point once
    ("…”tr..", where a data text ended on the translation mark)."""
    for m in _outside_quotations(block, DOUBLE_POINT):
        yield f"full stop twice: {context(block.text, m.start(), m.end())}"


def quoted_findings(block: Block) -> Iterator[str]:
    spans = quote_spans(block.text)
    for start, end, fig_id in block.figures:
        for a, b in spans:
            if a < start and end < b:
                yield (f"{fig_id} inside a quotation (quote the words verbatim as text, link the figure outside it): "
                       + context(block.text, a, b, (start, end), width=8))
                break


# A placeholder left as text: the page shows "{{ translated }}" instead of the mark it stands for.
# ("{{ fig ID }}" in capitals is the methods page naming the syntax: no id is written in capitals.)
UNRENDERED = re.compile(r"\{\{\s*[a-z-]+(?:\s+[a-z0-9][a-z0-9._-]*)*\s*\}\}")


def _shown_as_text(pattern: re.Pattern, what: str):
    """A rule that finds `pattern` in a block's text (not in the changelog's stored texts)."""
    def findings(block: Block) -> Iterator[str]:
        if block.as_written:
            return
        for m in pattern.finditer(block.text):
            yield f"{what}: {context(block.text, m.start(), m.end())}"
    return findings


placeholder_findings = _shown_as_text(UNRENDERED, "placeholder shown as text")


# One word per term: a variant a writer may type, and the word the site uses for it everywhere.
# (核查 is a fact-check; an audit of the records is 审核, and its log 审核记录)
TERMS = {"词元": "token", "十二月": "12 月", "人类小组": "人类测试组", "核查记录": "审核记录", "低算力": "低计算量", "高算力": "高计算量"}


def term_findings(block: Block) -> Iterator[str]:
    if block.as_written:
        return  # the changelog shows texts as they were stored
    quoted = quote_spans(block.text)  # a source's own words stay as they are
    for variant, word in TERMS.items():
        for m in re.finditer(re.escape(variant), block.text):
            if not any(a < m.start() and m.end() <= b for a, b in quoted):
                yield f"“{variant}” where the site writes “{word}”: {context(block.text, m.start(), m.end())}"


# Markdown syntax a reader sees as text: data strings are escaped, so `**low**` in a data text shows
# its asterisks instead of bold.
SHOWN_MARKUP = re.compile(r"\*\*[^*\s][^*]*?\*\*|(?<![\w])__[^_\s][^_]*?__(?![\w])")


markup_findings = _shown_as_text(SHOWN_MARKUP, "Markdown shown as text")


# A Chinese word, a space, then a figure link that starts with its own qualifier: the space splits the
# qualifier from the word it belongs with ("得分 约 71.7%"; render/fmt.tidy_spaces removes it). Only at a
# figure link: a space between two elements (a card's label chip and its value) is layout.
SPLIT_BEFORE = re.compile(r"[\u3400-\u9fff] $")


def split_findings(block: Block) -> Iterator[str]:
    if block.as_written or block.verbatim:
        return
    for start, end, fig_id in block.figures:
        if STARTS_QUALIFIED.match(block.text[start:end]) and SPLIT_BEFORE.search(block.text, 0, start):
            yield f"a space before {fig_id}, whose value starts with its qualifier: {context(block.text, start - 2, end, (start, end))}"


# A half-width colon after a Chinese word, in the site's own words: Chinese takes the full-width "："
# (render/templating.py `colon`). Not in a source's words (a verbatim block, a quotation, the
# changelog's stored texts), nor a clock's "12:30".
ZH_COLON = re.compile(r"[\u3400-\u9fff）》」』]:(?!\d)")


def colon_findings(block: Block) -> Iterator[str]:
    for m in _outside_quotations(block, ZH_COLON):
        yield f"a half-width colon after Chinese: {context(block.text, m.start(), m.end())}"


# Half-width parentheses around or right after Chinese, in the site's own words: Chinese takes "（）"
# (render/templating.py `punct`). A parenthesis that holds no Chinese after a Latin word is English
# ("OpenAI (o3)"), or code.
ZH_PAREN = re.compile(r"(?P<before>[\u3400-\u9fff）》」』]?)\s?\((?P<inner>[^()\n]*)\)")
# Chinese punctuation takes no space after it, nor before an opening bracket ("制作： o3-story",
# "提交更正 （在 GitHub 上）"); figures and names in a Chinese list are joined by "、", not ", ". (After
# a sentence's "。" a space may stand between two elements: a lead in bold, a chip. A mark right after
# a space or another mark is one of a list of code elements, whose text the reader leaves out.)
ZH_SPACING = re.compile(r"(?<=[^\s，；：、])[，；：、]\s+(?=\S)|(?<=[\u3400-\u9fff])\s+（|(?<=[\u3400-\u9fff%）]), (?=[\u3400-\u9fff\d])")


# Brackets inside brackets in Chinese take another form, 〔〕 (GB/T 15834; render/templating.py `nested`).
ZH_NESTED = re.compile(r"（[^（）\n]*（[^（）\n]*）[^（）\n]*）")


def _in_chinese_own_words(block: Block, pattern: re.Pattern, group: int | str = 0) -> Iterator[re.Match]:
    """The matches of `pattern` in the site's own Chinese words: not in a block in another language, a
    source's words (verbatim), the changelog's stored texts, a quotation or an inline stretch in another
    language (where `group` of the match stands)."""
    if block.as_written or block.verbatim or not block.lang.startswith("zh"):
        return
    kept = quote_spans(block.text) + block.other
    for m in pattern.finditer(block.text):
        if not any(a <= m.start(group) and m.end(group) <= b for a, b in kept):
            yield m


def paren_findings(block: Block) -> Iterator[str]:
    for m in _in_chinese_own_words(block, ZH_PAREN, "inner"):
        if m["before"] or CJK.search(m["inner"]):
            yield f"half-width parentheses in Chinese: {context(block.text, m.start(), m.end())}"


def nested_findings(block: Block) -> Iterator[str]:
    for m in _in_chinese_own_words(block, ZH_NESTED):
        yield f"brackets inside brackets in Chinese (〔〕 inside): {context(block.text, m.start(), m.end())}"


def spacing_findings(block: Block) -> Iterator[str]:
    for m in _in_chinese_own_words(block, ZH_SPACING):
        yield f"spacing around Chinese punctuation: {context(block.text, m.start(), m.end())}"


RULES = {"qualifier": qualifier_findings, "doubled": doubled_findings, "quoted": quoted_findings,
         "placeholder": placeholder_findings, "term": term_findings, "markup": markup_findings,
         "split": split_findings, "colon": colon_findings, "paren": paren_findings,
         "spacing": spacing_findings, "nested": nested_findings, "points": points_findings,
         "unit": unit_findings}


def page_problems(html: str, page: str) -> list[Finding]:
    found = set()
    for block in blocks(html):
        where = page if block.kind == "text" else f"{page} ({block.kind})"
        for rule, find in RULES.items():
            for text in find(block):
                found.add(Finding(where, rule, text))
    return sorted(found)


def site_pages(site: Path) -> list[Path]:
    """Every built page: both languages, chart pages, embeds (the search index is not a page)."""
    return sorted(p for p in site.rglob("*.html") if "search" not in p.relative_to(site).parts[:1])


def site_problems(site: Path) -> list[Finding]:
    out = []
    for path in site_pages(site):
        out += page_problems(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
    return out


# --- the sources -----------------------------------------------------------------------------

ADMONITION = re.compile(r'^(\s*(?:!!!|\?\?\?\+?)\s+[\w-]+)\s+"[^"]*"')
MARKUP = re.compile(r"[*_]+")
SLOT = re.compile(r"\{(?P<name>[a-z_0-9]+)\}")


def _prints_qualifier(fig) -> bool:
    return bool(fig.qualifier) or fig.uncertainty is not None


def text_problems(text: str, figures: dict, known: Iterable[str] = ()) -> Iterator[str]:
    """The qualifier and quotation rules on one source text with `{{ fig ID }}` placeholders; with
    `known`, the data's quotations of the captions, reading_problems too."""
    yield from reading_problems(text, known)
    spans = quote_spans(TOKEN.sub(lambda m: "#" * len(m.group(0)), text))  # a placeholder holds no quote mark
    for m in TOKEN.finditer(text):
        if m["name"] != "fig" or not m["args"].split():
            continue
        fig_id = m["args"].split()[0]
        fig = figures.get(fig_id)
        if fig is not None and _prints_qualifier(fig):
            before = MARKUP.sub("", TOKEN.sub(lambda t: "" if t["name"] == "translated" else t.group(0), text[: m.start()]))
            typed = TYPED_BEFORE.search(before)
            if typed:
                yield (f"“{_flat(typed.group(0))}” stands before {{{{ fig {fig_id} }}}}, which prints its own qualifier "
                       f"(its `qualifier` or `uncertainty`): drop the typed word")
            after = POSTPOSED_AFTER.match(MARKUP.sub("", text[m.end():]))
            if after:
                yield (f"“{_flat(after.group(0))}” follows {{{{ fig {fig_id} }}}}, which prints its own qualifier: drop it")
        if any(a < m.start() and m.end() < b for a, b in spans):
            yield (f"{{{{ fig {fig_id} }}}} stands inside a quotation: quote the speaker's words verbatim as text "
                   "and put the figure outside the quotation marks")


def reading_problems(text: str, known: Iterable[str]) -> Iterator[str]:
    """A quotation of OpenAI's captions that corrects them in [brackets] brackets its words as the data's
    quotation of the same words does (data/scorecard.yaml's rule for `said`, kept for every text). A
    quotation with no brackets gives the captions' own words, as a text that discusses them does."""
    from o3story.data.captions import other_corrections, units

    for a, b in quote_spans(text):
        quoted = text[a + 1:b - 1]
        if "[" not in quoted or len(units(quoted)) < 3:
            continue
        other = next((r for r in known if other_corrections(quoted, r)), None)
        if other is not None:
            yield (f"“{_flat(quoted)}” quotes OpenAI's captions with other corrections than the data's "
                   f"“{_flat(other)}”: bracket the same words alike")


def _scalars(node, path=(), rec=None) -> Iterator[tuple[tuple, str | None, object]]:
    """(key path, record id, scalar node) of every string in a YAML document."""
    if isinstance(node, yaml.MappingNode):
        ident = next((v.value for k, v in node.value if k.value == "id" and isinstance(v, yaml.ScalarNode)), rec)
        for k, v in node.value:
            yield from _scalars(v, path + (k.value,), ident)
    elif isinstance(node, yaml.SequenceNode):
        for i, v in enumerate(node.value):
            yield from _scalars(v, path + (i,), rec)
    elif isinstance(node, yaml.ScalarNode) and isinstance(node.value, str):
        yield path, rec, node


def _field(path: tuple, rec: str | None) -> str:
    keys = [str(p) for p in path if not isinstance(p, int)]
    # from the record down: `<id>.notes.en`; without a record, the whole path
    if rec is not None:
        last_id = max((i for i, p in enumerate(path) if isinstance(p, int)), default=-1)
        keys = [str(p) for p in path[last_id + 1:]]
        return ".".join([rec, *keys])
    return ".".join(keys)


def yaml_problems(path: Path, name: str, figures: dict, known: Iterable[str] = ()) -> Iterator[DataError]:
    yield from _node_problems(yaml.compose(path.read_text(encoding="utf-8")), name, figures, 0, known)


def _node_problems(node, name: str, figures: dict, line_offset: int, known: Iterable[str] = ()) -> Iterator[DataError]:
    if node is None:
        return
    for path, rec, scalar in _scalars(node):
        if "{{" not in scalar.value and "[" not in scalar.value:
            continue
        for problem in text_problems(scalar.value, figures, known):
            yield DataError(name, scalar.start_mark.line + 1 + line_offset, _field(path, rec), problem)


def page_source_problems(path: Path, name: str, figures: dict, known: Iterable[str] = ()) -> Iterator[DataError]:
    """A hand-written page: its front matter's texts and its body, line by line."""
    raw = path.read_text(encoding="utf-8")
    body_start = 0
    if raw.startswith("---\n"):
        end = raw.index("\n---", 4)
        yield from _node_problems(yaml.compose(raw[4:end]), name, figures, 1, known)
        body_start = raw.count("\n", 0, end + 4) + 1
    for n, line in enumerate(raw.split("\n")[body_start:], body_start + 1):
        line = re.sub(r"`[^`]*`", "", ADMONITION.sub(r"\1", line))
        for problem in text_problems(line, figures, known):
            yield DataError(name, n, "text", problem)


# Data files whose texts are shown as written, placeholders and all: the changelog records old and
# new wordings of texts (`was`, `now`); its `{{ fig }}` are never rendered.
NOT_RENDERED = {"changelog.yaml"}


def data_files(data: Path) -> list[Path]:
    return sorted(p for p in [*data.glob("*.yaml"), *(data / "figures").glob("*.yaml")] if p.name not in NOT_RENDERED)


def chart_texts(chart) -> list[str]:
    """Every string a built chart shows: title, description, notes, and the texts of its plotly figure."""
    out = [chart.title, chart.description, *chart.notes, *chart.methods]

    def walk(v):
        if isinstance(v, str):
            out.append(v)
        elif isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, (list, tuple)):
            for x in v:
                walk(x)

    walk(json.loads(chart.figure.to_json()))
    return out


def table_problems(path: Path, name: str, lang: str, story) -> Iterator[DataError]:
    """A chart's string table: a qualifier typed right before a `{slot}` that the chart fills with a
    figure's value carrying its own qualifier (read from the chart as built)."""
    from o3story.render import charts

    raw = path.read_text(encoding="utf-8")
    for key, text in (yaml.safe_load(raw) or {}).items():
        if not isinstance(text, str) or not key.startswith("chart."):
            continue
        chart_id = key.split(".")[1]
        for m in SLOT.finditer(text):
            typed = TYPED_BEFORE.search(text, 0, m.start())
            if not typed or chart_id not in charts.CHARTS:
                continue
            # the words before the slot as the chart shows them (from the previous slot at most), then a qualifier
            start = max([typed.start() - 24] + [s.end() for s in SLOT.finditer(text, 0, typed.start())])
            literal = re.escape(re.sub(r"\s+", " ", text[max(start, 0):typed.end()]).rstrip()).replace(r"\ ", r"\s+")
            shown = re.compile(literal + r"\s*" + STARTS_QUALIFIED.pattern.removeprefix(r"\s*"))
            try:
                built = chart_texts(charts.build(chart_id, story, lang))
            except charts.ChartError:
                continue  # the build reports it
            if any(shown.search(s) for s in built):
                line = raw.count("\n", 0, raw.find(f"{key}:")) + 1
                yield DataError(name, line, key, f"“{_flat(typed.group(0))}” stands before {{{m['name']}}}, which the chart "
                                                 "fills with a figure's value that prints its own qualifier: drop the typed word")


def source_problems(root: Path, story, data: Path | None = None) -> list[DataError]:
    """The qualifier and quotation rules on every source text: docs/*.md, data texts, chart tables.
    `data`: the data folder (root/data unless given); files are named relative to `root`."""
    data = data or root / "data"
    base = data.parent

    def name(path: Path) -> str:
        try:
            return path.relative_to(root).as_posix()
        except ValueError:
            return path.relative_to(base).as_posix()

    from o3story.data.captions import readings

    d = story.data
    figures = {f.id: f for f in d.figures}
    known = [text for text, _, _ in readings([(r, None) for r in [*d.claims, *d.checks]], [(f, None) for f in d.figures],
                                             {s.id: s for s in d.sources})]
    errors: list[DataError] = []
    for path in sorted((root / "docs").glob("*.md")):
        errors += page_source_problems(path, name(path), figures, known)
    for path in data_files(data):
        errors += yaml_problems(path, name(path), figures, known)
    i18n = Path(__file__).resolve().parents[1] / "render" / "i18n"
    for lang_dir in sorted(p for p in i18n.iterdir() if p.is_dir()):
        for path in sorted(lang_dir.glob("chart-*.yaml")):
            errors += table_problems(path, f"scripts/o3story/render/i18n/{lang_dir.name}/{path.name}", lang_dir.name, story)
    return sorted(set(errors))


def allowed(found: Iterable, known: dict[str, str]) -> tuple[list, list[str]]:
    """Split `found` into what is not in `known` (keyed by a substring of the finding) and the entries of
    `known` that matched nothing (stale)."""
    rest, used = [], set()
    for f in found:
        hit = next((k for k in known if k in str(f)), None)
        if hit is None:
            rest.append(f)
        else:
            used.add(hit)
    return rest, sorted(set(known) - used)
