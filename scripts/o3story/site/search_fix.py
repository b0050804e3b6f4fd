"""A fix to Material's search worker, in the built site: a Chinese word typed into search is looked up
as that word.

Material splits a Chinese query into words it finds in the index (its query/segment/index.ts), but
its loop stops one character short (`j < query.length`), so the last character of the query never
ends a word: 成本 (cost) was looked up as 成* and matched 成绩 (score) and 成立 (holds), and the page
opened from a result highlighted every 成. The loop runs to the query's end here (`j <= query.length`).
Material is in maintenance mode and has not fixed it; the pinned version's minified worker is changed
in the site written (the installed theme is left alone). If the worker's code changes (a Material
upgrade), the build stops and says so, rather than ship the bug again or patch the wrong place."""

from __future__ import annotations

import re
from pathlib import Path

WORKERS = Path("assets") / "javascripts" / "workers"
# The minified inner loop of segment(): for(let j=i+1;j<q.length;j++)q.slice(i,j)in index&&(cuts[i]=j-i)
BUGGY = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in (\w+)&&")
FIXED = re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in (\w+)&&")


class SearchWorkerChanged(RuntimeError):
    pass


def fix_query_segmentation(site: Path) -> list[Path]:
    """Fix the loop in every search worker of the built `site`; the files changed. Idempotent (a
    worker already fixed is left as it is)."""
    changed = []
    workers = sorted((site / WORKERS).glob("search.*.js"))
    for worker in workers:
        text = worker.read_text(encoding="utf-8")
        if FIXED.search(text):
            continue
        found = BUGGY.findall(text)
        if len(found) != 1:
            raise SearchWorkerChanged(
                f"{worker}: Material's search worker no longer has the one query-splitting loop that "
                f"o3story/site/search_fix.py fixes ({len(found)} found). If Material was upgraded, check "
                "whether its segment() still stops one character short, then update or remove the fix.")
        worker.write_text(BUGGY.sub(lambda m: m.group(0).replace(f"{m[1]}<{m[3]}.length", f"{m[1]}<={m[3]}.length"), text),
                          encoding="utf-8")
        changed.append(worker)
    return changed
