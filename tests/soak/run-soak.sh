#!/usr/bin/env bash
# The bounded soak of hivemind-server (not part of CI): 1,000 WebSocket
# clients on /ws/events and a steady trigger load for 10 minutes, sampling
# the server's resident memory, descriptors and threads; fails when any
# event is lost or the second half is not flat (tests/soak/SoakServer.cpp).
#
#   tests/soak/run-soak.sh [BUILD_DIR] [SoakServer options]
#
# BUILD_DIR defaults to build/ci (built here when missing). Options, e.g.
# --clients 1000 --seconds 600 --rate 50 --threads 4 --sample-seconds 10.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-$root/build/ci}
[ $# -gt 0 ] && shift
if [ ! -x "$build/bin/SoakServer" ]; then
    (cd "$root" && cmake --preset ci >/dev/null && cmake --build --preset ci --target SoakServer)
fi
echo "soak: $(date -u +%FT%TZ), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$build/bin/SoakServer" "$@"
