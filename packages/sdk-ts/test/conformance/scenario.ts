/**
 * Reads conformance/scenarios/*.yaml (format: conformance/README.md) and
 * checks each file's shape strictly: an unknown key, step kind or expectation
 * is an error, so a scenario can never be silently half-run.
 */
import { readdirSync, readFileSync } from "node:fs";
import { parse } from "yaml";
import { REPO_ROOT } from "../helpers/mock-process.js";

export const SCENARIO_DIR = `${REPO_ROOT}conformance/scenarios/`;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface Expect {
  response?: Json;
  /** Only for `wait`: the Operation's metadata. */
  metadata?: Json;
  items?: Json[];
  events?: Json[];
  code?: string;
  message?: string;
  violations?: { field: string; rule?: string }[];
  absent?: string[];
}

export type StepKind = "call" | "wait" | "list" | "watch";

export interface Step {
  kind: StepKind;
  /** `Service.Method` for call/list/watch, the operation name for wait. */
  target: string;
  request: Json;
  events?: number;
  save: Record<string, string>;
  expect?: Expect;
}

export interface Scenario {
  name: string;
  description: string;
  steps: Step[];
}

const KINDS: StepKind[] = ["call", "wait", "list", "watch"];
const STEP_KEYS = new Set([...KINDS, "request", "events", "save", "expect"]);
const EXPECT_KEYS = new Set(["response", "metadata", "items", "events", "code", "message", "violations", "absent"]);

export function scenarioFiles(): string[] {
  return readdirSync(SCENARIO_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .sort();
}

export function loadScenario(file: string): Scenario {
  const doc = parse(readFileSync(`${SCENARIO_DIR}${file}`, "utf8")) as Record<string, unknown>;
  const where = (msg: string) => new Error(`${file}: ${msg}`);
  for (const key of Object.keys(doc)) if (!["name", "description", "steps"].includes(key)) throw where(`unknown key ${key}`);
  if (doc["name"] !== file.replace(/\.yaml$/, "")) throw where(`name ${String(doc["name"])} is not the file name`);
  if (!Array.isArray(doc["steps"]) || doc["steps"].length === 0) throw where("no steps");
  const steps = (doc["steps"] as Record<string, unknown>[]).map((raw, i) => parseStep(raw, (m) => where(`step ${String(i + 1)}: ${m}`)));
  return { name: doc["name"], description: String(doc["description"] ?? ""), steps };
}

function parseStep(raw: Record<string, unknown>, where: (msg: string) => Error): Step {
  for (const key of Object.keys(raw)) if (!STEP_KEYS.has(key)) throw where(`unknown step key ${key}`);
  const kinds = KINDS.filter((k) => k in raw);
  const kind = kinds[0];
  if (kind === undefined || kinds.length !== 1) throw where(`a step needs exactly one of ${KINDS.join(", ")}`);
  if (typeof raw[kind] !== "string") throw where(`${kind} must be a string`);
  if (kind === "watch" && typeof raw["events"] !== "number") throw where("watch needs events: <number>");
  const expect = raw["expect"] as Record<string, unknown> | undefined;
  for (const key of Object.keys(expect ?? {})) if (!EXPECT_KEYS.has(key)) throw where(`unknown expect key ${key}`);
  return {
    kind,
    target: raw[kind],
    request: (raw["request"] ?? {}) as Json,
    ...(typeof raw["events"] === "number" ? { events: raw["events"] } : {}),
    save: (raw["save"] ?? {}) as Record<string, string>,
    ...(expect ? { expect: expect as Expect } : {}),
  };
}
