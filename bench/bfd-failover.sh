#!/usr/bin/env bash
# BFD (issue #6), against BIRD 2 in namespaces: (1) a silent death, Proxima frozen with SIGSTOP: the
# time until BIRD's FIB drops its route, with BFD 100 ms x 3 and with a 9 s hold timer alone;
# (2) false downs under load: 100 ms x 3 and 50 ms x 3 for LOAD_SECONDS with both cores busy and GC
# pressure in the Proxima JVM. Needs root and bird2 (LAB.md §1). Not run by CI.
# Progress goes to stderr, the markdown tables to stdout.
#   bench/bfd-failover.sh [RUNS] [LOAD_SECONDS] [SCENARIOS]
#   SCENARIOS: failover, load, or failover,load (default)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"; proxima_find_jdk
cd "$root"
# The build talks on stderr, so that stdout is the result table alone.
JAVA_HOME="$PROXIMA_JAVA_HOME" mvn -q -B -DskipTests package -pl bench -am 1>&2
exec "$PROXIMA_JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar io.proxima.bench.BfdFailoverBenchmark "${1:-5}" "${2:-60}" "${3:-failover,load}"
