#!/usr/bin/env bash
# README command (a): install what is missing, build (release) and start
# HiveMind: the console with its embedded local server when a display is
# available, otherwise the headless server. Extra arguments go to the program.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
installer/setup-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release
bin="$root/build/release/bin"
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
    exec "$bin/hivemind" "$@"
fi
echo "No display found: starting the headless server (Ctrl+C stops it)."
exec "$bin/hivemind-server" "$@"
