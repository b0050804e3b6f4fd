from o3story.render.i18n import LANGS, table, t


def test_tables_have_the_same_keys():
    zh, en = (set(table(lang)) for lang in LANGS)
    assert zh == en, {"only zh": zh - en, "only en": en - zh}


def test_no_empty_strings():
    for lang in LANGS:
        assert all(isinstance(v, str) and v.strip() for v in table(lang).values()), lang


def test_placeholders_match():
    import string

    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    for key in table("zh"):
        assert fields(table("zh")[key]) == fields(table("en")[key]), key


def test_lookup():
    assert t("en", "unit.seconds", v="7.7") == "7.7 s"
    assert t("zh", "unit.seconds", v="7.7") == "7.7 秒"
