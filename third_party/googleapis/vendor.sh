#!/usr/bin/env bash
# Re-vendors the google/api annotation protos this API uses (field_behavior,
# resource, http, annotations; Apache-2.0, Google LLC) and their LICENSE from
# PyPI's `googleapis-common-protos`, which ships them as source and is also
# the Python SDK's runtime for their generated code, so both stay on one
# version. Go uses google.golang.org/genproto/googleapis/api, TypeScript
# generates them into the SDK (packages/sdk-ts/src/gen/google/api).
# Run by hand when bumping GOOGLEAPIS_COMMON_PROTOS_VERSION; the result is committed.
set -euo pipefail
GOOGLEAPIS_COMMON_PROTOS_VERSION=${GOOGLEAPIS_COMMON_PROTOS_VERSION:-1.76.0}
dest=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 -m pip download --quiet --no-deps -d "$tmp" "googleapis-common-protos==$GOOGLEAPIS_COMMON_PROTOS_VERSION"
whl=$(ls "$tmp"/googleapis_common_protos-*.whl)
python3 -m zipfile -e "$whl" "$tmp/x" >/dev/null
for f in annotations http field_behavior resource; do
  install -D -m 0644 "$tmp/x/google/api/$f.proto" "$dest/google/api/$f.proto"
done
install -m 0644 "$tmp"/x/googleapis_common_protos-*.dist-info/licenses/LICENSE "$dest/LICENSE"
echo "googleapis-common-protos==$GOOGLEAPIS_COMMON_PROTOS_VERSION (PyPI)" > "$dest/VERSION"
