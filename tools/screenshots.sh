#!/usr/bin/env bash
# Renders the console's main window in each UI language to
# docs/screenshots/main-<lang>.png, under Xvfb, against a throw-away local
# server. Builds nothing: pass the build directory (default build/ci).
#
#   tools/screenshots.sh [BUILD_DIR] [SECTION]
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${1:-build/ci}"
section="${2:-dashboard}"
[[ "$build" = /* ]] || build="$repo/$build"
bin="$build/bin/hivemind"
out="$repo/docs/screenshots"

if [[ ! -x "$bin" ]]; then
    echo "screenshots: $bin not found; build the 'hivemind' target first" >&2
    exit 1
fi
command -v xvfb-run >/dev/null || { echo "screenshots: xvfb-run is not installed" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# A fresh random master key and empty settings: nothing of the user's leaks in.
HIVEMIND_MASTER_KEY="$(head -c 32 /dev/urandom | base64)"
export HIVEMIND_MASTER_KEY
export XDG_CONFIG_HOME="$work/config"
export QT_QPA_PLATFORM=xcb
export QT_LOGGING_RULES="${QT_LOGGING_RULES:-*.debug=false;*.info=false}"

status=0
for lang in en zh_TW zh_CN; do
    file="$out/main-$lang.png"
    if xvfb-run -a -s "-screen 0 1400x900x24 -dpi 96" \
        "$bin" --lang "$lang" --data-dir "$work/data-$lang" --no-keychain \
        --section "$section" --screenshot "$file"; then
        if command -v optipng >/dev/null; then optipng -quiet -o2 "$file" || true; fi
        echo "screenshots: $file ($(du -h "$file" | cut -f1))"
    else
        echo "screenshots: failed for $lang" >&2
        status=1
    fi
done
exit $status
