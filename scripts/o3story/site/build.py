"""Build the site atomically: the generator (MkDocs, or ProperDocs, the maintained MkDocs 1.x continuation
that reads the same mkdocs.yml, hook and plugins) builds into a temporary folder that replaces site/ only
on success."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from o3story.render.reuse import project_reuse
from o3story.site.linkcheck import broken_links


def site_url(config: Path) -> str:
    """The site_url the build used: SITE_URL if set, else mkdocs.yml's default (which has a path). Read
    with MkDocs' YAML loader (its !ENV tag), not a whole config load, which would load every plugin."""
    from mkdocs.utils.yaml import yaml_load

    with config.open("rb") as f:
        url = yaml_load(f).get("site_url") or ""
    return url if not url or url.endswith("/") else url + "/"  # as MkDocs' URL option makes it


GENERATORS = ("mkdocs", "properdocs")  # python -m <name> build: the same command line and the same output


def build_site(config: Path, site: Path, strict: bool = True, generator: str = "mkdocs") -> int:
    if generator not in GENERATORS:
        raise ValueError(f"unknown generator {generator!r}: one of {', '.join(GENERATORS)}")
    site = site.resolve()
    site.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    cmd = [sys.executable, "-m", generator, "build", "--clean", "-f", str(config), "-d", str(tmp)]
    if strict:
        cmd.append("--strict")
    result = subprocess.run(cmd, cwd=config.parent)
    broken = [] if result.returncode != 0 else broken_links(tmp, site_url(config), project_reuse(config.parent))
    if result.returncode != 0 or broken:
        for line in broken:
            print(f"broken link: {line}", file=sys.stderr)
        shutil.rmtree(tmp, ignore_errors=True)
        print(f"build failed: {site} left as it was", file=sys.stderr)
        return result.returncode or 1
    old = site.with_name(site.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if site.exists():
        os.replace(site, old)
    os.replace(tmp, site)
    shutil.rmtree(old, ignore_errors=True)
    return 0
