#!/usr/bin/env python3
"""Prints a Markdown table of a JMH JSON result (ns/op, B/op) and the ratios the targets are stated in."""
import json
import sys


def main(path):
    with open(path) as f:
        runs = json.load(f)
    rows = {}
    for run in runs:
        name = run["benchmark"].rsplit(".", 2)
        short = name[-2] + "." + name[-1]
        primary = run["primaryMetric"]
        alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        raw = sorted(v for fork in primary["rawData"] for v in fork)
        median = raw[len(raw) // 2] if raw else float("nan")
        rows[short] = (primary["score"], primary["scoreError"], median, alloc, run["threads"])

    print("| benchmark | threads | ns/op ± err | median | B/op |")
    print("|---|---:|---:|---:|---:|")
    for short, (score, err, median, alloc, threads) in rows.items():
        b = "-" if alloc is None else f"{alloc:,.0f}"
        print(f"| {short} | {threads} | {score:,.1f} ± {err:,.1f} | {median:,.1f} | {b} |")

    def ns(key):
        return rows[key][0] if key in rows else None

    def ratio(label, a, b):
        x, y = ns(a), ns(b)
        if x is not None and y is not None and y > 0:
            print(f"| {label} | {x / y:.2f} |")

    print()
    print("| ratio | value |")
    print("|---|---:|")
    ratio("llamatrace span 2 handlers / OTel SDK start+end (target <= 0.5)",
          "SpanBenchmarks.llamatrace_span_2handlers", "SpanBenchmarks.otelSdk_startEnd")
    ratio("llamatrace span 2 handlers / OTel SDK start+makeCurrent+end",
          "SpanBenchmarks.llamatrace_span_2handlers", "SpanBenchmarks.otelSdk_startCurrentEnd")
    ratio("llamatrace enter scope 2 handlers / OTel SDK start+end",
          "SpanBenchmarks.llamatrace_enterScope_2handlers", "SpanBenchmarks.otelSdk_startEnd")
    ratio("llamatrace span 2 handlers / Micrometer observe (meter handler)",
          "SpanBenchmarks.llamatrace_span_2handlers", "SpanBenchmarks.micrometerMeter_observe")
    ratio("llamatrace span 2 handlers / Micrometer start+stop (meter handler)",
          "SpanBenchmarks.llamatrace_span_2handlers", "SpanBenchmarks.micrometerMeter_startStop")
    ratio("llamatrace nested / OTel SDK nested",
          "SpanBenchmarks.llamatrace_nested_2handlers", "SpanBenchmarks.otelSdk_nested")
    ratio("llamatrace nested / Micrometer nested",
          "SpanBenchmarks.llamatrace_nested_2handlers", "SpanBenchmarks.micrometerMeter_nested")
    ratio("llamatrace span 2 threads / 1 thread (target <= 1.3)",
          "SpanBenchmarks.llamatrace_span_2handlers_t2", "SpanBenchmarks.llamatrace_span_2handlers")
    ratio("OTel SDK 2 threads / 1 thread",
          "SpanBenchmarks.otelSdk_startEnd_t2", "SpanBenchmarks.otelSdk_startEnd")
    ratio("Micrometer 2 threads / 1 thread",
          "SpanBenchmarks.micrometerMeter_startStop_t2", "SpanBenchmarks.micrometerMeter_startStop")
    ratio("llamatrace event 2 threads / 1 thread (target <= 1.3)",
          "EventBenchmarks.llamatrace_event_1handler_t2", "EventBenchmarks.llamatrace_event_1handler")
    ratio("llamatrace event / Micrometer Observation.event",
          "EventBenchmarks.llamatrace_event_1handler", "EventBenchmarks.micrometerMeter_event")


if __name__ == "__main__":
    main(sys.argv[1])
