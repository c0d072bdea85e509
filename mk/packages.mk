# The npm packages as published: publint and @arethetypeswrong/cli on the
# packed tarballs (lint-packages, part of `make test`), and the TypeScript
# SDK's API reference (docs-ts, TypeDoc; a warning fails it).
.PHONY: lint-packages docs-ts

lint-packages: build ## publint + attw on every public npm package's tarball
	node scripts/lint-packages.mjs

docs-ts: install ## TypeScript SDK API reference (TypeDoc, HTML) into packages/sdk-ts/build/docs
	cd packages/sdk-ts && $(ROOT)/node_modules/.bin/typedoc --options typedoc.json
	@echo "docs-ts: open $(ROOT)/packages/sdk-ts/build/docs/index.html"
