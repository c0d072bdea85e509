import { describe, expect, it } from "vitest";
import { compareNames, compareSortValues, compileOrderBy, type OrderFields } from "./query.js";
import { invalidArgument, positionOf } from "./helpers.js";

interface Row {
  name: string;
  created: number;
  size: bigint;
}

const fields: OrderFields<Row> = {
  name: (row) => row.name,
  create_time: (row) => row.created,
  size_bytes: (row) => row.size,
};

const rows: Row[] = [
  { name: "c", created: 2, size: 10n },
  { name: "a", created: 2, size: 30n },
  { name: "b", created: 1, size: 20n },
  { name: "d", created: 3, size: 20n },
];

function order(text: string, fallback = "name"): string[] {
  const orderBy = compileOrderBy(text, fields, { default: fallback });
  return [...rows].sort(orderBy.compare).map((row) => row.name);
}

describe("compileOrderBy", () => {
  it.each([
    ["", ["a", "b", "c", "d"]],
    ["   ", ["a", "b", "c", "d"]],
    ["name", ["a", "b", "c", "d"]],
    ["name asc", ["a", "b", "c", "d"]],
    ["name desc", ["d", "c", "b", "a"]],
    ["create_time", ["b", "a", "c", "d"]],
    ["create_time desc", ["d", "a", "c", "b"]],
    ["create_time desc, name desc", ["d", "c", "a", "b"]],
    ["size_bytes", ["c", "b", "d", "a"]],
    ["size_bytes desc", ["a", "b", "d", "c"]],
    ["size_bytes, create_time desc", ["c", "d", "b", "a"]],
    ["  create_time   desc ,name  ", ["d", "a", "c", "b"]],
    ["create_time,name", ["b", "a", "c", "d"]],
  ])("%j orders %j", (text, expected) => {
    expect(order(text)).toEqual(expected);
  });

  it("uses the default for an empty order_by", () => {
    expect(order("", "create_time desc")).toEqual(["d", "a", "c", "b"]);
  });

  it("appends name as the tie-breaker so the order is total, and reports it in fields and canonical", () => {
    const orderBy = compileOrderBy("create_time desc", fields, { default: "name" });
    expect(orderBy.fields).toEqual([
      { field: "create_time", desc: true },
      { field: "name", desc: false },
    ]);
    expect(orderBy.canonical).toBe("create_time desc, name");
    expect(orderBy.byNameOnly).toBe(false);
    expect(orderBy.compare(rows[0] as Row, rows[1] as Row)).toBeGreaterThan(0); // c after a at equal create_time
  });

  it("does not append name when it is already there", () => {
    const orderBy = compileOrderBy("name desc, create_time", fields, { default: "name" });
    expect(orderBy.canonical).toBe("name desc, create_time");
    expect(orderBy.fields).toHaveLength(2);
  });

  it("normalizes equivalent texts to the same canonical form", () => {
    const canonical = (text: string): string => compileOrderBy(text, fields, { default: "name" }).canonical;
    expect(canonical("")).toBe("name");
    expect(canonical("name asc")).toBe("name");
    expect(canonical(" name ")).toBe("name");
    expect(canonical("create_time, name")).toBe(canonical("create_time"));
  });

  it("flags plain name order, which the store's name-sorted arrays already satisfy", () => {
    expect(compileOrderBy("", fields, { default: "name" }).byNameOnly).toBe(true);
    expect(compileOrderBy("name", fields, { default: "name" }).byNameOnly).toBe(true);
    expect(compileOrderBy("name desc", fields, { default: "name" }).byNameOnly).toBe(false);
    expect(compileOrderBy("", fields, { default: "create_time desc" }).byNameOnly).toBe(false);
  });

  it("key and compareToKey agree with compare", () => {
    for (const text of ["name", "name desc", "create_time desc", "size_bytes, create_time desc"]) {
      const orderBy = compileOrderBy(text, fields, { default: "name" });
      for (const a of rows) {
        expect(orderBy.compareToKey(a, orderBy.key(a)), text).toBe(0);
        for (const b of rows) {
          expect(Math.sign(orderBy.compareToKey(a, orderBy.key(b))), `${text}: ${a.name} vs ${b.name}`).toBe(Math.sign(orderBy.compare(a, b)));
        }
      }
    }
  });

  it.each<[string, string, number, RegExp]>([
    ["nam", 'unknown field "nam"', 0, /expected one of: name, create_time, size_bytes, each optionally followed by desc/],
    ["name, update_time", 'unknown field "update_time"', 6, /expected one of/],
    ["name desc desc", 'expected "," between fields', 10, /"," between fields/],
    ["name descending", 'unexpected "descending" after "name"', 5, /expected desc, asc/],
    ["name,", "expected a field name but found the end", 5, /expected one of/],
    [",name", 'expected a field name but found ","', 0, /expected one of/],
    ["name,,create_time", 'expected a field name but found ","', 5, /expected one of/],
    ["name create_time", 'unexpected "create_time" after "name"', 5, /expected desc, asc/],
    ["name; drop", 'unexpected ";"', 4, /"," between fields/],
    ["name, name desc", 'field "name" is repeated', 6, /at most once/],
    ["-name", 'expected a field name but found "-"', 0, /expected one of/],
    ["constructor", 'unknown field "constructor"', 0, /expected one of/],
  ])("%j: %s at %i", (text, message, position, expected) => {
    const error = invalidArgument(() => compileOrderBy(text, fields, { default: "name" }));
    expect(error).toMatch(/^invalid order_by: /);
    expect(error).toContain(message);
    expect(positionOf(error)).toBe(position);
    expect(error).toMatch(expected);
  });
});

describe("sort values", () => {
  it("strings compare by code units, like the store's name-sorted arrays", () => {
    const names = ["b", "B", "a", "é", "Z", "a-b", "a.b", "a0"];
    expect([...names].sort(compareNames)).toEqual(["B", "Z", "a", "a-b", "a.b", "a0", "b", "é"]);
    expect([...names].sort(compareNames)).toEqual([...names].sort());
  });

  it("numbers and bigints compare by value, also with each other", () => {
    expect(compareSortValues(1, 2)).toBe(-1);
    expect(compareSortValues(2n, 1n)).toBe(1);
    expect(compareSortValues(2n, 2)).toBe(0);
    expect(compareSortValues(1.5, 2n)).toBe(-1);
  });

  it("a string and a number still compare consistently (only forged tokens mix kinds)", () => {
    expect(compareSortValues("1", 1)).toBe(1);
    expect(compareSortValues(1, "1")).toBe(-1);
  });
});
