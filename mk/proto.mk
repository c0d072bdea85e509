# The API contract: lint, breaking-change check and code generation for all
# three SDKs. Generated code is committed; `generate-check` fails when it is
# stale so a proto change can never ship without its SDKs.
.PHONY: generate generate-ts generate-check proto-lint proto-breaking

generate: install generate-ts ## regenerate every SDK from proto/
	$(MAKE) generate-go generate-python

generate-ts: install
	bash packages/sdk-ts/scripts/generate.sh
	bash packages/http/scripts/generate.sh

proto-lint: install ## buf lint (STANDARD) and format check
	$(BUF) lint
	$(BUF) format --diff --exit-code

# Breaking changes are checked against the newest release tag (v*), or, until
# the first release, against the previous commit.
proto-breaking: install ## buf breaking against the last release
	@ref=$$(git describe --tags --match 'v[0-9]*' --abbrev=0 2>/dev/null || true); \
	if [ -z "$$ref" ]; then ref=$$(git rev-parse --verify -q HEAD~1 || true); fi; \
	if [ -z "$$ref" ]; then echo "proto-breaking: no earlier state to compare with"; exit 0; fi; \
	if ! git cat-file -e "$$ref:buf.yaml" 2>/dev/null; then echo "proto-breaking: $$ref has no buf module yet"; exit 0; fi; \
	echo "buf breaking against $$ref"; \
	$(BUF) breaking --against "$(ROOT)/.git#ref=$$ref"

# Regenerates into the work tree and fails if anything differs from what is
# committed (new files included).
GENERATED_DIRS := packages/sdk-ts/src/gen packages/sdk-ts/src/gen-lite packages/http/src/gen packages/http/test/gen \
  sdks/go/gen sdks/python/src/open_vcluster/gen
generate-check: generate ## fail when generated code is stale
	@if [ -n "$$(git status --porcelain -- $(GENERATED_DIRS))" ]; then \
	  git status --porcelain -- $(GENERATED_DIRS); \
	  echo "generated code is stale: run 'make generate' and commit the result"; exit 1; fi
