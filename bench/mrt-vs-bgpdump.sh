#!/usr/bin/env bash
# Whole-process time of 'proxima mrt -m' against Debian's 'bgpdump -m' on the same file, in
# alternating runs, as medians and their ratio. Not run by CI. Needs bgpdump (apt-get install bgpdump).
#   bench/mrt-vs-bgpdump.sh [FILE] [RUNS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
file=${1:-$root/../shared/data/mrt/bgpdump/test_data/updates.et-header.2015.gz}
runs=${2:-11}
command -v bgpdump >/dev/null || { echo "needs bgpdump: apt-get install bgpdump" >&2; exit 2; }
"$root/proxima" --version >/dev/null   # builds the jar if needed, outside the measurement
now() { date +%s%N; }
declare -a P B
for i in $(seq 1 "$runs"); do
  t=$(now); "$root/proxima" mrt -m "$file" >/dev/null; P+=($(( ($(now) - t) / 1000000 )))
  t=$(now); bgpdump -m "$file" >/dev/null 2>&1; B+=($(( ($(now) - t) / 1000000 )))
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
mp=$(median "${P[@]}"); mb=$(median "${B[@]}")
echo "file: $(basename "$file"), $runs alternating runs, wall ms: proxima ${P[*]} / bgpdump ${B[*]}"
echo
echo "| command | median wall (ms) | min | max |"
echo "|---|---|---|---|"
printf '| ./proxima mrt -m | %s | %s | %s |\n' "$mp" "$(printf '%s\n' "${P[@]}" | sort -n | head -1)" "$(printf '%s\n' "${P[@]}" | sort -n | tail -1)"
printf '| bgpdump -m | %s | %s | %s |\n' "$mb" "$(printf '%s\n' "${B[@]}" | sort -n | head -1)" "$(printf '%s\n' "${B[@]}" | sort -n | tail -1)"
awk -v a="$mp" -v b="$mb" 'BEGIN { printf "\nratio proxima / bgpdump (medians): %.2f\n", a / b }'
