"""The site's work as plain steps (site/steps.py), called by the MkDocs adapter (site/hook.py) and by
anything else that drives a generator: each step on its own, without MkDocs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import edit
from o3story.data.locale import LANGS
from o3story.render import charts
from o3story.site import seo, steps

ROOT = Path(__file__).resolve().parents[2]


def test_the_charts_index_becomes_a_section_of_every_chart_page_in_order():
    nav = [{"Home": "index.md"}, {"Charts": "charts/index.md"}, "methods.md"]
    out = steps.with_chart_pages(nav)
    assert out[0] == nav[0] and out[2] == nav[2]
    assert out[1] == {"Charts": ["charts/index.md", *[f"charts/{c}.md" for c in charts.gallery_order()]]}  # the gallery order: headline chart first
    assert out[1]["Charts"][1] == f"charts/{charts.HEADLINE}.md"
    assert steps.with_chart_pages(None) == []


def test_generated_chart_pages_are_named_and_recognised():
    sources = steps.chart_page_sources()
    assert len(sources) == len(charts.CHARTS) * len(LANGS)
    assert all(steps.chart_page_of(s) is not None for s in sources)
    first = next(iter(charts.CHARTS))
    assert steps.chart_page_of(f"charts/{first}.en.md") == (first, "en")
    for other in ("charts/index.en.md", "o3.en.md", f"charts/{first}.fr.md", "charts/x/y.en.md"):
        assert steps.chart_page_of(other) is None


def test_permalinks_read_in_the_page_language_and_the_page_gets_its_csp():
    page = ('<html><head><meta http-equiv="Content-Security-Policy" content="o3story:csp"></head><body>'
            '<h2 id="a">A<a class="headerlink" href="#a" title="Permanent link">¶</a></h2></body></html>')
    zh = steps.Build.finish_page(page, "zh")
    assert 'title="Permanent link"' not in zh and seo.CSP_PLACEHOLDER not in zh
    assert 'title="Permanent link"' in steps.Build.finish_page(page, None)  # the 404 page: the CSP only


def test_data_loads_once_per_version_and_bad_data_leaves_no_story(data_dir: Path):
    build = steps.Build(ROOT)
    build.load(data_dir)
    story, version = build.story, build.version
    build.load(data_dir)
    assert build.story is story  # the same data: kept, not reloaded
    edit(data_dir / "sources.yaml", "kind: primary", "kind: rumour")
    with pytest.raises(steps.StepError, match="sources.yaml"):
        build.load(data_dir)
    assert build.story is None and build.version == version


def test_a_rebuild_reuses_pages_and_a_data_edit_is_never_stale(data_dir: Path, tmp_path: Path, monkeypatch):
    """Two builds of the golden page (every block) from the same data: the second reuses the first's
    result, byte for byte as computed; after a data edit the page shows the new value."""
    monkeypatch.setenv("O3STORY_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("BROWSER_PATH", "none")
    monkeypatch.delenv("O3STORY_REUSE", raising=False)
    page = (ROOT / "tests" / "golden" / "page.md").read_text(encoding="utf-8")
    def built() -> tuple[str, steps.Build]:
        build = steps.Build(ROOT)
        build.load(data_dir, "https://example.org/", "https://github.com/example/o3")
        return build.page_markdown(page, "zh", "golden/"), build

    first, one = built()
    again, two = built()
    assert again == first and (one.reuse.misses, two.reuse.hits, two.reuse.misses) == (1, 1, 0)
    monkeypatch.setenv("O3STORY_REUSE", "off")
    fresh, off = built()
    assert fresh == first and off.reuse.folder is None
    monkeypatch.delenv("O3STORY_REUSE")
    shown = lambda text: set(re.findall(r'data-figure="m\.bench"[^>]*>([^<]*)<', text))  # noqa: E731
    assert shown(first) == {"71.7%"}
    edit(data_dir / "figures" / "a.yaml", "value: 71.7", "value: 71.9")
    edited, three = built()
    assert shown(edited) == {"71.9%"} and three.reuse.misses == 1


def test_the_generator_gets_blocks_as_comment_lines_and_the_page_gets_them_back(data_dir: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("O3STORY_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("BROWSER_PATH", "none")
    build = steps.Build(ROOT)
    build.load(data_dir, "https://example.org/")
    page = (ROOT / "tests" / "golden" / "page.md").read_text(encoding="utf-8")
    out = build.page_markdown(page, "en", "golden/")
    lines = re.findall(r"<!--o3story:kept:\d+-->", out)
    assert lines and len(lines) == len(build.kept["golden/"])
    html = build.page_html("\n".join(lines), "golden/")
    assert "o3story:kept" not in html and html.startswith(build.kept["golden/"][0])
    assert build.page_html("<p>no blocks</p>", "other/") == "<p>no blocks</p>"
    ids = build.kept_ids("golden/")  # handed to the generator, which checks links to them
    assert ids and all(f'id="{i}"' in "".join(build.kept["golden/"]) for i in ids) and build.kept_ids("other/") == set()


def test_a_page_edited_under_serve_is_not_kept_twice(data_dir: Path, tmp_path: Path, monkeypatch):
    monkeypatch.setenv("O3STORY_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("BROWSER_PATH", "none")
    build = steps.Build(ROOT)
    for text in ("# One\n\n{{ fig m.bench }}\n", "# Two\n\n{{ fig m.bench }}\n", "# Two\n\n{{ fig m.bench }}\n"):
        build.load(data_dir, "https://example.org/")  # each rebuild starts here
        build.page_markdown(text, "en", "p/")
    assert [kept[0][0] for kept in build.pages.values()] == ["# Two\n\n{{ fig m.bench }}\n"]


def test_a_placeholder_error_names_the_page_and_stops_as_a_step_error(data_dir: Path, monkeypatch, tmp_path: Path):
    """The adapter turns StepError into the generator's clean error: the message must name the page."""
    monkeypatch.setenv("O3STORY_CACHE", str(tmp_path / "cache"))
    monkeypatch.setenv("BROWSER_PATH", "none")
    build = steps.Build(ROOT)
    build.load(data_dir)
    with pytest.raises(steps.StepError, match=r"^o3\.en\.md: unknown placeholder '\{\{ no-such-block \}\}'"):
        build.page_markdown("# A\n\n{{ no-such-block }}\n", "en", "en/o3/", src="o3.en.md")
    with pytest.raises(steps.StepError, match=r"^about\.md: "):
        build.description("{{ no-such-block }}", "en", src="about.md")


def test_the_mkdocs_hook_is_a_thin_adapter():
    """site/hook.py only translates MkDocs' events into calls of steps: of the package it imports only
    `steps`, no event does more than a few statements, and it stays about 60 lines of code."""
    import ast

    source = (ROOT / "scripts" / "o3story" / "site" / "hook.py").read_text(encoding="utf-8")
    tree = ast.parse(source)
    ours = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("o3story")}
    assert ours == {"o3story.site"}, ours
    assert [a.name for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module == "o3story.site" for a in n.names] == ["steps"]
    events = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name != "event"]
    assert len(events) >= 10, [e.name for e in events]
    fat = {e.name: n for e in events if (n := sum(1 for s in ast.walk(e) if isinstance(s, ast.stmt)) - 1) > 4}
    assert not fat, f"events doing more than translate a call: {fat}"
    code = [line for line in source.splitlines() if line.strip() and not line.strip().startswith("#")]
    assert len(code) <= 75, f"the hook has {len(code)} lines of code"
