import { describe, expect, it } from "vitest";
import { formatCpu, formatMemory, parseQuantity } from "../../src/quota/quantity.js";

describe("parseQuantity", () => {
  it.each([
    ["0", 0n],
    ["1", 1000n],
    ["200m", 200n],
    ["0.5", 500n],
    ["1.5", 1500n],
    ["2k", 2_000_000n],
    ["1M", 1_000_000_000n],
    ["256Mi", 256n * 2n ** 20n * 1000n],
    ["1.5Gi", 3n * 2n ** 29n * 1000n],
    ["1Ei", 2n ** 60n * 1000n],
    ["1e3", 1_000_000n],
    ["5E-1", 500n],
    ["0.0001", 1n], // finer than a thousandth rounds up
  ])("%s = %s thousandths", (text, want) => {
    expect(parseQuantity(text)).toBe(want);
  });

  it.each(["", "abc", "-1", "1.", ".5", "1Xi", "1 Gi", "1e999"])("refuses %j", (text) => {
    expect(parseQuantity(text)).toBeUndefined();
  });
});

describe("format", () => {
  it("writes CPU in whole cores or millicores", () => {
    expect(formatCpu(0n)).toBe("0");
    expect(formatCpu(2000n)).toBe("2");
    expect(formatCpu(2400n)).toBe("2400m");
  });
  it("writes memory in the largest exact binary unit", () => {
    expect(formatMemory(0n)).toBe("0");
    expect(formatMemory(1536n * 2n ** 20n * 1000n)).toBe("1536Mi");
    expect(formatMemory(4n * 2n ** 30n * 1000n)).toBe("4Gi");
    expect(formatMemory(1000n * 1000n)).toBe("1000");
  });
});
