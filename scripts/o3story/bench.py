"""`make bench`: build and load the site and the naive way of doing the same, and print the figures.

Naive = each chart from plotly's `to_html` with the full plotly.js inline, in a plain mkdocs page.
Prints times, bytes (gzip, as a server sends them) and Lighthouse scores, each with its ratio to the
naive build. No limits are asserted here: this measures, the README reports.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
BROWSER = os.environ.get("BROWSER_PATH", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
LIGHTHOUSE = "12.2.3"


# -- serving ------------------------------------------------------------------------------------

class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files gzip-compressed, as GitHub Pages does."""

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        import io

        return io.BytesIO(body)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(root: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{port}/", server


# -- builds -------------------------------------------------------------------------------------

def env(**extra: str) -> dict:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "scripts"), **extra}


def timed(cmd: list[str], **kw) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, **kw)
    return time.perf_counter() - start


def build_ours(site: Path, url: str, cache: Path) -> float:
    return timed([PY, "-m", "o3story", "build", "--site", str(site)], cwd=ROOT,
                 env=env(SITE_URL=url, O3STORY_CACHE=str(cache)))


def plain_pages(work: Path) -> Path:
    """The same pages as plain markdown (placeholders already filled), built by mkdocs without the hook."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from o3story.data.locale import LANGS, locale
    from o3story.render import charts
    from o3story.render.pages import chart_page, render
    from o3story.data.story import load_story

    story = load_story(ROOT / "data")
    docs = work / "docs"
    shutil.copytree(ROOT / "docs", docs)
    for md in docs.rglob("*.md"):
        lang = md.suffixes[-2].lstrip(".")
        folder = md.parent.relative_to(docs).as_posix()
        page = "" if md.name.startswith("index.") else md.name.split(".")[0] + "/"
        url = locale(lang).root + ("" if folder == "." else folder + "/") + page
        md.write_text(render(md.read_text(encoding="utf-8"), lang, story, url, images=True), encoding="utf-8")
    (docs / "charts").mkdir(exist_ok=True)
    for chart_id in charts.CHARTS:
        for lang in LANGS:
            url = locale(lang).root + f"charts/{chart_id}/"
            text = chart_page(chart_id, lang, story).replace("{{ chart-tools " + chart_id + " }}", "")
            (docs / "charts" / f"{chart_id}.{lang}.md").write_text(render(text, lang, story, url, images=True), encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace("hooks:\n  - scripts/o3story/site/hook.py\n", "")
    config = config.replace("watch:\n  - data\n  - scripts/o3story\n", "")
    config = config.replace("custom_dir: scripts/o3story/site/theme", f"custom_dir: {ROOT / 'scripts/o3story/site/theme'}")
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    return work / "mkdocs.yml"


def naive_site(work: Path) -> Path:
    """Each chart as plotly's own `to_html` with plotly.js inline, one plain mkdocs page per chart."""
    sys.path.insert(0, str(ROOT / "scripts"))
    from o3story.render import charts
    from o3story.data.story import load_story

    story = load_story(ROOT / "data")
    docs = work / "docs"
    (docs / "charts").mkdir(parents=True)
    (docs / "index.md").write_text("# Overview\n\nThe same site, built the naive way.\n", encoding="utf-8")
    for chart_id in charts.CHARTS:
        chart = charts.build(chart_id, story, "en")
        html = chart.figure.to_html(include_plotlyjs=True, full_html=False)
        (docs / "charts" / f"{chart_id}.md").write_text(f"# {chart.title}\n\n{html}\n\n{chart.description}\n", encoding="utf-8")
    (work / "mkdocs.yml").write_text("site_name: naive\ntheme:\n  name: material\n  font: false\n", encoding="utf-8")
    return work / "mkdocs.yml"


# -- browser measurements --------------------------------------------------------------------------

def page_bytes(browser, url: str) -> dict:
    """Transferred bytes (gzip) before any interaction and in total, split into plotly.js and the rest."""
    page = browser.new_page(viewport={"width": 1280, "height": 800})
    sizes: dict[str, int] = {}

    def on_response(resp):
        try:
            body = resp.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            return
        sizes[resp.url] = len(gzip.compress(body, 6))

    page.on("response", on_response)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    before = dict(sizes)
    for plot in page.locator(".o3-chart__plot, .js-plotly-plot").all():
        plot.scroll_into_view_if_needed()
        page.wait_for_timeout(150)
    page.mouse.move(400, 400)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    page.close()

    def split(d):
        plotly = sum(v for k, v in d.items() if "plotly" in k.rsplit("/", 1)[-1])
        return {"plotly": plotly, "rest": sum(d.values()) - plotly, "all": sum(d.values())}

    return {"before": split(before), "total": split(sizes)}


VISIBLE = """() => {
    const plots = [...document.querySelectorAll('.o3-chart__plot, .js-plotly-plot')]
        .filter(p => p.getBoundingClientRect().top < innerHeight);
    const shown = p => p.querySelector('.main-svg') ||
        [...p.querySelectorAll('img.o3-chart__static')].some(i => i.complete && i.naturalWidth > 0);
    return plots.length > 0 && plots.every(shown);
}"""
INTERACTIVE = """() => [...document.querySelectorAll('.o3-chart__plot, .js-plotly-plot')]
    .filter(p => p.getBoundingClientRect().top < innerHeight).every(p => p.querySelector('.main-svg'))"""


def time_to_charts(browser, url: str, runs: int = 5) -> tuple[float, float]:
    """Median ms from navigation until every chart in the first viewport is visible (its static image
    or the plot), and until it is interactive after the reader's first pointer move."""
    visible, interactive = [], []
    for _ in range(runs):
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(url, wait_until="commit")
        page.wait_for_function(VISIBLE, timeout=60_000)
        visible.append(page.evaluate("performance.now()"))
        page.wait_for_load_state("load")  # the chart script is deferred: a reader's pointer keeps moving, ours moves once
        page.mouse.move(300, 300)
        page.wait_for_function(INTERACTIVE, timeout=60_000)
        interactive.append(page.evaluate("performance.now()"))
        page.close()
    return statistics.median(visible), statistics.median(interactive)


def lighthouse(url: str, screen: tuple[int, int] | None = None) -> dict:
    """Lighthouse's mobile preset on `url`; `screen` (width, height) replaces its 412 x 823 phone."""
    tool = ROOT / ".cache" / "bench-node"
    binary = tool / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "install", "--prefix", str(tool), "--no-audit", "--no-fund", "--loglevel=error",
                        f"lighthouse@{LIGHTHOUSE}"], check=True)
    out = Path(tempfile.mkstemp(suffix=".json")[1])
    subprocess.run([str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
                    "--only-categories=performance,accessibility,best-practices,seo",
                    f"--chrome-flags={' '.join(FLAGS)}",
                    *([f"--screenEmulation.width={screen[0]}", f"--screenEmulation.height={screen[1]}"] if screen else [])],
                   check=True, env={**os.environ, "CHROME_PATH": BROWSER},
                   capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    cats = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    cats["fcp_s"] = round(report["audits"]["first-contentful-paint"]["numericValue"] / 1000, 1)
    cats["tbt_ms"] = round(report["audits"]["total-blocking-time"]["numericValue"])
    return cats


def serve_latency(work: Path) -> float:
    """Seconds from a data edit to the new value on the page under `mkdocs serve`: a copy of the
    project (data copied, the rest linked) so that the edit touches nothing real."""
    project = work / "serve"
    project.mkdir()
    shutil.copytree(ROOT / "data", project / "data")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("docs", "scripts", "node_modules"):
        (project / name).symlink_to(ROOT / name)
    port = free_port()
    proc = subprocess.Popen([PY, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                            cwd=project, env=env(SITE_URL=f"http://127.0.0.1:{port}/", BROWSER_PATH=BROWSER),
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/en/o3/"
    try:
        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if "74.4%" in urllib.request.urlopen(url, timeout=2).read().decode("utf-8"):
                    break
            except OSError:
                time.sleep(0.3)
        path = project / "data" / "figures" / "o3.yaml"
        # o1's single-sample AIME score: shown on /en/o3/, not tied to a transcript quote
        path.write_text(path.read_text(encoding="utf-8").replace("value: 74.4", "value: 74.5", 1), encoding="utf-8")
        start = time.perf_counter()
        while time.perf_counter() - start < 60:
            try:
                if "74.5%" in urllib.request.urlopen(url, timeout=2).read().decode("utf-8"):
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.1)
        return float("nan")
    finally:
        proc.terminate()
        proc.wait(timeout=20)


# -- report --------------------------------------------------------------------------------------

def ratio(ours: float, naive: float) -> str:
    return f"{ours / naive:.2f}x" if naive else "-"


def main() -> int:
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="o3bench-"))
    results: dict = {}
    print(f"machine: {os.cpu_count()} cores, {sys.platform}, python {sys.version.split()[0]}")
    cache = work / "image-cache"
    ours = work / "ours" / "site"
    port = free_port()
    url_ours = f"http://127.0.0.1:{port}/"
    results["clean_build_s"] = build_ours(ours, url_ours, cache)
    results["warm_build_s"] = build_ours(ours, url_ours, cache)
    plain_cfg = plain_pages(work / "plain")
    results["plain_build_s"] = timed([PY, "-m", "mkdocs", "build", "-q", "-f", str(plain_cfg), "-d", str(work / "plain-site")],
                                     cwd=work / "plain", env=env(SITE_URL=url_ours))
    naive_cfg = naive_site(work / "naive")
    results["naive_build_s"] = timed([PY, "-m", "mkdocs", "build", "-q", "-f", str(naive_cfg), "-d", str(work / "naive-site")],
                                     cwd=work / "naive", env=env())
    results["serve_edit_s"] = serve_latency(work)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(ours)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url_naive, naive_server = serve(work / "naive-site")
    heavy = "en/charts/arc-agi-cost/"
    pages = {"overview": ("en/", ""), "heaviest chart page": (heavy, "charts/arc-agi-cost/"),
             "story page (o3-mini, 4 charts)": ("en/o3-mini/", "charts/o3-mini-by-effort/"), "embed": ("embed/arc-agi-cost/?lang=en", "charts/arc-agi-cost/")}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=BROWSER, args=FLAGS)
        results["bytes"] = {name: {"ours": page_bytes(browser, url_ours + a), "naive": page_bytes(browser, url_naive + b)}
                            for name, (a, b) in pages.items()}
        results["chart_ms"] = {"ours": time_to_charts(browser, url_ours + heavy), "naive": time_to_charts(browser, url_naive + "charts/arc-agi-cost/")}
        browser.close()
    results["lighthouse"] = {}
    for name, (a, b), *screen in [("overview", ("en/", "")), ("heaviest chart page", (heavy, "charts/arc-agi-cost/")),
                         ("embed", ("embed/arc-agi-cost/?lang=en", "charts/arc-agi-cost/")),
                         ("methods page, English (data explorer)", ("en/methods/", "")),
                         ("methods page, Chinese", ("methods/", "")),
                         # a taller phone: the Chinese explorer then starts within the browser's look-ahead
                         ("methods page, Chinese, 430 x 932 phone", ("methods/", ""), (430, 932))]:
        try:
            results["lighthouse"][name] = {"ours": lighthouse(url_ours + a, *screen), "naive": lighthouse(url_naive + b, *screen)}
        except (subprocess.CalledProcessError, OSError) as exc:
            results["lighthouse"][name] = {"error": str(exc)}
    server.shutdown()
    naive_server.shutdown()

    r = results
    print("\n== build (seconds)")
    print(f"clean build        {r['clean_build_s']:6.1f}   naive {r['naive_build_s']:6.1f}   ratio {ratio(r['clean_build_s'], r['naive_build_s'])}")
    print(f"warm rebuild       {r['warm_build_s']:6.1f}   plain mkdocs build of the same pages {r['plain_build_s']:6.1f}   ratio {ratio(r['warm_build_s'], r['plain_build_s'])}  (target <= 1.5x)")
    print(f"data edit visible under mkdocs serve {r['serve_edit_s']:.1f} s  (target <= 3 s)")
    print("\n== bytes transferred, gzip (KB): before interaction / in total; plotly.js / rest")
    for name, d in r["bytes"].items():
        o, n = d["ours"], d["naive"]
        print(f"{name:22} ours {o['before']['all'] / 1024:7.0f} / {o['total']['all'] / 1024:7.0f}  "
              f"(plotly {o['before']['plotly'] / 1024:.0f} / {o['total']['plotly'] / 1024:.0f}, rest {o['before']['rest'] / 1024:.0f} / {o['total']['rest'] / 1024:.0f})   "
              f"naive {n['before']['all'] / 1024:7.0f} / {n['total']['all'] / 1024:7.0f}   "
              f"ratio {ratio(o['before']['all'], n['before']['all'])} before (target <= 0.10x), {ratio(o['total']['all'], n['total']['all'])} total (target <= 0.30x)")
    (ov, oi), (nv, ni) = r["chart_ms"]["ours"], r["chart_ms"]["naive"]
    print("\n== heaviest chart page, first viewport's charts (median of 5, ms from navigation)")
    print(f"visible      ours {ov:6.0f}   naive {nv:6.0f}   ratio {ratio(ov, nv)}  (target <= 1000 ms)")
    print(f"interactive  ours {oi:6.0f}   naive {ni:6.0f}   ratio {ratio(oi, ni)}  (ours: after the first pointer move)")
    print("\n== Lighthouse 12.2.3, mobile: performance / accessibility / best practices / SEO; FCP s; TBT ms")
    for name, d in r["lighthouse"].items():
        if "error" in d:
            print(f"{name:40} error: {d['error']}")
            continue
        o, n = d["ours"], d["naive"]
        fmt = lambda c: f"{c['performance']:3} / {c['accessibility']:3} / {c['best-practices']:3} / {c['seo']:3}; {c['fcp_s']} s; {c['tbt_ms']} ms"  # noqa: E731
        print(f"{name:40} ours {fmt(o)}   naive {fmt(n)}")
    out = ROOT / ".cache" / "bench" / "latest.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"\n(raw figures: {out.relative_to(ROOT)})")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
