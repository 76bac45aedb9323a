#!/usr/bin/env bash
# Failover on the wire (issue #5): NSD killed → the route leaves a BIRD router's FIB, for Proxima
# and ExaBGP's healthcheck at three settings in the same run; then Proxima's footprint (RSS idle
# with 10 services, start → first announcement). Needs root, bird2, exabgp, nsd and dig.
# Not run by CI. Progress goes to stderr, the markdown tables to stdout.
#   bench/failover.sh [RUNS] [footprint]      (footprint: only the footprint part)
# Proxima runs with the JVM options and environment of packaging/proxima.service (the same as
# ./proxima run); extra ones, which win, in PROXIMA_BENCH_JAVA_OPTS, e.g. "-XX:TieredStopAtLevel=4".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"; proxima_find_jdk
cd "$root"
JAVA_HOME="$PROXIMA_JAVA_HOME" mvn -q -B -DskipTests package -pl bench -am 1>&2
exec "$PROXIMA_JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar io.proxima.bench.FailoverBenchmark "${1:-5}" ${2:-}
