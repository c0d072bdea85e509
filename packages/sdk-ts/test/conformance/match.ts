/**
 * The scenario matching rules: subset match of proto JSON, dotted paths,
 * and `${var}` substitution (conformance/README.md, "Matching" and "Variables").
 */
import type { Json } from "./scenario.js";

/** Every difference between `expected` (a subset) and `actual`, as `path: reason`. */
export function mismatches(expected: Json, actual: Json | undefined, path = "$"): string[] {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return [`${path}: expected a list, got ${JSON.stringify(actual)}`];
    if (actual.length !== expected.length) return [`${path}: expected ${String(expected.length)} items, got ${String(actual.length)}: ${JSON.stringify(actual)}`];
    return expected.flatMap((e, i) => mismatches(e, actual[i], `${path}[${String(i)}]`));
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object" || Array.isArray(actual)) return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
    return Object.entries(expected).flatMap(([k, v]) => mismatches(v, actual[k], `${path}.${k}`));
  }
  // YAML types `1` as a number where proto JSON writes an int64 as "1": compare scalars by their text.
  if (actual === undefined || actual === null || typeof actual === "object" || String(actual) !== String(expected)) {
    return [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  return [];
}

/** The value at a dotted path (`response.vcluster.etag`, `0.name`), or undefined. */
export function at(value: Json | undefined, dotted: string): Json | undefined {
  let cur = value;
  for (const part of dotted.split(".")) {
    if (Array.isArray(cur)) cur = cur[Number(part)];
    else if (cur !== null && typeof cur === "object") cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** `${name}` replaced in every string; `${uuid}` is fresh each time; an unset variable throws. */
export function substitute(value: Json, vars: ReadonlyMap<string, string>): Json {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Za-z0-9_]+)\}/g, (_, name: string) => {
      if (name === "uuid") return crypto.randomUUID();
      const v = vars.get(name);
      if (v === undefined) throw new Error(`variable \${${name}} is not set`);
      return v;
    });
  }
  if (Array.isArray(value)) return value.map((v) => substitute(v, vars));
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, vars)]));
  return value;
}
