"""The page context: what every page block needs to know about the page it fills (its language, where
it lies, the site's address, whether images are built, the data version), the links it makes, the
figures it cites (for its evidence), and the inline pieces every block shares: a linked figure, a
data text with its `{{ fig ID }}` links, a source, a table of records. Page blocks are registered
functions of a `PageContext` (render/blocks/); this module imports none of them.
"""

from __future__ import annotations

import posixpath
import re

from markupsafe import Markup, escape

from o3story.data import claims
from o3story.data.locale import code_of, html_lang
from o3story.data.model import CJK_CHAR, LATIN_LETTER, Figure, text_lang
from o3story.data.placeholders import TOKEN
from o3story.data.story import Story
from o3story.data.transcript import LANG as TRANSCRIPT_LANG
from o3story.data.translation import LANG as TRANSLATION_LANG
from o3story.render import charts, deps, exports, glosses, source_text, templating
from o3story.render.archive import archived
from o3story.render.fmt import PlaceholderError, figure_day, plain_words, setting, tidy_spaces, value  # noqa: F401 (PlaceholderError: re-exported)
from o3story.render.i18n import LANG_ROOT, t

MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]+)\]\((https?://[^\s()]+)\)")
METHODS = "methods/"
TRANSLATIONS = "translations"  # the id of the methods page's paragraph on quotations and translations
TRANSCRIPT = "transcript/"
TIMELINE = "fact-check/"
# A chart's data table: the value right after the model (templates/figure_table.html).
FIGURE_COLUMNS = ("model", "value", "metric", "setting", "confidence", "source", "date")



def href(page_url: str, target: str, lang: str) -> str:
    """Relative link from a page (its URL from the site root, e.g. 'en/o3/' or 'embed/x/') to a
    target in `lang`'s tree (e.g. 'methods/#fig-a' is '/methods/' in Chinese, '/en/methods/' in English)."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    path, _, anchor = (LANG_ROOT[lang] + target).partition("#")
    rel = posixpath.relpath(path or ".", base or ".")
    rel = "" if rel == "." else rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "") or "./"


def fig_anchor(fig: Figure) -> str:
    return f"fig-{fig.id}"


def render_text(text: str, lang: str, story: Story) -> str:
    """Plain-text placeholders for page metadata (the description) and the feed: {{ fig ID }} as its value,
    {{ translated }} and {{ turn N }} as words."""
    return plain_words(text, lang, story.data)


def markup_ranges(text: str) -> list[tuple[int, int]]:
    """Where a text holds a Markdown link's markup, `[words](address)`: the ranges of the bracket and of
    the bracketed address, which the article's readers never see (they see the words, linked)."""
    return [r for m in MARKDOWN_LINK.finditer(text) for r in ((m.start(), m.start(1)), (m.end(1), m.end()))]


class PageContext:
    """One page as its blocks see it. `lang` is the page's language (its links go to that language's
    tree); `page_url` where the page lies from the site root; `new_tab` for pages shown inside another
    site (embeds), whose links to the story open in a new tab."""

    def __init__(self, story: Story, lang: str, page_url: str, site_url: str = "", images: bool = False,
                 version: str = "", new_tab: bool = False, repo_url: str = ""):
        self.story, self.lang, self.page_url = story, lang, page_url
        self.site_url, self.images, self.version, self.new_tab = site_url, images, version, new_tab
        self.repo_url = repo_url
        self.scripts_added = False  # the chart scripts are added once per page, with its first chart
        self.linked: dict[str, None] = {}  # figures this page links with data-figure, in order (see evidence.py)
        self.inline = templating.macros()

    # -- inline pieces ------------------------------------------------------------

    def fig_link(self, fig_id: str) -> Markup:
        """`{{ fig ID }}`: the figure's value, linked to its record, cited by the page."""
        fig = self.figure(fig_id)
        title = t(self.lang, "figure.link_title", model=self.model_name(fig), metric=self.metric_name(fig))
        return self.inline.fig_link(self.record_link(fig), title, value(fig, self.lang), self.cite(fig))

    def translated_mark(self) -> Markup:
        """The mark after an English quotation of the livestream: this project's translation of the
        Chinese transcript (site/quotes.py requires it), linked to the methods page's explanation."""
        return self.inline.translated(t(self.lang, "quote.translated_mark"), t(self.lang, "quote.translated_title"),
                                      self.link(f"{METHODS}#{TRANSLATIONS}"))

    def parts(self, text: str) -> list[str | Markup]:
        """A data text as plain strings (escaped by the template) and linked numbers (`{{ fig ID }}`)."""
        out: list[str | Markup] = []
        pos = 0
        for m in TOKEN.finditer(text):
            out.append(text[pos : m.start()])
            pos = m.end()
            if m["name"] == "translated":
                out.append(self.translated_mark())
                # a sentence that ends on the mark ends on its point ("…”tr.", not "…”tr.."), as after
                # any abbreviation
                if text.startswith(".", pos) and t(self.lang, "quote.translated_mark").endswith("."):
                    pos += 1
            elif m["name"] == "fig":
                (fig_id,) = m["args"].split()
                out.append(self.fig_link(fig_id))
            elif m["name"] == "turn":  # a fact-check's pointer to a turn of the transcript
                (n,) = m["args"].split()
                out.append(self.inline.turn_link(self.transcript_link(f"t{n}"), t(self.lang, "text.turn", n=n)))
            else:
                raise PlaceholderError(f"only {{{{ fig ID }}}} may stand in data text, not '{m.group(0)}'")
        out.append(text[pos:])
        return [p for p in out if p]

    def plain(self, text: str) -> str:
        """A data text with each {{ fig ID }} as its value in plain text (for text inside a link)."""
        def sub(m) -> str:
            if m["name"] == "fig":
                return value(self.figure(m["args"].split()[0]), self.lang)
            return t(self.lang, "text.turn", n=m["args"].strip()) if m["name"] == "turn" else ""

        out = TOKEN.sub(sub, text)
        return tidy_spaces(out, self.lang)

    # -- helpers ------------------------------------------------------------------
    def figure(self, fig_id: str) -> Figure:
        try:
            return self.story.data.figure(fig_id)
        except KeyError:
            raise PlaceholderError(f"unknown figure id '{fig_id}'") from None

    def model_name(self, fig: Figure) -> str:
        """The figure's model as this page's reader sees it (data/models.yaml `label`)."""
        return self.story.data.model_label(fig.model, self.lang)

    def metric_name(self, fig: Figure) -> str:
        return self.story.data.metric(fig.metric).name[self.lang]

    def link(self, target: str) -> str:
        """A link from this page to `target` in this page's language tree."""
        return href(self.page_url, target, self.lang)

    def record_link(self, fig: Figure) -> str:
        return self.link(f"{METHODS}#{fig_anchor(fig)}")

    def check_link(self, check_id: str) -> str:
        """Where a fact-check stands: the livestream's words and the article's summary on the fact-check
        page, the transcript's own slips in the transcript page's appendix (data/factcheck.yaml, `judges`)."""
        check = next((c for c in self.story.data.checks if c.id == check_id), None)
        if check is None:
            raise PlaceholderError(f"unknown check id '{check_id}'")
        return self.link((TRANSCRIPT if check.judges == "transcript" else TIMELINE) + "#check-" + check.id)

    def transcript_link(self, anchor: str) -> str:
        return self.link(f"{TRANSCRIPT}#{anchor}")

    def summary(self) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
        if self.lang == TRANSCRIPT_LANG:
            tr = self.story.transcript
            return tr.one_line, [(p.label, p.text) for p in tr.key_points], [(p.label, p.text) for p in tr.risks]
        s = self.story.translation.summary
        return s.one_line, [(p.label, p.text) for p in s.key_points], [(p.label, p.text) for p in s.risks]

    def credit_line(self, key: str, s, **values) -> Markup:
        """A sentence naming a source's author, title and publisher: the title marked as the source's
        own words (with our translation beside it where needed), the rest escaped."""
        return Markup(escape(t(self.lang, key, author="{author}", title="{title}", publisher="{publisher}", **values))).format(
            author=s.author_in(self.lang) or "", title=source_text.title(s, self.lang, book_marks=False),
            publisher=s.publisher_in(self.lang))

    def own_words(self, text: str, gloss: str | None = None) -> Markup:
        """Words as a record or a source has them (a changelog's old and new values, a quotation),
        marked with their language; Chinese words on an English page carry the project's
        translation of the transcript beside them where it has one (render/glosses.translation), or
        `gloss` where the caller knows the words' own (a fact-check's quote: its check's)."""
        bare = TOKEN.sub(" ", text)  # the words, without the placeholders' record ids
        # a value without words (a number, a minute) takes the page's language, and no translation
        lang_of = text_lang(bare) if CJK_CHAR.search(bare) or LATIN_LETTER.search(bare) else html_lang(self.lang)
        if self.lang != TRANSLATION_LANG or lang_of == html_lang(TRANSLATION_LANG):
            gloss = ""
        elif gloss is None:
            m = re.fullmatch(r"(turn \d+: )?(.*?)( \([^()]*\))?", text, flags=re.S)
            gloss = glosses.translation(self.story, m.group(2)) or ""
        # a record's text as the reader met it: its {{ fig ID }} as the value, {{ translated }} as the
        # mark, {{ turn N }} as the turn (a changelog's old and new texts; never template syntax), in
        # the text's own language: linked where that is the page's, in words where it is not
        shown = text
        if TOKEN.search(text):
            words_lang = code_of(lang_of)
            shown = self.rich(text) if words_lang == self.lang else render_text(text, words_lang, self.story)
        return self.inline.own_words(shown, lang_of, gloss, t(self.lang, "source.title_gloss") if gloss else "")

    def quote_gloss(self, quote: str | None, translation: str | None) -> str | None:
        """A record's translation of its source quote (a caveat's, a timeline event's), shown where the
        quote is in the other language than the page's."""
        return translation if quote and text_lang(quote) != html_lang(self.lang) else None

    def check_gloss(self, c) -> str:
        """The English beside a fact-check's Chinese quote on an English page: the check's own
        translation where it has one, else (where OpenAI's captions do not stand beside it) the
        transcript's translation."""
        if self.lang != TRANSLATION_LANG:
            return ""
        if c.translation:  # the check's own: where the captions are unclear, or the words are the article's
            return c.translation
        if c.said:
            return ""
        return glosses.translation(self.story, c.quote) or ""

    def author(self, s) -> str:
        """A source's author where it is not its publisher, in the page's language."""
        return s.author_in(self.lang) if s.author and s.author != s.publisher else ""

    def source(self, source_id: str) -> dict:
        s = self.story.data.source(source_id)
        return {"url": s.url, "publisher": s.publisher_in(self.lang), "title": source_text.title(s, self.lang), "archive": archived(s, self.lang)}

    def rich(self, text: str) -> Markup:
        """A data text in which only {{ fig ID }} becomes markup; everything else is escaped."""
        return templating.join(self.parts(text))

    def chart_of(self) -> dict[str, tuple[str, str | None]]:
        """Figure id -> the first chart that draws it as a point, and the view that shows it (for links
        that land on the point)."""
        if not hasattr(self, "_chart_of"):  # what the page depends on is this mapping, not every chart's data
            self._chart_of = deps.value(self.story, charts.chart_of, self.lang)
        return self._chart_of

    def cite(self, fig: Figure) -> str:
        """Note that this page links `fig` with a data-figure attribute (its evidence goes in the page); its id."""
        self.linked[fig.id] = None
        return fig.id

    def figure_target(self, fig_id: str) -> str:
        where = self.chart_of().get(fig_id)
        if where:
            chart_id, view = where
            shown = f"view-{chart_id}={view}&" if view else ""  # the view that shows the point (charts.js)
            return self.link(f"charts/{chart_id}/") + f"?{shown}point={fig_id}#chart-{chart_id}"
        return self.record_link(self.figure(fig_id))

    def marked(self, text: str, spans: list, lang: str) -> Markup:
        """A paragraph with its stated numbers turned into links (escaped everywhere else). A Markdown
        link in the article's text shows as the article shows it, its words alone (`markup_ranges`)."""
        hidden = markup_ranges(text)

        def shown(a: int, b: int) -> str:
            return "".join(text[i] for i in range(a, b) if not any(h0 <= i < h1 for h0, h1 in hidden))

        out, pos = [], 0
        for sp in sorted(spans, key=lambda s: s.start):
            if any(h0 < sp.end and sp.start < h1 for h0, h1 in hidden):
                continue  # a number inside a link's address: not words the reader sees
            out.append(shown(pos, sp.start))
            token = text[sp.start : sp.end]
            if sp.figure:
                fig = self.figure(sp.figure)
                key = "figure.chart_title" if fig.id in self.chart_of() else "figure.link_title"
                title = t(lang, key, model=self.model_name(fig), metric=self.story.data.metric(fig.metric).name[lang])
                out.append(self.inline.number("figure", self.figure_target(fig.id), title, token, self.cite(fig)))
            elif sp.check:
                out.append(self.inline.number("check", self.check_link(sp.check), t(lang, "check.flag"), token))
            else:
                reason = next(u.reason[lang] for u in self.story.data.unlinked if u.id == sp.unlinked)
                out.append(self.inline.number("plain", "", reason, token))
            pos = sp.end
        out.append(shown(pos, len(text)))
        return templating.join(out)

    def english_spans(self, text: str, zh_spans: list) -> list:
        """The same numbers in the aligned English paragraph, in order, where they appear there."""
        out, pos = [], 0
        for sp in sorted(zh_spans, key=lambda s: s.start):
            i = text.find(sp.text, pos)
            while i >= 0 and not any(a == i and b == i + len(sp.text) for a, b, _ in claims.numbers(text)):
                i = text.find(sp.text, i + 1)
            if i < 0:
                continue
            out.append(claims.Span(sp.turn, sp.paragraph, i, i + len(sp.text), sp.text, sp.figure, sp.check, sp.unlinked))
            pos = i + len(sp.text)
        return out

    def checks_at(self, anchor: str) -> list:
        return [c for c in self.story.data.checks if self.story.transcript.locate(c.quote) == anchor]

    def root(self) -> str:
        """Relative path from this page to the site root (not the language root): assets shared by both languages live there."""
        depth = self.page_url.rstrip("/").count("/") + 1 if self.page_url else 0
        return "../" * depth

    def year(self) -> int:
        return exports.data_year(self.story)

    def figure_rows(self, figs: list[Figure]) -> Markup:
        """A chart's data table: one row per figure, its value linked to the record on the methods page."""
        lang = self.lang
        rows = []
        for fig in figs:
            conf = t(lang, f"conf.{fig.confidence}")
            if fig.claim:
                conf += " · " + t(lang, "claim")
            if fig.formula:
                conf += t(lang, "punct.formula", text=fig.formula_in(lang))
            src = self.story.data.source(fig.source)
            rows.append({"model": self.model_name(fig), "metric": self.metric_name(fig), "setting": setting(fig, lang, self.story.data),
                         "record": self.record_link(fig), "value": value(fig, lang), "confidence": conf,
                         "source_url": src.url, "publisher": src.publisher_in(lang), "archive": archived(src, lang),
                         "date": figure_day(fig, src, lang)})
        head = [t(lang, "col." + h) for h in FIGURE_COLUMNS]
        return templating.render("figure_table.html", head=head, rows=rows, new_tab=self.new_tab)
