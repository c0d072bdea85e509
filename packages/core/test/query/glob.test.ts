import { describe, expect, it } from "vitest";
import { compileGlob } from "../../src/query/glob.js";
import { random } from "./helpers.js";

/** Reference: the textbook dynamic-programming wildcard match. */
function reference(pattern: string, value: string): boolean {
  const rows = pattern.length + 1;
  const cols = value.length + 1;
  const table: boolean[][] = Array.from({ length: rows }, () => new Array<boolean>(cols).fill(false));
  (table[0] as boolean[])[0] = true;
  for (let i = 1; i < rows; i++) {
    const p = pattern[i - 1];
    const row = table[i] as boolean[];
    const above = table[i - 1] as boolean[];
    row[0] = p === "*" && (above[0] as boolean);
    for (let j = 1; j < cols; j++) {
      row[j] = p === "*" ? (above[j] as boolean) || (row[j - 1] as boolean) : p === value[j - 1] && (above[j - 1] as boolean);
    }
  }
  return (table[rows - 1] as boolean[])[cols - 1] as boolean;
}

describe("compileGlob", () => {
  it("agrees with a reference matcher on random patterns and values", () => {
    const next = random(7);
    const alphabet = ["a", "b", "*"];
    const word = (length: number, letters: readonly string[]): string =>
      Array.from({ length }, () => letters[Math.floor(next() * letters.length)] as string).join("");
    for (let round = 0; round < 20_000; round++) {
      const pattern = word(Math.floor(next() * 7), alphabet);
      const value = word(Math.floor(next() * 8), ["a", "b"]);
      expect(compileGlob(pattern)(value), `${JSON.stringify(pattern)} vs ${JSON.stringify(value)}`).toBe(reference(pattern, value));
    }
  });

  it("treats regex metacharacters literally", () => {
    expect(compileGlob("a.c")("abc")).toBe(false);
    expect(compileGlob("a.c")("a.c")).toBe(true);
    expect(compileGlob("(x)*[y]")("(x)zz[y]")).toBe(true);
    expect(compileGlob("^$*")("^$")).toBe(true);
  });
});
