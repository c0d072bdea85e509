import { Code } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { WatchHub } from "../../src/watch/index.js";
import { item, settledOrPending, take, thrownConnectError, type Item } from "./helpers.js";
import { TestStore } from "./store.js";

describe("watch with resume_version", () => {
  it("gives exactly the events after the version, then live ones, with no initial state", async () => {
    const store = new TestStore();
    store.put(item("a")); // 1
    store.put(item("b")); // 2
    store.put(item("a", "STOPPED", 2)); // 3
    store.remove("b"); // 4
    const watch = store.hub.subscribe({ resumeVersion: "2", initial: store.snapshot });
    expect(await take(watch, 2)).toEqual([
      { type: "modified", name: "a", state: "STOPPED", rev: 2, version: "3" },
      { type: "deleted", name: "b", state: "RUNNING", rev: 1, version: "4" },
    ]);
    expect(await settledOrPending(watch.next())).toBe("pending");
    store.put(item("c")); // 5 (delivered to the pending next above)
    store.put(item("d")); // 6
    expect(await take(watch, 1)).toEqual([{ type: "added", name: "d", state: "RUNNING", rev: 1, version: "6" }]);
    watch.close();
  });

  it("resuming at the current version sends only later events", async () => {
    const store = new TestStore();
    store.put(item("a"));
    const watch = store.hub.subscribe({ resumeVersion: store.hub.currentVersion() });
    store.put(item("b"));
    expect(await take(watch, 1)).toEqual([{ type: "added", name: "b", state: "RUNNING", rev: 1, version: "2" }]);
    watch.close();
  });

  it("publishes racing a catch-up are delivered once, in order", async () => {
    const store = new TestStore();
    for (let i = 0; i < 5; i++) store.put(item(`n${i}`));
    const watch = store.hub.subscribe({ resumeVersion: "1" });
    const first = await take(watch, 2); // 2, 3 from the log
    store.put(item("late1")); // 6 while 4, 5 are still unread in the log
    const rest = await take(watch, 3);
    store.put(item("late2")); // 7 after the catch-up finished
    const live = await take(watch, 1);
    expect([...first, ...rest, ...live].map((e) => e.version)).toEqual(["2", "3", "4", "5", "6", "7"]);
    watch.close();
  });

  it("an empty resume_version means a fresh watch with initial state", async () => {
    const store = new TestStore();
    store.put(item("a"));
    const watch = store.hub.subscribe({ resumeVersion: "", initial: store.snapshot });
    expect((await take(watch, 2)).map((e) => e.type)).toEqual(["added", "synced"]);
    watch.close();
  });

  it("continues the counter from a restored start version", async () => {
    const hub = new WatchHub<Item>({ startVersion: "1000" });
    expect(hub.currentVersion()).toBe("1000");
    expect(hub.publish({ type: "added", key: "a", item: item("a") })).toBe("1001");
    expect(hub.currentVersion()).toBe("1001");
    // Events from before the restart are gone.
    expect(thrownConnectError(() => hub.subscribe({ resumeVersion: "999" })).code).toBe(Code.OutOfRange);
    const watch = hub.subscribe({ resumeVersion: "1000" });
    expect((await take(watch, 1))[0]).toMatchObject({ name: "a", version: "1001" });
    hub.close();
  });

  it("a version older than the retained log fails with OutOfRange and tells the client to list again", async () => {
    const store = new TestStore({ retention: 3 });
    for (let i = 1; i <= 5; i++) store.put(item(`n${i}`));
    // Retained: 3, 4, 5, so resuming after 2 still works and after 1 does not.
    expect(store.hub.oldestResumableVersion()).toBe("2");
    const ok = store.hub.subscribe({ resumeVersion: "2" });
    expect((await take(ok, 3)).map((e) => e.version)).toEqual(["3", "4", "5"]);
    ok.close();

    const error = thrownConnectError(() => store.hub.subscribe({ resumeVersion: "1" }));
    expect(error.code).toBe(Code.OutOfRange);
    expect(error.rawMessage).toMatch(/too old/);
    expect(error.rawMessage).toMatch(/list again and watch from the version List returns/);
    expect(store.hub.subscriberCount()).toBe(0);
  });

  it.each([
    ["abc", /decimal integer/],
    ["-1", /decimal integer/],
    ["01", /decimal integer/],
    ["1.5", /decimal integer/],
    ["1e3", /decimal integer/],
    [" 1", /decimal integer/],
    ["99999999999999999999", /decimal integer/],
    ["6", /newer than the current version 5/],
  ])("resume_version %j fails with InvalidArgument naming resume_version", (version, reason) => {
    const store = new TestStore();
    for (let i = 1; i <= 5; i++) store.put(item(`n${i}`));
    const error = thrownConnectError(() => store.hub.subscribe({ resumeVersion: version }));
    expect(error.code).toBe(Code.InvalidArgument);
    expect(error.rawMessage).toMatch(/^resume_version /);
    expect(error.rawMessage).toMatch(reason);
    expect(store.hub.subscriberCount()).toBe(0);
  });

  it("retention 0 keeps no history: only the current version can be resumed", async () => {
    const store = new TestStore({ retention: 0 });
    store.put(item("a"));
    store.put(item("b"));
    expect(thrownConnectError(() => store.hub.subscribe({ resumeVersion: "1" })).code).toBe(Code.OutOfRange);
    const watch = store.hub.subscribe({ resumeVersion: "2" });
    store.put(item("c"));
    expect((await take(watch, 1))[0]).toMatchObject({ name: "c", version: "3" });
    watch.close();
  });

  it("rejects invalid hub options", () => {
    expect(() => new WatchHub({ startVersion: "-3" })).toThrow(RangeError);
    expect(() => new WatchHub({ retention: -1 })).toThrow(RangeError);
    expect(() => new WatchHub({ defaultBufferSize: 0 })).toThrow(RangeError);
    expect(() => new WatchHub().subscribe({ bufferSize: 1.5 })).toThrow(RangeError);
  });
});
