"""How a page names a source: its title as the source gives it, marked with its language (with the
project's translation beside it on an English page when the title is Chinese), and its publisher in
the page's language (data/sources.yaml `publisher_label`, read by Source.publisher_in)."""

from __future__ import annotations

from markupsafe import Markup, escape

from o3story.data.locale import html_lang
from o3story.data.model import Source
from o3story.render import templating
from o3story.render.i18n import t


def title(s: Source, lang: str, book_marks: bool = True) -> Markup:
    """`book_marks`: a title in the page's own language set as the language sets titles (i18n
    `punct.title`: between 《》 in Chinese, GB/T 15834; plain in English); False where the sentence
    that holds the title writes the marks itself (i18n `transcript.credit`)."""
    if s.title_label is not None:  # the project's own words for it, in the page's language
        return templating.join([s.title_label[lang]])
    gloss = s.title_en if lang == "en" and s.title_lang != "en" and s.title_en else ""
    words = templating.macros().own_words(s.title, s.title_lang, gloss, t(lang, "source.title_gloss") if gloss else "")
    if book_marks and s.title_lang == html_lang(lang):
        return Markup(escape(t(lang, "punct.title", text="{text}"))).format(text=words)
    return words


def title_plain(s: Source, lang: str) -> str:
    """The title where no markup can stand (a form's option): the page's language where the project
    has a translation, marked as ours."""
    if s.title_label is not None:
        return s.title_label[lang]
    if lang == "en" and s.title_lang != "en" and s.title_en:
        return f"{s.title_en} ({t(lang, 'source.title_gloss')})"
    return s.title


def makers(sources, lang: str) -> list[str]:
    """The sources' publishers, each once, in order, without the qualifier that says where or how one
    published ("OpenAI (YouTube)", "OpenAI (arXiv)" and "OpenAI" are one publisher): a list's one-line
    summary."""
    return list(dict.fromkeys(templating.unqualified(s.publisher_in(lang)) for s in sources))


def count_label(sources, lang: str) -> str:
    """The label before a list of sources summed up by their publishers (`makers`): "Sources (3)" where
    each publisher is one source, else "14 sources from 6 publishers" (a count beside fewer names reads
    as a miscount)."""
    n, m = len(sources), len(makers(sources, lang))
    if n == m:
        return t(lang, "embed.sources", n=n)
    return t(lang, "embed.sources_from" if m > 1 else "embed.sources_from_one", n=n, m=m)
