#!/usr/bin/env bash
# Demo throughput with llamatrace on and with llamatrace.enabled=false, in interleaved rounds (on/off order alternating).
# Each round starts the demo jar on a loopback port, waits until it is healthy, sends POST /api/ask from CLIENTS
# threads for WARMUP seconds (not counted) and then for DURATION seconds or MAX_REQUESTS requests, whichever comes
# first, and stops it. Only 127.0.0.1 is ever contacted; every loop is bounded in count and in time.
#
#   llamatrace-benchmarks/throughput/run.sh                       # 4 rounds of 30 s per variant, 4 clients
#   ROUNDS=6 DURATION=60 llamatrace-benchmarks/throughput/run.sh  # longer
#
# Environment: JAVA (default java), PORT (default 18437), CLIENTS (4), ROUNDS (4), WARMUP (10), DURATION (30),
# MAX_REQUESTS (100000), SKIP_BUILD=1 to reuse demo-app/target, MAVEN_OFFLINE (default -o).
# Prints requests/s of each run, the on/off ratio of each round and of the calmest round (lowest load average).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
java_cmd="${JAVA:-java}"
port="${PORT:-18437}"
clients="${CLIENTS:-4}"
rounds="${ROUNDS:-4}"
warmup="${WARMUP:-10}"
duration="${DURATION:-30}"
max_requests="${MAX_REQUESTS:-100000}"
offline="${MAVEN_OFFLINE--o}"

if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    (cd "$root" && ./mvnw $offline -B -q -pl demo-app -am package -DskipTests)
fi
jar="$(ls "$root"/demo-app/target/demo-app-*.jar | grep -v original | head -1)"
results="$(mktemp)"
app_pid=""
cleanup() {
    if [[ -n "$app_pid" ]]; then kill "$app_pid" 2>/dev/null || true; wait "$app_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT

run_variant() {
    local round="$1" variant="$2" args=()
    [[ "$variant" == "off" ]] && args+=(--llamatrace.enabled=false)
    "$java_cmd" ${JAVA_OPTS:-} -jar "$jar" --server.address=127.0.0.1 --server.port="$port" "${args[@]}" \
        > "$results.$variant.log" 2>&1 &
    app_pid=$!
    local waited=0
    until curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1; do
        sleep 1
        waited=$((waited + 1))
        if [[ "$waited" -ge 180 ]] || ! kill -0 "$app_pid" 2>/dev/null; then
            echo "the demo did not become healthy ($variant); its log:" >&2
            tail -30 "$results.$variant.log" >&2
            exit 1
        fi
    done
    python3 - "$port" "$clients" "$warmup" "$duration" "$max_requests" "$round" "$variant" <<'PY' | tee -a "$results"
import http.client, json, sys, threading, time
port, clients, warmup, duration, limit = (int(a) for a in sys.argv[1:6])
round_, variant = sys.argv[6], sys.argv[7]
questions = ["How do I export traces to Zipkin?", "What does llamatrace.capture-content do?",
             "How are token counts computed?", "Which meters does llamatrace record?"]
lock = threading.Lock(); counted = [0]; errors = [0]; counting = threading.Event(); stop = threading.Event()
def client(index):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    i = index
    while not stop.is_set():
        body = json.dumps({"question": questions[i % len(questions)]}); i += 1
        try:
            connection.request("POST", "/api/ask", body, {"Content-Type": "application/json"})
            response = connection.getresponse(); response.read(); ok = response.status == 200
        except Exception:
            ok = False
            connection.close(); connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        if counting.is_set():
            with lock:
                if ok: counted[0] += 1
                else: errors[0] += 1
                if counted[0] >= limit: stop.set()
threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(clients)]
for t in threads: t.start()
time.sleep(warmup)
counting.set(); start = time.monotonic()
deadline = start + duration
while not stop.is_set() and time.monotonic() < deadline: time.sleep(0.1)
stop.set(); elapsed = time.monotonic() - start
with lock: done, failed = counted[0], errors[0]
for t in threads: t.join(timeout=35)
load = open("/proc/loadavg").read().split()[0]
print(f"{round_} {variant} {done / elapsed:.1f} {done} {failed} {load}")
PY
    kill "$app_pid"
    wait "$app_pid" 2>/dev/null || true
    app_pid=""
}

echo "# date: $(date -u +%FT%TZ); nproc: $(nproc); load before: $(cat /proc/loadavg)"
echo "# jar: $(basename "$jar"); clients $clients, warm-up ${warmup}s, ${duration}s or $max_requests requests per run"
echo "# round variant requests/s requests errors load-1min"
for round in $(seq 1 "$rounds"); do
    if (( round % 2 )); then order=(on off); else order=(off on); fi
    for variant in "${order[@]}"; do
        run_variant "$round" "$variant"
    done
done
echo "# load after: $(cat /proc/loadavg)"
python3 - "$results" <<'PY'
import collections, statistics, sys
runs = collections.defaultdict(dict)
for line in open(sys.argv[1]):
    round_, variant, rate, done, failed, load = line.split()
    runs[round_][variant] = (float(rate), float(load), int(failed))
rounds = [r for r in runs if "on" in runs[r] and "off" in runs[r]]
ratios = {r: runs[r]["on"][0] / runs[r]["off"][0] for r in rounds}
calm = sorted(rounds, key=lambda r: runs[r]["on"][1] + runs[r]["off"][1])
print("| round | on req/s | off req/s | on/off | load (on, off) | errors |")
print("|---:|---:|---:|---:|---|---:|")
for r in rounds:
    on, off = runs[r]["on"], runs[r]["off"]
    print(f"| {r} | {on[0]:.1f} | {off[0]:.1f} | {ratios[r]:.3f} | {on[1]}, {off[1]} | {on[2] + off[2]} |")
print()
print(f"on/off, calmest round ({calm[0]}): {ratios[calm[0]]:.3f}; median of the two calmest: "
      f"{statistics.median(ratios[r] for r in calm[:2]):.3f}; median of all rounds: {statistics.median(ratios.values()):.3f}")
PY
rm -f "$results" "$results".*.log
