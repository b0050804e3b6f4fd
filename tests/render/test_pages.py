"""Placeholders are filled from data, in the page's language, with data strings escaped."""

from __future__ import annotations

import html
import re

import markdown
import pytest

from conftest import edit
from o3story.render.pages import PlaceholderError, href, render
from o3story.data.story import load_story


@pytest.fixture
def story(data_dir):
    return load_story(data_dir)


def test_href_is_relative_within_a_language():
    assert href("o3/", "methods/#fig-x", "zh") == "../methods/#fig-x"
    assert href("en/o3/", "methods/#fig-x", "en") == "../methods/#fig-x"
    assert href("", "methods/", "zh") == "methods/"
    assert href("en/", "methods/", "en") == "methods/"


def test_href_takes_the_language_root_explicitly():
    """A page outside both language trees (an embed) links into the language it is told, not the
    one its URL suggests."""
    assert href("embed/x/", "methods/#fig-a", "zh") == "../../methods/#fig-a"
    assert href("embed/x/", "methods/#fig-a", "en") == "../../en/methods/#fig-a"


def test_fig_placeholder(story):
    out = render("o3: {{ fig m.bench }}.", "en", story, "en/o3/")
    text, _, block = out.partition("\n\n")
    assert text == 'o3: <a class="o3-fig" data-figure="m.bench" href="../methods/#fig-m.bench" title="See the data record&#58; M1 · Bench">71.7%</a>.'
    assert block.startswith('<script type="application/json" class="o3-evidence-data">')  # its evidence (test_evidence.py)


def test_cards_link_to_source_and_record(story):
    out = render("{{ cards m.bench.paper }}", "zh", story, "")
    assert "48.9%" in out and 'href="https://example.org/paper"' in out and 'href="methods/#fig-m.bench.paper"' in out
    assert "推理强度：低" in out


def test_unknown_placeholder_and_id_fail(story):
    with pytest.raises(PlaceholderError, match="unknown placeholder"):
        render("{{ nope }}", "en", story, "")
    with pytest.raises(PlaceholderError, match="unknown figure id 'nope'"):
        render("{{ fig nope }}", "en", story, "")


def test_summary_by_language(story):
    assert render("{{ oneline }}", "zh", story, "") == "一句话。"
    assert render("{{ oneline }}", "en", story, "") == "One line."


def test_transcript_turns_have_anchors_and_lead_language(story):
    zh = render("{{ transcript }}", "zh", story, "transcript/")
    en = render("{{ transcript }}", "en", story, "en/transcript/")
    assert 'id="t1"' in zh and 'href="#t1"' in zh
    assert zh.index("准确率") < zh.index("We found")
    assert en.index("We found") < en.index("准确率")
    assert "<strong>Everyone</strong>" in en and "<strong>所有人</strong>" in zh


def test_the_article_s_outline_stands_in_both_languages_with_its_lists(story):
    """The outline between the video link and the turns (the real article's lists of highlights and key
    dates, which fact-checks quote): both columns, the page's language first, the Chinese marked
    verbatim; a line a list follows is a heading, a numbered line a sub-heading without the Markdown's
    number, list items a list; the video link is the credit's, not repeated."""
    zh = render("{{ outline }}", "zh", story, "transcript/")
    en = render("{{ outline }}", "en", story, "en/transcript/")
    assert zh.index("前言") < zh.index("Preface") and en.index("Preface") < en.index("前言")
    assert '<p class="o3-outline__head" data-verbatim><strong>要点</strong></p>' in zh
    assert '<p class="o3-outline__sub"><strong>The first group</strong></p><ul><li>One item</li><li>Two items</li></ul>' in en
    assert "<ul><li data-verbatim>一项</li><li data-verbatim>二项</li></ul>" in en
    assert "example.org/video" not in zh and "1." not in en


def test_an_english_source_quote_on_the_timeline_carries_our_translation_on_chinese_pages(data_dir):
    edit(data_dir / "timeline.yaml", "    source: talk\n", '    source: talk\n    quote: "we are announcing two models"\n'
         '    translation: "我们今天发布两个模型"\n')
    story = load_story(data_dir)
    zh = render("{{ timeline }}", "zh", story, "fact-check/")
    en = render("{{ timeline }}", "en", story, "en/fact-check/")
    assert '<q class="o3-note" lang="en" data-search-exclude>we are announcing two models</q>' in zh
    assert '<span class="o3-note o3-gloss">（本站译文：我们今天发布两个模型）</span>' in zh
    assert "we are announcing two models" in en and "我们今天发布两个模型" not in en


def test_the_outline_carries_the_flags_of_the_checks_on_its_words(data_dir):
    edit(data_dir / "factcheck.yaml", "quote: \"准确率约为71.7%\"", "quote: \"二项\"")
    out = render("{{ outline }}", "en", load_story(data_dir), "en/transcript/")
    assert 'href="#check-wrong-number"' in out and '<q lang="zh-Hans">二项</q>' in out


EVIDENCE = re.compile(r'<script type="application/json" class="o3-evidence-data">[^<]*</script>\n<script src="[^"]*evidence.js" defer></script>')
HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>*x*'
ATTRIBUTE = re.compile(r'\s[a-z-]+="[^"]*"')


def no_markdown_markup(page: str) -> bool:
    """`*x*` of a data string stays text: none in the page's text (attributes, which Markdown does not
    read, aside), and Markdown, run over the page as MkDocs does, makes no emphasis of it."""
    import markdown

    return "*x*" not in ATTRIBUTE.sub("", page) and "<em>x</em>" not in markdown.markdown(page, extensions=["attr_list", "md_in_html"])


def test_data_strings_are_escaped_everywhere(data_dir):
    edit(data_dir / "figures/a.yaml", "    model: M1\n", f"    model: '{HOSTILE}'\n")
    edit(data_dir / "models.yaml", "  - name: M1\n", f"  - name: '{HOSTILE}'\n    kind: model\n  - name: M1\n")
    edit(data_dir / "sources.yaml", "    title: A paper\n", f"    title: '{HOSTILE}'\n")
    story = load_story(data_dir)
    page = "\n".join(
        render(f"{{{{ {name} }}}}", lang, story, "")
        for name in ("figures", "sources", "cards m.bench", "table m.bench", "fig m.bench")
        for lang in ("zh", "en")
    )
    from o3story.render.explorer import SCRIPTS

    for src in SCRIPTS:  # the explorer's own script tags are the only ones allowed
        page = page.replace(f'<script src="{src}" defer></script>', "")
    # and the evidence blocks (JSON with no <, > or &: see test_evidence.py), which Markdown leaves alone
    blocks = EVIDENCE.findall(page)
    assert blocks and all(b in markdown.markdown(page, extensions=["attr_list", "md_in_html"]) for b in blocks)
    page = EVIDENCE.sub("", page)
    assert "<script" not in page and "<img" not in page and no_markdown_markup(page)
    assert "&lt;script&gt;" in page


def test_changelog_renders_every_change_in_both_languages(story):
    en = html.unescape(render("{{ changelog }}", "en", story, "en/methods/"))
    zh = html.unescape(render("{{ changelog }}", "zh", story, "methods/"))
    assert "Audit of 2026-12-01: 2 changes." in en and "审核（2026-12-01）：改动 2 处。" in zh
    assert en.count("<tr>") == zh.count("<tr>") == 2 + 1  # a header row and one row per change
    assert "Every record checked." in en and "逐条核对。" in zh
    assert "The source says more." in en and "原文更长。" in zh
    assert "(new)" in en and "（新增）" in zh  # the second change has no 'was'
    # was, now: the record's words as they stood, marked with their language (an English page shows the
    # project's translation beside Chinese words where the transcript's translation has them)
    assert re.search(r'<td data-label="Was"><span lang="zh-Hans" data-verbatim>约为71\.7%</span>[^<]*(<span class="o3-gloss" lang="en">[^<]*</span>)?</td>'
                     r'<td data-label="Now"><span lang="zh-Hans" data-verbatim>准确率约为71\.7%</span>', en), en
    # the source's words, in both languages
    assert all(re.search(r'<q><span lang="zh-Hans" data-verbatim>准确率约为71\.7%</span>', page) for page in (en, zh))


def test_a_changed_check_quote_carries_the_check_s_own_translation(data_dir):
    """A fact-check's quote in the changelog is glossed with the check's own translation of those words,
    not the whole transcript line that holds them (it glossed a whole key point)."""
    edit(data_dir / "changelog.yaml", "      - record: m.bench\n        kind: figure\n", "      - record: wrong-number\n        kind: check\n")
    edit(data_dir / "factcheck.yaml", "    judges: transcript\n", '    judges: transcript\n    translation: "accuracy of about 71.7%"\n', )
    en = html.unescape(render("{{ changelog }}", "en", load_story(data_dir), "en/methods/"))
    now = re.search(r'<td data-label="Now">(.*?)</td>', en, re.S).group(1)
    assert "准确率约为71.7%" in now and '<span class="o3-gloss" lang="en">(our translation: accuracy of about 71.7%)</span>' in now, now


def test_changelog_texts_show_no_template_syntax():
    """An old or new wording that holds {{ fig ID }}, {{ translated }} or {{ turn N }} shows them as the
    reader met them, never as template syntax: in the wording's own language (an English wording on a
    Chinese page says "9.7 percentage points", not "9.7 个百分点"), linked where that is the page's.
    A value without words (a minute, a number) gets no translation beside it."""
    from conftest import ROOT

    real = load_story(ROOT / "data")
    with_token = [c for a in real.data.audits for c in a.changes for v in (c.was, c.now) if v and "{{" in v]
    assert with_token  # the real changelog has such texts
    for lang, url in (("en", "en/methods/"), ("zh", "methods/")):
        page = html.unescape(render("{{ changelog }}", lang, real, url))
        audits = "".join(re.findall(r'<details class="o3-audit".*?</details>', page, flags=re.S))
        assert audits.count("<tr>") > len(real.data.audits)
        assert "{{" not in audits and "}}" not in audits, re.findall(r".{60}\{\{.{60}", audits)[:3]
        cells = re.findall(r'<td data-label="[^"]+"><span lang="([^"]+)" data-verbatim>(.*?)</span>(.*?)</td>', audits, flags=re.S)
        english = [text for code, text, _ in cells if code == "en"]
        # (an English note may quote a Chinese word; a value in Chinese form it may not)
        chinese_values = re.compile(r"个百分点|第\s*\d+\s*段|约\s*\d|\d\s*美元")
        assert english and not [c for c in english if chinese_values.search(re.sub(r"<[^>]+>", "", c))], \
            [c for c in english if chinese_values.search(c)][:3]
        if lang == "en":
            assert any('class="o3-fig"' in c for c in english) and any('class="o3-tr"' in c for c in english)
        else:
            assert any("percentage points" in c for c in english) and any("turn 42" in c for c in english)
        # a bare value ("4", a minute) has no gloss: only words are translated
        assert not [text for code, text, after in cells if not re.search(r"[^\W\d_]", text) and "o3-gloss" in after]


def test_an_audit_of_one_change_says_so_in_the_singular():
    from conftest import ROOT

    real = load_story(ROOT / "data")
    one = next(a for a in real.data.audits if len(a.changes) == 1)
    en = html.unescape(render("{{ changelog }}", "en", real, "en/methods/"))
    zh = html.unescape(render("{{ changelog }}", "zh", real, "methods/"))
    assert re.search(rf"Audit of {one.date.isoformat()}( \(\d+ of \d+\))?: 1 change\.", en) and not re.search(r"\b1 changes", en)
    assert re.search(rf"审核（{one.date.isoformat()}(，当天第 \d+ 次，共 \d+ 次)?）：改动 1 处。", zh)


def test_audits_of_one_day_are_numbered_and_all_are_newest_first():
    """Several audits on one day read apart ("Audit of 2026-12-06 (2 of 7)", oldest first), and the
    audits stand newest first whatever their order in the file (one of 2026-12-04 stood below two of
    2026-12-01)."""
    from conftest import ROOT

    real = load_story(ROOT / "data")
    en = html.unescape(render("{{ changelog }}", "en", real, "en/methods/"))
    headings = re.findall(r"<strong>Audit of (\d{4}-\d\d-\d\d)(?: \((\d+) of (\d+)\))?: ", en)
    assert len(headings) == len(real.data.audits)
    days = [d for d, _, _ in headings]
    assert days == sorted(days, reverse=True)
    for day in set(days):
        nth = [(n, of) for d, n, of in headings if d == day]
        if len(nth) == 1:
            assert nth == [("", "")]
        else:
            assert nth == [(str(len(nth) - i), str(len(nth))) for i in range(len(nth))], (day, nth)
    assert any(len([d for d in days if d == day]) > 1 for day in days)  # the real changelog has such a day


def test_changelog_strings_are_escaped(data_dir):
    edit(data_dir / "changelog.yaml", '        now: "A new note."\n', f"        now: '{HOSTILE}'\n")
    edit(data_dir / "changelog.yaml", '        source_text: "准确率约为71.7%"\n', f"        source_text: '{HOSTILE}'\n")
    edit(data_dir / "changelog.yaml", "        field: note\n", f"        field: '{HOSTILE}'\n")
    story = load_story(data_dir)
    page = "\n".join(render("{{ changelog }}", lang, story, "") for lang in ("zh", "en"))
    assert "<script" not in page and "<img" not in page and no_markdown_markup(page)
    assert page.count("&lt;script&gt;") == 6


def test_timeline_shows_the_event_quote_escaped(data_dir):
    edit(data_dir / "timeline.yaml", "    source: paper\n", f"    source: paper\n    quote: '{HOSTILE}'\n    translation: '{HOSTILE}'\n")
    story = load_story(data_dir)
    page = render("{{ timeline }}", "en", story, "en/")
    assert "<script" not in page and '<q class="o3-note" lang="en" data-search-exclude>&lt;script&gt;' in page
    page = render("{{ timeline }}", "zh", story, "")  # the translation beside it
    assert "<script" not in page and '<span class="o3-note o3-gloss">（本站译文：&lt;script&gt;' in page


# --- blocks kept out of the generator's way (render(kept=...) and restore) --------------------------

def real_pages():
    from pathlib import Path

    docs = Path(__file__).resolve().parents[2] / "docs"
    return sorted(p.relative_to(docs).as_posix() for p in docs.rglob("*.md"))


@pytest.fixture(scope="module")
def site_markdown():
    """A Markdown converter with mkdocs.yml's extensions, as the generator builds one per page."""
    from pathlib import Path

    from mkdocs.config import load_config

    config = load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml"))
    return lambda: markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


@pytest.mark.parametrize("rel", real_pages())
def test_kept_blocks_come_back_as_the_generator_would_have_written_them(rel, site_markdown):
    """Every page of the site: its Markdown with the whole-line blocks kept out, converted, then the blocks
    put back, is the HTML of its Markdown converted whole (the same bytes)."""
    from pathlib import Path

    from o3story.data.story import load_story as load
    from o3story.render.pages import restore

    root = Path(__file__).resolve().parents[2]
    story = real_story(load, root)
    lang = rel.rsplit(".", 2)[-2]
    text = (root / "docs" / rel).read_text(encoding="utf-8")
    whole = render(text, lang, story, "x/", images=True, site_url="https://example.org/", version="v", repo_url="")
    kept: list[str] = []
    out = render(text, lang, story, "x/", kept=kept, images=True, site_url="https://example.org/", version="v", repo_url="")
    assert len(out) < len(whole) / 2 or not kept  # most of a page's bytes are its blocks
    assert restore(site_markdown().convert(out), kept) == site_markdown().convert(whole)


_REAL = {}


def real_story(load, root):
    if "story" not in _REAL:
        _REAL["story"] = load(root / "data")
    return _REAL["story"]


@pytest.mark.parametrize("block, lines", [
    ('<figure id="a"><p>x</p></figure><script src="s.js" defer></script>', '<figure id="a"><p>x</p></figure>\n<script src="s.js" defer></script>'),
    ('<div><img src="a.png" alt="x"><br></div><p>a <b>b</b></p>', '<div><img src="a.png" alt="x"><br></div>\n<p>a <b>b</b></p>'),
    ('<script type="application/json">{"a": "</div><p>"}</script><p>x</p>', '<script type="application/json">{"a": "</div><p>"}</script>\n<p>x</p>'),
    ('<p title="a > b">x</p><!-- note --><hr><p>y</p>', '<p title="a > b">x</p>\n<!-- note --><hr>\n<p>y</p>'),
    ('<p>one</p>\n<p>two</p>', '<p>one</p>\n<p>two</p>'),
])
def test_each_top_level_element_of_a_kept_block_gets_its_own_line(block, lines):
    from o3story.render.pages import top_level_lines

    assert top_level_lines(block) == lines


def test_a_markdown_link_in_the_article_shows_as_its_words(story):
    """The transcript article's text is Markdown: a link shows to its readers as its words (turn 25 of the
    real transcript links 任何人都可以在arcprize.org to a garbled address). A number inside the address is
    not a number said; one after the link keeps its place."""
    from o3story.data.claims import Span
    from o3story.render.context import PageContext

    text = "[任何人都可以在arcprize.org](http://xn--arcprize-te1m1nxh13bu15bb4k6w2t.org/)找到准确率约为71.7%"
    fig = next(f for f in story.data.figures if f.value == 71.7)
    at = text.index("71.7%")
    inside = text.index("13bu15")  # digits in the address
    spans = [Span(1, 0, inside, inside + 2, "13"), Span(1, 0, at, at + 5, "71.7%", figure=fig.id)]
    out = str(PageContext(story, "zh", "transcript/").marked(text, spans, "zh"))
    shown = html.unescape(re.sub(r"<[^>]+>", "", out))
    assert shown == "任何人都可以在arcprize.org找到准确率约为71.7%", shown
    assert f"fig-{fig.id}" in out  # the figure after the link is still linked


def test_the_real_outline_flags_every_check_on_its_words_in_its_group():
    """Every check whose quote stands in the article's outline is flagged there, in the group that holds
    it, also when the summary repeats the words (the "20%" of SWE-bench, which the summary has too)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    story = real_story(load_story, root)
    out = render("{{ outline }}", "zh", story, "transcript/")
    lines = story.transcript.preamble[1:]
    quoted = [c for c in story.data.checks if any(c.quote in line for line in lines)]
    assert any(c.id == "swe-bench-twenty-percent-summary" for c in quoted) and len(quoted) >= 7
    groups = out.split('<div class="o3-turn o3-outline__group">')[1:]
    for c in quoted:
        (group,) = [g for g in groups if f"#check-{c.id}" in g]
        assert c.quote in html.unescape(group.split('class="o3-turn__flag"')[0]), c.id  # the words, before the flags
