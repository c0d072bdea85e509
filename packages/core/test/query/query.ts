// The SDK-free part of the public surface. Tests of the generic machinery
// import it from here rather than from src/query/index.ts, so they do not
// depend on @open-vcluster/sdk's build output (which other packages rebuild
// concurrently); resources.test.ts covers index.ts and the SDK schemas.
export { compileFilter } from "../../src/query/filter/compile.js";
export { parseFilter } from "../../src/query/filter/parser.js";
export type { FilterNode } from "../../src/query/filter/ast.js";
export type { FilterSchema, Predicate } from "../../src/query/filter/schema.js";
export { MAX_FILTER_DEPTH, MAX_FILTER_TOKENS } from "../../src/query/filter/limits.js";
export { compileOrderBy, type OrderBy, type OrderFields } from "../../src/query/order-by.js";
export { compareNames, compareSortValues, type SortValue } from "../../src/query/sort-value.js";
export { coercePageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../../src/query/page-size.js";
export { decodePageToken, encodePageToken, queryFingerprint } from "../../src/query/page-token.js";
export { paginate, type ListQuery, type Page } from "../../src/query/paginate.js";
export { compileListQuery, type ListSpec } from "../../src/query/list-query.js";
export { parseRfc3339, timestampMillis, toEpochMillis } from "../../src/query/timestamp.js";
