import { invalidArgument } from "./errors.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** AIP-158 page_size: 0 (unset) means 50, anything above 1000 is coerced to 1000, negative is INVALID_ARGUMENT. */
export function coercePageSize(pageSize: number): number {
  if (!Number.isInteger(pageSize) || pageSize < 0) {
    throw invalidArgument("page_size", `page_size must be a non-negative integer, got ${pageSize}`);
  }
  if (pageSize === 0) {
    return DEFAULT_PAGE_SIZE;
  }
  return Math.min(pageSize, MAX_PAGE_SIZE);
}
