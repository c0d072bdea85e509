import { describe, expect, it } from "vitest";
import { EventLog } from "../../src/watch/event-log.js";
import { LogEntry } from "../../src/watch/log-entry.js";
import { RingQueue } from "../../src/watch/ring-queue.js";
import { formatVersion, parseVersion } from "../../src/watch/version.js";
import { item, type Item } from "./helpers.js";

describe("RingQueue", () => {
  it("is FIFO across growth and wrap-around", () => {
    const queue = new RingQueue<number>();
    const model: number[] = [];
    let next = 0;
    for (let round = 0; round < 200; round++) {
      const pushes = (round * 7) % 13;
      for (let i = 0; i < pushes; i++) {
        queue.push(next);
        model.push(next++);
      }
      const shifts = (round * 5) % 11;
      for (let i = 0; i < shifts; i++) expect(queue.shift()).toBe(model.shift());
      expect(queue.length).toBe(model.length);
    }
    queue.clear();
    expect(queue.length).toBe(0);
    expect(queue.shift()).toBeUndefined();
  });
});

describe("EventLog", () => {
  const entry = (version: number): LogEntry<Item> => new LogEntry(version, String(version), { type: "added", key: "a", item: item("a") }, 0);

  it("finds entries by version and evicts the oldest by count", () => {
    const log = new EventLog<Item>(3, 10);
    expect(log.oldestResumable).toBe(10);
    for (let v = 11; v <= 15; v++) log.append(entry(v));
    expect(log.newestVersion).toBe(15);
    expect(log.oldestResumable).toBe(12);
    expect(log.get(12)).toBeUndefined();
    expect([13, 14, 15].map((v) => log.get(v)?.version)).toEqual([13, 14, 15]);
    expect(log.get(16)).toBeUndefined();
  });

  it("refuses a version that is not the next one", () => {
    const log = new EventLog<Item>(3, 0);
    expect(() => log.append(entry(2))).toThrow(/expected version 1/);
  });
});

describe("versions", () => {
  it("round-trip and accept only canonical decimal safe integers", () => {
    expect(parseVersion(formatVersion(0))).toBe(0);
    expect(parseVersion("9007199254740991")).toBe(Number.MAX_SAFE_INTEGER);
    for (const bad of ["", "+1", "-0", "00", "0x1", "9007199254740993", "1 "]) expect(parseVersion(bad)).toBeUndefined();
  });
});
