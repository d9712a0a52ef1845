# shellcheck shell=bash
# Shared helpers of the HTTP benchmarks (sourced, not run).
# Expects: BENCH_WORK (the run's temp dir), BENCH_DIR (this folder).

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() {
    log "error: $*"
    exit 1
}

# A TCP port that nothing listens on right now (bound once and released).
free_port() {
    if command -v python3 >/dev/null; then
        python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
    else
        node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
    fi
}

# Processes this run started, ended by their own ids on exit.
BENCH_PIDS=()
track_pid() { BENCH_PIDS+=("$1"); }
stop_all() {
    local pid
    for pid in "${BENCH_PIDS[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    for pid in "${BENCH_PIDS[@]}"; do
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -KILL "$pid" 2>/dev/null || true
    done
    BENCH_PIDS=()
}

# wait_for NAME SECONDS COMMAND...: retries COMMAND until it succeeds.
wait_for() {
    local name=$1 seconds=$2
    shift 2
    local deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.2
    done
    log "$name is up"
}

# run_wrk LABEL URL LUA_SCRIPT SECONDS: one wrk run with the common load
# (BENCH_THREADS threads, BENCH_CONNECTIONS connections, --latency). Keeps
# wrk's text in $BENCH_WORK/wrk-LABEL.txt and prints the RESULT line's
# key=value pairs (see lua/report.lua).
run_wrk() {
    local label=$1 url=$2 script=$3 seconds=$4
    local out="$BENCH_WORK/wrk-$label.txt"
    BENCH_LUA_DIR="$BENCH_DIR/lua" wrk --threads "$BENCH_THREADS" \
        --connections "$BENCH_CONNECTIONS" --duration "${seconds}s" --timeout 10s --latency \
        --script "$BENCH_DIR/lua/$script" "$url" >"$out" 2>&1 ||
        die "wrk failed for $label: $(tail -3 "$out")"
    grep '^RESULT ' "$out" | tail -1 | cut -d' ' -f2- ||
        die "no RESULT line from wrk for $label"
}

# field KEY "k=v k=v ...": the value of KEY.
field() { tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"; }

# median of the numbers given as arguments.
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

us_to_ms() { awk -v u="$1" 'BEGIN {printf "%.2f", u / 1000}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a / b; else print "n/a"}'; }
# at_least VALUE GOAL -> "met" / "NOT met"
at_least() { awk -v a="$1" -v g="$2" 'BEGIN {print (a >= g) ? "met" : "NOT met"}'; }
below() { awk -v a="$1" -v g="$2" 'BEGIN {print (a < g) ? "met" : "NOT met"}'; }

# thread_cpu_ticks PID: "name=ticks" per thread (utime + stime, clock ticks),
# threads of one name summed.
thread_cpu_ticks() {
    local t
    for t in /proc/"$1"/task/*; do
        # comm may hold spaces; the fields after ") " are fixed.
        awk '{c = $0; sub(/^[0-9]+ \(/, "", c); n = c; sub(/\) .*/, "", n); sub(/^.*\) /, "", c);
              split(c, f, " "); gsub(/ /, "_", n); print n, f[12] + f[13]}' "$t/stat" 2>/dev/null
    done | awk '{s[$1] += $2} END {for (n in s) printf "%s=%d ", n, s[n]}'
}

# cpu_per_request BEFORE AFTER REQUESTS: "name=µs ... total=µs" of CPU per
# request between two thread_cpu_ticks snapshots. CPU time per request stays
# meaningful on a noisy host, where requests per second do not.
cpu_per_request() {
    local hz
    hz=$(getconf CLK_TCK)
    awk -v before="$1" -v after="$2" -v n="$3" -v hz="$hz" 'BEGIN {
        split(before, b, " "); for (i in b) { split(b[i], kv, "="); old[kv[1]] = kv[2] }
        split(after, a, " "); total = 0
        for (i in a) { split(a[i], kv, "="); d = kv[2] - old[kv[1]]; if (d <= 0) continue
            us = d / hz * 1e6 / n; total += us; out = out sprintf("%s=%.1f ", kv[1], us) }
        printf "%stotal=%.1f", out, total }'
}
