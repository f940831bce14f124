"""Contrast of the text a browser actually renders, by WCAG 2's formula: for every visible piece of text, its
computed colour (with the opacity of the element and its ancestors) over the background actually behind it."""

from __future__ import annotations

MINIMUM = 4.5

# For each element that holds visible text (its own text nodes, a form field's placeholder or value), the colour
# and the backgrounds painted behind it, innermost first, each with the opacity it is drawn at.
_JS = r"""
(selector) => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\/]+/).filter(Boolean).map(Number);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top, under) => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + under[i] * (1 - a)).concat([1]);
  };
  const lum = (c) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  };
  const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return false;
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const s = getComputedStyle(e);
      const bg = parse(s.backgroundColor);
      if (bg && bg[3] > 0) layers.push(bg);
      if (bg && bg[3] >= 1) break;
    }
    let base = [255, 255, 255, 1];
    const root = parse(getComputedStyle(document.documentElement).backgroundColor);
    if (root && root[3] > 0) base = over(root, base);
    for (let i = layers.length - 1; i >= 0; i--) base = over(layers[i], base);
    return base;
  };
  const opacity = (el) => { let o = 1; for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity); return o; };
  const out = [];
  for (const el of document.querySelectorAll(selector || 'body *')) {
    if (['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'svg', 'SVG'].includes(el.tagName) || !visible(el)) continue;
    const texts = [];
    for (const n of el.childNodes) if (n.nodeType === 3 && n.textContent.trim()) texts.push(n.textContent.trim());
    if ((el.tagName === 'INPUT' || el.tagName === 'TEXTAREA') && !el.value && el.placeholder) {
      texts.push('placeholder: ' + el.placeholder);
      const ph = parse(getComputedStyle(el, '::placeholder').color);
      const bg = background(el);
      const fg = ph ? over([ph[0], ph[1], ph[2], ph[3] * opacity(el)], bg) : null;
      if (fg) out.push({text: texts.pop(), ratio: ratio(fg, bg), fg, bg, where: el.tagName + '.' + el.className});
    }
    if (!texts.length) continue;
    const c = parse(getComputedStyle(el).color);
    const bg = background(el);
    const fg = over([c[0], c[1], c[2], c[3] * opacity(el)], bg);
    out.push({text: texts.join(' ').slice(0, 60), ratio: ratio(fg, bg), fg, bg,
              where: el.tagName.toLowerCase() + (el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : '')});
  }
  return out;
}
"""


def measure(page, selector: str | None = None, minimum: float = MINIMUM) -> tuple[int, list[str]]:
    """(how many pieces of rendered text were measured, each one below `minimum`:1 described for a message)."""
    found = page.evaluate(_JS, selector)
    low = [f"{round(item['ratio'], 2)}:1  {item['where']}  {item['text']!r}  fg {item['fg'][:3]} on bg {item['bg'][:3]}"
           for item in found if item["ratio"] < minimum - 1e-9]
    return len(found), low
