import { Code } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { WatchHub } from "../../src/watch/index.js";
import { item, settledOrPending, take, thrownConnectError, type Item } from "./helpers.js";
import { TestStore } from "./store.js";

describe("watch without resume_version: initial state, synced, live", () => {
  it("sends one added per current item, then synced at the snapshot version, then live changes", async () => {
    const store = new TestStore();
    store.put(item("a"));
    store.put(item("b"));
    const watch = store.hub.subscribe({ initial: store.snapshot });

    expect(await take(watch, 3)).toEqual([
      { type: "added", name: "a", state: "RUNNING", rev: 1, version: "2" },
      { type: "added", name: "b", state: "RUNNING", rev: 1, version: "2" },
      { type: "synced", version: "2" },
    ]);

    store.put(item("a", "STOPPED", 2));
    store.remove("b");
    store.put(item("c"));
    expect(await take(watch, 3)).toEqual([
      { type: "modified", name: "a", state: "STOPPED", rev: 2, version: "3" },
      { type: "deleted", name: "b", state: "RUNNING", rev: 1, version: "4" },
      { type: "added", name: "c", state: "RUNNING", rev: 1, version: "5" },
    ]);
    expect(await settledOrPending(watch.next())).toBe("pending");
    watch.close();
  });

  it("changes published after subscribe but before the consumer reads come after synced, once", async () => {
    const store = new TestStore();
    store.put(item("a"));
    const watch = store.hub.subscribe({ initial: store.snapshot });
    // The consumer has not read anything yet; these must not leak into the initial state.
    store.put(item("a", "STOPPED", 2));
    store.put(item("b"));
    expect(await take(watch, 4)).toEqual([
      { type: "added", name: "a", state: "RUNNING", rev: 1, version: "1" },
      { type: "synced", version: "1" },
      { type: "modified", name: "a", state: "STOPPED", rev: 2, version: "2" },
      { type: "added", name: "b", state: "RUNNING", rev: 1, version: "3" },
    ]);
    watch.close();
  });

  it("an empty store (or no initial callback) sends synced at the current version", async () => {
    const hub = new WatchHub<Item>({ startVersion: "41" });
    const withSnapshot = hub.subscribe({ initial: () => ({ items: [], version: hub.currentVersion() }) });
    const without = hub.subscribe();
    expect(await take(withSnapshot, 1)).toEqual([{ type: "synced", version: "41" }]);
    expect(await take(without, 1)).toEqual([{ type: "synced", version: "41" }]);
    hub.publish({ type: "added", key: "x", item: item("x") });
    expect((await take(without, 1))[0]).toMatchObject({ type: "added", name: "x", version: "42" });
    hub.close();
  });

  it("a snapshot older than the newest event is completed from the log, without gaps or duplicates", async () => {
    const store = new TestStore();
    store.put(item("a"));
    const stale = store.snapshot(); // version 1
    store.put(item("b"));
    store.put(item("a", "STOPPED", 2));
    const watch = store.hub.subscribe({ initial: () => stale });
    expect(await take(watch, 4)).toEqual([
      { type: "added", name: "a", state: "RUNNING", rev: 1, version: "1" },
      { type: "synced", version: "1" },
      { type: "added", name: "b", state: "RUNNING", rev: 1, version: "2" },
      { type: "modified", name: "a", state: "STOPPED", rev: 2, version: "3" },
    ]);
    store.put(item("c"));
    expect((await take(watch, 1))[0]).toMatchObject({ type: "added", name: "c", version: "4" });
    watch.close();
  });

  it("a snapshot the hub cannot continue from is an Internal error", () => {
    const hub = new WatchHub<Item>();
    expect(thrownConnectError(() => hub.subscribe({ initial: () => ({ items: [], version: "7" }) })).code).toBe(Code.Internal);
    expect(thrownConnectError(() => hub.subscribe({ initial: () => ({ items: [], version: "x" }) })).code).toBe(Code.Internal);
    expect(hub.subscriberCount()).toBe(0);
  });

  it("events are frozen so one consumer cannot corrupt what another sees", async () => {
    const store = new TestStore();
    const watch = store.hub.subscribe({ initial: store.snapshot });
    await take(watch, 1);
    store.put(item("a"));
    const result = await watch.next();
    expect(result.done).toBe(false);
    expect(Object.isFrozen(result.value)).toBe(true);
    watch.close();
  });

  it("exposes the version to resume from once the consumer holds a complete state", async () => {
    const store = new TestStore();
    store.put(item("a"));
    const watch = store.hub.subscribe({ initial: store.snapshot });
    expect(watch.resumeVersion).toBeUndefined();
    await take(watch, 1);
    expect(watch.resumeVersion).toBeUndefined();
    await take(watch, 1); // synced
    expect(watch.resumeVersion).toBe("1");
    store.put(item("b"));
    await take(watch, 1);
    expect(watch.resumeVersion).toBe("2");
    watch.close();
  });
});
