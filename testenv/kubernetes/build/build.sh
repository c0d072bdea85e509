#!/usr/bin/env bash
# Builds the test control plane (kube-apiserver, kube-controller-manager,
# kube-scheduler, etcd, kwok, helm) from the Go module proxy into a cache
# outside the repository:
#   $OVC_CACHE/k8s/<key>/bin     (OVC_CACHE defaults to ~/.cache/open-vcluster)
#   $OVC_CACHE/k8s/<key>/etc/kwok.yaml  (kwok's stages, from the kwok module)
# <key> names every version plus a hash of the wrapper modules, so a fresh
# clone on the same machine reuses the binaries and a version bump rebuilds.
# The build goes into a temporary directory that is renamed into place only
# when every binary is there, so an interrupted build never leaves a half cache.
#
# Usage: build.sh                 build if missing; prints progress on stderr
#        build.sh --print-bin-dir print the bin directory (no build; exit 1 if missing)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=versions.env
source "$here/versions.env"
# shellcheck source=goenv.sh
source "$here/goenv.sh"
# go.mod/go.sum are committed and tidy: never let the build rewrite them.
export GOFLAGS="-mod=readonly -trimpath"

components=(kubernetes etcd kwok helm)
go_version="$(go env GOVERSION)"
mods_hash="$(cd "$here" && cat versions.env ./*/go.mod ./*/go.sum | sha256sum | cut -c1-12)"
key="r${BUILD_REVISION}-k8s-${K8S_VERSION}_etcd-${ETCD_VERSION}_kwok-${KWOK_VERSION}_helm-${HELM_VERSION}_${go_version}_${mods_hash}"
dest="$OVC_CACHE/k8s/$key"
binaries=(kube-apiserver kube-controller-manager kube-scheduler etcd kwok helm)

complete() {
  local b
  for b in "${binaries[@]}"; do [ -x "$dest/bin/$b" ] || return 1; done
  [ -s "$dest/etc/kwok.yaml" ]
}

if [ "${1:-}" = "--print-bin-dir" ]; then
  complete || { echo "test control plane not built: run 'make k8s-build' (expected $dest/bin)" >&2; exit 1; }
  echo "$dest/bin"
  exit 0
fi

log() { printf '[k8s-build %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

if complete; then
  log "reusing $dest/bin"
  exit 0
fi

mkdir -p "$OVC_CACHE/k8s"
# One build at a time per cache (two checkouts building at once would only
# fight over 2 cores); the second waits and then reuses the first's result.
exec 9>"$OVC_CACHE/k8s/.build.lock"
if ! flock -n 9; then
  log "another build holds $OVC_CACHE/k8s/.build.lock; waiting"
  flock 9
fi
if complete; then
  log "reusing $dest/bin (built by a concurrent run)"
  exit 0
fi

# We hold the lock, so any temp dir left here is from a killed build.
rm -rf "$OVC_CACHE"/k8s/.tmp-*
tmp="$(mktemp -d "$OVC_CACHE/k8s/.tmp-$key.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM HUP # run the EXIT trap on Ctrl-C/kill too
chmod 755 "$tmp"
mkdir -p "$tmp/bin"
log "building into $dest (cold: ~10 min on 2 idle cores, ~27 min on busy ones; Go caches in $OVC_CACHE/go)"

# go build -v prints each package as it is compiled; turn that into a
# "compiled N/TOTAL" line every 5% so a long build visibly moves (a bash loop:
# mawk would buffer the pipe and print everything at the end).
progress() { # name total
  local name="$1" total="$2" n=0 pct next=0
  while IFS= read -r _; do
    n=$((n + 1)); pct=$((n * 100 / total))
    if [ "$pct" -ge "$next" ]; then
      printf '[k8s-build] %s: compiled %d/%d packages (%d%%)\n' "$name" "$n" "$total" "$((pct > 100 ? 100 : pct))" >&2
      next=$((pct + 5))
    fi
  done
}

build() { # component ldflags output packages...  (output: a file, or a dir ending in / for several)
  local comp="$1" ldflags="$2" out="$3"; shift 3
  local start total
  start=$(date +%s)
  log "$comp: downloading modules"
  (cd "$here/$comp" && go mod download)
  total="$(cd "$here/$comp" && go list -deps "$@" | wc -l)"
  log "$comp: building $* ($total packages incl. std; cached ones are skipped)"
  (cd "$here/$comp" && go build -p 2 -v -ldflags "$ldflags" -o "$out" "$@") 2>&1 | progress "$comp" "$total"
  echo "$comp $(( $(date +%s) - start ))s" >>"$tmp/build-times.txt"
  log "$comp: done in $(( $(date +%s) - start ))s"
}

k8s_minor="${K8S_VERSION#v1.}"; k8s_minor="${k8s_minor%%.*}"
# Without these the servers report v0.0.0 and Helm's kubeVersion checks fail.
k8s_ldflags="-s -w -X k8s.io/component-base/version.gitVersion=${K8S_VERSION} \
-X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=${k8s_minor} \
-X k8s.io/component-base/version.gitTreeState=clean"

build kubernetes "$k8s_ldflags" "$tmp/bin/" \
  k8s.io/kubernetes/cmd/kube-apiserver k8s.io/kubernetes/cmd/kube-controller-manager k8s.io/kubernetes/cmd/kube-scheduler
# package main of etcd is the root of its server module
build etcd "-s -w" "$tmp/bin/etcd" go.etcd.io/etcd/server/v3
build kwok "-s -w -X sigs.k8s.io/kwok/pkg/consts.Version=${KWOK_VERSION}" "$tmp/bin/kwok" sigs.k8s.io/kwok/cmd/kwok
# kwok has no built-in stages: a standalone kwok needs them in its config.
# Use the upstream defaults that ship in the same module version (what kwokctl
# uses): node-initialize, node-heartbeat-with-lease, pod-ready/complete/delete.
mkdir -p "$tmp/etc"
kwok_dir="$(cd "$here/kwok" && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)"
for f in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
  pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml; do
  echo "---"
  cat "$kwok_dir/kustomize/stage/$f"
done >"$tmp/etc/kwok.yaml"
# As helm's Makefile does: the Kubernetes version `helm template`/`lint` assume
# without a cluster comes from client-go's (v0.X.Y -> 1.X); else it is 1.20.
helm_client_go="$(cd "$here/helm" && go list -m -f '{{.Version}}' k8s.io/client-go)"
helm_k8s_minor="${helm_client_go#v0.}"; helm_k8s_minor="${helm_k8s_minor%%.*}"
helm_ldflags="-s -w -X helm.sh/helm/v3/internal/version.version=${HELM_VERSION}"
for pkg in helm.sh/helm/v3/pkg/chartutil helm.sh/helm/v3/pkg/lint/rules; do
  helm_ldflags+=" -X $pkg.k8sVersionMajor=1 -X $pkg.k8sVersionMinor=${helm_k8s_minor}"
done
build helm "$helm_ldflags" "$tmp/bin/helm" helm.sh/helm/v3/cmd/helm

for b in "${binaries[@]}"; do
  [ -x "$tmp/bin/$b" ] || { log "missing $b after build"; exit 1; }
done
[ -s "$tmp/etc/kwok.yaml" ] || { log "missing etc/kwok.yaml after build"; exit 1; }
cp "$here/versions.env" "$tmp/versions.env"
rm -rf "$dest"
mv -T "$tmp" "$dest"
trap - EXIT
log "built $dest/bin:"
sed 's/^/[k8s-build]   /' "$dest/build-times.txt" >&2
