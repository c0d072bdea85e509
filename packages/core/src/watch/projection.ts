/**
 * What a (possibly filtered) watcher sees of one change. A filtered watch is a
 * view of the subset that matches, so membership changes become adds and
 * deletes:
 *
 *   matched before | matches after | event
 *   yes            | yes           | modified (or the published type)
 *   no             | yes           | added
 *   yes            | no            | deleted, carrying the previous item
 *   no             | no            | nothing
 *
 * "added" only has an after, "deleted" only a before (its last state).
 */
import type { LogEntry, WatchResult } from "./log-entry.js";

export function project<T>(entry: LogEntry<T>, predicate: ((item: T) => boolean) | undefined): WatchResult<T> | undefined {
  if (predicate === undefined) return entry.asPublished();
  const { type, item, previous } = entry.change;
  switch (type) {
    case "added":
      return predicate(item) ? entry.asPublished() : undefined;
    case "deleted":
      return predicate(item) ? entry.asPublished() : undefined;
    case "modified": {
      const after = predicate(item);
      // Without the previous state, assume membership did not change.
      const before = previous === undefined ? after : predicate(previous);
      if (before && after) return entry.asPublished();
      if (after) return entry.asAdded();
      if (before) return entry.asLeft();
      return undefined;
    }
  }
}
