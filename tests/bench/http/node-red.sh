# shellcheck shell=bash
# Node-RED 4 for the HTTP benchmarks (sourced, not run): a generated user dir
# with settings.js (editor and admin API off, warnings only) and flows.json:
# http in (POST /chain) -> 10 function nodes -> http response. Each function
# node does what one `transform` node of the HiveMind chain does: pass v on
# and set its step number. Sets RED_URL, RED_PID.

start_node_red() {
    local red_dir="$BENCH_DIR/node-red" dir="$BENCH_WORK/node-red"
    [ -f "$red_dir/node_modules/node-red/red.js" ] ||
        die "Node-RED not installed: run installer/setup-bench-deps.sh"
    mkdir -p "$dir"
    local port
    port=$(free_port)
    cat >"$dir/settings.js" <<JS
module.exports = {
    uiHost: "127.0.0.1",
    uiPort: $port,
    userDir: "$dir",
    flowFile: "flows.json",
    credentialSecret: false,
    httpAdminRoot: false,
    httpNodeRoot: "/",
    logging: { console: { level: "warn", metrics: false, audit: false } },
    diagnostics: { enabled: false },
    runtimeState: { enabled: false },
    telemetry: { enabled: false },
    externalModules: { autoInstall: false },
    functionExternalModules: false,
    editorTheme: { projects: { enabled: false } }
};
JS
    jq -n '
      [range(1; 11) as $i | {
          id: "f\($i)", type: "function", z: "bench", name: "step \($i)",
          func: ((if $i == 1 then "const v = msg.payload.inputs.v;"
                  else "const v = msg.payload.v;" end)
                 + "\nmsg.payload = { v: v, step: \($i) };\nreturn msg;"),
          outputs: 1, timeout: 0, noerr: 0, initialize: "", finalize: "", libs: [],
          x: (200 + $i * 120), y: 100,
          wires: [[if $i == 10 then "out" else "f\($i + 1)" end]]}] as $functions
      | [{id: "bench", type: "tab", label: "bench", disabled: false, info: ""},
         {id: "in", type: "http in", z: "bench", name: "", url: "/chain", method: "post",
          upload: false, swaggerDoc: "", x: 100, y: 100, wires: [["f1"]]}]
        + $functions
        + [{id: "out", type: "http response", z: "bench", name: "", statusCode: "",
            headers: {}, x: 1600, y: 100, wires: []}]' >"$dir/flows.json"
    node "$red_dir/node_modules/node-red/red.js" --settings "$dir/settings.js" \
        --userDir "$dir" >"$BENCH_WORK/node-red.log" 2>&1 &
    RED_PID=$!
    track_pid "$RED_PID"
    RED_URL="http://127.0.0.1:$port"
    wait_for node-red 60 curl -sf -X POST -H 'Content-Type: application/json' \
        --data '{"inputs":{"v":1}}' "$RED_URL/chain" ||
        die "Node-RED did not start: $(tail -5 "$BENCH_WORK/node-red.log")"
}
