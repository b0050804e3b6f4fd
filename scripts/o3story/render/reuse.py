"""Reuse across builds: the results of the build's costly pure steps (a page's filled Markdown, a chart's
files, its pictures), kept in a folder and found again by a content hash of everything that made them:
the package's own files, the installed libraries that shape the output, and the step's inputs (the data
version among them). A change to any of these is a new key, so a result is never stale; a build that
finds nothing (a fresh machine, `O3STORY_REUSE=off`) computes everything, with the same output.

Entries are pickles named by their key. An entry that cannot be read is computed again; entries not
used for `KEEP_DAYS` days are removed when a build starts.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import time
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parents[1]  # scripts/o3story
# Libraries whose version can change what a step returns (plotly's JSON and figures, kaleido's pictures,
# the templates' engine and escaping, the YAML reader).
LIBRARIES = ("plotly", "kaleido", "jinja2", "markupsafe", "pyyaml", "jieba")
KEEP_DAYS = 14
SUFFIXES = {".py", ".yaml", ".html", ".js", ".css", ".json", ".txt", ".md", ".svg"}


@cache
def code_hash() -> str:
    """A hash of the package's files and the libraries' versions. Computed once per process: a running
    `mkdocs serve` keeps its imported code until it restarts, and so keeps this."""
    h = hashlib.sha256()
    for path in sorted(p for p in PACKAGE.rglob("*") if p.is_file() and p.suffix in SUFFIXES and "__pycache__" not in p.parts):
        h.update(path.relative_to(PACKAGE).as_posix().encode())
        h.update(b"\0")
        h.update(path.read_bytes())
    for name in LIBRARIES:
        try:
            h.update(f"{name}={version(name)}".encode())
        except PackageNotFoundError:
            h.update(f"{name}=-".encode())
    return h.hexdigest()


class Reuse:
    """`reuse(kind, inputs, make)`: make()'s result for these inputs, from the folder when a build has
    made it before. `inputs` is JSON (strings, numbers, booleans, lists): what, beside the code, the
    result depends on. `folder` None: reuse nothing (every call makes)."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self.hits = 0
        self.misses = 0
        if folder is not None:
            self._prune()

    def key(self, kind: str, inputs) -> str:
        h = hashlib.sha256(code_hash().encode())
        h.update(kind.encode())
        h.update(b"\0")
        h.update(json.dumps(inputs, sort_keys=True, ensure_ascii=False).encode("utf-8"))
        return h.hexdigest()

    def __call__(self, kind: str, inputs, make: Callable[[], T]) -> T:
        if self.folder is None:
            return make()
        path = self.folder / f"{kind}-{self.key(kind, inputs)[:32]}.pickle"
        try:
            value = pickle.loads(path.read_bytes())
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, TypeError, ValueError):
            value = make()
            self.misses += 1
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)  # whole or not at all, even with two builds at once
            return value
        self.hits += 1
        os.utime(path)  # used: kept by the next prune
        return value

    def _prune(self) -> None:
        if not self.folder.is_dir():
            return
        old = time.time() - KEEP_DAYS * 86400
        for path in self.folder.iterdir():
            try:
                if path.stat().st_mtime < old:
                    path.unlink()
            except OSError:
                pass


def image_cache(root: Path) -> Path:
    """The project's image cache: O3STORY_CACHE, else .cache/images under the project."""
    return Path(os.environ.get("O3STORY_CACHE") or root / ".cache" / "images")


def project_reuse(root: Path) -> Reuse:
    """The project's reuse folder, inside its image cache; `O3STORY_REUSE=off`: none."""
    return Reuse(None if os.environ.get("O3STORY_REUSE") == "off" else image_cache(root) / "reuse")
