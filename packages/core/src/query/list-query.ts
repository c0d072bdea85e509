import { compileFilter } from "./filter/compile.js";
import type { FilterSchema } from "./filter/schema.js";
import { compileOrderBy, type OrderFields } from "./order-by.js";
import { coercePageSize } from "./page-size.js";
import { decodePageToken, queryFingerprint } from "./page-token.js";
import type { ListQuery } from "./paginate.js";

/** How one kind of resource is listed. */
export interface ListSpec<T> {
  /** Distinguishes page tokens of different lists, e.g. "vclusters". */
  readonly collection: string;
  readonly filterSchema: FilterSchema<T>;
  readonly orderFields: OrderFields<T>;
  /** The order when order_by is empty, e.g. "name" or "create_time desc". */
  readonly defaultOrderBy: string;
}

/** The listing fields of a List request, as the generated request messages name them. */
export interface ListRequestFields {
  readonly parent: string;
  readonly pageSize: number;
  readonly pageToken: string;
  readonly filter?: string;
  /** Absent for lists without order_by (ListOperations): the spec's default applies. */
  readonly orderBy?: string;
}

/**
 * Validates and compiles the listing parameters of a request, before the
 * store is touched: page_size, filter, order_by, then page_token (which must
 * match the others). Any problem is INVALID_ARGUMENT naming the field.
 */
export function compileListQuery<T>(request: ListRequestFields, spec: ListSpec<T>): ListQuery<T> {
  const pageSize = coercePageSize(request.pageSize);
  const filter = request.filter ?? "";
  const predicate = compileFilter(filter, spec.filterSchema);
  const order = compileOrderBy(request.orderBy ?? "", spec.orderFields, { default: spec.defaultOrderBy });
  const fingerprint = queryFingerprint({
    collection: spec.collection,
    parent: request.parent,
    filter,
    orderBy: order.canonical,
  });
  const startAfter = request.pageToken === "" ? undefined : decodePageToken(request.pageToken, fingerprint, order.fields.length);
  return { predicate, order, pageSize, startAfter, fingerprint };
}
