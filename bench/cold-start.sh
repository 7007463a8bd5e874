#!/usr/bin/env bash
# Cold start of the CLI: each command in a new JVM, the commands alternated round by round so that other work on
# the machine falls on all of them alike. Wall time and CPU time (user + sys of the JVM) per run; medians over the
# rounds, and each command's ratio to `--help` of the same jar taken within each round, then the median of those.
#
#   bench/cold-start.sh                 7 rounds after 1 unrecorded round
#   ROUNDS=5 JAR=target/policy-advisor.jar JAVA_OPTS=... bench/cold-start.sh
#   JARS="old.jar new.jar" COMMANDS="help what-if check" bench/cold-start.sh
#                                       several jars (builds of other commits) alternated in the same rounds
#   JARS="target/policy-advisor.jar target/policy-advisor" bench/cold-start.sh
#                                       a name not ending in .jar is a launcher, run as it is (JAVA_OPTS passed to it
#                                       in the environment): here plain `java -jar` against the build's launcher
#
# The commands:
#   help         java -jar JAR --help                                      (the floor: JVM, jar and command line)
#   what-if      java -jar JAR what-if facts/june-2024-summit.json         (the packaged rules)
#   check        java -jar JAR check
#   rules-first  java -jar JAR what-if --rules DIR facts/june-2024-summit.json, user parse cache emptied first
#   rules-again  the same again, with the cache the first run filled
# DIR is a copy of rules/ with a comment added to each rule file: an analyst's own rules, which the entries packaged
# in the jar do not cover. The user cache is a temporary XDG_CACHE_HOME, not the user's own.
# (hyperfine runs each command's runs back to back; this loop alternates them, which pairs them in time.)
set -euo pipefail
cd "$(dirname "$0")/.."

ROUNDS=${ROUNDS:-7}
JAR=${JAR:-target/policy-advisor.jar}
JARS=${JARS:-$JAR}
JAVA_OPTS=${JAVA_OPTS:-}
BASELINE=facts/june-2024-summit.json
[ -f "$JAR" ] || [ "$JARS" != "$JAR" ] || mvn -q package -DskipTests

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/cache"
cp -r rules "$work/rules"
find "$work/rules" \( -name '*.drl' -o -name '*.dslr' \) -exec sh -c 'printf "\n// an analyst'"'"'s copy\n" >> "$1"' _ {} \;

read -r -a names <<<"${COMMANDS:-help what-if check rules-first rules-again}"
read -r -a jars <<<"$JARS"
# command_of NAME JAR: JAR is a jar, run with java -jar, or a launcher, run as it is.
command_of() {
    local run="java $JAVA_OPTS -jar $2"
    [[ $2 == *.jar ]] || run=$2
    case $1 in
        help) echo "$run --help" ;;
        what-if) echo "$run what-if $BASELINE" ;;
        check) echo "$run check" ;;
        rules-first|rules-again) echo "$run what-if --rules $work/rules $BASELINE" ;;
    esac
}

# run NAME JAR_INDEX ROUND: one timed run; appends "NAME@JAR_INDEX ROUND wall user sys" to the results.
TIMEFORMAT='%R %U %S'
run() {
    local name=$1 j=$2 round=$3 t
    [ "$name" = rules-first ] && rm -rf "$work/cache/policy-advisor"
    # shellcheck disable=SC2046
    t=$( { time JAVA_OPTS="$JAVA_OPTS" XDG_CACHE_HOME="$work/cache" $(command_of "$name" "${jars[$j]}") >"$work/$name.out" \
        2>"$work/$name.err"; } 2>&1 ) || { echo "$name failed:"; cat "$work/$name.err"; exit 1; }
    echo "$name@$j $round $t" >>"$work/times.txt"
    [ -z "${VERBOSE:-}" ] || echo "$name@$j $round $t"
}

echo "machine: $(nproc) cores, $(uname -m); $(java -version 2>&1 | head -1); jar $(git rev-parse --short HEAD 2>/dev/null || echo ?)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for j in "${!jars[@]}"; do
    for name in "${names[@]}"; do echo "  $name@$j: $(command_of "$name" "${jars[$j]}")"; done
done
for round in $(seq 0 "$ROUNDS"); do
    for j in "${!jars[@]}"; do
        for name in "${names[@]}"; do run "$name" "$j" "$round"; done
    done
done
if [ -f "$work/what-if.out" ]; then
    grep -q "consequences" "$work/what-if.out" || { echo "what-if printed no answer" >&2; exit 1; }
fi
if [ -f "$work/rules-again.out" ] && [ -f "$work/what-if.out" ]; then
    cmp -s "$work/rules-first.out" "$work/rules-again.out" || { echo "the cached rules gave another answer" >&2; exit 1; }
    diff <(sed 's/revision [0-9a-f]*/revision R/' "$work/what-if.out") \
        <(sed 's/revision [0-9a-f]*/revision R/' "$work/rules-again.out") >/dev/null \
        || { echo "the copied rules gave another answer than the packaged ones" >&2; exit 1; }
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

# Round 0 is not recorded (it fills the page cache).
awk -v rounds="$ROUNDS" '
    function median(a, n,   i, j, t) {
        for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    $2 > 0 { wall[$1, $2] = $3; cpu[$1, $2] = $4 + $5; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
    END {
        printf "%-14s %10s %10s %12s %12s   (%d rounds; ratios to help of the same jar within each round)\n",
            "command@jar", "wall s", "CPU s", "wall x help", "CPU x help", rounds
        for (c = 1; c <= k; c++) {
            name = order[c]; help = name; sub(/^[^@]*@/, "help@", help)
            for (r = 1; r <= rounds; r++) {
                w[r] = wall[name, r]; p[r] = cpu[name, r]
                if ((help, r) in wall) { rw[r] = wall[name, r] / wall[help, r]; rp[r] = cpu[name, r] / cpu[help, r] }
                else { rw[r] = 0; rp[r] = 0 }
            }
            printf "%-14s %10.2f %10.2f %12.2f %12.2f\n", name, median(w, rounds), median(p, rounds),
                median(rw, rounds), median(rp, rounds)
        }
    }' "$work/times.txt"
for j in "${!jars[@]}"; do echo "jar $j: ${jars[$j]}"; done
