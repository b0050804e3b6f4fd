"""The evidence data block of a page (render/evidence.py): one entry for every number the page links,
the values as the page shows them, data strings that can neither end the script element nor become markup."""

from __future__ import annotations

import json
import re

import markdown
import pytest

from conftest import ROOT, edit
from o3story.data.story import load_story
from o3story.render import charts, evidence, glosses, templating
from o3story.render.fmt import value
from o3story.render.context import PageContext
from o3story.render.pages import render

BLOCK = re.compile(r'<script type="application/json" class="o3-evidence-data">([^<]*)</script>\n<script src="([^"]*)" defer></script>')
HOSTILE = '</script><script>alert(1)</script>"><img src=x onerror=alert(2)>*x* & [a](b)'


def evidence_of(page: str) -> tuple[dict, str]:
    (found,) = BLOCK.findall(page)
    return json.loads(found[0]), found[1]


@pytest.mark.parametrize("doc,lang,url", [
    ("index.zh.md", "zh", ""), ("index.en.md", "en", "en/"), ("transcript.en.md", "en", "en/transcript/"),
    ("transcript.zh.md", "zh", "transcript/"), ("fact-check.en.md", "en", "en/fact-check/"), ("o3-mini.zh.md", "zh", "o3-mini/"),
])
def test_every_number_the_page_links_has_its_evidence(story, doc, lang, url):
    page = render((ROOT / "docs" / doc).read_text(encoding="utf-8"), lang, story, url)
    data, script = evidence_of(page)
    linked = set(re.findall(r'data-figure="([^"]+)"', BLOCK.sub("", page)))
    assert linked and set(data["figures"]) == linked  # every one, and only those
    assert script == "../" * url.count("/") + "assets/evidence.js"
    r = PageContext(story, lang, url)
    for fig_id, e in data["figures"].items():
        fig = story.data.figure(fig_id)
        assert e["value"] == value(fig, lang)
        assert e["record"] == r.record_link(fig) and data["sources"][e["source"]]["url"] == story.data.source(fig.source).url
        assert e.get("quote", {}).get("text") == fig.quote
        if fig.id in r.chart_of():
            assert e["chart"] == r.figure_target(fig.id)
    for key in evidence.STRINGS:
        assert data["strings"][key]


def test_a_page_without_numbers_carries_nothing(story):
    assert "o3-evidence-data" not in render("# Charts\n\n{{ chart-list }}\n", "en", story, "en/charts/")
    assert "o3-evidence-data" not in render("{{ chart arc-agi-cost }}", "en", story, "en/charts/arc-agi-cost/")


def test_english_pages_give_the_translation_of_a_transcript_quote(story):
    # a number only the Chinese transcript has (the live demo's score): its quote is the transcript's
    fid = "o3-mini.gpqa-diamond.low.live-demo"
    assert story.data.source(story.data.figure(fid).source).kind == "transcript"
    page = render(f"{{{{ fig {fid} }}}}", "en", story, "en/")
    quote = evidence_of(page)[0]["figures"][fid]["quote"]
    assert quote["text"] == story.data.figure(fid).quote and quote["lang"] == "zh-Hans"
    # the sentence of the aligned English paragraph that holds the same number, verbatim from the translation
    assert "61.62%" in quote["translation"]
    turn = story.transcript.turn_with(quote["text"])
    assert any(quote["translation"] in p for p in story.translation.turn(turn.n).paragraphs)
    assert "translation" not in evidence_of(render(f"{{{{ fig {fid} }}}}", "zh", story, ""))[0]["figures"][fid]["quote"]


def test_a_number_said_on_the_livestream_quotes_openai_s_video(story):
    # OpenAI's own words (its video's captions), in English, on both pages: no translation needed
    for lang, page in (("en", "en/"), ("zh", "")):
        quote = evidence_of(render("{{ fig o3.swe-bench-verified }}", lang, story, page))[0]["figures"]["o3.swe-bench-verified"]["quote"]
        assert quote["text"] == "we're seeing that 03 [o3] performs at about 71.7% accuracy" and quote["lang"] == "en"
        assert "translation" not in quote


def test_a_fact_check_s_translation_translates_its_quote_not_the_line_around_it(story):
    """On the English fact-check page a Chinese quote carries "our translation". Where a check quotes
    part of a sentence (the summary's "比 o1 提升 20%"), the aligned sentence or line would translate more
    than the quote: its other numbers (71.7%, 2727, 96.7%) read as the quoted words'. The English given
    beside a quote holds no number the quote does not."""
    from o3story.data import claims

    ctx = PageContext(story, "en", "en/fact-check/")
    extra = {}
    for c in story.data.checks:
        gloss = ctx.check_gloss(c)
        more = {tok for _, _, tok in claims.numbers(gloss)} - {tok for _, _, tok in claims.numbers(c.quote)}
        if gloss and more:
            extra[c.id] = (c.quote, gloss, sorted(more))
    assert not extra, extra


def test_translation_is_the_whole_paragraph_when_no_single_sentence_holds_the_numbers(data_dir):
    story = load_story(data_dir)
    r = PageContext(story, "en", "en/")
    turn = story.transcript.turn_with("准确率约为71.7%")
    paragraph = story.translation.turn(turn.n).paragraphs[0]
    assert glosses.translation(r.story, "准确率约为71.7%") in (paragraph, *re.split(r"(?<=[.!?])\s+", paragraph))
    assert glosses.translation(r.story, "not in the transcript") is None


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_hostile_strings_cannot_end_the_block_nor_become_markup(data_dir, lang):
    quoted = HOSTILE.replace("\\", "\\\\").replace('"', '\\"')
    edit(data_dir / "figures/a.yaml", "    model: M1\n", f'    model: "{quoted}"\n')
    with (data_dir / "models.yaml").open("a", encoding="utf-8") as f:  # an allowed name, so that it reaches the page
        f.write(f'  - name: "{quoted}"\n    kind: model\n')
    edit(data_dir / "figures/a.yaml", "    locator: Table 1\n", f'    locator: "{quoted}"\n')
    edit(data_dir / "sources.yaml", "    title: A paper\n", f'    title: "{quoted}"\n')
    story = load_story(data_dir)
    page = render("{{ fig m.bench }} {{ fig m.bench.paper }}", lang, story, "")
    (found,) = BLOCK.findall(page)
    text = found[0]
    assert "<" not in text and ">" not in text and "&" not in text
    data = json.loads(text)
    assert data["figures"]["m.bench"]["label"].startswith(HOSTILE)  # the same string, once decoded
    assert data["figures"]["m.bench.paper"]["locator"] == HOSTILE
    assert data["sources"]["paper"]["title"] == HOSTILE
    assert page.count("<script") == 2 and "<img" not in page
    assert text in markdown.markdown(page, extensions=["attr_list", "md_in_html"])  # Markdown leaves the JSON alone


def test_script_json_refuses_unescaped_json():
    with pytest.raises(ValueError):
        templating.script_json(json.dumps({"a": "</script>"}))


def test_the_script_builds_the_popover_from_text_only():
    """evidence.js sets every data string with textContent (or as an href), never as HTML."""
    js = (ROOT / "docs" / "assets" / "evidence.js").read_text(encoding="utf-8")
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "document.write" not in js


def test_a_point_link_goes_to_a_drawn_point_in_the_view_that_shows_it(story):
    """"The point on its chart" is offered only for a record drawn as a point (its id in a trace's
    customdata, which the chart's script hovers), and names the view that draws it when that is not the
    chart's first. A line (the Grand Prize's 85%), a derived gap and an input price beside the output
    prices drawn opened the chart with nothing marked; a system card's point opened the paper's view."""
    ctx = PageContext(story, "en", "en/o3/")
    for not_drawn in ("arc.grand-prize-target", "o3.swe-bench-verified.gain-over-o1", "o3.price-input.release-2025-04"):
        assert not_drawn not in ctx.chart_of()
        assert ctx.figure_target(not_drawn).startswith("../methods/#fig-")
    card = ctx.figure_target("o3-mini.strongreject-goodness.system-card")
    assert card == ("../charts/refusal-vs-overrefusal/?view-refusal-vs-overrefusal=card"
                    "&point=o3-mini.strongreject-goodness.system-card#chart-refusal-vs-overrefusal")
    # a chart that shows the point in its first view is preferred to one that needs another view
    assert ctx.chart_of()["arc.o3-preview.semi-private.low-compute.cost-per-task.revised-2025-12"] == ("arc-repricing", None)
    # a view named is one of the chart's own buttons
    for chart_id, view in set(ctx.chart_of().values()):
        assert view is None or view in {v for v, _ in charts.views(charts.build(chart_id, story, "en"))}
