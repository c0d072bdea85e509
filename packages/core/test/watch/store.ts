import { WatchHub, type WatchHubOptions, type WatchSnapshot } from "../../src/watch/index.js";
import type { Item } from "./helpers.js";

/**
 * A minimal store the way the real ones use the hub: every mutation publishes
 * with the previous state, and `snapshot` pairs the items with the version.
 */
export class TestStore {
  readonly hub: WatchHub<Item>;
  readonly items = new Map<string, Item>();

  constructor(options: WatchHubOptions = {}) {
    this.hub = new WatchHub<Item>(options);
  }

  put(next: Item): string {
    const previous = this.items.get(next.name);
    this.items.set(next.name, next);
    return previous === undefined
      ? this.hub.publish({ type: "added", key: next.name, item: next })
      : this.hub.publish({ type: "modified", key: next.name, item: next, previous });
  }

  remove(name: string): string {
    const previous = this.items.get(name);
    if (previous === undefined) throw new Error(`no ${name}`);
    this.items.delete(name);
    return this.hub.publish({ type: "deleted", key: name, item: previous });
  }

  snapshot = (): WatchSnapshot<Item> => ({ items: [...this.items.values()], version: this.hub.currentVersion() });
}
