#!/usr/bin/env bash
# Runs the benchmarks of an earlier commit and of this checkout in alternating rounds, so both see the same stretch
# of machine time, and prints per benchmark the ns/op and B/op of each side with their ratio, and the target ratios
# of each side (summarize.py) next to each other.
#
#   llamatrace-benchmarks/compare.sh d239c02                        # every benchmark, 2 rounds each side
#   llamatrace-benchmarks/compare.sh d239c02 'SpanBenchmarks' -f 2  # a regex; more arguments go to JMH
#
# Environment: JAVA (default: java), ROUNDS (default 2), SKIP_BUILD=1 to reuse both jars from an earlier call.
set -euo pipefail
module_dir="$(cd "$(dirname "$0")" && pwd)"
root_dir="$(dirname "$module_dir")"
base="${1:?usage: compare.sh <commit> [regex] [jmh options]}"
pattern="${2:-dev.llamatrace.benchmarks}"
shift 2 || shift $#
java_cmd="${JAVA:-java}"
rounds="${ROUNDS:-2}"
work="$module_dir/target/compare"
base_jar="$work/base-benchmarks.jar"
head_jar="$module_dir/target/benchmarks.jar"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    rm -rf "$work/base"
    mkdir -p "$work"
    git -C "$root_dir" worktree add -q --detach "$work/base" "$base"
    (cd "$work/base" && ./mvnw -B -q -o -pl llamatrace-benchmarks -am package -DskipTests)
    cp "$work/base/llamatrace-benchmarks/target/benchmarks.jar" "$base_jar"
    git -C "$root_dir" worktree remove --force "$work/base"
    (cd "$root_dir" && ./mvnw -B -q -o -pl llamatrace-benchmarks -am package -DskipTests)
fi

# The defaults of run.sh for the options not given (JMH refuses an option given twice).
defaults=()
for option in "-f 1" "-wi 3" "-w 1s" "-i 5" "-r 1s"; do
    given=0
    for arg in "$@"; do
        [[ "$arg" == "${option%% *}" ]] && given=1
    done
    [[ "$given" == "0" ]] && defaults+=(${option})
done

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
out="$module_dir/results/compare-$stamp"
mkdir -p "$out"
{
    echo "# date: $(date -u +%FT%TZ), nproc $(nproc), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //')"
    echo "# jdk: $("$java_cmd" -version 2>&1 | head -1)"
    echo "# base: $base ($(git -C "$root_dir" rev-parse --short "$base")), head: $(git -C "$root_dir" rev-parse --short HEAD)"
    echo "# command: java -jar <jar> '$pattern' ${defaults[*]} -prof gc $*, $rounds rounds each side"
} | tee "$out/log.txt"
for round in $(seq 1 "$rounds"); do
    for side in base head; do
        jar="$base_jar"
        [[ "$side" == "head" ]] && jar="$head_jar"
        echo "# round $round $side, load: $(cat /proc/loadavg)" | tee -a "$out/log.txt"
        "$java_cmd" -jar "$jar" "$pattern" "${defaults[@]}" -prof gc -rf json \
            -rff "$out/$side-r$round.json" "$@" >> "$out/log.txt" 2>&1
    done
done
echo "# load after: $(cat /proc/loadavg)" | tee -a "$out/log.txt"
python3 "$module_dir/compare.py" "$out" | tee -a "$out/log.txt"
