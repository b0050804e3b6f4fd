"""The theme's copies of Material templates (scripts/o3story/site/theme_copies.yaml): each original in
the installed Material is still the one copied (an upgrade that changed it fails here, naming the file),
and each copy is that original with exactly the listed changes. Also: no template names a hashed asset."""
import hashlib
import re
from pathlib import Path

import material
import pytest
import yaml

SITE = Path(__file__).resolve().parents[2] / "scripts" / "o3story" / "site"
THEME = SITE / "theme"
MATERIAL = Path(material.__file__).parent / "templates"
MANIFEST = yaml.safe_load((SITE / "theme_copies.yaml").read_text(encoding="utf-8"))
LEADING_COMMENT = re.compile(r"\A\s*\{#-.*?-#\}\s*", re.S)


def normalise(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines())


def block(text: str, name: str) -> str:
    found = re.search(r"\{% block " + re.escape(name) + r" %\}(.*?)\{% endblock %\}", text, re.S)
    assert found, f"no block {name}"
    return found.group(1)


def original(entry: dict) -> str:
    text = (MATERIAL / entry["original"]).read_text(encoding="utf-8")
    return normalise(block(text, entry["block"]) if entry.get("block") else LEADING_COMMENT.sub("", text))


def copy(entry: dict) -> str:
    text = (THEME / entry["copy"]).read_text(encoding="utf-8")
    return normalise(block(text, entry["block"]) if entry.get("block") else LEADING_COMMENT.sub("", text))


def apply(text: str, changes: list[dict], where: str) -> str:
    for change in changes:
        count = change.get("count", 1)
        assert text.count(change["was"]) == count, f"{where}: {change['was']!r} found {text.count(change['was'])} times, not {count}"
        text = text.replace(change["was"], change["now"])
    return text


def test_the_manifest_names_the_installed_material():
    from importlib.metadata import version

    assert version("mkdocs-material") == MANIFEST["material"], (
        "Material was upgraded: check each copy in theme_copies.yaml against the new originals and update the version")


@pytest.mark.parametrize("entry", MANIFEST["copies"], ids=lambda e: e["copy"] + (f"#{e['block']}" if e.get("block") else ""))
def test_each_copy_is_its_original_with_the_listed_changes(entry):
    where = entry["original"] + (f" block {entry['block']}" if entry.get("block") else "")
    source = original(entry)
    assert hashlib.sha256(source.encode()).hexdigest() == entry["sha256"], (
        f"Material's {where} changed since it was copied into theme/{entry['copy']}: re-copy it, re-apply the changes, update the hash")
    assert apply(source, entry["changes"], where) == copy(entry), f"theme/{entry['copy']} differs from {where} beyond its listed changes"


def test_every_partial_the_theme_overrides_is_in_the_manifest():
    listed = {e["copy"] for e in MANIFEST["copies"]}
    partials = {str(p.relative_to(THEME)) for p in THEME.rglob("partials/*.html")}
    assert partials <= listed, f"copied partials not in theme_copies.yaml: {sorted(partials - listed)}"


def test_no_template_names_a_hashed_asset():
    hashed = re.compile(r"[\w-]+\.[0-9a-f]{8}\.min\.(?:js|css)")
    for path in THEME.rglob("*.html"):
        assert not hashed.search(path.read_text(encoding="utf-8")), f"{path.name} names a hashed asset: {hashed.search(path.read_text()).group(0)}"
