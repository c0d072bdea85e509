/**
 * An array kept sorted by a string key, with binary-search insert, replace and
 * remove, so listing stays a slice of an already sorted array however many
 * items there are.
 */
export class SortedList<T> {
  private items: T[] = [];

  constructor(private readonly keyOf: (item: T) => string) {}

  get all(): readonly T[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }

  /** Inserts, or replaces the item with the same key. */
  upsert(item: T): void {
    const key = this.keyOf(item);
    const i = this.lowerBound(key);
    if (i < this.items.length && this.keyOf(this.items[i] as T) === key) this.items[i] = item;
    else this.items.splice(i, 0, item);
  }

  remove(key: string): void {
    const i = this.lowerBound(key);
    if (i < this.items.length && this.keyOf(this.items[i] as T) === key) this.items.splice(i, 1);
  }

  /** The first index whose key is >= `key`. */
  private lowerBound(key: string): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keyOf(this.items[mid] as T) < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
