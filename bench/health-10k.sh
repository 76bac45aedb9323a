#!/usr/bin/env bash
# Issue #4's health engine benchmark: TCP checks of a local listener (127.0.0.1, accept and close)
# through the real engine, scheduler, virtual-thread launcher and TCP prober, at 10,000 checks/s.
# Each scenario runs in a JVM of its own (the launcher's -XX:+UseSerialGC, plus
# PROXIMA_BENCH_JAVA_OPTS); the listener runs in the benchmark JVM and is not counted. Reports the
# probe rate, the scheduling jitter (actual probe start minus planned start), CPU, heap and RSS,
# measured after a warm-up. No root needed. Not run by CI.
# Progress goes to stderr, the markdown table to stdout.
#   bench/health-10k.sh [--duration 60s] [--warmup 30s] [--ports N] [--baseline] [CHECKS@INTERVAL ...]
#   default scenarios: 10000@1s 1000@100ms; a quick try: bench/health-10k.sh --duration 10s 10000@1s
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/find-jdk.sh"; proxima_find_jdk
cd "$root"
# The build talks on stderr, so that stdout is the result table alone.
JAVA_HOME="$PROXIMA_JAVA_HOME" mvn -q -B -DskipTests package -pl bench -am 1>&2
exec "$PROXIMA_JAVA_HOME/bin/java" -cp bench/target/benchmarks.jar io.proxima.bench.HealthLoad "$@"
