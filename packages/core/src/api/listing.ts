/**
 * The three List RPCs (and the watch filter) on top of the query module:
 * compile the request's page_size, filter, order_by and page_token first,
 * then take one page from the store's sorted list.
 */
import { create } from "@bufbuild/protobuf";
import {
  ListOperationsResponseSchema,
  ListSnapshotsResponseSchema,
  ListVClustersResponseSchema,
  View,
  type ListOperationsRequest,
  type ListSnapshotsRequest,
  type ListVClustersRequest,
  type VCluster,
} from "@open-vcluster/sdk";
import type { CoreContext } from "../engine/context.js";
import { effectiveView, inView } from "./view.js";
import { projectOf } from "../names.js";
import {
  compileFilter,
  compileListQuery,
  operationListSpec,
  paginate,
  snapshotListSpec,
  vclusterFilterSchema,
  vclusterListSpec,
  type Predicate,
} from "../query/index.js";
import type { StoredOperation } from "../store/store.js";

/**
 * Sorts by the query's order, unless the store's list is name-sorted (vclusters
 * and snapshots are; operations are kept in creation order) and that is the order asked for.
 */
function inOrder<T>(
  items: readonly T[],
  order: { byNameOnly: boolean; compare: (a: T, b: T) => number },
  nameSorted: boolean,
): readonly T[] {
  return nameSorted && order.byNameOnly ? items : [...items].sort(order.compare);
}

export function listVClusters(ctx: CoreContext, req: ListVClustersRequest) {
  const query = compileListQuery(req, vclusterListSpec);
  const page = paginate(inOrder(ctx.store.listVClusters(projectOf(req.parent)), query.order, true), query);
  return create(ListVClustersResponseSchema, {
    vclusters: page.items.map((v) => inView(v, effectiveView(req.view, View.BASIC))),
    nextPageToken: page.nextPageToken,
    totalSize: page.totalSize,
    version: ctx.hub.currentVersion(),
  });
}

export function listSnapshots(ctx: CoreContext, req: ListSnapshotsRequest) {
  const query = compileListQuery(req, snapshotListSpec);
  const page = paginate(inOrder(ctx.store.listSnapshots(projectOf(req.parent)), query.order, true), query);
  return create(ListSnapshotsResponseSchema, {
    snapshots: page.items,
    nextPageToken: page.nextPageToken,
    totalSize: page.totalSize,
  });
}

export function listOperations(ctx: CoreContext, req: ListOperationsRequest) {
  const query = compileListQuery(req, operationListSpec);
  const all = ctx.store.listOperations(projectOf(req.parent)).map((o: StoredOperation) => o.operation);
  const page = paginate(inOrder(all, query.order, false), query);
  return create(ListOperationsResponseSchema, { operations: page.items, nextPageToken: page.nextPageToken });
}

/** The WatchVClusters filter: the same language and fields as ListVClusters. */
export function compileVClusterFilter(filter: string): Predicate<VCluster> {
  return compileFilter(filter, vclusterFilterSchema);
}
