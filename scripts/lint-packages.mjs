#!/usr/bin/env node
// `make lint-packages`: packs every public npm package (scripts/pack-packages.mjs)
// and checks each tarball, i.e. exactly what would be published, with publint
// (--strict: warnings fail too) and @arethetypeswrong/cli (types resolve for
// import and require under node10, node16 and bundler). Needs a build first.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { packAll } from "./pack-packages.mjs";

const bin = (name) => fileURLToPath(new URL(`../node_modules/.bin/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "ovc-lint-packages-"));
let failed = 0;
try {
  for (const { name, tarball } of packAll(dir)) {
    for (const [tool, args] of [
      ["publint", ["run", "--strict", tarball]],
      ["attw", ["--no-emoji", "--no-color", "--format", "table-flipped", tarball]],
    ]) {
      try {
        execFileSync(bin(tool), args, { stdio: "inherit" });
      } catch {
        console.error(`lint-packages: ${tool} found problems in ${name}`);
        failed++;
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) process.exit(1);
console.log("lint-packages: publint and attw are clean on every public package");
