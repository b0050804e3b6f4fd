"""Each language whole: what a reader of one language's pages sees is in that language.

`page_leaks(html, lang)` reads one built page as a reader meets it: the text nodes, the attribute
values a reader sees (title, aria-label, alt, placeholder) and the visible texts of the chart specs
the page embeds (trace names, hover texts, bar texts, tick labels, category values, axis and legend
titles, annotations). It returns the leaks:

- on a Chinese page, a Latin-script word that is not a name on the allow-list
  (language_names.yaml: models, benchmarks, sources, units, code) and does not stand in an element
  marked as another language's verbatim words (`lang="en"` on a quotation: blockquote, q, cite, or
  a class the allow-list names);
- on an English page, CJK text outside a Chinese quotation (an element marked `lang="zh…"`) that
  carries English beside it (an element marked `lang="en"` of a class language_names.yaml lists under
  `gloss_classes`: the project's translation, or OpenAI's captions of the same words).

The language switch names each language in itself (中文 / English): those two links are no leak.
Typographic quotations count as marked: on a Chinese page, words inside “…” or 《…》 are a source's
words; on an English page, Chinese inside “…” or standing alone must be followed by its English in
parentheses (破译 (decipher)). An element marked translate="no" (HTML's own mark for a name not to
be translated: a publisher, an author, a licence) holds names.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from lxml import html as lxml_html

NAMES_FILE = Path(__file__).with_name("language_names.yaml")

CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff\uac00-\ud7af]+")
# A Latin-script word: letters, with digits and joiners inside (o3-mini, cons@64, 2024-12-20 is no word).
LATIN = re.compile(r"(?<![A-Za-z0-9])[0-9]*[A-Za-z][A-Za-z0-9]*(?:[-'’.@/][A-Za-z0-9]+)*")
SKIP = {"script", "style", "template", "noscript"}  # <noscript> is read separately below
CODE = {"code", "pre", "kbd", "samp"}
QUOTE_TAGS = {"blockquote", "q", "cite"}
SEEN_ATTRS = ("title", "aria-label", "alt", "placeholder")
# Chart spec keys whose strings a reader sees (plotly), everything else (ids, colours, groups) is not shown.
SHOWN_KEYS = {"name", "text", "hovertext", "hovertemplate", "texttemplate", "ticktext", "x", "y", "labels"}
CHART_SCRIPTS = {"o3-chart__spec", "o3-chart__narrow"}


@dataclass(frozen=True, order=True)
class Leak:
    page: str
    where: str  # "text", "title attribute", "chart o3-vs-o1 hovertext" ...
    word: str
    text: str

    def __str__(self) -> str:
        return f"{self.page}: {self.where}: “{self.word}” in “{self.text}”"


@cache
def allowed() -> dict:
    with open(NAMES_FILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    names = sorted({str(n) for group in data["names"].values() for n in group}, key=len, reverse=True)
    return {
        "names": re.compile("|".join(rf"(?<![A-Za-z0-9]){re.escape(n)}(?![A-Za-z0-9])" for n in names)),
        "patterns": re.compile("|".join(f"(?:{p})" for p in data["patterns"])),
        "quote_classes": set(data["quote_classes"]),
        "switch": data["language_switch"],
        "gloss_classes": set(data["gloss_classes"]),
    }


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


# Words quoted inside a Chinese sentence: “…”, 《…》, 「…」 (a source's own words, typographically marked).
QUOTED_ZH = re.compile(r"“[^”]*”|《[^》]*》|「[^」]*」")
# A Chinese term followed by its English original in full-width parentheses (〔〕 inside other brackets): 审慎对齐（Deliberative
# Alignment）, 推理强度（reasoning effort）. Only right after a Chinese character, with no Chinese inside.
ORIGINAL_TERM = re.compile(r"(?<=[\u3400-\u9fff])（[^（）\u3400-\u9fff]*）|(?<=[\u3400-\u9fff])〔[^〔〕\u3400-\u9fff]*〕")
# Chinese quoted in an English sentence with its English right after it in parentheses:
# 破译 (decipher), “代码与ELO评分” (code and Elo rating).
GLOSSED_CJK = re.compile(r"“?[^\sA-Za-z“”()（）]*[\u3400-\u9fff][^“”()（）]*?”?\s*\([A-Za-z][^()]*\)")
# ... or the other way round: an English word with the Chinese it renders in parentheses, or Chinese
# with its English inside the same parentheses: “Training” (训练), (达标, literally to reach the standard).
GLOSSED_CJK_AFTER = re.compile(r"”\s*\([\u3400-\u9fff]+\)|\(\s*[\u3400-\u9fff]+\s*,[^()]*[A-Za-z][^()]*\)")


def latin_words(text: str) -> list[str]:
    """The Latin-script words of `text` that are not allowed names, units or code."""
    a = allowed()
    rest = ORIGINAL_TERM.sub(" ", QUOTED_ZH.sub(" ", text))
    rest = a["patterns"].sub(" ", rest)
    rest = a["names"].sub(" ", rest)
    return LATIN.findall(rest)


def _tag(el) -> str:
    return el.tag if isinstance(el.tag, str) else ""


def _classes(el) -> set[str]:
    return set((el.get("class") or "").split())


def _lang_el(el):
    """The nearest element (itself or an ancestor) that says which language it is in."""
    while el is not None:
        if el.get("lang"):
            return el
        el = el.getparent()
    return None


def _is_quotation(el) -> bool:
    """A source's words: a quotation element (or inside one), or a class the allow-list names."""
    if bool(_classes(el) & allowed()["quote_classes"]) or el.get("data-verbatim") is not None:
        return True
    return _in(el, QUOTE_TAGS)


def _has_gloss(el) -> bool:
    """English beside the quotation: inside it, or the element right before or after it (or its
    parent's), of a gloss class (the project's translation, or the speaker's own English words as
    OpenAI's captions give them), marked lang="en"."""
    classes = allowed()["gloss_classes"]

    def gloss(e) -> bool:
        return e is not None and bool(_classes(e) & classes) and (e.get("lang") or "").startswith("en")

    if any(gloss(e) for e in el.iterdescendants()):
        return True
    for e in (el, el.getparent()):
        if e is not None and any(gloss(sib) for sib in [*e.itersiblings(), *e.itersiblings(preceding=True)]):
            return True
    return False


def _in(el, tags: set[str]) -> bool:
    while el is not None:
        if _tag(el) in tags:
            return True
        el = el.getparent()
    return False


def _untranslated(el) -> bool:
    """Inside an element marked translate="no": a name (publisher, author, licence)."""
    while el is not None:
        if el.get("translate") == "no":
            return True
        el = el.getparent()
    return False


def _in_switch(el) -> bool:
    while el is not None:
        if el.get("hreflang") and _tag(el) == "a":
            return True
        el = el.getparent()
    return False


def chart_strings(spec: object, key: str = "") -> list[tuple[str, str]]:
    """(key, string) of every string a reader sees in a plotly spec (or its narrow overrides)."""
    out: list[tuple[str, str]] = []
    if isinstance(spec, dict):
        for k, v in spec.items():
            if k in ("customdata", "meta", "template", "font", "marker", "line", "legendgroup", "offsetgroup",
                     "uid", "ids", "hoverinfo", "textposition", "type", "xaxis", "yaxis", "anchor", "mode"):
                continue
            if k == "name" and key in ("annotations", "shapes", "images", "updatemenus"):
                continue  # an annotation's, shape's or view button's name is an id for code (a view's in the address), never drawn
            if k == "title" and isinstance(v, str):
                out.append(("title", v))
            else:
                shown = k in SHOWN_KEYS or k in ("text", "title", "annotations", "shapes", "images", "updatemenus")
                out += chart_strings(v, k if shown else (key if isinstance(v, list) and key else k))
    elif isinstance(spec, list):
        for v in spec:
            out += chart_strings(v, key)
    elif isinstance(spec, str) and key in SHOWN_KEYS | {"tickvals"}:
        out.append((key, spec))
    return out


def _chart_text(s: str) -> str:
    s = re.sub(r"%\{[^}]*\}", " ", s)  # hovertemplate slots
    s = re.sub(r"<br\s*/?>", " ", s)  # plotly's line breaks part words
    return _flat(lxml_html.fromstring(f"<span>{s}</span>").text_content()) if "<" in s else _flat(s)


def page_leaks(page_html: str, lang: str, page: str = "") -> list[Leak]:
    doc = lxml_html.document_fromstring(page_html)
    found: set[Leak] = set()

    def check(text: str, el, where: str) -> None:
        text = _flat(text)
        if not text:
            return
        owner = _lang_el(el)
        owner_lang = (owner.get("lang") if owner is not None else lang) or lang
        if lang == "zh":
            if _in_switch(el) and text in allowed()["switch"]:
                return  # the language switch names each language in itself
            if owner is not None and _is_quotation(owner):
                return  # a source's verbatim words, marked as such (a Chinese quotation may name o3-mini medium)
            if _in(el, CODE) or _untranslated(el):
                return
            for w in latin_words(text):
                found.add(Leak(page, where, w, text[:160]))
        else:
            if not CJK.search(text):
                return
            if _in_switch(el) and text in allowed()["switch"]:
                return
            if owner_lang.startswith("zh") and owner is not None:
                if _is_quotation(owner) and _has_gloss(owner):
                    return
            for w in CJK.findall(GLOSSED_CJK_AFTER.sub(" ", GLOSSED_CJK.sub(" ", text))):
                found.add(Leak(page, where, w, text[:160]))

    for el in doc.iter():
        tag = _tag(el)
        if not tag:
            continue
        if tag == "script":
            cls = _classes(el) & CHART_SCRIPTS
            if cls and el.text:
                chart = el.getparent().get("data-chart") or "chart"
                for key, s in chart_strings(json.loads(el.text)):
                    check(_chart_text(s), el, f"chart {chart} {key}")
            continue
        if _in(el, SKIP - {"noscript"}):
            continue
        for attr in SEEN_ATTRS:
            if el.get(attr):
                check(el.get(attr), el, f"{attr} attribute")
        if el.text:
            check(el.text, el, "text")
        if el.tail and el.getparent() is not None and not _in(el.getparent(), SKIP - {"noscript"}):
            check(el.tail, el.getparent(), "text")
    return sorted(found)


def site_leaks(root: Path, pages: list[str]) -> list[Leak]:
    out: list[Leak] = []
    for page in pages:
        html = (root / page / "index.html").read_text(encoding="utf-8")
        out += page_leaks(html, "en" if page.startswith("en/") else "zh", page or "/")
    return out
