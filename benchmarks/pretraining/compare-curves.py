#!/usr/bin/env python3
"""Draw the held-out MLM accuracy of several `bertlab pretrain` runs on one small SVG chart.

Usage:
    compare-curves.py OUT.svg "LABEL=RUN_DIR/metrics.jsonl" ... [--baseline "LABEL=0.0582"]...
                      [--title TEXT]

Reads the {"kind":"eval"} records of each metrics.jsonl and draws mlm_accuracy against the step
(x from 0 to the largest step, y from 0 to a rounded maximum), one coloured line with dots per
run, dashed grey lines for the baselines. Self-contained SVG (no script, nothing external).
Python 3 standard library only.
"""

import argparse
import html
import json
import math

COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("runs", nargs="+")
    ap.add_argument("--baseline", action="append", default=[])
    ap.add_argument("--title", default="Held-out MLM accuracy")
    a = ap.parse_args()
    series = []
    for spec in a.runs:
        label, path = spec.rsplit("=", 1)
        pts = []
        with open(path, encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r.get("kind") == "eval" and r.get("mlm_accuracy") is not None:
                    pts.append((r["step"], r["mlm_accuracy"]))
        series.append((label, pts))
    bases = [(l, float(v)) for l, v in (b.rsplit("=", 1) for b in a.baseline)]
    xmax = max(s for _, pts in series for s, _ in pts)
    ymax_data = max([y for _, pts in series for _, y in pts] + [v for _, v in bases])
    step = 0.05 if ymax_data <= 0.3 else 0.1
    ymax = step * math.ceil(ymax_data / step + 1e-9)
    W, H, L, T, PW, PH = 560, 300, 64, 28, 470, 200
    X = lambda s: L + PW * s / xmax
    Y = lambda v: T + PH * (1 - v / ymax)
    o = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
         f'role="img" font-family="sans-serif" font-size="11"><title>{html.escape(a.title)}</title>',
         f'<text x="{L}" y="16" font-size="13" font-weight="bold">{html.escape(a.title)}</text>',
         f'<rect x="{L}" y="{T}" width="{PW}" height="{PH}" fill="none" stroke="#999"/>']
    for i in range(5):
        s = round(xmax * i / 4)
        o.append(f'<line x1="{X(s):.1f}" y1="{T}" x2="{X(s):.1f}" y2="{T + PH}" stroke="#eee"/>'
                 f'<text x="{X(s):.1f}" y="{T + PH + 14}" text-anchor="middle">{s}</text>')
    n = round(ymax / step)
    for i in range(n + 1):
        v = step * i
        o.append(f'<line x1="{L}" y1="{Y(v):.1f}" x2="{L + PW}" y2="{Y(v):.1f}" stroke="#eee"/>'
                 f'<text x="{L - 6}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:.2f}</text>')
    o.append(f'<text x="{L + PW / 2}" y="{T + PH + 28}" text-anchor="middle">step</text>')
    for label, v in bases:
        o.append(f'<line x1="{L}" y1="{Y(v):.1f}" x2="{L + PW}" y2="{Y(v):.1f}" stroke="#888" '
                 f'stroke-dasharray="4 3"/><text x="{L + PW - 4}" y="{Y(v) - 3:.1f}" text-anchor="end" '
                 f'fill="#666">{html.escape(label)}</text>')
    for k, (label, pts) in enumerate(series):
        c = COLOURS[k % len(COLOURS)]
        path = " ".join(f"{X(s):.1f},{Y(v):.1f}" for s, v in pts)
        o.append(f'<polyline points="{path}" fill="none" stroke="{c}" stroke-width="1.6"/>')
        o.extend(f'<circle cx="{X(s):.1f}" cy="{Y(v):.1f}" r="2.5" fill="{c}"/>' for s, v in pts)
        last = pts[-1]
        o.append(f'<rect x="{L + 10}" y="{T + PH + 38 + 14 * k - 8}" width="12" height="3" fill="{c}"/>'
                 f'<text x="{L + 28}" y="{T + PH + 38 + 14 * k}">{html.escape(label)} '
                 f'(step {last[0]}: {last[1]:.4f})</text>')
    o.append("</svg>")
    with open(a.out, "w", encoding="utf-8") as f:
        f.write("".join(o) + "\n")


if __name__ == "__main__":
    main()
