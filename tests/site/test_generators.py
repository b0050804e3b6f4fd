"""Proven on the fork: ProperDocs (the maintained MkDocs 1.x continuation, pinned in requirements/site.txt)
builds the same site from the same mkdocs.yml, hook and plugins. The session's site is MkDocs' build;
this builds the site again with ProperDocs at the same address and compares every file: the only
difference allowed is the generator's name in the head's generator tag."""

from __future__ import annotations

import re

from conftest import run_build

GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


def normalised(data: bytes) -> bytes:
    return GENERATOR_TAG.sub(b'<meta name="generator">', data)


def test_properdocs_builds_the_same_site(site, tmp_path):
    fork = tmp_path / "properdocs"
    result = run_build(fork, site.url, O3STORY_GENERATOR="properdocs")
    assert result.returncode == 0, result.stdout + result.stderr
    assert b"ProperDocs" in (fork / "index.html").read_bytes(), "the build did not run ProperDocs"
    ours = {p.relative_to(site.root).as_posix() for p in site.root.rglob("*") if p.is_file()}
    theirs = {p.relative_to(fork).as_posix() for p in fork.rglob("*") if p.is_file()}
    assert ours == theirs, f"only in MkDocs' build: {sorted(ours - theirs)[:10]}; only in ProperDocs': {sorted(theirs - ours)[:10]}"
    differ = [name for name in sorted(ours)
              if normalised((site.root / name).read_bytes()) != normalised((fork / name).read_bytes())]
    assert not differ, f"{len(differ)} files differ beyond the generator tag: {differ[:10]}"
