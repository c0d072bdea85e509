#!/usr/bin/env bash
# Regenerates the TypeScript for @open-vcluster/http with protoc-gen-es:
#   src/gen  <- third_party/grpc-health (grpc.health.v1, public API)
#               third_party/grpc-reflection (grpc.reflection.v1 and v1alpha)
#   test/gen <- test/proto (a test-only service, never exported)
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
cd "$root"
rm -rf packages/http/src/gen packages/http/test/gen
node_modules/.bin/buf generate third_party/grpc-health --template packages/http/buf.gen.yaml -o packages/http/src
node_modules/.bin/buf generate third_party/grpc-reflection --template packages/http/buf.gen.yaml -o packages/http/src
node_modules/.bin/buf generate packages/http/test/proto --template packages/http/buf.gen.yaml -o packages/http/test
