#!/usr/bin/env bash
# Runs every benchmark case side by side and rewrites the generated tables in BENCHMARKS.md.
# Usage: benchmarks/run.sh [rows] [repetitions]     (defaults: 1000000 3)
#        BENCHMARK_ONLY=track benchmarks/run.sh     (only the named cases: streaming, track, ...)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests install -pl benchmarks -am
mvn -B -q -pl benchmarks exec:exec -Dbenchmark.jvmArgs="-Dbenchmark.only=${BENCHMARK_ONLY:-}" -Dbenchmark.args="${1:-1000000} ${2:-3}"
