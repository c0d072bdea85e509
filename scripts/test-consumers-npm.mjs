#!/usr/bin/env node
// `make test-consumers-npm`: the public npm packages as a user gets them.
// Packs each one (scripts/pack-packages.mjs), installs the tarballs with npm
// into a fresh app in a temp dir outside the repository (third-party deps from
// the registry), then, on this Node and on the Node LTS given by OVC_NODE_LTS:
// imports and requires every entry point, runs the TypeScript checks compiled
// with moduleResolution node16 (and type-checks with bundler), starts the
// installed ovc-mock and ovc-server bins and runs the SDK README's snippets
// (packages/sdk-ts/test/snippets) against that ovc-mock.
// Fixtures: scripts/consumers-npm/. Needs a build first (make build).
import { execFileSync, spawn } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { packAll } from "./pack-packages.mjs";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const FIXTURES = join(ROOT, "scripts/consumers-npm");
const SNIPPETS = join(ROOT, "packages/sdk-ts/test/snippets");
const START_TIMEOUT_MS = 30_000;
const RUN_TIMEOUT_MS = 60_000;

const lts = process.env.OVC_NODE_LTS;
if (!lts) {
  console.error("test-consumers-npm: set OVC_NODE_LTS to the Node LTS binary (make test-consumers-npm does)");
  process.exit(2);
}
const NODES = [process.execPath, lts];

/** The version a workspace package.json pins for a third-party package (one source of truth). */
function pinned(pkgDir, name) {
  const pkg = JSON.parse(readFileSync(join(ROOT, pkgDir, "package.json"), "utf8"));
  const v = pkg.devDependencies?.[name] ?? pkg.dependencies?.[name];
  if (!v) throw new Error(`${pkgDir}/package.json does not pin ${name}`);
  return `${name}@${v}`;
}

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: "inherit", timeout: RUN_TIMEOUT_MS * 3, ...opts });
}

/** Every installed copy of a package in the app's node_modules tree. */
function copiesOf(dir, name, found = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const sub = join(dir, e.name);
    if (e.name === "node_modules") {
      try {
        readFileSync(join(sub, name, "package.json"));
        found.push(join(sub, name));
      } catch {}
    }
    copiesOf(sub, name, found);
  }
  return found;
}

/** Starts an installed bin on `node` and resolves to its URL once it prints "listening on URL". */
function startBin(app, node, bin, args) {
  // The bins' `#!/usr/bin/env node` finds the chosen Node first on PATH.
  const env = { ...process.env, PATH: `${dirname(node)}${delimiter}${process.env.PATH}` };
  const child = spawn(join(app, "node_modules/.bin", bin), args, { cwd: app, env, stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${bin} did not report listening within ${START_TIMEOUT_MS} ms`)), START_TIMEOUT_MS);
    child.once("exit", (code) => reject(new Error(`${bin} exited (${code}) before listening`)));
    createInterface({ input: child.stdout }).on("line", (line) => {
      const m = line.match(/listening on (http:\/\/\S+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
  });
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  };
  return url.then(
    (u) => ({ url: u, stop }),
    async (err) => {
      await stop();
      throw err;
    },
  );
}

const started = Date.now();
const tmp = mkdtempSync(join(tmpdir(), "ovc-consumers-npm-"));
try {
  const packages = packAll(join(tmp, "tarballs"));
  const tarballs = packages.map((p) => p.tarball);
  const app = join(tmp, "app");
  mkdirSync(join(app, "snippets"), { recursive: true });
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "ovc-consumer", private: true, type: "module" }, null, 2));
  for (const f of readdirSync(FIXTURES)) copyFileSync(join(FIXTURES, f), join(app, f));
  cpSync(SNIPPETS, join(app, "snippets"), { recursive: true });

  // As the SDK README says: the SDK with its peers (connect-web for the
  // browser snippet), plus the servers; TypeScript for the type checks.
  run("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock", ...tarballs,
    pinned("packages/sdk-ts", "@connectrpc/connect-web"), pinned(".", "typescript"), pinned(".", "@types/node")], { cwd: app });

  // Each package carries the repository's license text (its prepack copies it).
  const license = readFileSync(join(ROOT, "LICENSE"), "utf8");
  for (const { name } of packages) {
    if (readFileSync(join(app, "node_modules", name, "LICENSE"), "utf8") !== license) throw new Error(`${name}: LICENSE differs from /LICENSE`);
  }
  console.log(`test-consumers-npm: ${packages.length} packages installed, each with /LICENSE`);

  // One copy each, shared by the SDK, core, http and the servers.
  for (const name of ["@bufbuild/protobuf", "@connectrpc/connect"]) {
    const copies = copiesOf(app, name);
    if (copies.length !== 1) throw new Error(`${name}: expected one installed copy, found ${copies.length}: ${copies.join(", ")}`);
  }
  console.log("test-consumers-npm: one copy each of @bufbuild/protobuf and @connectrpc/connect");

  const tsc = join(app, "node_modules/typescript/bin/tsc");
  run(process.execPath, [tsc, "-p", "tsconfig.bundler.json"], { cwd: app });
  run(process.execPath, [tsc, "-p", "tsconfig.node16.json"], { cwd: app });
  console.log("test-consumers-npm: tsc clean with moduleResolution bundler and node16");

  const snippets = readdirSync(join(app, "out/snippets")).filter((f) => f.endsWith(".js")).sort();
  if (snippets.length === 0) throw new Error("no README snippet compiled");
  for (const node of NODES) {
    const version = execFileSync(node, ["--version"], { encoding: "utf8" }).trim();
    console.log(`--- node ${version} (${node})`);
    run(node, ["esm.mjs"], { cwd: app });
    run(node, ["cjs.cjs"], { cwd: app });
    run(node, ["out/types-cjs.cjs"], { cwd: app });
    run(node, ["out/types.js"], { cwd: app });

    // The SQLite store's addon (better-sqlite3) is built for the Node that ran
    // npm install (this one): the LTS runs the memory store. Neither writes to
    // the user's state directory.
    const storeArgs = node === process.execPath ? ["--data-dir", join(app, "ovc-data")] : ["--store", "memory"];
    const server = await startBin(app, node, "ovc-server", ["--port", "0", ...storeArgs]);
    console.log(`ovc-server (installed bin) listening on ${server.url}`);
    await server.stop();

    const mock = await startBin(app, node, "ovc-mock", ["--port", "0"]);
    try {
      for (const file of snippets) {
        run(node, [join("out/snippets", file)], { cwd: app, env: { ...process.env, OVC_ENDPOINT: mock.url }, timeout: RUN_TIMEOUT_MS });
        console.log(`snippet ${file}: ran against the installed ovc-mock at ${mock.url}`);
      }
    } finally {
      await mock.stop();
    }
  }
  console.log(`test-consumers-npm: ${tarballs.length} packages pass as installed from their tarballs on ${NODES.length} Node versions (${((Date.now() - started) / 1000).toFixed(1)} s)`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
