#!/usr/bin/env bash
# DNS responder (issue #7): dnsperf against Proxima's responder, NSD and Knot, serving the same zone
# on 127.0.0.1 in the same run (ports 5300, 5301, 5302), each with one worker per core. Per
# repetition and server, in an order that rotates between repetitions: a throughput run (dnsperf
# sends as fast as answers come back: -c 8 clients, -q 256 outstanding) and a latency run at a fixed
# rate (-Q, every answer's latency recorded with -v) for the percentiles. Server CPU time is read
# from /proc around each throughput run. Needs dnsperf, nsd, knot and dig (Debian: apt-get install
# dnsperf nsd knot dnsutils). Not run by CI. Progress goes to stderr, the markdown table to stdout.
#   bench/dns-responder.sh [RUNS (3)] [SECONDS (10)] [SERVERS (proxima,nsd,knot)] [LATENCY_QPS (10000)]
# Extra JVM options for Proxima's server (e.g. the daemon's, docs/benchmarks.md) in PROXIMA_BENCH_JAVA_OPTS.
set -euo pipefail
runs=${1:-3}
seconds=${2:-10}
servers=${3:-proxima,nsd,knot}
latency_qps=${4:-10000}
warmup_seconds=10
latency_seconds=5
clients=8
outstanding=256
workers=$(nproc)

root=$(cd "$(dirname "$0")/.." && pwd)
for tool in dnsperf dig /usr/sbin/nsd /usr/sbin/knotd; do
  command -v "$tool" >/dev/null || { echo "missing $tool (Debian: apt-get install dnsperf nsd knot dnsutils)" >&2; exit 2; }
done
. "$root/scripts/find-jdk.sh"; proxima_find_jdk
cd "$root"
# The build talks on stderr, so that stdout is the result table alone.
JAVA_HOME="$PROXIMA_JAVA_HOME" mvn -q -B -DskipTests package -pl bench -am 1>&2

work=$(mktemp -d /tmp/proxima-dnsbench.XXXXXX)
chmod 755 "$work"
declare -A pid port
port=([proxima]=5300 [nsd]=5301 [knot]=5302)
cleanup() {
  for s in "${!pid[@]}"; do kill "${pid[$s]}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The zone of DESIGN.md's sketch, written so that all three read the same file: absolute owners, a
# TTL and class on every line, no directives.
cat > "$work/example.net.zone" <<'EOF'
example.net. 3600 IN SOA ns1.example.net. hostmaster.example.net. 1 3600 600 86400 60
example.net. 3600 IN NS ns1.example.net.
ns1.example.net. 3600 IN A 198.51.100.75
www.example.net. 60 IN A 198.51.100.80
www.example.net. 60 IN AAAA 2001:db8:75::80
www.example.net. 60 IN TXT "v=1" "hello world"
here.example.net. 10 IN A 203.0.113.2
EOF
# A mix: positive answers of each type, a negative answer with the SOA in authority.
cat > "$work/queries" <<'EOF'
www.example.net A
www.example.net AAAA
ns1.example.net A
example.net SOA
example.net NS
www.example.net TXT
here.example.net A
nope.example.net A
EOF

start_proxima() {
  # shellcheck disable=SC2086 # PROXIMA_BENCH_JAVA_OPTS is a list of options, split on purpose
  "$PROXIMA_JAVA_HOME/bin/java" -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED ${PROXIMA_BENCH_JAVA_OPTS:-} \
    -cp bench/target/benchmarks.jar io.proxima.bench.ProximaDnsServer \
    "$work/example.net.zone" example.net. "127.0.0.1:${port[proxima]}" "$workers" >"$work/proxima.log" 2>&1 &
  pid[proxima]=$!
}

start_nsd() {
  mkdir -p "$work/nsd"
  cat > "$work/nsd/nsd.conf" <<EOF
server:
  ip-address: 127.0.0.1@${port[nsd]}
  server-count: $workers
  reuseport: yes
  username: ""
  chroot: ""
  zonesdir: "$work"
  database: ""
  pidfile: "$work/nsd/nsd.pid"
  xfrdfile: "$work/nsd/xfrd.state"
  xfrdir: "$work/nsd"
  zonelistfile: "$work/nsd/zone.list"
  verbosity: 0
  # NSD limits responses per client /24 by default (200/s); dnsperf is one client on 127.0.0.1.
  rrl-ratelimit: 0
  rrl-whitelist-ratelimit: 0
remote-control:
  control-enable: no
zone:
  name: example.net
  zonefile: example.net.zone
EOF
  /usr/sbin/nsd -d -c "$work/nsd/nsd.conf" >"$work/nsd.log" 2>&1 &
  pid[nsd]=$!
}

start_knot() {
  mkdir -p "$work/knot"
  cat > "$work/knot/knot.conf" <<EOF
server:
  rundir: "$work/knot"
  listen: 127.0.0.1@${port[knot]}
  udp-workers: $workers
  tcp-workers: 1
  background-workers: 1
database:
  storage: "$work/knot"
log:
  - target: stderr
    any: warning
template:
  - id: default
    storage: "$work/knot"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: none
zone:
  - domain: example.net
    file: "$work/example.net.zone"
EOF
  /usr/sbin/knotd -c "$work/knot/knot.conf" >"$work/knot.log" 2>&1 &
  pid[knot]=$!
}

version() {
  case $1 in
    proxima) echo "proxima-dns $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?')" ;;
    nsd) /usr/sbin/nsd -v 2>&1 | head -n 1 ;;
    knot) /usr/sbin/knotd -V | sed 's/.*version/Knot/' ;;
  esac
}

# CPU ticks (utime + stime) of a process and all its descendants: NSD forks its servers.
cpu_ticks() {
  local total=0 p all=("$1") i=0 f
  while [ $i -lt ${#all[@]} ]; do
    for c in $(pgrep -P "${all[$i]}" 2>/dev/null || true); do all+=("$c"); done
    i=$((i + 1))
  done
  for p in "${all[@]}"; do
    [ -r "/proc/$p/stat" ] || continue
    f=$(sed 's/^.*) //' "/proc/$p/stat")
    total=$((total + $(echo "$f" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

IFS=, read -r -a list <<<"$servers"
for s in "${list[@]}"; do
  case $s in proxima|nsd|knot) ;; *) echo "unknown server '$s' (proxima, nsd, knot)" >&2; exit 2 ;; esac
  "start_$s"
done
for s in "${list[@]}"; do
  for _ in $(seq 1 100); do
    [ -n "$(dig @127.0.0.1 -p "${port[$s]}" +short +time=1 +tries=1 example.net SOA 2>/dev/null)" ] && break
    kill -0 "${pid[$s]}" 2>/dev/null || { echo "$s died:" >&2; cat "$work/$s.log" >&2; exit 1; }
    sleep 0.2
  done
  [ -n "$(dig @127.0.0.1 -p "${port[$s]}" +short +time=1 +tries=1 example.net SOA)" ] || { echo "$s does not answer" >&2; exit 1; }
  echo "$s answers on 127.0.0.1:${port[$s]}; warming up for ${warmup_seconds}s" >&2
  dnsperf -s 127.0.0.1 -p "${port[$s]}" -d "$work/queries" -l "$warmup_seconds" -c "$clients" -q "$outstanding" >/dev/null 2>&1
done

hz=$(getconf CLK_TCK)
mkdir -p "$work/res"
for run in $(seq 1 "$runs"); do
  n=${#list[@]}
  for k in $(seq 0 $((n - 1))); do
    s=${list[$(((k + run - 1) % n))]}
    before=$(cpu_ticks "${pid[$s]}")
    out=$(dnsperf -s 127.0.0.1 -p "${port[$s]}" -d "$work/queries" -l "$seconds" -c "$clients" -q "$outstanding" 2>&1)
    after=$(cpu_ticks "${pid[$s]}")
    qps=$(echo "$out" | awk '/Queries per second/ {print $4}')
    avg=$(echo "$out" | awk '/Average Latency/ {print $4 * 1000}')
    lost=$(echo "$out" | awk '/Queries lost/ {print $3}')
    cores=$(awk -v t=$((after - before)) -v hz="$hz" -v s="$seconds" 'BEGIN {printf "%.2f", t / hz / s}')
    echo "$qps $avg $lost $cores" >>"$work/res/$s.throughput"
    # Latencies at a fixed, moderate rate: what a client sees when the server is not saturated.
    dnsperf -s 127.0.0.1 -p "${port[$s]}" -d "$work/queries" -l "$latency_seconds" -Q "$latency_qps" -c "$clients" -v 2>/dev/null |
      awk '/^> / && $NF ~ /^[0-9.]+$/ {print $NF * 1000}' >>"$work/res/$s.latency"
    echo "run $run/$runs $s: $qps q/s, avg ${avg} ms, lost $lost, ${cores} cores" >&2
  done
done

# median, min and max of column $2 of file $1
stats() { sort -g -k"$2","$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {printf "%s %s %s", v[int((NR + 1) / 2)], v[1], v[NR]}'; }
# nearest-rank percentile $2 (0..1) of the sorted values in file $1
pct() { sort -g "$1" | awk -v p="$2" '{v[NR] = $1} END {r = int(p * NR); if (r < p * NR) r++; if (r < 1) r = 1; printf "%.3f", v[r]}'; }

knot_qps=""
[ -f "$work/res/knot.throughput" ] && knot_qps=$(stats "$work/res/knot.throughput" 1 | cut -d' ' -f1)
echo "| server | queries/s (median, min–max of $runs × ${seconds} s) | vs Knot | server CPU (cores) | avg latency at full load | latency p50 / p99 / p99.9 at $latency_qps q/s | lost |"
echo "|---|---|---|---|---|---|---|"
for s in "${list[@]}"; do
  read -r med lo hi <<<"$(stats "$work/res/$s.throughput" 1)"
  ratio="–"
  [ -n "$knot_qps" ] && ratio=$(awk -v a="$med" -v b="$knot_qps" 'BEGIN {printf "%.2f×", a / b}')
  avg=$(stats "$work/res/$s.throughput" 2 | cut -d' ' -f1)
  cores=$(stats "$work/res/$s.throughput" 4 | cut -d' ' -f1)
  lost=$(awk '{t += $3} END {print t}' "$work/res/$s.throughput")
  printf '| %s (%s) | %.0f (%.0f–%.0f) | %s | %s | %.2f ms | %s / %s / %s ms | %s |\n' \
    "$s" "$(version "$s")" "$med" "$lo" "$hi" "$ratio" "$cores" "$avg" \
    "$(pct "$work/res/$s.latency" 0.5)" "$(pct "$work/res/$s.latency" 0.99)" "$(pct "$work/res/$s.latency" 0.999)" "$lost"
done
