#!/usr/bin/env bash
# `make release-dry-run`: cuts the release on a throwaway git worktree of HEAD
# (nothing in this tree changes; uncommitted changes are not in it) and checks
# every artefact, all at one version:
#   pnpm changeset version + scripts/sync-versions.mjs + scripts/check-versions.mjs
#   build, pack and `npm publish --dry-run` of every public npm package
#   the Python wheel and sdist (the venv's hatchling) through `twine check`
#   the Go tag it would create (sdks/go/vX.Y.Z, from sdks/go/version.go)
# Fails when any of them disagree. Env: VENV (the .venv of make venv).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
: "${VENV:=$ROOT/.venv}"
PNPM=$ROOT/.tools/node_modules/.bin/pnpm
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ovc-release-dry-run.XXXXXX")
tree=$tmp/tree
cleanup() { git -C "$ROOT" worktree remove --force "$tree" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

git -C "$ROOT" worktree add --detach --quiet "$tree" HEAD
cd "$tree"
# pnpm itself is not in the checkout; the packages come from the store.
ln -s "$ROOT/.tools" .tools
"$PNPM" install --offline --frozen-lockfile --silent

echo "== changeset version + sync-versions"
"$PNPM" changeset version
node scripts/sync-versions.mjs
node scripts/check-versions.mjs
version=$(node -p 'require("./packages/sdk-ts/package.json").version')

echo "== npm: build, pack, npm publish --dry-run"
"$PNPM" turbo run build --filter='./packages/*' --output-logs=errors-only
versions=()
while read -r tarball; do
  v=$(tar -xzOf "$tarball" package/package.json | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).version')
  versions+=("$(basename "$tarball"): $v")
  npm publish --dry-run --tag dry-run "$tarball" 2>&1 | grep -E '^npm notice (name|version|filename|total files)|^\+ '
  if [[ $(basename "$tarball") == open-vcluster-sdk-* ]]; then
    # The SDK's runtime VERSION, compiled from src/version.ts (written by sync-versions).
    rv=$(tar -xzOf "$tarball" package/dist/esm/version.js | sed -nE 's/^export const VERSION = "([^"]+)";/\1/p')
    versions+=("@open-vcluster/sdk VERSION: $rv")
  fi
done < <(node scripts/pack-packages.mjs "$tmp/npm" | grep '\.tgz$')

echo "== Python: wheel + sdist, twine check"
(cd sdks/python && "$VENV/bin/python" -m hatchling build -d "$tmp/python")
"$VENV/bin/python" -m twine check --strict "$tmp"/python/*
for f in "$tmp"/python/*; do
  # open_vcluster_api-1.2.3-py3-none-any.whl, open_vcluster_api-1.2.3.tar.gz
  v=$(basename "$f" | sed -E 's/^[^-]+-([^-]+)(-.*\.whl|\.tar\.gz)$/\1/')
  versions+=("$(basename "$f"): $v")
done

echo "== Go"
gov=$(sed -nE 's/^const Version = "([^"]+)"/\1/p' sdks/go/version.go)
versions+=("sdks/go/version.go: $gov")
echo "would tag: sdks/go/v$gov"

echo "== versions"
bad=0
for entry in "${versions[@]}"; do
  echo "  $entry"
  [ "${entry##*: }" = "$version" ] || bad=1
done
if [ "$bad" != 0 ]; then echo "release-dry-run: the artefacts disagree (expected $version everywhere)" >&2; exit 1; fi
echo "release-dry-run: ${#versions[@]} artefacts at $version; Go tag sdks/go/v$version"
