#!/usr/bin/env bash
# The "service" node's overhead per call over a direct loopback HTTP call
# (issue 13 item 4, goal < 50 µs), as work done rather than wall time, in
# three independent ways (docs/benchmarks.md, "Service node call overhead"):
#
#  1. CPU: BenchServiceNode --cpu: the process's user and system CPU time
#     per call of each way (direct QNetworkAccessManager GET, the executor,
#     a one-node flow), rounds interleaved, medians of per-round
#     differences. The peer is a child process: its CPU is not counted.
#  2. Instructions: callgrind's count of user-space instructions per call
#     (all threads) of each way, turned into µs at the rate this machine ran
#     the direct call's user-space code in step 1 (its instructions / its
#     user CPU µs, both per call).
#  3. System calls per call of each way (strace -ff, the peer's left out),
#     turned into µs at the direct call's system CPU per system call.
#     Overhead estimate = 2 + 3, to compare with 1.
#
# Usage: tests/bench/engine/service-overhead.sh [BUILD_DIR]   (default build/ci)
# Environment: SVC_ROUNDS=11 SVC_CALLS=300 (step 1), SVC_CG_CALLS=300
#   (step 2), SVC_ST_CALLS=500 (step 3, difference of two runs).
# Needs valgrind and strace (installer/setup-bench-deps.sh). Single-threaded
# client; each step well under two minutes on a 2-core machine.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
build=${1:-$root/build/ci}
bin=$(realpath "$build/bin/BenchServiceNode") # absolute: step 2 runs in the work dir
[ -x "$bin" ] || { echo "no $bin: cmake --build $build --target BenchServiceNode" >&2; exit 1; }
for tool in valgrind strace; do
    command -v "$tool" >/dev/null || { echo "$tool not found: run installer/setup-bench-deps.sh" >&2; exit 1; }
done
rounds=${SVC_ROUNDS:-11}
calls=${SVC_CALLS:-300}
cg_calls=${SVC_CG_CALLS:-300}
st_calls=${SVC_ST_CALLS:-500}
work=$(mktemp -d -t hivemind-svc-overhead.XXXXXX)
trap 'echo "kept $work" >&2' EXIT

echo "date $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "commit $(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo '?'), $bin"

# 1. CPU time.
"$bin" --cpu --rounds="$rounds" --calls="$calls" | tee "$work/cpu.txt"
# median of a line "  <label> median X ..." in section <kind> of cpu.txt
cpu_median() {
    awk -v kind="$1" -v label="$2" '
        /^[^ ]/ { section = $0 }
        section == kind ":" && index($0, "  " label " ") == 1 {
            for (i = 1; i <= NF; ++i) if ($i == "median") { print $(i + 1); exit }
        }' "$work/cpu.txt"
}
user_direct=$(cpu_median "user CPU" direct)
system_direct=$(cpu_median "system CPU" direct)

# 2. Instructions (callgrind), per call of each way.
declare -A instr
for way in direct executor flow; do
    (cd "$work" && valgrind --tool=callgrind --instr-atstart=no \
        --callgrind-out-file="$work/callgrind.$way.%p" "$bin" --callgrind="$way" --calls="$cg_calls" \
        >"$work/callgrind.$way.log" 2>&1)
    dump=$(ls "$work"/callgrind."$way".*.1)
    total=$(sed -n 's/^totals: \([0-9]*\).*/\1/p' "$dump")
    instr[$way]=$(awk -v t="$total" -v n="$cg_calls" 'BEGIN { printf "%.0f", t / n }')
done

# 3. System calls per call of each way: the client process's threads only
# (the peer's trace is the one whose execve names --peer).
syscalls_of() { # way calls
    local dir=$work/strace.$1.$2
    mkdir -p "$dir"
    strace -ff -o "$dir/t" "$bin" --callgrind="$1" --calls="$2" >/dev/null 2>&1
    local n=0 f
    for f in "$dir"/t.*; do
        grep -q -- '"--peer"' "$f" && continue
        n=$((n + $(grep -c -v -e '^+++' -e '^---' "$f")))
    done
    echo "$n"
}
declare -A sys
for way in direct executor flow; do
    a=$(syscalls_of "$way" 100)
    b=$(syscalls_of "$way" $((100 + st_calls)))
    sys[$way]=$(awk -v a="$a" -v b="$b" -v n="$st_calls" 'BEGIN { printf "%.2f", (b - a) / n }')
done

awk -v id="${instr[direct]}" -v ie="${instr[executor]}" -v ifl="${instr[flow]}" \
    -v sd="${sys[direct]}" -v se="${sys[executor]}" -v sf="${sys[flow]}" \
    -v ud="$user_direct" -v kd="$system_direct" \
    -v cpe="$(cpu_median "CPU (user+system)" "executor - direct")" \
    -v cpf="$(cpu_median "CPU (user+system)" "flow - direct")" 'BEGIN {
    rate = id / ud      # user-space instructions per user µs
    per_sys = kd / sd   # system µs per system call
    printf "\ninstructions per call (callgrind, %s calls): direct %d, executor %d (+%d), flow %d (+%d)\n", \
        "'"$cg_calls"'", id, ie, ie - id, ifl, ifl - id
    printf "user-space rate of the direct call: %d instructions / %.1f µs = %.0f per µs\n", id, ud, rate
    printf "system calls per call: direct %.2f, executor %.2f (%+.2f), flow %.2f (%+.2f); %.2f µs of system CPU each\n", \
        sd, se, se - sd, sf, sf - sd, per_sys
    ue = (ie - id) / rate; uf = (ifl - id) / rate
    ke = (se - sd) * per_sys; kf = (sf - sd) * per_sys
    printf "\n| overhead per call | user (instructions) | system (calls) | total | goal 50 µs | CPU method (median) |\n"
    printf "| --- | --- | --- | --- | --- | --- |\n"
    printf "| executor | %.1f µs | %.1f µs | %.1f µs | %.0f%% | %.1f µs |\n", ue, ke, ue + ke, (ue + ke) * 2, cpe
    printf "| one-node flow | %.1f µs | %.1f µs | %.1f µs | %.0f%% | %.1f µs |\n", uf, kf, uf + kf, (uf + kf) * 2, cpf
}'
