import { invalidAt } from "../errors.js";
import { compileGlob } from "../glob.js";
import { parseRfc3339 } from "../timestamp.js";
import type { Literal, Restriction } from "./ast.js";
import type { BoolField, EnumField, EnumValue, FieldSpec, IntField, MapField, StringField, TimestampField } from "./schema.js";

type Test<T> = (item: T) => boolean;
type Ordering = "<" | "<=" | ">" | ">=";

/**
 * Compiles one comparison against a field of the schema. The semantics, per kind:
 *
 * - string: `=`/`!=` compare exactly, `*` being a wildcard (AIP-160);
 *   `<`, `<=`, `>`, `>=` compare by UTF-16 code units; `:` is "contains"
 *   (AIP-160 defines `:` for repeated fields and maps; on a string, a
 *   substring test is the useful reading), and `field:*` means non-empty.
 * - map: needs a key, `labels.env` (or `labels."example.com/team"`; every
 *   segment after the map's name forms the key, so `labels.example.com/team`
 *   works too). A missing key fails every comparison except `!=`, so
 *   `labels.env != "prod"` matches items without the label, like `NOT labels.env = "prod"`.
 *   `labels:env` and `labels.env:*` mean "has the key env"; `labels:*` means
 *   "has any label"; `labels.env:prod` means the value is prod, as in AIP-160.
 * - enum: by name (`RUNNING` or the full proto name `PHASE_RUNNING`) with
 *   `=`, `!=` and `:` only; enums have no order.
 * - timestamp: RFC 3339, compared as instants; an unset timestamp fails every
 *   comparison except `!=`, and `field:*` means "is set".
 * - bool: `true` or `false` with `=`, `!=`, `:`.
 * - int: integers with every comparison; `:` is `=`.
 */
export function compileRestriction<T>(restriction: Restriction, spec: FieldSpec<T>, fieldNames: string): Test<T> {
  if (spec.kind !== "map") {
    const extra = restriction.path[1];
    if (extra !== undefined) {
      const field = restriction.path[0]?.name ?? "";
      throw invalidAt("filter", `field "${field}" has no subfields`, extra.position, `only map fields take a key; fields: ${fieldNames}`);
    }
  }
  switch (spec.kind) {
    case "string":
      return stringTest(spec, restriction);
    case "map":
      return mapTest(spec, restriction);
    case "enum":
      return enumTest(spec, restriction);
    case "timestamp":
      return timestampTest(spec, restriction);
    case "bool":
      return boolTest(spec, restriction);
    case "int":
      return intTest(spec, restriction);
  }
}

function fieldName(restriction: Restriction): string {
  return restriction.path.map((segment) => segment.name).join(".");
}

function unsupported(restriction: Restriction, kind: string, allowed: string): Error {
  return invalidAt(
    "filter",
    `operator "${restriction.comparator}" is not supported on ${kind} field "${fieldName(restriction)}"`,
    restriction.comparatorPosition,
    `use ${allowed}`,
  );
}

/** `value OP literal` for ordered values; the comparator is resolved once, not per item. */
function ordering<V extends string | number | bigint>(comparator: Ordering, literal: V): (value: V) => boolean {
  switch (comparator) {
    case "<":
      return (value) => value < literal;
    case "<=":
      return (value) => value <= literal;
    case ">":
      return (value) => value > literal;
    case ">=":
      return (value) => value >= literal;
  }
}

function stringTest<T>(spec: StringField<T>, restriction: Restriction): Test<T> {
  const get = spec.get;
  const literal = restriction.value.text;
  const comparator = restriction.comparator;
  if (comparator === "=" || comparator === "!=") {
    const matches = compileGlob(literal);
    return comparator === "=" ? (item) => matches(get(item)) : (item) => !matches(get(item));
  }
  if (comparator === ":") {
    if (literal === "*") {
      return (item) => get(item) !== "";
    }
    if (literal.includes("*")) {
      const matches = compileGlob(`*${literal}*`);
      return (item) => matches(get(item));
    }
    return (item) => get(item).includes(literal);
  }
  const compare = ordering(comparator, literal);
  return (item) => compare(get(item));
}

function mapTest<T>(spec: MapField<T>, restriction: Restriction): Test<T> {
  const get = spec.get;
  const literal = restriction.value.text;
  const comparator = restriction.comparator;
  const [map, ...keyPath] = restriction.path;
  if (keyPath.length === 0) {
    if (comparator !== ":") {
      throw invalidAt(
        "filter",
        `cannot compare map field "${map?.name ?? ""}" without a key`,
        restriction.comparatorPosition,
        `use ${map?.name ?? ""}.<key> ${comparator} value, or ${map?.name ?? ""}:<key> to test for a key`,
      );
    }
    if (literal === "*") {
      return (item) => Object.keys(get(item)).length > 0;
    }
    return (item) => typeof get(item)[literal] === "string";
  }
  const key = keyPath.map((segment) => segment.name).join(".");
  // typeof guards against inherited properties: labels.constructor is not a label.
  const read = (item: T): string | undefined => {
    const value = get(item)[key];
    return typeof value === "string" ? value : undefined;
  };
  if (comparator === ":" && literal === "*") {
    return (item) => read(item) !== undefined;
  }
  if ((comparator === "=" || comparator === "!=" || comparator === ":") && !literal.includes("*")) {
    // The common case, kept to one property read: a literal string never
    // equals a missing key (undefined) or an inherited property (a function).
    return comparator === "!=" ? (item) => get(item)[key] !== literal : (item) => get(item)[key] === literal;
  }
  if (comparator === "=" || comparator === "!=" || comparator === ":") {
    const matches = compileGlob(literal);
    const equal = (item: T): boolean => {
      const value = read(item);
      return value !== undefined && matches(value);
    };
    return comparator === "!=" ? (item) => !equal(item) : equal;
  }
  const compare = ordering(comparator, literal);
  return (item) => {
    const value = read(item);
    return value !== undefined && compare(value);
  };
}

function enumTest<T>(spec: EnumField<T>, restriction: Restriction): Test<T> {
  const comparator = restriction.comparator;
  if (comparator !== "=" && comparator !== "!=" && comparator !== ":") {
    throw unsupported(restriction, "enum", "= or !=; enums have no order");
  }
  const accepted = enumNames(spec);
  const target = accepted.get(restriction.value.text);
  if (target === undefined) {
    throw invalidValue(restriction, `expected one of: ${[...shortNames(spec)].join(", ")}`);
  }
  const get = spec.get;
  return comparator === "!=" ? (item) => get(item) !== target : (item) => get(item) === target;
}

/** Every accepted spelling of each enum value, mapped to what the getter returns. */
function enumNames<T>(spec: EnumField<T>): Map<string, EnumValue> {
  const names = new Map<string, EnumValue>();
  const prefix = spec.protoPrefix ?? "";
  for (const [name, value] of enumEntries(spec)) {
    names.set(name, value);
    if (prefix !== "") {
      names.set(prefix + name, value);
    }
  }
  return names;
}

function shortNames<T>(spec: EnumField<T>): string[] {
  return enumEntries(spec).map(([name]) => name);
}

function enumEntries<T>(spec: EnumField<T>): Array<[string, EnumValue]> {
  if (isNameList(spec.values)) {
    return spec.values.map((name) => [name, name]);
  }
  // A numeric TS enum also maps each number back to its name ("3" -> "RUNNING"); skip those.
  return Object.entries(spec.values).filter(([name]) => String(Number(name)) !== name);
}

function isNameList(values: EnumField<unknown>["values"]): values is readonly string[] {
  return Array.isArray(values);
}

function invalidValue(restriction: Restriction, expected: string): Error {
  const value: Literal = restriction.value;
  return invalidAt("filter", `invalid value ${JSON.stringify(value.text)} for "${fieldName(restriction)}"`, value.position, expected);
}

function timestampTest<T>(spec: TimestampField<T>, restriction: Restriction): Test<T> {
  const get = spec.get;
  const comparator = restriction.comparator;
  if (comparator === ":" && restriction.value.text === "*") {
    return (item) => get(item) !== undefined;
  }
  const literal = parseRfc3339(restriction.value.text);
  if (literal === undefined) {
    throw invalidValue(restriction, "expected an RFC 3339 timestamp such as 2026-01-02T15:04:05Z or 2026-01-02T15:04:05.5+02:00");
  }
  if (comparator === "=" || comparator === ":") {
    return (item) => get(item) === literal;
  }
  if (comparator === "!=") {
    return (item) => get(item) !== literal;
  }
  const compare = ordering(comparator, literal);
  return (item) => {
    const value = get(item);
    return value !== undefined && compare(value);
  };
}

function boolTest<T>(spec: BoolField<T>, restriction: Restriction): Test<T> {
  const comparator = restriction.comparator;
  if (comparator !== "=" && comparator !== "!=" && comparator !== ":") {
    throw unsupported(restriction, "bool", "= or !=");
  }
  const text = restriction.value.text.toLowerCase();
  if (text !== "true" && text !== "false") {
    throw invalidValue(restriction, "expected true or false");
  }
  const target = text === "true";
  const get = spec.get;
  return comparator === "!=" ? (item) => get(item) !== target : (item) => get(item) === target;
}

const INTEGER = /^[+-]?\d+$/;

function intTest<T>(spec: IntField<T>, restriction: Restriction): Test<T> {
  const text = restriction.value.text;
  if (!INTEGER.test(text)) {
    throw invalidValue(restriction, "expected an integer");
  }
  const asBigint = BigInt(text);
  const asNumber = Number(text);
  const get = spec.get;
  const comparator = restriction.comparator;
  if (comparator === "=" || comparator === ":") {
    // An int64 getter returns a bigint, an int32 one a number: compare each with the literal of its own type.
    return (item) => {
      const value = get(item);
      return typeof value === "bigint" ? value === asBigint : value === asNumber;
    };
  }
  if (comparator === "!=") {
    return (item) => {
      const value = get(item);
      return typeof value === "bigint" ? value !== asBigint : value !== asNumber;
    };
  }
  const compareNumber = ordering(comparator, asNumber);
  const compareBigint = ordering(comparator, asBigint);
  return (item) => {
    const value = get(item);
    return typeof value === "bigint" ? compareBigint(value) : compareNumber(value);
  };
}
