import { Code } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { WatchHub } from "../../src/watch/index.js";
import { connectErrorOf, item, settledOrPending, take, type Item } from "./helpers.js";
import { TestStore } from "./store.js";

const running = (i: Item): boolean => i.state === "RUNNING";

describe("filtered watch", () => {
  it("turns membership changes into added/deleted and skips what never matched", async () => {
    const store = new TestStore();
    store.put(item("a", "RUNNING")); // 1
    store.put(item("b", "STOPPED")); // 2
    const watch = store.hub.subscribe({ initial: store.snapshot, predicate: running });
    expect(await take(watch, 2)).toEqual([
      { type: "added", name: "a", state: "RUNNING", rev: 1, version: "2" },
      { type: "synced", version: "2" },
    ]);

    store.put(item("a", "RUNNING", 2)); // 3 matched before and after: modified
    store.put(item("b", "STOPPED", 2)); // 4 matched neither: skipped
    store.put(item("b", "RUNNING", 3)); // 5 only after: added
    store.put(item("a", "STOPPED", 3)); // 6 only before: deleted with the previous (last matching) state
    store.put(item("c", "STOPPED")); // 7 added but not matching: skipped
    store.put(item("d", "RUNNING")); // 8 added and matching: added
    store.remove("c"); // 9 deleted, last state not matching: skipped
    store.remove("d"); // 10 deleted, last state matching: deleted
    expect(await take(watch, 5)).toEqual([
      { type: "modified", name: "a", state: "RUNNING", rev: 2, version: "3" },
      { type: "added", name: "b", state: "RUNNING", rev: 3, version: "5" },
      { type: "deleted", name: "a", state: "RUNNING", rev: 2, version: "6" },
      { type: "added", name: "d", state: "RUNNING", rev: 1, version: "8" },
      { type: "deleted", name: "d", state: "RUNNING", rev: 1, version: "10" },
    ]);
    expect(await settledOrPending(watch.next())).toBe("pending");
    watch.close();
  });

  it("applies the same transitions when replaying from the log", async () => {
    const store = new TestStore();
    store.put(item("a", "RUNNING")); // 1
    store.put(item("a", "STOPPED", 2)); // 2 leaves
    store.put(item("a", "STOPPED", 3)); // 3 skipped
    store.put(item("a", "RUNNING", 4)); // 4 enters
    const watch = store.hub.subscribe({ resumeVersion: "0", predicate: running });
    expect(await take(watch, 3)).toEqual([
      { type: "added", name: "a", state: "RUNNING", rev: 1, version: "1" },
      { type: "deleted", name: "a", state: "RUNNING", rev: 1, version: "2" },
      { type: "added", name: "a", state: "RUNNING", rev: 4, version: "4" },
    ]);
    watch.close();
  });

  it("unfiltered watchers see the change as published alongside filtered ones", async () => {
    const store = new TestStore();
    store.put(item("a", "RUNNING"));
    const all = store.hub.subscribe({ resumeVersion: "1" });
    const filtered = store.hub.subscribe({ resumeVersion: "1", predicate: running });
    store.put(item("a", "STOPPED", 2));
    expect(await take(all, 1)).toEqual([{ type: "modified", name: "a", state: "STOPPED", rev: 2, version: "2" }]);
    expect(await take(filtered, 1)).toEqual([{ type: "deleted", name: "a", state: "RUNNING", rev: 1, version: "2" }]);
    store.hub.close();
  });

  it("a modified change without previous is treated as no membership change", async () => {
    const hub = new WatchHub<Item>();
    const watch = hub.subscribe({ resumeVersion: "0", predicate: running });
    hub.publish({ type: "modified", key: "a", item: item("a", "STOPPED") });
    hub.publish({ type: "modified", key: "a", item: item("a", "RUNNING", 2) });
    expect(await take(watch, 1)).toEqual([{ type: "modified", name: "a", state: "RUNNING", rev: 2, version: "2" }]);
    hub.close();
  });

  it("a throwing predicate ends only that watch, with Internal", async () => {
    const store = new TestStore();
    const healthy = store.hub.subscribe({ resumeVersion: "0" });
    const broken = store.hub.subscribe({
      resumeVersion: "0",
      predicate: () => {
        throw new Error("boom");
      },
    });
    const pending = broken.next();
    expect(() => store.put(item("a"))).not.toThrow();
    expect((await connectErrorOf(pending)).code).toBe(Code.Internal);
    expect(await broken.next()).toEqual({ done: true, value: undefined });
    expect(store.hub.subscriberCount()).toBe(1);
    expect((await take(healthy, 1))[0]).toMatchObject({ name: "a" });
    store.hub.close();
  });
});
