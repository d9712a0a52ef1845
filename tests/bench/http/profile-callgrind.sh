#!/usr/bin/env bash
# Where hivemind-server spends its instructions per request, by function:
# valgrind's callgrind over a fixed number of requests. Counts instructions,
# so the figures do not depend on what else the machine is doing (unlike a
# wall-clock profile on a shared 2-core box).
#
# Usage: tests/bench/http/profile-callgrind.sh health|trigger|chain [BUILD_DIR]
#   BUILD_DIR: holds bin/hivemind-server (a RelWithDebInfo build names the
#   inlined code best; default build/release, then build/h-bench).
# Environment: PROFILE_REQUESTS=2000, PROFILE_PARALLEL=8 (connections),
#   BENCH_HISTORY_LEVEL, BENCH_HM_LOG_LEVEL as for run-http-benchmarks.sh.
# Prints instructions per request and the top functions (inclusive and
# self); keeps the callgrind file and the annotations in a temp dir.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$BENCH_DIR/../../.." && pwd)
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
# shellcheck source=hivemind.sh
source "$BENCH_DIR/hivemind.sh"

target=${1:-}
case "$target" in health | trigger | chain) ;; *) die "usage: $0 health|trigger|chain [BUILD_DIR]" ;; esac
build=${2:-}
if [ -z "$build" ]; then
    for candidate in "$root/build/release" "$root/build/h-bench"; do
        [ -x "$candidate/bin/hivemind-server" ] && build=$candidate && break
    done
fi
[ -x "${build:-/nonexistent}/bin/hivemind-server" ] || die "no hivemind-server found"
command -v valgrind >/dev/null || die "valgrind not found: run installer/setup-bench-deps.sh"
requests=${PROFILE_REQUESTS:-2000}
parallel=${PROFILE_PARALLEL:-8}

BENCH_WORK=$(mktemp -d -t hivemind-callgrind.XXXXXX)
trap 'stop_all; log "kept $BENCH_WORK"' EXIT
trap 'exit 130' INT TERM

# Read by start_hivemind (hivemind.sh).
# shellcheck disable=SC2034
HM_WRAP="valgrind --tool=callgrind --instr-atstart=no --callgrind-out-file=$BENCH_WORK/callgrind.out"
# shellcheck disable=SC2034
HM_START_SECONDS=300
start_hivemind "$build/bin/hivemind-server"

post=()
case "$target" in
health) url="$HM_URL/api/v1/health?n=[1-$requests]" ;;
trigger)
    id=$(hm_flow bench-one-node "$(hm_one_node_definition)" "$(hm_throughput_settings)")
    url="$HM_URL/api/v1/flows/$id/trigger?n=[1-$requests]"
    ;;
chain)
    id=$(hm_flow bench-chain-10 "$(hm_chain_definition)" "$(hm_throughput_settings)")
    url="$HM_URL/api/v1/flows/$id/trigger?wait=true&timeout_ms=60000&n=[1-$requests]"
    ;;
esac
[ "$target" = health ] || post=(-X POST -H 'Content-Type: application/json'
    -H "Authorization: Bearer $HM_TOKEN" --data-binary '{"inputs":{"v":7}}')

load() {
    mkdir -p "$BENCH_WORK/out"
    curl -s --no-progress-meter --parallel --parallel-max "$parallel" "${post[@]}" -o "$BENCH_WORK/out/#1" \
        -w '%{stderr}%{http_code}\n' "${1/\[1-$requests\]/[1-$2]}" 2>>"$BENCH_WORK/codes.txt"
}
load "$url" 100 # warm-up: caches, compiled flow, first allocations
: >"$BENCH_WORK/codes.txt"
callgrind_control -i on "$HM_PID" >/dev/null
load "$url" "$requests"
callgrind_control -d "$HM_PID" >/dev/null
callgrind_control -i off "$HM_PID" >/dev/null
ok=$(grep -c '^2' "$BENCH_WORK/codes.txt" || true)
log "$ok of $requests answers were 2xx"

dumps=("$BENCH_WORK"/callgrind.out.*)
out=${dumps[0]}
callgrind_annotate --inclusive=yes "$out" >"$BENCH_WORK/inclusive.txt" 2>/dev/null
callgrind_annotate "$out" >"$BENCH_WORK/self.txt" 2>/dev/null
total=$(sed -n 's/^ *\([0-9,]*\) .*PROGRAM TOTALS.*/\1/p' "$BENCH_WORK/self.txt" | tr -d ,)
echo "target $target: $requests requests, $(awk -v t="$total" -v n="$requests" 'BEGIN {printf "%.0f", t / n}') instructions per request (all threads)"
echo "--- inclusive (top 40) ---"
grep -E '^ *[0-9,]+ \(' "$BENCH_WORK/inclusive.txt" | head -40
echo "--- self (top 25) ---"
grep -E '^ *[0-9,]+ \(' "$BENCH_WORK/self.txt" | head -25
