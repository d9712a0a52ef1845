#!/usr/bin/env bash
# Installs what the libFuzzer build of tests/fuzz needs: clang and the
# compiler-rt runtimes of its version (libclang-rt-<N>-dev holds libFuzzer
# and the sanitizers on Debian 12). Idempotent; silent when everything is
# present; apt only. Not part of the normal build or test command: CI replays
# the corpora with gcc and needs none of this.
set -euo pipefail

wanted=(clang)
if command -v clang >/dev/null; then
    major=$(clang -dumpversion | cut -d. -f1)
    wanted+=("libclang-rt-$major-dev")
fi
missing=()
for pkg in "${wanted[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
    [ "$status" = "installed" ] || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "setup-fuzz-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
echo "setup-fuzz-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# clang was new: its runtimes follow now that its version is known.
if [[ ! " ${wanted[*]} " =~ libclang-rt ]]; then
    major=$(clang -dumpversion | cut -d. -f1)
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "libclang-rt-$major-dev" >/dev/null
fi
echo "setup-fuzz-deps: done"
