"""The data package described for dataset search engines: a schema.org `Dataset` in JSON-LD, one per
language, in a `<script type="application/ld+json">` block on the methods page.

It names what the package's own descriptor names (render/datapackage.py): the title and description,
the creator, the licence, the data version and its date (as CITATION.cff does: render/release.py), and
every file of the package as a `DataDownload` with its absolute address and media type. The temporal
coverage runs from the earliest to the latest dated record (figures and timeline events, a scheduled
one included). Pure: `dataset` gives the object, `block` the HTML, whose JSON cannot end the element.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from o3story.data.locale import LOCALES
from o3story.data.story import Story
from o3story.render import datapackage, exports, release, templating
from o3story.render.charts.html import safe_json
from o3story.render.i18n import LANG_ROOT, t

CONTEXT = "https://schema.org/"
IN_LANGUAGE = {loc.code: loc.html_lang for loc in LOCALES}  # as the pages' own lang attributes write them
MEDIA = {"csv": "text/csv", "json": "application/json"}


def temporal_coverage(story: Story) -> str:
    """ISO 8601 interval from the earliest to the latest date a record carries."""
    days = [f.date for f in story.data.figures] + [e.date for e in story.data.events]
    return f"{min(days).isoformat()}/{max(days).isoformat()}"


def distribution(site_url: str, lang: str) -> list[dict]:
    """Every file of the package: the descriptor, then each table as CSV and JSON."""
    base = f"{site_url}{datapackage.FOLDER}/"
    out = [{"@type": "DataDownload", "name": "datapackage.json", "description": t(lang, "download.package"),
            "contentUrl": datapackage.package_url(site_url), "encodingFormat": "application/json"}]
    for table in datapackage.TABLES:
        for ext in ("csv", "json"):
            name = f"{table.name}.{ext}"
            out.append({"@type": "DataDownload", "name": name, "description": t(lang, f"download.table.{table.name}"),
                        "contentUrl": base + name, "encodingFormat": MEDIA[ext]})
    return out


def dataset(story: Story, lang: str, site_url: str, version: str, repo_url: str = "", doi: str | None = release.DOI) -> dict:
    """The schema.org Dataset of the data package, in `lang`. `site_url` is absolute (https://host/path/)."""
    released = release.release_date(story)
    creator = {"@type": "Organization", "name": release.CREATOR, **({"url": repo_url} if repo_url else {})}
    out = {
        "@context": CONTEXT,
        "@type": "Dataset",
        "@id": datapackage.package_url(site_url),
        "name": t(lang, "datapackage.title"),
        "description": t(lang, "datapackage.description"),
        "url": f"{site_url}{LANG_ROOT[lang]}methods/",
        "identifier": f"https://doi.org/{doi}" if doi else datapackage.package_url(site_url),
        "version": version,
        "inLanguage": IN_LANGUAGE[lang],
        "license": exports.LICENCE_URL,
        "isAccessibleForFree": True,
        "creator": creator,
        "publisher": creator,
        "keywords": release.KEYWORDS,
        "variableMeasured": [m.name[lang] for m in story.data.metrics],
        "temporalCoverage": temporal_coverage(story),
        "dateModified": released.isoformat(),
        "creditText": datapackage.citation(site_url, version, released)[lang]["text"],
        "distribution": distribution(site_url, lang),
    }
    if story.data.status.published:
        out["datePublished"] = story.data.status.published.isoformat()
    if doi:
        out["sameAs"] = f"https://doi.org/{doi}"
    return out


def script_text(obj: dict) -> str:
    """The JSON of a script data block: `<`, `>` and `&` as JSON escapes, so no string can end the element."""
    return safe_json(json.dumps(obj, ensure_ascii=False, indent=1))


def block(story: Story, lang: str, site_url: str, version: str, repo_url: str = "") -> Markup:
    return templating.render("dataset_jsonld.html", json=templating.script_json(script_text(dataset(story, lang, site_url, version, repo_url))))
