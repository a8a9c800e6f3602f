"""Small SVG charts for tools/gil_experiments.py (no plotting library).

    figure(path, title, panels, note='')

draws one SVG with the panels side by side (at most 3 per row).  A panel is
a dict:
  {'kind': 'line', 'title': ..., 'xlabel': ..., 'ylabel': ..., 'logx': bool, 'logy': bool,
   'series': {name: [(x, y), ...]}}
  {'kind': 'bar', 'title': ..., 'ylabel': ..., 'logy': bool, 'groups': [label, ...],
   'series': {name: [value or None per group]}, 'hline': (y, label) or absent}
Series keep their color across panels (by name, in order of first use); one
legend for the figure.  Values <= 0 are left out of log axes; None is a gap.
"""
import math
from xml.sax.saxutils import escape

PALETTE = ['#222222', '#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#17becf']
PW, PH = 360, 250                 # one panel
ML, MR, MT, MB = 62, 12, 28, 48   # margins inside a panel


def _ticks(lo, hi, log):
    if log:
        a, b = math.floor(math.log10(lo)), math.ceil(math.log10(hi))
        return [10.0 ** e for e in range(a, b + 1)]
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / 5
    step = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if raw <= m * step:
            step *= m
            break
    start = math.floor(lo / step) * step
    return [start + i * step for i in range(int((hi - start) / step) + 2) if start + i * step <= hi + step * 0.999]


def _fmt(v):
    if v == 0:
        return '0'
    if abs(v) >= 1e6 or abs(v) < 1e-3:
        return f'{v:.0e}'.replace('e+0', 'e').replace('e-0', 'e-')
    if abs(v) >= 1000:
        return f'{v / 1000:g}k'
    return f'{v:g}'


class _Axis:
    def __init__(self, values, log, lo_px, hi_px, zero=False):
        vals = [v for v in values if v is not None and (v > 0 or not log)]
        lo, hi = (min(vals), max(vals)) if vals else (1, 10)
        if zero and not log:
            lo = min(lo, 0)
        if log:
            lo, hi = 10 ** math.floor(math.log10(lo)), 10 ** math.ceil(math.log10(hi))
        self.ticks = _ticks(lo, hi, log)
        self.lo, self.hi = (self.ticks[0], self.ticks[-1]) if not log else (lo, hi)
        if self.hi == self.lo:
            self.hi = self.lo + 1
        self.log, self.lo_px, self.hi_px = log, lo_px, hi_px

    def __call__(self, v):
        if self.log:
            f = (math.log10(v) - math.log10(self.lo)) / (math.log10(self.hi) - math.log10(self.lo))
        else:
            f = (v - self.lo) / (self.hi - self.lo)
        return self.lo_px + f * (self.hi_px - self.lo_px)


def _text(x, y, s, anchor='middle', size=11, extra=''):
    return f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" {extra}>{escape(str(s))}</text>'


def _frame(out, p, ox, oy, ya):
    x0, x1, y0, y1 = ox + ML, ox + PW - MR, oy + PH - MB, oy + MT
    out.append(_text(ox + PW / 2, oy + 16, p.get('title', ''), size=12, extra='font-weight="bold"'))
    out.append(f'<rect x="{x0}" y="{y1}" width="{x1 - x0}" height="{y0 - y1}" fill="none" stroke="#888"/>')
    for t in ya.ticks:
        y = ya(t)
        out.append(f'<line x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(_text(x0 - 4, y + 4, _fmt(t), anchor='end', size=10))
    out.append(_text(ox + 14, (y0 + y1) / 2, p.get('ylabel', ''), size=10,
                     extra=f'transform="rotate(-90 {ox + 14} {(y0 + y1) / 2:.1f})"'))
    if p.get('hline'):
        y = ya(p['hline'][0])
        out.append(f'<line x1="{x0}" x2="{x1}" y1="{y:.1f}" y2="{y:.1f}" stroke="#999" stroke-dasharray="4 3"/>')
        out.append(_text(x1 - 2, y - 3, p['hline'][1], anchor='end', size=9))
    return x0, x1, y0, y1


def _line_panel(out, p, ox, oy, color):
    pts = [pt for s in p['series'].values() for pt in s]
    xa = _Axis([x for x, _ in pts], p.get('logx'), ox + ML, ox + PW - MR)
    ya = _Axis([y for _, y in pts], p.get('logy'), oy + PH - MB, oy + MT, zero=True)
    x0, x1, y0, y1 = _frame(out, p, ox, oy, ya)
    for t in xa.ticks:
        out.append(_text(xa(t), y0 + 14, _fmt(t), size=10))
    out.append(_text((x0 + x1) / 2, y0 + 32, p.get('xlabel', ''), size=10))
    for name, s in p['series'].items():
        ok = [(x, y) for x, y in s if y is not None and (y > 0 or not ya.log) and (x > 0 or not xa.log)]
        path = ' '.join(f'{xa(x):.1f},{ya(y):.1f}' for x, y in ok)
        out.append(f'<polyline points="{path}" fill="none" stroke="{color(name)}" stroke-width="1.8"/>')
        out.extend(f'<circle cx="{xa(x):.1f}" cy="{ya(y):.1f}" r="2.5" fill="{color(name)}"/>' for x, y in ok)


def _bar_panel(out, p, ox, oy, color):
    vals = [v for s in p['series'].values() for v in s] + ([p['hline'][0]] if p.get('hline') else [])
    ya = _Axis(vals, p.get('logy'), oy + PH - MB, oy + MT, zero=True)
    x0, x1, y0, y1 = _frame(out, p, ox, oy, ya)
    groups, names = p['groups'], list(p['series'])
    gw = (x1 - x0) / max(1, len(groups))
    bw = gw * 0.8 / max(1, len(names))
    base = y0 if ya.log or ya.lo >= 0 else ya(0)
    for g, label in enumerate(groups):
        gx = x0 + g * gw + gw * 0.1
        out.append(_text(x0 + g * gw + gw / 2, y0 + 14, label, size=10))
        for i, name in enumerate(names):
            v = p['series'][name][g]
            if v is None or (ya.log and v <= 0):
                continue
            y = ya(v)
            out.append(f'<rect x="{gx + i * bw:.1f}" y="{min(y, base):.1f}" width="{bw * 0.92:.1f}" '
                       f'height="{abs(base - y):.1f}" fill="{color(name)}"><title>{escape(name)} {label}: '
                       f'{v:g}</title></rect>')
    out.append(_text((x0 + x1) / 2, y0 + 32, p.get('xlabel', ''), size=10))


def figure(path, title, panels, note=''):
    cols = min(3, len(panels))
    rows = (len(panels) + cols - 1) // cols
    names = []
    for p in panels:
        names += [n for n in p['series'] if n not in names]
    legend_h = 20 * ((len(names) + 3) // 4)
    width, height = cols * PW, 30 + rows * PH + legend_h + (16 if note else 0)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="sans-serif">',
           f'<rect width="{width}" height="{height}" fill="white"/>',
           _text(width / 2, 20, title, size=14, extra='font-weight="bold"')]

    def color(name):
        return PALETTE[names.index(name) % len(PALETTE)]
    for i, p in enumerate(panels):
        ox, oy = (i % cols) * PW, 30 + (i // cols) * PH
        (_line_panel if p['kind'] == 'line' else _bar_panel)(out, p, ox, oy, color)
    ly = 30 + rows * PH + 6
    for i, name in enumerate(names):
        lx, y = 20 + (i % 4) * (width - 40) / 4, ly + 20 * (i // 4)
        out.append(f'<rect x="{lx:.1f}" y="{y:.1f}" width="12" height="12" fill="{color(name)}"/>')
        out.append(_text(lx + 16, y + 10, name, anchor='start', size=11))
    if note:
        out.append(_text(width / 2, height - 5, note, size=9, extra='fill="#555"'))
    out.append('</svg>')
    with open(path, 'w') as f:
        f.write('\n'.join(out) + '\n')
