#!/usr/bin/env bash
# README command (b): install what is missing, build (ci preset: optimised,
# warnings are errors, benchmarks built) and run every test; then build the
# asan preset (AddressSanitizer + UBSan, core and server only) and run the
# core, server and fuzz-corpus tests under it. Ends with ctest's summary of
# the sanitizer run; exits non-zero when anything fails. Failing HM_CHECKs
# abort in both runs (the test presets set HIVEMIND_FATAL_CHECKS=1).
#
# Arguments go to the ci run's ctest (say -R TestFoo); with arguments, or
# with HIVEMIND_TEST_ASAN=0, the sanitizer build and run are left out.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
installer/setup-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci "$@"

if [ $# -gt 0 ] || [ "${HIVEMIND_TEST_ASAN:-1}" = 0 ]; then
    exit 0
fi
echo "test.sh: sanitizer build (asan preset)"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan -L 'core|server|fuzz'
