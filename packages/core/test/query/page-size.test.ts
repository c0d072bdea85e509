import { describe, expect, it } from "vitest";
import { coercePageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./query.js";
import { invalidArgument } from "./helpers.js";

describe("coercePageSize (AIP-158)", () => {
  it.each([
    [0, 50],
    [1, 1],
    [50, 50],
    [999, 999],
    [1000, 1000],
    [1001, 1000],
    [2_147_483_647, 1000],
  ])("%i → %i", (requested, coerced) => {
    expect(coercePageSize(requested)).toBe(coerced);
  });

  it("exports the limits", () => {
    expect(DEFAULT_PAGE_SIZE).toBe(50);
    expect(MAX_PAGE_SIZE).toBe(1000);
  });

  it.each([-1, -1000, -2_147_483_648, 1.5, Number.NaN, Number.POSITIVE_INFINITY])("%d is INVALID_ARGUMENT naming page_size", (requested) => {
    const message = invalidArgument(() => coercePageSize(requested));
    expect(message).toMatch(/^invalid page_size: page_size must be a non-negative integer, got /);
  });
});
