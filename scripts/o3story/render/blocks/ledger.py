"""The ledger and the downloads: the changelog, the feed link, the sources, the data package."""

from __future__ import annotations

from markupsafe import Markup

from o3story.render import datapackage, feed, jsonld, release, source_text, templating
from o3story.render.archive import archived
from o3story.render.blocks.registry import block
from o3story.render.context import METHODS, PageContext
from o3story.render.i18n import t

def record_href(ctx: PageContext, kind: str, record_id: str) -> str | None:
    """Where the site shows a record (unlinked transcript numbers have no row)."""
    if kind == "check":
        return ctx.check_link(record_id)
    target = {"figure": f"{METHODS}#fig-", "source": f"{METHODS}#src-", "event": "fact-check/#event-"}.get(kind)
    return ctx.link(target + record_id) if target else None


NEW_RECORD = "(new record)"


@block("changelog")
def changelog(ctx: PageContext, args: list[str]) -> Markup:
    """Every audit of the records: its date and method, then one row per change made."""
    lang = ctx.lang

    checks = {c.id: c for c in ctx.story.data.checks}

    def stored(v, missing: str, change=None):  # a value as the audit stored it; a whole record added is said in the page's language
        if v is None:
            return t(lang, missing)
        if v == NEW_RECORD:
            return t(lang, "changelog.new_record")
        check = checks.get(change.record) if change is not None and change.kind == "check" and change.field == "quote" else None
        # a check's quote as it stands now carries the check's own translation (the words, not their whole line)
        return ctx.own_words(v, (ctx.check_gloss(check) or None) if check is not None and check.quote == v else None)

    def day(a) -> str:  # the audit's date, numbered where the same day has several ("2026-12-06 (2 of 7)"), oldest first
        return feed.numbered_date(a.date.isoformat(), *ctx.story.data.audit_of_day(a.id), lang)

    audits = [{
        "id": a.id, "heading": t(lang, "changelog.audit_one" if len(a.changes) == 1 else "changelog.audit", date=day(a), count=len(a.changes)),
        "method": a.method[lang],
        "changes": [{
            "record": c.record, "href": record_href(ctx, c.kind, c.record), "kind": t(lang, "changelog.kind." + c.kind),
            "field": c.field, "new_record": t(lang, "changelog.new_record") if c.field == NEW_RECORD else "",
            "was": stored(c.was, "changelog.absent", c), "now": stored(c.now, "changelog.removed", c),
            "reason": c.reason[lang], "source_text": ctx.own_words(c.source_text) if c.source_text else "",
        } for c in a.changes],
    } for a in sorted(ctx.story.data.audits, key=lambda a: a.date, reverse=True)]  # newest first; one day's as the file lists them
    head = [t(lang, "changelog.col." + h) for h in ("record", "field", "was", "now", "reason", "source_text")]
    return templating.render("changelog.html", audits=audits, head=head, none=t(lang, "changelog.none"),
                             method_label=t(lang, "changelog.method"))


@block("feed")
def feed_link(ctx: PageContext, args: list[str]) -> Markup:
    """A visible link to this language's feed of audits, corrections and verdict changes."""
    return templating.render("feed_link.html", href=ctx.root() + feed.path(ctx.lang), type=feed.TYPE,
                             label=t(ctx.lang, "feed.link"), hint=t(ctx.lang, "feed.link_type"))


@block("sources")
def sources(ctx: PageContext, args: list[str]) -> Markup:
    lang = ctx.lang
    cited: dict[str, int] = {}
    for f in ctx.story.data.figures:
        cited[f.source] = cited.get(f.source, 0) + 1
    rows = [{
        "id": s.id, "url": s.url, "title": source_text.title(s, lang), "note": s.note[lang] if s.note else "", "archive": archived(s, lang),
        "publisher": s.publisher_in(lang), "author": ctx.author(s),
        "kind": t(lang, f"kind.{s.kind}"), "published": s.published.isoformat() if s.published else "–",
        "accessed": s.accessed.isoformat(), "licence": s.licence or "–", "figures": cited.get(s.id, 0),
    } for s in ctx.story.data.sources]
    head = [t(lang, "col." + h) for h in ("title", "publisher", "kind", "published", "accessed", "licence", "figures")]
    return templating.render("sources.html", head=head, sources=rows)


@block("data-package")
def data_package(ctx: PageContext, args: list[str]) -> str:
    """The data package's downloads, citation and a two-line example of reading it. Links are
    relative; the examples use absolute URLs."""
    lang = ctx.lang
    url = f"{ctx.site_url}{datapackage.FOLDER}/"
    cite = datapackage.citation(ctx.site_url, ctx.version, release.release_date(ctx.story))[lang]
    return templating.render_markdown(
        "data_package.md",
        base=f"{ctx.root()}{datapackage.FOLDER}/", package_label=t(lang, "download.package"),
        tables=[{"name": tb.name, "label": t(lang, "download.table." + tb.name)} for tb in datapackage.TABLES],
        version=t(lang, "download.version", version=ctx.version), placeholder=t(lang, "download.placeholder"),
        pandas_label=t(lang, "download.pandas"),
        pandas=templating.verbatim(f'import pandas as pd\nfigures = pd.read_csv("{url}figures.csv")'),
        frictionless_label=t(lang, "download.frictionless"),
        frictionless=templating.verbatim(
            f'from frictionless import Package\nfigures = Package("{url}datapackage.json").get_resource("figures").read_rows()'),
        cite_label=t(lang, "download.cite"), cite_text=cite["text"], bibtex=templating.verbatim(cite["bibtex"]),
        cite_version=t(lang, "download.cite_version", version=ctx.version, date=release.release_date(ctx.story).isoformat(),
                       cff=release.CFF))


# The package as a schema.org Dataset (JSON-LD) for dataset search engines: needs the absolute site URL.
@block("dataset")
def dataset(ctx: PageContext, args: list[str]) -> str:
    return jsonld.block(ctx.story, ctx.lang, ctx.site_url, ctx.version, ctx.repo_url) if ctx.site_url else ""
