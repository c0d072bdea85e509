#!/usr/bin/env bash
# Regenerates src/gen from proto/ with protoc-gen-es (buf.gen.yaml at the
# repository root), then src/gen-lite: the same messages without their custom
# options, for the client entry points (scripts/generate-lite.mjs). Run by
# `make generate` and by turbo's `generate` task.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
rm -rf packages/sdk-ts/src/gen packages/sdk-ts/src/gen-lite
node_modules/.bin/buf generate
image=$(mktemp -d)
trap 'rm -rf "$image"' EXIT
node_modules/.bin/buf build --path proto/openvcluster/v1 -o "$image/image.binpb"
node packages/sdk-ts/scripts/generate-lite.mjs "$image/image.binpb" packages/sdk-ts/src/gen-lite node_modules/.bin/protoc-gen-es
