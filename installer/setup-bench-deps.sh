#!/usr/bin/env bash
# Installs what the HTTP benchmarks (tests/bench/http) compare against, load
# and profile with: wrk, nginx, curl, jq and valgrind from Debian, Node.js +
# npm from Debian when no node is present, and Node-RED 4 (pinned by
# tests/bench/http/node-red/package.json and its package-lock.json) into that
# project-local folder; and prometheus-node-exporter, which
# tests/bench/agent-footprint.sh measures the agent against; and tcpdump,
# with which tests/bench/health-on-the-wire.py times /health in the kernel.
# Idempotent; silent when everything is present; apt and npm only. Not part
# of the normal build or test command.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
red="$here/../tests/bench/http/node-red"

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    sudo=(sudo)
fi

# nginx-light is enough (static files); an nginx already installed will do.
wanted=(wrk curl jq valgrind python3 prometheus-node-exporter tcpdump)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || wanted+=(nginx-light)
command -v node >/dev/null || wanted+=(nodejs)
command -v npm >/dev/null || wanted+=(npm)
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$pkg")
done
did=0
if [ ${#missing[@]} -gt 0 ]; then
    did=1
    if [ ${#sudo[@]} -gt 0 ] && ! command -v sudo >/dev/null; then
        echo "setup-bench-deps: need root or sudo to install: ${missing[*]}" >&2
        exit 1
    fi
    echo "setup-bench-deps: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # The package starts a system nginx on port 80; the benchmark runs its
    # own instances, so leave the system one as the package left it.
    # prometheus-node-exporter's package enables and starts a system
    # service on :9100; agent-footprint.sh runs its own instance on a free
    # loopback port, so the system one is stopped and disabled (a second
    # node_exporter would only load the machine during the measurement).
    if printf '%s\n' "${missing[@]}" | grep -qx prometheus-node-exporter; then
        if [ -d /run/systemd/system ]; then
            "${sudo[@]}" systemctl disable --now prometheus-node-exporter.service >/dev/null 2>&1 || true
        else
            "${sudo[@]}" service prometheus-node-exporter stop >/dev/null 2>&1 || true
            "${sudo[@]}" update-rc.d prometheus-node-exporter disable >/dev/null 2>&1 || true
        fi
    fi
fi

# Node-RED: reinstall only when the lock file changed since the last install
# (npm ci writes node_modules/.package-lock.json).
if [ ! -f "$red/node_modules/node-red/package.json" ] ||
    [ "$red/package-lock.json" -nt "$red/node_modules/.package-lock.json" ]; then
    did=1
    echo "setup-bench-deps: installing Node-RED into tests/bench/http/node-red"
    (cd "$red" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
[ "$did" -eq 0 ] || echo "setup-bench-deps: done"
