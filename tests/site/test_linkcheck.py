from o3story.site.linkcheck import broken_links


def page(root, rel, body):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<html><body>{body}</body></html>", encoding="utf-8")


def test_finds_missing_pages_and_anchors(tmp_path):
    page(tmp_path, "index.html", '<a href="a/">a</a> <a href="a/#here">ok</a> <a href="a/#gone">x</a> <a href="b/">b</a>'
                                 ' <a href="https://example.org/">far</a> <a href="#top">self</a>')
    page(tmp_path, "a/index.html", '<h2 id="here">Here</h2><a href="../index.html#top">back</a>')
    assert broken_links(tmp_path) == [
        "/a/index.html -> ../index.html#top: no id 'top' in /index.html",
        "/index.html -> a/#gone: no id 'gone' in /a/index.html",
        "/index.html -> b/: no file /b/index.html",
        "/index.html -> #top: no id 'top' in /index.html",
    ]


def test_absolute_links_under_the_site_url_are_checked(tmp_path):
    page(tmp_path, "index.html", '<link rel="alternate" href="https://x.org/site/en/" hreflang="en">')
    assert broken_links(tmp_path, "https://x.org/site/") == ["/index.html -> https://x.org/site/en/: no file /en/index.html"]


def test_root_relative_links_resolve_under_the_base_path(tmp_path):
    page(tmp_path, "index.html", '<a href="/repo/en/">en</a> <link href="/repo/assets/x.css"> <a href="/repo/">home</a>'
                                 ' <a href="https://x.org/repo/en/#h">abs</a> <img srcset="/repo/a.svg 1x, b.svg 2x">')
    page(tmp_path, "en/index.html", '<h2 id="h">H</h2><a href="../">up</a>')
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets" / "x.css").write_text("")
    (tmp_path / "a.svg").write_text("")
    (tmp_path / "b.svg").write_text("")
    assert broken_links(tmp_path, "https://x.org/repo/") == []


def test_a_link_that_leaves_the_base_path_is_broken(tmp_path):
    page(tmp_path, "index.html", '<a href="/en/">root-relative, no base</a> <a href="../other/">climbs out</a>'
                                 ' <a href="https://x.org/elsewhere/">same host, outside</a> <a href="/repository/">prefix only</a>')
    page(tmp_path, "en/index.html", "")
    assert broken_links(tmp_path, "https://x.org/repo/") == [
        "/index.html -> /en/: leaves the base path /repo/",
        "/index.html -> ../other/: leaves the base path /repo/",
        "/index.html -> https://x.org/elsewhere/: leaves the base path /repo/",
        "/index.html -> /repository/: leaves the base path /repo/",
    ]


def test_deep_base_paths_and_bare_hosts(tmp_path):
    page(tmp_path, "index.html", '<a href="/a/b/en/">en</a> <a href="en/">rel</a>')
    page(tmp_path, "en/index.html", "")
    assert broken_links(tmp_path, "https://x.org/a/b/") == []
    assert broken_links(tmp_path, "https://x.org/") == ["/index.html -> /a/b/en/: no file /a/b/en/index.html"]
    assert broken_links(tmp_path, "https://x.org") == ["/index.html -> /a/b/en/: no file /a/b/en/index.html"]


def test_a_recheck_reuses_unchanged_pages_and_sees_a_changed_one(tmp_path):
    from o3story.render.reuse import Reuse

    site = tmp_path / "site"
    page(site, "index.html", '<a href="a/#here">a</a>')
    page(site, "a/index.html", '<h2 id="here">Here</h2>')
    first, again = Reuse(tmp_path / "reuse"), Reuse(tmp_path / "reuse")
    assert broken_links(site, "", first) == broken_links(site, "", again) == broken_links(site) == []
    assert (first.misses, again.hits) == (1, 1)
    page(site, "a/index.html", '<h2 id="there">There</h2>')
    assert broken_links(site, "", Reuse(tmp_path / "reuse")) == ["/index.html -> a/#here: no id 'here' in /a/index.html"]
