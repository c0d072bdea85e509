import { Code } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import { item, take, thrownConnectError, withTimeout } from "./helpers.js";
import { TestStore } from "./store.js";

const DONE = { done: true, value: undefined };

describe("ending a watch", () => {
  it("return() releases the subscriber at once and settles a pending next()", async () => {
    const store = new TestStore();
    const watch = store.hub.subscribe({ initial: store.snapshot });
    await take(watch, 1);
    const pending = watch.next();
    expect(store.hub.subscriberCount()).toBe(1);
    expect(await watch.return()).toEqual(DONE);
    expect(store.hub.subscriberCount()).toBe(0);
    expect(await withTimeout(pending, 100)).toEqual(DONE);
    store.put(item("a"));
    expect(await watch.next()).toEqual(DONE);
  });

  it("breaking out of for-await releases the subscriber", async () => {
    const store = new TestStore();
    store.put(item("a"));
    store.put(item("b"));
    const watch = store.hub.subscribe({ initial: store.snapshot });
    const names: string[] = [];
    for await (const event of watch) {
      if (event.type === "synced") break;
      names.push(event.item?.name ?? "");
    }
    expect(names).toEqual(["a", "b"]);
    expect(store.hub.subscriberCount()).toBe(0);
  });

  it("aborting the signal ends the stream cleanly and removes the listener", async () => {
    const store = new TestStore();
    const controller = new AbortController();
    const watch = store.hub.subscribe({ initial: store.snapshot, signal: controller.signal });
    await take(watch, 1);
    const pending = watch.next();
    controller.abort();
    expect(store.hub.subscriberCount()).toBe(0);
    expect(await withTimeout(pending, 100)).toEqual(DONE);
  });

  it("an already aborted signal gives a finished stream and registers nothing", async () => {
    const store = new TestStore();
    const watch = store.hub.subscribe({ initial: store.snapshot, signal: AbortSignal.abort() });
    expect(store.hub.subscriberCount()).toBe(0);
    expect(await watch.next()).toEqual(DONE);
  });

  it("closing releases the abort listener, so a long-lived signal does not keep watches alive", () => {
    const store = new TestStore();
    const controller = new AbortController();
    let added = 0;
    let removed = 0;
    const signal = controller.signal;
    const add = signal.addEventListener.bind(signal);
    const remove = signal.removeEventListener.bind(signal);
    signal.addEventListener = ((...args: Parameters<AbortSignal["addEventListener"]>) => {
      added++;
      add(...args);
    }) as AbortSignal["addEventListener"];
    signal.removeEventListener = ((...args: Parameters<AbortSignal["removeEventListener"]>) => {
      removed++;
      remove(...args);
    }) as AbortSignal["removeEventListener"];
    for (let i = 0; i < 10; i++) store.hub.subscribe({ signal }).close();
    expect(added).toBe(10);
    expect(removed).toBe(10);
  });

  it("hub.close() ends every iterator cleanly, pending or not, and refuses new watches", async () => {
    const store = new TestStore();
    const watches = Array.from({ length: 5 }, () => store.hub.subscribe({ initial: store.snapshot }));
    await Promise.all(watches.map((w) => take(w, 1)));
    const pending = watches.slice(0, 3).map((w) => w.next());
    store.hub.close();
    expect(store.hub.closed).toBe(true);
    expect(store.hub.subscriberCount()).toBe(0);
    expect(await withTimeout(Promise.all(pending), 100)).toEqual([DONE, DONE, DONE]);
    for (const w of watches) expect(await w.next()).toEqual(DONE);
    expect(thrownConnectError(() => store.hub.subscribe()).code).toBe(Code.Unavailable);
    // The counter keeps working for the store during shutdown.
    expect(store.put(item("a"))).toBe("1");
  });

  it("close() is idempotent and safe after a failure", async () => {
    const store = new TestStore();
    const watch = store.hub.subscribe({ resumeVersion: "0", bufferSize: 1 });
    store.put(item("a"));
    store.put(item("b")); // overflows
    watch.close();
    watch.close();
    expect(await watch.next()).toEqual(DONE);
    expect(store.hub.subscriberCount()).toBe(0);
  });
});
