#!/usr/bin/env bash
# Re-vendors grpc/reflection/v1/reflection.proto and v1alpha/reflection.proto
# (Apache-2.0, The gRPC Authors) and their LICENSE from the npm registry's copy
# in the `@grpc/reflection` package (grpc-node), which ships the protos as
# source, the same way third_party/grpc-health is vendored. Run by hand when
# bumping GRPC_REFLECTION_VERSION; the result is committed, then regenerate
# the TypeScript with `packages/http/scripts/generate.sh`.
set -euo pipefail
GRPC_REFLECTION_VERSION=${GRPC_REFLECTION_VERSION:-1.0.4}
dest=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "@grpc/reflection@$GRPC_REFLECTION_VERSION" >/dev/null)
tar -xzf "$tmp/grpc-reflection-$GRPC_REFLECTION_VERSION.tgz" -C "$tmp" \
  package/build/proto/grpc/reflection/v1/reflection.proto package/build/proto/grpc/reflection/v1alpha/reflection.proto package/LICENSE
for v in v1 v1alpha; do
  install -D -m 0644 "$tmp/package/build/proto/grpc/reflection/$v/reflection.proto" "$dest/grpc/reflection/$v/reflection.proto"
done
install -m 0644 "$tmp/package/LICENSE" "$dest/LICENSE"
echo "@grpc/reflection@$GRPC_REFLECTION_VERSION (npm)" > "$dest/VERSION"
