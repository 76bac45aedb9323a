#!/usr/bin/env bash
# JMH decode throughput (prefixes per second) on the 2015 full-table dump. Not run by CI.
#   bench/run-jmh.sh [extra JMH args]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"; proxima_find_jdk
cd "$root"
JAVA_HOME="$PROXIMA_JAVA_HOME" mvn -q -B -DskipTests package -pl bench -am
out=$(mktemp)
"$PROXIMA_JAVA_HOME/bin/java" -jar bench/target/benchmarks.jar DecodeBenchmark -rf text -rff "$out" "$@" | tee "$out.log"
# The benchmark's setup prints the prefix count (it may share a line with JMH's own output).
prefixes=$(grep -oE '# [0-9]+ UPDATEs, [0-9]+ prefixes' "$out.log" | tail -1 | sed -E 's/.*, ([0-9]+) prefixes/\1/')
ms=$(awk '/decodeAllUpdates/ {print $(NF-3)}' "$out")
err=$(awk '/decodeAllUpdates/ {print $(NF-1)}' "$out")
echo
echo "| benchmark | ms per pass (± 99.9% CI) | prefixes per pass | prefixes/s |"
echo "|---|---|---|---|"
awk -v p="$prefixes" -v ms="$ms" -v e="$err" 'BEGIN { printf "| decode all UPDATEs of updates.et-header.2015.gz | %s ± %s | %d | %.2f M |\n", ms, e, p, p / (ms / 1000) / 1e6 }'
rm -f "$out" "$out.log"
