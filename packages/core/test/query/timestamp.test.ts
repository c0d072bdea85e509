import { timestampFromDate } from "@bufbuild/protobuf/wkt";
import { create } from "@bufbuild/protobuf";
import { TimestampSchema } from "@bufbuild/protobuf/wkt";
import { describe, expect, it } from "vitest";
import { parseRfc3339, timestampMillis, toEpochMillis } from "./query.js";

describe("parseRfc3339", () => {
  it.each([
    ["1970-01-01T00:00:00Z", 0],
    ["2026-01-02T15:04:05Z", Date.UTC(2026, 0, 2, 15, 4, 5)],
    ["2026-01-02t15:04:05z", Date.UTC(2026, 0, 2, 15, 4, 5)],
    ["2026-01-02T15:04:05.5Z", Date.UTC(2026, 0, 2, 15, 4, 5) + 500],
    ["2026-01-02T17:04:05+02:00", Date.UTC(2026, 0, 2, 15, 4, 5)],
    ["2026-01-02T10:34:05-04:30", Date.UTC(2026, 0, 2, 15, 4, 5)],
    ["2024-02-29T00:00:00Z", Date.UTC(2024, 1, 29)],
    ["2000-02-29T00:00:00Z", Date.UTC(2000, 1, 29)],
    ["0001-01-01T00:00:00Z", -62135596800000],
    ["0050-06-01T00:00:00Z", Date.parse("0050-06-01T00:00:00.000Z")],
    ["9999-12-31T23:59:59Z", 253402300799000],
    ["1969-12-31T23:59:59.999Z", -1],
  ])("%s", (text, millis) => {
    expect(parseRfc3339(text)).toBeCloseTo(millis, 6);
  });

  it("keeps sub-millisecond digits and drops those beyond nanoseconds", () => {
    const base = Date.UTC(2026, 0, 2, 15, 4, 5);
    expect(parseRfc3339("2026-01-02T15:04:05.000001Z")).toBe(toEpochMillis(base / 1000, 1000));
    expect(parseRfc3339("2026-01-02T15:04:05.1234567891Z")).toBe(parseRfc3339("2026-01-02T15:04:05.123456789Z"));
  });

  it.each([
    "",
    "2026-01-02",
    "2026-01-02T15:04Z",
    "2026-01-02T15:04:05",
    "2026-01-02 15:04:05Z",
    "2026-1-02T15:04:05Z",
    "2026-00-02T15:04:05Z",
    "2026-13-02T15:04:05Z",
    "2026-04-31T15:04:05Z",
    "2026-02-29T00:00:00Z",
    "1900-02-29T00:00:00Z",
    "2026-01-00T15:04:05Z",
    "2026-01-02T24:00:00Z",
    "2026-01-02T23:60:00Z",
    "2026-12-31T23:59:60Z",
    "2026-01-02T15:04:05.Z",
    "2026-01-02T15:04:05+2:00",
    "2026-01-02T15:04:05+24:00",
    "2026-01-02T15:04:05+02:60",
    "0000-01-01T00:00:00Z",
    " 2026-01-02T15:04:05Z",
    "2026-01-02T15:04:05Z ",
  ])("refuses %j", (text) => {
    expect(parseRfc3339(text)).toBeUndefined();
  });
});

describe("timestampMillis", () => {
  it("reads protobuf Timestamps and Dates the way filters parse literals", () => {
    expect(timestampMillis(undefined)).toBeUndefined();
    const date = new Date("2026-01-02T15:04:05.123Z");
    expect(timestampMillis(date)).toBe(date.getTime());
    expect(timestampMillis(timestampFromDate(date))).toBe(parseRfc3339("2026-01-02T15:04:05.123Z"));
    const precise = create(TimestampSchema, { seconds: 1767366245n, nanos: 123456789 });
    expect(timestampMillis(precise)).toBe(parseRfc3339("2026-01-02T15:04:05.123456789Z"));
    const negative = create(TimestampSchema, { seconds: -1n, nanos: 500_000_000 });
    expect(timestampMillis(negative)).toBe(parseRfc3339("1969-12-31T23:59:59.5Z"));
  });
});
