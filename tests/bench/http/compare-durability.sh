#!/usr/bin/env bash
# Durable acknowledgements (issue "Durability"), measured in one sitting:
# the trigger and chain benchmarks of run-http-benchmarks.sh against
#   1. BASE_BUILD   a build of the code before durable acknowledgements,
#   2. NEW_BUILD    this code (acknowledged = committed, synchronous=NORMAL),
#   3. NEW_BUILD    with --sync full (every commit fsynced),
# one after the other, each with its own Node-RED reference run.
#
# Usage: tests/bench/http/compare-durability.sh BASE_BUILD NEW_BUILD
# Environment: as run-http-benchmarks.sh (BENCH_ROUNDS, BENCH_DURATION, ...).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
base=${1:?usage: compare-durability.sh BASE_BUILD NEW_BUILD}
new=${2:?usage: compare-durability.sh BASE_BUILD NEW_BUILD}
export BENCH_ONLY=${BENCH_ONLY:-trigger chain}
echo "== before (acknowledged before commit): $base"
BENCH_HM_ARGS= "$here/run-http-benchmarks.sh" "$base"
echo "== durable acknowledgements, --sync normal: $new"
BENCH_HM_ARGS= "$here/run-http-benchmarks.sh" "$new"
echo "== durable acknowledgements, --sync full: $new"
BENCH_HM_ARGS="--sync full" "$here/run-http-benchmarks.sh" "$new"
