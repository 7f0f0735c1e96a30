#!/usr/bin/env bash
# Builds the benchmark jar and runs JMH with the GC profiler (B/op), writing JSON and the console log to results/.
#
#   llamatrace-benchmarks/run.sh                      # every benchmark
#   llamatrace-benchmarks/run.sh 'SpanBenchmarks'     # a regex over benchmark names
#   llamatrace-benchmarks/run.sh '_t2$' -f 2          # further arguments go to JMH; -f/-wi/-w/-i/-r replace the defaults
#
# Environment: JAVA (default: java), SKIP_BUILD=1 to reuse target/benchmarks.jar, ROUNDS=n to run the whole
# selection n times one after the other (default 1). On a shared host, load changes while the forks run one
# benchmark after another; rounds spread every benchmark over the same stretch of time, and summarize.py then
# compares the least disturbed (lowest) round median of each benchmark.
set -euo pipefail
module_dir="$(cd "$(dirname "$0")" && pwd)"
root_dir="$(dirname "$module_dir")"
pattern="${1:-dev.llamatrace.benchmarks}"
shift || true

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    (cd "$root_dir" && ./mvnw -B -q -pl llamatrace-benchmarks -am package -DskipTests)
fi

mkdir -p "$module_dir/results"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
log="$module_dir/results/jmh-$stamp.txt"
java_cmd="${JAVA:-java}"
rounds="${ROUNDS:-1}"

# Defaults for the options not given on the command line (JMH refuses an option given twice, e.g. "-f 3").
defaults=()
for option in "-f 1" "-wi 3" "-w 1s" "-i 5" "-r 1s"; do
    given=0
    for arg in "$@"; do
        if [[ "$arg" == "${option%% *}" ]]; then
            given=1
        fi
    done
    if [[ "$given" == "0" ]]; then
        defaults+=(${option})
    fi
done

{
    echo "# date: $(date -u +%FT%TZ)"
    echo "# nproc: $(nproc)"
    echo "# cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "# jdk: $("$java_cmd" -version 2>&1 | head -2 | tr '\n' ' ')"
    echo "# load before: $(cat /proc/loadavg)"
    echo "# command: $java_cmd -jar target/benchmarks.jar '$pattern' ${defaults[*]} -prof gc -rf json $*"
    echo "# rounds: $rounds"
} | tee "$log"

jsons=()
for round in $(seq 1 "$rounds"); do
    json="$module_dir/results/jmh-$stamp-r$round.json"
    echo "# round $round, load: $(cat /proc/loadavg)" | tee -a "$log"
    "$java_cmd" -jar "$module_dir/target/benchmarks.jar" "$pattern" \
        "${defaults[@]}" -prof gc -rf json -rff "$json" "$@" 2>&1 | tee -a "$log"
    jsons+=("$json")
done

echo "# load after: $(cat /proc/loadavg)" | tee -a "$log"
if command -v python3 >/dev/null; then
    python3 "$module_dir/summarize.py" "${jsons[@]}" | tee -a "$log"
fi
rm -f "$module_dir"/results/latest-r*.json
for round in $(seq 1 "$rounds"); do
    cp "$module_dir/results/jmh-$stamp-r$round.json" "$module_dir/results/latest-r$round.json"
done
cp "$log" "$module_dir/results/latest.txt"
echo "JSON: ${jsons[*]}"
