#!/usr/bin/env bash
# The Python SDK as a consumer gets it: builds the wheel and sdist of
# sdks/python with the venv's hatchling, installs only the wheel (its
# dependencies from PyPI) into a fresh venv outside the repository, then
# runs mypy --strict on testenv/consumers/python (an app using
# open_vcluster.Client) and pytest with the SDK's plugin
# (open_vcluster.testing) against the repository's built ovc-mock.
# Needs `make venv` and the mock-server build (`make test-consumers-python`).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv_py="$root/.venv/bin/python"
mock="$root/packages/mock-server/dist/bin/ovc-mock.mjs"
[ -f "$mock" ] || { echo "test-consumers-python: $mock is not built" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/ovc-consumer-python.XXXXXX")
trap 'rm -rf "$work"' EXIT

(cd "$root/sdks/python" && "$venv_py" -m hatchling build -t wheel -t sdist -d "$work/dist" >/dev/null)
wheels=("$work"/dist/*.whl)
sdists=("$work"/dist/*.tar.gz)
[ -f "${wheels[0]}" ] && [ -f "${sdists[0]}" ] || { echo "test-consumers-python: hatchling built no wheel or sdist" >&2; exit 1; }

"${PYTHON:-python3}" -m venv "$work/venv"
py="$work/venv/bin/python"
# The checkers at the versions the repository pins (one source: requirements-dev.txt).
mapfile -t tools < <(grep -E '^(mypy|pytest|types-protobuf)==' "$root/sdks/python/requirements-dev.txt")
"$py" -m pip install --quiet --disable-pip-version-check --no-input "${wheels[0]}" "${tools[@]}"
"$py" -m pip check

# The app lives outside the repository, so nothing but the wheel can be imported.
cp -R "$root/testenv/consumers/python" "$work/app"
cd "$work/app"
"$py" -c 'import open_vcluster, sys; p = open_vcluster.__file__; sys.exit(0 if p.startswith(sys.prefix) else f"open_vcluster imported from {p}, not the wheel")'
"$py" -m mypy --strict --cache-dir "$work/mypy-cache" .
# CI=1: the plugin fails, rather than skips, when it cannot start ovc-mock.
OVC_MOCK="$mock" CI=1 "$py" -m pytest -p no:cacheprovider -q
