"""Serve a built site as GitHub Pages serves it: under its base path (/<repo>/ for a project site),
with the site's 404.html (and status 404) for any missing path below it. Used by `make preview`
and by the tests' deploy rehearsal."""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class PagesHandler(SimpleHTTPRequestHandler):
    """Static files from `directory`; a missing path under /<base>/ gets <base>/404.html with status 404."""

    base = ""  # the site's folder below `directory` ('' for a bare host)
    quiet = True

    def log_message(self, *args):
        if not self.quiet:
            super().log_message(*args)

    def send_error(self, code, message=None, explain=None):
        prefix = f"/{self.base}/" if self.base else "/"
        page = Path(self.directory) / self.base / "404.html"
        if code != 404 or not self.path.startswith(prefix) or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


class PagesServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return  # the reader left before the file was sent: nothing went wrong here
        super().handle_error(request, client_address)


def start(folder: Path, port: int, base: str = "", quiet: bool = True) -> ThreadingHTTPServer:
    """Serve `folder` (which holds the site at `folder/base`) on 127.0.0.1:port in a daemon thread."""
    handler = type("Handler", (PagesHandler,), {"base": base.strip("/"), "quiet": quiet})
    server = PagesServer(("127.0.0.1", port), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def preview(site: Path, base_path: str, port: int = 8001) -> None:
    """Serve site/ at http://127.0.0.1:port<base_path> until interrupted."""
    base = base_path.strip("/")
    with tempfile.TemporaryDirectory(prefix="o3story-preview-") as tmp:
        folder = Path(tmp)
        if base:
            (folder / base).parent.mkdir(parents=True, exist_ok=True)
            (folder / base).symlink_to(site.resolve(), target_is_directory=True)
        else:
            folder = site.resolve()
        server = start(folder, port, base, quiet=False)
        print(f"serving {site} at http://127.0.0.1:{port}/{base + '/' if base else ''} (Ctrl-C stops)")
        try:
            threading.Event().wait()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
