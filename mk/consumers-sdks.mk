# The Python and Go SDKs as their consumers get them, outside the repository
# (scripts/test-consumers-python.sh, scripts/test-consumers-go.sh): the built
# wheel in a fresh venv with mypy --strict and the pytest plugin, and a Go
# module of its own on sdks/go with go vet and go test (ovcmock). Both run
# against the built ovc-mock. mk/consumers.mk adds npm to `test-consumers`
# (make merges the prerequisites of the two rules).
.PHONY: test-consumers test-consumers-python test-consumers-go

test-consumers: test-consumers-python test-consumers-go

# bench-build builds @open-vcluster/mock-server and what it needs (turbo-cached).
test-consumers-python: venv bench-build ## the Python wheel in a fresh venv: mypy --strict and pytest with its plugin
	PYTHON="$(PYTHON)" "$(ROOT)/scripts/test-consumers-python.sh"

test-consumers-go: bench-build ## a Go module outside the repo on sdks/go (replace): go vet and go test with ovcmock
	GO="$(GO)" "$(ROOT)/scripts/test-consumers-go.sh"
