#!/usr/bin/env bash
# Test data that comes from a package registry rather than from the
# repository: the OpenAPI documents of npm's @readme/oas-examples (a
# published collection of real-world-style OpenAPI 2.0/3.0/3.1 documents,
# JSON and YAML) and js-yaml, which the independent endpoint count uses.
# Installed once into a cache directory (the version is pinned, so the
# directory never goes stale), then tests/support/count-openapi-endpoints.js
# writes counts.json there; TestOpenApiExamples reads both and fails when
# they are missing. Idempotent and silent when present. Called by
# installer/test.sh before ctest.
#
#   HIVEMIND_TEST_DATA_DIR   cache root (default ${XDG_CACHE_HOME:-~/.cache}/hivemind/test-data);
#                            the build's CMake configure step reads the same variable.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

OAS_EXAMPLES_VERSION=8.2.2
# Bump when count-openapi-endpoints.js changes what it writes (a new cache directory).
COUNTS_FORMAT=2
JS_YAML_VERSION=4.1.0
cache=${HIVEMIND_TEST_DATA_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/hivemind/test-data}
target="$cache/oas-examples-$OAS_EXAMPLES_VERSION-c$COUNTS_FORMAT"

[ -f "$target/counts.json" ] && exit 0

if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
    sudo=()
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null || { echo "setup-test-data: need node and npm (Debian: nodejs npm)" >&2; exit 1; }
        sudo=(sudo)
    fi
    echo "setup-test-data: installing nodejs and npm"
    export DEBIAN_FRONTEND=noninteractive
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

echo "setup-test-data: installing @readme/oas-examples@$OAS_EXAMPLES_VERSION into $target"
mkdir -p "$cache"
work=$(mktemp -d "$cache/.oas-examples.XXXXXX")
trap 'rm -rf "$work"' EXIT
npm install --prefix "$work" --no-audit --no-fund --no-save --loglevel=error --fetch-retries=5 \
    "@readme/oas-examples@$OAS_EXAMPLES_VERSION" "js-yaml@$JS_YAML_VERSION" >/dev/null
node "$root/tests/support/count-openapi-endpoints.js" \
    "$work/node_modules/@readme/oas-examples" "$work/node_modules/js-yaml" "$work/counts.json"
rm -rf "$target"
mv "$work" "$target"
trap - EXIT
echo "setup-test-data: done"
