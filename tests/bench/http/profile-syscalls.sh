#!/usr/bin/env bash
# How many system calls hivemind-server makes per request, by call and by
# thread: strace -c over a fixed number of requests. Counts, not times, so
# the figures do not depend on what else the machine is doing; the kernel
# side of a request's cost that callgrind (profile-callgrind.sh) cannot see.
#
# Usage: tests/bench/http/profile-syscalls.sh health|trigger|chain [BUILD_DIR]
# Environment: PROFILE_REQUESTS=4000, PROFILE_PARALLEL=64 (connections),
#   BENCH_HISTORY_LEVEL, BENCH_HM_LOG_LEVEL as for run-http-benchmarks.sh.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$BENCH_DIR/../../.." && pwd)
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
# shellcheck source=hivemind.sh
source "$BENCH_DIR/hivemind.sh"

target=${1:-}
case "$target" in health | trigger | chain) ;; *) die "usage: $0 health|trigger|chain [BUILD_DIR]" ;; esac
build=${2:-$root/build/release}
[ -x "$build/bin/hivemind-server" ] || die "no hivemind-server in $build"
command -v strace >/dev/null || die "strace not found: run installer/setup-bench-deps.sh"
requests=${PROFILE_REQUESTS:-4000}
parallel=${PROFILE_PARALLEL:-64}

BENCH_WORK=$(mktemp -d -t hivemind-syscalls.XXXXXX)
trap 'stop_all; rm -rf "$BENCH_WORK"' EXIT
trap 'exit 130' INT TERM
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
    curl -s --no-progress-meter --parallel --parallel-max "$parallel" "${post[@]}" -o /dev/null \
        -w '%{stderr}%{http_code}\n' "${1/\[1-$requests\]/[1-$2]}" 2>>"$BENCH_WORK/codes.txt"
}
load "$url" 200 # warm-up
: >"$BENCH_WORK/codes.txt"
# One summary per thread (-ff writes per-thread files only with -o).
strace -f -qq -c -U calls,name -S calls -p "$HM_PID" -o "$BENCH_WORK/strace.txt" &
strace_pid=$!
sleep 1 # strace attaches to every thread
load "$url" "$requests"
kill -INT "$strace_pid"
wait "$strace_pid" || true
ok=$(grep -c '^2' "$BENCH_WORK/codes.txt" || true)
log "$ok of $requests answers were 2xx"
echo "target $target: system calls per request ($requests requests, $parallel connections)"
awk -v n="$requests" '$1 ~ /^[0-9]+$/ && NF == 2 && $2 != "total" { printf "  %-20s %8.2f\n", $2, $1 / n; total += $1 }
    END { printf "  %-20s %8.2f\n", "total", total / n }' "$BENCH_WORK/strace.txt"
