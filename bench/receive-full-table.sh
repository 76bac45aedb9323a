#!/usr/bin/env bash
# Receive a real full table (bgpdump's updates.et-header.2015.gz, replayed as raw eBGP UPDATEs from
# the benchmark JVM): Proxima (its own JVM, speaker and router mode), BIRD, FRR and GoBGP in the same
# run, fresh namespaces and processes per repetition; time from Established to all prefixes held,
# receiver CPU seconds and peak RSS. Needs root, bird2, frr and gobgpd (LAB.md §1). Not run by CI.
# Progress goes to stderr, the markdown table to stdout. PROXIMA_BENCH_JAVA_OPTS adds JVM options to
# Proxima's JVM (after the launcher's -XX:+UseSerialGC), e.g. "-Xmx256m".
#   bench/receive-full-table.sh [RUNS] [RECEIVERS] [DUMP]
#   RECEIVERS: comma-separated subset of proxima,proxima-router,bird,frr,gobgp (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"; proxima_find_jdk
dump=${3:-$root/../shared/data/mrt/bgpdump/test_data/updates.et-header.2015.gz}
[ -f "$dump" ] || { echo "no dump at $dump (the shared test data, see README)" >&2; exit 2; }
cd "$root"
# The build talks on stderr, so that stdout is the result table alone.
JAVA_HOME="$PROXIMA_JAVA_HOME" mvn -q -B -DskipTests package -pl bench -am 1>&2
exec "$PROXIMA_JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar io.proxima.bench.ReceiveBenchmark \
  "$dump" "${1:-3}" "${2:-proxima,proxima-router,bird,frr,gobgp}"
