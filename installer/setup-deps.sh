#!/usr/bin/env bash
# Installs the Debian packages listed in installer/packages.txt that are not
# installed yet. Idempotent; silent when everything is present; downloads from
# Debian's archive only.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

mapfile -t wanted < <(sed -e 's/#.*//' -e 's/[[:space:]]//g' "$here/packages.txt" | grep -v '^$')
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
echo "setup-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# prometheus's package enables and starts a system service on :9090; the
# tests run their own instance on a free loopback port, so the system one is
# stopped and disabled (as setup-bench-deps.sh does for node_exporter).
if printf '%s\n' "${missing[@]}" | grep -qx prometheus; then
    if [ -d /run/systemd/system ]; then
        "${sudo[@]}" systemctl disable --now prometheus.service >/dev/null 2>&1 || true
    else
        "${sudo[@]}" service prometheus stop >/dev/null 2>&1 || true
        "${sudo[@]}" update-rc.d prometheus disable >/dev/null 2>&1 || true
    fi
fi
echo "setup-deps: done"
