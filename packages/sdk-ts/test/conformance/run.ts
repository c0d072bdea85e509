/**
 * Runs one scenario through the high-level client: `call` uses the client's
 * method (a long-running one gives its Operation message, a paged one its
 * first page), `wait` the client's operation wait, `list` its pager, `watch`
 * its resumable watch.
 */
import { fromJson, toJson, type DescMessage, type DescMethod, type DescService, type JsonValue } from "@bufbuild/protobuf";
import {
  ConnectError,
  HostClusterService,
  OperationSchema,
  OperationService,
  ProjectService,
  SnapshotService,
  VClusterService,
  WatchVClustersResponseSchema,
  codeName,
  violationsOf,
  LongRunningOperation,
  type OpenVClusterClient,
  type Pager,
} from "../../src/index.js";
import { at, mismatches, substitute } from "./match.js";
import type { Expect, Json, Scenario, Step } from "./scenario.js";

const SERVICES: DescService[] = [VClusterService, SnapshotService, OperationService, ProjectService, HostClusterService];
const WATCH_TIMEOUT_MS = 20_000;

type Outcome = { ok: true; json: Json } | { ok: false; error: ConnectError };

function findMethod(target: string): DescMethod {
  const [service, method] = target.split(".");
  const desc = SERVICES.find((s) => s.name === service)?.methods.find((m) => m.name === method);
  if (desc === undefined) throw new Error(`unknown RPC ${target}`);
  return desc;
}

function json(schema: DescMessage, message: unknown): Json {
  return toJson(schema, message as never) as Json;
}

function itemSchema(method: DescMethod): DescMessage {
  const field = method.output.fields.find((f) => f.fieldKind === "list" && f.listKind === "message");
  if (field?.message === undefined) throw new Error(`${method.name} does not list messages`);
  return field.message;
}

async function execute(client: OpenVClusterClient, step: Step, vars: Map<string, string>): Promise<Outcome> {
  const calls = client as unknown as Record<string, (req: unknown, opts?: unknown) => unknown>;
  try {
    if (step.kind === "wait") {
      const op = client.operation(substitute(step.target, vars) as string);
      await op.wait({ timeoutMs: WATCH_TIMEOUT_MS });
      return { ok: true, json: json(OperationSchema, op.latest) };
    }
    const method = findMethod(step.target);
    const request = fromJson(method.input, substitute(step.request, vars) as JsonValue);
    const call = calls[method.localName];
    if (call === undefined) throw new Error(`the client has no ${method.localName}`);
    if (step.kind === "list") {
      const items = await (call(request) as Pager<unknown, unknown>).all();
      const schema = itemSchema(method);
      return { ok: true, json: items.map((i) => json(schema, i)) };
    }
    if (step.kind === "watch") {
      const events: Json[] = [];
      for await (const e of call(request, { signal: AbortSignal.timeout(WATCH_TIMEOUT_MS) }) as AsyncIterable<unknown>) {
        events.push(json(WatchVClustersResponseSchema, e));
        if (events.length >= (step.events ?? 0)) break;
      }
      return { ok: true, json: events };
    }
    const result = call(request);
    if (result instanceof Promise) {
      const value: unknown = await result;
      if (value instanceof LongRunningOperation) return { ok: true, json: json(OperationSchema, value.latest) };
      return { ok: true, json: json(method.output, value) };
    }
    // A paged method: `call` means one RPC, its first page.
    for await (const page of (result as Pager<unknown, unknown>).pages()) return { ok: true, json: json(method.output, page) };
    throw new Error("no page");
  } catch (err) {
    if (err instanceof ConnectError) return { ok: false, error: err };
    throw err;
  }
}

function subset(expected: Json | undefined, actual: Json | undefined): string[] {
  return expected === undefined ? [] : mismatches(expected, actual);
}

function check({ kind, expect }: Step, outcome: Outcome, vars: Map<string, string>): string[] {
  const want = expect ? (substitute(expect as Json, vars) as Expect) : undefined;
  const code = want?.code ?? "OK";
  if (!outcome.ok) {
    const e = outcome.error;
    if (code === "OK") return [`failed: ${e.message}`];
    const problems: string[] = [];
    if (codeName(e.code) !== code) problems.push(`code ${codeName(e.code)}, want ${code} (${e.message})`);
    if (want?.message !== undefined && !e.message.includes(want.message)) problems.push(`message ${JSON.stringify(e.message)} lacks ${JSON.stringify(want.message)}`);
    const violations = violationsOf(e);
    for (const v of want?.violations ?? []) {
      if (!violations.some((a) => a.field === v.field && (v.rule === undefined || a.rule === v.rule))) {
        problems.push(`no violation ${JSON.stringify(v)} among ${JSON.stringify(violations)}`);
      }
    }
    return problems;
  }
  if (code !== "OK") return [`succeeded, want ${code}: ${JSON.stringify(outcome.json)}`];
  const problems =
    kind === "wait"
      ? // A wait's result is the Operation JSON; `response` and `metadata` match its fields of those names.
        [...subset(want?.response, at(outcome.json, "response")), ...subset(want?.metadata, at(outcome.json, "metadata"))]
      : subset(want?.response ?? want?.items ?? want?.events, outcome.json);
  for (const path of want?.absent ?? []) if (at(outcome.json, path) !== undefined) problems.push(`${path} is set: ${JSON.stringify(at(outcome.json, path))}`);
  return problems;
}

/** Runs every step; throws with the step number and every mismatch at the first step that fails. */
export async function runScenario(client: OpenVClusterClient, scenario: Scenario, project: string): Promise<void> {
  const vars = new Map([["project", project]]);
  for (const [i, step] of scenario.steps.entries()) {
    const outcome = await execute(client, step, vars);
    const problems = check(step, outcome, vars);
    if (problems.length > 0) throw new Error(`${scenario.name} step ${String(i + 1)} (${step.kind} ${step.target}):\n  ${problems.join("\n  ")}`);
    for (const [name, path] of Object.entries(step.save)) {
      const value = outcome.ok ? at(outcome.json, path) : undefined;
      if (value === undefined || value === null || typeof value === "object") {
        throw new Error(`${scenario.name} step ${String(i + 1)}: save ${name}: nothing at ${path}`);
      }
      vars.set(name, String(value));
    }
  }
}
