#!/usr/bin/env bash
# HTTP benchmark: one server, one run, wrk on loopback against GET /health, then POST /v1/what-if with full
# explanations, then with explain=none, each after a warm-up; prints a summary table.
#
#   bench/http.sh          # 2 threads, 32 connections; JIT warm-up, then 10 s warm-up + 20 s measured per endpoint
#   DURATION=20 WARMUP=10 JIT_WARMUP=60 THREADS=2 CONNECTIONS=32 SCENARIOS=2000 WORKERS=2 EVENT_LOOPS=2 QUEUE=64 \
#       JAVA_OPTS=... JAR=target/policy-advisor.jar bench/http.sh
#
# JAVA_OPTS defaults to the collector the README recommends for serving (-XX:+UseParallelGC); JAVA_OPTS= (empty)
# runs the JVM's default (G1). WORKERS and EVENT_LOOPS default to one per core (0), QUEUE to the server's default
# (64 per worker): a queue smaller than CONNECTIONS minus WORKERS makes the server refuse requests with 503,
# counted under non-2xx.
#
# The JIT warm-up (JIT_WARMUP seconds of what-if load, unmeasured) lets the compilers finish with the engine's
# code paths before anything is measured. On a 2-core machine shared with wrk, the C2 compiler threads still
# took a quarter of the server's CPU after 35 s of what-if load and nothing after 60 s (per-thread CPU from
# /proc/PID/task), and throughput in successive 20 s runs went 2,070, 5,804, 6,923, 6,886 req/s: hence 60 s.
#
# BARE=1 runs the server from target/benchmarks.jar (org.policyadvisor.http.BareSessionServer: the same server with
# one more route) and measures POST /bench/bare-session as well, between /health and what-if: a bare Drools session
# of the same KieBase on the facts of the same bodies, read ahead of time, on the same worker pool. It is what any
# what-if that opens a session per request costs at the least; the "x bare" column is each route's throughput
# against it.
#
# The what-if requests cycle through SCENARIOS distinct generated scenarios (subsets of the baseline facts of
# facts/june-2024-summit.json plus facts of the other scenario files), so no cache can carry the run.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
JIT_WARMUP=${JIT_WARMUP:-60}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
SCENARIOS=${SCENARIOS:-2000}
WORKERS=${WORKERS:-0}
EVENT_LOOPS=${EVENT_LOOPS:-0}
QUEUE=${QUEUE:-}
JAVA_OPTS=${JAVA_OPTS--XX:+UseParallelGC}
JAR=${JAR:-target/policy-advisor.jar}
BARE=${BARE:-0}
BENCH_JAR=target/benchmarks.jar

if ! command -v wrk >/dev/null 2>&1; then
    apt-get update && apt-get install -y wrk
fi
if [ ! -f "$JAR" ]; then
    mvn -q package -DskipTests
fi
if [ "$BARE" = 1 ] && [ ! -f "$BENCH_JAR" ]; then
    mvn -q -Pbench package -DskipTests
fi

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

java -cp "$JAR" bench/Scenarios.java facts "$SCENARIOS" "$work/bodies.txt"

queue_opt=()
[ -n "$QUEUE" ] && queue_opt=(--queue "$QUEUE")
if [ "$BARE" = 1 ]; then
    # shellcheck disable=SC2086
    java $JAVA_OPTS -cp "$BENCH_JAR" org.policyadvisor.http.BareSessionServer rules facts "$work/bodies.txt" 0 \
        "$EVENT_LOOPS" "$WORKERS" >"$work/server.out" 2>"$work/server.log" &
else
    # shellcheck disable=SC2086
    java $JAVA_OPTS -jar "$JAR" serve --host 127.0.0.1 --port 0 --facts facts --workers "$WORKERS" \
        --event-loops "$EVENT_LOOPS" ${queue_opt[@]+"${queue_opt[@]}"} >"$work/server.out" 2>"$work/server.log" &
fi
server=$!
port=""
for _ in $(seq 1 120); do
    port=$(sed -n 's|.* on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$work/server.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.5
done
[ -n "$port" ] || { echo "server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
base="http://127.0.0.1:$port"
grep -m1 "serving revision" "$work/server.log"

echo "machine: $(nproc) cores, $(uname -m), load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java -version 2>&1 | head -1
wrk --version 2>&1 | head -1 || true

ticks=$(getconf CLK_TCK)
server_cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }

# run NAME URL [SCRIPT]: a warm-up, then the measured run with --latency, and the server's CPU time in it.
run() {
    local name=$1 url=$2 script=${3:-}
    local args=(-t"$THREADS" -c"$CONNECTIONS")
    [ -n "$script" ] && args+=(-s "$script")
    WHATIF_BODIES="$work/bodies.txt" wrk "${args[@]}" -d"${WARMUP}s" "$url" >/dev/null
    local before after
    before=$(server_cpu)
    WHATIF_BODIES="$work/bodies.txt" wrk "${args[@]}" -d"${DURATION}s" --latency "$url" >"$work/$name.txt"
    after=$(server_cpu)
    echo $((after - before)) >"$work/$name.cpu"
    echo "--- $name: wrk ${args[*]} -d${DURATION}s --latency $url"
    cat "$work/$name.txt"
}

echo "JIT warm-up: ${JIT_WARMUP}s of what-if load"
WHATIF_BODIES="$work/bodies.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${JIT_WARMUP}s" -s bench/what-if.lua \
    "$base/v1/what-if" >/dev/null

run health "$base/health"
names="health"
if [ "$BARE" = 1 ]; then
    run bare-session "$base/bench/bare-session" bench/what-if.lua
    names="$names bare-session"
fi
names="$names what-if-full what-if-none"
run what-if-full "$base/v1/what-if" bench/what-if.lua
run what-if-none "$base/v1/what-if?explain=none" bench/what-if.lua

field() { # field FILE PATTERN -> the value after the pattern
    awk -v p="$2" '$1 == p { print $2; exit }' "$1"
}
rps() { awk '/^Requests\/sec:/ { print $2 }' "$1"; }
non2xx() { awk '/Non-2xx or 3xx responses:/ { print $NF; found=1 } END { if (!found) print 0 }' "$1"; }
errors() { awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10; found=1 } END { if (!found) print 0 }' "$1"; }

health_rps=$(rps "$work/health.txt")
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
bare_rps=""
[ "$BARE" = 1 ] && bare_rps=$(rps "$work/bare-session.txt")
printf '| %-30s | %10s | %10s | %9s | %9s | %9s | %7s | %13s | %16s |\n' \
    endpoint "req/s" "x /health" "x bare" p50 p99 non-2xx "socket errors" "server CPU/req"
printf '|%s|%s|%s|%s|%s|%s|%s|%s|%s|\n' "$(printf -- '-%.0s' {1..32})" "$(printf -- '-%.0s' {1..12})" \
    "$(printf -- '-%.0s' {1..12})" "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..11})" \
    "$(printf -- '-%.0s' {1..11})" "$(printf -- '-%.0s' {1..9})" "$(printf -- '-%.0s' {1..15})" \
    "$(printf -- '-%.0s' {1..18})"
for name in $names; do
    f="$work/$name.txt"
    case $name in
        health) label="GET /health" ;;
        bare-session) label="POST /bench/bare-session" ;;
        what-if-full) label="POST /v1/what-if (full)" ;;
        what-if-none) label="POST /v1/what-if?explain=none" ;;
    esac
    r=$(rps "$f")
    ratio=$(awk -v a="$r" -v b="$health_rps" 'BEGIN { printf "%.3f", a / b }')
    to_bare=-
    [ -n "$bare_rps" ] && to_bare=$(awk -v a="$r" -v b="$bare_rps" 'BEGIN { printf "%.3f", a / b }')
    requests=$(awk '/ requests in / { print $1 }' "$f")
    cpu=$(awk -v t="$(cat "$work/$name.cpu")" -v n="$requests" -v hz="$ticks" \
        'BEGIN { printf "%.0f us", t * 1e6 / hz / n }')
    printf '| %-30s | %10s | %10s | %9s | %9s | %9s | %7s | %13s | %16s |\n' "$label" "$r" "$ratio" "$to_bare" \
        "$(field "$f" 50%)" "$(field "$f" 99%)" "$(non2xx "$f")" "$(errors "$f")" "$cpu"
done
