import { describe, expect, it } from "vitest";
import { parseFilter, type FilterNode } from "./query.js";
import { item, matches } from "./helpers.js";

/** The AST with explicit parentheses around every AND and OR. */
function show(node: FilterNode | undefined): string {
  if (node === undefined) {
    return "<all>";
  }
  switch (node.type) {
    case "restriction":
      return `${node.path.map((segment) => segment.name).join(".")} ${node.comparator} ${node.value.quoted ? JSON.stringify(node.value.text) : node.value.text}`;
    case "not":
      return `NOT ${show(node.child)}`;
    case "and":
      return `(${node.children.map(show).join(" AND ")})`;
    case "or":
      return `(${node.children.map(show).join(" OR ")})`;
  }
}

describe("parse tree", () => {
  it.each([
    ["", "<all>"],
    ["a = 1", "a = 1"],
    ["a=1", "a = 1"],
    ["  a   =   1  ", "a = 1"],
    ["a = 1 b = 2", "(a = 1 AND b = 2)"],
    ["a = 1 AND b = 2", "(a = 1 AND b = 2)"],
    ["a = 1 AND b = 2 AND c = 3", "(a = 1 AND b = 2 AND c = 3)"],
    ["a = 1 OR b = 2", "(a = 1 OR b = 2)"],
    // AIP-160: OR binds tighter than AND (and than juxtaposition).
    ["a = 1 OR b = 2 AND c = 3", "((a = 1 OR b = 2) AND c = 3)"],
    ["a = 1 AND b = 2 OR c = 3", "(a = 1 AND (b = 2 OR c = 3))"],
    ["a = 1 b = 2 OR c = 3", "(a = 1 AND (b = 2 OR c = 3))"],
    ["a = 1 OR b = 2 c = 3 OR d = 4", "((a = 1 OR b = 2) AND (c = 3 OR d = 4))"],
    ["(a = 1 AND b = 2) OR c = 3", "((a = 1 AND b = 2) OR c = 3)"],
    ["a = 1 AND (b = 2 AND c = 3)", "(a = 1 AND b = 2 AND c = 3)"],
    ["(a = 1 OR b = 2) OR c = 3", "(a = 1 OR b = 2 OR c = 3)"],
    ["((((a = 1))))", "a = 1"],
    ["NOT a = 1", "NOT a = 1"],
    ["NOT a = 1 OR b = 2", "(NOT a = 1 OR b = 2)"],
    ["NOT (a = 1 OR b = 2)", "NOT (a = 1 OR b = 2)"],
    ["NOT NOT a = 1", "NOT NOT a = 1"],
    ["-a = 1", "NOT a = 1"],
    ["-a = 1 b = 2", "(NOT a = 1 AND b = 2)"],
    ["a = 1 -b = 2", "(a = 1 AND NOT b = 2)"],
    ["-(a = 1 OR b = 2)", "NOT (a = 1 OR b = 2)"],
    ["- a = 1", "NOT a = 1"],
    ["a = -1", "a = -1"],
    ["a=-1", "a = -1"],
    ["a = x-y", "a = x-y"],
    ["name = dev-*", "name = dev-*"],
    ['a = "x y"', 'a = "x y"'],
    ['a = "AND"', 'a = "AND"'],
    ["a = ANDROID", "a = ANDROID"],
    ["a = NOTE", "a = NOTE"],
    ["ORDER = 1", "ORDER = 1"],
    ['labels."example.com/team" = x', "labels.example.com/team = x"],
    ["labels.example.com/team = x", "labels.example.com/team = x"],
    ['labels."a"."b" = x', "labels.a.b = x"],
    ["t > 2026-01-02T15:04:05Z", "t > 2026-01-02T15:04:05Z"],
    ["t>2026-01-02T15:04:05+01:00", "t > 2026-01-02T15:04:05+01:00"],
    ["t:2026-01-02T15:04:05.5Z", "t : 2026-01-02T15:04:05.5Z"],
    ["labels:env", "labels : env"],
    ["a != 1 a < 1 a <= 1 a > 1 a >= 1", "(a != 1 AND a < 1 AND a <= 1 AND a > 1 AND a >= 1)"],
  ])("%j parses as %s", (filter, tree) => {
    expect(show(parseFilter(filter))).toBe(tree);
  });

  it("records the position of every path segment, comparator and value", () => {
    const node = parseFilter('  labels."example.com/team" != \'x\'');
    expect(node).toEqual({
      type: "restriction",
      path: [
        { name: "labels", position: 2 },
        { name: "example.com/team", position: 9 },
      ],
      comparator: "!=",
      comparatorPosition: 28,
      value: { text: "x", quoted: true, position: 31 },
    });
  });

  it("a long flat chain stays flat (no deep nesting)", () => {
    const filter = Array.from({ length: 100 }, (_, i) => `a = ${i}`).join(" OR ");
    const node = parseFilter(filter);
    expect(node?.type).toBe("or");
    expect(node?.type === "or" ? node.children.length : 0).toBe(100);
  });
});

describe("precedence and negation, evaluated", () => {
  const target = item({ ready: true, replicas: 3, phase: "RUNNING" });

  it.each([
    // With conventional precedence the first would be true; AIP-160 reads it as (true OR false) AND false.
    ["ready = true OR replicas = 9 AND phase = FAILED", false],
    ["ready = true OR replicas = 9 phase = FAILED", false],
    ["(ready = true OR replicas = 9) AND phase = FAILED", false],
    ["ready = true OR (replicas = 9 AND phase = FAILED)", true],
    ["phase = FAILED AND replicas = 9 OR ready = true", false],
    ["phase = RUNNING AND replicas = 9 OR ready = true", true],
    ["NOT ready = true", false],
    ["NOT ready = false", true],
    ["-ready = true", false],
    ["-ready = false", true],
    ["NOT NOT ready = true", true],
    ["NOT (ready = false OR replicas = 3)", false],
    ["NOT ready = false OR replicas = 4", true],
    ["-(ready = false OR replicas = 4)", true],
    ["ready = true replicas = 3 phase = RUNNING", true],
    ["ready = true replicas = 4 phase = RUNNING", false],
    ["ready = true -replicas = 4", true],
  ])("%s → %s", (filter, expected) => {
    expect(matches(filter, target)).toBe(expected);
  });
});
