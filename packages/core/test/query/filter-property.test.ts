import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { compileFilter } from "./query.js";
import { at, itemSchema, pick, random, type Item } from "./helpers.js";

// Random filters are generated as trees together with their meaning, rendered
// to text with random spelling (AND or juxtaposition, NOT or -, optional
// parentheses, spacing), and compileFilter's verdict is compared with a naive
// evaluation of the tree on random items. Parentheses are only omitted where
// AIP-160 precedence (OR tighter than AND) makes them unnecessary, so this also
// checks precedence.

type Next = () => number;

interface Leaf {
  readonly type: "leaf";
  readonly text: string;
  readonly holds: (item: Item) => boolean;
}
type Tree = Leaf | { readonly type: "not"; readonly child: Tree } | { readonly type: "and" | "or"; readonly children: readonly Tree[] };

const NAMES = ["projects/p/vclusters/dev-1", "projects/p/vclusters/dev-2", "projects/p/vclusters/prod", "projects/q/vclusters/dev-1", ""];
const TITLES = ["Dev", "Development", "prod box", "", "a*b"];
const LABEL_KEYS = ["env", "tier", "example.com/team"];
const LABEL_VALUES = ["prod", "dev", "gold", "", "prod-eu"];
const PHASES = ["PENDING", "RUNNING", "FAILED"] as const;
const TIMES = ["2026-01-01T00:00:00Z", "2026-01-02T15:04:05Z", "2026-01-02T15:04:05.5Z", "2026-06-30T23:59:59.999999Z"];
const ORDERINGS = ["<", "<=", ">", ">="] as const;

/** Reference instants, exact: microseconds since the epoch as a bigint, from Date.parse of the whole seconds plus the fraction's digits. */
function referenceMicros(time: string): bigint {
  const match = /^(.*?)(?:\.(\d+))?Z$/.exec(time);
  if (match === null) throw new Error(time);
  return BigInt(Date.parse(`${match[1]}Z`)) * 1000n + BigInt((match[2] ?? "").padEnd(6, "0").slice(0, 6));
}
/** The items' create_time (epoch millis from the code under test) back to the reference instant it was made from. */
const CREATED_MICROS = new Map(TIMES.map((time) => [at(time), referenceMicros(time)]));

function randomItem(next: Next): Item {
  const labels: Record<string, string> = {};
  for (const key of LABEL_KEYS) {
    if (next() < 0.6) {
      labels[key] = pick(next, LABEL_VALUES);
    }
  }
  return {
    name: pick(next, NAMES),
    title: pick(next, TITLES),
    labels,
    phase: pick(next, PHASES),
    created: next() < 0.2 ? undefined : at(pick(next, TIMES)),
    ready: next() < 0.5,
    replicas: Math.floor(next() * 5) - 1,
    bytes: BigInt(Math.floor(next() * 5)) * 1_000_000_000_000n,
  };
}

/** A shell-style glob as a RegExp: the reference for `*`. Inputs here are tiny, so backtracking is harmless. */
function globRegExp(pattern: string): RegExp {
  return new RegExp(`^${pattern.split("*").map((piece) => piece.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`, "s");
}

function compare(op: string, a: string | number | bigint, b: string | number | bigint): boolean {
  switch (op) {
    case "<":
      return a < b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case ">=":
      return a >= b;
    default:
      throw new Error(op);
  }
}

function quote(next: Next, text: string): string {
  const plain = /^[A-Za-z0-9_./*-]+$/.test(text) && !/^(AND|OR|NOT)$/.test(text) && !text.startsWith("-");
  if (plain && next() < 0.5) {
    return text;
  }
  return next() < 0.5 ? JSON.stringify(text) : `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function space(next: Next): string {
  return pick(next, ["", " ", "  "]);
}

function leaf(next: Next): Leaf {
  const kind = Math.floor(next() * 7);
  switch (kind) {
    case 0: {
      const field = pick(next, ["name", "title"] as const);
      const op = pick(next, ["=", "!=", ":", ...ORDERINGS]);
      const pool =
        field === "name"
          ? [...NAMES, "projects/p/*", "*dev-1", "projects/*/vclusters/dev*", "*", "vclusters/dev", "dev-1"]
          : [...TITLES, "Dev*", "*o*", "*", "velop", "box", "o"];
      const value = pick(next, pool);
      const text = `${field}${space(next)}${op}${space(next)}${quote(next, value)}`;
      const get = (item: Item): string => item[field];
      if (op === "=") return { type: "leaf", text, holds: (item) => globRegExp(value).test(get(item)) };
      if (op === "!=") return { type: "leaf", text, holds: (item) => !globRegExp(value).test(get(item)) };
      if (op === ":") {
        return { type: "leaf", text, holds: (item) => (value === "*" ? get(item).length > 0 : globRegExp(`*${value}*`).test(get(item))) };
      }
      return { type: "leaf", text, holds: (item) => compare(op, get(item), value) };
    }
    case 1: {
      const key = pick(next, LABEL_KEYS);
      const keyText = key.includes("/") && next() < 0.5 ? JSON.stringify(key) : key;
      const form = Math.floor(next() * 4);
      if (form === 0) {
        return { type: "leaf", text: `labels:${keyText}`, holds: (item) => Object.hasOwn(item.labels, key) };
      }
      if (form === 1) {
        return { type: "leaf", text: `labels.${keyText}:*`, holds: (item) => Object.hasOwn(item.labels, key) };
      }
      const op = pick(next, ["=", "!=", ":", ...ORDERINGS]);
      const value = pick(next, [...LABEL_VALUES, "prod*", "*o*"]);
      const text = `labels.${keyText}${space(next)}${op}${space(next)}${quote(next, value)}`;
      const get = (item: Item): string | undefined => (Object.hasOwn(item.labels, key) ? item.labels[key] : undefined);
      if (op === "!=") {
        return { type: "leaf", text, holds: (item) => get(item) === undefined || !globRegExp(value).test(get(item) as string) };
      }
      if (op === "=" || op === ":") {
        return { type: "leaf", text, holds: (item) => get(item) !== undefined && globRegExp(value).test(get(item) as string) };
      }
      return { type: "leaf", text, holds: (item) => get(item) !== undefined && compare(op, get(item) as string, value) };
    }
    case 2: {
      const phase = pick(next, PHASES);
      const op = pick(next, ["=", "!=", ":"]);
      const spelled = next() < 0.3 ? `PHASE_${phase}` : phase;
      const text = `phase${space(next)}${op}${space(next)}${quote(next, spelled)}`;
      return { type: "leaf", text, holds: (item) => (op === "!=" ? item.phase !== phase : item.phase === phase) };
    }
    case 3: {
      if (next() < 0.15) {
        return { type: "leaf", text: "create_time:*", holds: (item) => item.created !== undefined };
      }
      const time = pick(next, TIMES);
      const op = pick(next, ["=", "!=", ...ORDERINGS]);
      const text = `create_time${space(next)}${op}${space(next)}${quote(next, time)}`;
      const literal = referenceMicros(time);
      const created = (item: Item): bigint | undefined => (item.created === undefined ? undefined : CREATED_MICROS.get(item.created));
      if (op === "=") return { type: "leaf", text, holds: (item) => created(item) === literal };
      if (op === "!=") return { type: "leaf", text, holds: (item) => created(item) !== literal };
      return { type: "leaf", text, holds: (item) => created(item) !== undefined && compare(op, created(item) as bigint, literal) };
    }
    case 4: {
      const value = next() < 0.5;
      const op = pick(next, ["=", "!="]);
      const text = `ready${space(next)}${op}${space(next)}${value}`;
      return { type: "leaf", text, holds: (item) => (op === "=" ? item.ready === value : item.ready !== value) };
    }
    case 5: {
      const value = Math.floor(next() * 5) - 1;
      const op = pick(next, ["=", "!=", ...ORDERINGS]);
      const text = `replicas${space(next)}${op}${space(next)}${value}`;
      if (op === "=") return { type: "leaf", text, holds: (item) => item.replicas === value };
      if (op === "!=") return { type: "leaf", text, holds: (item) => item.replicas !== value };
      return { type: "leaf", text, holds: (item) => compare(op, item.replicas, value) };
    }
    default: {
      const value = BigInt(Math.floor(next() * 5)) * 1_000_000_000_000n;
      const op = pick(next, ["=", "!=", ...ORDERINGS]);
      const text = `size_bytes${space(next)}${op}${space(next)}${value}`;
      if (op === "=") return { type: "leaf", text, holds: (item) => item.bytes === value };
      if (op === "!=") return { type: "leaf", text, holds: (item) => item.bytes !== value };
      return { type: "leaf", text, holds: (item) => compare(op, item.bytes, value) };
    }
  }
}

function tree(next: Next, depth: number): Tree {
  const roll = next();
  if (depth <= 0 || roll < 0.35) {
    return leaf(next);
  }
  if (roll < 0.5) {
    return { type: "not", child: tree(next, depth - 1) };
  }
  const count = 2 + Math.floor(next() * 3);
  const children = Array.from({ length: count }, () => tree(next, depth - 1));
  return { type: roll < 0.75 ? "and" : "or", children };
}

function holds(node: Tree, item: Item): boolean {
  switch (node.type) {
    case "leaf":
      return node.holds(item);
    case "not":
      return !holds(node.child, item);
    case "and":
      return node.children.every((child) => holds(child, item));
    case "or":
      return node.children.some((child) => holds(child, item));
  }
}

function parens(next: Next, text: string, required: boolean): string {
  return required || next() < 0.15 ? `(${space(next)}${text}${space(next)})` : text;
}

function render(next: Next, node: Tree): string {
  switch (node.type) {
    case "leaf":
      return parens(next, node.text, false);
    case "not": {
      const simple = node.child.type === "leaf" || node.child.type === "not";
      const operand = parens(next, render(next, node.child), !simple);
      return next() < 0.5 ? `NOT ${operand}` : `-${operand}`;
    }
    case "or":
      // Inside OR, an AND child needs parentheses; an OR child does not.
      return node.children.map((child) => parens(next, render(next, child), child.type === "and")).join(" OR ");
    case "and": {
      // Inside AND, nothing needs parentheses: OR binds tighter, and AND is associative.
      const parts = node.children.map((child) => parens(next, render(next, child), false));
      return parts.reduce((text, part) => `${text}${next() < 0.5 ? " AND " : pick(next, [" ", "  ", "\t"])}${part}`);
    }
  }
}

describe("compileFilter agrees with a naive evaluator on random filters", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("seed %i: 400 filters × 40 items", (seed) => {
    const next = random(seed);
    const items = Array.from({ length: 40 }, () => randomItem(next));
    for (let round = 0; round < 400; round++) {
      const expression = tree(next, 4);
      const text = render(next, expression);
      const predicate = compileFilter(text, itemSchema);
      for (const target of items) {
        if (predicate(target) !== holds(expression, target)) {
          expect.fail(`seed ${seed}, round ${round}: ${text}\nitem: ${JSON.stringify(target, (_, v: unknown) => (typeof v === "bigint" ? `${v}n` : v))}\ncompiled: ${predicate(target)}, reference: ${holds(expression, target)}`);
        }
      }
    }
  });
});

describe("random garbage never crashes", () => {
  const PIECES = ["(", ")", " ", " AND ", " OR ", "NOT ", "-", "=", "!=", "<", ">=", ":", '"', "'", "\\", ",", ".", "!", "*",
    "ready", "labels", "labels.env", "phase", "RUNNING", "true", "3", "create_time", "2026-01-02T15:04:05Z", "x", "\u00e9", "\u{1F600}"];

  it.each([11, 12, 13, 14])("seed %i: 3000 strings either compile or fail with INVALID_ARGUMENT and a position inside the text", (seed) => {
    const next = random(seed);
    const items = Array.from({ length: 5 }, () => randomItem(next));
    let compiled = 0;
    for (let round = 0; round < 3000; round++) {
      const text = Array.from({ length: 1 + Math.floor(next() * 12) }, () => pick(next, PIECES)).join("");
      try {
        const predicate = compileFilter(text, itemSchema);
        compiled++;
        for (const target of items) {
          expect(typeof predicate(target)).toBe("boolean");
        }
      } catch (error) {
        if (!(error instanceof ConnectError) || error.code !== Code.InvalidArgument) {
          expect.fail(`seed ${seed}, round ${round}: ${JSON.stringify(text)} threw ${String(error)}`);
        }
        const position = / at position (\d+)/.exec(error.rawMessage);
        expect(position, error.rawMessage).not.toBeNull();
        expect(Number(position?.[1])).toBeLessThanOrEqual(text.length);
      }
    }
    // Both outcomes are exercised.
    expect(compiled).toBeGreaterThan(0);
    expect(compiled).toBeLessThan(3000);
  });
});
