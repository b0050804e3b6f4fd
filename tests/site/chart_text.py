"""Chart text as a reader sees it, for the browser tests: every text of a drawn plotly chart, or of the
static image (the facade) laid out at its displayed size, with its box and font size; which of them
overlap, leave the chart's box, or have a dashed reference line or an axis' line run through them.
Used by test_chart_frame.py (each chart's visit at 360 and 1280 px) and test_phone_charts.py (768 px,
views, the headline's values)."""

from __future__ import annotations

from urllib.parse import urlparse

MIN_FACADE_PX = 11
SLACK = 1.0  # px: boxes that touch or share an edge do not count

# Text elements of a drawn plotly chart or of its exported SVG (the same markup): ticks, axis and
# chart titles, annotations, legend entries, point and bar labels, button labels. Not the tooltip.
MEASURE = r"""
([root, box, scale]) => {
  const out = [], hiddenTicks = [];
  for (const t of root.querySelectorAll('svg text')) {
    if (t.closest('.hoverlayer') || !t.textContent.trim()) continue;
    const cs = getComputedStyle(t);
    // an axis's tick label that plotly drew and then hid, as it hides one that would pass the chart's
    // edge: the reader loses that value of the scale (English refusal chart's 1.00, on a phone)
    if (t.closest('[class$="tick"]') && (cs.display === 'none' || t.getBoundingClientRect().width < 0.5)) {
      hiddenTicks.push(t.textContent.trim().slice(0, 40));
      continue;
    }
    if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) continue;
    let hidden = false;
    for (let p = t.parentElement; p && p !== root; p = p.parentElement) {
      const ps = getComputedStyle(p);
      if (ps.display === 'none' || ps.visibility === 'hidden' || parseFloat(ps.opacity) === 0) { hidden = true; break; }
    }
    if (hidden) continue;
    const r = t.getBoundingClientRect();
    if (r.width < 0.5 || r.height < 0.5) continue;
    const kind = t.closest('.annotation') ? 'annotation' : t.closest('.legend') ? 'legend'
      : t.closest('[class$="tick"]') ? 'tick' : t.closest('.updatemenu-container') ? 'button'
      : (t.closest('.textpoint') || t.classList.contains('bartext')) ? 'label' : (t.getAttribute('class') || 'text');
    out.push({text: t.textContent.trim().slice(0, 40), kind, size: parseFloat(cs.fontSize) * scale,
              l: r.left, t: r.top, r: r.right, b: r.bottom});
  }
  // Dashed and dotted lines (reference lines) and the axes' own lines: a text they run through is not
  // legible either.
  const lines = [];
  for (const p of root.querySelectorAll('svg path.js-line, svg path[class*="lines-above"], svg path[class*="lines-below"]')) {
    const cs = getComputedStyle(p);
    const axis = !p.classList.contains('js-line');
    if (!axis && (!cs.strokeDasharray || cs.strokeDasharray === 'none')) continue;
    if (cs.display === 'none' || cs.visibility === 'hidden' || cs.strokeOpacity === '0' || cs.stroke === 'none') continue;
    if (!p.getAttribute('d')) continue;
    const r = p.getBoundingClientRect();
    lines.push({l: r.left, t: r.top, r: r.right, b: r.bottom, kind: axis ? 'axis line' : 'dashed line'});
  }
  const b = box || root.getBoundingClientRect();
  return {box: {l: b.left, t: b.top, r: b.right, b: b.bottom}, texts: out, lines, hiddenTicks};
}
"""


def problems(measured: dict) -> tuple[list[tuple[str, str]], list[str]]:
    """(overlapping pairs, texts outside the box)."""
    texts, box = measured["texts"], measured["box"]
    pairs = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            w = min(a["r"], b["r"]) - max(a["l"], b["l"])
            h = min(a["b"], b["b"]) - max(a["t"], b["t"])
            if w > SLACK and h > SLACK:
                pairs.append((f'{a["kind"]}:{a["text"]}', f'{b["kind"]}:{b["text"]}'))
    for line in measured.get("lines", []):
        for a in texts:
            if a["kind"] == "legend":
                continue
            if crosses(line, a):
                pairs.append((line["kind"], f'{a["kind"]}:{a["text"]}'))
    outside = [f'{a["kind"]}:{a["text"]}' for a in texts
               if a["l"] < box["l"] - SLACK or a["t"] < box["t"] - SLACK or a["r"] > box["r"] + SLACK or a["b"] > box["b"] + SLACK]
    return pairs, outside


def crosses(line: dict, text: dict) -> bool:
    """A straight line runs through a text's glyphs: across the middle 60% of its box (a text's
    box has room above and below its glyphs), along more than SLACK px of it."""
    if line["b"] - line["t"] < 4:  # horizontal
        y, h = (line["t"] + line["b"]) / 2, text["b"] - text["t"]
        along = min(line["r"], text["r"]) - max(line["l"], text["l"])
        return along > SLACK and text["t"] + 0.2 * h < y < text["b"] - 0.2 * h
    if line["r"] - line["l"] < 4:  # vertical
        x = (line["l"] + line["r"]) / 2
        along = min(line["b"], text["b"]) - max(line["t"], text["t"])
        return along > SLACK and text["l"] + SLACK < x < text["r"] - SLACK
    return False


def measure_facade(site, page, scratch) -> dict:
    """The static image as the reader sees it: the SVG the browser picked, laid out at its displayed
    size in a blank page, font sizes times the displayed scale."""
    img = page.locator(".o3-chart__plot img.o3-chart__static")
    assert img.count() == 1, "no static image in the facade"
    page.wait_for_function("el => el.complete && el.naturalWidth > 0", arg=img.element_handle())
    shown = img.evaluate("el => ({src: el.currentSrc || el.src, w: el.getBoundingClientRect().width})")
    # The site's own file: the same bytes the browser just loaded.
    rel = urlparse(shown["src"]).path.removeprefix(urlparse(site.url).path)
    svg = (site.root / rel).read_text(encoding="utf-8")
    scratch.set_content(f'<!doctype html><body style="margin:0"><div id="box" style="width:{shown["w"]}px">{svg}</div></body>')
    natural = scratch.evaluate(
        """() => { const s = document.querySelector('#box svg');
                   const w = parseFloat(s.getAttribute('width')), h = parseFloat(s.getAttribute('height'));
                   if (!s.getAttribute('viewBox')) s.setAttribute('viewBox', `0 0 ${w} ${h}`);
                   s.setAttribute('width', '100%'); s.removeAttribute('height'); s.style.display = 'block';
                   return w; }"""
    )
    root = scratch.locator("#box").element_handle()
    out = scratch.evaluate(MEASURE, [root, None, shown["w"] / natural])
    out["src"] = rel
    return out


def measure_drawn(page) -> dict:
    plot = page.locator(".o3-chart__plot").element_handle()
    return page.evaluate(MEASURE, [plot, None, 1])


def summary(measured: dict) -> dict:
    """The figures of one view: overlapping pairs and texts outside the box (counts and the first of
    each), the smallest text."""
    pairs, outside = problems(measured)
    sizes = [t["size"] for t in measured["texts"]]
    entry = {"overlaps": len(pairs), "outside": len(outside), "min_px": round(min(sizes), 1) if sizes else None,
             "texts": len(sizes), "pairs": pairs[:12], "outside_texts": outside[:12],
             "hidden_ticks": measured.get("hiddenTicks", [])}
    if "src" in measured:
        entry["src"] = measured["src"]
    return entry


def view_failures(e: dict) -> list[str]:
    """What a reader would not be able to read in one view, from its summary."""
    failures = []
    if e["overlaps"]:
        failures.append(f"{e['overlaps']} overlapping pairs, e.g. {e['pairs'][:4]}")
    if e["outside"]:
        failures.append(f"{e['outside']} texts outside the chart, e.g. {e['outside_texts'][:4]}")
    if e.get("hidden_ticks"):
        failures.append(f"tick labels hidden (they would pass the chart's edge): {e['hidden_ticks'][:4]}")
    return failures


def text_failures(facade: dict, drawn: dict) -> list[str]:
    """What a reader would not be able to read, from the summaries of the facade and the drawn chart."""
    failures = [f"{name}: {f}" for name, e in (("facade", facade), ("drawn", drawn)) for f in view_failures(e)]
    if facade["min_px"] is not None and facade["min_px"] < MIN_FACADE_PX:
        failures.append(f"facade: smallest text {facade['min_px']} px < {MIN_FACADE_PX} px ({facade.get('src')})")
    return failures
