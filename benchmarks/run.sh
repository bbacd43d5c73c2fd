#!/usr/bin/env bash
# Runs every benchmark case side by side and rewrites the generated tables in BENCHMARKS.md.
# Usage: benchmarks/run.sh [rows] [repetitions]     (defaults: 1000000 3; about 11 minutes on 2 cores)
#        BENCHMARK_ONLY=track benchmarks/run.sh     (only the named cases: streaming, rest, track, metrics, shutdown, faults, writes, sync, sinks, typed, loaders, scale, paging, push)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests -Prun-benchmarks package -pl benchmarks -am \
  -Dbenchmark.jvmArgs="-Dbenchmark.only=${BENCHMARK_ONLY:-}" -Dbenchmark.args="${1:-1000000} ${2:-3}"
