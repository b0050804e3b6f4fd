"""One truth per judgement: every verdict lives once, in data (scorecard.yaml, factcheck.yaml), follows the
written scale (verdicts.yaml), and every page that states one is generated from it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
import yaml

from o3story.data.model import CHECK_VERDICTS, VERDICTS
from o3story.render.i18n import t

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
I18N = ROOT / "scripts" / "o3story" / "render" / "i18n"
# Words that state a verdict in prose, besides the scale's own labels.
VERDICT_WORDS = {"en": ["held up", "did not hold", "didn't hold"], "zh": ["站得住", "没有站住", "未站住"]}


def typed_verdicts(text: str, lang: str, grades) -> list[str]:
    labels = [g.label[lang] for g in grades if g.scale == "claims"] + VERDICT_WORDS[lang]
    plain = re.sub(r"\{\{[^}]*\}\}", " ", text)  # placeholders are generated from data
    return [w for w in labels if re.search(re.escape(w), plain, re.I if lang == "en" else 0)]


def test_no_page_or_chart_text_types_a_verdict(story):
    """Pages and chart texts state verdicts only through generated blocks ({{ scorecard }},
    {{ verdicts }}, {{ compare }}, the fact-check page); a verdict typed into prose is an error."""
    found = []
    for path in sorted(DOCS.rglob("*.md")):
        lang = "en" if path.name.endswith(".en.md") else "zh"
        found += [(path.name, w) for w in typed_verdicts(path.read_text(encoding="utf-8"), lang, story.data.grades)]
    for path in sorted(I18N.glob("*/chart-*.yaml")):
        lang = path.parent.name
        for key, text in yaml.safe_load(path.read_text(encoding="utf-8")).items():
            found += [(f"{path.parent.name}/{path.name}:{key}", w) for w in typed_verdicts(str(text), lang, story.data.grades)]
    assert not found


def test_the_check_catches_the_old_overview():
    # The overview before verdicts were generated: its hand-typed lists are what this check forbids.
    old_en = "## What held up, and what did not\n\n**Held up:**\n\n- o3-mini shipped ...\n\n**Did not hold up, or needs a discount:**"
    old_zh = "## 哪些说法站得住，哪些没有\n\n**站得住的：**"
    from o3story.data.model import Grade, Text

    grades = [Grade(id=v, scale="claims", label=Text(zh=z, en=e), legend=Text(zh="x", en="x"), test=Text(zh="x", en="x"))
              for v, z, e in (("held", "站得住", "Held"), ("partly-held", "部分站得住", "Partly held"))]
    assert typed_verdicts(old_en, "en", grades)
    assert typed_verdicts(old_zh, "zh", grades)


def test_every_verdict_in_data_is_on_the_written_scale(story):
    claims = [g.id for g in story.data.grades if g.scale == "claims"]
    checks = [g.id for g in story.data.grades if g.scale == "checks"]
    assert claims == list(VERDICTS) and checks == list(CHECK_VERDICTS)
    assert {c.verdict for c in story.data.claims} <= set(claims)
    assert {c.verdict for c in story.data.checks} <= set(checks)


def _content(page_html: str) -> str:
    return page_html[page_html.index('<article class="md-content__inner'):page_html.index("</article>")]


@pytest.mark.parametrize("lang,page", [("zh", ""), ("en", "en/")])
def test_overview_groups_each_claim_under_its_verdict_from_data(site, story, lang, page):
    body = _content(site.html(page))
    block = body[body.index('<div class="o3-verdicts"'):]
    block = block[: block.index("</div>")]
    groups = re.split(r'<p class="o3-verdicts__group">', block)[1:]
    seen = {}
    for g in groups:
        verdict = re.search(r'o3-verdict--([a-z-]+)"', g).group(1)
        label = html.unescape(re.search(r'o3-verdict--[a-z-]+"[^>]*>([^<]+)</a>', g).group(1))
        assert label == story.data.grade(verdict).label[lang]
        for claim_id in re.findall(r'href="#claim-([^"]+)"', g):
            seen[claim_id] = verdict
    assert seen == {c.id: c.verdict for c in story.data.claims}
    # the scorecard, its tally and the compare cards say the same
    for c in story.data.claims:
        assert f'<li class="o3-claim o3-claim--{c.verdict}" id="claim-{c.id}">' in body
    for card in re.finditer(r'id="compare-([^"]+)".*?o3-verdict--([a-z-]+)"', body, re.S):
        assert card.group(2) == next(c.verdict for c in story.data.claims if c.id == card.group(1))


@pytest.mark.parametrize("lang,page", [("zh", ""), ("en", "en/")])
def test_methods_page_prints_the_scale_and_the_scorecard_its_legend(site, story, lang, page):
    methods = html.unescape(site.html(page + "methods/"))
    for g in story.data.grades:
        assert f'id="verdict-{g.id}"' in methods
        assert g.label[lang] in methods and g.test[lang] in methods
    overview = html.unescape(site.html(page))
    legend = overview[overview.index('class="o3-scorecard__legend"'):]
    legend = legend[: legend.index("</p>")]
    for v in {c.verdict for c in story.data.claims}:
        assert story.data.grade(v).legend[lang] in legend
    assert t(lang, "scorecard.scale") in legend


@pytest.mark.parametrize("lang,page", [("zh", "fact-check/"), ("en", "en/fact-check/")])
def test_a_check_card_names_its_claim_s_scorecard_verdict_from_data(site, story, lang, page):
    """A check rates how a claim was put; the scorecard rates whether it held. A card that links its
    claim gives the scorecard's verdict beside the link, from the claim's one record, so two verdicts
    on one card never read as a contradiction."""
    body = html.unescape(_content(site.html(page)))
    claims = {c.id: c for c in story.data.claims}
    linked = [c for c in story.data.checks if c.claim and c.judges != "transcript"]
    assert linked
    for c in linked:
        card = body[body.index(f'id="check-{c.id}"'):]
        card = card[: card.index('class="o3-check ', 1) if 'class="o3-check ' in card[1:] else len(card)]
        line = re.search(r'o3-check__claim">.*?</p>', card, re.S).group(0)
        claim = claims[c.claim]
        assert f'#claim-{claim.id}"' in line
        assert t(lang, "check.claim_verdict", verdict=story.data.grade(claim.verdict).label[lang]) in line, (c.id, line)
