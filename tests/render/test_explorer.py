"""The data explorer on the methods page: the full table without JavaScript; with it, filters,
search (Chinese too), sorting, rows that open to their details, and a shareable address."""

from __future__ import annotations

import html as html_lib
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import AXE, CSP_WATCH, listen
from o3story.data.placeholders import TOKEN
from o3story.render import charts
from o3story.render.explorer import GROUP_SIZE

LANGS = {"zh": "methods/", "en": "en/methods/"}


# --- the page as built (no browser) -------------------------------------------------------------

@pytest.mark.parametrize("lang", list(LANGS))
def test_every_record_is_a_row_with_its_details(site, story, lang):
    html = site.html(LANGS[lang])
    ids = re.findall(r'<tr id="fig-([^"]+)" class="o3-x__row"', html)
    assert sorted(ids) == sorted(f.id for f in story.data.figures)
    for fig in story.data.figures:
        m = re.search(rf'<tr class="o3-x__details" id="fig-{re.escape(fig.id)}-details">(.*?)</tr>', html, re.S)
        assert m, fig.id
        details = html_lib.unescape(m[1])
        assert f'href="#fig-{fig.id}"' in m[1], fig.id  # the record's own link
        assert (fig.quote or fig.locator) in details, fig.id
        # the notes as written, each placeholder drawn ({{ translated }}: the translation mark, which
        # takes the point of a sentence that ends on it), never left as text
        assert fig.notes is None or all(part.removeprefix(".") in details for part in TOKEN.split(fig.notes[lang])[::3]), fig.id
        assert "{{" not in details, fig.id


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_source_filter_names_a_described_source_in_the_page_s_language(site, story, lang):
    """A source whose title is partly the project's description (`title_label`) is named as the page
    names it, publisher and title, in the page's language; one whose title is its own is named in the
    title's language and marked so. (The Chinese filter read "ARC Prize: ARC Prize 2024 (Kaggle
    competition description)".)"""
    select = re.search(r'<select[^>]*name="source".*?</select>', site.html(LANGS[lang]), re.S)[0]
    options = {html_lib.unescape(m[1]): (m[2], html_lib.unescape(m[3])) for m in
               re.finditer(r'<option value="([^"]+)"([^>]*)>(.*?)</option>', select, re.S)}
    described = [s for s in story.data.sources if s.title_label is not None and s.id in options]
    assert len(described) >= 3
    for s in described:
        attrs, text = options[s.id]
        assert 'lang="' not in attrs, (s.id, attrs)
        assert text.endswith(s.title_label[lang]) and text.startswith(s.publisher_in(lang)), (s.id, text)
    own = [s for s in story.data.sources if s.title_label is None and s.title_lang == "en" and s.id in options]
    assert own and all(options[s.id][0].strip().startswith('lang="en"') for s in own)
    # named as the pages name the publisher ("OpenAI (YouTube)", not "OpenAI"), and in the order of the names
    assert all(options[s.id][1].startswith(s.publisher_in("en") + ": ") for s in own)
    texts = [text for _, text in options.values()]
    assert texts == sorted(texts, key=str.casefold)


@pytest.mark.parametrize("lang", list(LANGS))
def test_the_model_filter_keeps_models_apart_from_references(site, story, lang):
    """The model filter lists models, then, in a group of their own, the references that are not models
    (a human panel, the Grand Prize target), each group by its label; every record's model is in one."""
    from o3story.render.i18n import t

    select = re.search(r'<select[^>]*name="model".*?</select>', site.html(LANGS[lang]), re.S)[0]
    groups = {html_lib.unescape(m[1]): [html_lib.unescape(v) for v in re.findall(r'<option value="([^"]+)"', m[2])]
              for m in re.finditer(r'<optgroup label="([^"]+)">(.*?)</optgroup>', select, re.S)}
    kinds = {m.name: m.kind for m in story.data.models}
    assert list(groups) == [t(lang, "explorer.kind.model"), t(lang, "explorer.kind.reference")]
    models, references = groups.values()
    assert models and all(kinds.get(m, "model") == "model" for m in models), models
    assert references and all(kinds[m] == "reference" for m in references), references
    assert sorted(models + references) == sorted({f.model for f in story.data.figures})
    for names in (models, references):
        labels = [story.data.model_label(m, lang) for m in names]
        assert labels == sorted(labels, key=str.casefold)


@pytest.mark.parametrize("lang", list(LANGS))
def test_records_come_in_row_groups(site, story, lang):
    """Several <tbody> of GROUP_SIZE records each (the last one shorter), every one kept out of the
    search index, each record followed by its own details row."""
    html = site.html(LANGS[lang])
    table = html[html.index('<div class="o3-table o3-x__table">'):html.index('<p class="o3-x__none"')]
    groups = re.findall(r"<tbody([^>]*)>(.*?)</tbody>", table, re.S)
    n = len(story.data.figures)
    assert len(groups) == -(-n // GROUP_SIZE) > 1
    sizes = [len(re.findall(r'class="o3-x__row"', body)) for _, body in groups]
    assert sizes == [GROUP_SIZE] * (len(groups) - 1) + [n - GROUP_SIZE * (len(groups) - 1)]
    assert all(attrs == " data-search-exclude" for attrs, _ in groups)
    for _, body in groups:
        pairs = re.findall(r'<tr (?:id="([^"]+)" class="o3-x__row"|class="o3-x__details" id="([^"]+)-details")', body)
        assert [a or b for a, b in pairs] == [x for a, _ in pairs[::2] for x in (a, a)]


def test_explorer_scripts_load_on_the_methods_page_only(site):
    for page in site.pages():
        html = site.html(page)
        here = "tablesort.min.js" in html or "explorer.js" in html
        assert here == (page in LANGS.values()), page
    for page in LANGS.values():
        html = site.html(page)
        assert html.index("vendor/tablesort.min.js") < html.index("vendor/tablesort.number.min.js") < html.index("assets/explorer.js")
        assert (site.root / "assets/vendor/tablesort.min.js").read_text(encoding="utf-8").startswith("/*!\n * tablesort v5.7.1")


# --- in the browser -------------------------------------------------------------------------------

@pytest.fixture
def page(site, tab):
    p = tab(viewport={"width": 1280, "height": 900}, init_script=CSP_WATCH)
    problems: list[str] = []
    listen(p, "console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    listen(p, "pageerror", lambda e: problems.append(f"pageerror: {e}"))
    yield p
    assert p.evaluate("window.__csp") == []
    assert not problems, problems


def visible_rows(page) -> list[dict]:
    """Visible records in display order: id, the row's text with its details, the value's sort key."""
    return page.evaluate("""() => [...document.querySelectorAll('tr.o3-x__row')].filter(r => !r.hidden).map(r => ({
        id: r.id, value: parseFloat(r.querySelector('[data-sort]').dataset.sort),
        text: (r.textContent + ' ' + document.getElementById(r.id + '-details').textContent).normalize('NFKC').toLowerCase()}))""")


def all_rows(page) -> list[dict]:
    return page.evaluate("""() => [...document.querySelectorAll('tr.o3-x__row')].map(r => ({id: r.id, hidden: r.hidden,
        text: (r.textContent + ' ' + [...document.getElementById(r.id + '-details').querySelectorAll('dd')].map(d => d.textContent).join(' '))
              .normalize('NFKC').toLowerCase()}))""")


def click(locator) -> None:
    """Click after scrolling the element to the middle of the window: scrolled only into view, it
    can sit under the theme's fixed header, which then takes the click."""
    locator.evaluate("el => el.scrollIntoView({block: 'center'})")
    locator.click()


def type_search(page, text: str) -> None:
    """Enter text as an input method does (Chinese cannot be typed key by key)."""
    box = page.locator("#o3-x-search")
    box.focus()
    box.select_text()
    page.keyboard.insert_text(text)


def assert_filtered(page, word: str, total: int) -> list[dict]:
    rows = all_rows(page)
    shown = [r for r in rows if not r["hidden"]]
    assert 0 < len(shown) < total, len(shown)
    assert all(word in r["text"] for r in shown)
    assert not any(word in r["text"] for r in rows if r["hidden"])  # nothing that matches is hidden
    return shown


@pytest.mark.browser
def test_filter_by_model_name_sort_and_reload_the_shared_url(site, story, page):
    total = len(story.data.figures)
    page.goto(site.url + "en/methods/")
    page.wait_for_selector(".o3-x--js")
    assert page.locator("#o3-x-search").is_visible()
    type_search(page, "o3-mini")
    shown = assert_filtered(page, "o3-mini", total)
    assert page.locator(".o3-x__count").inner_text() == f"{len(shown)} of {total} records"
    # sort by value: ascending, then descending (tablesort marks the heading)
    header = page.locator('th[data-key="value"]')
    click(header)
    assert header.get_attribute("aria-sort") == "ascending"
    values = [r["value"] for r in visible_rows(page)]
    assert values == sorted(values)
    click(header)
    assert header.get_attribute("aria-sort") == "descending"
    rows = visible_rows(page)
    assert [r["value"] for r in rows] == sorted(values, reverse=True)
    # each details row still sits under its own row
    assert page.evaluate("[...document.querySelectorAll('tr.o3-x__row')].every(r => r.nextElementSibling.id === r.id + '-details')")
    # narrow further with a select
    page.select_option("#o3-x-confidence", "stated")
    rows = visible_rows(page)
    assert rows and all("o3-mini" in r["text"] for r in rows)
    want = {f"fig-{f.id}" for f in story.data.figures if f.confidence == "stated"}
    assert {r["id"] for r in rows} <= want
    # the address holds the view; opening it elsewhere gives the same rows in the same order
    shared = page.url
    query = parse_qs(urlsplit(shared).query)
    assert query == {"search": ["o3-mini"], "confidence": ["stated"], "sort": ["value"], "order": ["desc"]}, query
    assert shared.startswith(site.url + "en/methods/")
    page.goto(site.url + "en/")  # leave, then come back by the shared address
    page.goto(shared)
    page.wait_for_selector(".o3-x--js")
    assert [r["id"] for r in visible_rows(page)] == [r["id"] for r in rows]
    assert page.locator("#o3-x-search").input_value() == "o3-mini"
    assert page.locator("#o3-x-confidence").input_value() == "stated"
    assert page.locator('th[data-key="value"]').get_attribute("aria-sort") == "descending"
    # clearing the filters shows every record again and empties the query
    click(page.locator(".o3-x__actions button[type=reset]"))
    page.wait_for_function("n => document.querySelectorAll('tr.o3-x__row:not([hidden])').length === n", arg=total)
    assert "search=" not in page.url and "confidence=" not in page.url


@pytest.mark.browser
def test_chinese_search_and_filter_by_source(site, story, page):
    total = len(story.data.figures)
    page.goto(site.url + "methods/")
    page.wait_for_selector(".o3-x--js")
    type_search(page, "低计算量")
    shown = assert_filtered(page, "低计算量", total)
    assert page.locator(".o3-x__count").inner_text() == f"显示 {len(shown)} / {total} 条记录"
    assert "search=%E4%BD%8E%E8%AE%A1%E7%AE%97%E9%87%8F" in page.url
    click(page.locator('th[data-key="date"]'))
    order = [r["id"] for r in visible_rows(page)]
    dates = [page.locator(f'[id="{i}"] .o3-x__c-date').inner_text() for i in order]
    assert dates == sorted(dates) and sorted(order) == sorted(r["id"] for r in shown)
    page.reload()
    page.wait_for_selector(".o3-x--js")
    assert [r["id"] for r in visible_rows(page)] == order
    assert page.locator("#o3-x-search").input_value() == "低计算量"
    # a source filter that leaves nothing with the search shows the "no record" line
    type_search(page, "")
    page.select_option("#o3-x-source", "baoyu-transcript")
    ids = {r["id"] for r in visible_rows(page)}
    assert ids == {f"fig-{f.id}" for f in story.data.figures if f.source == "baoyu-transcript"}
    type_search(page, "没有这样的词")
    assert page.locator(".o3-x__none").is_visible() and visible_rows(page) == []


@pytest.mark.browser
def test_a_row_opens_to_its_quote_notes_and_links(site, story, page):
    fig = story.data.figure("o3.swe-bench-verified.gain-over-o1")  # a transcript quote, notes, a formula, used by a chart
    page.goto(site.url + "en/methods/")
    page.wait_for_selector(".o3-x--js")
    details = page.locator(f'[id="fig-{fig.id}-details"]')
    assert not details.is_visible()
    toggle = page.locator(f'[id="fig-{fig.id}"] .o3-x__toggle')
    click(toggle)
    assert toggle.get_attribute("aria-expanded") == "true" and details.is_visible()
    text = details.inner_text()
    # the translation mark as drawn, taking the point of a sentence that ends on it
    notes = fig.notes.en.replace("{{ translated }}.", "tr.").replace("{{ translated }}", "tr.")
    assert "{{ translated }}" in fig.notes.en and fig.quote in text and notes in text and fig.formula in text and fig.id in text
    hrefs = [a.get_attribute("href") for a in details.locator("a").all()]
    assert f"#fig-{fig.id}" in hrefs and fig_source_url(story, fig) in hrefs
    assert any(h.startswith("../transcript/#t") for h in hrefs)  # the quote's transcript turn
    # a chart uses the gap but draws no point for it: no link to a point that would mark nothing
    assert any(fig.id in {f.id for f in charts.build(c, story, "en").figures} for c in charts.CHARTS)
    assert fig.id not in charts.chart_of(story, "en") and not any("?point=" in h for h in hrefs), hrefs
    # clicking the row itself closes it again; a link in the row does not toggle it
    click(page.locator(f'[id="fig-{fig.id}"] .o3-x__c-metric'))
    assert toggle.get_attribute("aria-expanded") == "false" and not details.is_visible()


def fig_source_url(story, fig) -> str:
    return story.data.source(fig.source).url


@pytest.mark.browser
def test_a_record_link_opens_its_row_even_when_filtered_out(site, story, page):
    fig = story.data.figure("o3.swe-bench-verified")
    page.goto(site.url + f"methods/?model=GPT-4o#fig-{fig.id}")
    page.wait_for_selector(".o3-x--js")
    assert page.locator(f'[id="fig-{fig.id}-details"]').is_visible()
    assert page.locator("#o3-x-model").input_value() == ""


@pytest.mark.browser
def test_without_javascript_the_full_table_shows(site, story, browser):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(site.url + "en/methods/")
    assert page.locator("tr.o3-x__row:visible").count() == len(story.data.figures)
    assert page.locator("tr.o3-x__details:visible").count() == len(story.data.figures)
    assert not page.locator(".o3-x__filters").is_visible() and not page.locator(".o3-x__toggle").first.is_visible()
    assert "filters and sorting need JavaScript" in page.locator(".o3-x").inner_text()
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("width", [1280, 360])
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_open_rows_and_filters_are_accessible(site, tab, scheme, width):
    """axe on the explorer with its filters in use and a row open (the page-wide audit sees it
    closed), on a desktop and on a phone, where each record is a card (its source link a touch target)."""
    # axe is injected inline
    page = tab(color_scheme=scheme, bypass_csp=True, viewport={"width": width, "height": 800})
    page.goto(site.url + "en/methods/")
    page.wait_for_selector(".o3-x--js")
    # axe measures every card; the ones the browser skips (content-visibility) have no real geometry
    # until they near the screen, so lay them all out as a reader scrolling there sees them
    page.add_style_tag(content=".o3-x tbody, .o3-x tbody tr { content-visibility: visible !important; }")
    page.add_script_tag(path=str(AXE))
    run = "axe.run('.o3-x', {resultTypes: ['violations'], rules: {'target-size': {enabled: true}}})"
    violations = page.evaluate(run)["violations"]  # as the page opens: every record, none open
    page.select_option("#o3-x-confidence", "derived")
    click(page.locator("tr.o3-x__row:not([hidden]) .o3-x__toggle").first)
    violations += page.evaluate(run)["violations"]
    bad = [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['nodes'][0].get('failureSummary', '')}" for v in violations if v["impact"] in ("serious", "critical")]
    assert not bad, bad


PHONES = {"412x823": (412, 823), "430x932": (430, 932)}  # Lighthouse's phone; a tall phone


def laid_out(page) -> list[int]:
    """Indexes of the row groups whose records the browser has laid out (not skipped by content-visibility)."""
    return page.evaluate("""() => [...document.querySelectorAll('.o3-x tbody')].map((g, i) => [g, i])
        .filter(([g]) => !g.hidden && g.querySelector('tr.o3-x__row').checkVisibility({contentVisibilityAuto: true}))
        .map(([, i]) => i)""")


@pytest.mark.browser
@pytest.mark.parametrize("phone", list(PHONES))
@pytest.mark.parametrize("lang", list(LANGS))
def test_on_a_phone_only_the_row_groups_near_the_screen_are_laid_out(site, story, tab, lang, phone):
    """The explorer's cost on a phone: as the page loads, and scrolled into the middle of the table,
    the browser lays out at most the few row groups near the screen, not the whole table (which,
    styled whole on each of the theme's load-time restyles, took Lighthouse's phone score from 99
    to about 85 on the Chinese page on a 430 x 932 phone)."""
    width, height = PHONES[phone]
    page = tab(viewport={"width": width, "height": height}, is_mobile=True, has_touch=True, device_scale_factor=2)
    page.goto(site.url + LANGS[lang])
    page.wait_for_selector(".o3-x--js")
    page.wait_for_timeout(300)  # the browser decides what is near the screen at the next frames
    groups = page.locator(".o3-x tbody").count()
    assert groups > 4
    assert len(laid_out(page)) <= 1, laid_out(page)
    middle = page.locator("tr.o3-x__row").nth(len(story.data.figures) // 2)
    middle.evaluate("el => el.scrollIntoView({block: 'center'})")
    page.wait_for_timeout(300)
    near = laid_out(page)
    mid = (len(story.data.figures) // 2) // GROUP_SIZE
    assert mid in near and len(near) <= 4 and 0 not in near, near
    # the cards there fit the screen: the value and the date on the right are in view, not cut off
    right = page.evaluate("""() => { const g = document.querySelectorAll('.o3-x tbody')[%d];
        return [...g.querySelectorAll('tr.o3-x__row .o3-x__c-value, tr.o3-x__row .o3-x__c-date')].map(c => c.getBoundingClientRect().right); }""" % mid)
    assert right and max(right) <= width, (max(right), width)
    # sorted, the records are dealt back out to groups of the same size, each with its details below
    click(page.locator('th[data-key="value"]'))
    sizes = page.evaluate("() => [...document.querySelectorAll('.o3-x tbody')].map(g => g.querySelectorAll('tr.o3-x__row').length)")
    n = len(story.data.figures)
    assert sizes == [GROUP_SIZE] * (len(sizes) - 1) + [n - GROUP_SIZE * (len(sizes) - 1)]
    assert page.evaluate("[...document.querySelectorAll('tr.o3-x__row')].every(r => r.nextElementSibling.id === r.id + '-details')")


@pytest.mark.browser
def test_a_filtered_view_on_a_phone_has_no_empty_room(site, story, tab):
    """Filtered, a group whose records are all hidden takes no room, and the rest show at their own
    height (a group the browser had not laid out would otherwise hold the room of all its records)."""
    page = tab(viewport={"width": 412, "height": 823}, is_mobile=True, has_touch=True, device_scale_factor=2)
    fig = story.data.figure("o3.swe-bench-verified")
    page.goto(site.url + "en/methods/?model=" + fig.model)
    page.wait_for_selector(".o3-x--js")
    shown = [f for f in story.data.figures if f.model == fig.model]
    assert 1 < len(shown) < len(story.data.figures) / 2
    box = page.evaluate("""() => {
        const rows = [...document.querySelectorAll('tr.o3-x__row')].filter(r => !r.hidden);
        const groups = [...document.querySelectorAll('.o3-x tbody')];
        const body = groups.filter(g => !g.hidden).reduce((h, g) => h + g.getBoundingClientRect().height, 0);
        return {rows: rows.length, cards: rows.reduce((h, r) => h + r.getBoundingClientRect().height, 0), body,
                empty: groups.filter(g => !g.hidden && !g.querySelector('tr.o3-x__row:not([hidden])')).length};
    }""")
    assert box["rows"] == len(shown) and box["empty"] == 0
    assert box["body"] < box["cards"] + 4 * box["rows"], box  # the groups are as tall as their cards


@pytest.mark.browser
def test_the_filters_are_in_place_before_the_explorer_script_runs(site, browser):
    """The filters need JavaScript, but take their room from the first paint of a page that runs
    scripts (the head's `js` class), so the table does not move down when the scripts at the end of
    the page arrive: the table starts at the same height with the theme's bundle and explorer.js
    blocked as with them."""
    tops = {}
    for blocked in (False, True):
        ctx = browser.new_context(viewport={"width": 430, "height": 932}, is_mobile=True, device_scale_factor=2)
        page = ctx.new_page()
        if blocked:
            page.route(re.compile(r".*/assets/(explorer\.js|javascripts/bundle\.[0-9a-f]+\.min\.js)$"), lambda route: route.abort())
        page.goto(site.url + "methods/")
        page.wait_for_load_state("load")
        assert page.evaluate("document.documentElement.classList.contains('js')")
        assert page.locator(".o3-x__filters").is_visible()
        assert page.locator(".o3-x").evaluate("x => x.classList.contains('o3-x--js')") is not blocked
        # from the explorer's own top: the long tables above it are laid out only near the screen, so their
        # height (and the page's length above) is an estimate that may differ from one load to another
        tops[blocked] = page.locator(".o3-x__table").evaluate("t => t.getBoundingClientRect().top - t.closest('.o3-x').getBoundingClientRect().top")
        ctx.close()
    assert tops[True] == tops[False], tops


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANGS))
def test_a_record_link_on_a_phone_lands_on_its_row(site, story, browser, lang):
    """#fig-<id> on a phone, from another page and from the same page: the row is at the top of the
    screen, open, once the row groups above it (laid out only as they near the screen, each then
    taking its own height in place of an estimate) have settled. So is a heading below the table."""
    figs = story.data.figures
    far = [figs[len(figs) // 3], figs[(2 * len(figs)) // 3]]
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True, device_scale_factor=2)

    def where(fig) -> dict:
        page.wait_for_timeout(1700)  # explorer.js keeps the row in view for 1.5 s at most
        return page.evaluate("""id => { const r = document.getElementById(id).getBoundingClientRect();
            return {top: r.top, bottom: r.bottom, height: innerHeight, open: !document.getElementById(id + '-details').hidden}; }""",
                             f"fig-{fig.id}")

    for fig in far:
        page = ctx.new_page()
        page.goto(site.url + LANGS[lang] + f"#fig-{fig.id}")
        page.wait_for_selector(".o3-x--js")
        at = where(fig)
        assert at["open"] and 0 <= at["top"] < at["height"] / 3, (fig.id, at)
        page.close()
    page = ctx.new_page()
    page.goto(site.url + LANGS[lang] + f"#fig-{far[0].id}")
    page.wait_for_selector(".o3-x--js")
    page.evaluate("id => { window.location.hash = id; }", f"fig-{far[1].id}")  # a link within the page
    at = where(far[1])
    assert at["open"] and 0 <= at["top"] < at["height"] / 3, (far[1].id, at)
    page.close()
    # Below the table: the audit changelog, where every page's "Updated" link leads (it landed 31,000 px
    # above it, in the records, as the row groups took their heights)
    page = ctx.new_page()
    page.goto(site.url + LANGS[lang] + "#audit-changelog")
    page.wait_for_selector(".o3-x--js")
    page.wait_for_timeout(1700)
    top, height = page.evaluate("() => [document.getElementById('audit-changelog').getBoundingClientRect().top, innerHeight]")
    assert 0 <= top < height / 3, top
    ctx.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", list(LANGS))
def test_a_phone_card_s_labels_take_their_language_s_colon(site, tab, lang):
    """At 360 px each row is a card whose cells are labelled by the stylesheet (`::before`, from
    data-label): a Chinese label ends in the full-width colon, an English one in ": "; the date has no
    label. (Text the stylesheet writes is not in the HTML that the words checks read.)"""
    page = tab(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(site.url + LANGS[lang], wait_until="load")
    labels = page.evaluate("""() => [...document.querySelector('.o3-x tbody tr[id]').querySelectorAll('td[data-label]')]
        .map(td => [td.className, td.dataset.label, getComputedStyle(td, '::before').content])""")
    assert len(labels) >= 2, labels
    colon = "：" if lang == "zh" else ": "
    for cls, label, content in labels:
        if "o3-x__c-date" in cls:
            assert content == "none", (cls, content)
        else:
            assert content == f'"{label}{colon}"', (cls, label, content)
