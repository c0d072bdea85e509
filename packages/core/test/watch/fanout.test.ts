import { describe, expect, it } from "vitest";
import { WatchHub } from "../../src/watch/index.js";
import { item, type Item } from "./helpers.js";

describe("fan-out", () => {
  it("one publish reaches 1,000 waiting watchers, each exactly once", async () => {
    const hub = new WatchHub<Item>();
    const watches = Array.from({ length: 1000 }, () => hub.subscribe({ resumeVersion: "0" }));
    const pending = watches.map((w) => w.next());
    hub.publish({ type: "added", key: "a", item: item("a") });
    const results = await Promise.all(pending);
    expect(results.every((r) => r.done === false && r.value.version === "1" && r.value.item?.name === "a")).toBe(true);
    // Unfiltered watchers share one frozen event object: no per-watcher copies.
    expect(new Set(results.map((r) => r.value)).size).toBe(1);
    hub.close();
    expect(hub.subscriberCount()).toBe(0);
  });
});
