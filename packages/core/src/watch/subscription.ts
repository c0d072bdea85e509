/**
 * One watcher: an async iterator over its events, fed by the hub.
 *
 * A subscriber reads, in order:
 *   1. the initial state (if subscribed without a resume version), then "synced";
 *   2. a catch-up from the hub's log, after its start version up to the newest
 *      event (a resume, or a snapshot older than the newest event). The log
 *      already holds these, so they are read in place, never copied;
 *   3. live events, which the hub pushes into a bounded queue, or hands
 *      straight to a pending next() when the consumer is waiting.
 *
 * The phase switches from 2 to 3 inside a synchronous step that has read the
 * newest event, so no publish can fall between them: no gaps, no duplicates.
 */
import type { ConnectError } from "@connectrpc/connect";
import { consumerFellBehindLog, consumerTooSlow, predicateFailed } from "./errors.js";
import type { EventLog } from "./event-log.js";
import type { LogEntry, WatchResult } from "./log-entry.js";
import { project } from "./projection.js";
import { RingQueue } from "./ring-queue.js";
import type { WatchEvent } from "./types.js";
import { formatVersion } from "./version.js";

/** What a subscription needs from its hub. */
export interface WatchHost<T> {
  readonly log: EventLog<T>;
  /** Forget the subscriber; called exactly once, when it ends for any reason. */
  detach(subscription: WatchSubscription<T>): void;
}

/** Where a subscription starts. */
export interface WatchStart<T> {
  /** The initial state to send before "synced", or undefined for a resume. */
  readonly initialItems: readonly T[] | undefined;
  /** The version the subscriber has everything up to (snapshot or resume version). */
  readonly version: number;
  /** The time stamped on the initial-state events. */
  readonly time: number;
  readonly predicate: ((item: T) => boolean) | undefined;
  readonly bufferSize: number;
  readonly signal: AbortSignal | undefined;
}

interface Waiter<T> {
  resolve(result: IteratorResult<WatchEvent<T>, undefined>): void;
  reject(error: unknown): void;
}

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true as const, value: undefined });

export class WatchSubscription<T> implements AsyncIterator<WatchEvent<T>, undefined> {
  readonly #host: WatchHost<T>;
  readonly #predicate: ((item: T) => boolean) | undefined;
  readonly #bufferSize: number;
  readonly #signal: AbortSignal | undefined;
  readonly #onAbort = (): void => this.close();

  // Phase 1: initial state.
  #initial: readonly T[] | undefined;
  #initialIndex = 0;
  #syncedPending: boolean;
  readonly #startVersionText: string;
  readonly #startTime: number;

  // Phase 2: catch-up from the log. #cursor is the last log version read.
  #catchingUp: boolean;
  #cursor: number;

  // Phase 3: live events.
  readonly #queue = new RingQueue<WatchResult<T>>();
  #waiters: Waiter<T>[] = [];

  #state: "open" | "failed" | "done" = "open";
  #error: ConnectError | undefined;
  /**
   * The version of the last event taken once the consumer held a complete
   * state; resuming from it loses nothing. Undefined during the initial state.
   */
  #resumable: string | undefined;

  constructor(host: WatchHost<T>, start: WatchStart<T>) {
    this.#host = host;
    this.#predicate = start.predicate;
    this.#bufferSize = start.bufferSize;
    this.#signal = start.signal;
    this.#initial = start.initialItems;
    this.#syncedPending = start.initialItems !== undefined;
    this.#startVersionText = formatVersion(start.version);
    this.#startTime = start.time;
    this.#cursor = start.version;
    this.#catchingUp = start.version < host.log.newestVersion;
    this.#resumable = start.initialItems === undefined ? this.#startVersionText : undefined;
    this.#signal?.addEventListener("abort", this.#onAbort, { once: true });
  }

  /** False once the subscription ended (closed, aborted, failed or hub closed). */
  get open(): boolean {
    return this.#state === "open";
  }

  /**
   * The version to resume from to continue exactly after what this consumer
   * has taken, or undefined while it has not taken the whole initial state.
   */
  get resumeVersion(): string | undefined {
    return this.#resumable;
  }

  /**
   * True while a consumer waits in next() with nothing left to take: it has
   * seen (or had filtered out) every event published so far, so the hub's
   * current version is a resume point that loses nothing (a bookmark).
   */
  get waiting(): boolean {
    return this.#state === "open" && this.#waiters.length > 0;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  next(): Promise<IteratorResult<WatchEvent<T>, undefined>> {
    if (this.#state === "failed") {
      // Like a generator: throw once, then stay finished.
      const error = this.#error;
      this.#state = "done";
      this.#error = undefined;
      return Promise.reject(error);
    }
    if (this.#state === "done") return Promise.resolve(DONE);
    let result: WatchResult<T> | undefined;
    try {
      result = this.#take();
    } catch {
      return this.next(); // #take failed the subscription; report it like any failure.
    }
    if (result !== undefined) return Promise.resolve(result);
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Ends the subscription (e.g. when `for await` exits early). */
  return(): Promise<IteratorResult<WatchEvent<T>, undefined>> {
    this.close();
    return Promise.resolve(DONE);
  }

  /** Ends the subscription cleanly: pending and later next() calls report done. Idempotent. */
  close(): void {
    if (this.#state === "done") return;
    const wasOpen = this.#state === "open";
    this.#state = "done";
    this.#error = undefined;
    if (wasOpen) this.#release();
    this.#settleWaiters(undefined);
  }

  /**
   * @internal Hub only. Called after the hub appended `entry` to the log. Runs once per
   * subscriber per publish, so the common path (consumer waiting, unfiltered)
   * is a cached lookup and a resolve, with no allocation.
   */
  deliver(entry: LogEntry<T>): void {
    if (this.#catchingUp) {
      // The event is in the log and will be read from there. No next() can be
      // pending in this phase (#take only gives up after leaving it), so the
      // only thing to check is whether the log just dropped an unread event.
      if (this.#cursor < this.#host.log.oldestResumable) {
        this.#fail(consumerFellBehindLog(this.#resumable, formatVersion(this.#host.log.oldestResumable)));
      }
      return;
    }
    let result: WatchResult<T> | undefined;
    try {
      result = project(entry, this.#predicate);
    } catch (cause) {
      this.#fail(predicateFailed(cause));
      return;
    }
    if (result === undefined) return;
    const waiter = this.#waiters.length > 0 ? this.#waiters.shift() : undefined;
    if (waiter !== undefined) {
      // A waiter means everything before was taken, so this one is next in line.
      this.#resumable = entry.versionText;
      waiter.resolve(result);
    } else if (this.#queue.length >= this.#bufferSize) {
      this.#fail(consumerTooSlow(this.#queue.length, this.#resumable));
    } else {
      this.#queue.push(result);
    }
  }

  /** The next event if one is ready. Throws (after failing the subscription) if it cannot continue. */
  #take(): WatchResult<T> | undefined {
    if (this.#initial !== undefined) {
      const event = this.#takeInitial();
      if (event !== undefined) return event;
    }
    if (this.#syncedPending) {
      this.#syncedPending = false;
      this.#resumable = this.#startVersionText;
      return this.#result({ type: "synced", version: this.#startVersionText, time: this.#startTime });
    }
    if (this.#catchingUp) {
      const event = this.#takeFromLog();
      if (event !== undefined) return event;
    }
    const event = this.#queue.shift();
    if (event !== undefined) this.#resumable = event.value.version;
    return event;
  }

  #takeInitial(): WatchResult<T> | undefined {
    const items = this.#initial ?? [];
    while (this.#initialIndex < items.length) {
      const item = items[this.#initialIndex++] as T;
      if (this.#matches(item)) {
        return this.#result({ type: "added", item, version: this.#startVersionText, time: this.#startTime });
      }
    }
    this.#initial = undefined; // release the snapshot as soon as it is sent
    return undefined;
  }

  #takeFromLog(): WatchResult<T> | undefined {
    const log = this.#host.log;
    while (this.#cursor < log.newestVersion) {
      const entry = log.get(this.#cursor + 1);
      if (entry === undefined) {
        throw this.#fail(consumerFellBehindLog(this.#resumable, formatVersion(log.oldestResumable)));
      }
      this.#cursor = entry.version;
      let event: WatchResult<T> | undefined;
      try {
        event = project(entry, this.#predicate);
      } catch (cause) {
        throw this.#fail(predicateFailed(cause));
      }
      if (event !== undefined) {
        this.#resumable = entry.versionText;
        return event;
      }
    }
    // Read up to the newest event: from now on the hub pushes live events.
    this.#catchingUp = false;
    return undefined;
  }

  #matches(item: T): boolean {
    if (this.#predicate === undefined) return true;
    try {
      return this.#predicate(item);
    } catch (cause) {
      throw this.#fail(predicateFailed(cause));
    }
  }

  /** Ends the subscription with an error: the next next() (or a pending one) rejects with it. */
  #fail(error: ConnectError): ConnectError {
    if (this.#state !== "open") return error;
    this.#state = "failed";
    this.#error = error;
    this.#release();
    if (this.#waiters.length > 0) {
      this.#state = "done";
      this.#error = undefined;
      this.#settleWaiters(error);
    }
    return error;
  }

  /** Frees everything the subscription holds and unregisters it from the hub. */
  #release(): void {
    this.#queue.clear();
    this.#initial = undefined;
    this.#signal?.removeEventListener("abort", this.#onAbort);
    this.#host.detach(this);
  }

  /** Settles every pending next(): the first rejects with `error` if given, the rest are done. */
  #settleWaiters(error: ConnectError | undefined): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const [index, waiter] of waiters.entries()) {
      if (index === 0 && error !== undefined) waiter.reject(error);
      else waiter.resolve(DONE);
    }
  }

  #result(event: WatchEvent<T>): WatchResult<T> {
    return { done: false, value: Object.freeze(event) };
  }
}
