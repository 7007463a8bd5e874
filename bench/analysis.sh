#!/usr/bin/env bash
# Builds and runs the analysis benchmark (src/jmh/java/org/policyadvisor/bench/AnalysisBenchmark.java): a sweep of
# 2^16 combinations over the baseline and a batch what-if of 10,000 generated scenarios, each on 1 thread and on
# every core. The main is compiled on its own against target/classes, so it needs no JMH.
#
#   bench/analysis.sh [sweep|batch|all] [THREADS] [ROUNDS] [BATCH_SCENARIOS]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=target/analysis-bench
mvn -q compile
mvn -q dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
CP="target/classes:$(cat target/classpath.txt)"
mkdir -p "$OUT"
javac -d "$OUT" -cp "$CP" src/jmh/java/org/policyadvisor/bench/AnalysisBenchmark.java
java -Xms1g -Xmx1g -cp "$OUT:$CP" \
    org.policyadvisor.bench.AnalysisBenchmark "${1:-all}" rules facts "${2:-$(nproc)}" "${3:-2}" "${4:-10000}"
