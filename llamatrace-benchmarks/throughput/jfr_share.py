#!/usr/bin/env python3
"""Share of a demo recording's CPU samples spent in llamatrace's own code, on the request threads.

    python3 llamatrace-benchmarks/throughput/jfr_share.py demo.jfr [top]

Reads jdk.ExecutionSample events (`jfr print --json`) of the threads named http-nio-* and counts a sample as
llamatrace's when its innermost dev.llamatrace.core / dev.llamatrace.autoconfigure frame has no application code
below it: no dev.llamatrace.demo frame, no servlet filter chain and no AOP proceed between it and the leaf (so the
@LlamaSpan advice and the propagation filter, which wrap the whole request, count only for their own work). Prints
the share, the part of it under the redaction package, and the innermost llamatrace frames.
"""
import collections
import json
import re
import subprocess
import sys

OWN = ("dev.llamatrace.core", "dev.llamatrace.autoconfigure")
WRAPPED = ("dev.llamatrace.demo", "org.apache.catalina.core.ApplicationFilterChain.doFilter",
           "org.springframework.aop.framework.ReflectiveMethodInvocation.proceed",
           "org.springframework.aop.framework.CglibAopProxy$CglibMethodInvocation.proceed")


def frame_name(frame):
    method = frame["method"]
    type_name = re.sub(r"\$\$Lambda\$\d+\+0x[0-9a-f]+[./]\d+", "$$Lambda", method["type"]["name"].replace("/", "."))
    return f"{type_name}.{method['name']}"


def innermost_own(frames):
    for index, name in enumerate(frames):
        if name.startswith(WRAPPED):
            return None
        if name.startswith(OWN):
            return index
    return None


def main(path, top):
    raw = subprocess.run(["jfr", "print", "--json", "--stack-depth", "1024", "--events", "jdk.ExecutionSample", path],
                         capture_output=True, text=True, check=True).stdout
    total = own = redaction = 0
    frames_by_count = collections.Counter()
    for event in json.loads(raw)["recording"]["events"]:
        values = event["values"]
        if not values["sampledThread"]["javaName"].startswith("http-nio"):
            continue
        frames = [frame_name(f) for f in (values["stackTrace"] or {"frames": []})["frames"]]
        total += 1
        index = innermost_own(frames)
        if index is None:
            continue
        own += 1
        frames_by_count[frames[index]] += 1
        if any(name.startswith("dev.llamatrace.autoconfigure.redaction") for name in frames[index:]):
            redaction += 1
    print(f"{path}: {total} request-thread samples, llamatrace's own {own} ({100 * own / max(total, 1):.1f}%), "
          f"redaction {redaction} ({100 * redaction / max(total, 1):.1f}%)")
    for name, count in frames_by_count.most_common(top):
        print(f"  {100 * count / total:5.1f}%  {name}")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10)
