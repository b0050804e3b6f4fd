"""The site's Atom feed, one per language: every audit of the records, every correction an audit made
(a change to a field that had a published value), and every change of a scorecard verdict. Pure: built
from data/ alone, so a build on another day writes the same bytes.

Entry ids are tag: URIs (RFC 4151) made from data ids and the feed's language (each language's entry is its
own entry), with the site's host and its first publication date (data/status.yaml `published`); `updated` is the data's own date of each entry (the audit's date,
the verdict step's date), written as RFC 3339 at midnight UTC."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from urllib.parse import quote, urlsplit
from xml.etree import ElementTree as ET

from o3story.data.locale import LOCALES
from o3story.data.story import Story
from o3story.render.context import METHODS, render_text
from o3story.render.fmt import long_date
from o3story.render.i18n import LANG_ROOT, t

ATOM = "http://www.w3.org/2005/Atom"
FILE = "feed.xml"
TYPE = "application/atom+xml"
HTML_LANG = {loc.code: loc.html_lang for loc in LOCALES}
_SAFE = "/:@!$&'()*+,;=-._~"


def path(lang: str) -> str:
    """Where a language's feed lies from the site root: /feed.xml (Chinese), /en/feed.xml (English)."""
    return LANG_ROOT[lang] + FILE


def href(site_url: str, lang: str) -> str:
    """The feed's absolute address."""
    return site_url.rstrip("/") + "/" + path(lang)


def rfc3339(day: date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def tag(story: Story, site_url: str, specific: str) -> str:
    """A stable id from data ids: tag:<host>,<first published>:<base path><specific>. Without a publication
    date, a name-based UUID of the same parts (still the same on every build)."""
    parts = urlsplit(site_url)
    base = parts.path.lstrip("/")
    specific = quote(base + specific, safe=_SAFE)
    published = story.data.status.published if story.data.status else None
    if parts.hostname and published:
        return f"tag:{parts.hostname},{published.isoformat()}:{specific}"
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{site_url}#{specific}").urn


@dataclass(frozen=True)
class Entry:
    id: str
    title: str
    updated: date
    link: str
    summary: str
    kind: str  # audit, correction, verdict
    nth: int = 0  # an audit's (and its corrections') number among the day's audits, oldest first


def numbered_date(date: str, n: int, of: int, lang: str) -> str:
    """`date` as an audit's heading gives it: numbered where the same day has several audits (Dataset.audit_of_day)."""
    return date if of == 1 else t(lang, "changelog.date_nth", date=date, n=n, of=of)


def entries(story: Story, lang: str, site_url: str) -> list[Entry]:
    """Every entry of the feed, newest first (ties in a fixed order: kind, the day's audits newest first, then id)."""
    def plain(text: str) -> str:
        # each {{ fig ID }} as its value, {{ translated }} as its words ("our translation"): nothing dropped
        return render_text(text, lang, story)

    data = story.data
    home = site_url.rstrip("/") + "/" + LANG_ROOT[lang]
    out: list[Entry] = []
    for audit in data.audits:
        corrections = [c for c in audit.changes if c.was is not None]
        at = f"{home}{METHODS}#audit-{audit.id}"
        nth, of = data.audit_of_day(audit.id)
        out.append(Entry(
            id=tag(story, site_url, LANG_ROOT[lang] + f"audit/{audit.id}"),
            title=t(lang, "feed.audit_one" if len(audit.changes) == 1 else "feed.audit",
                    date=numbered_date(long_date(audit.date, lang), nth, of, lang), count=len(audit.changes)),
            updated=audit.date, link=at, kind="audit", nth=nth,
            summary=t(lang, "feed.audit_summary", count=len(audit.changes), corrections=len(corrections),
                      method=plain(audit.method[lang]))))
        for change in corrections:
            out.append(Entry(
                id=tag(story, site_url, LANG_ROOT[lang] + f"audit/{audit.id}/{change.kind}/{change.record}/{change.field}"),
                title=t(lang, "feed.correction", kind=t(lang, "changelog.kind." + change.kind), record=change.record,
                        field=change.field),
                updated=audit.date, link=at, kind="correction", nth=nth,
                summary=t(lang, "feed.correction_summary", was=t(lang, "feed.quoted", text=plain(change.was)),
                          now=t(lang, "feed.quoted", text=plain(change.now)) if change.now is not None
                          else t(lang, "changelog.removed"),
                          reason=plain(change.reason[lang]))))
    for claim in data.claims:
        for before, step in zip(claim.history, claim.history[1:]):
            def label(verdict: str | None) -> str:
                return data.grade(verdict).label[lang] if verdict else t(lang, "scorecard.no_verdict")

            out.append(Entry(
                id=tag(story, site_url, LANG_ROOT[lang] + f"claim/{claim.id}/verdict/{step.date.isoformat()}"),
                title=t(lang, "feed.verdict", claim=plain(claim.claim[lang]), verdict=label(step.verdict)),
                updated=step.date, link=f"{home}#claim-{claim.id}", kind="verdict",
                summary=t(lang, "feed.verdict_summary", was=label(before.verdict), now=label(step.verdict),
                          reason=plain(step.reason[lang]))))
    order = {"verdict": 0, "audit": 1, "correction": 2}
    out.sort(key=lambda e: (order[e.kind], -e.nth, e.id))  # one day's audits newest first, as on the methods page
    out.sort(key=lambda e: e.updated, reverse=True)
    return out


def atom(story: Story, lang: str, site_url: str, author_uri: str = "") -> bytes:
    """The feed document (UTF-8 Atom 1.0)."""
    ET.register_namespace("", ATOM)

    def el(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
        node = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
        if text is not None:
            node.text = text
        return node

    items = entries(story, lang, site_url)
    home = site_url.rstrip("/") + "/" + LANG_ROOT[lang]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": HTML_LANG[lang]})
    el(feed, "id", tag(story, site_url, path(lang)))
    el(feed, "title", t(lang, "feed.title"))
    el(feed, "subtitle", t(lang, "feed.subtitle"))
    # The newest date in the data the feed is made of; the data's as-of date when there are no entries.
    newest = max((e.updated for e in items), default=story.data.status.as_of)
    el(feed, "updated", rfc3339(newest))
    author = el(feed, "author")
    el(author, "name", t(lang, "feed.author"))
    if author_uri:
        el(author, "uri", author_uri)
    el(feed, "link", rel="self", type=TYPE, href=href(site_url, lang))
    el(feed, "link", rel="alternate", type="text/html", href=home)
    el(feed, "rights", t(lang, "feed.rights"))
    for e in items:
        entry = el(feed, "entry")
        el(entry, "id", e.id)
        el(entry, "title", e.title)
        el(entry, "updated", rfc3339(e.updated))
        el(entry, "link", rel="alternate", type="text/html", href=e.link)
        el(entry, "category", term=e.kind, label=t(lang, f"feed.kind.{e.kind}"))
        el(entry, "summary", e.summary, type="text")
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"
