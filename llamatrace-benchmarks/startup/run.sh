#!/usr/bin/env bash
# Times the start of a small web application (startup/app: web, actuator, Prometheus, Spring AI and LangChain4j with
# OpenAI clients) in three variants: without the starter, with it (its defaults), and with llamatrace.enabled=false.
# Runs are interleaved (the order rotates every round) after one uncounted warm-up run of each variant; the time is
# the JVM's uptime when the application is ready (ApplicationReadyEvent), as the application prints it.
#
#   llamatrace-benchmarks/startup/run.sh              # 5 counted runs of each variant
#   RUNS=9 llamatrace-benchmarks/startup/run.sh       # more runs
#   PROFILE=1 llamatrace-benchmarks/startup/run.sh    # one run of each with Boot's BufferingApplicationStartup report
#                                                     # and the counts: bean definitions, condition evaluations
#
# Environment: JAVA (default: java), JAVA_OPTS (added to every run), SKIP_BUILD=1 to reuse the last build,
# MAVEN_OFFLINE (default -o; set it empty to let Maven download).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
app="$here/app"
target="$app/target"
runs="${RUNS:-5}"
java_cmd="${JAVA:-java}"
offline="${MAVEN_OFFLINE--o}"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    mkdir -p "$target"
    # The starter's run-time class path, as a user's build resolves it (the reactor's jars for llamatrace itself).
    # dependency:build-classpath runs in every module of the reactor; the starter comes last, so its list stays.
    (cd "$root" && ./mvnw $offline -B -q -pl llamatrace-spring-boot-starter -am package -DskipTests \
        dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$target/starter.classpath")
    (cd "$root" && ./mvnw $offline -B -q -f "$app/pom.xml" package -DskipTests \
        dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$target/app.classpath")
fi

base="$target/classes:$(cat "$target/app.classpath")"
# What the starter adds to the application's class path: llamatrace's jars and what they bring (AspectJ, jtokkit...).
extra="$(tr ':' '\n' < "$target/starter.classpath" | grep -vxF -f <(tr ':' '\n' < "$target/app.classpath") | paste -sd: -)"
declare -A classpath=([without]="$base" [with]="$base:$extra" [disabled]="$base:$extra")
declare -A arguments=([without]="" [with]="" [disabled]="--llamatrace.enabled=false")
variants=(without with disabled)

run() {
    local variant="$1"
    # shellcheck disable=SC2086
    "$java_cmd" ${JAVA_OPTS:-} -cp "${classpath[$variant]}" dev.llamatrace.startup.StartupApplication \
        ${arguments[$variant]} 2>&1
}

echo "# date: $(date -u +%FT%TZ); nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
echo "# jdk: $("$java_cmd" -version 2>&1 | head -1)"
echo "# starter adds to the class path: $(tr ':' '\n' <<< "$extra" | xargs -n1 basename | paste -sd' ' -)"

if [[ "${PROFILE:-0}" == "1" ]]; then
    for variant in "${variants[@]}"; do
        echo "## $variant"
        STARTUP_PROFILE=1 run "$variant" | grep -E '^(startup-ms|cpu-ms|main-cpu-ms|classes-loaded|bean-definitions|condition-evaluations|llamatrace-|profile|  )'
    done
    exit 0
fi

results="$(mktemp)"
echo "# load before: $(cat /proc/loadavg)"
for variant in "${variants[@]}"; do
    run "$variant" > /dev/null # warm-up: page cache, CDS archive
done
for round in $(seq 1 "$runs"); do
    for i in 0 1 2; do
        variant="${variants[$(((round + i) % 3))]}"
        output="$(run "$variant")"
        ms="$(grep -m1 '^startup-ms=' <<< "$output" | cut -d= -f2)"
        cpu="$(grep -m1 '^cpu-ms=' <<< "$output" | cut -d= -f2)"
        classes="$(grep -m1 '^classes-loaded=' <<< "$output" | cut -d= -f2)"
        if [[ -z "$ms" ]]; then
            echo "run failed ($variant):" >&2
            echo "$output" | tail -30 >&2
            exit 1
        fi
        echo "$round $variant $ms $cpu $classes" | tee -a "$results"
    done
done
echo "# load after: $(cat /proc/loadavg)"
python3 - "$results" <<'PY'
import collections, statistics, sys
times = collections.defaultdict(dict); cpus = collections.defaultdict(dict); classes = {}
for line in open(sys.argv[1]):
    round_, variant, ms, cpu, loaded = line.split()
    times[variant][round_] = int(ms); cpus[variant][round_] = int(cpu); classes[variant] = int(loaded)
def med(values): return statistics.median(values)
print("| variant | ready, median ms | min | max | CPU ms to ready, median | classes loaded |")
print("|---|---:|---:|---:|---:|---:|")
for variant in ("without", "with", "disabled"):
    v = list(times[variant].values())
    print(f"| {variant} | {med(v):.0f} | {min(v)} | {max(v)} | {med(cpus[variant].values()):.0f} | {classes[variant]} |")
print()
print("| ratio to without | ready: of medians | ready: median of per-round ratios | ready: difference | CPU: of medians |")
print("|---|---:|---:|---:|---:|")
base = med(times["without"].values()); cpu_base = med(cpus["without"].values())
for variant in ("with", "disabled"):
    pairs = [times[variant][r] / times["without"][r] for r in times["without"] if r in times[variant]]
    m = med(times[variant].values())
    print(f"| {variant} | {m / base:.3f} | {med(pairs):.3f} | {m - base:+.0f} ms | {med(cpus[variant].values()) / cpu_base:.3f} |")
PY
rm -f "$results"
