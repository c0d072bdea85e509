/**
 * One published change, plus the few event objects subscribers see for it.
 * The views are built lazily and shared by every subscriber (and by replays),
 * so a publish allocates O(1) objects no matter how many watchers there are.
 */
import type { WatchChange, WatchEvent } from "./types.js";

/** What a subscriber's iterator yields; frozen and shared, so never mutated. */
export type WatchResult<T> = IteratorYieldResult<WatchEvent<T>>;

export class LogEntry<T> {
  #asPublished: WatchResult<T> | undefined;
  #asAdded: WatchResult<T> | undefined;
  #asLeft: WatchResult<T> | undefined;

  constructor(
    readonly version: number,
    readonly versionText: string,
    readonly change: WatchChange<T>,
    readonly time: number,
  ) {}

  /** The change as published: what an unfiltered watch sees. */
  asPublished(): WatchResult<T> {
    return (this.#asPublished ??= this.#result(this.change.type, this.change.item));
  }

  /** A modification that made the item start matching a filter. */
  asAdded(): WatchResult<T> {
    return (this.#asAdded ??= this.#result("added", this.change.item));
  }

  /**
   * A modification that made the item stop matching a filter: "deleted" with
   * the last state the watcher saw match (Kubernetes does the same), so a
   * client's filtered cache only ever holds states that matched.
   */
  asLeft(): WatchResult<T> {
    return (this.#asLeft ??= this.#result("deleted", this.change.previous ?? this.change.item));
  }

  #result(type: WatchEvent<T>["type"], item: T): WatchResult<T> {
    const event: WatchEvent<T> = Object.freeze({
      type,
      item,
      key: this.change.key,
      version: this.versionText,
      time: this.time,
    });
    return Object.freeze({ done: false as const, value: event });
  }
}
