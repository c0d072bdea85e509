# Sourced by build.sh and update.sh: one Go environment, with its module and
# build caches under the project cache (outside the repository) so a fresh
# clone on the same machine reuses them.
OVC_CACHE="${OVC_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/open-vcluster}"
export OVC_CACHE
export GOMODCACHE="$OVC_CACHE/go/mod"
export GOCACHE="$OVC_CACHE/go/build"
# Go 1.26 builds every pinned component; never fetch another toolchain.
export GOTOOLCHAIN=local
export CGO_ENABLED=0
