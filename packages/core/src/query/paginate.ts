import type { Predicate } from "./filter/schema.js";
import type { OrderBy } from "./order-by.js";
import { encodePageToken } from "./page-token.js";
import type { SortValue } from "./sort-value.js";

/** Everything paginate needs, already validated; `compileListQuery` builds it from a request. */
export interface ListQuery<T> {
  readonly predicate: Predicate<T>;
  readonly order: OrderBy<T>;
  /** Already coerced (see `coercePageSize`). */
  readonly pageSize: number;
  /** The sort key from the page token; undefined for the first page. */
  readonly startAfter: readonly SortValue[] | undefined;
  /** Goes into the next page token (see `queryFingerprint`). */
  readonly fingerprint: string;
}

export interface Page<T> {
  readonly items: T[];
  /** Empty on the last page. */
  readonly nextPageToken: string;
  /** How many items match the filter, over all pages. */
  readonly totalSize: number;
}

/**
 * Returns one page of `sorted`, which must already be in `query.order` (the
 * store's name-sorted array when `order.byNameOnly`, else sorted by the
 * caller with `order.compare`).
 *
 * The page starts right after the token's sort key, found by binary search,
 * so without a filter a page costs O(log n + page size) however long the
 * list. With a filter, totalSize needs every item tested once, so a filtered
 * page costs O(n) predicate calls, done in the same single pass.
 *
 * Keyset pagination keeps pages consistent under concurrent writes: an item
 * that exists from the first page to the last appears exactly once, in order,
 * whatever is inserted or deleted in between (provided its own sort key does
 * not change, e.g. update_time ordering of an item that is updated).
 */
export function paginate<T>(sorted: readonly T[], query: ListQuery<T>): Page<T> {
  const { order, predicate, pageSize } = query;
  const start = query.startAfter === undefined ? 0 : firstAfter(sorted, order, query.startAfter);

  if (predicate.matchesAll === true) {
    const end = Math.min(start + pageSize, sorted.length);
    const items = sorted.slice(start, end);
    return { items, nextPageToken: end < sorted.length ? tokenAfter(items, query) : "", totalSize: sorted.length };
  }

  const items: T[] = [];
  let totalSize = 0;
  let more = false;
  for (let i = 0; i < sorted.length; i++) {
    const item = sorted[i] as T;
    if (!predicate(item)) {
      continue;
    }
    totalSize++;
    if (i < start) {
      continue;
    }
    if (items.length < pageSize) {
      items.push(item);
    } else {
      more = true;
    }
  }
  return { items, nextPageToken: more ? tokenAfter(items, query) : "", totalSize };
}

/** Index of the first item ordered strictly after `key`, by binary search. */
function firstAfter<T>(sorted: readonly T[], order: OrderBy<T>, key: readonly SortValue[]): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order.compareToKey(sorted[middle] as T, key) > 0) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

function tokenAfter<T>(items: readonly T[], query: ListQuery<T>): string {
  const last = items[items.length - 1];
  // A page is never empty when more items follow (pageSize >= 1), but stay total.
  return last === undefined ? "" : encodePageToken(query.fingerprint, query.order.key(last));
}
