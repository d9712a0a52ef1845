#!/usr/bin/env bash
# tests/fuzz/run.sh TARGET SECONDS [--merge] [-- LIBFUZZER_ARGS...]
# Long libFuzzer run of one target (HttpParser, DefinitionText, Mapping, Jwt,
# WsMessages, …): installs clang's fuzzing runtime if missing, builds the
# fuzz preset's fuzz-TARGET, and fuzzes for SECONDS on a scratch copy of
# tests/fuzz/corpus/TARGET (the committed seeds stay untouched). Crash
# reproducers land in build/fuzz/findings/TARGET/. With --merge, the new
# inputs that add coverage are merged back into the committed corpus
# (-merge=1), to be reviewed and committed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
usage() { echo "usage: $0 TARGET SECONDS [--merge] [-- LIBFUZZER_ARGS...]" >&2; exit 2; }
[ $# -ge 2 ] || usage
target=$1 seconds=$2
shift 2
merge=0
extra=()
while [ $# -gt 0 ]; do
    case $1 in
        --merge) merge=1 ;;
        --) shift; extra=("$@"); break ;;
        *) usage ;;
    esac
    shift
done
seeds="$root/tests/fuzz/corpus/$target"
[ -d "$seeds" ] || { echo "run.sh: no corpus directory $seeds" >&2; exit 2; }

cd "$root"
installer/setup-fuzz-deps.sh
[ -f build/fuzz/build.ninja ] || cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target "fuzz-$target"
binary="$root/build/fuzz/bin/fuzz-$target"

work="$root/build/fuzz/work/$target"
findings="$root/build/fuzz/findings/$target"
rm -rf "$work"
mkdir -p "$work" "$findings"
cp -r "$seeds/." "$work/"

# One job (the machine is shared); Qt's debug output would drown libFuzzer's.
export QT_LOGGING_RULES='*.debug=false;*.warning=false'
export QT_QPA_PLATFORM=offscreen
status=0
"$binary" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$findings/" "${extra[@]}" "$work" || status=$?

if [ "$merge" = 1 ]; then
    "$binary" -merge=1 "$seeds" "$work"
fi
exit $status
