/**
 * The browser size budget of issue 11 (scripts/bundle-size.mjs): an app
 * calling every VClusterService method through @open-vcluster/sdk/web fits in
 * 40 KB gzipped and bundles no validation code unless it imports it.
 */
import { describe, expect, it } from "vitest";
import { APP, APP_WITH_VALIDATION, BUDGET_BYTES, budgetFailures, bundleSize } from "../scripts/bundle-size.mjs";

describe("browser bundle", () => {
  it("fits the budget without validation code", async () => {
    const app = await bundleSize(APP);
    expect(budgetFailures(app)).toEqual([]);
    expect(app.gzip).toBeLessThanOrEqual(BUDGET_BYTES);
  });

  it("bundles the validation rules once /validate is imported", async () => {
    const app = await bundleSize(APP_WITH_VALIDATION);
    expect(app.inputs.some((f) => f.includes("@bufbuild/protovalidate/dist/esm/validator"))).toBe(true);
    expect(budgetFailures(app).some((f) => f.startsWith("validation code is bundled"))).toBe(true);
  });
});
