"""Fill the {{ ... }} placeholders of hand-written pages with content generated from data.

Pure: `render(markdown, lang, story, page_url)` returns the new markdown. Generated
content is HTML with every data string escaped (`fmt.esc`), so nothing from data/
can become markup. Unknown placeholders are errors, never left on a page.
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Callable

from o3story.render import charts, embed, explorer, exports, scorecard
from o3story.data import claims
from o3story.render.charts.html import chart_block, scripts
from o3story.render.fmt import esc, esc_attr, setting, value
from o3story.render.i18n import has, t
from o3story.data.model import Figure
from o3story.data.placeholders import TOKEN
from o3story.data.story import Story


METHODS = "methods/"
CONFIDENCES = ("stated", "stated-secondary", "derived", "chart-read")
TRANSCRIPT = "transcript/"


class PlaceholderError(ValueError):
    pass


def href(page_url: str, target: str) -> str:
    """Relative link from a page (its URL, e.g. 'en/o3/') to a target in the same language tree."""
    base = posixpath.dirname(page_url.rstrip("/") + "/x") if page_url else ""
    lang_root = "en/" if page_url.startswith("en/") else ""
    path, _, anchor = (lang_root + target).partition("#")
    rel = posixpath.relpath(path or ".", base or ".")
    rel = "" if rel == "." else rel.rstrip("/") + "/"
    return rel + (f"#{anchor}" if anchor else "") or "./"


def fig_anchor(fig: Figure) -> str:
    return f"fig-{fig.id}"


class Renderer:
    def __init__(self, story: Story, lang: str, page_url: str, site_url: str = "", images: bool = False, version: str = ""):
        self.story, self.lang, self.page_url = story, lang, page_url
        self.site_url, self.images, self.version = site_url, images, version
        self.scripts_added = False
        self.blocks: dict[str, Callable[[list[str]], str]] = {
            "fig": self.fig,
            "cards": self.cards,
            "table": self.table,
            "oneline": lambda a: esc(self.summary()[0]) + self.oneline_flags(),
            # The transcript's own summary, with a flag at each point a fact-check corrects.
            "keypoints": lambda a: scorecard.flagged_points(self, self.summary()[1], scorecard.summary_checks(self, "key_points")),
            "risks": lambda a: scorecard.flagged_points(self, self.summary()[2], scorecard.summary_checks(self, "risks")),
            "scorecard": lambda a: scorecard.scorecard(self, a),
            "compare": lambda a: scorecard.compare(self, a),
            "credit": self.credit,
            "transcript": self.transcript,
            "sources": self.sources,
            "figures": self.figures,
            "confidence": self.confidence,
            "chart": self.chart,
            "chart-list": self.chart_list,
            "chart-tools": self.chart_tools,
            "data-package": self.data_package,
            "factcheck": self.factcheck,
            "timeline": self.timeline,
            "changelog": self.changelog,
            "count": lambda a: esc(t(lang, "methods.figure_count", figures=len(story.data.figures), sources=len(story.data.sources))),
        }

    # -- helpers --------------------------------------------------------------
    def figure(self, fig_id: str) -> Figure:
        try:
            return self.story.data.figure(fig_id)
        except KeyError:
            raise PlaceholderError(f"unknown figure id '{fig_id}'") from None

    def metric_name(self, fig: Figure) -> str:
        return self.story.data.metric(fig.metric).name[self.lang]

    def record_link(self, fig: Figure) -> str:
        return href(self.page_url, f"{METHODS}#{fig_anchor(fig)}")

    def transcript_link(self, anchor: str) -> str:
        return href(self.page_url, f"{TRANSCRIPT}#{anchor}")

    def summary(self) -> tuple[str, list[tuple[str, str]], list[tuple[str, str]]]:
        if self.lang == "zh":
            tr = self.story.transcript
            return tr.one_line, [(p.label, p.text) for p in tr.key_points], [(p.label, p.text) for p in tr.risks]
        s = self.story.translation.summary
        return s.one_line, [(p.label, p.text) for p in s.key_points], [(p.label, p.text) for p in s.risks]

    def oneline_flags(self) -> str:
        return "".join(
            f' <a class="o3-flag o3-flag--{c.verdict}" href="{href(self.page_url, "fact-check/#check-" + c.id)}" '
            f'title="{esc_attr(t(self.lang, "checkverdict." + c.verdict))}">{esc(t(self.lang, "check.flag_inline"))}</a>'
            for c in scorecard.oneline_checks(self))

    def source_cell(self, source_id: str) -> str:
        src = self.story.data.source(source_id)
        return f'<a href="{esc_attr(src.url)}" rel="noopener">{esc(src.publisher)}</a>'

    def rich(self, text: str) -> str:
        """A data text in which only {{ fig ID }} becomes markup; everything else is escaped."""
        out, pos = [], 0
        for m in TOKEN.finditer(text):
            out.append(esc(text[pos : m.start()]))
            if m["name"] != "fig":
                raise PlaceholderError(f"only {{{{ fig ID }}}} may stand in data text, not '{m.group(0)}'")
            out.append(self.fig(m["args"].split()))
            pos = m.end()
        out.append(esc(text[pos:]))
        return "".join(out)

    def source_links(self, ids: list[str]) -> str:
        return ", ".join(self.source_cell(i) for i in ids)

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

    def figure_target(self, fig_id: str) -> str:
        chart_id = self.chart_of().get(fig_id)
        if chart_id:
            return href(self.page_url, f"charts/{chart_id}/") + f"?point={fig_id}#chart-{chart_id}"
        return self.record_link(self.figure(fig_id))

    def marked(self, text: str, spans: list, lang: str) -> str:
        """A paragraph with its stated numbers turned into links (escaped everywhere else)."""
        out, pos = [], 0
        for sp in sorted(spans, key=lambda s: s.start):
            out.append(esc(text[pos : sp.start]))
            token = esc(text[sp.start : sp.end])
            if sp.figure:
                fig = self.figure(sp.figure)
                key = "figure.chart_title" if fig.id in self.chart_of() else "figure.link_title"
                title = t(lang, key, model=fig.model, metric=self.story.data.metric(fig.metric).name[lang])
                out.append(f'<a class="o3-num" data-figure="{esc_attr(fig.id)}" href="{self.figure_target(fig.id)}" title="{esc(title)}">{token}</a>')
            elif sp.check:
                out.append(f'<a class="o3-num o3-num--check" href="{href(self.page_url, "fact-check/#check-" + sp.check)}" '
                           f'title="{esc(t(lang, "check.flag"))}">{token}</a>')
            else:
                reason = next(u.reason[lang] for u in self.story.data.unlinked if u.id == sp.unlinked)
                out.append(f'<span class="o3-num o3-num--plain" title="{esc(reason)}">{token}</span>')
            pos = sp.end
        out.append(esc(text[pos:]))
        return "".join(out)

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

    # -- placeholders -----------------------------------------------------------
    def fig(self, args: list[str]) -> str:
        (fig_id,) = args
        fig = self.figure(fig_id)
        title = t(self.lang, "figure.link_title", model=fig.model, metric=self.metric_name(fig))
        return f'<a class="o3-fig" href="{self.record_link(fig)}" title="{esc(title)}">{esc(value(fig, self.lang))}</a>'

    def cards(self, args: list[str]) -> str:
        out = ['<div class="o3-cards">']
        for fig_id in args:
            fig = self.figure(fig_id)
            src = self.story.data.source(fig.source)
            detail = setting(fig, self.lang)
            out.append(
                '<div class="o3-card">'
                f'<p class="o3-card__value">{esc(value(fig, self.lang))}</p>'
                f'<p class="o3-card__label">{esc(fig.model)} · {esc(self.metric_name(fig))}</p>'
                + (f'<p class="o3-card__setting">{esc(detail)}</p>' if detail else "")
                + f'<p class="o3-card__source">{esc(t(self.lang, "card.source"))}: '
                f'<a href="{esc_attr(src.url)}" rel="noopener">{esc(src.publisher)}</a> · '
                f'<a href="{self.record_link(fig)}">{esc(t(self.lang, "card.record"))}</a></p>'
                "</div>"
            )
        out.append("</div>")
        return "\n".join(out)

    def _figure_rows(self, figs: list[Figure]) -> str:
        """A chart's data table: one row per figure, its value linked to the record on the methods page."""
        lang = self.lang
        head = ["model", "metric", "setting", "value", "confidence", "source", "date"]
        rows = ['<div class="o3-table"><table>', "<thead><tr>" + "".join(f"<th>{esc(t(lang, 'col.' + h))}</th>" for h in head) + "</tr></thead><tbody>"]
        for fig in figs:
            conf = t(lang, f"conf.{fig.confidence}")
            if fig.claim:
                conf += " · " + t(lang, "claim")
            if fig.formula:
                conf += f" ({fig.formula})"
            cells = [
                esc(fig.model),
                esc(self.metric_name(fig)),
                esc(setting(fig, lang)),
                f'<a href="{self.record_link(fig)}">{esc(value(fig, lang))}</a>',
                esc(conf),
                self.source_cell(fig.source),
                esc(fig.date.isoformat()),
            ]
            rows.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        rows.append("</tbody></table></div>")
        return "\n".join(rows)

    def table(self, args: list[str]) -> str:
        return self._figure_rows([self.figure(a) for a in args])

    def figures(self, args: list[str]) -> str:
        order = {m.id: i for i, m in enumerate(self.story.data.metrics)}
        figs = sorted(self.story.data.figures, key=lambda f: (order[f.metric], f.model, f.id))
        return explorer.explorer(self, figs)

    def points(self, items: list[tuple[str, str]]) -> str:
        return "<ul>" + "".join(f"<li><strong>{esc(label)}</strong>: {esc(text)}</li>" for label, text in items) + "</ul>"

    def credit(self, args: list[str]) -> str:
        tr = self.story.transcript
        src = next(s for s in self.story.data.sources if s.kind == "transcript")
        text = t(self.lang, "transcript.credit", author=tr.author, title=tr.title, publisher=src.publisher, date=tr.published)
        return (
            f'<p class="o3-credit">{esc(text)} <a href="{esc_attr(tr.source_url)}" rel="noopener">{esc(tr.source_url)}</a></p>'
            f'<p><a href="{esc_attr(tr.video_url)}" rel="noopener">{esc(t(self.lang, "transcript.video"))}</a></p>'
        )

    def transcript(self, args: list[str]) -> str:
        zh, en = self.story.transcript, self.story.translation
        first = self.lang
        out = [f'<div class="o3-transcript" data-lead="{first}">']
        spans, _ = claims.link(zh, list(self.story.data.figures), list(self.story.data.checks), list(self.story.data.unlinked))
        by_para: dict[tuple[int, int], list] = {}
        for sp in spans:
            by_para.setdefault((sp.turn, sp.paragraph), []).append(sp)
        for turn in zh.turns:
            tr_en = en.turn(turn.n)
            speaker_key = f"speaker.{turn.speaker}"
            speaker = {
                lang: (t(lang, speaker_key) if has(lang, speaker_key) else turn.speaker) for lang in ("zh", "en")
            }
            cols = {
                "zh": "".join(f"<p>{self.marked(p, by_para.get((turn.n, i), []), 'zh')}</p>" for i, p in enumerate(turn.paragraphs)),
                "en": "".join(
                    f"<p>{self.marked(p, self.english_spans(p, by_para.get((turn.n, i), [])), 'en')}</p>"
                    for i, p in enumerate(tr_en.paragraphs)
                ),
            }
            order = ("zh", "en") if first == "zh" else ("en", "zh")
            flags = "".join(
                f'<p class="o3-turn__flag"><a href="{href(self.page_url, "fact-check/#check-" + c.id)}">'
                f'{esc(t(self.lang, "check.flag"))}: {esc(c.quote)}</a></p>'
                for c in self.checks_at(turn.anchor)
            )
            # the other language's column is in the other language's search index (see explorer.py)
            body = "".join(f'<div class="o3-turn__text" lang="{"zh-Hans" if c == "zh" else "en"}"{"" if c == first else " data-search-exclude"}>{cols[c]}</div>' for c in order)
            out.append(
                f'<section class="o3-turn" id="{turn.anchor}">'
                f'<p class="o3-turn__speaker"><strong>{esc(speaker[first])}</strong> '
                f'<a class="o3-turn__link" href="#{turn.anchor}" aria-label="#{turn.n} {esc(t(self.lang, "transcript.turn_link"))}" title="{esc(t(self.lang, "transcript.turn_link"))}">#{turn.n}</a></p>'
                f'<div class="o3-turn__cols">{body}</div>{flags}</section>'
            )
        out.append("</div>")
        return "\n".join(out)

    def root(self) -> str:
        """Relative path from this page to the site root (not the language root): assets shared by both languages live there."""
        depth = self.page_url.rstrip("/").count("/") + 1 if self.page_url else 0
        return "../" * depth

    def chart(self, args: list[str]) -> str:
        (chart_id, *flags) = args
        if chart_id not in charts.CHARTS:
            raise PlaceholderError(f"unknown chart id '{chart_id}'")
        try:
            chart = charts.build(chart_id, self.story, self.lang)
        except charts.ChartError as exc:
            raise PlaceholderError(str(exc)) from None
        table = self._figure_rows(list(chart.figures))
        sources = "; ".join(
            f'<a href="{esc_attr(s.url)}" rel="noopener">{esc(s.title)}</a> ({esc(s.publisher)}'
            + (f", {s.published.isoformat()}" if s.published else "") + ")"
            for s in chart.sources
        )
        own_page = self.page_url.removeprefix("en/") == f"charts/{chart_id}/"
        link = None if own_page else href(self.page_url, f"charts/{chart_id}/")
        static = f"{self.root()}charts/{chart_id}/" if self.images else None
        out = chart_block(chart, table, sources, link, static)
        if own_page:
            # The page's H1 is the title (it carries the caption's id, see chart_page): no caption too.
            out, n = re.subn(rf'<figcaption class="o3-chart__title" id="chart-{re.escape(chart_id)}-title">.*?</figcaption>', "", out, count=1)
            if n != 1:
                raise PlaceholderError(f"chart '{chart_id}': its caption was not found to drop on its own page")
        if not self.scripts_added:
            out += scripts(self.root())
            self.scripts_added = True
        return out

    def chart_tools(self, args: list[str]) -> str:
        """Embed snippet, downloads and citation for a chart page. Markdown, so that the code blocks get a copy button."""
        (chart_id,) = args
        lang = self.lang
        chart = charts.build(chart_id, self.story, lang)
        base = f"{self.root()}charts/{chart_id}/"
        files = [("data.csv", t(lang, "tools.csv")), (f"figure.{lang}.json", t(lang, "tools.json")), ("metadata.json", t(lang, "tools.metadata"))]
        if self.images:
            for other in ("zh", "en"):
                files += [(f"chart.{other}.png", t(lang, "tools.png", language=t(lang, f"lang.{other}"))),
                          (f"chart.{other}.svg", t(lang, "tools.svg", language=t(lang, f"lang.{other}")))]
        links = "\n".join(f'- <a href="{base}{name}" download>{esc(label)}</a> <code>{name}</code>' for name, label in files)
        if not self.images:
            links += f"\n- {esc(t(lang, 'tools.noimages'))}"
        cite = exports.citation(chart, self.site_url, self.version, self.year())
        return (
            f"## {t(lang, 'tools.heading')}\n\n{esc(t(lang, 'tools.embed'))}\n\n"
            f"```html\n{embed.snippet(self.site_url, chart_id, lang, chart.title)}\n```\n\n"
            f"### {t(lang, 'tools.downloads')}\n\n{links}\n\n"
            f"### {t(lang, 'tools.cite')}\n\n<p>{esc(cite['text'])}</p>\n\n```bibtex\n{cite['bibtex']}\n```\n\n"
            f"<p>{esc(t(lang, 'tools.licence'))}</p>\n"
        )

    def data_package(self, args: list[str]) -> str:
        """The data package's downloads, citation and a two-line example of reading it. Markdown,
        so that the code blocks get a copy button. Links are relative; the examples use absolute URLs."""
        from o3story.render import datapackage

        lang = self.lang
        base = f"{self.root()}{datapackage.FOLDER}/"
        url = f"{self.site_url}{datapackage.FOLDER}/"
        items = [f'- <a href="{base}datapackage.json">{esc(t(lang, "download.package"))}</a> <code>datapackage.json</code>']
        for table in datapackage.TABLES:
            items.append(
                f"- {esc(t(lang, 'download.table.' + table.name))}: "
                f'<a href="{base}{table.name}.csv" download>CSV</a> · <a href="{base}{table.name}.json" download>JSON</a> '
                f"<code>{table.name}.csv</code>"
            )
        cite = datapackage.citation(self.site_url, self.version, self.year())[lang]
        return (
            "\n".join(items) + "\n\n"
            f"<p>{esc(t(lang, 'download.version', version=self.version))} {esc(t(lang, 'download.placeholder'))}</p>\n\n"
            f"{esc(t(lang, 'download.pandas'))}\n\n"
            f'```python\nimport pandas as pd\nfigures = pd.read_csv("{url}figures.csv")\n```\n\n'
            f"{esc(t(lang, 'download.frictionless'))}\n\n"
            f'```python\nfrom frictionless import Package\nfigures = Package("{url}datapackage.json").get_resource("figures").read_rows()\n```\n\n'
            f"### {t(lang, 'download.cite')}\n\n<p>{esc(cite['text'])}</p>\n\n```bibtex\n{cite['bibtex']}\n```\n"
        )

    def year(self) -> int:
        return exports.data_year(self.story)

    def chart_list(self, args: list[str]) -> str:
        items = []
        for chart_id in charts.CHARTS:
            chart = charts.build(chart_id, self.story, self.lang)
            items.append(
                f'<li><a href="{href(self.page_url, f"charts/{chart_id}/")}"><strong>{esc(chart.title)}</strong></a><br>'
                f"{esc(chart.description)}</li>"
            )
        return '<ul class="o3-chart-list">' + "".join(items) + "</ul>"

    def factcheck(self, args: list[str]) -> str:
        lang, tr = self.lang, self.story.transcript
        out = ['<div class="o3-checks">']
        for c in self.story.data.checks:
            where = tr.locate(c.quote)
            anchor = f"#{where}" if where and where.startswith("t") else ""
            place = (
                t(lang, "check.in_turn", n=where[1:]) if anchor else t(lang, f"check.in_{where}")
            )
            link = href(self.page_url, TRANSCRIPT + anchor)
            extra = []
            if c.sources:
                extra.append(f"{esc(t(lang, 'col.source'))}: {self.source_links(c.sources)}")
            if c.figures:
                extra.append(
                    f"{esc(t(lang, 'check.records'))}: "
                    + ", ".join(f'<a href="{self.record_link(self.figure(f))}">{esc(value(self.figure(f), lang))}</a>' for f in c.figures)
                )
            out.append(
                f'<section class="o3-check o3-check--{c.severity}" id="check-{esc_attr(c.id)}">'
                f'<p class="o3-check__head"><span class="o3-verdict o3-verdict--check-{c.verdict}">{esc(t(lang, f"checkverdict.{c.verdict}"))}</span> '
                f'<span class="o3-badge o3-badge--{c.severity}">{esc(t(lang, f"severity.{c.severity}"))}</span> '
                f'<a href="{link}">{esc(place)}</a></p>'
                f'<blockquote lang="zh-Hans"><p>{esc(c.quote)}</p></blockquote>'
                f'<p><strong>{esc(t(lang, "check.problem"))}</strong>: {self.rich(c.problem[lang])}</p>'
                f'<p><strong>{esc(t(lang, "check.correction"))}</strong>: {self.rich(c.correction[lang])}</p>'
                + "".join(f'<p class="o3-check__meta">{e}</p>' for e in extra)
                + "</section>"
            )
        out.append("</div>")
        return "\n".join(out)

    def timeline(self, args: list[str]) -> str:
        lang = self.lang
        head = ["date", "event", "promised", "source"]
        rows = ['<div class="o3-table o3-timeline"><table>', "<thead><tr>" + "".join(f"<th>{esc(t(lang, 'col.' + h))}</th>" for h in head) + "</tr></thead><tbody>"]
        for ev in self.story.data.events:
            date = ev.date.isoformat() + (f" ({t(lang, 'about')})" if ev.approximate_date else "")
            cells = [
                f"<time datetime=\"{ev.date.isoformat()}\">{esc(date)}</time>",
                f'<span class="o3-badge">{esc(t(lang, f"event.{ev.kind}"))}</span> {self.rich(ev.event[lang])}',
                self.promise(ev) if ev.promised else "–",
                self.source_cell(ev.source) + (f'<br><q class="o3-note">{esc(ev.quote)}</q>' if ev.quote else ""),
            ]
            rows.append(f'<tr id="event-{esc_attr(ev.id)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        rows.append("</tbody></table></div>")
        return "\n".join(rows)

    def promise(self, ev) -> str:
        """What was promised, its outcome as a chip, and its dates (made, due, delivered)."""
        lang, p = self.lang, ev.promise
        dates = [t(lang, "promise.made", date=p.made.isoformat())]
        if p.due:
            dates.append(t(lang, "promise.due", date=p.due.isoformat()))
        dates.append(t(lang, "promise.delivered", date=ev.date.isoformat()))
        return (f'{self.rich(ev.promised[lang])}<br><span class="o3-verdict o3-verdict--promise-{p.outcome}">'
                f'{esc(t(lang, "promise." + p.outcome))}</span> <span class="o3-note">{esc(" · ".join(dates))}</span>'
                f'<br><span class="o3-note">{self.rich(p.reason[lang])}</span>')

    def changelog(self, args: list[str]) -> str:
        """Every audit of the records: its date and method, then one row per change made."""
        lang = self.lang
        if not self.story.data.audits:
            return f"<p>{esc(t(lang, 'changelog.none'))}</p>"
        head = ["record", "field", "was", "now", "reason", "source_text"]
        out = []
        for audit in self.story.data.audits:
            out.append(f'<section class="o3-audit" id="audit-{esc_attr(audit.id)}" data-search-exclude>')  # kept out of the search index: see explorer.py
            out.append(f'<p><strong>{esc(t(lang, "changelog.audit", date=audit.date.isoformat(), count=len(audit.changes)))}</strong></p>')
            out.append(f'<p><strong>{esc(t(lang, "changelog.method"))}</strong>: {esc(audit.method[lang])}</p>')
            out.append('<div class="o3-table o3-changelog"><table>')
            out.append("<thead><tr>" + "".join(f"<th>{esc(t(lang, 'changelog.col.' + h))}</th>" for h in head) + "</tr></thead><tbody>")
            for c in audit.changes:
                cells = [
                    self.record_ref(c.kind, c.record) + f"<br>{esc(t(lang, 'changelog.kind.' + c.kind))}",
                    f"<code>{esc(c.field)}</code>",
                    esc(c.was) if c.was is not None else esc(t(lang, "changelog.absent")),
                    esc(c.now) if c.now is not None else esc(t(lang, "changelog.removed")),
                    esc(c.reason[lang]),
                    f"<q>{esc(c.source_text)}</q>" if c.source_text else "–",
                ]
                out.append("<tr>" + "".join(f"<td>{x}</td>" for x in cells) + "</tr>")
            out.append("</tbody></table></div></section>")
        return "\n".join(out)

    def record_ref(self, kind: str, record_id: str) -> str:
        """A record's id as a link to where the site shows it (unlinked transcript numbers have no row)."""
        target = {"figure": f"{METHODS}#fig-", "source": f"{METHODS}#src-", "check": "fact-check/#check-",
                  "event": "fact-check/#event-"}.get(kind)
        code = f"<code>{esc(record_id)}</code>"
        return f'<a href="{href(self.page_url, target + record_id)}">{code}</a>' if target else code

    def sources(self, args: list[str]) -> str:
        lang = self.lang
        cited: dict[str, int] = {}
        for f in self.story.data.figures:
            cited[f.source] = cited.get(f.source, 0) + 1
        head = ["title", "publisher", "kind", "published", "accessed", "licence", "figures"]
        rows = ['<div class="o3-table"><table>', "<thead><tr>" + "".join(f"<th>{esc(t(lang, 'col.' + h))}</th>" for h in head) + "</tr></thead><tbody>"]
        for s in self.story.data.sources:
            author = f" ({esc(s.author)})" if s.author and s.author != s.publisher else ""
            note = f'<br><span class="o3-note">{esc(s.note[lang])}</span>' if s.note else ""
            cells = [
                f'<a href="{esc_attr(s.url)}" rel="noopener">{esc(s.title)}</a>{note}',
                esc(s.publisher) + author,
                esc(t(lang, f"kind.{s.kind}")),
                esc(s.published.isoformat() if s.published else "–"),
                esc(s.accessed.isoformat()),
                esc(s.licence or "–"),
                str(cited.get(s.id, 0)),
            ]
            rows.append(f'<tr id="src-{esc_attr(s.id)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
        rows.append("</tbody></table></div>")
        return "\n".join(rows)

    def confidence(self, args: list[str]) -> str:
        counts = {c: sum(f.confidence == c for f in self.story.data.figures) for c in CONFIDENCES}
        items = [
            f"<dt>{esc(t(self.lang, f'conf.{c}'))} ({counts[c]})</dt><dd>{esc(t(self.lang, f'conf.{c}.help'))}</dd>"
            for c in CONFIDENCES
        ]
        return '<dl class="o3-legend">' + "".join(items) + "</dl>"


def render_text(text: str, lang: str, story: Story) -> str:
    """Plain-text placeholders for page metadata (the description): only {{ fig ID }}, as text."""

    def sub(m: re.Match) -> str:
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
        f"# {esc(chart.title)} {{#chart-{chart_id}-title}}\n\n"
        f"{{{{ chart {chart_id} }}}}\n\n"
        f"{{{{ chart-tools {chart_id} }}}}\n"
    )


def render(markdown: str, lang: str, story: Story, page_url: str, **context) -> str:
    """`context`: site_url, images (whether static images are built) and version (of the data)."""
    r = Renderer(story, lang, page_url, **context)

    def sub(m: re.Match) -> str:
        name, args = m["name"], m["args"].split()
        if name not in r.blocks:
            raise PlaceholderError(f"unknown placeholder '{{{{ {name} }}}}'")
        return r.blocks[name](args)

    return TOKEN.sub(sub, markdown)
