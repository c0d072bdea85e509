#!/usr/bin/env bash
# Re-vendors buf/validate/validate.proto (Apache-2.0) from the Go module proxy's
# copy of github.com/bufbuild/protovalidate, so nothing reaches the BSR at build
# time. Run by hand when bumping PROTOVALIDATE_VERSION; the result is committed.
set -euo pipefail
PROTOVALIDATE_VERSION=${PROTOVALIDATE_VERSION:-v1.2.2}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
dir=$(cd "$tmp" && GOFLAGS=-mod=mod GOMODCACHE="$tmp/mod" go mod download -json "github.com/bufbuild/protovalidate@$PROTOVALIDATE_VERSION" | node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).Dir))')
dest="$root/third_party/protovalidate"
install -D -m 0644 "$dir/proto/protovalidate/buf/validate/validate.proto" "$dest/buf/validate/validate.proto"
install -m 0644 "$dir/LICENSE" "$dest/LICENSE"
echo "$PROTOVALIDATE_VERSION" > "$dest/VERSION"
chmod -R u+w "$tmp"
