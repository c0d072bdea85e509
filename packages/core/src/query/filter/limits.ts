/**
 * Bounds on filter size. The proto already caps `filter` at 4096 characters,
 * but the parser and the compiled predicate recurse per nesting level, so a
 * hostile filter like "((((...))))" or "NOT NOT NOT ..." must be refused
 * before it can exhaust the stack.
 */
export const MAX_FILTER_DEPTH = 64;
/** Enough for any filter a person writes (about 100 restrictions). */
export const MAX_FILTER_TOKENS = 512;
