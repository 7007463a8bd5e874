#!/usr/bin/env bash
# A bounded mutation fuzz of the HTTP service: starts the jar at -Xmx256m on a free loopback port, sends mutated
# requests (bench/Fuzz.java) for DURATION seconds, prints the status histogram, then checks that /health still
# answers and that SIGTERM stops the server. Exits 1 on any 5xx, answer without the error shape, leak, or an
# unhealthy or unstoppable server.
#
#   bench/fuzz.sh                      # 10 minutes, 16 threads
#   DURATION=60 THREADS=4 SEED=7 HEAP=256m WORKERS=1 JAR=target/policy-advisor.jar bench/fuzz.sh
#
# WORKERS (default: the server's, one per core) sets serve --workers.
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-600}
THREADS=${THREADS:-16}
SEED=${SEED:-1}
HEAP=${HEAP:-256m}
JAR=${JAR:-target/policy-advisor.jar}
FACTS=${FACTS:-facts}
WORKERS=${WORKERS:-0}

[ -f "$JAR" ] || mvn -q -o package -DskipTests
log=$(mktemp -t fuzz-serve.XXXXXX.log)
java -Xmx"$HEAP" -XX:+ExitOnOutOfMemoryError -jar "$JAR" serve --port 0 --facts "$FACTS" --workers "$WORKERS" >"$log" 2>&1 &
pid=$!
trap 'kill -9 $pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 600); do
  port=$(sed -n 's/.*serving revision .* on http:\/\/127\.0\.0\.1:\([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$port" ] && break
  kill -0 $pid 2>/dev/null || { cat "$log"; echo "FAIL: the server did not start"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: the server did not start in 60 s"; exit 1; }
echo "fuzzing http://127.0.0.1:$port for $DURATION s with $THREADS threads (server at -Xmx$HEAP, workers $WORKERS (0: one per core), seed $SEED)"

status=0
java bench/Fuzz.java "$port" "$DURATION" "$THREADS" "$FACTS" "$SEED" || status=1

health=$(curl -s -o /dev/null -m 5 -w '%{http_code}' "http://127.0.0.1:$port/health" || echo none)
echo "GET /health after the fuzz: $health"
[ "$health" = 200 ] || status=1
echo "server log: $(grep -c ' ERROR ' "$log" || true) ERROR lines, $(grep -c 'OutOfMemoryError' "$log" || true) OutOfMemoryError"
grep -q 'OutOfMemoryError' "$log" && status=1
kill -TERM $pid
for _ in $(seq 1 300); do kill -0 $pid 2>/dev/null || break; sleep 0.1; done
if kill -0 $pid 2>/dev/null; then echo "FAIL: SIGTERM did not stop the server in 30 s"; status=1; else echo "SIGTERM: stopped"; fi
[ $status = 0 ] && echo "fuzz: healthy, no 5xx, every refusal of the error shape, no leak" || echo "fuzz: FAILED"
exit $status
