"""The Atom feeds (/feed.xml, /en/feed.xml): every audit, every correction an audit made and every change of a
scorecard verdict, from data alone. Read by a real feed parser (feedparser) as a subscriber's reader reads
them, and their structure checked against Atom 1.0 (RFC 4287): the feed's id, title, updated, author and
self link; each entry's id (a tag: or urn: URI made from data ids), title, updated (RFC 3339) and link."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest
import yaml

from conftest import edit
from o3story.data.story import load_story
from o3story.render import feed

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://example.org/o3-story/"
A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
ID = re.compile(r"^(tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:\S+|urn:[a-z0-9][a-z0-9-]{0,31}:\S+)$")


@pytest.fixture(scope="module")
def real():
    return load_story(ROOT / "data")


def structure(xml: bytes, site: str = SITE) -> ET.Element:
    """The Atom elements RFC 4287 requires, present once each where it says so (4.1.1, 4.1.2), and this
    site's own rules on top: every link absolute and under the site's address, each text construct plain
    text (data text escaped by the XML writer, never markup)."""
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") in ("zh-Hans", "en")
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{name}")) == 1, name
    assert len(root.findall(f"{A}subtitle")) <= 1 and len(root.findall(f"{A}rights")) <= 1
    assert RFC3339.match(root.find(f"{A}updated").text)
    assert ID.match(root.find(f"{A}id").text)
    # an author for the feed, so every entry has one (4.1.1: unless each entry has its own)
    feed_author = root.findall(f"{A}author")
    assert all(a.find(f"{A}name") is not None and a.find(f"{A}name").text for a in feed_author)
    self_links = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("type") == "application/atom+xml"
    alternates = [link for link in root.findall(f"{A}link") if link.get("rel") == "alternate"]
    assert len({(link.get("type"), link.get("hreflang")) for link in alternates}) == len(alternates)  # 4.1.1
    for link in root.iter(f"{A}link"):
        assert link.get("href", "").startswith(site), link.get("href")  # absolute, under the site's address
    for node in root.iter():
        if node.tag in (f"{A}title", f"{A}subtitle", f"{A}summary", f"{A}rights"):
            assert node.get("type", "text") == "text" and len(node) == 0, node.tag
    for entry in root.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, (name, ET.tostring(entry)[:200])
        assert ID.match(entry.find(f"{A}id").text), entry.find(f"{A}id").text
        assert RFC3339.match(entry.find(f"{A}updated").text)
        assert feed_author or entry.find(f"{A}author/{A}name") is not None
        # no content: an alternate link (4.1.2), and a summary to read
        assert entry.find(f"{A}content") is None and entry.find(f"{A}summary").text
        assert len([link for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]) == 1
        assert all(name in ("id", "title", "updated", "link", "category", "summary") for name in
                   (child.tag.removeprefix(A) for child in entry)), [c.tag for c in entry]
    return root


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_feed_is_well_formed_atom_for_a_feed_reader(real, lang):
    xml = feed.atom(real, lang, SITE, "https://github.com/o3-story/o3-story")
    structure(xml)
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.language == ("zh-Hans" if lang == "zh" else "en")
    assert [link.href for link in parsed.feed.links if link.rel == "self"] == [SITE + feed.path(lang)]
    assert parsed.feed.author == feed.t(lang, "feed.author")
    ids = [e.id for e in parsed.entries]
    assert len(ids) == len(set(ids))
    for e in parsed.entries:
        assert e.title and e.summary and e.link.startswith(SITE + ("en/" if lang == "en" else ""))
        assert e.updated_parsed is not None
    # the feed's own date is its newest entry's
    assert parsed.feed.updated == max(e.updated for e in parsed.entries)


def test_the_feed_holds_each_audit_each_correction_and_each_verdict_change(real):
    parsed = feedparser.parse(feed.atom(real, "en", SITE))
    kinds = [e.tags[0].term for e in parsed.entries]
    audits = real.data.audits
    assert kinds.count("audit") == len(audits)
    assert kinds.count("correction") == sum(c.was is not None for a in audits for c in a.changes)
    changes = [(c, s) for c in real.data.claims for s in c.history[1:]]
    assert kinds.count("verdict") == len(changes) > 0
    by_id = {e.id: e for e in parsed.entries}
    # ARC-AGI: held for the preview, not the release, from ARC's re-test of the released o3
    arc = by_id["tag:example.org,2026-11-26:o3-story/en/claim/arc-agi/verdict/2025-04-22"]
    assert arc.updated.startswith("2025-04-22T") and "Held for the preview, not the release" in arc.title
    assert "No verdict on the scale" in arc.summary and "41%" in arc.summary  # the number, from its record
    assert arc.link == SITE + "en/#claim-arc-agi"
    audit = by_id["tag:example.org,2026-11-26:o3-story/en/audit/audit-2026-12-04-captions"]
    assert audit.updated.startswith("2026-12-04T") and audit.link == SITE + "en/methods/#audit-audit-2026-12-04-captions"
    # newest first
    dates = [e.updated for e in parsed.entries]
    assert dates == sorted(dates, reverse=True)
    assert "{{" not in "".join(e.summary + e.title for e in parsed.entries)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_one_day_s_audits_are_numbered_and_newest_first_as_on_the_methods_page(real, lang):
    """Several audits on one day: each title numbers it ("(2 of 8)", "当天第 2 次，共 8 次"), as the
    methods page's headings do, and the feed lists them newest first (it listed them by their ids)."""
    audits = [e for e in feed.entries(real, lang, SITE) if e.kind == "audit"]
    by_day: dict = {}
    for e in audits:
        by_day.setdefault(e.updated, []).append(e)
    day, same = max(by_day.items(), key=lambda kv: len(kv[1]))
    assert len(same) > 2, day
    numbers = [int(re.search(r"(?:\(|当天第 )(\d+)", e.title)[1]) for e in same]
    assert numbers == list(range(len(same), 0, -1)), [e.title for e in same]
    ids = [a.id for a in real.data.audits if a.date == day]
    assert [e.id.rsplit("/", 1)[1] for e in same] == ids  # as data/changelog.yaml lists them: newest first
    alone = [es[0] for es in by_day.values() if len(es) == 1]
    assert alone and not any("(1 of 1)" in e.title or "共 1 次" in e.title for e in alone)


def test_each_language_has_its_own_entries(real):
    zh = {e.id for e in feed.entries(real, "zh", SITE)}
    en = {e.id for e in feed.entries(real, "en", SITE)}
    assert len(zh) == len(en) and not zh & en


def test_the_feed_is_the_same_on_every_build(real):
    # made from data alone: the same bytes twice, and every date in it is a date of the data
    first, second = feed.atom(real, "zh", SITE), feed.atom(real, "zh", SITE)
    assert first == second
    data_days = {a.date for a in real.data.audits} | {s.date for c in real.data.claims for s in c.history}
    for day in re.findall(rb"<updated>(\d{4}-\d{2}-\d{2})T", first):
        assert date.fromisoformat(day.decode()) in data_days
    assert date.today().isoformat().encode() not in first or date.today() in data_days


def test_ids_come_from_data_ids_not_from_order(data_dir):
    story = load_story(data_dir)
    before = {e.id: e.title for e in feed.entries(story, "en", SITE)}
    # a new audit before the old one changes no id of the old entries
    edit(data_dir / "changelog.yaml", "audits:\n", """audits:
  - id: audit-0
    date: 2026-12-02
    method: {zh: 再次核对。, en: Checked again.}
    changes:
      - record: m.bench
        kind: figure
        field: notes
        was: "old"
        now: "new"
        reason: {zh: 改。, en: Changed.}
""")
    after = {e.id: e.title for e in feed.entries(load_story(data_dir), "en", SITE)}
    assert set(before) < set(after)
    assert all(after[i] == before[i] for i in before)
    # without a publication date (data/status.yaml `published`) the ids are name-based UUIDs, as stable
    assert all(i.startswith("urn:uuid:") for i in after)


def test_data_text_is_escaped_and_read_back_as_written(data_dir):
    hostile = "<script>alert('x')</script> & \"q\" ]]> \u2028"
    edit(data_dir / "changelog.yaml", 'was: "约为71.7%"', "was: " + json.dumps(hostile))
    edit(data_dir / "status.yaml", 'as_of: "2026-12-04"', 'as_of: "2026-12-04"\n  published: "2026-11-26"')
    xml = feed.atom(load_story(data_dir), "en", "https://example.org/")
    assert b"<script>" not in xml
    parsed = feedparser.parse(xml)
    assert parsed.bozo == 0
    (correction,) = [e for e in parsed.entries if e.tags[0].term == "correction"]
    assert correction.id == "tag:example.org,2026-11-26:en/audit/audit-1/figure/m.bench/quote"
    assert "<script>alert('x')</script> & \"q\" ]]>" in correction.summary


def test_a_site_without_corrections_or_changes_has_an_empty_feed_dated_by_the_data(data_dir):
    edit(data_dir / "changelog.yaml", '        was: "约为71.7%"\n', "")
    story = load_story(data_dir)
    parsed = feedparser.parse(feed.atom(story, "zh", SITE))
    assert parsed.bozo == 0 and [e.tags[0].term for e in parsed.entries] == ["audit"]
    assert parsed.feed.updated == "2026-12-01T00:00:00Z"  # the audit's date, not the day of the build


def test_a_correction_reads_as_was_now_why_in_each_language(data_dir):
    story = load_story(data_dir)
    got = {lang: [e.summary for e in feed.entries(story, lang, SITE) if e.kind == "correction"] for lang in ("zh", "en")}
    assert got["en"] == ["Was: “约为71.7%”. Now: “准确率约为71.7%”. Why: The source says more."]
    assert got["zh"] == ["原为：“约为71.7%”。现为：“准确率约为71.7%”。原因：原文更长。"]
    # a field that was removed says so, unquoted
    edit(data_dir / "changelog.yaml", '        now: "准确率约为71.7%"\n', "")
    edit(data_dir / "changelog.yaml", '        source_text: "准确率约为71.7%"\n', "")
    (removed,) = [e.summary for e in feed.entries(load_story(data_dir), "en", SITE) if e.kind == "correction"]
    assert removed == "Was: “约为71.7%”. Now: (removed). Why: The source says more."


def test_an_audit_of_one_change_says_one_change(data_dir):
    titles = lambda: [e.title for e in feed.entries(load_story(data_dir), "en", SITE) if e.kind == "audit"]  # noqa: E731
    assert titles() == ["Audit of 1 December 2026: 2 changes"]
    edit(data_dir / "changelog.yaml", """      - record: paper
        kind: source
        field: note
        now: "A new note."
        reason: {zh: 补充。, en: Added.}
""", "")
    assert titles() == ["Audit of 1 December 2026: 1 change"]
    assert [e.title for e in feed.entries(load_story(data_dir), "zh", SITE) if e.kind == "audit"] == ["审核（2026 年 12 月 1 日）：改动 1 处"]


def test_quotes_in_our_translation_keep_their_flag_in_the_feed(real):
    # a changelog text marks a quote translated by this site with {{ translated }}: the feed says so too
    marked = [c for a in real.data.audits for c in a.changes if "{{ translated }}" in (c.was or "") + (c.now or "")]
    assert marked
    for lang, words in (("en", "(our translation)"), ("zh", "（本站译文）")):
        summaries = [e.summary for e in feed.entries(real, lang, SITE) if e.kind == "correction"]
        flagged = [s for s in summaries if words in s]
        assert len(flagged) == len(marked), lang
        assert "{{" not in "".join(summaries)


def _unrelated_edits(data: Path) -> None:
    """Edits that concern no entry's identity: every text a reader sees changes, the claims and audits change
    order, and the data's as-of date moves on. (An entry is named by its audit, record and field, or by its claim
    and the date of its step.)"""
    card = data / "scorecard.yaml"
    doc = yaml.safe_load(card.read_text(encoding="utf-8"))
    doc["claims"].reverse()
    for claim in doc["claims"]:
        claim["claim"] = {lang: text + " (reworded)" for lang, text in claim["claim"].items()}
        for step in claim["history"]:
            step["reason"] = {lang: text + " (reworded)" for lang, text in step["reason"].items()}
    card.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    log = data / "changelog.yaml"
    doc = yaml.safe_load(log.read_text(encoding="utf-8"))
    doc["audits"].reverse()
    for audit in doc["audits"]:
        audit["method"] = {lang: text + " (reworded)" for lang, text in audit["method"].items()}
        audit["changes"].reverse()
        for change in audit["changes"]:
            change["reason"] = {lang: text + " (reworded)" for lang, text in change["reason"].items()}
    log.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    verdicts = data / "verdicts.yaml"
    text = verdicts.read_text(encoding="utf-8")
    verdicts.write_text(text.replace('en: "Partly held"', 'en: "Held in part"', 1), encoding="utf-8")
    edit(data / "status.yaml", f'as_of: "{load_story(ROOT / "data").data.status.as_of.isoformat()}"', 'as_of: "2026-12-31"')


def test_entry_ids_and_dates_do_not_change_when_unrelated_data_changes(real, tmp_path):
    copy = tmp_path / "data"
    shutil.copytree(ROOT / "data", copy)
    _unrelated_edits(copy)
    edited = load_story(copy)
    assert edited.data.status.as_of == date(2026, 12, 31)
    for lang in ("zh", "en"):
        before = {e.id: e for e in feed.entries(real, lang, SITE)}
        after = {e.id: e for e in feed.entries(edited, lang, SITE)}
        assert after.keys() == before.keys(), lang
        for i, e in after.items():
            assert (e.updated, e.link, e.kind) == (before[i].updated, before[i].link, before[i].kind), i
        assert sum(e.title != before[i].title or e.summary != before[i].summary for i, e in after.items()) == len(after)
        # the document too: the feed's own id and date, and each entry's, as before
        old, new = ET.fromstring(feed.atom(real, lang, SITE)), ET.fromstring(feed.atom(edited, lang, SITE))
        assert old.find(f"{A}id").text == new.find(f"{A}id").text and old.find(f"{A}updated").text == new.find(f"{A}updated").text
        # (in another order where one day has several audits: the file lists a day's audits newest first)
        assert sorted((e.find(f"{A}id").text, e.find(f"{A}updated").text) for e in old.findall(f"{A}entry")) == \
            sorted((e.find(f"{A}id").text, e.find(f"{A}updated").text) for e in new.findall(f"{A}entry"))
