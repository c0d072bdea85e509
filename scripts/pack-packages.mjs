#!/usr/bin/env node
// Packs every public npm package of the workspace (packages/*, not "private")
// with `pnpm pack` into OUTDIR, as they would be published: workspace:*
// ranges become versions and each prepack (the LICENSE copy) runs. Prints one
// tarball path per line. The packages must be built first (make build).
//
// Usage: node scripts/pack-packages.mjs OUTDIR
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The pnpm that `make install` puts in .tools (package.json's packageManager).
const PNPM = join(ROOT, ".tools/node_modules/.bin/pnpm");

/** The public packages: [{ name, version, dir }], sorted by directory. */
export function publicPackages(root = ROOT) {
  const base = join(root, "packages");
  return readdirSync(base, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(base, e.name))
    .sort()
    .map((dir) => ({ dir, ...JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) }))
    .filter((pkg) => !pkg.private)
    .map(({ name, version, dir }) => ({ name, version, dir }));
}

/** Packs each public package into outDir; returns [{ name, version, dir, tarball }]. */
export function packAll(outDir, root = ROOT) {
  mkdirSync(outDir, { recursive: true });
  return publicPackages(root).map((pkg) => {
    const out = execFileSync(PNPM, ["pack", "--json", "--pack-destination", resolve(outDir)], {
      cwd: pkg.dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    });
    // pnpm prints the lifecycle scripts' output before the JSON.
    const { filename } = JSON.parse(out.slice(out.indexOf("{")));
    return { ...pkg, tarball: resolve(outDir, filename) };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.length !== 3) {
    console.error("usage: node scripts/pack-packages.mjs OUTDIR");
    process.exit(2);
  }
  for (const { tarball } of packAll(process.argv[2])) console.log(tarball);
}
