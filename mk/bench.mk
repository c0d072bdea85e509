# Benchmarks of the speed targets of issue 3 (bench/README.md). They report
# medians, ratios to a baseline and PASS/FAIL; a miss fails the target only
# with BENCH_FLAGS=--check. One bench: make bench-get (or cold-start, list, watch).
BENCHES := mock-cold-start mock-get mock-list mock-watch
BENCH_FLAGS ?=

.PHONY: bench bench-build $(addprefix bench-,$(BENCHES:mock-%=%))

bench-build: install
	$(PNPM) turbo run build --filter=@open-vcluster/mock-server...

bench: bench-build ## run the benchmarks (BENCH_FLAGS=--check: exit non-zero on a missed target)
	@status=0; for b in $(BENCHES); do node bench/$$b.mjs $(BENCH_FLAGS) || status=1; done; exit $$status

$(addprefix bench-,$(BENCHES:mock-%=%)): bench-%: bench-build
	node bench/mock-$*.mjs $(BENCH_FLAGS)
