"""Static chart images from plotly's own exporter (kaleido) driving the system Chromium.

One kaleido server per process (a browser per image costs seconds; the server, a fraction of one),
MathJax off (kaleido would fetch it from a CDN), and a cache keyed by the image's content hash so
that a rebuild that changes nothing renders nothing.
"""

from __future__ import annotations

import atexit
import hashlib
import json
import os
import shutil
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

    def __init__(self, cache: Path, browser: str | None):
        self.cache = cache
        self.browser = browser
        self.rendered = 0  # images actually rendered (not served from the cache) by this object
        self._server = False
        self.reuse = None  # render/reuse.Reuse: pictures kept across builds by what they show (set by a build)

    @property
    def available(self) -> bool:
        return self.browser is not None

    def key(self, spec: str, fmt: str, scale: int = 2) -> str:
        from importlib.metadata import version

        h = hashlib.sha256()
        # (scale 2, the default, adds nothing to the key: images cached before scales existed stay valid)
        for part in (spec, fmt, version("plotly"), version("kaleido")) + (() if scale == 2 else (f"scale={scale}",)):
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
        if self._server:
            return
        import kaleido

        os.environ.setdefault("BROWSER_PATH", self.browser or "")
        kaleido.start_sync_server(n=1, mathjax=False, silence_warnings=True)
        self._server = True
        atexit.register(self.close)

    def close(self) -> None:
        if self._server:
            import kaleido

            try:
                kaleido.stop_sync_server(silence_warnings=True)
            except Exception:  # noqa: BLE001 - the process is ending anyway
                pass
            self._server = False
