"""Command line: `python -m o3story check` validates data/; `python -m o3story build` builds the site atomically;
`python -m o3story release` rewrites the release metadata (CITATION.cff, .zenodo.json) from data/;
`python -m o3story due` says whether an event the site gives as still to come has come (exit 1 if so)."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import date, datetime, timezone
from pathlib import Path

from o3story.data.errors import DataErrors
from o3story.data.story import load_story

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="o3story")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate data/ and the wording of its texts and docs/, and report every error")
    check.add_argument("data", nargs="?", type=Path, default=ROOT / "data")
    build = sub.add_parser("build", help="build the site into a temporary folder, then swap it in")
    build.add_argument("--site", type=Path, default=ROOT / "site")
    build.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    build.add_argument("--generator", choices=("mkdocs", "properdocs"), default=os.environ.get("O3STORY_GENERATOR", "mkdocs"),
                       help="the static site generator that turns the pages into HTML (default mkdocs; "
                            "properdocs is the maintained MkDocs 1.x continuation, same output)")
    prev = sub.add_parser("preview", help="serve the built site under its base path, as GitHub Pages does")
    prev.add_argument("--site", type=Path, default=ROOT / "site")
    prev.add_argument("--config", type=Path, default=ROOT / "mkdocs.yml")
    prev.add_argument("--port", type=int, default=8001)
    rel = sub.add_parser("release", help="rewrite CITATION.cff and .zenodo.json from data/ (the data version and its date)")
    rel.add_argument("--check", action="store_true", help="only report whether they are in step with data/ (exit 1 if not)")
    due = sub.add_parser("due", help="say whether an event the site still gives as to come has reached its day (exit 1 if so, "
                                      "2 on a data error): then the as-of date in data/status.yaml is due to move")
    due.add_argument("data", nargs="?", type=Path, default=ROOT / "data")
    due.add_argument("--today", type=date.fromisoformat, default=None, help="the day to check against (default: today, UTC)")
    due.add_argument("--report", type=Path, default=None, help="also write the report (Markdown) to this file")
    args = parser.parse_args(argv)
    if args.command == "check":
        try:
            story = load_story(args.data)
        except DataErrors as exc:
            print(exc, file=sys.stderr)
            return 1
        from o3story.site.words import source_problems

        words = source_problems(args.data.resolve().parent, story, args.data.resolve())
        if words:  # a typed qualifier before a figure that prints its own, a figure inside a quotation
            print(f"{len(words)} wording error{'s' if len(words) != 1 else ''}:", *words, sep="\n", file=sys.stderr)
            return 1
        d = story.data
        print(f"ok: {len(d.sources)} sources, {len(d.metrics)} metrics, {len(d.figures)} figures, "
              f"{len(story.transcript.turns)} transcript turns")
        return 0
    if args.command == "due":
        from o3story.data import due as due_

        try:
            story = load_story(args.data)
        except DataErrors as exc:
            print(exc, file=sys.stderr)
            return 2  # not 1, which says that something is due
        today = args.today or datetime.now(timezone.utc).date()
        late, text = due_.report(story.data, today)
        if args.report:
            args.report.write_text(text, encoding="utf-8")
        print(text, end="", file=sys.stderr if late else sys.stdout)
        return 1 if late else 0
    if args.command == "release":
        from o3story.site import release

        if args.check:
            out = release.stale(ROOT)
            for name in out:
                print(f"{name}: out of step with data/: run `python -m o3story release`", file=sys.stderr)
            if not out:
                print("ok: release metadata in step with data/")
            return 1 if out else 0
        for path in release.write(ROOT):
            print(f"wrote {path.relative_to(ROOT)}")
        return 0
    from o3story.site.build import build_site, site_url

    if args.command == "preview":
        from o3story.site.linkcheck import base_path
        from o3story.site.preview import preview

        if not (args.site / "index.html").exists():
            print(f"no built site in {args.site}: run `make build` first", file=sys.stderr)
            return 1
        preview(args.site, base_path(site_url(args.config)), args.port)
        return 0
    return build_site(args.config, args.site, generator=args.generator)


if __name__ == "__main__":
    sys.exit(main())
