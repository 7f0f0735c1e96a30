#!/usr/bin/env python3
"""Prints, for the rounds compare.sh wrote to a folder, each benchmark's best round median ns/op and B/op on the base
and head side with head/base, then summarize.py's target ratios for each side."""
import glob
import io
import json
import os
import sys
from contextlib import redirect_stdout

import summarize


def best(paths):
    rows = {}
    for path in paths:
        with open(path) as f:
            for run in json.load(f):
                short = ".".join(run["benchmark"].rsplit(".", 2)[-2:])
                raw = sorted(v for fork in run["primaryMetric"]["rawData"] for v in fork)
                median = raw[len(raw) // 2] if raw else float("nan")
                alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
                if short not in rows or median < rows[short][0]:
                    rows[short] = (median, alloc)
    return rows


def ratios(paths):
    text = io.StringIO()
    with redirect_stdout(text):
        summarize.main(paths)
    lines = text.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| ratio"))
    return {line.split(" | ")[0]: line.split(" | ")[1] for line in lines[start + 2:] if line.startswith("| ")}


def main(folder):
    base_paths = sorted(glob.glob(os.path.join(folder, "base-r*.json")))
    head_paths = sorted(glob.glob(os.path.join(folder, "head-r*.json")))
    base, head = best(base_paths), best(head_paths)
    print("| benchmark | base ns/op | head ns/op | head/base | base B/op | head B/op |")
    print("|---|---:|---:|---:|---:|---:|")
    for name in sorted(set(base) | set(head)):
        b, h = base.get(name), head.get(name)
        cell = lambda row, i, fmt: "-" if row is None or row[i] is None else fmt.format(row[i])
        ratio = f"{h[0] / b[0]:.2f}" if b and h and b[0] > 0 else "-"
        print(f"| {name} | {cell(b, 0, '{:,.1f}')} | {cell(h, 0, '{:,.1f}')} | {ratio} "
              f"| {cell(b, 1, '{:,.0f}')} | {cell(h, 1, '{:,.0f}')} |")
    base_ratios, head_ratios = ratios(base_paths), ratios(head_paths)
    print()
    print("| ratio (of best-round median ns/op) | base | head |")
    print("|---|---:|---:|")
    for label in list(base_ratios) + [label for label in head_ratios if label not in base_ratios]:
        print(f"{label} | {base_ratios.get(label, '-')} | {head_ratios.get(label, '-')} |")


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    main(sys.argv[1])
