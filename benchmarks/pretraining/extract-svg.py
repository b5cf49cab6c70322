#!/usr/bin/env python3
"""Copy one chart of a `bertlab pretrain` run's DIR/index.html into a stand-alone SVG file.

Usage:
    extract-svg.py RUN_DIR/index.html "TITLE PREFIX" OUT.svg [--caption TEXT]

The page draws each chart as an inline <svg xmlns=...> element with a <title>; the first one
whose title starts with TITLE PREFIX (e.g. "Accuracy", "Loss by task") is written out unchanged
(it is self-contained: no script, no external reference), optionally with a caption line added
at the bottom. Python 3 standard library only.
"""

import argparse
import html
import re
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page")
    ap.add_argument("title")
    ap.add_argument("out")
    ap.add_argument("--caption")
    a = ap.parse_args()
    page = open(a.page, encoding="utf-8").read()
    for m in re.finditer(r"<svg\b.*?</svg>", page, re.S):
        svg = m.group(0)
        t = re.search(r"<title>(.*?)</title>", svg, re.S)
        if t and html.unescape(t.group(1)).startswith(a.title):
            break
    else:
        sys.exit(f"{a.page}: no chart titled {a.title!r}")
    if a.caption:
        h = re.search(r'height="(\d+)"', svg)
        height = int(h.group(1))
        svg = svg.replace(f'height="{height}"', f'height="{height + 18}"', 1)
        svg = re.sub(r'viewBox="0 0 (\d+) \d+"', lambda v: f'viewBox="0 0 {v.group(1)} {height + 18}"', svg, 1)
        svg = svg.replace("</svg>", f'<text x="8" y="{height + 12}" fill="#555">{html.escape(a.caption)}</text></svg>')
    with open(a.out, "w", encoding="utf-8") as f:
        f.write(svg + "\n")


if __name__ == "__main__":
    main()
