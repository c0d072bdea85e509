import { ConnectError } from "@connectrpc/connect";
import type { WatchEvent } from "../../src/watch/index.js";

/** The resource the tests watch: enough to filter on and to tell states apart. */
export interface Item {
  readonly name: string;
  readonly state: string;
  readonly rev: number;
}

export function item(name: string, state = "RUNNING", rev = 1): Item {
  return { name, state, rev };
}

/** An event reduced to what the assertions compare. */
export interface Seen {
  type: string;
  name?: string;
  state?: string;
  rev?: number;
  version: string;
}

export function seen(event: WatchEvent<Item>): Seen {
  const out: Seen = { type: event.type, version: event.version };
  if (event.item !== undefined) {
    out.name = event.item.name;
    out.state = event.item.state;
    out.rev = event.item.rev;
  }
  return out;
}

/** Takes exactly `count` events, failing if the stream ends or stalls first. */
export async function take(iterator: AsyncIterator<WatchEvent<Item>, undefined>, count: number, timeoutMs = 1000): Promise<Seen[]> {
  const out: Seen[] = [];
  while (out.length < count) {
    const result = await withTimeout(iterator.next(), timeoutMs);
    if (result.done === true) throw new Error(`stream ended after ${out.length} of ${count} events`);
    out.push(seen(result.value));
  }
  return out;
}

/** Resolves to "pending" if the promise has not settled after a few macrotasks. */
export async function settledOrPending<V>(promise: Promise<V>): Promise<V | "pending"> {
  const timer = new Promise<"pending">((resolve) => setTimeout(() => resolve("pending"), 20));
  return Promise.race([promise, timer]);
}

export async function withTimeout<V>(promise: Promise<V>, ms: number): Promise<V> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Awaits a rejection and returns it as a ConnectError (fails the test otherwise). */
export async function connectErrorOf(promise: Promise<unknown>): Promise<ConnectError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ConnectError) return error;
    throw new Error(`expected a ConnectError, got ${String(error)}`);
  }
  throw new Error("expected a rejection");
}

/** Runs `fn` and returns the ConnectError it throws synchronously. */
export function thrownConnectError(fn: () => unknown): ConnectError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConnectError) return error;
    throw new Error(`expected a ConnectError, got ${String(error)}`);
  }
  throw new Error("expected a throw");
}

/** A small deterministic PRNG (mulberry32) so randomized tests replay from their seed. */
export function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
