/**
 * The shapes the watch hub speaks. They are generic over the resource type so
 * the same hub carries VCluster messages today and other resources later.
 */

/** The kinds of change a publisher reports. */
export type WatchChangeType = "added" | "modified" | "deleted";

/** The kinds of event a subscriber receives: the changes plus the end of the initial state. */
export type WatchEventType = WatchChangeType | "synced";

/** One change, as reported by the store that owns the resources. */
export interface WatchChange<T> {
  readonly type: WatchChangeType;
  /** The resource's identity (e.g. its name); carried through to the events. */
  readonly key: string;
  /** The resource after the change; for "deleted", its last state. */
  readonly item: T;
  /**
   * The resource before the change. Only read for "modified", where filtered
   * watches need it to tell "started matching" and "stopped matching" apart
   * from an ordinary modification. Without it the hub assumes the item matched
   * before exactly when it matches now (no transition).
   */
  readonly previous?: T;
  /** When the change happened, in ms since the epoch; defaults to the hub's clock at publish time. */
  readonly time?: number;
}

/** One event of a watch stream. Events are frozen and shared between subscribers: never mutate them. */
export interface WatchEvent<T> {
  readonly type: WatchEventType;
  /**
   * The resource: after the change for "added"/"modified", its last state for
   * "deleted". For a filtered watch, a resource that stops matching arrives as
   * "deleted" carrying the previous item, the last state that matched (as
   * Kubernetes does). Absent for "synced".
   */
  readonly item?: T;
  /** The resource's key; absent for "synced". */
  readonly key?: string;
  /**
   * The opaque version of this event: resume after it with `resumeVersion`.
   * The initial-state events and "synced" carry the snapshot's version.
   */
  readonly version: string;
  /** When the change happened (ms since the epoch); for the initial state, when the snapshot was taken. */
  readonly time: number;
}

/** A consistent view of the current state, taken atomically with its version. */
export interface WatchSnapshot<T> {
  readonly items: readonly T[];
  readonly version: string;
}

/** How to subscribe. */
export interface WatchSubscribeOptions<T> {
  /**
   * Start with the current state: one "added" per matching item, then
   * "synced", then every change after `version`. Called synchronously inside
   * `subscribe`, so no publish can fall between the snapshot and the
   * registration. Ignored when `resumeVersion` is set.
   */
  readonly initial?: () => WatchSnapshot<T>;
  /**
   * Resume after this version (from an event or from List): no initial state,
   * exactly the changes after it. Empty string means "not set".
   */
  readonly resumeVersion?: string;
  /** Only items for which this returns true (a filtered watch). Must be pure. */
  readonly predicate?: (item: T) => boolean;
  /** How many undelivered events this subscriber may hold before it is disconnected. */
  readonly bufferSize?: number;
  /** Aborting ends the subscription cleanly and releases it. */
  readonly signal?: AbortSignal;
}

/** How to build a hub. */
export interface WatchHubOptions {
  /**
   * The version to continue from: the first publish gets this plus one. A
   * persistent store restores it after a restart. Decimal string; default "0".
   */
  readonly startVersion?: string;
  /** How many events the log keeps for resuming. Default 10_000. */
  readonly retention?: number;
  /** The per-subscriber buffer when `subscribe` does not say. Default 1024. */
  readonly defaultBufferSize?: number;
  /** The clock for event times, ms since the epoch. Default `Date.now`. */
  readonly clock?: () => number;
}
