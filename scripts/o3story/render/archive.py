"""A source's archived copy (data/sources.yaml `archive`), shown beside the source wherever the
site lists it: the `archive` macro of templates/inline.html draws what `archived` gives."""

from __future__ import annotations

from o3story.data.model import Source
from o3story.render.i18n import t


def archived(source: Source, lang: str) -> dict | None:
    """The link to the source's archived copy, in `lang`, or None when it has none."""
    if source.archive is None:
        return None
    return {"url": source.archive, "label": t(lang, "source.archive"),
            "open": t(lang, "source.archive_open"), "close": t(lang, "source.archive_close")}
