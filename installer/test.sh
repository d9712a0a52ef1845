#!/usr/bin/env bash
# README command (b): install what is missing, build (ci preset: optimised,
# warnings are errors, benchmarks built) and run every test. Ends with ctest's
# summary; exits non-zero when anything fails.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
installer/setup-deps.sh
cmake --preset ci >/dev/null
cmake --build --preset ci
ctest --preset ci "$@"
