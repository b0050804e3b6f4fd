"""The Atom feeds (/feed.xml, /en/feed.xml): every audit, every correction an audit made and every change of a
scorecard verdict, from data alone. Read by a real feed parser (feedparser) as a subscriber's reader reads
them, and their structure checked against Atom 1.0 (RFC 4287): the feed's id, title, updated, author and
self link; each entry's id (a tag: or urn: URI made from data ids), title, updated (RFC 3339) and link."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from xml.etree import ElementTree as ET

import feedparser
import pytest

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


def structure(xml: bytes) -> ET.Element:
    """The Atom elements RFC 4287 requires, present once each where it says so."""
    root = ET.fromstring(xml)
    assert root.tag == f"{A}feed"
    for name in ("id", "title", "updated"):
        assert len(root.findall(f"{A}{name}")) == 1, name
    assert RFC3339.match(root.find(f"{A}updated").text)
    assert ID.match(root.find(f"{A}id").text)
    assert root.find(f"{A}author/{A}name").text
    self_links = [link for link in root.findall(f"{A}link") if link.get("rel") == "self"]
    assert len(self_links) == 1 and self_links[0].get("type") == "application/atom+xml"
    for entry in root.findall(f"{A}entry"):
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{A}{name}")) == 1, (name, ET.tostring(entry)[:200])
        assert ID.match(entry.find(f"{A}id").text), entry.find(f"{A}id").text
        assert RFC3339.match(entry.find(f"{A}updated").text)
        assert [link.get("href") for link in entry.findall(f"{A}link") if link.get("rel") == "alternate"]
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
    structure(xml)


def test_a_site_without_corrections_or_changes_has_an_empty_feed_dated_by_the_data(data_dir):
    edit(data_dir / "changelog.yaml", '        was: "约为71.7%"\n', "")
    story = load_story(data_dir)
    parsed = feedparser.parse(feed.atom(story, "zh", SITE))
    assert parsed.bozo == 0 and [e.tags[0].term for e in parsed.entries] == ["audit"]
    assert parsed.feed.updated == "2026-12-01T00:00:00Z"  # the audit's date, not the day of the build
