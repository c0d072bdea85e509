#!/usr/bin/env node
// Bundles the ovc-mock CLI (dist/esm/bin/ovc-mock.js, from build-dual) and
// everything it imports into one ESM file, dist/bin/ovc-mock.mjs, the
// package's "bin". One file starts about twice as fast as ~300 ESM modules
// loaded one by one (bench/README.md, cold start). dist/esm/bin/ovc-mock.js
// stays as it is and works too.
import { build } from "esbuild";

await build({
  entryPoints: ["dist/esm/bin/ovc-mock.js"],
  outfile: "dist/bin/ovc-mock.mjs",
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  // Some dependencies are CommonJS (yaml resolves to its CJS build) and call
  // require() for Node built-ins, which an ESM bundle has no binding for.
  banner: { js: 'import { createRequire as __ovcCreateRequire } from "node:module"; const require = __ovcCreateRequire(import.meta.url);' },
  minifyWhitespace: true,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
});
