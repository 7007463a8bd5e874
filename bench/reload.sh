#!/usr/bin/env bash
# Hot-reload latency: `serve --rules DIR` on a copy of rules/, then ROUNDS edits of DIR/treaty.drl, each timed from
# the file's change to the first GET /v1/status that answers the new revision (bench/ReloadLatency.java).
#
#   bench/reload.sh                     10 edits, the server's default debounce
#   ROUNDS=5 SERVE_OPTS="--reload-debounce-ms 100" JAVA_OPTS=... JAR=... bench/reload.sh
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-10}
JAR=${JAR:-target/policy-advisor.jar}
JAVA_OPTS=${JAVA_OPTS:-}
SERVE_OPTS=${SERVE_OPTS:-}
[ -f "$JAR" ] || mvn -q package -DskipTests

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
cp -r rules "$work/rules"
mkdir -p "$work/cache"

# shellcheck disable=SC2086
XDG_CACHE_HOME="$work/cache" java $JAVA_OPTS -jar "$JAR" serve --host 127.0.0.1 --port 0 --rules "$work/rules" \
    $SERVE_OPTS >"$work/server.out" 2>"$work/server.log" &
server=$!
port=""
for _ in $(seq 1 120); do
    port=$(sed -n 's|.* on http://127\.0\.0\.1:\([0-9]*\) .*|\1|p' "$work/server.log" | head -1)
    [ -n "$port" ] && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log"; exit 1; }
    sleep 0.5
done
[ -n "$port" ] || { echo "server did not start" >&2; cat "$work/server.log" >&2; exit 1; }

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); jar $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "serve --rules DIR $SERVE_OPTS; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
java bench/ReloadLatency.java "http://127.0.0.1:$port" "$work/rules/treaty.drl" "$ROUNDS"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if grep -q "not activated" "$work/server.log"; then
    echo "a revision was refused:" >&2
    cat "$work/server.log" >&2
    exit 1
fi
