import {
  OperationState,
  OperationVerb,
  Snapshot_Phase,
  VCluster_Phase,
  type Operation,
  type Snapshot,
  type VCluster,
} from "@open-vcluster/sdk";
import type { FilterSchema } from "./filter/schema.js";
import type { ListSpec } from "./list-query.js";
import type { OrderFields } from "./order-by.js";
import { timestampMillis } from "./timestamp.js";

// The filterable and sortable fields of each resource, as documented on the
// List requests in proto/openvcluster/v1/*_service.proto. Enum values are
// written without their proto prefix (`phase = RUNNING`); the full proto name
// (`PHASE_RUNNING`) is accepted too.

export const vclusterFilterSchema: FilterSchema<VCluster> = {
  name: { kind: "string", get: (vcluster) => vcluster.name },
  uid: { kind: "string", get: (vcluster) => vcluster.uid },
  display_name: { kind: "string", get: (vcluster) => vcluster.displayName },
  labels: { kind: "map", get: (vcluster) => vcluster.labels },
  phase: {
    kind: "enum",
    values: VCluster_Phase,
    protoPrefix: "PHASE_",
    get: (vcluster) => vcluster.status?.phase ?? VCluster_Phase.UNSPECIFIED,
  },
  create_time: { kind: "timestamp", get: (vcluster) => timestampMillis(vcluster.createTime) },
  update_time: { kind: "timestamp", get: (vcluster) => timestampMillis(vcluster.updateTime) },
};

export const vclusterOrderFields: OrderFields<VCluster> = {
  name: (vcluster) => vcluster.name,
  create_time: (vcluster) => timestampMillis(vcluster.createTime) ?? 0,
  update_time: (vcluster) => timestampMillis(vcluster.updateTime) ?? 0,
};

export const vclusterListSpec: ListSpec<VCluster> = {
  collection: "vclusters",
  filterSchema: vclusterFilterSchema,
  orderFields: vclusterOrderFields,
  defaultOrderBy: "name",
};

export const snapshotFilterSchema: FilterSchema<Snapshot> = {
  name: { kind: "string", get: (snapshot) => snapshot.name },
  source_vcluster: { kind: "string", get: (snapshot) => snapshot.sourceVcluster },
  labels: { kind: "map", get: (snapshot) => snapshot.labels },
  phase: { kind: "enum", values: Snapshot_Phase, protoPrefix: "PHASE_", get: (snapshot) => snapshot.phase },
  create_time: { kind: "timestamp", get: (snapshot) => timestampMillis(snapshot.createTime) },
  expire_time: { kind: "timestamp", get: (snapshot) => timestampMillis(snapshot.expireTime) },
};

export const snapshotOrderFields: OrderFields<Snapshot> = {
  name: (snapshot) => snapshot.name,
  create_time: (snapshot) => timestampMillis(snapshot.createTime) ?? 0,
};

export const snapshotListSpec: ListSpec<Snapshot> = {
  collection: "snapshots",
  filterSchema: snapshotFilterSchema,
  orderFields: snapshotOrderFields,
  defaultOrderBy: "name",
};

export const operationFilterSchema: FilterSchema<Operation> = {
  name: { kind: "string", get: (operation) => operation.name },
  target: { kind: "string", get: (operation) => operation.metadata?.target ?? "" },
  verb: {
    kind: "enum",
    values: OperationVerb,
    protoPrefix: "OPERATION_VERB_",
    get: (operation) => operation.metadata?.verb ?? OperationVerb.UNSPECIFIED,
  },
  state: {
    kind: "enum",
    values: OperationState,
    protoPrefix: "OPERATION_STATE_",
    get: (operation) => operation.metadata?.state ?? OperationState.UNSPECIFIED,
  },
  done: { kind: "bool", get: (operation) => operation.done },
  create_time: { kind: "timestamp", get: (operation) => timestampMillis(operation.metadata?.createTime) },
};

export const operationOrderFields: OrderFields<Operation> = {
  name: (operation) => operation.name,
  create_time: (operation) => timestampMillis(operation.metadata?.createTime) ?? 0,
};

/** ListOperations has no order_by: operations come newest first, as its response documents. */
export const operationListSpec: ListSpec<Operation> = {
  collection: "operations",
  filterSchema: operationFilterSchema,
  orderFields: operationOrderFields,
  defaultOrderBy: "create_time desc",
};
