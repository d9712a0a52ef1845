#!/usr/bin/env bash
# Where the 1-node trigger's acknowledgements stall: h2load (one line per
# request, so every slow answer is counted, unlike wrk's percentiles) keeps
# 64 connections on POST /api/v1/flows/{id}/trigger of a Release server,
# and an LD_PRELOAD shim (slow-syscalls.c) logs every fsync, fdatasync and
# ftruncate over 5 ms with its thread. Prints the latency percentiles, each
# stall (a run of answers over 50 ms: how many, the longest), the slow
# calls, and the history queue's WAL counters.
#
# Usage: tests/bench/http/wal-stalls.sh [BUILD_DIR]   (default build/release)
# Environment: STALLS_DURATION=20 (s), BENCH_CONNECTIONS=64, BENCH_THREADS=2.
# Only 2xx answers count: past 1,000,000 requests a minute (the highest
# api_rate_limit) the server answers 429, so keep warm-up and run under
# that (20 s at 40,000 req/s is 800,000).
# Needs installer/setup-bench-deps.sh and h2load (Debian's nghttp2-client).
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$BENCH_DIR/../../.." && pwd)
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
# shellcheck source=hivemind.sh
source "$BENCH_DIR/hivemind.sh"
command -v h2load >/dev/null || die "h2load not found: apt-get install nghttp2-client"

build=${1:-$root/build/release}
BENCH_WORK=$(mktemp -d)
BENCH_PIDS=()
trap stop_all EXIT
cc -O2 -shared -fPIC -o "$BENCH_WORK/slow-syscalls.so" "$BENCH_DIR/slow-syscalls.c" -ldl -lpthread
HM_WRAP="env LD_PRELOAD=$BENCH_WORK/slow-syscalls.so" start_hivemind "$build/bin/hivemind-server"
flow=$(hm_flow bench-one "$(hm_one_node_definition)" "$(hm_throughput_settings)")
printf '%s' '{"inputs":{"v":7}}' >"$BENCH_WORK/body"
load() {
    h2load --h1 -c "${BENCH_CONNECTIONS:-64}" -t "${BENCH_THREADS:-2}" -D "$1" "${@:2}" \
        -d "$BENCH_WORK/body" -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $HM_TOKEN" "$HM_URL/api/v1/flows/$flow/trigger"
}
load 3 >/dev/null
load "${STALLS_DURATION:-20}" --log-file="$BENCH_WORK/requests.log" | grep -E 'finished in|status codes'
# The pause after the load: the checkpoint thread may cut the WAL back.
sleep 1
python3 - "$BENCH_WORK/requests.log" <<'PY'
import sys
rows = sorted((float(r[0]), int(r[2]))
              for r in (l.split() for l in open(sys.argv[1])) if r and r[1].startswith("2"))
lat = sorted(us for _, us in rows)
n = len(lat)
pick = lambda q: lat[min(n - 1, int(n * q))] / 1000
print(f"2xx answers {n}: p50 {pick(.5):.2f} ms, p99 {pick(.99):.2f} ms, "
      f"p99.9 {pick(.999):.2f} ms, max {lat[-1] / 1000:.1f} ms")
stalls = []
for start, us in rows:
    if us <= 50000:
        continue
    if stalls and start - stalls[-1][0] < 1e5:
        stalls[-1][1] += 1
        stalls[-1][2] = max(stalls[-1][2], us)
    else:
        stalls.append([start, 1, us])
print("stalls (answers over 50 ms, longest):",
      ", ".join(f"{k} x {m / 1000:.0f} ms" for _, k, m in stalls) or "none")
PY
echo "slow calls (thread, call, fd, duration), the checkpoint thread's routine fdatasyncs left out:"
grep '^SLOWSYS' "$BENCH_WORK/hivemind.log" | grep -v 'hivemind-ckpt fdatasync' | cut -d' ' -f3- || true
curl -s "$HM_URL/metrics" | grep -E '^hivemind_history_queue_(wal_|checkpoints)'
