"""The release metadata files at the repository root (CITATION.cff, .zenodo.json), kept in step with
data/: `expected` gives what they must hold for the data as it is (render/release.py), `stale` names
those that differ, `write` rewrites them (`python -m o3story release`).

The addresses are mkdocs.yml's own defaults (site_url, repo_url), never SITE_URL or REPO_URL from the
environment: a release names the project's published address, wherever it was built."""

from __future__ import annotations

from pathlib import Path

import yaml

from o3story.data.story import load_story
from o3story.render import datapackage, exports, release


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: `!ENV [NAME, default]` gives its default; Python tags (Markdown extensions'
    options) give None, as no key read here holds one."""


_ConfigLoader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def addresses(config: Path) -> tuple[str, str]:
    """mkdocs.yml's default site_url (with a trailing slash) and repo_url."""
    conf = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    site_url = str(conf["site_url"])
    return site_url if site_url.endswith("/") else site_url + "/", str(conf.get("repo_url") or "")


def expected(root: Path) -> dict[str, str]:
    """Each file's text for the repository at `root` (its data/ and mkdocs.yml) as it is now."""
    story = load_story(root / "data")
    site_url, repo_url = addresses(root / "mkdocs.yml")
    version = exports.data_version(root / "data")
    return release.files(story, version, site_url, repo_url, datapackage.package_url(site_url))


def stale(root: Path) -> list[str]:
    """The names of the files that are missing or differ from what data/ gives."""
    return [name for name, text in expected(root).items()
            if not (root / name).exists() or (root / name).read_text(encoding="utf-8") != text]


def write(root: Path) -> list[Path]:
    written = []
    for name, text in expected(root).items():
        path = root / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
