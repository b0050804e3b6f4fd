"""Static chart images from plotly's own exporter (kaleido) driving the system Chromium.

One kaleido server per process (a browser per image costs seconds; the server, a fraction of one),
MathJax off (kaleido would fetch it from a CDN), and a cache keyed by the image's content hash so
that a rebuild that changes nothing renders nothing.

A build draws with the plotly.js the site serves (`plotlyjs`: its path, given when first needed), so
that a static image and the live chart come from the same code. Kaleido reloads its page after each
image, and the site's plotly.js is a fifth of the full one: an image takes about half the time
(24 images: 4.1 s against 7.4 s with plotly.py's full plotly.js, the same PNG bytes).
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_browser() -> str | None:
    """BROWSER_PATH if it exists (BROWSER_PATH=none: no browser, as on a machine without one), else the PATH."""
    path = os.environ.get("BROWSER_PATH")
    if path == "none":
        return None
    if path and Path(path).exists():
        return path
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Images:
    """Renders plotly figures to PNG/SVG bytes, through a cache folder."""

    def __init__(self, cache: Path, browser: str | None, plotlyjs: Callable[[], Path] | None = None):
        self.cache = cache
        self.browser = browser
        self._plotlyjs = plotlyjs  # the plotly.js to draw with (None: the one plotly.py ships)
        self.rendered = 0  # images actually rendered (not served from the cache) by this object
        self.reuse = None  # render/reuse.Reuse: pictures kept across builds by what they show (set by a build)

    @property
    def available(self) -> bool:
        return self.browser is not None

    @property
    def plotlyjs(self) -> Path | None:
        """The plotly.js file to draw with (built on first use), or None for plotly.py's own."""
        if callable(self._plotlyjs):
            self._plotlyjs = self._plotlyjs()
        return self._plotlyjs

    def key(self, spec: str, fmt: str, scale: int = 2) -> str:
        from importlib.metadata import version

        h = hashlib.sha256()
        # (scale 2, the default, adds nothing to the key: images cached before scales existed stay valid;
        # the site's plotly.js is named by a hash of what it is built from)
        drawn_by = () if self.plotlyjs is None else (self.plotlyjs.name,)
        for part in (spec, fmt, version("plotly"), version("kaleido")) + drawn_by + (() if scale == 2 else (f"scale={scale}",)):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()

    def render(self, fig, fmt: str, scale: int = 2) -> bytes:
        """PNG at `scale` pixels per layout pixel (a 1200x675 card at 1 is 1200x675); SVG at 1."""
        spec = json.dumps(fig.to_plotly_json(), sort_keys=True, default=str)
        path = self.cache / f"{self.key(spec, fmt, scale if fmt == 'png' else 2)}.{fmt}"
        if path.exists():
            return path.read_bytes()
        self._start()
        data = fig.to_image(format=fmt, scale=scale if fmt == "png" else 1)
        self.cache.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
        self.rendered += 1
        return data

    def _start(self) -> None:
        """Kaleido's server is one per process: start it drawing with this object's plotly.js, or restart
        it if another object started it with another (a test may hold both)."""
        import kaleido

        drawn_by = None if self.plotlyjs is None else str(self.plotlyjs)
        if _SERVER["running"] and _SERVER["plotlyjs"] == drawn_by:
            return
        if _SERVER["running"]:
            _stop()
        os.environ.setdefault("BROWSER_PATH", self.browser or "")
        kaleido.start_sync_server(n=1, mathjax=False, silence_warnings=True, **({} if drawn_by is None else {"plotlyjs": drawn_by}))
        _SERVER.update(running=True, plotlyjs=drawn_by)
        if not _SERVER["stop_at_exit"]:
            atexit.register(_stop)
            _SERVER["stop_at_exit"] = True

    def close(self) -> None:
        _stop()


_SERVER = {"running": False, "plotlyjs": None, "stop_at_exit": False}  # the process's kaleido server


def _stop() -> None:
    if _SERVER["running"]:
        import kaleido

        try:
            kaleido.stop_sync_server(silence_warnings=True)
        except Exception:  # noqa: BLE001 - the process is ending anyway
            pass
        _SERVER["running"] = False
