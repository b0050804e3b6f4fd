"""What every page's footer says about itself (theme/partials/footer.html): who made it, with a
link to the repository; when its data last changed (the newest audit in data/changelog.yaml, with
the data version); and a link that opens a new GitHub issue to send a correction, prefilled with
the page's title and address. Pure: the hook passes it the story, the config's URLs and the page."""

from __future__ import annotations

from urllib.parse import quote, urlencode

from o3story.data.locale import locale
from o3story.data.model import Audit
from o3story.data.story import Story
from o3story.render.fmt import long_date
from o3story.render.i18n import t
from o3story.site.linkcheck import base_path



def last_audit(story: Story) -> Audit | None:
    """The newest audit of the records (the latest in the file on a tie), or None if there is none."""
    audits = list(story.data.audits)
    return max(reversed(audits), key=lambda a: a.date) if audits else None


def issue_url(repo_url: str, title: str, body: str) -> str:
    """A new issue on the repository, its title and body prefilled (every character escaped)."""
    return f"{repo_url.rstrip('/')}/issues/new?{urlencode({'title': title, 'body': body}, quote_via=quote)}"


def correction_url(repo_url: str, page_url: str, title: str, lang: str) -> str:
    """A correction of one page: its title and address in the new issue."""
    return issue_url(repo_url, t(lang, "trust.issue_title", title=title), t(lang, "trust.issue_body", url=page_url))


def broken_link(repo_url: str, lang: str) -> dict | None:
    """The 404 page's own account, in one language: who made the site, and a link that reports the
    missing address. The page is the same file for every missing address, so the issue's body is
    written with the address left blank; `title_at` and `body` keep {path}, {url} and {referrer}
    for site.js to fill in from the reader's address bar (`unknown` when no page linked there). None
    without a repository URL."""
    if not repo_url:
        return None
    return {"by": t(lang, "trust.by"), "project": t(lang, "trust.project"), "repo_url": repo_url,
            "report": t(lang, "notfound.report"), "report_hint": t(lang, "notfound.report_hint"),
            "report_url": issue_url(repo_url, t(lang, "notfound.issue_title"), t(lang, "notfound.issue_body", url="", referrer="")),
            "title_at": t(lang, "notfound.issue_title_at", path="{path}"), "unknown": t(lang, "notfound.unknown"),
            "body": t(lang, "notfound.issue_body", url="{url}", referrer="{referrer}")}


def footer(story: Story, lang: str, repo_url: str, site_url: str, page_url: str, title: str, version: str) -> dict | None:
    """The footer's values, plain (the template escapes them); None without a repository URL."""
    if not repo_url:
        return None
    out = {
        "by": t(lang, "trust.by"),
        "project": t(lang, "trust.project"),
        "repo_url": repo_url,
        "correction": t(lang, "trust.correction"),
        "correction_url": correction_url(repo_url, site_url + page_url, title, lang),
        "correction_hint": t(lang, "trust.correction_hint"),
        "updated": None,
    }
    audit = last_audit(story)
    if audit is not None:
        home = base_path(site_url) + locale(lang).root
        out["updated"] = {
            "label": t(lang, "trust.updated") + t(lang, "punct.colon"),
            "iso": audit.date.isoformat(),
            "text": long_date(audit.date, lang),
            "href": f"{home}methods/#audit-{audit.id}",
            "version": t(lang, "trust.version", version=version),
        }
    return out
