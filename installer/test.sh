#!/usr/bin/env bash
# README command (b): install what is missing, build (ci preset: optimised,
# warnings are errors, benchmarks built) and run every test. Ends with
# ctest's summary; exits non-zero when anything fails. Failing HM_CHECKs
# abort (the test presets set HIVEMIND_FATAL_CHECKS=1).
#
# With HIVEMIND_TEST_ASAN=1 it then builds the asan preset (AddressSanitizer
# + UBSan, core and server only) and runs the core, server and fuzz-corpus
# tests under it. Not yet the default: a cold sanitizer build alone takes
# about 25 minutes on 2 cores, which with the ci stage does not fit CI's 45
# (docs/architecture.md, "CI"). Arguments go to the ci run's ctest (say
# -R TestFoo) and leave the sanitizer stage out.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
installer/setup-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci "$@"

if [ $# -gt 0 ] || [ "${HIVEMIND_TEST_ASAN:-0}" != 1 ]; then
    exit 0
fi
echo "test.sh: sanitizer build (asan preset)"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan -L 'core|server|fuzz'
