/** One component of a sort key. Timestamps sort as epoch milliseconds, int64 fields as bigint. */
export type SortValue = string | number | bigint;

/**
 * Orders two sort values. Strings compare by UTF-16 code units (what `<`
 * does, not locale order), which is the order the store must keep its
 * name-sorted arrays in for keyset pagination to seek correctly.
 * Numbers and bigints compare with each other by value.
 */
export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === "string" || typeof b === "string") {
    if (typeof a !== typeof b) {
      // Only a forged page token can mix kinds; any fixed order keeps sorting total.
      return typeof a === "string" ? 1 : -1;
    }
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The order of resource names: for sorting the store's arrays, `names.sort(compareNames)`. */
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
