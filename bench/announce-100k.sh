#!/usr/bin/env bash
# Announce 100,000 /32s (198.18.0.0/15) to BIRD 2 in a namespace: Proxima, GoBGP and ExaBGP in the
# same run, fresh namespaces and processes per repetition; time from Established to BIRD holding all.
# Needs root, bird2, gobgpd and exabgp (LAB.md §1). Not run by CI. Prints a markdown table.
# Progress goes to stderr, the markdown table to stdout.
#   bench/announce-100k.sh [RUNS] [ROUTES] [SPEAKERS]
#   SPEAKERS: comma-separated subset of proxima,gobgp,exabgp (default: all)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"; proxima_find_jdk
cd "$root"
# The build talks on stderr, so that stdout is the result table alone.
JAVA_HOME="$PROXIMA_JAVA_HOME" mvn -q -B -DskipTests package -pl bench -am 1>&2
exec "$PROXIMA_JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar io.proxima.bench.AnnounceBenchmark "${1:-3}" "${2:-100000}" "${3:-proxima,gobgp,exabgp}"
