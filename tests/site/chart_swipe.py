"""A vertical swipe on a drawn chart, on a touch phone: the conditions under which a real phone scrolls
the page (headless Chromium does not scroll a page on synthetic touch). No touch listener cancels the
touch (preventDefault), no element under the finger forbids vertical panning (`touch-action`), the
axes do not move under a simulated vertical drag, and no modebar covers the plot. Used by
test_chart_frame.py, on each chart's visit at 360 px (page and embed, both languages)."""

from __future__ import annotations

# Before the page's own scripts: record every preventDefault called on a touch event, and the
# final defaultPrevented of every touchstart / touchmove that reaches the window.
WATCH = """
window.__prevented = [];
window.__touch = [];
const pd = Event.prototype.preventDefault;
Event.prototype.preventDefault = function () {
  if (window.TouchEvent && this instanceof TouchEvent) window.__prevented.push(this.type);
  return pd.call(this);
};
for (const type of ['touchstart', 'touchmove']) {
  window.addEventListener(type, e => window.__touch.push([e.type, e.defaultPrevented]), {passive: true});
}
"""

# The axes' ranges of a drawn chart.
RANGES = """
el => { const out = {}; const fl = el._fullLayout;
  for (const k of Object.keys(fl)) if (/^[xy]axis\\d*$/.test(k) && fl[k].range) out[k] = fl[k].range.map(v => String(v));
  return out; }
"""

# Every element under the points, and its ancestors, whose computed touch-action forbids a vertical pan.
BLOCKERS = """
([points]) => { const bad = new Set();
  const blocks = v => !(v === 'auto' || v === 'manipulation' || v.includes('pan-y'));
  for (const [x, y] of points) for (const top of document.elementsFromPoint(x, y))
    for (let e = top; e && e.nodeType === 1; e = e.parentElement) {
      const v = getComputedStyle(e).touchAction;
      if (blocks(v)) bad.add((e.getAttribute('class') || e.tagName) + ': ' + v);
    }
  return [...bad]; }
"""


def touch(cdp, kind: str, x: float | None = None, y: float | None = None) -> None:
    points = [] if x is None else [{"x": x, "y": y}]
    cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})


def swipe(cdp, x: float, y: float, dy: float, steps: int = 6) -> None:
    touch(cdp, "touchStart", x, y)
    for i in range(1, steps + 1):
        touch(cdp, "touchMove", x, y + dy * i / steps)
    touch(cdp, "touchEnd")


def swipe_check(page) -> dict:
    """On a page whose chart is drawn, in a context with WATCH as its init script: a swipe up from the
    middle of each subplot's drag area (where plotly listens); what it found."""
    plot = page.locator(".o3-chart__plot").first
    el = plot.element_handle()
    cdp = page.context.new_cdp_session(page)
    n = page.evaluate("el => el.querySelectorAll('.nsewdrag').length", el)
    assert n, "no plot area found"
    before = page.evaluate(RANGES, el)
    page.evaluate("window.__prevented = []; window.__touch = []")
    blockers = []
    for i in range(n):
        # the subplot's middle in the middle of the screen (a tall chart's lower panels are below it)
        x, y, h = page.evaluate("""([el, i]) => { const d = el.querySelectorAll('.nsewdrag')[i];
            let r = d.getBoundingClientRect(); window.scrollBy(0, r.top + r.height / 2 - innerHeight / 2);
            r = d.getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2, Math.min(r.height, innerHeight)]; }""", [el, i])
        page.wait_for_timeout(50)
        blockers += page.evaluate(BLOCKERS, [[[x, y], [x, y - h / 3], [x - 40, y + h / 4]]])
        swipe(cdp, x, y, -min(200, h / 2 - 2))
        page.wait_for_timeout(150)
    after = page.evaluate(RANGES, el)
    prevented = page.evaluate("window.__prevented")
    cancelled = [t for t, p in page.evaluate("window.__touch") if p]
    modebar = page.evaluate("""el => [...el.querySelectorAll('.modebar')].filter(m => { const r = m.getBoundingClientRect();
                                 const s = getComputedStyle(m); return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'
                                 && parseFloat(s.opacity) > 0; }).length""", el)
    cdp.detach()
    return {"prevented": sorted(set(prevented)), "cancelled": len(cancelled), "touch_action_blockers": sorted(set(blockers)),
            "ranges_changed": sorted(k for k in before if before[k] != after.get(k)), "ranges": [before, after],
            "modebar_visible": modebar}


def swipe_failures(found: dict) -> list[str]:
    out = []
    if found["prevented"] or found["cancelled"]:
        out.append(f"touch events cancelled by the chart: {found['prevented']}")
    if found["touch_action_blockers"]:
        out.append(f"touch-action forbids a vertical pan under the finger: {found['touch_action_blockers']}")
    if found["ranges_changed"]:
        out.append(f"a vertical swipe moved the axes {found['ranges_changed']}: {found['ranges'][0]} -> {found['ranges'][1]}")
    if found["modebar_visible"]:
        out.append("a modebar is visible over the chart")
    return out
