# open-vcluster-api — every tool this project needs is installed by these rules,
# from the package registries, into the repository (.tools, node_modules, .venv)
# or into a versioned cache under $(OVC_CACHE). Nothing is installed by hand.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

ROOT := $(abspath $(dir $(lastword $(MAKEFILE_LIST))))
OVC_CACHE ?= $(or $(XDG_CACHE_HOME),$(HOME)/.cache)/open-vcluster
export OVC_CACHE

include mk/tools.mk
include mk/proto.mk
include mk/sdks.mk
include mk/k8s-env.mk
include mk/bench.mk
include mk/browser.mk
include mk/packages.mk
include mk/consumers.mk
include mk/release.mk
include mk/consumers-sdks.mk

.PHONY: help start test build lint

help: ## list the targets
	@grep -hE '^[a-zA-Z0-9_-]+:.*## ' $(MAKEFILE_LIST) | sort | awk -F':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

build: install ## build every TypeScript package
	$(PNPM) turbo run build

OVC_PORT ?= 8080
# make start keeps its state in the checkout (git ignores it), not in ~/.local/state.
OVC_DATA_DIR ?= $(ROOT)/.data
start: install ## build and run ovc-server on its embedded default (simulated driver, SQLite in .data/)
	$(PNPM) turbo run build --filter=@open-vcluster/server...
	@echo "ovc-server state: $(OVC_DATA_DIR) (delete it to start empty)"
	node packages/server/dist/esm/bin/ovc-server.js --port $(OVC_PORT) --data-dir $(OVC_DATA_DIR)

lint: install proto-lint ## lint everything
	$(PNPM) turbo run lint typecheck

test: install browser-deps proto-lint proto-breaking generate-check versions-check ## lint, buf checks, generation drift, every test of every language
	$(PNPM) turbo run lint typecheck test
	$(MAKE) lint-packages docs-ts test-consumers
	$(MAKE) test-python test-go
	$(MAKE) test-k8s
