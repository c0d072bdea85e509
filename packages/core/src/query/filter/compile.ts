import { invalidAt } from "../errors.js";
import type { FilterNode } from "./ast.js";
import { parseFilter } from "./parser.js";
import { compileRestriction } from "./restrictions.js";
import type { FilterSchema, Predicate } from "./schema.js";

const matchAll: Predicate<unknown> = Object.assign(() => true, { matchesAll: true as const });

/**
 * Compiles an AIP-160 filter against a schema into a predicate. Compile once
 * per request: every error (syntax, unknown field, bad value) surfaces here as
 * INVALID_ARGUMENT with a 0-based position, and the returned closure does no
 * parsing or lookups, since a list evaluates it once per item.
 *
 * An empty or blank filter returns a predicate marked `matchesAll`.
 */
export function compileFilter<T>(text: string, schema: FilterSchema<T>): Predicate<T> {
  const ast = parseFilter(text);
  if (ast === undefined) {
    return matchAll;
  }
  const fieldNames = Object.keys(schema).join(", ");
  return compileNode(ast, schema, fieldNames);
}

// Recursion depth is bounded: the parser refuses more than MAX_FILTER_DEPTH
// levels of parentheses and NOT, and AND/OR chains are flat arrays.
function compileNode<T>(node: FilterNode, schema: FilterSchema<T>, fieldNames: string): (item: T) => boolean {
  switch (node.type) {
    case "restriction": {
      const field = node.path[0];
      const name = field?.name ?? "";
      const spec = Object.hasOwn(schema, name) ? schema[name] : undefined;
      if (field === undefined || spec === undefined) {
        throw invalidAt("filter", `unknown field ${JSON.stringify(name)}`, field?.position ?? 0, `expected one of: ${fieldNames}`);
      }
      return compileRestriction(node, spec, fieldNames);
    }
    case "not": {
      const child = compileNode(node.child, schema, fieldNames);
      return (item) => !child(item);
    }
    case "and":
      return conjunction(node.children.map((child) => compileNode(child, schema, fieldNames)));
    case "or":
      return disjunction(node.children.map((child) => compileNode(child, schema, fieldNames)));
  }
}

// Two-operand chains are by far the most common; a direct call avoids the loop.
function conjunction<T>(tests: ReadonlyArray<(item: T) => boolean>): (item: T) => boolean {
  const [first, second] = tests;
  if (tests.length === 2 && first !== undefined && second !== undefined) {
    return (item) => first(item) && second(item);
  }
  return (item) => {
    for (const test of tests) {
      if (!test(item)) {
        return false;
      }
    }
    return true;
  };
}

function disjunction<T>(tests: ReadonlyArray<(item: T) => boolean>): (item: T) => boolean {
  const [first, second] = tests;
  if (tests.length === 2 && first !== undefined && second !== undefined) {
    return (item) => first(item) || second(item);
  }
  return (item) => {
    for (const test of tests) {
      if (test(item)) {
        return true;
      }
    }
    return false;
  };
}
