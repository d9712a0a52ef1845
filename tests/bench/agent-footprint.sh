#!/usr/bin/env bash
# Agent footprint against Debian's prometheus-node-exporter, in the same run
# (issue 35, "Benchmarks": agent RSS <= 0.5x node_exporter's, agent CPU at
# 1 report/s < 0.2 % of one core).
#
#   tests/bench/agent-footprint.sh [--seconds 300] [--bin-dir build/ci/bin]
#                                  [--exporter /usr/bin/prometheus-node-exporter]
#
# Starts a real hivemind-server (temporary data dir, loopback), creates a
# node through the API, sets the agents' interval to 1 s (the server's
# setting wins over the agent's --interval), enrols and runs the real
# hivemind-agent with --interval 1 and its default capabilities (metrics,
# probes; an empty config file so no /etc/hivemind/agent.conf is read), and
# at the same time node_exporter with its default collectors on a free
# loopback port. node_exporter only works when scraped, so this script
# scrapes its /metrics once a second over loopback, as a Prometheus with a
# 1 s scrape interval would. After a warm-up it checks that the agent
# reports (its node is online and last_seq grows), then samples both
# processes once a second over the window: VmRSS (/proc/PID/status), Pss
# (/proc/PID/smaps_rollup) and CPU (utime + stime of /proc/PID/stat over
# the window), and prints the table with the ratios.
#
# Needs: curl, jq, python3 and prometheus-node-exporter
# (installer/setup-bench-deps.sh installs them).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/http" && pwd)
repo=$(cd "$BENCH_DIR/../../.." && pwd)
seconds=300
warmup=15
bin_dir="$repo/build/ci/bin"
exporter=/usr/bin/prometheus-node-exporter
while [ $# -gt 0 ]; do
    case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --bin-dir) bin_dir=$2; shift 2 ;;
    --exporter) exporter=$2; shift 2 ;;
    -h | --help) sed -n '2,24p' "$0"; exit 0 ;;
    *) echo "agent-footprint: unknown argument $1" >&2; exit 2 ;;
    esac
done

# shellcheck source=tests/bench/http/lib.sh
. "$BENCH_DIR/lib.sh"
# shellcheck source=tests/bench/http/hivemind.sh
. "$BENCH_DIR/hivemind.sh"

for tool in curl jq python3; do
    command -v "$tool" >/dev/null || die "$tool is missing (installer/setup-bench-deps.sh)"
done
[ -x "$exporter" ] || die "$exporter is missing (installer/setup-bench-deps.sh)"
for bin in hivemind-server hivemind-agent; do
    [ -x "$bin_dir/$bin" ] || die "no $bin in $bin_dir (cmake --build --preset ci)"
done

BENCH_WORK=$(mktemp -d "${TMPDIR:-/tmp}/hm-footprint.XXXXXX")
cleanup() {
    stop_all
    rm -rf "$BENCH_WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log "starting hivemind-server"
HM_START_SECONDS=120 start_hivemind "$bin_dir/hivemind-server"

created=$(hm_api POST /api/v1/nodes '{"name":"footprint-agent"}') || die "create node: $created"
node_id=$(jq -r '.data.node.id' <<<"$created")
secret=$(jq -r '.data.enrolment.secret' <<<"$created")
unset created
hm_api PUT /api/v1/nodes/agent-settings '{"interval_s":1}' >/dev/null ||
    die "could not set the agents' interval"

mkdir -p "$BENCH_WORK/agent"
: >"$BENCH_WORK/agent.conf" # default capabilities; /etc/hivemind/agent.conf is not read
"$bin_dir/hivemind-agent" --config "$BENCH_WORK/agent.conf" --server "$HM_URL" \
    --enrol-secret "$secret" --data-dir "$BENCH_WORK/agent" --interval 1 \
    >"$BENCH_WORK/agent.log" 2>&1 &
agent_pid=$!
track_pid "$agent_pid"
unset secret

exporter_port=$(free_port)
"$exporter" --web.listen-address="127.0.0.1:$exporter_port" >"$BENCH_WORK/exporter.log" 2>&1 &
exporter_pid=$!
track_pid "$exporter_pid"
wait_for node_exporter 30 curl -sf -o /dev/null "http://127.0.0.1:$exporter_port/metrics" ||
    die "node_exporter did not start: $(tail -3 "$BENCH_WORK/exporter.log")"

node_status() { hm_api GET "/api/v1/nodes/$node_id" | jq -r '"\(.data.status) \(.data.last_seq // 0)"'; }
agent_online() { [ "$(node_status | cut -d' ' -f1)" = online ]; }
wait_for "agent (node online)" 60 agent_online ||
    die "the agent did not come online: $(tail -5 "$BENCH_WORK/agent.log")"

log "measuring ${seconds}s after a ${warmup}s warm-up (node_exporter scraped once a second)"
HM_URL=$HM_URL HM_TOKEN=$HM_TOKEN python3 - "$agent_pid" "$exporter_pid" \
    "http://127.0.0.1:$exporter_port/metrics" "$node_id" "$seconds" "$warmup" <<'PY'
import json, os, statistics, sys, time, urllib.request

agent, exporter, scrape_url, node_id = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
seconds, warmup = float(sys.argv[5]), float(sys.argv[6])
hz = os.sysconf("SC_CLK_TCK")
api, token = os.environ["HM_URL"], os.environ["HM_TOKEN"]

def node():
    req = urllib.request.Request(f"{api}/api/v1/nodes/{node_id}",
                                 headers={"Authorization": f"Bearer {token}"})
    with urllib.request.urlopen(req, timeout=10) as r:
        d = json.load(r)["data"]
    return d["status"], int(d.get("last_seq") or 0)

def user_system_ticks(pid):
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return int(fields[11]), int(fields[12])  # utime, stime

def cpu_ticks(pid):
    return sum(user_system_ticks(pid))

def thread_ticks(pid):
    out = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")]
        fields = text.rsplit(")", 1)[1].split()
        out[name] = out.get(name, 0) + int(fields[11]) + int(fields[12])
    return out

def kib(path, key):
    with open(path) as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])
    return 0

def scrape():
    with urllib.request.urlopen(scrape_url, timeout=5) as r:
        return len(r.read())

def tick(samples, scrapes):
    for name, pid in (("agent", agent), ("exporter", exporter)):
        samples[name]["rss"].append(kib(f"/proc/{pid}/status", "VmRSS"))
        samples[name]["pss"].append(kib(f"/proc/{pid}/smaps_rollup", "Pss"))
    scrapes.append(scrape())

# Warm-up: both run and node_exporter is scraped, nothing is counted.
end = time.monotonic() + warmup
while time.monotonic() < end:
    scrape()
    time.sleep(1)

status0, seq0 = node()
if status0 != "online":
    sys.exit(f"agent-footprint: the node is {status0}, not online")
load0 = open("/proc/loadavg").read().split()[:3]
samples = {n: {"rss": [], "pss": []} for n in ("agent", "exporter")}
scrapes = []
t0 = time.monotonic()
ticks0 = {n: cpu_ticks(p) for n, p in (("agent", agent), ("exporter", exporter))}
threads0 = thread_ticks(agent)
split0 = {n: user_system_ticks(p) for n, p in (("agent", agent), ("exporter", exporter))}
next_at = t0
while True:
    tick(samples, scrapes)
    next_at += 1
    if next_at - t0 > seconds:
        break
    time.sleep(max(0.0, next_at - time.monotonic()))
elapsed = time.monotonic() - t0
ticks1 = {n: cpu_ticks(p) for n, p in (("agent", agent), ("exporter", exporter))}
threads1 = thread_ticks(agent)
split1 = {n: user_system_ticks(p) for n, p in (("agent", agent), ("exporter", exporter))}
load1 = open("/proc/loadavg").read().split()[:3]
status1, seq1 = node()
if status1 != "online" or seq1 <= seq0:
    sys.exit(f"agent-footprint: the agent stopped reporting ({status1}, last_seq {seq0} -> {seq1})")

def cpu(name):
    return 100.0 * (ticks1[name] - ticks0[name]) / hz / elapsed

def mib(v):
    return v / 1024.0

rows = []
for name in ("agent", "exporter"):
    s = samples[name]
    rows.append((name, statistics.median(s["rss"]), max(s["rss"]),
                 statistics.median(s["pss"]), max(s["pss"]), cpu(name)))
a, e = rows
reports = seq1 - seq0
print()
print(f"window {elapsed:.0f} s; agent reports stored {reports} ({reports / elapsed:.2f}/s, "
      f"last_seq {seq0} -> {seq1}); node_exporter scrapes {len(scrapes)} "
      f"({len(scrapes) / elapsed:.2f}/s, {statistics.median(scrapes) / 1024:.0f} KiB each)")
print(f"load average at start {' '.join(load0)}, at end {' '.join(load1)}")
sockets = sum(len(open(f).readlines()) - 1 for f in ("/proc/net/tcp", "/proc/net/tcp6"))
print(f"TCP sockets on the machine at the end: {sockets} (the agent counts them through netlink "
      f"sock_diag each report: its kernel time grows with them)")
print()
print("| process | RSS median | RSS max | Pss median | Pss max | CPU, % of one core |")
print("|---|---|---|---|---|---|")
labels = {"agent": "hivemind-agent (1 report/s)", "exporter": "node_exporter (scraped 1/s)"}
for name, rss_med, rss_max, pss_med, pss_max, c in rows:
    print(f"| {labels[name]} | {mib(rss_med):.1f} MiB | {mib(rss_max):.1f} MiB | "
          f"{mib(pss_med):.1f} MiB | {mib(pss_max):.1f} MiB | {c:.3f} % |")

def ratio(x, y):
    return x / y if y > 0 else float("nan")

print(f"| agent / node_exporter | {ratio(a[1], e[1]):.2f}x | {ratio(a[2], e[2]):.2f}x | "
      f"{ratio(a[3], e[3]):.2f}x | {ratio(a[4], e[4]):.2f}x | {ratio(a[5], e[5]):.2f}x |")
print()
rss_ratio = ratio(a[1], e[1])
print(f"goal agent RSS <= 0.5x node_exporter's: {rss_ratio:.2f}x, "
      f"{'met' if rss_ratio <= 0.5 else 'NOT met'}")
print(f"goal agent CPU < 0.2 % of one core at 1 report/s: {a[5]:.3f} %, "
      f"{'met' if a[5] < 0.2 else 'NOT met'}")
# User and kernel time (the kernel's share includes rendering the /proc
# files each process reads, e.g. /proc/net/tcp: one line per socket).
for name in ("agent", "exporter"):
    user = 100.0 * (split1[name][0] - split0[name][0]) / hz / elapsed
    system = 100.0 * (split1[name][1] - split0[name][1]) / hz / elapsed
    print(f"{labels[name]}: user {user:.3f} %, system {system:.3f} %")
# Where the agent's CPU goes, by thread name (threads alive at both ends).
shares = sorted(((threads1[n] - threads0.get(n, 0), n) for n in threads1), reverse=True)
print("agent CPU by thread: " + ", ".join(
    f"{n} {100.0 * t / hz / elapsed:.3f} %" for t, n in shares if t > 0))
PY
