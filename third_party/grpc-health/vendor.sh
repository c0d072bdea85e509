#!/usr/bin/env bash
# Re-vendors grpc/health/v1/health.proto (Apache-2.0, The gRPC Authors) and its
# LICENSE from the npm registry's copy in the `grpc-health-check` package
# (grpc-node), which ships the proto as source. (The PyPI package
# grpcio-health-checking no longer ships the .proto, only generated Python.)
# Run by hand when bumping GRPC_HEALTH_CHECK_VERSION; the result is committed,
# then regenerate the TypeScript with `packages/http/scripts/generate.sh`.
set -euo pipefail
GRPC_HEALTH_CHECK_VERSION=${GRPC_HEALTH_CHECK_VERSION:-2.1.0}
dest=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "grpc-health-check@$GRPC_HEALTH_CHECK_VERSION" >/dev/null)
tar -xzf "$tmp/grpc-health-check-$GRPC_HEALTH_CHECK_VERSION.tgz" -C "$tmp" package/proto/health/v1/health.proto package/LICENSE
install -D -m 0644 "$tmp/package/proto/health/v1/health.proto" "$dest/grpc/health/v1/health.proto"
install -m 0644 "$tmp/package/LICENSE" "$dest/LICENSE"
echo "grpc-health-check@$GRPC_HEALTH_CHECK_VERSION (npm)" > "$dest/VERSION"
