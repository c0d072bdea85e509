/**
 * The workspace's packages and their dependencies as the built ESM the
 * mock server itself loads. bench/ has no package.json of its own, so bare
 * specifiers are resolved here from packages/mock-server's node_modules (the
 * same files, hence the same module instances, as the mock server imports).
 */
import { readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./report.mjs";

const FROM = path.join(REPO_ROOT, "packages/mock-server/node_modules");

/** Path of the ESM entry of `specifier` ("pkg" or "@scope/pkg" plus an optional "/subpath"), from the node_modules `from`. */
export function resolveEsm(specifier, from = FROM) {
  const parts = specifier.split("/");
  const nameLength = specifier.startsWith("@") ? 2 : 1;
  const name = parts.slice(0, nameLength).join("/");
  const subpath = ["."].concat(parts.slice(nameLength)).join("/");
  const dir = realpathSync(path.join(from, name));
  const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
  let entry = pkg.exports?.[subpath];
  if (entry && typeof entry === "object") entry = entry.import ?? entry.default;
  if (entry && typeof entry === "object") entry = entry.default;
  if (typeof entry !== "string") throw new Error(`bench/lib/deps: no ESM entry for ${specifier}`);
  return path.join(dir, entry);
}

export function importEsm(specifier, from = FROM) {
  return import(pathToFileURL(resolveEsm(specifier, from)).href);
}

/** The built mock server (run `make bench` or build it first). */
export const MOCK_DIST = path.join(REPO_ROOT, "packages/mock-server/dist/esm");
/** What package.json's "bin" runs: the one-file esbuild bundle of the CLI (scripts/bundle-cli.mjs). */
export const OVC_MOCK_BIN = path.join(REPO_ROOT, "packages/mock-server/dist/bin/ovc-mock.mjs");

export async function importMockServer() {
  try {
    return await import(pathToFileURL(path.join(MOCK_DIST, "index.js")).href);
  } catch (err) {
    throw new Error(
      `cannot load packages/mock-server/dist (${err.message}); build it first: .tools/node_modules/.bin/pnpm --filter @open-vcluster/mock-server... build`,
    );
  }
}
