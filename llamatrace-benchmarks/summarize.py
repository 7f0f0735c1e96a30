#!/usr/bin/env python3
"""Prints a Markdown table of JMH JSON results (ns/op, B/op) and the ratios the targets are stated in.

Given several JSON files (rounds of the same selection), each benchmark is reported by its lowest round median:
on a shared host the least disturbed round is the closest to the code's own cost.
"""
import json
import sys


def main(paths):
    rows = {}
    medians = {}
    for path in paths:
        with open(path) as f:
            runs = json.load(f)
        for run in runs:
            name = run["benchmark"].rsplit(".", 2)
            short = name[-2] + "." + name[-1]
            primary = run["primaryMetric"]
            alloc = run.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
            raw = sorted(v for fork in primary["rawData"] for v in fork)
            median = raw[len(raw) // 2] if raw else float("nan")
            low = raw[0] if raw else float("nan")
            medians.setdefault(short, []).append(median)
            # JMH writes the error as the string "NaN" when there is a single measured iteration.
            row = (primary["score"], float(primary["scoreError"]), median, low, alloc, run["threads"])
            if short not in rows or median < rows[short][2]:
                rows[short] = row

    print("| benchmark | threads | ns/op mean ± err | median | min | B/op | round medians |")
    print("|---|---:|---:|---:|---:|---:|---|")
    for short, (score, err, median, low, alloc, threads) in sorted(rows.items()):
        b = "-" if alloc is None else f"{alloc:,.0f}"
        rounds = " / ".join(f"{m:,.1f}" for m in medians[short])
        print(f"| {short} | {threads} | {score:,.1f} ± {err:,.1f} | {median:,.1f} | {low:,.1f} | {b} | {rounds} |")

    # Ratios use the median iteration: on a shared host single iterations can jump 2-3x, which moves the mean.
    def ratio(label, a, b):
        if a in rows and b in rows and rows[b][2] > 0:
            print(f"| {label} | {rows[a][2] / rows[b][2]:.2f} | {rows[a][3] / rows[b][3]:.2f} |")

    print()
    print("| ratio (of median ns/op; of min ns/op) | median | min |")
    print("|---|---:|---:|")
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
    ratio("llamatrace span + 1 event / OTel SDK span + addEvent",
          "EventBenchmarks.llamatrace_spanWithOneEvent", "EventBenchmarks.otelSdk_spanWithOneEvent")
    ratio("token counting, no usage / jtokkit on the same texts, 60 chars (target <= 1.05)",
          "TokenCountingBenchmarks.llamatrace_countLlmEnd_60chars",
          "TokenCountingBenchmarks.jtokkit_countOrdinary_60chars")
    ratio("token counting, no usage / jtokkit on the same texts, 4 KB (target <= 1.05)",
          "TokenCountingBenchmarks.llamatrace_countLlmEnd_4kb", "TokenCountingBenchmarks.jtokkit_countOrdinary_4kb")
    ratio("token counting, no usage / jtokkit countTokens, 60 chars",
          "TokenCountingBenchmarks.llamatrace_countLlmEnd_60chars",
          "TokenCountingBenchmarks.jtokkit_countTokens_60chars")
    ratio("token counting, no usage / jtokkit countTokens, 4 KB",
          "TokenCountingBenchmarks.llamatrace_countLlmEnd_4kb", "TokenCountingBenchmarks.jtokkit_countTokens_4kb")
    ratio("token counting with usage / jtokkit on the same texts, 60 chars (~0)",
          "TokenCountingBenchmarks.llamatrace_countLlmEnd_usage_60chars",
          "TokenCountingBenchmarks.jtokkit_countOrdinary_60chars")
    ratio("token counting with usage / jtokkit on the same texts, 4 KB (~0)",
          "TokenCountingBenchmarks.llamatrace_countLlmEnd_usage_4kb",
          "TokenCountingBenchmarks.jtokkit_countOrdinary_4kb")
    ratio("@LlamaSpan (default handlers and meters) / @Observed (meter handler) (target <= 0.5)",
          "AnnotationBenchmarks.llamatrace_llamaSpan", "AnnotationBenchmarks.micrometer_observed")


if __name__ == "__main__":
    main(sys.argv[1:])
