import pytest

from o3story.site.seo import CSP_PLACEHOLDER, alternates, card_path, content_security_policy, key_chart, search_base, social


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


def test_social_tags_are_plain_values_with_the_pages_card():
    tags = {t["name"]: t["content"] for t in social("https://x.org/s/", "en/charts/c/", "A & <b>", "d", "charts/c/card.en.png", "alt")}
    assert tags["og:title"] == tags["twitter:title"] == "A & <b>"  # escaped once, by the template
    assert tags["og:image"] == tags["twitter:image"] == "https://x.org/s/charts/c/card.en.png"
    assert (tags["og:image:width"], tags["og:image:height"], tags["og:image:alt"]) == ("1200", "675", "alt")
    assert tags["og:locale"] == "en_US" and tags["twitter:card"] == "summary_large_image"
    # no images built (no browser): the screenshot, with no size claimed for it
    plain = {t["name"]: t["content"] for t in social("https://x.org/s/", "o3/", "t", "d", None)}
    assert plain["og:image"] == "https://x.org/s/assets/screenshot.png" and "og:image:width" not in plain


def test_each_page_has_its_own_card_in_its_language():
    assert card_path("charts/arc-agi-cost/", None) == "charts/arc-agi-cost/card.zh.png"
    assert card_path("en/charts/arc-agi-cost/", "o3-vs-o1") == "charts/arc-agi-cost/card.en.png"  # a chart page: its own
    assert card_path("en/o3/", "o3-vs-o1") == "charts/o3-vs-o1/card.en.png"  # a story page: its key chart's
    assert card_path("o3/", "o3-vs-o1") == "charts/o3-vs-o1/card.zh.png"
    assert card_path("methods/", None) == "cards/methods.zh.png"  # no chart: its own title card
    assert card_path("en/methods/", None) == "cards/methods.en.png"
    assert card_path("", None) == "cards/home.zh.png" and card_path("en/", None) == "cards/home.en.png"


def test_a_pages_key_chart_is_its_first():
    assert key_chart("intro\n\n{{ table a b }}\n\n{{ chart arc-agi-cost }}\n\n{{ chart claims-vs-shipped }}") == "arc-agi-cost"
    assert key_chart("{{ chart-list }} and {{ fig x }}") is None


def test_csp_fills_the_themes_placeholder_with_script_hashes():
    html = f'<meta http-equiv="Content-Security-Policy" content="{CSP_PLACEHOLDER}"><script>a()</script><script src="x.js"></script>'
    out = content_security_policy(html)
    assert CSP_PLACEHOLDER not in out and "'sha256-" in out and out.count("sha256-") == 1
    with pytest.raises(ValueError, match="placeholder"):
        content_security_policy("<script>a()</script>")
