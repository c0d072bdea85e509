/**
 * The retained history of changes, for resuming. Versions are consecutive, so
 * an entry is found by arithmetic, and retention is by count so memory is
 * bounded whatever the publish rate.
 */
import type { LogEntry } from "./log-entry.js";

export class EventLog<T> {
  readonly #capacity: number;
  #slots: (LogEntry<T> | undefined)[] = [];
  /** Index in #slots of the oldest retained entry. */
  #head = 0;
  #count = 0;
  /** The version of the newest entry, or the start version when empty. */
  #newest: number;

  constructor(capacity: number, startVersion: number) {
    this.#capacity = capacity;
    this.#newest = startVersion;
  }

  get newestVersion(): number {
    return this.#newest;
  }

  /** The oldest version a watcher can resume after: one before the oldest retained entry. */
  get oldestResumable(): number {
    return this.#newest - this.#count;
  }

  /** Appends the next entry, evicting the oldest once full. */
  append(entry: LogEntry<T>): void {
    if (entry.version !== this.#newest + 1) throw new Error(`event log: expected version ${this.#newest + 1}, got ${entry.version}`);
    if (this.#capacity === 0) {
      // Retention 0: nothing is kept, only the counter moves.
    } else if (this.#count < this.#capacity) {
      // Grow the ring while not yet full, so a fresh hub does not preallocate.
      this.#slots[(this.#head + this.#count) % this.#capacity] = entry;
      this.#count++;
    } else {
      this.#slots[this.#head] = entry;
      this.#head = (this.#head + 1) % this.#capacity;
    }
    this.#newest = entry.version;
  }

  /** The entry with this version, or undefined if it was evicted or is not published yet. */
  get(version: number): LogEntry<T> | undefined {
    const offset = version - (this.#newest - this.#count + 1);
    if (offset < 0 || offset >= this.#count) return undefined;
    return this.#slots[(this.#head + offset) % this.#capacity];
  }
}
