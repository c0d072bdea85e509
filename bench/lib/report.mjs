/**
 * Command line and output shared by the benches: `--check` (exit non-zero
 * when a target is missed; without it a miss is reported but exits 0),
 * `--key=value` / `--key value` options, and tables printed as Markdown so a
 * run can be pasted into bench/README.md as is.
 */
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * Parses `--name value`, `--name=value` and bare `--flag`. Numeric defaults
 * make the option numeric.
 * @template {Record<string, number | string | boolean>} T
 * @param {T} defaults
 * @returns {T & { check: boolean }}
 */
export function parseOptions(defaults, argv = process.argv.slice(2)) {
  const out = { ...defaults, check: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) throw usage(`unexpected argument "${arg}"`, defaults);
    let [key, value] = arg.slice(2).split(/=(.*)/s, 2);
    key = key.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (key === "help") {
      console.log(usageText(defaults));
      process.exit(0);
    }
    if (!(key in out)) throw usage(`unknown option --${key}`, defaults);
    if (typeof out[key] === "boolean") {
      out[key] = value === undefined ? true : value !== "false";
      continue;
    }
    if (value === undefined) value = argv[++i];
    if (value === undefined) throw usage(`--${key} needs a value`, defaults);
    if (typeof defaults[key] === "number") {
      const n = Number(value);
      if (!Number.isFinite(n)) throw usage(`--${key}: "${value}" is not a number`, defaults);
      out[key] = n;
    } else {
      out[key] = value;
    }
  }
  return out;
}

function usageText(defaults) {
  const opts = Object.entries(defaults).map(([k, v]) => `[--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${v}]`);
  return `usage: node ${path.relative(REPO_ROOT, process.argv[1])} [--check] ${opts.join(" ")}`;
}

function usage(message, defaults) {
  console.error(`${message}\n${usageText(defaults)}`);
  process.exit(2);
}

/** The command that reproduces this run, from the repo root. */
export function reproduceCommand() {
  const script = path.relative(REPO_ROOT, process.argv[1]);
  const flags = process.execArgv.length ? `${process.execArgv.join(" ")} ` : "";
  return ["node", `${flags}${script}`, ...process.argv.slice(2)].join(" ");
}

/** A Markdown table with aligned columns. Cells are strings or numbers. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((r) => r.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(3, ...cells.map((r) => r[i].length)));
  const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  return [line(cells[0]), `| ${widths.map((w) => "-".repeat(w)).join(" | ")} |`, ...cells.slice(1).map(line)].join("\n");
}

/** Fixed-point formatting with a unit, e.g. fmt(12.345, "ms") -> "12.3 ms". */
export function fmt(value, unit, digits) {
  if (!Number.isFinite(value)) return "n/a";
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return `${value.toFixed(d)} ${unit}`;
}

export function ratio(a, b) {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}x` : "n/a";
}

/**
 * Prints the header (title, command, machine), the measurement table and the
 * targets, and sets the exit code: 1 when a target failed and `--check` was
 * given, else 0.
 * @param {{ title: string, what?: string, headers: string[], rows: (string|number)[][],
 *           targets: { name: string, measured: string, limit: string, pass: boolean }[],
 *           notes?: string[], check: boolean }} r
 * @returns {boolean} whether every target passed
 */
export function report({ title, what, headers, rows, targets, notes = [], check }) {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  const out = [
    "",
    `## ${title}`,
    "",
    ...(what ? [what, ""] : []),
    `command: \`${reproduceCommand()}\``,
    `run: ${new Date().toISOString()} · node ${process.version} · ${os.cpus().length} cpus · load average ${load}`,
    "",
    table(headers, rows),
    "",
    table(
      ["target", "measured", "limit", "result"],
      targets.map((t) => [t.name, t.measured, t.limit, t.pass ? "PASS" : "FAIL"]),
    ),
  ];
  if (notes.length) out.push("", ...notes.map((n) => `- ${n}`));
  console.log(out.join("\n"));
  const allPass = targets.every((t) => t.pass);
  if (!allPass) {
    console.log(`\n${check ? "FAIL" : "FAIL (reported only; exit 0 without --check)"}`);
    if (check) process.exitCode = 1;
  } else {
    console.log("\nPASS");
  }
  return allPass;
}

/** Progress on stderr, so stdout stays the report. */
export function progress(message) {
  process.stderr.write(`${message}\n`);
}
