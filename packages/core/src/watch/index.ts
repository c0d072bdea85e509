/**
 * The public surface of the watch semantics. Everything else in this folder
 * is an implementation detail.
 */
export { DEFAULT_BUFFER_SIZE, DEFAULT_RETENTION, WatchHub } from "./hub.js";
export type { WatchSubscription } from "./subscription.js";
export type {
  WatchChange,
  WatchChangeType,
  WatchEvent,
  WatchEventType,
  WatchHubOptions,
  WatchSnapshot,
  WatchSubscribeOptions,
} from "./types.js";
