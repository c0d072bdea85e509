#!/usr/bin/env node
// Reports the browser bundle against its budget (scripts/bundle-size.mjs) and
// exits non-zero on a miss. Run after the build: `make bench-size`.
import { APP, APP_WITH_VALIDATION, BUDGET_BYTES, budgetFailures, bundleSize, kb } from "./bundle-size.mjs";

const app = await bundleSize(APP);
const withValidation = await bundleSize(APP_WITH_VALIDATION);
console.log(`every VClusterService method via @open-vcluster/sdk/web: ${kb(app.raw)} minified, ${kb(app.gzip)} gzipped (budget ${kb(BUDGET_BYTES)})`);
console.log(`  with client-side validation (@open-vcluster/sdk/validate): ${kb(withValidation.raw)} minified, ${kb(withValidation.gzip)} gzipped (not budgeted)`);
const failures = budgetFailures(app);
if (failures.length > 0) {
  console.error(`size-check: ${failures.join("; ")}`);
  process.exit(1);
}
