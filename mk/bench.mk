# Benchmarks of the speed targets of issue 3 (bench/README.md). They report
# medians, ratios to a baseline and PASS/FAIL; a miss fails the target only
# with BENCH_FLAGS=--check. One bench: make bench-get (or cold-start, list, watch, core-watch).
BENCHES := mock-cold-start mock-get mock-list mock-watch core-watch
BENCH_FLAGS ?=

.PHONY: bench bench-build bench-core-watch $(addprefix bench-,$(filter-out core-watch,$(BENCHES:mock-%=%)))

bench-build: install
	$(PNPM) turbo run build --filter=@open-vcluster/mock-server...

bench: bench-build ## run the benchmarks (BENCH_FLAGS=--check: exit non-zero on a missed target)
	@status=0; for b in $(BENCHES); do node bench/$$b.mjs $(BENCH_FLAGS) || status=1; done; exit $$status

$(addprefix bench-,$(filter-out core-watch,$(BENCHES:mock-%=%))): bench-%: bench-build
	node bench/mock-$*.mjs $(BENCH_FLAGS)

bench-core-watch: bench-build
	node bench/core-watch.mjs $(BENCH_FLAGS)

# Create throughput of ovc-server on the SQLite store next to the memory store (issue 9).
.PHONY: bench-server-create
bench-server-create: install ## CreateVCluster ops/s and p99 of ovc-server, SQLite vs memory store
	$(PNPM) turbo run build --filter=@open-vcluster/server...
	node bench/server-create-sqlite.mjs $(BENCH_FLAGS)

# The browser bundle budget of issue 11 (every VClusterService method through
# @open-vcluster/sdk/web, gzipped, <= 40 KB), and the size with validation.
# `make test` enforces the budget (packages/sdk-ts/test/bundle-size.test.ts);
# this reports the numbers.
.PHONY: bench-size
bench-size: install ## the TypeScript SDK's browser bundle size against its 40 KB budget
	$(PNPM) turbo run build --filter=@open-vcluster/sdk
	node packages/sdk-ts/scripts/size-check.mjs
