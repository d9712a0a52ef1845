# shellcheck shell=bash
# hivemind-server for the HTTP benchmarks (sourced, not run): start it on a
# free loopback port with a fresh data dir and a known administrator, log
# in, raise the request limits, create and publish the benchmark flows.
# Sets HM_URL, HM_PID, HM_TOKEN.

HM_ADMIN=bench-admin
HM_PASSWORD="Bench!$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')Aa1"

# hm_api VERB PATH [JSON]: the answer's body; fails on a status >= 400.
hm_api() {
    local verb=$1 path=$2 body=${3:-}
    local args=(-sS --fail-with-body -X "$verb" -H 'Content-Type: application/json')
    [ -z "${HM_TOKEN:-}" ] || args+=(-H "Authorization: Bearer $HM_TOKEN")
    [ -z "$body" ] || args+=(--data-binary "$body")
    curl "${args[@]}" "$HM_URL$path"
}

start_hivemind() {
    local bin=$1 dir="$BENCH_WORK/hivemind"
    mkdir -p "$dir"
    local port
    port=$(free_port)
    # Tokens outlive the run (default 15 min); periodic component health
    # checks off (there are none to check).
    # HM_WRAP: a command to run the server under (valgrind for profiling).
    # BENCH_HM_ARGS: more server arguments (e.g. --sync full).
    # shellcheck disable=SC2086 # HM_WRAP is a command line, split on purpose
    HIVEMIND_MASTER_KEY=$(head -c 32 /dev/urandom | base64) \
        HIVEMIND_ADMIN_USER=$HM_ADMIN HIVEMIND_ADMIN_PASSWORD=$HM_PASSWORD \
        ${HM_WRAP:-} "$bin" --data-dir "$dir" --listen "127.0.0.1:$port" --access-token-ttl 7200 \
        --component-health-interval 0 ${BENCH_HM_ARGS:-} >"$BENCH_WORK/hivemind.log" 2>&1 &
    HM_PID=$!
    track_pid "$HM_PID"
    HM_URL="http://127.0.0.1:$port"
    wait_for hivemind-server "${HM_START_SECONDS:-60}" curl -sf "$HM_URL/api/v1/health" ||
        die "hivemind-server did not start: $(tail -5 "$BENCH_WORK/hivemind.log")"

    HM_TOKEN=
    HM_TOKEN=$(hm_api POST /api/v1/auth/login \
        "$(jq -nc --arg u "$HM_ADMIN" --arg p "$HM_PASSWORD" '{username: $u, password: $p}')" |
        jq -r '.data.access_token')
    case "$HM_TOKEN" in "" | null) die "administrator login failed" ;; esac
    # Rate limiting off: even the highest limits the config accepts
    # (1,000,000 a minute per principal / per IP) are below what one
    # principal sends here on a fast host (40k req/s), and answers of 429
    # would count as errors and inflate the rate. The limits are raised as
    # well, so BENCH_RATE_LIMITING=1 measures with the limiter on (one
    # round per server start stays under it at ~15k req/s).
    # log_level INFO (the default) writes one line per request; WARN
    # leaves that out.
    hm_api PUT /api/v1/system/config "$(jq -nc --arg l "${BENCH_HM_LOG_LEVEL:-INFO}" \
        --argjson on "$([ "${BENCH_RATE_LIMITING:-0}" = 1 ] && echo true || echo false)" \
        '{api_rate_limit: 1000000, anonymous_rate_limit: 1000000, log_level: $l,
          security: {enable_rate_limiting: $on}}')" \
        >/dev/null || die "could not set the rate limits"
}

# hm_flow NAME DEFINITION SETTINGS: creates and publishes version 1; prints
# the flow id.
hm_flow() {
    local created id
    created=$(hm_api POST /api/v1/flows "$(jq -nc --arg n "$1" --argjson d "$2" --argjson s "$3" \
        '{name: $n, definition: $d, settings: $s}')") || die "create flow $1: $created"
    id=$(jq -r '.data.id' <<<"$created")
    hm_api POST "/api/v1/flows/$id/publish" '{"version":"1"}' >/dev/null ||
        die "publish flow $1 failed"
    echo "$id"
}

# Concurrency allow with room for every connection's execution at once.
hm_throughput_settings() {
    jq -nc --arg h "${BENCH_HISTORY_LEVEL:-all}" \
        '{concurrency: {mode: "allow", maxInstances: 100000}, historyLevel: $h}'
}

# One built-in node.
hm_one_node_definition() {
    jq -nc '{schemaVersion: 1, edges: [],
             nodes: [{id: "only", component: "noop", version: "1.0.0",
                      position: {x: 0, y: 0}, config: {},
                      inputMappings: {v: "$.trigger.v"}}]}'
}

# s1 -> ... -> s10, `transform` nodes: each passes v on and sets its step
# number (the Node-RED flow's function nodes do the same).
hm_chain_definition() {
    jq -nc '{schemaVersion: 1,
             nodes: [range(1; 11) as $i | {
                 id: "s\($i)", component: "transform", version: "1.0.0",
                 position: {x: ($i * 200), y: 0},
                 config: {outputs: {v: "$.inputs.v", step: $i}},
                 inputMappings: {v: (if $i == 1 then "$.trigger.v"
                                     else "$.nodes.s\($i - 1).output.v" end)}}],
             edges: [range(1; 10) as $i | {id: "e\($i)", source: "s\($i)", target: "s\($i + 1)"}]}'
}

# hm_executions FLOW_ID STATUS: how many executions of the flow have STATUS.
hm_executions() {
    hm_api GET "/api/v1/executions?flow_id=$1&status=$2&page=1&size=1" |
        jq -r '.data.pagination.total // .data.total // 0'
}
