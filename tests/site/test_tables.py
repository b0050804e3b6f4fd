"""No table wider than its column, none cutting a value: every page, both languages, at 360 px
(touch) and 1280 px, with every folded block opened; at 1280 px a changelog's record ids and field
names break only between their words (at a hyphen, after a dot). On the same visits, no heading or
chart title breaks a name at its hyphen ("GPT-" at a line's end, "4o" on the next, in the English
safety page's headline at 360 px). Figures go to .cache/tables.json."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import record_figures
from o3story.data.locale import LANGS

pytestmark = pytest.mark.browser

OUT = Path(__file__).resolve().parents[2] / ".cache" / "tables.json"

# For each table in the article: how much wider it is than the column it sits in, and the cells whose
# text runs past their own box (a cut value). The theme wraps each table in a box that scrolls
# sideways: a table wider than the article's column is a table the reader must scroll to read.
MEASURE = r"""
() => {
  document.querySelectorAll('article details').forEach(d => { d.open = true; });
  const column = document.querySelector('article').getBoundingClientRect();
  const out = [];
  for (const table of document.querySelectorAll('article table')) {
    const r = table.getBoundingClientRect();
    if (r.width === 0) continue;
    const cut = [];
    for (const cell of table.querySelectorAll('td, th')) {
      if (cell.getBoundingClientRect().width === 0) continue;
      const sr = cell.querySelector('.o3-x__sr');  // a name for screen readers only, hidden on purpose
      if (sr && sr.textContent.trim() === cell.textContent.trim()) continue;
      if (cell.scrollWidth > cell.clientWidth + 1) cut.push(cell.textContent.trim().slice(0, 30));
    }
    const wider = Math.max(r.right - column.right, column.left - r.left, table.scrollWidth - table.parentElement.clientWidth);
    // a record id or field name broken inside a word (at page width: on a phone, a row is a list)
    if (innerWidth >= 720) for (const code of table.querySelectorAll('.o3-changelog td:nth-child(-n+2) code')) {
      const lines = []; let top = null, line = '';
      const walk = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
      for (let t = walk.nextNode(); t; t = walk.nextNode()) for (let i = 0; i < t.length; i++) {
        const range = document.createRange(); range.setStart(t, i); range.setEnd(t, i + 1);
        const y = Math.round(range.getBoundingClientRect().top);
        if (top !== null && y > top + 2) { lines.push(line); line = ''; }
        top = y; line += t.data[i];
      }
      lines.push(line);
      if (lines.slice(0, -1).some(l => !/[-._]$/.test(l))) cut.push(lines.join('|'));
    }
    if (wider > 1 || cut.length) out.push({table: ((table.closest('[id]') || {}).id || '') + ' ' + ((table.closest('.o3-table, .o3-x, .o3-audit, section, div[class^=o3]') || {}).className || '') + ' ' + table.querySelector('th, td').textContent.trim().slice(0, 20), wider: Math.round(wider), cut: cut.slice(0, 5)});
  }
  return out;
}
"""


# Every heading and chart title of the article, as it is laid out: the names (below) that a line break
# falls inside of, with the lines it makes.
BROKEN_NAMES = r"""
(names) => {
  const out = [];
  for (const el of document.querySelectorAll('article h1, article h2, article h3, article h4, article .o3-chart__title')) {
    if (!el.getClientRects().length) continue;
    let text = '', starts = [], top = null;
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let t = walk.nextNode(); t; t = walk.nextNode()) {
      if (t.parentElement.closest('.headerlink')) continue;  // the permalink sign
      for (let i = 0; i < t.length; i++) {
        const range = document.createRange(); range.setStart(t, i); range.setEnd(t, i + 1);
        const r = range.getBoundingClientRect();
        if (!r.width && !r.height) { text += t.data[i]; continue; }
        const y = Math.round(r.top);
        if (top !== null && y > top + 2) starts.push(text.length);
        top = y; text += t.data[i];
      }
    }
    for (const name of names) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1))
      if (starts.some(s => s > at && s < at + name.length))
        out.push(name + ': ' + [0, ...starts].map((s, k, a) => text.slice(s, a[k + 1])).join(' | ').trim());
  }
  return out;
}
"""
NAME = re.compile(r"[A-Za-z0-9@.]+(?:-[A-Za-z0-9@.]+)+")


def hyphenated_names(story) -> list[str]:
    """The names a line must not break inside: every hyphenated word of a model's, a metric's or a
    glossary term's name, in either language (o3-mini, GPT-4o, ARC-AGI-1, o3-2025-04-16)."""
    data = story.data
    words = [m.name for m in data.models if m.kind == "model"] + [m.label[lang] for m in data.models if m.label for lang in LANGS]
    words += [m.name[lang] for m in data.metrics for lang in LANGS] + [g.term[lang] for g in data.glossary for lang in LANGS]
    return sorted({n for w in words for n in NAME.findall(w)}, key=len, reverse=True)


@pytest.mark.long
@pytest.mark.parametrize("width", [360, 1280])
def test_no_table_is_wider_than_its_column_or_cuts_a_value(site, tab, story, width):
    phone = width == 360
    page = tab(viewport={"width": width, "height": 800 if phone else 900}, has_touch=phone, is_mobile=phone)
    found, broken = {}, {}
    names = hyphenated_names(story)
    assert {"GPT-4o", "o3-mini", "ARC-AGI-1"} <= set(names), names
    for path in site.pages():
        if path.startswith("embed/") or path in ("404.html",):
            continue
        page.goto(site.url + path, wait_until="load")
        bad = page.evaluate(MEASURE)
        if bad:
            found[path or "/"] = bad
        if phone and (bad := page.evaluate(BROKEN_NAMES, names)):
            broken[path or "/"] = bad
    record_figures(OUT, {str(width): found, f"{width} names broken": broken}, ensure_ascii=False)
    assert not found, found
    assert not broken, broken


@pytest.mark.parametrize("path", ["fact-check/", "en/fact-check/", "methods/", "en/methods/"])
def test_on_a_phone_a_stacked_row_shows_no_label_with_nothing_under_it(site, tab, path):
    """A list row on a phone gives a line to each cell under its column's name; a cell that only says
    "none" (–), such as the timeline's promise for an event nobody promised or a change's source text
    where the change quotes none, takes no line."""
    page = tab(viewport={"width": 360, "height": 800}, has_touch=True, is_mobile=True)
    page.goto(site.url + path, wait_until="load")
    stacked = ".o3-timeline td" if "fact-check" in path else ".o3-changelog td"
    shown = page.evaluate("""sel => [...document.querySelectorAll(sel)]
        .filter(td => td.getClientRects().length).map(td => td.textContent.trim())""", stacked)
    assert len(shown) > 40, len(shown)  # the rows, stacked
    assert not [s for s in shown if s in ("", "–")], [s for s in shown if s in ("", "–")][:3]
    hidden = page.locator(stacked + ".o3-stack__none")
    assert hidden.count() > 5 and not hidden.first.is_visible()
    if "fact-check" in path:
        # the timeline's small print (kind badges, the promise's dates and reason, the source's words) is
        # at least 12 px: it was 9.6 and 10.9 px, the promise the hardest thing on the page to read
        small = page.evaluate("""() => [...document.querySelectorAll('.o3-timeline .o3-badge, .o3-timeline .o3-note')]
            .filter(e => e.getClientRects().length).map(e => [e.className, parseFloat(getComputedStyle(e).fontSize)])""")
        assert len(small) > 20 and min(size for _, size in small) >= 12, sorted(small, key=lambda s: s[1])[:3]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_embed_s_data_table_fits_a_phone_s_frame(site, tab, lang):
    """An embedded chart's data table, opened in a frame a phone's column wide (344 px: a 360 px phone
    less the host page's margins), reads as a list that fits the frame, as on the site's own pages."""
    page = tab(viewport={"width": 344, "height": 800}, has_touch=True, is_mobile=True)
    found = {}
    charts = [p for p in site.embeds() if "scorecard" not in p]
    assert len(charts) >= 8, charts
    for path in charts:
        page.goto(f"{site.url}{path}?lang={lang}", wait_until="load")
        bad = page.evaluate("""() => {
            const data = [...document.querySelectorAll('details.o3-embed__data')].find(d => d.getClientRects().length);
            data.open = true;
            const width = document.documentElement.clientWidth;
            const cells = [...data.querySelectorAll('td')].filter(td => td.getClientRects().length);
            const out = cells.filter(td => td.getBoundingClientRect().right > width + 1 || td.scrollWidth > td.clientWidth + 1)
                .map(td => td.textContent.trim().slice(0, 30));
            if (document.documentElement.scrollWidth > width + 1) out.push('page scrolls sideways');
            if (!cells.length || getComputedStyle(cells[0]).display !== 'block') out.push('not a list');
            return out;
        }""")
        if bad:
            found[path] = bad[:5]
    assert not found, found
