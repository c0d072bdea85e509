# Tool bootstrap: pnpm (pinned by package.json's packageManager) goes into .tools,
# the workspace into node_modules. The stamp files make a second run a no-op.
PNPM_VERSION := $(shell node -p 'require("./package.json").packageManager.split("@")[1]')
PNPM := $(ROOT)/.tools/node_modules/.bin/pnpm
BUF := $(ROOT)/node_modules/.bin/buf
# turbo finds the workspace's package manager on PATH.
export PATH := $(ROOT)/.tools/node_modules/.bin:$(PATH)

# better-sqlite3 compiles against the running node's headers: point node-gyp
# at the ones installed with node (<prefix>/include/node) so the build needs
# no download from nodejs.org.
NODE_PREFIX := $(shell node -p 'require("path").resolve(process.execPath, "../..")')
ifneq ($(wildcard $(NODE_PREFIX)/include/node/node_version.h),)
export npm_config_nodedir ?= $(NODE_PREFIX)
endif

.PHONY: install
install: node_modules/.install-stamp ## install pnpm and every workspace dependency

$(PNPM):
	npm install --silent --no-audit --no-fund --prefix .tools pnpm@$(PNPM_VERSION)

node_modules/.install-stamp: $(PNPM) package.json pnpm-lock.yaml $(wildcard packages/*/package.json testenv/*/package.json sdks/*/package.json)
	$(PNPM) install --frozen-lockfile=$(if $(CI),true,false)
	@touch $@

pnpm-lock.yaml:
	$(PNPM) install --lockfile-only
