#!/usr/bin/env bash
# Builds the benchmarks (mvn -Pbench) and runs the engine benchmarks and the cold-start measurement that
# BENCHMARKS.md reports. Raw results go to target/bench/; a summary is printed at the end and written to
# target/bench/summary.txt. About 15 minutes on 2 cores.
#
#   bench/jmh.sh                 everything
#   bench/jmh.sh assess          only the assess/bare comparison (JMH and paired)
#   bench/jmh.sh build heap generated cold    any of the parts, in that order
#
# Other work on the machine changes the figures: the script records the load average before and after
# each part (target/bench/load.txt). Extra JMH options can be passed in JMH_OPTS, e.g. JMH_OPTS="-prof gc".
set -euo pipefail
cd "$(dirname "$0")/.."

OUT=target/bench
JAR=target/benchmarks.jar
APP=target/policy-advisor.jar
BASELINE=facts/june-2024-summit.json
LOGGING=-Dlogback.configurationFile=org/policyadvisor/cli/logback-cli.xml
JMH_OPTS=${JMH_OPTS:-}
PARTS=("$@")
[ ${#PARTS[@]} -gt 0 ] || PARTS=(assess build heap generated cold)

wants() {
    local p
    for p in "${PARTS[@]}"; do [ "$p" = "$1" ] && return 0; done
    return 1
}

load() {
    echo "$(date -u +%H:%M:%S) $1 load=$(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/load.txt"
}

jmh() {
    local name=$1
    shift
    # shellcheck disable=SC2086
    java -jar "$JAR" "$@" -rf csv -rff "$OUT/$name.csv" $JMH_OPTS | tee "$OUT/$name.txt"
}

mvn -q -Pbench package -DskipTests
mkdir -p "$OUT"
: > "$OUT/load.txt"
{
    echo "nproc: $(nproc)"
    lscpu | head -20
    free -m | head -2
    java -version 2>&1
    echo "uptime: $(uptime)"
} > "$OUT/machine.txt"
cat "$OUT/machine.txt"

if wants assess; then
    load "assess start"
    # assess with explanations, the bare session, and the three steps in between; same KieBase, one run.
    jmh assess 'org\.policyadvisor\.engine\.AssessBenchmark\.' -p baseline="$BASELINE"
    load "assess paired start"
    # The same ratio taken in alternating 100 ms blocks, by wall-clock and by thread CPU time.
    java "$LOGGING" -Xms1g -Xmx1g -cp "$JAR" org.policyadvisor.engine.PairedAssessBenchmark \
        rules "$BASELINE" 60 30 | tee "$OUT/assess-paired.txt"
    load "assess end"
fi

if wants build; then
    load "build start"
    # Warm rebuilds of the article's rules: single shots after ten warmup builds in the same JVM.
    jmh build-article 'org\.policyadvisor\.engine\.BuildBenchmark\.build' -p rules=rules -f 2 -wi 10 -i 20
    jmh build-1000 'org\.policyadvisor\.engine\.BuildBenchmark\.build' -p rules=1000 -f 2 -wi 3 -i 5
    # Around 40 s a build: one fork, one warmup build, three measured.
    jmh build-10000 'org\.policyadvisor\.engine\.BuildBenchmark\.build' -p rules=10000 -f 1 -wi 1 -i 3
    load "build end"
fi

if wants heap; then
    load "heap start"
    : > "$OUT/heap.txt"
    for target in "rules $BASELINE" "--generated 1000" "--generated 10000"; do
        # shellcheck disable=SC2086
        java "$LOGGING" -Xms4g -Xmx4g -cp "$JAR" org.policyadvisor.bench.HeapProbe $target | tee -a "$OUT/heap.txt"
    done
    load "heap end"
fi

if wants generated; then
    load "generated start"
    jmh generated-assess 'org\.policyadvisor\.engine\.GeneratedAssessBenchmark\.' -p rules=10000 -p seeds=10
    load "generated end"
fi

if wants cold; then
    load "cold start"
    if ! command -v hyperfine > /dev/null; then
        { apt-get update -qq && apt-get install -y -qq hyperfine; } > "$OUT/apt.txt" 2>&1 \
            || echo "hyperfine could not be installed (see $OUT/apt.txt); timing with a loop instead"
    fi
    WHATIF="java -jar $APP what-if $BASELINE"
    $WHATIF > "$OUT/what-if.txt"
    grep -q "follows\|consequence\|Consequence" "$OUT/what-if.txt" || { echo "what-if printed no answer" >&2; exit 1; }
    # An application class-data archive, for the variant that uses one.
    rm -f "$OUT/app-cds.jsa"
    java -XX:ArchiveClassesAtExit="$OUT/app-cds.jsa" -jar "$APP" what-if "$BASELINE" > /dev/null 2>&1 || true
    CDS="java -XX:SharedArchiveFile=$OUT/app-cds.jsa -jar $APP what-if $BASELINE"
    C1="java -XX:TieredStopAtLevel=1 -jar $APP what-if $BASELINE"
    HELP="java -jar $APP --help"
    if command -v hyperfine > /dev/null; then
        hyperfine --warmup 2 --runs 10 --style basic --export-json "$OUT/cold-start.json" \
            -n what-if "$WHATIF > /dev/null" \
            -n "what-if, app CDS archive" "$CDS > /dev/null" \
            -n "what-if, C1 only" "$C1 > /dev/null" \
            -n "help: JVM and CLI only" "$HELP > /dev/null" | tee "$OUT/cold-start.txt"
    else
        : > "$OUT/cold-start.txt"
        for cmd in "$WHATIF" "$CDS" "$C1" "$HELP"; do
            times=()
            for _ in 1 2; do $cmd > /dev/null; done
            for _ in $(seq 10); do
                t0=$(date +%s%N); $cmd > /dev/null; t1=$(date +%s%N)
                times+=($(( (t1 - t0) / 1000000 )))
            done
            median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (a[5]+a[6])/2}')
            echo "$cmd: median ${median} ms over 10 runs: ${times[*]}" | tee -a "$OUT/cold-start.txt"
        done
    fi
    load "cold end"
fi

# Summary: the JMH scores, and the assess/bare ratio of each comparison with its error
# (the relative 99.9% errors of the two means, combined in quadrature).
{
    for csv in "$OUT"/*.csv; do
        [ -f "$csv" ] || continue
        echo "== $(basename "$csv" .csv)"
        awk -F, 'NR > 1 && $1 !~ /:/ {
                gsub(/"/, "", $1); sub(/.*\.engine\./, "", $1); gsub(/"/, "", $7)
                printf "%-42s %12.1f ± %10.1f %s  (n=%s)\n", $1, $5, $6, $7, $4
                score[$1] = $5; err[$1] = $6 }
            END {
                for (b in score) if (b ~ /\.assess$/) {
                    bare = b; sub(/\.assess$/, ".bareSession", bare)
                    if (bare in score) {
                        r = score[b] / score[bare]
                        e = r * sqrt((err[b] / score[b]) ^ 2 + (err[bare] / score[bare]) ^ 2)
                        printf "ratio %s / %s = %.2f ± %.2f\n", b, bare, r, e }
                } }' "$csv"
    done
    [ -f "$OUT/assess-paired.txt" ] && { echo "== assess-paired"; grep -v '^#' "$OUT/assess-paired.txt"; }
    [ -f "$OUT/heap.txt" ] && { echo "== heap"; cat "$OUT/heap.txt"; }
    [ -f "$OUT/cold-start.json" ] && { echo "== cold start (s)"; grep -E '"(command|mean|stddev|median|min|max)"' "$OUT/cold-start.json" | tr -d ' ,' ; }
    [ -f "$OUT/cold-start.txt" ] && [ ! -f "$OUT/cold-start.json" ] && { echo "== cold start"; cat "$OUT/cold-start.txt"; }
    echo "== load"
    cat "$OUT/load.txt"
} | tee "$OUT/summary.txt"
