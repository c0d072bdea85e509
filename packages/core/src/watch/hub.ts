/**
 * The watch hub: numbers every change, keeps a bounded log of them for
 * resuming, and fans them out to subscribers. No I/O: the real server and the
 * mock server both put one behind WatchVClusters.
 *
 * Everything here is synchronous. Because JavaScript runs one task at a time,
 * `subscribe` can take the snapshot and register the subscriber in one step
 * that no `publish` can interleave with, which is what makes the stream
 * gap-free and duplicate-free.
 */
import { hubClosed, invalidResumeVersion, resumeVersionTooOld, snapshotInconsistent } from "./errors.js";
import { EventLog } from "./event-log.js";
import { LogEntry } from "./log-entry.js";
import { WatchSubscription, type WatchHost, type WatchStart } from "./subscription.js";
import type { WatchChange, WatchHubOptions, WatchSubscribeOptions } from "./types.js";
import { formatVersion, parseVersion } from "./version.js";

export const DEFAULT_RETENTION = 10_000;
export const DEFAULT_BUFFER_SIZE = 1024;

export class WatchHub<T> {
  readonly #log: EventLog<T>;
  readonly #subscribers = new Set<WatchSubscription<T>>();
  readonly #host: WatchHost<T>;
  readonly #defaultBufferSize: number;
  readonly #clock: () => number;
  #publishing = false;
  #closed = false;

  constructor(options: WatchHubOptions = {}) {
    const start = options.startVersion === undefined ? 0 : parseVersion(options.startVersion);
    if (start === undefined) throw new RangeError(`WatchHub: startVersion ${JSON.stringify(options.startVersion)} is not a decimal integer`);
    const retention = options.retention ?? DEFAULT_RETENTION;
    if (!Number.isSafeInteger(retention) || retention < 0) throw new RangeError(`WatchHub: retention must be an integer >= 0, got ${retention}`);
    this.#defaultBufferSize = checkBufferSize(options.defaultBufferSize ?? DEFAULT_BUFFER_SIZE);
    this.#clock = options.clock ?? Date.now;
    this.#log = new EventLog<T>(retention, start);
    this.#host = { log: this.#log, detach: (subscription) => this.#subscribers.delete(subscription) };
  }

  /** The version of the newest event (or the start version before any publish). */
  currentVersion(): string {
    return formatVersion(this.#log.newestVersion);
  }

  /** The oldest version a watch can still resume after. */
  oldestResumableVersion(): string {
    return formatVersion(this.#log.oldestResumable);
  }

  /** How many subscriptions are live; ended ones are released at once. */
  subscriberCount(): number {
    return this.#subscribers.size;
  }

  /** True after close(). */
  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Records a change and delivers it to every subscriber; returns its version.
   * Never blocks and never throws because of a subscriber: a consumer that
   * cannot keep up is disconnected instead. Keeps working after close() so the
   * store's counter and log stay right during shutdown.
   */
  publish(change: WatchChange<T>): string {
    if (this.#publishing) throw new Error("WatchHub.publish re-entered (from a watch predicate?)");
    const version = this.#log.newestVersion + 1;
    if (!Number.isSafeInteger(version)) throw new RangeError("WatchHub: version counter exhausted");
    const entry = new LogEntry(version, formatVersion(version), change, change.time ?? this.#clock());
    this.#log.append(entry);
    this.#publishing = true;
    try {
      // Deleting from a Set while iterating it is safe: a subscriber that
      // fails here detaches itself and is simply not visited again.
      for (const subscription of this.#subscribers) subscription.deliver(entry);
    } finally {
      this.#publishing = false;
    }
    return entry.versionText;
  }

  /**
   * Starts a watch. Throws ConnectError: InvalidArgument for a malformed or
   * future resume_version, OutOfRange for one older than the retained log,
   * Unavailable after close().
   *
   * Without `resumeVersion`: the items of `initial()` as "added" (none if no
   * `initial` is given), then "synced", then every change after the
   * snapshot's version. With it: every change after that version.
   */
  subscribe(options: WatchSubscribeOptions<T> = {}): WatchSubscription<T> {
    if (this.#closed) throw hubClosed();
    const bufferSize = options.bufferSize === undefined ? this.#defaultBufferSize : checkBufferSize(options.bufferSize);
    const start: WatchStart<T> = {
      ...this.#startPoint(options),
      time: this.#clock(),
      predicate: options.predicate,
      bufferSize,
      signal: options.signal,
    };
    const subscription = new WatchSubscription(this.#host, start);
    this.#subscribers.add(subscription);
    if (options.signal?.aborted === true) subscription.close();
    return subscription;
  }

  /** Ends every subscription cleanly (their iterators report done) and refuses new ones. */
  close(): void {
    this.#closed = true;
    for (const subscription of this.#subscribers) subscription.close();
    this.#subscribers.clear();
  }

  #startPoint(options: WatchSubscribeOptions<T>): { initialItems: readonly T[] | undefined; version: number } {
    const resume = options.resumeVersion;
    if (resume !== undefined && resume !== "") return { initialItems: undefined, version: this.#checkResume(resume) };
    if (options.initial === undefined) return { initialItems: [], version: this.#log.newestVersion };
    const snapshot = options.initial();
    const version = parseVersion(snapshot.version);
    if (version === undefined) throw snapshotInconsistent(snapshot.version, "is not a decimal integer");
    if (version > this.#log.newestVersion) {
      throw snapshotInconsistent(snapshot.version, `is newer than the hub's current version ${this.currentVersion()}`);
    }
    if (version < this.#log.oldestResumable) {
      throw snapshotInconsistent(snapshot.version, `is older than the retained log (from ${this.oldestResumableVersion()})`);
    }
    return { initialItems: snapshot.items, version };
  }

  #checkResume(text: string): number {
    const version = parseVersion(text);
    if (version === undefined) throw invalidResumeVersion(text, "not a version returned by List or Watch (expected a decimal integer)");
    if (version > this.#log.newestVersion) {
      throw invalidResumeVersion(text, `newer than the current version ${this.currentVersion()}`);
    }
    if (version < this.#log.oldestResumable) throw resumeVersionTooOld(text, this.oldestResumableVersion());
    return version;
  }
}

function checkBufferSize(size: number): number {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError(`WatchHub: bufferSize must be an integer >= 1, got ${size}`);
  return size;
}
