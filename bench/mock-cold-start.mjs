#!/usr/bin/env node
/**
 * Cold start of the ovc-mock CLI: the time from spawn() to its one
 * "ovc-mock listening on http://HOST:PORT" line on stdout, over N runs.
 *
 * Baseline, interleaved run by run: a bare `node -e` that opens an HTTP
 * server on port 0 and prints a line once listening, i.e. what Node itself
 * costs; the difference is what loading and starting ovc-mock adds.
 *
 * Target (issue 3): median <= 250 ms.
 *
 *   node bench/mock-cold-start.mjs [--runs 30] [--target-ms 250] [--bin PATH] [--compare PATH,...] [--check]
 *
 * By default it runs packages/mock-server/dist/bin/ovc-mock.mjs, the bundled
 * CLI that package.json's "bin" points at; --compare
 * packages/mock-server/dist/esm/bin/ovc-mock.js adds the unbundled one.
 * --bin runs another script in its place (e.g. an experiment) with the same
 * arguments and readiness line.
 * --compare adds more scripts (comma-separated; each may be several node
 * arguments separated by spaces) as extra interleaved rows, for trying a fix
 * side by side; they are reported but not held to the target.
 */
import path from "node:path";
import { OVC_MOCK_BIN } from "./lib/deps.mjs";
import { REPO_ROOT, fmt, parseOptions, progress, ratio, report } from "./lib/report.mjs";
import { interleave } from "./lib/runner.mjs";
import { spawnListening } from "./lib/spawn.mjs";
import { summarize } from "./lib/stats.mjs";

const opts = parseOptions({ runs: 30, warmup: 2, targetMs: 250, bin: OVC_MOCK_BIN, compare: "" });

const BASELINE_SRC =
  "require('node:http').createServer().listen(0, '127.0.0.1', function () { console.log('listening on http://127.0.0.1:' + this.address().port) })";

/** Repo-relative when inside the repo, else absolute. */
function displayPath(p) {
  if (p.startsWith("-")) return p;
  const rel = path.relative(REPO_ROOT, path.resolve(p));
  return rel.startsWith("..") ? path.resolve(p) : rel;
}

/** Wall and CPU ms from spawn() to the readiness line; the process is killed (and reaped) before the next run. */
async function timeToListening(args) {
  const server = await spawnListening(args, { timeoutMs: 30_000 });
  await server.stop();
  return { ms: server.ms, cpuMs: server.cpuMs };
}

const MOCK = "ovc-mock";
const BASE = "baseline: node -e http.createServer";
const sides = {
  [MOCK]: () => timeToListening([opts.bin, "--port", "0"]),
  [BASE]: () => timeToListening(["-e", BASELINE_SRC]),
};
for (const extra of opts.compare.split(",").filter(Boolean)) {
  // "node arguments" separated by spaces, e.g. "--snapshot-blob x.blob" or a script path
  const args = extra.trim().split(/\s+/);
  sides[`compare: ${args.map(displayPath).join(" ")}`] = () => timeToListening([...args, "--port", "0"]);
}
const samples = await interleave(sides, {
  rounds: opts.runs,
  warmup: opts.warmup,
  onRound: (r) => progress(`round ${r + 1}/${opts.runs}`),
});

const wall = (name) => summarize(samples[name].map((s) => s.ms));
const cpu = (name) => summarize(samples[name].map((s) => s.cpuMs));
const mock = wall(MOCK);
const base = wall(BASE);
const baseCpu = cpu(BASE);
const rows = Object.keys(samples).map((name) => {
  const x = wall(name);
  const c = cpu(name);
  return [name, x.n, fmt(x.min, "ms"), fmt(x.median, "ms"), fmt(x.p90, "ms"), ratio(x.median, base.median), fmt(c.median, "ms"), ratio(c.median, baseCpu.median)];
});
report({
  title: "mock-cold-start: spawn to \"listening\"",
  what: `\`node ${displayPath(opts.bin)} --port 0\`, spawn() to its readiness line, ${opts.runs} runs interleaved with the baseline (after ${opts.warmup} warm-up rounds).`,
  headers: ["process", "runs", "min", "median", "p90", "median vs baseline", "CPU to ready (median)", "CPU vs baseline"],
  rows,
  targets: [
    { name: "ovc-mock median", measured: fmt(mock.median, "ms"), limit: `<= ${opts.targetMs} ms`, pass: mock.median <= opts.targetMs },
  ],
  notes: [
    `ovc-mock adds ${fmt(mock.median - base.median, "ms")} (median wall) and ${fmt(cpu(MOCK).median - baseCpu.median, "ms")} (median CPU) over a bare Node HTTP server.`,
    "CPU to ready: CPU time of all the process's threads when the line arrived (Linux /proc/PID/task/*/schedstat); less sensitive than wall time to other load on the machine.",
  ],
  check: opts.check,
});
