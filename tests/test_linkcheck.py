from o3story.linkcheck import broken_links


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
