/**
 * `spec.values_override`: parsed when the request arrives (YAML or JSON,
 * whose top level must be a mapping), refused when it sets a key on the
 * server's deny list (the key or anything under it), and handed to the
 * driver's values check (the kubernetes driver backs it with the chart's
 * values.schema.json).
 */
import { LineCounter, parseDocument, isMap, isPair, isScalar, type Node } from "yaml";
import { invalidArgument } from "../errors.js";

const FIELD = "spec.values_override";

/** One problem the driver found in the merged values. */
export interface ValuesViolation {
  /** Dot-separated key path in vcluster.yaml, e.g. `controlPlane.statefulSet.resources`. */
  path: string;
  message: string;
}

/** Parses `text`; INVALID_ARGUMENT with line and column when it is not YAML or its top level is not a mapping. */
export function parseValuesOverride(text: string): Record<string, unknown> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  const error = doc.errors[0];
  if (error) {
    const at = lines.linePos(error.pos[0]);
    throw invalidArgument(`${FIELD}: not valid YAML at line ${at.line}, column ${at.col}: ${firstLine(error.message)}`);
  }
  if (doc.contents === null) return {};
  if (!isMap(doc.contents)) {
    throw invalidArgument(`${FIELD}: the top level must be a mapping of vcluster.yaml keys, not ${kindOf(doc.contents)}`);
  }
  const value: unknown = doc.toJS();
  return (value ?? {}) as Record<string, unknown>;
}

/** INVALID_ARGUMENT naming the first key path of `values` that is `denied` or under a denied one. */
export function checkDeniedKeys(values: Record<string, unknown>, denied: readonly string[]): void {
  const deny = new Set(denied);
  const walk = (node: unknown, prefix: string): void => {
    if (node === null || typeof node !== "object" || Array.isArray(node)) return;
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (deny.has(path)) {
        throw invalidArgument(`${FIELD}: key "${path}" may not be set on this server (denied keys: ${denied.join(", ")})`);
      }
      walk(child, path);
    }
  };
  walk(values, "");
}

/** INVALID_ARGUMENT listing the driver's violations of the merged values. */
export function throwValuesViolations(violations: readonly ValuesViolation[]): void {
  if (violations.length === 0) return;
  throw invalidArgument(`${FIELD}: the merged values do not match the chart's values schema: ${violations.map((v) => `${v.path || "(root)"}: ${v.message}`).join("; ")}`);
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

function kindOf(node: Node): string {
  if (isScalar(node)) return `a scalar (${JSON.stringify(node.value)})`;
  if (isPair(node)) return "a pair";
  return "a sequence";
}
