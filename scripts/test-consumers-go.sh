#!/usr/bin/env bash
# The Go SDK as a consumer uses it: testenv/consumers/go, copied into a
# module of its own outside the repository that requires the SDK through a
# replace directive to sdks/go, then go vet and go test (ovcmock against the
# repository's built ovc-mock). Needs the mock-server build
# (`make test-consumers-go`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
go=${GO:-go}
mock="$root/packages/mock-server/dist/bin/ovc-mock.mjs"
[ -f "$mock" ] || { echo "test-consumers-go: $mock is not built" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/ovc-consumer-go.XXXXXX")
trap 'rm -rf "$work"' EXIT
# The modules say `go 1.26`; never download another toolchain.
export GOTOOLCHAIN=local

# A module zip of a subdirectory holds only that directory: the SDK ships its
# own copy of the license, which must stay the repository's.
cmp -s "$root/LICENSE" "$root/sdks/go/LICENSE" || { echo "test-consumers-go: sdks/go/LICENSE differs from LICENSE" >&2; exit 1; }

cp "$root"/testenv/consumers/go/*.go "$work/"
sdk=github.com/open-vcluster/open-vcluster-api/sdks/go
cat > "$work/go.mod" <<MOD
module example.com/consumer

go 1.26.0

require $sdk v0.0.0

replace $sdk => $root/sdks/go
MOD
# The SDK's own checksums, so tidy resolves from the module cache the SDK's build already filled.
cp "$root/sdks/go/go.sum" "$work/go.sum"
cd "$work"
"$go" mod tidy
"$go" vet ./...
OVC_MOCK="$mock" "$go" test -count=1 ./...
