// The browser size budget of issue 11: esbuild bundles (minified, for
// browsers) an app that calls every VClusterService method through
// @open-vcluster/sdk/web (connect-web) and gzips it. It bundles dist/esm, so
// the package must be built. Used by scripts/size-check.mjs (`make
// bench-size`) and test/bundle-size.test.ts (`make test`).
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

export const BUDGET_BYTES = 40 * 1024;
const pkg = fileURLToPath(new URL("..", import.meta.url));

const calls = `
const name = "projects/p/vclusters/v";
export async function main() {
  await c.createVClusterAndWait({ parent: "projects/p", vclusterId: "v", vcluster: {} });
  await c.getVCluster({ name });
  for await (const vc of c.listVClusters({ parent: "projects/p" })) console.log(vc.name);
  await (await c.updateVCluster({ vcluster: { name }, updateMask: { paths: ["display_name"] } })).wait();
  await (await c.scaleVCluster({ name })).wait();
  await (await c.suspendVCluster({ name })).wait();
  await (await c.resumeVCluster({ name })).wait();
  await (await c.snapshotVCluster({ name, snapshotId: "s" })).wait();
  await (await c.restoreVCluster({ name, snapshot: "projects/p/snapshots/s" })).wait();
  await c.generateVClusterKubeconfig({ name });
  await c.getVClusterUsage({ name: name + "/usage" });
  await c.getServerConfig({ name: "serverConfig" });
  for await (const e of c.watchVClusters({ parent: "projects/p" })) console.log(e.type);
  await (await c.deleteVCluster({ name })).wait();
}
`;

/** Every VClusterService method, without validation: the app the budget is for. */
export const APP = `
import { createOpenVClusterClient } from "./dist/esm/web.js";
const c = createOpenVClusterClient({ endpoint: location.origin, apiKey: "k" });
${calls}`;

/** The same app with client-side validation: reported, not budgeted (it bundles the rules). */
export const APP_WITH_VALIDATION = `
import { createOpenVClusterClient } from "./dist/esm/web.js";
import { validate } from "./dist/esm/validate.js";
const c = createOpenVClusterClient({ endpoint: location.origin, apiKey: "k", validate });
${calls}`;

/** Minified and gzipped sizes of `contents` bundled for browsers, and the files it bundles. */
export async function bundleSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: pkg, loader: "js" },
    // The metafile's paths relative to this package, wherever it runs from.
    absWorkingDir: pkg,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    metafile: true,
  });
  const code = result.outputFiles[0].contents;
  return { raw: code.length, gzip: gzipSync(code, { level: 9 }).length, inputs: Object.keys(result.metafile.inputs) };
}

/** What is wrong with APP's bundle: over the budget, validation or connect-node in it. */
export function budgetFailures(bundle) {
  const failures = [];
  if (bundle.gzip > BUDGET_BYTES) failures.push(`over the budget by ${kb(bundle.gzip - BUDGET_BYTES)}`);
  // Validation code only when validation is imported: nothing of
  // protovalidate (its runtime, the buf/validate descriptor) and none of the
  // full descriptors (src/gen, which carry the rules).
  const validation = bundle.inputs.filter((f) => f.includes("@bufbuild/protovalidate/") || f.startsWith("dist/esm/gen/"));
  if (validation.length > 0) failures.push(`validation code is bundled without importing /validate: ${validation[0]}`);
  if (bundle.inputs.some((f) => f.includes("connect-node"))) failures.push("connect-node is in the browser bundle");
  return failures;
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
