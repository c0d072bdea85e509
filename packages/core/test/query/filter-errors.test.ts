import { describe, expect, it } from "vitest";
import { compileFilter, MAX_FILTER_DEPTH, MAX_FILTER_TOKENS } from "./query.js";
import { invalidArgument, item, itemSchema, positionOf } from "./helpers.js";

function filterError(filter: string): string {
  return invalidArgument(() => compileFilter(filter, itemSchema));
}

describe("filter errors: INVALID_ARGUMENT with the 0-based position", () => {
  it.each<[string, string, number, RegExp]>([
    // Unknown fields.
    ["labelz = 1", "unknown field", 0, /expected one of: name, title, labels, phase, create_time, ready, replicas, size_bytes/],
    ["ready = true AND labelz = 1", "unknown field", 17, /labelz/],
    ["(ready = true) OR (nope:*)", "unknown field", 19, /"nope"/],
    ["title.sub = x", "has no subfields", 6, /only map fields take a key/],
    // Parentheses.
    ["(ready = true", 'unbalanced "("', 0, /expected a matching "\)"/],
    ["((ready = true)", 'unbalanced "("', 0, /matching/],
    ["ready = true)", 'unbalanced ")"', 12, /no matching "\("/],
    ["(ready = true))", 'unbalanced ")"', 14, /no matching/],
    ["()", 'empty "()"', 0, /expected a restriction/],
    ["(ready = true = false)", 'unbalanced "("', 0, /found "=" at position 14/],
    // Dangling and misplaced operators.
    ["ready = true AND", 'dangling "AND"', 13, /expected a restriction/],
    ["ready = true OR", 'dangling "OR"', 13, /after it/],
    ["NOT", 'dangling "NOT"', 0, /after it/],
    ["ready = true -", 'dangling "-"', 13, /after it/],
    ["AND ready = true", 'unexpected "AND"', 0, /expected a restriction/],
    ["OR ready = true", 'unexpected "OR"', 0, /expected a restriction/],
    ["ready = true AND AND replicas = 1", 'unexpected "AND"', 17, /expected a restriction/],
    ["ready = true OR AND replicas = 1", 'unexpected "AND"', 16, /expected a restriction/],
    ["ready = true AND OR replicas = 1", 'unexpected "OR"', 17, /expected a restriction/],
    ["NOT AND ready = true", 'unexpected "AND"', 4, /expected a restriction/],
    ["ready = true = false", 'unexpected "="', 13, /expected a restriction/],
    ['ready = true "x"', 'unexpected string "x"', 13, /expected a restriction/],
    ['"title" = x', 'unexpected string "title"', 0, /expected a restriction/],
    // Comparisons.
    ["ready", 'expected a comparison after "ready" but found the end of the filter', 5, /=, !=, <, <=, >, >=, :/],
    ["ready true", 'expected a comparison after "ready" but found "true"', 6, /=, !=/],
    ["ready = 1 and replicas = 2", 'expected a comparison after "and" but found "replicas"', 14, /=, !=/],
    ["f(x)", 'expected a comparison after "f" but found "("', 1, /=, !=/],
    ["ready =", 'expected a value after "=" but found the end of the filter', 7, /expected a value such as/],
    ["ready = = true", 'expected a value after "="', 8, /expected a value/],
    ["ready == true", 'expected a value after "="', 7, /expected a value/],
    ["ready = (true)", 'expected a value after "=" but found "("', 8, /expected a value/],
    ["ready = NOT", 'expected a value after "=" but found "NOT"', 8, /quote it/],
    ["title = AND", 'expected a value after "=" but found "AND"', 8, /quote it/],
    ["ready ! true", 'unexpected "!"', 6, /expected "!="/],
    ["ready = true, replicas = 1", 'unexpected ","', 12, /not supported/],
    // Strings.
    ['title = "abc', "unterminated string", 8, /closing double quote/],
    ["title = 'abc", "unterminated string", 8, /closing single quote/],
    ['title = "abc\\"', "unterminated string", 8, /closing double quote/],
    ['title = "abc\\', "unterminated string", 8, /closing/],
    ['ready = true AND title = "', "unterminated string", 25, /closing/],
    // Field paths.
    ["labels..env = x", "empty field name", 7, /between the dots/],
    [".env = x", "empty field name", 0, /between the dots/],
    ["labels. = x", "empty field name", 7, /between the dots/],
    // Maps without a key.
    ["labels = prod", 'cannot compare map field "labels" without a key', 7, /labels\.<key> = value, or labels:<key>/],
    ["labels != prod", "without a key", 7, /labels\.<key> != value/],
    ["labels < prod", "without a key", 7, /labels:<key>/],
    // Enums.
    ["phase < RUNNING", 'operator "<" is not supported on enum field "phase"', 6, /use = or !=; enums have no order/],
    ["phase >= RUNNING", 'operator ">=" is not supported', 6, /enums have no order/],
    ["phase = RUNING", 'invalid value "RUNING" for "phase"', 8, /expected one of: PENDING, RUNNING, FAILED/],
    ["phase = running", 'invalid value "running"', 8, /PENDING, RUNNING, FAILED/],
    ["phase = *", 'invalid value "*"', 8, /expected one of/],
    // Bools and ints.
    ["ready < true", 'operator "<" is not supported on bool field "ready"', 6, /use = or !=/],
    ["ready = yes", 'invalid value "yes" for "ready"', 8, /expected true or false/],
    ["replicas = 1.5", 'invalid value "1.5" for "replicas"', 11, /expected an integer/],
    ["replicas = three", 'invalid value "three"', 11, /expected an integer/],
    ["size_bytes > 1e9", 'invalid value "1e9"', 13, /expected an integer/],
    // Timestamps.
    ["create_time > 2026-13-01T00:00:00Z", 'invalid value "2026-13-01T00:00:00Z" for "create_time"', 14, /RFC 3339/],
    ["create_time > yesterday", 'invalid value "yesterday"', 14, /RFC 3339/],
    ["create_time > 2026-02-30T00:00:00Z", "invalid value", 14, /RFC 3339/],
    ["create_time > 2025-02-29T00:00:00Z", "invalid value", 14, /RFC 3339/],
    ["create_time > 2026-01-01", "invalid value", 14, /RFC 3339/],
    ["create_time > 2026-01-01T00:00:00", "invalid value", 14, /RFC 3339/],
    ["create_time > 2026-01-01T00:00:60Z", "invalid value", 14, /RFC 3339/],
    ["create_time > 2026-01-01T24:00:00Z", "invalid value", 14, /RFC 3339/],
    ["create_time > 2026-01-01T00:00:00+24:00", "invalid value", 14, /RFC 3339/],
    ['create_time > "2026-01-01 00:00:00Z"', "invalid value", 14, /RFC 3339/],
    ["create_time > 2026-01-01T00:00:00Zjunk", 'invalid value "2026-01-01T00:00:00Zjunk"', 14, /RFC 3339/],
    ["create_time < 0000-01-01T00:00:00Z", "invalid value", 14, /RFC 3339/],
  ])("%j: %s at %i", (filter, message, position, expected) => {
    const error = filterError(filter);
    expect(error).toMatch(/^invalid filter: /);
    expect(error).toContain(message);
    expect(positionOf(error)).toBe(position);
    expect(error).toMatch(expected);
  });
});

describe("hostile filters", () => {
  const okay = "ready = true";

  it(`accepts ${MAX_FILTER_DEPTH} levels of parentheses and refuses one more`, () => {
    expect(() => compileFilter(`${"(".repeat(MAX_FILTER_DEPTH)}${okay}${")".repeat(MAX_FILTER_DEPTH)}`, itemSchema)).not.toThrow();
    const error = filterError(`${"(".repeat(MAX_FILTER_DEPTH + 1)}${okay}${")".repeat(MAX_FILTER_DEPTH + 1)}`);
    expect(error).toContain("nested too deeply");
    expect(positionOf(error)).toBe(MAX_FILTER_DEPTH);
  });

  it("counts NOT and - as nesting", () => {
    expect(compileFilter(`${"NOT ".repeat(MAX_FILTER_DEPTH)}${okay}`, itemSchema)(item({ ready: true }))).toBe(true);
    const error = filterError(`${"NOT ".repeat(MAX_FILTER_DEPTH + 1)}${okay}`);
    expect(error).toContain("nested too deeply");
    expect(positionOf(error)).toBe(4 * MAX_FILTER_DEPTH);
    expect(filterError(`${"-".repeat(MAX_FILTER_DEPTH + 1)}${okay}`)).toContain("nested too deeply");
    expect(filterError(`${"NOT (".repeat(40)}${okay}${")".repeat(40)}`)).toContain("nested too deeply");
  });

  it(`refuses more than ${MAX_FILTER_TOKENS} tokens, pointing at the first one too many`, () => {
    const clause = "replicas = 1 OR ";
    // Four tokens per clause, three in the last one, one for NOT: exactly the limit.
    const atLimit = `NOT ${clause.repeat(MAX_FILTER_TOKENS / 4 - 1)}replicas = 1`;
    expect(() => compileFilter(atLimit, itemSchema)).not.toThrow();
    const error = filterError(`${atLimit} OR`);
    expect(error).toContain("too many terms");
    expect(positionOf(error)).toBe(atLimit.length + 1);
  });

  it("fails fast on megabytes of input", () => {
    const started = performance.now();
    expect(filterError("(".repeat(1_000_000))).toContain("too many terms");
    expect(filterError(`title = "${"x".repeat(1_000_000)}`)).toContain("unterminated string");
    expect(filterError("x".repeat(1_000_000))).toContain("expected a comparison");
    // Linear work takes milliseconds; the loose bound (a loaded CI machine) still
    // catches a blow-up, which would take minutes.
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

