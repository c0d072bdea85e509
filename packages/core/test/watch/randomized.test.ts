/**
 * Interleaves publishes, subscriptions, partial reads, pauses and closes at
 * random (seeded, so a failure replays), and checks every subscriber against
 * an independent model: its stream must equal the log it subscribed to,
 * projected through its filter, with no gap, duplicate or reordering. A
 * subscriber that was disconnected or closed must have seen a prefix of it.
 */
import { Code, ConnectError } from "@connectrpc/connect";
import { describe, expect, it } from "vitest";
import type { WatchSubscription } from "../../src/watch/index.js";
import { item, rng, seen, type Item, type Seen } from "./helpers.js";
import { TestStore } from "./store.js";

interface Published {
  version: string;
  type: "added" | "modified" | "deleted";
  item: Item;
  previous?: Item;
}

interface Watcher {
  subscription: WatchSubscription<Item>;
  expectedPrefix: Seen[]; // the initial state and synced, if any
  startVersion: number; // the model log is replayed after this
  predicate?: (i: Item) => boolean;
  slow: boolean;
  events: Seen[];
  error?: unknown;
  closedByTest: boolean;
  loop?: Promise<void>;
}

const running = (i: Item): boolean => i.state === "RUNNING";
const STATES = ["RUNNING", "STOPPED", "STARTING"];

/** The model of a filtered watch, written independently of src/watch/projection.ts. */
function expectedLive(log: Published[], after: number, predicate?: (i: Item) => boolean): Seen[] {
  const out: Seen[] = [];
  for (const change of log.slice(after)) {
    const view = (type: string, it: Item): Seen => ({ type, name: it.name, state: it.state, rev: it.rev, version: change.version });
    if (predicate === undefined) {
      out.push(view(change.type, change.item));
      continue;
    }
    if (change.type !== "modified") {
      if (predicate(change.item)) out.push(view(change.type, change.item));
      continue;
    }
    const before = change.previous !== undefined && predicate(change.previous);
    const now = predicate(change.item);
    if (before && now) out.push(view("modified", change.item));
    else if (now) out.push(view("added", change.item));
    else if (before && change.previous !== undefined) out.push(view("deleted", change.previous));
  }
  return out;
}

async function pause(rand: () => number): Promise<void> {
  const ticks = Math.floor(rand() * 4);
  for (let i = 0; i < ticks; i++) {
    if (rand() < 0.5) await Promise.resolve();
    else await new Promise((resolve) => setImmediate(resolve));
  }
}

async function consume(watcher: Watcher, rand: () => number): Promise<void> {
  try {
    for (;;) {
      const result = await watcher.subscription.next();
      if (result.done === true) return;
      watcher.events.push(seen(result.value));
      if (watcher.slow && rand() < 0.5) await pause(rand);
    }
  } catch (error) {
    watcher.error = error;
  }
}

async function run(seed: number): Promise<{ watchers: number; disconnected: number; events: number }> {
  const rand = rng(seed);
  const store = new TestStore({ retention: 1_000_000 });
  const log: Published[] = [];
  const watchers: Watcher[] = [];
  let rev = 0;

  for (let step = 0; step < 600; step++) {
    const roll = rand();
    if (roll < 0.5) {
      const name = `k${Math.floor(rand() * 8)}`;
      const previous = store.items.get(name);
      if (previous !== undefined && rand() < 0.3) {
        log.push({ version: store.remove(name), type: "deleted", item: previous });
      } else {
        const next = item(name, STATES[Math.floor(rand() * STATES.length)], ++rev);
        const type = previous === undefined ? "added" : "modified";
        log.push({ version: store.put(next), type, item: next, ...(previous === undefined ? {} : { previous }) });
      }
    } else if (roll < 0.65) {
      const predicate = rand() < 0.5 ? running : undefined;
      const slow = rand() < 0.3;
      const bufferSize = slow && rand() < 0.5 ? 1 + Math.floor(rand() * 4) : 1 << 20;
      let watcher: Watcher;
      if (rand() < 0.5) {
        const snapshot = store.snapshot();
        const initial = snapshot.items
          .filter((i) => predicate === undefined || predicate(i))
          .map((i): Seen => ({ type: "added", name: i.name, state: i.state, rev: i.rev, version: snapshot.version }));
        watcher = {
          subscription: store.hub.subscribe({ initial: () => snapshot, predicate, bufferSize }),
          expectedPrefix: [...initial, { type: "synced", version: snapshot.version }],
          startVersion: Number(snapshot.version),
          predicate,
          slow,
          events: [],
          closedByTest: false,
        };
      } else {
        const from = Math.floor(rand() * (log.length + 1));
        watcher = {
          subscription: store.hub.subscribe({ resumeVersion: String(from), predicate, bufferSize }),
          expectedPrefix: [],
          startVersion: from,
          predicate,
          slow,
          events: [],
          closedByTest: false,
        };
      }
      watcher.loop = consume(watcher, rand);
      watchers.push(watcher);
    } else if (roll < 0.7 && watchers.length > 0) {
      const victim = watchers[Math.floor(rand() * watchers.length)];
      if (victim !== undefined && victim.subscription.open) {
        victim.closedByTest = true;
        victim.subscription.close();
      }
    } else {
      await pause(rand);
    }
  }

  const expectedOf = (w: Watcher): Seen[] => [...w.expectedPrefix, ...expectedLive(log, w.startVersion, w.predicate)];
  // Let every consumer that is still connected drain what it is owed.
  for (let i = 0; i < 10_000; i++) {
    const behind = watchers.some((w) => w.subscription.open && w.events.length < expectedOf(w).length);
    if (!behind) break;
    await new Promise((resolve) => setImmediate(resolve));
  }

  let disconnected = 0;
  let events = 0;
  for (const w of watchers) {
    const expected = expectedOf(w);
    events += w.events.length;
    if (w.error !== undefined) {
      disconnected++;
      expect(w.error).toBeInstanceOf(ConnectError);
      expect((w.error as ConnectError).code).toBe(Code.ResourceExhausted);
      expect(w.events).toEqual(expected.slice(0, w.events.length));
    } else if (w.closedByTest) {
      expect(w.events).toEqual(expected.slice(0, w.events.length));
    } else {
      expect(w.events).toEqual(expected);
    }
  }
  const open = watchers.filter((w) => w.subscription.open).length;
  expect(store.hub.subscriberCount()).toBe(open);
  store.hub.close();
  await Promise.all(watchers.map((w) => w.loop));
  expect(store.hub.subscriberCount()).toBe(0);
  return { watchers: watchers.length, disconnected, events };
}

describe("randomized interleaving of publishes and subscriptions", () => {
  it.each(Array.from({ length: 12 }, (_, i) => 1000 + i))("seed %i: every stream equals the log, gap- and duplicate-free", async (seed) => {
    const stats = await run(seed);
    // Guard against a vacuous run: the mix must actually exercise the hub.
    expect(stats.watchers).toBeGreaterThan(30);
    expect(stats.events).toBeGreaterThan(1000);
  });

  it("the mix disconnects some slow consumers across seeds (so that path is checked too)", async () => {
    let disconnected = 0;
    for (let seed = 2000; seed < 2005; seed++) disconnected += (await run(seed)).disconnected;
    expect(disconnected).toBeGreaterThan(0);
  });
});
