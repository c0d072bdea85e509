#!/usr/bin/env bash
# Regenerates src/gen from proto/ with protoc-gen-es (buf.gen.yaml at the
# repository root). Run by `make generate` and by turbo's `generate` task.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
rm -rf packages/sdk-ts/src/gen
node_modules/.bin/buf generate
