import { describe, expect, it } from "vitest";
import { compileFilter } from "./query.js";
import { at, item, itemSchema, matches } from "./helpers.js";

describe("empty filter", () => {
  it.each(["", "   ", "\t\n "])("%j matches everything and is marked matchesAll", (text) => {
    const predicate = compileFilter(text, itemSchema);
    expect(predicate.matchesAll).toBe(true);
    expect(predicate(item())).toBe(true);
  });

  it("a non-empty filter is not marked matchesAll", () => {
    expect(compileFilter("ready = true", itemSchema).matchesAll).toBeUndefined();
  });
});

describe("string fields", () => {
  it.each([
    ['name = "projects/p/vclusters/dev-1"', true],
    ["name = projects/p/vclusters/dev-1", true],
    ["name = 'projects/p/vclusters/dev-1'", true],
    ['name = "projects/p/vclusters/dev-2"', false],
    ['name != "projects/p/vclusters/dev-2"', true],
    ['name != "projects/p/vclusters/dev-1"', false],
    ['title = "development cluster"', false],
    ['title = "Development cluster"', true],
    ['name < "projects/p/vclusters/dev-2"', true],
    ['name <= "projects/p/vclusters/dev-1"', true],
    ['name < "projects/p/vclusters/dev-1"', false],
    ['name > "projects/p/vclusters/dev-0"', true],
    ['name >= "projects/p/vclusters/dev-1"', true],
    ['name > "projects/p/vclusters/dev-1"', false],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it.each([
    ['name = "projects/p/vclusters/dev-*"', true],
    ["name = projects/p/vclusters/dev-*", true],
    ['name = "projects/p/vclusters/prod-*"', false],
    ['name = "*/dev-1"', true],
    ['name = "*/dev-2"', false],
    ['name = "projects/*/vclusters/*"', true],
    ['name = "projects/*/snapshots/*"', false],
    ['name = "*"', true],
    ['name = "**"', true],
    ['name = "projects/p/vclusters/dev-1*"', true],
    ['name = "*projects/p/vclusters/dev-1"', true],
    ['name = "p*s/p*d*1"', true],
    ['name = "p*x*1"', false],
    ['name != "projects/p/vclusters/dev-*"', false],
    ['name != "projects/q/*"', true],
  ])("wildcard %s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("a wildcard needs its pieces in order and without overlap", () => {
    expect(matches('title = "a*a"', item({ title: "a" }))).toBe(false);
    expect(matches('title = "a*a"', item({ title: "aa" }))).toBe(true);
    expect(matches('title = "ab*ba"', item({ title: "aba" }))).toBe(false);
    expect(matches('title = "*b*a*"', item({ title: "ab" }))).toBe(false);
    expect(matches('title = "*b*a*"', item({ title: "ba" }))).toBe(true);
  });

  it("a pathological wildcard pattern is evaluated in linear time", () => {
    const pattern = `${"a*".repeat(200)}b`;
    const predicate = compileFilter(`title = "${pattern}"`, itemSchema);
    const target = item({ title: "a".repeat(5000) });
    const started = performance.now();
    expect(predicate(target)).toBe(false);
    // Backtracking would be exponential in 200 stars; linear is milliseconds. Loose
    // for a loaded CI machine.
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it.each([
    ["title:velop", true],
    ['title:"ment clu"', true],
    ["title:Dev", true],
    ["title:dev", false],
    ["title:xyz", false],
    ["title:*", true],
    ['title:"Dev*ster"', true],
    ['title:"ster*Dev"', false],
  ])("has (substring) %s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("field:* is false for an empty string", () => {
    expect(matches("title:*", item({ title: "" }))).toBe(false);
    expect(matches('title = ""', item({ title: "" }))).toBe(true);
  });

  it("ordering uses UTF-16 code units, not locale order", () => {
    expect(matches('title < "a"', item({ title: "B" }))).toBe(true);
    expect(matches('title > "Z"', item({ title: "a" }))).toBe(true);
  });
});

describe("quoted strings", () => {
  it.each([
    [String.raw`title = "say \"hi\""`, 'say "hi"'],
    [String.raw`title = 'it\'s'`, "it's"],
    [String.raw`title = "back\\slash"`, "back\\slash"],
    [String.raw`title = "tab\there"`, "tab\there"],
    [String.raw`title = "line\nbreak"`, "line\nbreak"],
    [`title = "single ' inside"`, "single ' inside"],
    [`title = 'double " inside'`, 'double " inside'],
    [`title = "AND OR NOT ( ) = : -"`, "AND OR NOT ( ) = : -"],
    [`title = "ünïcödé ✓"`, "ünïcödé ✓"],
  ])("%s matches %j", (filter, title) => {
    expect(matches(filter, item({ title }))).toBe(true);
    expect(matches(filter, item({ title: `${title}x` }))).toBe(false);
  });
});

describe("map fields (labels)", () => {
  it.each([
    ["labels.env = prod", true],
    ['labels.env = "prod"', true],
    ["labels.env = dev", false],
    ["labels.env != dev", true],
    ["labels.env != prod", false],
    ["labels.env = pr*", true],
    ["labels.env = *od", true],
    ["labels.env < prof", true],
    ["labels.env > prof", false],
    ["labels.env >= prod", true],
    ["labels.env <= prod", true],
    ['labels."example.com/team" = platform', true],
    ["labels.'example.com/team' = platform", true],
    ["labels.example.com/team = platform", true],
    ['labels."example.com/team" = other', false],
    ["labels:env", true],
    ['labels:"example.com/team"', true],
    ["labels:example.com/team", true],
    ["labels:missing", false],
    ["labels.env:*", true],
    ["labels.missing:*", false],
    ['labels."example.com/team":*', true],
    ["labels:*", true],
    ["labels.env:prod", true],
    ["labels.env:pro", false],
    ["labels.env:p*", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("a missing key fails every comparison except !=", () => {
    const unlabelled = item({ labels: {} });
    for (const filter of ["labels.env = prod", "labels.env = *", "labels.env < zzz", "labels.env > a", "labels.env:prod", "labels.env:*", "labels:env"]) {
      expect(matches(filter, unlabelled), filter).toBe(false);
    }
    expect(matches("labels.env != prod", unlabelled)).toBe(true);
    expect(matches("NOT labels.env = prod", unlabelled)).toBe(true);
    expect(matches("labels:*", unlabelled)).toBe(false);
  });

  it("inherited object properties are not labels", () => {
    const unlabelled = item({ labels: {} });
    expect(matches("labels:constructor", unlabelled)).toBe(false);
    expect(matches("labels.constructor:*", unlabelled)).toBe(false);
    expect(matches("labels.__proto__:*", unlabelled)).toBe(false);
    expect(matches("labels.toString != x", unlabelled)).toBe(true);
  });

  it("an empty label value is present", () => {
    const target = item({ labels: { env: "" } });
    expect(matches("labels.env:*", target)).toBe(true);
    expect(matches('labels.env = ""', target)).toBe(true);
    expect(matches("labels:env", target)).toBe(true);
  });

  it("a key may continue after a quoted segment", () => {
    const target = item({ labels: { "a/b.c": "x" } });
    expect(matches('labels."a/b".c = x', target)).toBe(true);
  });
});

describe("enum fields", () => {
  it.each([
    ["phase = RUNNING", true],
    ['phase = "RUNNING"', true],
    ["phase = PHASE_RUNNING", true],
    ["phase = FAILED", false],
    ["phase = PHASE_FAILED", false],
    ["phase != FAILED", true],
    ["phase != RUNNING", false],
    ["phase:RUNNING", true],
    ["phase:PENDING", false],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("numeric TS enums: the getter returns the number, the filter names it", () => {
    enum Color {
      UNSPECIFIED = 0,
      RED = 1,
      BLUE = 2,
    }
    const predicate = compileFilter("color = BLUE OR color = COLOR_RED", {
      color: { kind: "enum", values: Color, protoPrefix: "COLOR_", get: (value: { color: Color }) => value.color },
    });
    expect(predicate({ color: Color.BLUE })).toBe(true);
    expect(predicate({ color: Color.RED })).toBe(true);
    expect(predicate({ color: Color.UNSPECIFIED })).toBe(false);
  });
});

describe("timestamp fields", () => {
  const created = item({ created: at("2026-01-02T15:04:05Z") });

  it.each([
    ["create_time = 2026-01-02T15:04:05Z", true],
    ['create_time = "2026-01-02T15:04:05Z"', true],
    ["create_time = '2026-01-02T15:04:05Z'", true],
    ["create_time = 2026-01-02T16:04:05+01:00", true],
    ["create_time = 2026-01-02T14:34:05-00:30", true],
    ["create_time = 2026-01-02t15:04:05z", true],
    ["create_time = 2026-01-02T15:04:05.000Z", true],
    ["create_time = 2026-01-02T15:04:05.000001Z", false],
    ["create_time != 2026-01-02T15:04:05Z", false],
    ["create_time != 2026-01-02T15:04:06Z", true],
    ["create_time > 2026-01-02T15:04:04.999Z", true],
    ["create_time > 2026-01-02T15:04:05Z", false],
    ["create_time >= 2026-01-02T15:04:05Z", true],
    ["create_time < 2026-01-02T15:04:05.001Z", true],
    ["create_time < 2026-01-02T15:04:05Z", false],
    ["create_time <= 2026-01-02T15:04:05Z", true],
    ["create_time > 2026-01-01T00:00:00Z AND create_time < 2026-02-01T00:00:00Z", true],
    ["create_time>2026-01-01T00:00:00Z", true],
    ["create_time:*", true],
    ["create_time:2026-01-02T15:04:05Z", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter, created)).toBe(expected);
  });

  it("sub-millisecond precision is kept", () => {
    const precise = item({ created: at("2026-01-02T15:04:05.123456Z") });
    expect(matches("create_time = 2026-01-02T15:04:05.123456Z", precise)).toBe(true);
    expect(matches("create_time > 2026-01-02T15:04:05.123455Z", precise)).toBe(true);
    expect(matches("create_time < 2026-01-02T15:04:05.123457Z", precise)).toBe(true);
    expect(matches("create_time = 2026-01-02T15:04:05.123Z", precise)).toBe(false);
  });

  it("instants closer than a microsecond may compare equal (documented: timestamps are epoch-millis doubles)", () => {
    expect(matches("create_time = 2026-01-02T15:04:05.000000001Z", item({ created: at("2026-01-02T15:04:05Z") }))).toBe(true);
  });

  it("an unset timestamp fails every comparison except !=", () => {
    const unset = item({ created: undefined });
    for (const op of ["=", "<", "<=", ">", ">=", ":"]) {
      expect(matches(`create_time ${op} 2026-01-02T15:04:05Z`, unset), op).toBe(false);
    }
    expect(matches("create_time != 2026-01-02T15:04:05Z", unset)).toBe(true);
    expect(matches("create_time:*", unset)).toBe(false);
    expect(matches("NOT create_time:*", unset)).toBe(true);
  });
});

describe("bool fields", () => {
  it.each([
    ["ready = true", true],
    ["ready = TRUE", true],
    ['ready = "true"', true],
    ["ready = false", false],
    ["ready != false", true],
    ["ready != true", false],
    ["ready:true", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("false is matched by = false", () => {
    expect(matches("ready = false", item({ ready: false }))).toBe(true);
  });
});

describe("int fields (number and bigint getters)", () => {
  it.each([
    ["replicas = 3", true],
    ["replicas = +3", true],
    ["replicas = 4", false],
    ["replicas != 4", true],
    ["replicas < 4", true],
    ["replicas <= 3", true],
    ["replicas > 3", false],
    ["replicas >= 3", true],
    ["replicas > -1", true],
    ["replicas:3", true],
    ["size_bytes = 5000000000", true],
    ["size_bytes > 4999999999", true],
    ["size_bytes < 5000000000", false],
    ["size_bytes != 5000000000", false],
    ["size_bytes >= 5000000000", true],
    ["size_bytes <= 5000000001", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter)).toBe(expected);
  });

  it("bigint comparisons are exact beyond 2^53", () => {
    const big = item({ bytes: 9007199254740993n });
    expect(matches("size_bytes = 9007199254740993", big)).toBe(true);
    expect(matches("size_bytes = 9007199254740992", big)).toBe(false);
    expect(matches("size_bytes > 9007199254740992", big)).toBe(true);
  });

  it("negative values after a comparator are numbers, not negation", () => {
    expect(matches("replicas = -2", item({ replicas: -2 }))).toBe(true);
    expect(matches("replicas=-2", item({ replicas: -2 }))).toBe(true);
  });
});
