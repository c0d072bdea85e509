// Listing semantics shared by the real and the mock server, with no I/O:
// AIP-160 filters, AIP-132 order_by, AIP-158 page sizes and keyset page tokens.
export { compileFilter } from "./filter/compile.js";
export { parseFilter } from "./filter/parser.js";
export type { FilterNode, Literal, PathSegment, Restriction } from "./filter/ast.js";
export type {
  BoolField,
  EnumField,
  EnumValue,
  EnumValues,
  FieldSpec,
  FilterSchema,
  IntField,
  MapField,
  Predicate,
  StringField,
  TimestampField,
} from "./filter/schema.js";
export { MAX_FILTER_DEPTH, MAX_FILTER_TOKENS } from "./filter/limits.js";
export { compileOrderBy, type OrderBy, type OrderField, type OrderFields } from "./order-by.js";
export { compareNames, compareSortValues, type SortValue } from "./sort-value.js";
export { coercePageSize, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "./page-size.js";
export { decodePageToken, encodePageToken, queryFingerprint, type QueryIdentity } from "./page-token.js";
export { paginate, type ListQuery, type Page } from "./paginate.js";
export { compileListQuery, type ListRequestFields, type ListSpec } from "./list-query.js";
export { parseRfc3339, timestampMillis, toEpochMillis, type EpochMillis } from "./timestamp.js";
export {
  operationFilterSchema,
  operationListSpec,
  operationOrderFields,
  snapshotFilterSchema,
  snapshotListSpec,
  snapshotOrderFields,
  vclusterFilterSchema,
  vclusterListSpec,
  vclusterOrderFields,
} from "./resources.js";
export { projectFilterSchema, projectListSpec, projectOrderFields } from "./projects.js";
