#!/usr/bin/env bash
# README command (b): install what is missing, build (ci preset: optimised,
# warnings are errors, benchmarks built) and run every test. Ends with
# ctest's summary; exits non-zero when anything fails. Failing HM_CHECKs
# abort (the test presets set HIVEMIND_FATAL_CHECKS=1).
#
# Then the sanitizer stage: the asan preset (AddressSanitizer + UBSan, core
# and server only, unity batches) is built and the core, server and
# fuzz-corpus tests run under it. The stage keeps to CI's time budget
# (HIVEMIND_CI_BUDGET_MINUTES, default 43 for the whole script): when the
# sanitizer build cannot finish in what is left (a cold compiler cache), it
# is stopped, says so, and the objects it compiled stay in ccache, so the
# next run continues from there; its tests then run in a later run. A test
# that fails under the sanitizers fails the script. HIVEMIND_TEST_ASAN=0
# leaves the stage out; arguments go to the ci run's ctest (say -R TestFoo)
# and leave it out too. docs/architecture.md, "CI", has the figures.
set -euo pipefail
started=$(date +%s)
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# timed LABEL COMMAND...: runs it and says how long it took (a failing CI
# run's log then shows where the time went).
timed() {
    local label=$1 t0 status=0
    shift
    t0=$(date +%s)
    "$@" || status=$?
    echo "test.sh: $label: $(( $(date +%s) - t0 ))s (exit $status; $(( $(date +%s) - started ))s since start)"
    return "$status"
}
timed "packages" installer/setup-deps.sh
# npm test data (OpenAPI examples and their independent counts), once per cache
timed "test data" installer/setup-test-data.sh
cmake --preset ci >/dev/null
timed "ci build" cmake --build --preset ci
timed "ci tests" ctest --preset ci "$@"

if [ $# -gt 0 ] || [ "${HIVEMIND_TEST_ASAN:-1}" = 0 ]; then
    exit 0
fi

budget=$(( ${HIVEMIND_CI_BUDGET_MINUTES:-43} * 60 ))
# What the sanitizer tests take on 2 cores (measured: docs/architecture.md),
# with a margin.
test_reserve=$(( ${HIVEMIND_ASAN_TEST_MINUTES:-9} * 60 ))
left=$(( budget - ($(date +%s) - started) - test_reserve ))
if [ "$left" -lt 60 ]; then
    echo "test.sh: sanitizer stage left out: $(( (budget - ($(date +%s) - started)) / 60 )) min" \
        "of the ${budget}s budget remain, its tests need $(( test_reserve / 60 ))"
    exit 0
fi
# Its build takes about 4.5 GB (shared libraries; docs/architecture.md,
# "CI"): with less room than that and a margin, it is left out and says so
# rather than fail half way on a full disk.
need_gb=${HIVEMIND_ASAN_DISK_GB:-8}
free_gb=$(( $(df -Pk . | awk 'NR == 2 { print $4 }') / 1024 / 1024 ))
if [ "$free_gb" -lt "$need_gb" ]; then
    echo "test.sh: sanitizer stage left out: ${free_gb} GB free on this disk, it needs ${need_gb}"
    exit 0
fi
echo "test.sh: sanitizer build (asan preset), at most ${left}s, ${free_gb} GB free"
cmake --preset asan >/dev/null
status=0
timed "asan build" timeout --signal=TERM --kill-after=30 "$left" cmake --build --preset asan || status=$?
if [ "$status" = 124 ] || [ "$status" = 137 ]; then
    echo "test.sh: sanitizer build stopped at the time budget (cold compiler cache);" \
        "what it compiled is cached for the next run, which continues it"
    exit 0
fi
[ "$status" = 0 ] || exit "$status"
timed "asan tests" ctest --preset asan -L 'core|server|fuzz'
