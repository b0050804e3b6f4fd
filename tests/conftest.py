"""Shared fixtures: a small valid data folder to break on purpose, and the one site build
that every site and browser test reads (built once per session)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = Path(__file__).parent / "fixtures" / "data"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"  # axe-core, installed by `npm ci`


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A copy of the small valid fixture data, named `data` like the real folder."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text not found in {path.name}: {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# --- one real build of the site, served on loopback, shared by site and browser tests ---------

import os  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from http.server import ThreadingHTTPServer  # noqa: E402

BROWSER_PATH = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
BROWSER_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@dataclass(frozen=True)
class Site:
    root: Path
    url: str
    build_log: str

    def pages(self) -> list[str]:
        """Site-relative URLs of every built site page ('' for the home page, 'en/o3/' ...).
        Embed pages (/embed/<id>/ and /en/embed/scorecard/, both languages in one page) are not site
        pages: see test_embed."""
        out = []
        for index in sorted(self.root.rglob("index.html")):
            rel = index.parent.relative_to(self.root).as_posix()
            if "embed" not in rel.split("/")[:2]:  # /embed/<id>/ and /en/embed/scorecard/
                out.append("" if rel == "." else rel + "/")
        return out

    def embeds(self) -> list[str]:
        pages = [*(self.root / "embed").glob("*/index.html"), *(self.root / "en" / "embed").glob("*/index.html")]
        return sorted(p.parent.relative_to(self.root).as_posix() + "/" for p in pages)

    def html(self, page: str) -> str:
        return (self.root / page / "index.html").read_text(encoding="utf-8")


def run_build(site_dir: Path, site_url: str, data: Path | None = None, **extra_env: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts"), **extra_env}
    if data is not None:
        env["O3STORY_DATA"] = str(data)
    return subprocess.run(
        [sys.executable, "-m", "o3story", "build", "--site", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def steady_port(name: str) -> int:
    """The same port for `name` in every run when it is free, else any free port. A site build prints
    its address in every chart image's and title card's footer, so the image cache (keyed by content)
    finds them only when the address is the one built before: a build at a new port drew every picture
    again (about 35 s on the 2-core machine)."""
    import zlib

    port = 20_000 + zlib.crc32(name.encode()) % 20_000
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as the server binds it (a past run's TIME_WAIT)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return free_port()
    return port


def serve(folder: Path, port: int, base: str = "") -> ThreadingHTTPServer:
    """`folder` on loopback as GitHub Pages serves it (the site under /<base>/, its 404 page for missing paths)."""
    from o3story.site.preview import start

    return start(folder, port, base)


# The deploy rehearsal: the session's one build is published as GitHub Pages publishes a project
# site, under a base path (/o3-rehearsal/), by serving the folder above it. Every site and browser
# test then runs against the site as readers get it, not at a bare host.
BASE = "o3-rehearsal"


@pytest.fixture(scope="session")
def site(request, tmp_path_factory) -> Site:
    shared = getattr(request.config, "workerinput", {}).get("o3_site")
    if shared is not None:  # a worker of `pytest -n`: the one build, served by the controller
        yield shared_site(Path(shared["served"]), shared["port"])
        return
    port = steady_port("o3story rehearsal")
    url = f"http://127.0.0.1:{port}/{BASE}/"
    served = tmp_path_factory.mktemp("pages")
    root = served / BASE
    result = run_build(root, url)
    assert result.returncode == 0, result.stdout + result.stderr
    server = serve(served, port, BASE)
    yield Site(root, url, result.stdout + result.stderr)
    server.shutdown()


# With pytest-xdist (`pytest -n 2`, as `make test` runs), the workers share one build: the controller
# picks the port and serves the folder for the whole session. The build starts in the background as
# soon as a worker has collected a test that needs the site (pytest_collection_modifyitems), while the
# tests that need no site run first; the `site` fixture waits for it, or builds it if no worker has.
def build_shared(served: Path, port: int) -> None:
    """Build the site into `served`, with its log; a failed build leaves `build.failed` beside it."""
    result = run_build(served / BASE, f"http://127.0.0.1:{port}/{BASE}/")
    (served / "build.log").write_text(result.stdout + result.stderr, encoding="utf-8")
    if result.returncode != 0:
        (served / "build.failed").touch()


def start_shared_build(config, served: Path, port: int) -> None:
    """In a worker: build the shared site in a thread, holding the build lock until it is done, unless
    another worker holds it or the site is built."""
    import fcntl
    import threading

    lock = open(served / "build.lock", "w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        lock.close()  # another worker builds it
        return
    if (served / "build.log").exists():
        lock.close()
        return

    def build():
        try:
            build_shared(served, port)
        finally:
            lock.close()  # the lock goes with the file

    config._o3_build = threading.Thread(target=build, name="o3-site-build", daemon=True)
    config._o3_build.start()


def shared_site(served: Path, port: int) -> Site:
    import fcntl

    root, log, failed = served / BASE, served / "build.log", served / "build.failed"
    url = f"http://127.0.0.1:{port}/{BASE}/"
    with open(served / "build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # held by the building thread or worker until the build is done
        if not log.exists():
            build_shared(served, port)
    assert not failed.exists(), log.read_text(encoding="utf-8")
    return Site(root, url, log.read_text(encoding="utf-8"))


def pytest_sessionfinish(session):
    build = getattr(session.config, "_o3_build", None)
    if build is not None:  # a worker whose tests needed no site yet: the build is left whole, not cut off
        build.join()


def _xdist_controller(config) -> bool:
    return (not hasattr(config, "workerinput") and config.pluginmanager.hasplugin("xdist")
            and bool(getattr(config.option, "numprocesses", None)) and getattr(config.option, "dist", "no") != "no")


def pytest_configure(config):
    # Every site the suite builds carries the same build date (MkDocs' sitemaps date each page with it):
    # two builds on either side of midnight differed only there. Set in the controller, before the
    # workers start, so that they inherit it.
    import time

    os.environ.setdefault("SOURCE_DATE_EPOCH", str(int(time.time())))
    if _xdist_controller(config):
        import tempfile

        served = Path(tempfile.mkdtemp(prefix="o3story-pages-"))
        port = steady_port("o3story rehearsal")
        config._o3_site = {"served": str(served), "port": port}
        config._o3_server = serve(served, port, BASE)


def pytest_unconfigure(config):
    server = getattr(config, "_o3_server", None)
    if server is not None:
        server.shutdown()
        shutil.rmtree(config._o3_site["served"], ignore_errors=True)


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):  # pytest-xdist, in the controller: what each worker is given
    shared = getattr(node.config, "_o3_site", None)
    if shared is not None:
        node.workerinput["o3_site"] = shared


@pytest.fixture(scope="session")
def browser():
    if not Path(BROWSER_PATH).exists():
        pytest.fail(f"no browser at {BROWSER_PATH}: run `make browser` or set BROWSER_PATH")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=BROWSER_PATH, args=BROWSER_FLAGS)
        yield b
        b.close()


# A page's content-security-policy violations, as they happen (an init script: window.__csp).
CSP_WATCH = ("window.__csp = []; document.addEventListener('securitypolicyviolation',"
             " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));")


class Tabs:
    """Browser tabs kept open for a worker's whole run, one per kind of context (its options).

    Opening a tab starts a renderer process, which on the 2-core machine costs about a second of CPU,
    more than the page load itself: 12 chart pages loaded and drawn, each in a new tab, took 23.9 s of
    CPU and 12.7 s; in one tab, 8.5 s and 5.2 s. So a test that loads the site's pages takes a kept tab
    (the `tab` fixture) and gives it back blank: the site's storage cleared (the theme's palette choice
    lives there), its cookies cleared, its viewport as made, the pointer at the corner, at about:blank.
    A context's init script is one of its options (`init_script=`); a test's event listeners are added
    with `listen` and removed when the tab is given back. A test that needs a fresh browser (a cold
    cache, routes of its own) opens its own context, as before."""

    def __init__(self, browser):
        self.browser = browser
        self.kept: dict[str, object] = {}

    def take(self, **options):
        import json

        key = json.dumps(options, sort_keys=True)
        page = self.kept.get(key)
        if page is None or page.is_closed():
            made = {k: v for k, v in options.items() if k != "init_script"}
            ctx = self.browser.new_context(**made)
            if "init_script" in options:
                ctx.add_init_script(options["init_script"])
            page = self.kept[key] = ctx.new_page()
        page._o3_options = options
        return page

    def give_back(self, page) -> None:
        try:
            unlisten(page)
            if page.url.startswith("http"):
                page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
            page.goto("about:blank")
            page.context.clear_cookies()
            if "viewport" in page._o3_options and page.viewport_size != page._o3_options["viewport"]:
                page.set_viewport_size(page._o3_options["viewport"])
            page.mouse.move(0, 0)
        except Exception:  # noqa: BLE001 - playwright's Error: a tab in a state we cannot undo is closed
            page.context.close()
            self.kept = {k: p for k, p in self.kept.items() if p is not page}


def listen(page, event: str, handler) -> None:
    """page.on(event, handler), undone by `unlisten` (and when a kept tab is given back)."""
    page.on(event, handler)
    page.__dict__.setdefault("_o3_listeners", []).append((event, handler))


def unlisten(page) -> None:
    for event, handler in page.__dict__.pop("_o3_listeners", []):
        page.remove_listener(event, handler)


@pytest.fixture(scope="session")
def tabs(browser):
    return Tabs(browser)


@pytest.fixture
def tab(tabs):
    """`tab(**context_options)`: a kept tab of a context with those options (Playwright's
    `new_context` arguments), blank, given back blank after the test."""
    taken = []

    def take(**options):
        page = tabs.take(**options)
        taken.append(page)
        return page

    yield take
    for page in taken:
        tabs.give_back(page)


def draw_all_charts(page) -> None:
    """Charts are static images until the reader moves; then they draw as they near the viewport
    (an embed page waits for the pointer on its chart). Make every chart on the page draw, one by one."""
    page.wait_for_load_state("load")
    # The front tab: a page behind another of its context (a scratch page just used) gets no animation
    # frames, and a chart that draws in one waits for the browser's background timer instead (2-3 s).
    page.bring_to_front()
    page.mouse.move(5, 5)
    for i, plot in enumerate(page.locator(".o3-chart__plot").all()):
        for attempt in range(3):  # a chart above may grow as it draws and push this one away mid-scroll
            plot.scroll_into_view_if_needed()  # the plot, not the whole figure: a tall figure centres below it
            try:
                plot.hover(force=True, timeout=5_000)
                break
            except Exception:  # noqa: BLE001 - playwright's Error; retried, then raised
                if attempt == 2:
                    raise
        page.wait_for_function("i => document.querySelectorAll('.o3-chart')[i].dataset.ready", arg=i, timeout=20_000)


def images_shown(page, selector: str = "img.o3-chart__static") -> None:
    """Wait until the page's fonts and its `selector` images are loaded and decoded: what a test that
    measures or photographs them needs (not a quiet network, which costs half a second per page)."""
    page.wait_for_function("""sel => document.fonts.status === 'loaded'
        && [...document.querySelectorAll(sel)].every(i => i.complete && i.naturalWidth > 0)""", arg=selector)


def record_figures(path: Path, results: dict, **dumps) -> None:
    """Merge a test's figures into its JSON file under .cache/ (`json.dumps` options in `dumps`). Under a
    lock, and by replacing the file whole: pytest-xdist's workers each run part of a module and write at
    its end, and a worker once read the file while another had emptied it to write (run 93)."""
    import fcntl
    import json
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_name(path.name + ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        old.update(results)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False, encoding="utf-8") as tmp:
            tmp.write(json.dumps(old, indent=1, **dumps))
        os.replace(tmp.name, path)


@pytest.fixture(scope="session")
def story():
    """The real data, loaded once (tests that need other data define their own `story`)."""
    from o3story.data.story import load_story

    return load_story(ROOT / "data")


# The fast lane (`make test-fast`): no browser and no whole-site build. A test that uses the session's
# site, a browser, kaleido's images or a site of its own (the fixtures below; a test that calls
# `run_build` itself carries the mark) is marked `slow` here.
SLOW_FIXTURES = {"site", "hostile_site", "browser", "pages", "context", "images", "page"}


def pytest_collection_modifyitems(config, items):
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if names & SLOW_FIXTURES or item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.slow)
    # The fast tests first (a stable sort: the same order in every worker, as pytest-xdist requires), so
    # that under `pytest -n` they run while the shared site builds; then the long ones (`long`), so that
    # the run does not end with one worker alone on a long test.
    items.sort(key=lambda item: (item.get_closest_marker("slow") is not None, item.get_closest_marker("long") is None))
    shared = getattr(config, "workerinput", {}).get("o3_site")
    if shared is not None and any("site" in getattr(item, "fixturenames", ()) for item in items):
        start_shared_build(config, Path(shared["served"]), shared["port"])
