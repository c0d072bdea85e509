#!/usr/bin/env node
// Builds the package in the current directory twice with tsc: ESM into
// dist/esm and CommonJS into dist/cjs (each marked by its own package.json),
// so the package serves both `import` and `require` from one source.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
const run = (...args) => execFileSync(process.execPath, [tsc, ...args], { stdio: "inherit" });
run("-p", "tsconfig.json", "--outDir", "dist/esm");
run("-p", "tsconfig.json", "--outDir", "dist/cjs", "--module", "commonjs", "--moduleResolution", "node10", "--verbatimModuleSyntax", "false");
for (const [dir, type] of [["dist/esm", "module"], ["dist/cjs", "commonjs"]]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/package.json`, JSON.stringify({ type }) + "\n");
}
