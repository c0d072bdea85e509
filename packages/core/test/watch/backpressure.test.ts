import { Code } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { connectErrorOf, item, take } from "./helpers.js";
import { TestStore } from "./store.js";

describe("slow consumers", () => {
  it("a consumer that lets its buffer fill is disconnected with ResourceExhausted; fast ones keep receiving", async () => {
    const store = new TestStore();
    store.put(item("seed")); // 1
    const slow = store.hub.subscribe({ resumeVersion: "1", bufferSize: 4 });
    const fast = store.hub.subscribe({ resumeVersion: "1", bufferSize: 4 });
    store.put(item("n0")); // 2
    expect((await take(slow, 1))[0]?.version).toBe("2"); // the slow one read once, then stops

    const fastSeen: string[] = [];
    for (let i = 1; i <= 10; i++) {
      expect(() => store.put(item(`n${i}`))).not.toThrow(); // never blocks or throws
      fastSeen.push(...(await take(fast, i === 1 ? 2 : 1)).map((e) => e.version));
      if (i === 4) expect(store.hub.subscriberCount()).toBe(2); // exactly full, still connected
      if (i === 5) expect(store.hub.subscriberCount()).toBe(1); // one more: gone, buffer released
    }
    expect(fastSeen).toEqual(["2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);

    const error = await connectErrorOf(slow.next());
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toBe("watch consumer too slow: 4 events buffered; re-watch from version 2");
    expect(await slow.next()).toEqual({ done: true, value: undefined });

    // The advice works: re-watching from the version given misses nothing.
    const again = store.hub.subscribe({ resumeVersion: "2" });
    expect((await take(again, 10)).map((e) => e.version)).toEqual(["3", "4", "5", "6", "7", "8", "9", "10", "11", "12"]);
    store.hub.close();
  });

  it("a consumer stuck in the initial state is told to start over, not to resume", async () => {
    const store = new TestStore({ defaultBufferSize: 2 });
    store.put(item("a"));
    store.put(item("b"));
    const watch = store.hub.subscribe({ initial: store.snapshot });
    await take(watch, 1); // one of two initial items
    for (let i = 0; i < 3; i++) store.put(item(`n${i}`));
    const error = await connectErrorOf(watch.next());
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toMatch(/^watch consumer too slow: 2 events buffered; watch again without resume_version/);
    expect(store.hub.subscriberCount()).toBe(0);
  });

  it("only events the filter lets through count against the buffer", async () => {
    const store = new TestStore();
    const watch = store.hub.subscribe({ resumeVersion: "0", bufferSize: 2, predicate: (i) => i.name.startsWith("x") });
    for (let i = 0; i < 50; i++) store.put(item(`other${i}`));
    store.put(item("x1"));
    store.put(item("x2"));
    expect(store.hub.subscriberCount()).toBe(1);
    expect((await take(watch, 2)).map((e) => e.name)).toEqual(["x1", "x2"]);
    store.hub.close();
  });

  it("a consumer catching up from the log is disconnected when the log drops what it still needs", async () => {
    const store = new TestStore({ retention: 5 });
    for (let i = 0; i < 5; i++) store.put(item(`n${i}`));
    const watch = store.hub.subscribe({ resumeVersion: "0" });
    expect((await take(watch, 1))[0]?.version).toBe("1");
    store.put(item("x")); // evicts 1, still fine: it needs 2 next
    expect(store.hub.subscriberCount()).toBe(1);
    store.put(item("y")); // evicts 2, which it has not read
    expect(store.hub.subscriberCount()).toBe(0);
    const error = await connectErrorOf(watch.next());
    expect(error.code).toBe(Code.ResourceExhausted);
    expect(error.rawMessage).toMatch(/fell behind the retained event log; list again/);
  });

  it("memory stays bounded: a consumer that never reads holds at most its buffer", async () => {
    const store = new TestStore({ retention: 100 });
    const watch = store.hub.subscribe({ resumeVersion: "0", bufferSize: 16 });
    for (let i = 0; i < 10_000; i++) store.put(item(`n${i % 10}`, "RUNNING", i));
    expect(store.hub.subscriberCount()).toBe(0);
    expect((await connectErrorOf(watch.next())).code).toBe(Code.ResourceExhausted);
  });
});
