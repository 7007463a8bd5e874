#!/usr/bin/env bash
# Run by the build after it makes the jar (mvn package): writes the launcher TARGET/policy-advisor and the
# class-data archive it starts with, TARGET/policy-advisor.jsa, recorded from a what-if on SCENARIO by JAVA (the JVM
# that runs Maven). When JAVA cannot write the archive, the launcher runs without one: a warning, not a failed build.
#
#   build.sh TARGET JAVA SCENARIO
set -euo pipefail
target=$(cd -- "$1" && pwd -P)
java=$2
scenario=$3
archive=$target/policy-advisor.jsa
rm -f "$archive" "$archive.part" "$target/policy-advisor"
bytes=0
# The archive keeps the jar's path: it is recorded with the path the launcher gives.
if "$java" -XX:ArchiveClassesAtExit="$archive.part" -XX:+VerifySharedSpaces -Xlog:cds=off -Xlog:cds+dynamic=off \
        -XX:TieredStopAtLevel=1 -jar "$target/policy-advisor.jar" what-if "$scenario" >/dev/null \
        2>"$target/policy-advisor.jsa.log" && [ -s "$archive.part" ]; then
    mv "$archive.part" "$archive"
    bytes=$(wc -c <"$archive")
else
    rm -f "$archive.part"
    echo "warning: no class-data archive (see $target/policy-advisor.jsa.log): target/policy-advisor starts without it" >&2
fi
sed "s/@ARCHIVE_BYTES@/$bytes/" "$(dirname -- "$0")/policy-advisor" >"$target/policy-advisor"
chmod +x "$target/policy-advisor"
