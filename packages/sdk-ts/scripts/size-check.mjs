#!/usr/bin/env node
// The browser size budget: esbuild bundles (minified, for browsers) an app
// that calls every VClusterService method through @open-vcluster/sdk/web
// (connect-web), gzips it and fails above the budget. Run after the build
// (it bundles dist/esm): `make bench-size`.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const BUDGET_BYTES = 40 * 1024;
const pkg = fileURLToPath(new URL("..", import.meta.url));

const app = `
import { createOpenVClusterClient } from "./dist/esm/web.js";
const c = createOpenVClusterClient({ endpoint: location.origin, apiKey: "k" });
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

async function gzippedSize(contents) {
  const result = await build({
    stdin: { contents, resolveDir: pkg, loader: "js" },
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

const all = await gzippedSize(app);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`every VClusterService method via @open-vcluster/sdk/web: ${kb(all.raw)} minified, ${kb(all.gzip)} gzipped (budget ${kb(BUDGET_BYTES)})`);
const failures = [];
if (all.gzip > BUDGET_BYTES) failures.push(`over the budget by ${kb(all.gzip - BUDGET_BYTES)}`);
// Validation code only when validation is imported.
const validator = all.inputs.filter((f) => f.includes("@bufbuild/protovalidate/dist/esm/") && !f.includes("/gen/"));
if (validator.length > 0) failures.push(`the protovalidate runtime is bundled without importing /validate: ${validator[0]}`);
if (all.inputs.some((f) => f.includes("connect-node"))) failures.push("connect-node is in the browser bundle");
if (failures.length > 0) {
  console.error(`size-check: ${failures.join("; ")}`);
  process.exit(1);
}
