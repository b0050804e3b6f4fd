"""The glossary (data/glossary.yaml) as Markdown abbreviations for one language: appended to each page
of that language, they become <abbr title> wherever the term stands in the page's text, which
Material shows as a tooltip (theme feature content.tooltips)."""

from __future__ import annotations


def abbreviations(terms, lang: str) -> str:
    lines = [f"*[{term.term[lang]}]: {term.definition[lang]}" for term in terms]
    return "\n\n" + "\n".join(lines) + "\n" if lines else ""
