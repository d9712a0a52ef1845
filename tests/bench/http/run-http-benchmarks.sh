#!/usr/bin/env bash
# HTTP benchmarks of issue 4, all in one run on this machine's loopback:
#   health  GET /api/v1/health of hivemind-server vs nginx serving the same
#           bytes as a static file;
#   trigger POST /api/v1/flows/{id}/trigger of a published 1-node flow;
#   chain   POST .../trigger?wait=true of a 10-node chain of `transform`
#           nodes (answered when the execution ends) vs Node-RED 4
#           (http in -> 10 function nodes -> http response).
# Every target gets the same wrk load (threads, connections, duration) after
# a warm-up; each round runs every target once and the table shows medians.
#
# Usage: tests/bench/http/run-http-benchmarks.sh [BUILD_DIR]
#   BUILD_DIR: a Release build holding bin/hivemind-server (default: the
#   first of build/release, build/h-bench).
# Environment (defaults): BENCH_DURATION=10 (s), BENCH_WARMUP=3 (s),
#   BENCH_THREADS=2, BENCH_CONNECTIONS=64, BENCH_ROUNDS=3,
#   BENCH_ONLY="health trigger chain", BENCH_NGINX_WORKERS=1,
#   BENCH_HISTORY_LEVEL=all (historyLevel of the benchmark flows),
#   BENCH_HM_LOG_LEVEL=INFO (the server's log_level; INFO logs each request),
#   BENCH_PERF=<label> (perf record -g the server during the first measured
#   run of hivemind-health, hivemind-trigger or hivemind-chain),
#   BENCH_PERF_CALLGRAPH=fp (perf's --call-graph mode: fp, or dwarf for
#   inclusive costs on a RelWithDebInfo build, which has no frame pointers),
#   BENCH_KEEP=1 (keep the temp dir: wrk output, logs, perf data),
#   BENCH_HM_ARGS (more hivemind-server arguments, e.g. "--sync full").
# Needs installer/setup-bench-deps.sh to have run.
set -euo pipefail
BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$BENCH_DIR/../../.." && pwd)
# shellcheck source=lib.sh
source "$BENCH_DIR/lib.sh"
# shellcheck source=hivemind.sh
source "$BENCH_DIR/hivemind.sh"
# shellcheck source=nginx.sh
source "$BENCH_DIR/nginx.sh"
# shellcheck source=node-red.sh
source "$BENCH_DIR/node-red.sh"

BENCH_DURATION=${BENCH_DURATION:-10}
BENCH_WARMUP=${BENCH_WARMUP:-3}
BENCH_THREADS=${BENCH_THREADS:-2}
BENCH_CONNECTIONS=${BENCH_CONNECTIONS:-64}
BENCH_ROUNDS=${BENCH_ROUNDS:-3}
BENCH_ONLY=${BENCH_ONLY:-health trigger chain}
BENCH_PERF=${BENCH_PERF:-}
BENCH_NGINX_WORKERS=${BENCH_NGINX_WORKERS:-1}

for tool in wrk jq curl node; do
    command -v "$tool" >/dev/null || die "$tool not found: run installer/setup-bench-deps.sh"
done

# --- the server binary, from a Release build ---------------------------------
build=${1:-}
if [ -z "$build" ]; then
    for candidate in "$root/build/release" "$root/build/h-bench"; do
        [ -x "$candidate/bin/hivemind-server" ] && build=$candidate && break
    done
fi
[ -x "${build:-/nonexistent}/bin/hivemind-server" ] ||
    die "no hivemind-server found: build one (cmake --preset release && cmake --build --preset release) or pass its build dir"
build=$(cd "$build" && pwd)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2>/dev/null || true)
[ "$build_type" = Release ] || log "warning: $build is a '${build_type:-unknown}' build, not Release"

BENCH_WORK=$(mktemp -d -t hivemind-http-bench.XXXXXX)
cleanup() {
    stop_all
    if [ "${BENCH_KEEP:-0}" = 1 ]; then
        log "kept $BENCH_WORK"
    else
        rm -rf "$BENCH_WORK"
    fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wants() { [[ " $BENCH_ONLY " == *" $1 "* ]]; }

# --- servers ------------------------------------------------------------------
start_hivemind "$build/bin/hivemind-server"
curl -sf "$HM_URL/api/v1/health" >"$BENCH_WORK/health.json"
if wants health; then
    start_nginx "$BENCH_WORK/health.json"
fi
if wants chain; then
    start_node_red
fi
if wants trigger; then
    ONE_ID=$(hm_flow bench-one-node "$(hm_one_node_definition)" "$(hm_throughput_settings)")
fi
if wants chain; then
    CHAIN_ID=$(hm_flow bench-chain-10 "$(hm_chain_definition)" "$(hm_throughput_settings)")
    answer=$(hm_api POST "/api/v1/flows/$CHAIN_ID/trigger?wait=true" '{"inputs":{"v":7}}')
    [ "$(jq -r '.data.status + " " + (.data.outputs.s10.step | tostring)' <<<"$answer")" = "completed 10" ] ||
        die "the chain did not complete: $answer"
    [ "$(curl -sf -X POST -H 'Content-Type: application/json' --data '{"inputs":{"v":7}}' \
        "$RED_URL/chain" | jq -c .)" = '{"v":7,"step":10}' ] || die "the Node-RED chain answers wrongly"
fi

# --- measuring ----------------------------------------------------------------
declare -A RPS P50 P90 P99 ERRS REQS
LABELS=()

# measure LABEL URL LUA [BODY] [TOKEN]: warm-up, then one measured run.
measure() {
    local label=$1 url=$2 script=$3
    export BENCH_BODY=${4:-} BENCH_TOKEN=${5:-}
    run_wrk "$label-warmup" "$url" "$script" "$BENCH_WARMUP" >/dev/null
    local perf_pid=
    if [ "$BENCH_PERF" = "$label" ] && [ ! -f "$BENCH_WORK/perf-$label.data" ]; then
        perf record --call-graph "${BENCH_PERF_CALLGRAPH:-fp}" -o "$BENCH_WORK/perf-$label.data" -p "$HM_PID" -- sleep "$BENCH_DURATION" \
            >"$BENCH_WORK/perf-$label.log" 2>&1 &
        perf_pid=$!
    fi
    local r cpu_before=
    [[ $label != hivemind-* ]] || cpu_before=$(thread_cpu_ticks "$HM_PID")
    r=$(run_wrk "$label" "$url" "$script" "$BENCH_DURATION")
    [ -z "$perf_pid" ] || wait "$perf_pid" || true
    if [ -n "$cpu_before" ]; then
        log "$label: server CPU per request by thread (µs): $(cpu_per_request "$cpu_before" \
            "$(thread_cpu_ticks "$HM_PID")" "$(field requests "$r")")"
    fi
    [[ " ${LABELS[*]} " == *" $label "* ]] || LABELS+=("$label")
    RPS[$label]+="$(field rps "$r") "
    P50[$label]+="$(field p50_us "$r") "
    P90[$label]+="$(field p90_us "$r") "
    P99[$label]+="$(field p99_us "$r") "
    REQS[$label]=$(($(field requests "$r") + ${REQS[$label]:-0}))
    local errors=$(($(field status_errors "$r") + $(field connect_errors "$r") + $(field read_errors "$r") + $(field write_errors "$r") + $(field timeouts "$r")))
    ERRS[$label]=$((errors + ${ERRS[$label]:-0}))
    log "$label: $(field rps "$r") req/s, p99 $(us_to_ms "$(field p99_us "$r")") ms, errors $errors"
}

trigger_body='{"inputs":{"v":7}}'
loadavg_start=$(cut -d' ' -f1-3 /proc/loadavg)
for round in $(seq "$BENCH_ROUNDS"); do
    log "round $round of $BENCH_ROUNDS"
    if wants health; then
        measure hivemind-health "$HM_URL/api/v1/health" get.lua
        measure nginx-health "$NGINX_URL/api/v1/health" get.lua
    fi
    if wants trigger; then
        measure hivemind-trigger "$HM_URL/api/v1/flows/$ONE_ID/trigger" post-json.lua \
            "$trigger_body" "$HM_TOKEN"
    fi
    if wants chain; then
        measure hivemind-chain "$HM_URL/api/v1/flows/$CHAIN_ID/trigger?wait=true&timeout_ms=30000" \
            post-json.lua "$trigger_body" "$HM_TOKEN"
        measure node-red-chain "$RED_URL/chain" post-json.lua "$trigger_body"
    fi
done
loadavg_end=$(cut -d' ' -f1-3 /proc/loadavg)

# Every execution the runs started must have completed (none failed).
declare -A COMPLETED FAILED
for flow in ONE CHAIN; do
    var="${flow}_ID"
    [ -n "${!var:-}" ] || continue
    # No-wait triggers may still be running when wrk stops: wait for quiet.
    previous=-1
    for _ in $(seq 100); do
        COMPLETED[$flow]=$(hm_executions "${!var}" completed)
        [ "${COMPLETED[$flow]}" != "$previous" ] || break
        previous=${COMPLETED[$flow]}
        sleep 0.5
    done
    FAILED[$flow]=$(hm_executions "${!var}" failed)
done

# The history writer's work over the whole run (batches = transactions).
QUEUE_METRICS=$(curl -sf -H "Authorization: Bearer $HM_TOKEN" "$HM_URL/metrics" |
    sed -n 's/^hivemind_history_queue_\(written\|packed\|batches\|blocked\)_total \([0-9]*\).*/\1=\2/p' |
    tr '\n' ' ')

if [ -n "$BENCH_PERF" ] && [ -f "$BENCH_WORK/perf-$BENCH_PERF.data" ]; then
    perf report -i "$BENCH_WORK/perf-$BENCH_PERF.data" --no-children --stdio --percent-limit 0.7 \
        --sort dso,symbol 2>/dev/null | grep -v '^$' >"$BENCH_WORK/perf-$BENCH_PERF.txt" || true
    log "perf report (self time): $BENCH_WORK/perf-$BENCH_PERF.txt"
    grep -E '^ +[0-9.]+%' "$BENCH_WORK/perf-$BENCH_PERF.txt" | head -25 >&2 || true
fi

# --- report -------------------------------------------------------------------
# shellcheck disable=SC2086 # the rounds' figures, one word each
med() { median $1; }
row() {
    local label=$1
    printf '| %s | %.0f | %s | %s | %s | %s | %s |\n' "$label" "$(med "${RPS[$label]}")" \
        "$(us_to_ms "$(med "${P50[$label]}")")" "$(us_to_ms "$(med "${P90[$label]}")")" \
        "$(us_to_ms "$(med "${P99[$label]}")")" "${REQS[$label]}" "${ERRS[$label]}"
}
echo
echo "HTTP benchmarks: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)), load average $loadavg_start at start, $loadavg_end at end"
echo "server: $build/bin/hivemind-server ${BENCH_HM_ARGS:-}($build_type, log_level ${BENCH_HM_LOG_LEVEL:-INFO}, history level ${BENCH_HISTORY_LEVEL:-all}); wrk $BENCH_THREADS threads, $BENCH_CONNECTIONS connections, ${BENCH_DURATION}s runs after ${BENCH_WARMUP}s warm-up, $BENCH_ROUNDS rounds (medians)"
echo "history writer over the run: ${QUEUE_METRICS:-?}"
echo "nginx ${NGINX_VERSION:--} with $BENCH_NGINX_WORKERS worker(s); Node-RED $(jq -r .version "$BENCH_DIR/node-red/node_modules/node-red/package.json" 2>/dev/null || echo -) on node $(node --version)"
echo
echo "| target | requests/s | p50 ms | p90 ms | p99 ms | requests (all rounds) | errors |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for label in "${LABELS[@]}"; do
    row "$label"
done
echo
# Error answers (a 429 from a rate limit, a 5xx) come back faster than real
# ones: a run with any is no figure for a goal.
for label in "${LABELS[@]}"; do
    [ "${ERRS[$label]:-0}" = 0 ] ||
        echo "WARNING: $label had ${ERRS[$label]} errors: its figures are not valid for the goals"
done
if wants health; then
    h=$(med "${RPS[hivemind-health]}")
    n=$(med "${RPS[nginx-health]}")
    r=$(ratio "$h" "$n")
    echo "health: hivemind / nginx = ${r}x (goal >= 0.85x): $(at_least "$r" 0.85)"
fi
if wants trigger; then
    t=$(med "${RPS[hivemind-trigger]}")
    p=$(us_to_ms "$(med "${P99[hivemind-trigger]}")")
    echo "trigger 1-node: $(printf %.0f "$t") req/s (goal >= 15000): $(at_least "$t" 15000); p99 $p ms (goal < 10 ms): $(below "$p" 10)"
    echo "  executions of the 1-node flow: ${COMPLETED[ONE]} completed, ${FAILED[ONE]} failed"
fi
if wants chain; then
    c=$(med "${RPS[hivemind-chain]}")
    n=$(med "${RPS[node-red-chain]}")
    r=$(ratio "$c" "$n")
    echo "chain 10 nodes, trigger and wait: hivemind / Node-RED = ${r}x (goal >= 5x): $(at_least "$r" 5)"
    echo "  executions of the chain: ${COMPLETED[CHAIN]} completed, ${FAILED[CHAIN]} failed"
fi
# The history queue's own figures (write-behind: whether the engine was held
# back by a full queue, how much coalescing saved).
if wants trigger || wants chain; then
    curl -sf "$HM_URL/metrics" | grep -E '^hivemind_history_queue_[a-z_]+ ' | sed 's/^/  /' || true
fi
