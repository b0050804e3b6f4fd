"""A fix to Material's search worker, in the built site: a Chinese word typed into search is looked up
as that word.

Material splits a Chinese query into words it finds in the index (its query/segment/index.ts), but
stops one character short twice. Its first loop (`j < query.length`) never lets the last character
end a word: 成本 (cost) was looked up as 成* and matched 成绩 (score) and 成立 (holds), and the page
opened from a result highlighted every 成. Its walk over the words then stops before a last word of one
character (`q < query.length - 1`): 系统卡 (system card) was looked up as 系统 alone. Both run to the
query's end here.
Material is in maintenance mode and has not fixed it; the pinned version's minified worker is changed
in the site written (the installed theme is left alone). If the worker's code changes (a Material
upgrade), the build stops and says so, rather than ship the bug again or patch the wrong place."""

from __future__ import annotations

import re
from pathlib import Path

WORKERS = Path("assets") / "javascripts" / "workers"
# Each fix: the minified code with the bug, and as fixed (variable names are the minifier's, so matched
# by shape). The first loop: for(let j=i+1;j<q.length;j++)q.slice(i,j)in index&&(cuts[i]=j-i); the
# walk: cuts[k]&&k<q.length-1&&(stack[s++]=k).
FIXES = (
    ("the loop that finds words",
     re.compile(r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in (\w+)&&"),
     re.compile(r"for\(let (\w+)=(\w+)\+1;\1<=(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in (\w+)&&"),
     lambda m: m.group(0).replace(f"{m[1]}<{m[3]}.length", f"{m[1]}<={m[3]}.length")),
    ("the walk to the last word",
     re.compile(r"(\w+)\[(\w+)\]&&\2<(\w+)\.length-1&&\((\w+)\[(\w+)\+\+\]=\2\)"),
     re.compile(r"(\w+)\[(\w+)\]&&\2<(\w+)\.length&&\((\w+)\[(\w+)\+\+\]=\2\)"),
     lambda m: m.group(0).replace(f"{m[2]}<{m[3]}.length-1", f"{m[2]}<{m[3]}.length")),
)


class SearchWorkerChanged(RuntimeError):
    pass


def fix_query_segmentation(site: Path) -> list[Path]:
    """Fix both places in every search worker of the built `site`; the files changed. Idempotent (a
    place already fixed is left as it is)."""
    changed = []
    for worker in sorted((site / WORKERS).glob("search.*.js")):
        text = original = worker.read_text(encoding="utf-8")
        for name, buggy, fixed, fix in FIXES:
            if fixed.search(text):
                continue
            found = buggy.findall(text)
            if len(found) != 1:
                raise SearchWorkerChanged(
                    f"{worker}: Material's search worker no longer has {name} that o3story/site/search_fix.py "
                    f"fixes ({len(found)} found). If Material was upgraded, check whether its segment() still "
                    "stops one character short, then update or remove the fix.")
            text = buggy.sub(fix, text)
        if text != original:
            worker.write_text(text, encoding="utf-8")
            changed.append(worker)
    return changed
