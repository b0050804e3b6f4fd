"""Fill the {{ ... }} placeholders of hand-written pages with content generated from data.

Pure: `render(markdown, lang, story, page_url)` returns the new markdown. Each block is a Jinja2
template (templates/) with autoescape on: Python hands it plain values and decides nothing about
markup, so nothing from data/ can become markup. Unknown placeholders are errors, never left on a page.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable

from markupsafe import Markup, escape

from o3story.data import claims
from o3story.data.locale import LANGS, html_lang
from o3story.data.model import Figure, text_lang
from o3story.data.placeholders import TOKEN
from o3story.data import captions, transcript, translation
from o3story.data.story import Story
from o3story.render import charts, current, embed, evidence, explorer, exports, jsonld, release, scorecard, scorecard_embed, source_text, templating
from o3story.render.archive import archived
from o3story.render.charts.html import chart_block, thumbnail
from o3story.render.fmt import setting, value
from o3story.render.i18n import LANG_ROOT, has, t

METHODS = "methods/"
CONFIDENCES = ("stated", "stated-secondary", "derived", "chart-read")
# A chart's data table: the value right after the model (templates/figure_table.html).
FIGURE_COLUMNS = ("model", "value", "metric", "setting", "confidence", "source", "date")
TRANSCRIPT = "transcript/"
TIMELINE = "fact-check/"
GALLERY_EAGER = 2  # the charts gallery's first images (its first row at page width) load at once; the rest lazily


class PlaceholderError(ValueError):
    pass


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


class Renderer:
    """The placeholders of one page. `lang` is the page's language (its links go to that language's
    tree); `page_url` where the page lies from the site root; `new_tab` for pages shown inside another
    site (embeds), whose links to the story open in a new tab."""

    def __init__(self, story: Story, lang: str, page_url: str, site_url: str = "", images: bool = False,
                 version: str = "", new_tab: bool = False, repo_url: str = ""):
        self.story, self.lang, self.page_url = story, lang, page_url
        self.site_url, self.images, self.version, self.new_tab = site_url, images, version, new_tab
        self.repo_url = repo_url
        self.scripts_added = False
        self.linked: dict[str, None] = {}  # figures this page links with data-figure, in order (see evidence.py)
        self.inline = templating.macros()
        self.blocks: dict[str, Callable[[list[str]], str]] = {
            "fig": self.fig,
            "translated": self.translated,
            "cards": self.cards,
            "table": self.table,
            "oneline": lambda a: templating.join([self.summary()[0], *self.oneline_flags()]),
            # The transcript's own summary, with a flag at each point a fact-check corrects.
            "keypoints": lambda a: scorecard.flagged_points(self, self.summary()[1], scorecard.summary_checks(self, "key_points")),
            "risks": lambda a: scorecard.flagged_points(self, self.summary()[2], scorecard.summary_checks(self, "risks")),
            "scorecard": lambda a: scorecard.scorecard(self, a),
            "scorecard-embed": lambda a: scorecard_embed.snippet_block(self.site_url, self.story, self.lang),
            "compare": lambda a: scorecard.compare(self, a),
            "verdicts": lambda a: scorecard.verdicts(self, a),
            "status": lambda a: current.status(self, a),
            "caveats": lambda a: current.caveats(self, a),
            "dateline": lambda a: current.dateline(self, a),
            "verdict-scale": lambda a: scorecard.verdict_scale(self, a),
            "credit": self.credit,
            "transcript": self.transcript,
            "sources": self.sources,
            "figures": self.figures,
            "confidence": self.confidence,
            "chart": self.chart,
            "chart-list": self.chart_list,
            "chart-methods": self.chart_methods,
            "chart-tools": self.chart_tools,
            "data-package": self.data_package,
            # The package as a schema.org Dataset (JSON-LD) for dataset search engines: needs the absolute site URL.
            "dataset": lambda a: jsonld.block(story, lang, self.site_url, self.version, self.repo_url) if self.site_url else "",
            "factcheck": self.factcheck,
            "check-count": self.check_count,
            "timeline": self.timeline,
            "changelog": self.changelog,
            "feed": self.feed_link,
            "count": lambda a: templating.join([t(lang, "methods.figure_count", figures=len(story.data.figures), sources=len(story.data.sources))]),
        }

    # -- helpers --------------------------------------------------------------
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
        if self.lang == transcript.LANG:
            tr = self.story.transcript
            return tr.one_line, [(p.label, p.text) for p in tr.key_points], [(p.label, p.text) for p in tr.risks]
        s = self.story.translation.summary
        return s.one_line, [(p.label, p.text) for p in s.key_points], [(p.label, p.text) for p in s.risks]

    def oneline_flags(self) -> list[Markup]:
        return [Markup(" ") + self.inline.flag(c.verdict, self.check_link(c.id),
                                               self.story.data.grade(c.verdict).label[self.lang], t(self.lang, "check.flag_inline"))
                for c in scorecard.oneline_checks(self)]

    def credit_line(self, key: str, s, **values) -> Markup:
        """A sentence naming a source's author, title and publisher: the title marked as the source's
        own words (with our translation beside it where needed), the rest escaped."""
        return Markup(escape(t(self.lang, key, author="{author}", title="{title}", publisher="{publisher}", **values))).format(
            author=s.author_in(self.lang) or "", title=source_text.title(s, self.lang), publisher=s.publisher_in(self.lang))

    def own_words(self, text: str) -> Markup:
        """Words as a record or a source has them (a changelog's old and new values, a quotation),
        marked with their language; Chinese words on an English page carry the project's
        translation of the transcript beside them where it has one (render/evidence.translation)."""
        lang_of = text_lang(text)
        gloss = ""
        if self.lang == translation.LANG and lang_of != html_lang(translation.LANG):
            m = re.fullmatch(r"(turn \d+: )?(.*?)( \([^()]*\))?", text, flags=re.S)
            gloss = evidence.translation(self, m.group(2)) or ""
        return self.inline.own_words(text, lang_of, gloss, t(self.lang, "source.title_gloss") if gloss else "")

    def check_gloss(self, c) -> str:
        """The English beside a fact-check's Chinese quote on an English page, where OpenAI's captions
        (`said`) do not stand beside it: the check's own translation, else the transcript's."""
        if self.lang != translation.LANG or c.said:
            return ""
        return c.translation or evidence.translation(self, c.quote) or ""

    def author(self, s) -> str:
        """A source's author where it is not its publisher, in the page's language."""
        return s.author_in(self.lang) if s.author and s.author != s.publisher else ""

    def source(self, source_id: str) -> dict:
        s = self.story.data.source(source_id)
        return {"url": s.url, "publisher": s.publisher_in(self.lang), "title": source_text.title(s, self.lang), "archive": archived(s, self.lang)}

    def rich(self, text: str) -> Markup:
        """A data text in which only {{ fig ID }} becomes markup; everything else is escaped."""
        return templating.join(scorecard.parts(self, text))

    def chart_of(self) -> dict[str, str]:
        """Figure id -> the first chart that draws it (for links that land on the point)."""
        if not hasattr(self, "_chart_of"):
            self._chart_of = {}
            for chart_id in charts.CHARTS:
                try:
                    drawn = charts.build(chart_id, self.story, self.lang).figures
                except charts.ChartError:
                    continue  # not a link target; a page that shows this chart fails on its own
                for f in drawn:
                    self._chart_of.setdefault(f.id, chart_id)
        return self._chart_of

    def cite(self, fig: Figure) -> str:
        """Note that this page links `fig` with a data-figure attribute (its evidence goes in the page); its id."""
        self.linked[fig.id] = None
        return fig.id

    def figure_target(self, fig_id: str) -> str:
        chart_id = self.chart_of().get(fig_id)
        if chart_id:
            return self.link(f"charts/{chart_id}/") + f"?point={fig_id}#chart-{chart_id}"
        return self.record_link(self.figure(fig_id))

    def marked(self, text: str, spans: list, lang: str) -> Markup:
        """A paragraph with its stated numbers turned into links (escaped everywhere else)."""
        out, pos = [], 0
        for sp in sorted(spans, key=lambda s: s.start):
            out.append(text[pos : sp.start])
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
        out.append(text[pos:])
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
                conf += f" ({fig.formula_in(lang)})"
            src = self.story.data.source(fig.source)
            rows.append({"model": self.model_name(fig), "metric": self.metric_name(fig), "setting": setting(fig, lang, self.story.data),
                         "record": self.record_link(fig), "value": value(fig, lang), "confidence": conf,
                         "source_url": src.url, "publisher": src.publisher_in(lang), "archive": archived(src, lang),
                         "date": fig.date.isoformat()})
        head = [t(lang, "col." + h) for h in FIGURE_COLUMNS]
        return templating.render("figure_table.html", head=head, rows=rows, new_tab=self.new_tab)

    # -- placeholders -----------------------------------------------------------
    def fig(self, args: list[str]) -> Markup:
        (fig_id,) = args
        fig = self.figure(fig_id)
        title = t(self.lang, "figure.link_title", model=self.model_name(fig), metric=self.metric_name(fig))
        return self.inline.fig_link(self.record_link(fig), title, value(fig, self.lang), self.cite(fig))

    def translated(self, args: list[str]) -> Markup:
        """The mark after an English quotation of the livestream: this project's translation of the
        Chinese transcript (site/quotes.py requires it)."""
        return self.inline.translated(t(self.lang, "quote.translated_mark"), t(self.lang, "quote.translated_title"))

    def cards(self, args: list[str]) -> Markup:
        lang = self.lang
        cards = []
        for fig_id in args:
            fig = self.figure(fig_id)
            src = self.story.data.source(fig.source)
            cards.append({"value": value(fig, lang), "model": self.model_name(fig), "metric": self.metric_name(fig),
                          "setting": setting(fig, lang, self.story.data), "source_label": t(lang, "card.source"), "source_url": src.url,
                          "publisher": src.publisher_in(lang), "archive": archived(src, lang), "record": self.record_link(fig),
                          "record_label": t(lang, "card.record")})
        return templating.render("cards.html", cards=cards)

    def table(self, args: list[str]) -> Markup:
        """The records behind a story page's section: after its finding and chart, folded, one tap away."""
        n = len(args)
        return templating.render("records.html", table=self.figure_rows([self.figure(a) for a in args]),
                                 summary=t(self.lang, "records.one" if n == 1 else "records.many", n=n))

    def figures(self, args: list[str]) -> Markup:
        order = {m.id: i for i, m in enumerate(self.story.data.metrics)}
        figs = sorted(self.story.data.figures, key=lambda f: (order[f.metric], f.model, f.id))
        return explorer.explorer(self, figs)

    def credit(self, args: list[str]) -> Markup:
        tr = self.story.transcript
        src = next(s for s in self.story.data.sources if s.kind == "transcript")
        return templating.render(
            "credit.html",
            text=self.credit_line("transcript.credit", src, date=tr.published),
            source_url=tr.source_url, video_url=captions.VIDEO, video_label=t(self.lang, "transcript.video"))

    def transcript(self, args: list[str]) -> Markup:
        zh, en = self.story.transcript, self.story.translation
        first = self.lang
        spans, _ = claims.link(zh, list(self.story.data.figures), list(self.story.data.checks), list(self.story.data.unlinked))
        by_para: dict[tuple[int, int], list] = {}
        for sp in spans:
            by_para.setdefault((sp.turn, sp.paragraph), []).append(sp)
        order = sorted(LANGS, key=lambda code: code != first)  # the page's language leads
        turns = []
        for turn in zh.turns:
            speaker_key = f"speaker.{turn.speaker}"
            paragraphs = {
                transcript.LANG: [self.marked(p, by_para.get((turn.n, i), []), transcript.LANG) for i, p in enumerate(turn.paragraphs)],
                translation.LANG: [self.marked(p, self.english_spans(p, by_para.get((turn.n, i), [])), translation.LANG)
                       for i, p in enumerate(en.turn(turn.n).paragraphs)],
            }
            turns.append({
                "anchor": turn.anchor, "n": turn.n,
                "speaker": t(first, speaker_key) if has(first, speaker_key) else turn.speaker,
                "cols": [{"lang": html_lang(c), "lead": c == first, "paragraphs": paragraphs[c]} for c in order],
                "flags": [{"href": self.check_link(c.id), "quote": c.quote,
                           # on an English page, the Chinese words carry what OpenAI's captions say beside them
                           "said": c.said.en if first == translation.LANG and c.said else "",
                           "gloss": self.check_gloss(c)}
                          for c in self.checks_at(turn.anchor)],
            })
        return templating.render("transcript.html", lead=first, turns=turns, turn_link=t(first, "transcript.turn_link"),
                                 flag_label=t(first, "check.flag"), said_label=t(first, "transcript.flag_said"),
                                 gloss_label=t(first, "source.title_gloss"))

    def chart(self, args: list[str]) -> str:
        (chart_id, *flags) = args
        if chart_id not in charts.CHARTS:
            raise PlaceholderError(f"unknown chart id '{chart_id}'")
        try:
            chart = charts.build(chart_id, self.story, self.lang)
        except charts.ChartError as exc:
            raise PlaceholderError(str(exc)) from None
        own_page = self.page_url.removeprefix("en/") == f"charts/{chart_id}/"
        out = chart_block(
            chart, self.figure_rows(list(chart.figures)),
            page_link=None if own_page else self.link(f"charts/{chart_id}/"),
            static_base=f"{self.root()}charts/{chart_id}/" if self.images else None,
            # On its own page the page's H1 is the title (it carries the caption's id, see chart_page).
            caption=not own_page,
            scripts_root=None if self.scripts_added else self.root(),
        )
        self.scripts_added = True
        return out

    def chart_tools(self, args: list[str]) -> str:
        """Embed snippet, downloads and citation for a chart page."""
        (chart_id,) = args
        lang = self.lang
        chart = charts.build(chart_id, self.story, lang)
        base = f"{self.root()}charts/{chart_id}/"
        files = []
        if self.images:  # the pictures first, the page's language first: a 16:9 PNG leads the list
            for other in sorted(LANGS, key=lambda code: code != lang):
                files += [(f"chart.{other}.png", t(lang, "tools.png", language=t(lang, f"lang.{other}"))),
                          (f"chart.{other}.svg", t(lang, "tools.svg", language=t(lang, f"lang.{other}")))]
        files += [("data.csv", t(lang, "tools.csv")), (f"figure.{lang}.json", t(lang, "tools.json")), ("metadata.json", t(lang, "tools.metadata"))]
        cite = exports.citation(chart, self.site_url, self.version, self.year())
        views = charts.views(chart)
        views_note = t(lang, "tools.embed_views", n=len(views), views=t(lang, "tools.embed_views_join").join(label for _, label in views)) if views else ""
        return templating.render_markdown(
            "chart_tools.md",
            heading=t(lang, "tools.heading"), embed_label=t(lang, "tools.embed"),
            snippet=templating.verbatim(embed.snippet(self.site_url, chart)), views_note=views_note,
            downloads_label=t(lang, "tools.downloads"),
            files=[{"href": base + name, "name": name, "label": label} for name, label in files],
            no_images="" if self.images else t(lang, "tools.noimages"),
            cite_label=t(lang, "tools.cite"), cite_text=cite["text"], bibtex=templating.verbatim(cite["bibtex"]),
            licence=t(lang, "tools.licence"))

    def data_package(self, args: list[str]) -> str:
        """The data package's downloads, citation and a two-line example of reading it. Links are
        relative; the examples use absolute URLs."""
        from o3story.render import datapackage

        lang = self.lang
        url = f"{self.site_url}{datapackage.FOLDER}/"
        cite = datapackage.citation(self.site_url, self.version, release.release_date(self.story))[lang]
        return templating.render_markdown(
            "data_package.md",
            base=f"{self.root()}{datapackage.FOLDER}/", package_label=t(lang, "download.package"),
            tables=[{"name": tb.name, "label": t(lang, "download.table." + tb.name)} for tb in datapackage.TABLES],
            version=t(lang, "download.version", version=self.version), placeholder=t(lang, "download.placeholder"),
            pandas_label=t(lang, "download.pandas"),
            pandas=templating.verbatim(f'import pandas as pd\nfigures = pd.read_csv("{url}figures.csv")'),
            frictionless_label=t(lang, "download.frictionless"),
            frictionless=templating.verbatim(
                f'from frictionless import Package\nfigures = Package("{url}datapackage.json").get_resource("figures").read_rows()'),
            cite_label=t(lang, "download.cite"), cite_text=cite["text"], bibtex=templating.verbatim(cite["bibtex"]),
            cite_version=t(lang, "download.cite_version", version=self.version, date=release.release_date(self.story).isoformat(),
                           cff=release.CFF))

    def chart_list(self, args: list[str]) -> Markup:
        """The charts index as a gallery: each chart's picture (its wide facade as WebP, shown small) and
        its title, linking to its page; the headline chart first."""
        items = []
        for chart_id in charts.gallery_order():
            chart = charts.build(chart_id, self.story, self.lang)
            image = thumbnail(chart, f"{self.root()}charts/{chart_id}/") if self.images else None
            items.append({"href": self.link(f"charts/{chart_id}/"), "title": chart.title, "image": image})
        return templating.render("chart_list.html", charts=items, eager=GALLERY_EAGER)

    def chart_methods(self, args: list[str]) -> Markup:
        """How each chart was built: its construction notes (Chart.methods, kept in the chart's i18n
        file), once, on the methods page; under the chart only its reader notes."""
        items = []
        for chart_id in charts.CHARTS:
            chart = charts.build(chart_id, self.story, self.lang)
            if chart.methods:
                items.append({"id": chart_id, "href": self.link(f"charts/{chart_id}/"), "title": chart.title,
                              "methods": list(chart.methods)})
        return templating.render("chart_methods.html", charts=items)

    def factcheck(self, args: list[str]) -> Markup:
        """The checks of one group (`judges`: livestream, summary or transcript), the ranked groups in
        their order of consequence, the transcript's slips in the order of the file, folded."""
        from o3story.data.model import CHECK_WORDS

        if len(args) != 1 or args[0] not in CHECK_WORDS:
            raise PlaceholderError(f"factcheck takes one of {', '.join(CHECK_WORDS)}, not {' '.join(args) or 'nothing'}")
        (group,) = args
        lang, tr = self.lang, self.story.transcript
        members = [c for c in self.story.data.checks if c.judges == group]
        if group != "transcript":
            members.sort(key=lambda c: c.rank)
        claims = {c.id: c for c in self.story.data.claims}
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
            claim = claims.get(c.claim) if c.claim else None
            checks.append({
                "id": c.id, "rank": c.rank,
                "verdict": c.verdict, "verdict_label": self.story.data.grade(c.verdict).label[lang],
                "place": place, "place_href": self.link(TRANSCRIPT + anchor), "quote": c.quote,
                "said": c.said.en if c.said else "",
                "gloss": self.check_gloss(c),
                "video_href": scorecard.video_link(c.said) if c.said else "",
                "video_label": t(lang, "said.video", minute=c.said.minute) if c.said else "",
                "problem": self.rich(c.problem[lang]), "correction": self.rich(c.correction[lang]),
                "sources": [self.source(s) for s in c.sources],
                "records": [{"href": self.record_link(self.figure(f)), "value": value(self.figure(f), lang)} for f in c.figures],
                "claim": {"href": self.link(f"#claim-{claim.id}"), "text": scorecard.plain(self, claim.claim[lang])} if claim else None,
            })
        src = next(s for s in self.story.data.sources if s.kind == "transcript")
        return templating.render(
            "factcheck.html", group=group, checks=checks, problem_label=t(lang, "check.problem"),
            captions_note=t(lang, "said.captions"), correction_label=t(lang, "check.correction"),
            source_label=t(lang, "col.source"), records_label=t(lang, "check.records"), claim_label=t(lang, "check.claim"),
            gloss_label=t(lang, "source.title_gloss"),
            scale_href=self.link(f"{METHODS}#verdict-scale"),
            lede=t(lang, f"checks.{group}.lede", n=len(checks)) if group != "transcript" else "", scale_label=t(lang, "checks.scale"),
            thanks=self.credit_line("checks.transcript.thanks", src),
            source_url=tr.source_url, summary=t(lang, "checks.transcript.summary", n=len(checks)))

    def check_count(self, args: list[str]) -> str:
        """How many checks judge one group's words (for a heading)."""
        from o3story.data.model import CHECK_WORDS

        if len(args) != 1 or args[0] not in CHECK_WORDS:
            raise PlaceholderError(f"check-count takes one of {', '.join(CHECK_WORDS)}")
        return str(sum(c.judges == args[0] for c in self.story.data.checks))

    def timeline(self, args: list[str]) -> Markup:
        lang = self.lang
        events = []
        for ev in self.story.data.events:
            events.append({
                "id": ev.id, "datetime": ev.date.isoformat(),
                "date": ev.date.isoformat() + (f" ({t(lang, 'about')})" if ev.approximate_date else ""),
                "kind": t(lang, f"event.{ev.kind}"), "event": self.rich(current.event_text(self, ev)),
                "upcoming": current.upcoming(self, ev), "upcoming_label": t(lang, "status.upcoming"),
                "promise": self.promise(ev) if ev.promised else None,
                "source": self.source(ev.source), "quote": ev.quote,
            })
        head = [t(lang, "col." + h) for h in ("date", "event", "promised", "source")]
        return templating.render("timeline.html", head=head, events=events)

    def promise(self, ev) -> dict:
        """What was promised, its outcome, and its dates (made, due, delivered)."""
        lang, p = self.lang, ev.promise
        dates = [t(lang, "promise.made", date=p.made.isoformat())]
        if p.due:
            dates.append(t(lang, "promise.due", date=p.due.isoformat()))
        dates.append(t(lang, "promise.delivered", date=ev.date.isoformat()))
        return {"promised": self.rich(ev.promised[lang]), "outcome": p.outcome, "outcome_label": t(lang, "promise." + p.outcome),
                "dates": " · ".join(dates), "reason": self.rich(p.reason[lang])}

    def changelog(self, args: list[str]) -> Markup:
        """Every audit of the records: its date and method, then one row per change made."""
        lang = self.lang
        audits = [{
            "id": a.id, "heading": t(lang, "changelog.audit", date=a.date.isoformat(), count=len(a.changes)),
            "method": a.method[lang],
            "changes": [{
                "record": c.record, "href": self.record_href(c.kind, c.record), "kind": t(lang, "changelog.kind." + c.kind),
                "field": c.field, "was": self.own_words(c.was) if c.was is not None else t(lang, "changelog.absent"),
                "now": self.own_words(c.now) if c.now is not None else t(lang, "changelog.removed"),
                "reason": c.reason[lang], "source_text": self.own_words(c.source_text) if c.source_text else "",
            } for c in a.changes],
        } for a in self.story.data.audits]
        head = [t(lang, "changelog.col." + h) for h in ("record", "field", "was", "now", "reason", "source_text")]
        return templating.render("changelog.html", audits=audits, head=head, none=t(lang, "changelog.none"),
                                 method_label=t(lang, "changelog.method"))

    def feed_link(self, args: list[str]) -> Markup:
        """A visible link to this language's feed of audits, corrections and verdict changes."""
        from o3story.render import feed

        return templating.render("feed_link.html", href=self.root() + feed.path(self.lang), type=feed.TYPE,
                                 label=t(self.lang, "feed.link"), hint=t(self.lang, "feed.link_type"))

    def record_href(self, kind: str, record_id: str) -> str | None:
        """Where the site shows a record (unlinked transcript numbers have no row)."""
        if kind == "check":
            return self.check_link(record_id)
        target = {"figure": f"{METHODS}#fig-", "source": f"{METHODS}#src-", "event": "fact-check/#event-"}.get(kind)
        return self.link(target + record_id) if target else None

    def sources(self, args: list[str]) -> Markup:
        lang = self.lang
        cited: dict[str, int] = {}
        for f in self.story.data.figures:
            cited[f.source] = cited.get(f.source, 0) + 1
        rows = [{
            "id": s.id, "url": s.url, "title": source_text.title(s, lang), "note": s.note[lang] if s.note else "", "archive": archived(s, lang),
            "publisher": s.publisher_in(lang), "author": self.author(s),
            "kind": t(lang, f"kind.{s.kind}"), "published": s.published.isoformat() if s.published else "–",
            "accessed": s.accessed.isoformat(), "licence": s.licence or "–", "figures": cited.get(s.id, 0),
        } for s in self.story.data.sources]
        head = [t(lang, "col." + h) for h in ("title", "publisher", "kind", "published", "accessed", "licence", "figures")]
        return templating.render("sources.html", head=head, sources=rows)

    def confidence(self, args: list[str]) -> Markup:
        levels = [{"label": t(self.lang, f"conf.{c}"), "help": t(self.lang, f"conf.{c}.help"),
                   "count": sum(f.confidence == c for f in self.story.data.figures)} for c in CONFIDENCES]
        return templating.render("confidence.html", levels=levels)


def render_text(text: str, lang: str, story: Story) -> str:
    """Plain-text placeholders for page metadata (the description): only {{ fig ID }}, as text."""

    def sub(m: re.Match) -> str:
        if m["name"] == "translated":
            return " " + t(lang, "quote.translated_plain")
        if m["name"] != "fig":
            raise PlaceholderError(f"only {{{{ fig ID }}}} may stand in page metadata, not '{m['name']}'")
        (fig_id,) = m["args"].split()
        try:
            return value(story.data.figure(fig_id), lang)
        except KeyError:
            raise PlaceholderError(f"unknown figure id '{fig_id}'") from None

    return TOKEN.sub(sub, text)


def chart_page(chart_id: str, lang: str, story: Story) -> str:
    """The markdown of /charts/<id>/: title, description meta, the chart with its table and sources."""
    chart = charts.build(chart_id, story, lang)
    description = chart.description.replace("\n", " ").replace('"', "'")
    return (
        "---\n"
        f"description: {json.dumps(description, ensure_ascii=False)}\n"
        "---\n\n"
        # The H1 names the figure (aria-labelledby of the chart block points at this id).
        f"# {escape(chart.title)} {{#chart-{chart_id}-title}}\n\n"
        f"{{{{ chart {chart_id} }}}}\n\n"
        f"{{{{ chart-tools {chart_id} }}}}\n"
    )


def render(markdown: str, lang: str, story: Story, page_url: str, **context) -> str:
    """`context`: site_url, images (whether static images are built), version (of the data) and repo_url."""
    r = Renderer(story, lang, page_url, **context)

    def sub(m: re.Match) -> str:
        name, args = m["name"], m["args"].split()
        if name not in r.blocks:
            raise PlaceholderError(f"unknown placeholder '{{{{ {name} }}}}'")
        return str(r.blocks[name](args))

    out = TOKEN.sub(sub, markdown)
    block = evidence.block(r, r.linked)  # the evidence of the numbers this page links, at its end
    return f"{out}\n\n{block}\n" if block else out
