import pytest

from o3story.site.seo import CSP_PLACEHOLDER, alternates, content_security_policy, search_base, social


def test_alternates_are_absolute_with_x_default():
    links = {"zh": "o3/", "en": "en/o3/"}
    assert alternates("https://example.org/site/", links) == [
        {"lang": "zh", "href": "https://example.org/site/o3/"},
        {"lang": "en", "href": "https://example.org/site/en/o3/"},
        {"lang": "x-default", "href": "https://example.org/site/o3/"},
    ]


def test_home_alternates_hold_the_base_path_already():
    # on the home pages the i18n plugin gives absolute paths under the base path
    out = alternates("https://example.org/a/b/", {"zh": "/a/b/", "en": "/a/b/en/"})
    assert [a["href"] for a in out] == ["https://example.org/a/b/", "https://example.org/a/b/en/", "https://example.org/a/b/"]
    assert [a["href"] for a in alternates("https://example.org/", {"zh": "/", "en": "/en/"})][:2] == [
        "https://example.org/", "https://example.org/en/"]


def test_no_site_url_no_alternates():
    assert alternates("", {"zh": "o3/"}) == []


def test_search_base_is_the_language_root():
    assert search_base("o3/") is None and search_base("") is None
    assert search_base("en/") == "."
    assert search_base("en/o3/") == ".."
    assert search_base("en/charts/o3-vs-o1/") == "../.."


def test_social_tags_are_plain_values_with_the_chart_image():
    tags = {t["name"]: t["content"] for t in social("https://x.org/s/", "en/charts/c/", "A & <b>", "d", images=True)}
    assert tags["og:title"] == "A & <b>"  # escaped once, by the template
    assert tags["og:image"] == tags["twitter:image"] == "https://x.org/s/charts/c/chart.en.png"
    assert tags["og:locale"] == "en_US"
    assert {t["name"]: t["content"] for t in social("https://x.org/s/", "o3/", "t", "d", images=True)}["og:image"] == \
        "https://x.org/s/assets/screenshot.png"


def test_csp_fills_the_themes_placeholder_with_script_hashes():
    html = f'<meta http-equiv="Content-Security-Policy" content="{CSP_PLACEHOLDER}"><script>a()</script><script src="x.js"></script>'
    out = content_security_policy(html)
    assert CSP_PLACEHOLDER not in out and "'sha256-" in out and out.count("sha256-") == 1
    with pytest.raises(ValueError, match="placeholder"):
        content_security_policy("<script>a()</script>")
