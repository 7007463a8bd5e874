#!/usr/bin/env bash
# Reload soak: RELOADS reloads of a copy of a rules folder while CALLERS threads evaluate without pause; prints how
# many reloads activated, how many answers were given and how many were wrong (bench/ReloadSoak.java). The test
# suite does 10 reloads under load (HotReloadTest); this is the long run.
#
#   bench/reload-soak.sh                          100 reloads, 4 callers, src/test/resources/http/rules
#   RELOADS=500 CALLERS=2 RULES=DIR JAVA_OPTS=... JAR=... bench/reload-soak.sh
set -euo pipefail
cd "$(dirname "$0")/.."

RELOADS=${RELOADS:-100}
CALLERS=${CALLERS:-4}
RULES=${RULES:-src/test/resources/http/rules}
JAR=${JAR:-target/policy-advisor.jar}
JAVA_OPTS=${JAVA_OPTS:-}
[ -f "$JAR" ] || mvn -q package -DskipTests

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); jar $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "rules $RULES; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$JAR" bench/ReloadSoak.java "$RULES" "$RELOADS" "$CALLERS"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
