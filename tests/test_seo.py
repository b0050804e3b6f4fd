from o3story.seo import absolute_alternates

HEAD = """<head>
<link rel="alternate" href="./" hreflang="zh">
<link rel="alternate" href="../en/o3/" hreflang="en">
</head>"""


def test_alternates_become_absolute_with_x_default():
    out = absolute_alternates(HEAD, "https://example.org/site/", "o3/")
    assert '<link rel="alternate" href="https://example.org/site/o3/" hreflang="zh">' in out
    assert '<link rel="alternate" href="https://example.org/site/en/o3/" hreflang="en">' in out
    assert '<link rel="alternate" href="https://example.org/site/o3/" hreflang="x-default">' in out
    assert out.count("x-default") == 1


def test_no_site_url_leaves_html_alone():
    assert absolute_alternates(HEAD, "", "o3/") == HEAD
