#!/usr/bin/env bash
# What an embedder receives: resolve the installed artifact from a minimal consumer project and
# fail if Vert.x, Netty, Micrometer, a logging binding or the CLI library comes along.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/consumer-dependencies.txt
mkdir -p target
mvn -B -q -f src/it/consumer/pom.xml dependency:list -DincludeScope=runtime -DoutputFile="$PWD/$out" -DexcludeTransitive=false
echo "consumer resolves $(grep -c ':jar:' "$out") jars"
grep -q 'org.drools:drools-core:' "$out" || { echo "FAIL: consumer does not receive Drools"; exit 1; }
grep -q 'org.slf4j:slf4j-api' "$out" || { echo "FAIL: consumer does not receive the SLF4J API"; exit 1; }
if grep -E 'io\.vertx|io\.netty|io\.micrometer|io\.prometheus|ch\.qos\.logback|info\.picocli|slf4j-simple|slf4j-reload4j|log4j-slf4j|slf4j-jdk14|slf4j-nop' "$out"; then
  echo "FAIL: an embedder would receive the dependencies listed above"
  exit 1
fi
echo "consumer check passed: Drools and the SLF4J API, no Vert.x, Netty, Micrometer, logging binding or picocli"
