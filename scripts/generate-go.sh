#!/usr/bin/env bash
# Regenerates the Go SDK's generated code, sdks/go/gen, from proto/ with
# buf.gen.go.yaml (run by `make generate-go`; needs `make tools-go` for the
# plugins in .tools/bin and `make install` for buf).
#
#   protoc-gen-go          messages (google.golang.org/protobuf)
#   protoc-gen-connect-go  Connect clients and handlers (connectrpc.com/connect)
#
# buf/validate is not generated: its go_package is the published
# buf.build/gen/go/bufbuild/protovalidate/protocolbuffers/go module.
# Idempotent: sdks/go/gen is replaced as a whole, so files of deleted protos
# disappear; hand-written code lives outside it (sdks/go/*.go).
set -euo pipefail
export LC_ALL=C

root=$(cd "$(dirname "$0")/.." && pwd)
buf=${BUF:-$root/node_modules/.bin/buf}
dest=$root/sdks/go/gen

[[ -x $buf ]] || { echo "generate-go: no buf at $buf (run: make install)" >&2; exit 1; }
for p in protoc-gen-go protoc-gen-connect-go; do
  [[ -x $root/.tools/bin/$p ]] || { echo "generate-go: no $p in .tools/bin (run: make tools-go)" >&2; exit 1; }
done

rm -rf "$dest"
(cd "$root" && "$buf" generate --template buf.gen.go.yaml)
echo "generate-go: $(find "$dest" -name '*.go' | wc -l) files in ${dest#"$root"/}"
