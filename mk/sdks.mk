# The Python and Go SDKs (sdks/python, sdks/go): their tools, code generation
# and tests. Included by the root Makefile, which defines ROOT, BUF and the
# `install` target (node_modules, hence buf).
#
#   make venv             .venv with the pinned dev tools and the Python SDK (editable)
#   make tools-go         protoc-gen-go and protoc-gen-connect-go into .tools/bin
#   make generate-go      sdks/go/gen from proto/ (buf.gen.go.yaml)
#   make generate-python  sdks/python/src/open_vcluster/gen from proto/
#   make test-python      mypy --strict and pytest (PYTEST_ARGS=... to pass options)
#   make docs-python      the Python API reference (pdoc) into sdks/python/build/docs
#   make test-go          go vet + go test in sdks/go
#   make versions-check   every package/SDK version agrees (scripts/check-versions.mjs)
#   make versions-sync    write the sdk-ts version into the Python and Go SDKs
#
# venv and tools-go are no-ops when their inputs have not changed.

PYTHON ?= python3
VENV := $(ROOT)/.venv
VENV_PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.ovc-venv.stamp
GO ?= go
# The Go modules say `go 1.26`; never download another toolchain.
GO_ENV := GOTOOLCHAIN=local
GO_TOOLS := $(ROOT)/.tools/bin/protoc-gen-go $(ROOT)/.tools/bin/protoc-gen-connect-go
PYTEST_ARGS ?=

.PHONY: venv tools-go generate-go generate-python test-python docs-python test-go versions-check versions-sync sdks-clean

venv: $(VENV_STAMP) ## Python virtualenv .venv: pinned dev tools + the Python SDK, editable

$(VENV_STAMP): $(ROOT)/sdks/python/requirements-dev.txt $(ROOT)/sdks/python/pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "make venv: $(PYTHON) is Python %d.%d; the SDK needs 3.11 or newer (set PYTHON=...)" % sys.version_info[:2])'
	@if [ -x "$(VENV_PY)" ] && ! "$(VENV_PY)" -c 'import sys' 2>/dev/null; then rm -rf "$(VENV)"; fi
	@[ -x "$(VENV_PY)" ] || $(PYTHON) -m venv "$(VENV)"
	"$(VENV_PY)" -m pip install --quiet --disable-pip-version-check --no-input -r "$(ROOT)/sdks/python/requirements-dev.txt"
	"$(VENV_PY)" -m pip install --quiet --disable-pip-version-check --no-input --no-deps --no-build-isolation -e "$(ROOT)/sdks/python"
	"$(VENV_PY)" -m pip check
	@touch "$@"

tools-go: $(GO_TOOLS) ## build the pinned Go protoc plugins (tools/go) into .tools/bin

# The binaries are their own stamps: rebuilt when tools/go changes or one is missing.
$(GO_TOOLS) &: $(ROOT)/tools/go/go.mod $(ROOT)/tools/go/go.sum
	@mkdir -p "$(ROOT)/.tools/bin"
	cd "$(ROOT)/tools/go" && $(GO_ENV) $(GO) build -trimpath -o "$(ROOT)/.tools/bin/" tool
	@touch $(GO_TOOLS)

generate-go: install tools-go ## regenerate the Go SDK (sdks/go/gen)
	BUF="$(BUF)" "$(ROOT)/scripts/generate-go.sh"

generate-python: install venv ## regenerate the Python SDK (sdks/python/src/open_vcluster/gen)
	BUF="$(BUF)" VENV="$(VENV)" "$(ROOT)/scripts/generate-python.sh"

# pytest exits 5 when it collects no test, e.g. PYTEST_ARGS='-k nothing':
# reported, not failed (the suite itself always has tests).
test-python: venv ## Python SDK checks: mypy --strict and pytest
	cd "$(ROOT)/sdks/python" && "$(VENV_PY)" -m mypy --cache-dir "$(VENV)/.mypy_cache"
	cd "$(ROOT)/sdks/python" && { "$(VENV_PY)" -m pytest -p no:cacheprovider $(PYTEST_ARGS) || rc=$$?; } \
	  && case "$${rc:-0}" in 0) ;; 5) echo "test-python: pytest collected no tests" ;; *) exit "$$rc" ;; esac

# The generated layer is documented by its own docstrings; the reference is
# about the package's API (open_vcluster, errors, testing).
docs-python: venv ## Python API reference (pdoc, HTML) into sdks/python/build/docs
	"$(VENV_PY)" -m pdoc --docformat google -o "$(ROOT)/sdks/python/build/docs" open_vcluster open_vcluster.errors open_vcluster.testing
	@echo "docs-python: open $(ROOT)/sdks/python/build/docs/index.html"

test-go: ## Go SDK checks: go vet and go test
	cd "$(ROOT)/sdks/go" && $(GO_ENV) $(GO) vet ./... && $(GO_ENV) $(GO) test ./...

versions-check: ## fail unless every package.json, pyproject.toml, __version__ and version.go agree
	node "$(ROOT)/scripts/check-versions.mjs"

versions-sync: ## copy packages/sdk-ts's version into the Python and Go SDKs
	node "$(ROOT)/scripts/sync-versions.mjs"

sdks-clean: ## remove .venv and the Go plugins built by tools-go
	rm -rf "$(VENV)" $(GO_TOOLS)
