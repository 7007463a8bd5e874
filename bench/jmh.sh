#!/usr/bin/env bash
# The engine benchmarks: assess with full explanations against a bare Drools session on the same KieBase.
# Builds target/benchmarks.jar (mvn -Pbench), then runs
#   jmh     the JMH benchmark org.policyadvisor.engine.AssessBenchmark (2 forks, 5 x 2 s warm-up, 5 x 2 s)
#   paired  the same operations in alternating 100 ms blocks in one JVM (PairedAssessBenchmark), by wall clock and
#           by the thread's CPU time, medians with quartiles: the figure to quote on a shared machine
# Raw output and the load average before and after each part go to target/bench/.
#
#   bench/jmh.sh                  both parts (about 6 minutes)
#   bench/jmh.sh paired           one part
#   SECONDS_MEASURED=40 WARMUP=20 JMH_OPTS="-prof gc" bench/jmh.sh
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/bench
JAR=target/benchmarks.jar
BASELINE=${BASELINE:-facts/june-2024-summit.json}
SECONDS_MEASURED=${SECONDS_MEASURED:-40}
WARMUP=${WARMUP:-20}
JMH_OPTS=${JMH_OPTS:-}
PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(jmh paired)

load() {
    echo "$(date -u +%FT%TZ) $1 load=$(cut -d' ' -f1-3 /proc/loadavg) commit=$(git rev-parse --short HEAD)" \
        | tee -a "$OUT/load.txt"
}

[ -f "$JAR" ] || mvn -q -Pbench package -DskipTests
mkdir -p "$OUT"
echo "machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | head -1)"
for part in "${PARTS[@]}"; do
    load "$part start"
    case $part in
        jmh)
            # shellcheck disable=SC2086
            java -jar "$JAR" 'org\.policyadvisor\.engine\.AssessBenchmark\.' -p baseline="$BASELINE" \
                -rf csv -rff "$OUT/assess.csv" $JMH_OPTS | tee "$OUT/assess.txt" ;;
        paired)
            java -Xms1g -Xmx1g -cp "$JAR" org.policyadvisor.engine.PairedAssessBenchmark rules "$BASELINE" \
                "$SECONDS_MEASURED" "$WARMUP" | tee "$OUT/assess-paired.txt" ;;
        *) echo "unknown part $part (jmh, paired)" >&2; exit 2 ;;
    esac
    load "$part end"
done
