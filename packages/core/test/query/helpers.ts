import { Code, ConnectError } from "@connectrpc/connect";
import { expect } from "vitest";
import { compileFilter, parseRfc3339, type FilterSchema } from "./query.js";

/** A resource with one field of every kind a filter schema supports. */
export interface Item {
  name: string;
  title: string;
  labels: Record<string, string>;
  phase: "PENDING" | "RUNNING" | "FAILED";
  /** Epoch millis, undefined when unset. */
  created: number | undefined;
  ready: boolean;
  replicas: number;
  bytes: bigint;
}

export const itemSchema: FilterSchema<Item> = {
  name: { kind: "string", get: (item) => item.name },
  title: { kind: "string", get: (item) => item.title },
  labels: { kind: "map", get: (item) => item.labels },
  phase: { kind: "enum", values: ["PENDING", "RUNNING", "FAILED"], protoPrefix: "PHASE_", get: (item) => item.phase },
  create_time: { kind: "timestamp", get: (item) => item.created },
  ready: { kind: "bool", get: (item) => item.ready },
  replicas: { kind: "int", get: (item) => item.replicas },
  size_bytes: { kind: "int", get: (item) => item.bytes },
};

export function item(overrides: Partial<Item> = {}): Item {
  return {
    name: "projects/p/vclusters/dev-1",
    title: "Development cluster",
    labels: { env: "prod", "example.com/team": "platform", tier: "gold" },
    phase: "RUNNING",
    created: at("2026-01-02T15:04:05Z"),
    ready: true,
    replicas: 3,
    bytes: 5_000_000_000n,
    ...overrides,
  };
}

export function at(rfc3339: string): number {
  const millis = parseRfc3339(rfc3339);
  if (millis === undefined) {
    throw new Error(`bad test timestamp ${rfc3339}`);
  }
  return millis;
}

/** Whether `filter` matches `target` under the item schema. */
export function matches(filter: string, target: Item = item()): boolean {
  return compileFilter(filter, itemSchema)(target);
}

/** Runs `fn`, expects an INVALID_ARGUMENT ConnectError, and returns its message without the code prefix. */
export function invalidArgument(fn: () => unknown): string {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected INVALID_ARGUMENT, but nothing was thrown").toBeInstanceOf(ConnectError);
  const error = thrown as ConnectError;
  expect(error.code).toBe(Code.InvalidArgument);
  return error.rawMessage;
}

/** The 0-based position an error message points at. */
export function positionOf(message: string): number {
  const match = / at position (\d+)/.exec(message);
  if (match === null) {
    throw new Error(`no position in: ${message}`);
  }
  return Number(match[1]);
}

/** A small deterministic PRNG (mulberry32), so a failing random test can be replayed from its seed. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<V>(next: () => number, values: readonly V[]): V {
  return values[Math.floor(next() * values.length)] as V;
}
