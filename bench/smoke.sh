#!/usr/bin/env bash
# Runs every benchmark command of BENCHMARKS.md once with the smallest settings, so that CI (.ci/run) keeps them
# runnable; the figures it prints mean nothing. A few minutes; builds target/benchmarks.jar (mvn -Pbench).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -Pbench package -DskipTests
ROUNDS=1 bench/cold-start.sh
ROUNDS=1 COMMANDS="help what-if" JARS="target/policy-advisor.jar target/policy-advisor" bench/cold-start.sh
ROUNDS=1 bench/reload.sh
BARE=1 DURATION=1 WARMUP=1 JIT_WARMUP=1 SCENARIOS=20 bench/http.sh
SECONDS_MEASURED=1 WARMUP=1 JMH_OPTS="-f 1 -wi 0 -i 1 -r 200ms" bench/jmh.sh jmh paired
bodies=$(mktemp)
trap 'rm -f "$bodies"' EXIT
java -cp target/policy-advisor.jar bench/Scenarios.java facts 20 "$bodies"
java -cp target/policy-advisor.jar bench/WhatIfStages.java "$bodies" 1
bench/analysis.sh batch 2 1 300
DURATION=15 THREADS=4 bench/fuzz.sh
echo "bench smoke: every script ran"
