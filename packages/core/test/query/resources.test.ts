import { create } from "@bufbuild/protobuf";
import { timestampFromDate, timestampFromMs } from "@bufbuild/protobuf/wkt";
import {
  OperationMetadataSchema,
  OperationSchema,
  OperationState,
  OperationVerb,
  SnapshotSchema,
  Snapshot_Phase,
  VClusterSchema,
  VCluster_Phase,
  type Operation,
} from "@open-vcluster/sdk";
import { describe, expect, it } from "vitest";
import {
  compileFilter,
  compileListQuery,
  operationFilterSchema,
  operationListSpec,
  paginate,
  snapshotFilterSchema,
  snapshotListSpec,
  vclusterFilterSchema,
  vclusterListSpec,
} from "../../src/query/index.js";
import { invalidArgument } from "./helpers.js";

const dev = create(VClusterSchema, {
  name: "projects/p/vclusters/dev",
  uid: "8f1c2b9e-0000-4000-8000-000000000001",
  displayName: "Dev sandbox",
  labels: { env: "dev", "example.com/team": "platform" },
  status: { phase: VCluster_Phase.RUNNING },
  createTime: timestampFromDate(new Date("2026-01-02T15:04:05Z")),
  updateTime: timestampFromMs(Date.parse("2026-03-01T00:00:00Z") + 0.5),
});
const prod = create(VClusterSchema, {
  name: "projects/p/vclusters/prod",
  displayName: "Production",
  labels: { env: "prod" },
  status: { phase: VCluster_Phase.SUSPENDED },
  createTime: timestampFromDate(new Date("2026-01-01T00:00:00Z")),
});
const fresh = create(VClusterSchema, { name: "projects/p/vclusters/fresh" });

function vclusters(filter: string): string[] {
  const predicate = compileFilter(filter, vclusterFilterSchema);
  return [dev, prod, fresh].filter(predicate).map((vcluster) => vcluster.name.split("/").pop() ?? "");
}

describe("vclusterFilterSchema", () => {
  it.each([
    ['labels.env = "prod" AND NOT phase = SUSPENDED', []],
    ['labels.env = "dev" AND NOT phase = SUSPENDED', ["dev"]],
    ["phase = RUNNING", ["dev"]],
    ["phase = PHASE_SUSPENDED", ["prod"]],
    ["phase = UNSPECIFIED", ["fresh"]],
    ["phase != RUNNING", ["prod", "fresh"]],
    ['name = "projects/p/vclusters/*"', ["dev", "prod", "fresh"]],
    ['name = "projects/p/vclusters/d*"', ["dev"]],
    ['uid = "8f1c2b9e-0000-4000-8000-000000000001"', ["dev"]],
    ["uid:*", ["dev"]],
    ['display_name = "Dev sandbox"', ["dev"]],
    ["display_name:sand", ["dev"]],
    ['labels."example.com/team" = platform', ["dev"]],
    ["labels:example.com/team", ["dev"]],
    ["labels:*", ["dev", "prod"]],
    ["create_time >= 2026-01-02T00:00:00Z", ["dev"]],
    ["create_time < 2026-01-02T00:00:00Z", ["prod"]],
    ["create_time:*", ["dev", "prod"]],
    ["update_time > 2026-03-01T00:00:00Z", ["dev"]],
    ["update_time = 2026-03-01T00:00:00.0005Z", ["dev"]],
    ["NOT update_time:*", ["prod", "fresh"]],
  ])("%s → %j", (filter, expected) => {
    expect(vclusters(filter)).toEqual(expected);
  });

  it("reports an unknown field with the documented message", () => {
    expect(invalidArgument(() => compileFilter("labelz = 1", vclusterFilterSchema))).toBe(
      'invalid filter: unknown field "labelz" at position 0 (expected one of: name, uid, display_name, labels, phase, create_time, update_time)',
    );
  });

  it("lists the phase names without the proto prefix", () => {
    expect(invalidArgument(() => compileFilter("phase = ON", vclusterFilterSchema))).toBe(
      'invalid filter: invalid value "ON" for "phase" at position 8 (expected one of: UNSPECIFIED, PENDING, CREATING, RUNNING, UPDATING, SCALING, SUSPENDING, SUSPENDED, RESUMING, RESTORING, DELETING, FAILED)',
    );
  });

  it("does not filter on fields the proto does not document", () => {
    expect(invalidArgument(() => compileFilter("etag = x", vclusterFilterSchema))).toMatch(/unknown field "etag"/);
  });
});

describe("snapshotFilterSchema", () => {
  const done = create(SnapshotSchema, {
    name: "projects/p/snapshots/nightly",
    sourceVcluster: "projects/p/vclusters/demo",
    phase: Snapshot_Phase.SUCCEEDED,
    labels: { schedule: "nightly" },
    createTime: timestampFromDate(new Date("2026-01-05T00:00:00Z")),
    expireTime: timestampFromDate(new Date("2026-02-05T00:00:00Z")),
  });
  const running = create(SnapshotSchema, {
    name: "projects/p/snapshots/adhoc",
    sourceVcluster: "projects/p/vclusters/other",
    phase: Snapshot_Phase.RUNNING,
    createTime: timestampFromDate(new Date("2026-01-06T00:00:00Z")),
  });

  it.each([
    ['source_vcluster = "projects/p/vclusters/demo" AND phase = SUCCEEDED', ["nightly"]],
    ["phase = PHASE_RUNNING", ["adhoc"]],
    ["labels.schedule = nightly", ["nightly"]],
    ["expire_time < 2026-03-01T00:00:00Z", ["nightly"]],
    ["NOT expire_time:*", ["adhoc"]],
    ["create_time > 2026-01-05T12:00:00Z", ["adhoc"]],
    ['name = "*/adhoc"', ["adhoc"]],
  ])("%s → %j", (filter, expected) => {
    const predicate = compileFilter(filter, snapshotFilterSchema);
    expect([done, running].filter(predicate).map((snapshot) => snapshot.name.split("/").pop())).toEqual(expected);
  });

  it("refuses vcluster-only fields", () => {
    expect(invalidArgument(() => compileFilter("display_name = x", snapshotFilterSchema))).toMatch(
      /expected one of: name, source_vcluster, labels, phase, create_time, expire_time/,
    );
  });
});

describe("operationFilterSchema", () => {
  const operation = (name: string, verb: OperationVerb, state: OperationState, done: boolean, seconds: number): Operation =>
    create(OperationSchema, {
      name: `projects/p/operations/${name}`,
      done,
      metadata: create(OperationMetadataSchema, {
        verb,
        state,
        target: "projects/p/vclusters/demo",
        createTime: timestampFromMs(seconds * 1000),
      }),
    });
  const suspend = operation("op-suspend", OperationVerb.SUSPEND, OperationState.RUNNING, false, 300);
  const created = operation("op-create", OperationVerb.CREATE, OperationState.SUCCEEDED, true, 100);
  const snapshot = operation("op-snapshot", OperationVerb.DELETE_SNAPSHOT, OperationState.CANCELLED, true, 200);
  const bare = create(OperationSchema, { name: "projects/p/operations/op-bare" });
  const all = [suspend, created, snapshot, bare];

  it.each([
    ['target = "projects/p/vclusters/demo" AND done = false', ["op-suspend"]],
    ["verb = SUSPEND", ["op-suspend"]],
    ["verb = OPERATION_VERB_CREATE", ["op-create"]],
    ["verb = DELETE_SNAPSHOT", ["op-snapshot"]],
    ["state = RUNNING OR state = OPERATION_STATE_CANCELLED", ["op-suspend", "op-snapshot"]],
    ["done = true", ["op-create", "op-snapshot"]],
    ["create_time >= 1970-01-01T00:03:20Z", ["op-suspend", "op-snapshot"]],
    ["NOT target:*", ["op-bare"]],
    ["verb = UNSPECIFIED", ["op-bare"]],
  ])("%s → %j", (filter, expected) => {
    const predicate = compileFilter(filter, operationFilterSchema);
    expect(all.filter(predicate).map((op) => op.name.split("/").pop())).toEqual(expected);
  });

  it("lists operations newest first by default, ties broken by name", () => {
    const tie = operation("op-a-tie", OperationVerb.RESUME, OperationState.PENDING, false, 300);
    const query = compileListQuery({ parent: "projects/p", pageSize: 0, pageToken: "", filter: "" }, operationListSpec);
    expect(query.order.canonical).toBe("create_time desc, name");
    const sorted = [...all, tie].sort(query.order.compare);
    expect(paginate(sorted, query).items.map((op) => op.name.split("/").pop())).toEqual(["op-a-tie", "op-suspend", "op-snapshot", "op-create", "op-bare"]);
  });

  it("refuses state ordering", () => {
    expect(invalidArgument(() => compileFilter("state > RUNNING", operationFilterSchema))).toMatch(/enums have no order/);
  });
});

describe("list specs", () => {
  it("vclusters order by name, create_time or update_time", () => {
    for (const orderBy of ["", "name", "create_time desc", "update_time"]) {
      expect(() => compileListQuery({ parent: "projects/p", pageSize: 10, pageToken: "", filter: "", orderBy }, vclusterListSpec)).not.toThrow();
    }
    expect(compileListQuery({ parent: "projects/p", pageSize: 10, pageToken: "", orderBy: "" }, vclusterListSpec).order.byNameOnly).toBe(true);
  });

  it("snapshots order by name or create_time only", () => {
    expect(invalidArgument(() => compileListQuery({ parent: "projects/p", pageSize: 10, pageToken: "", orderBy: "update_time" }, snapshotListSpec))).toMatch(
      /unknown field "update_time" at position 0 \(expected one of: name, create_time/,
    );
  });

  it("a vcluster page token is not accepted by the snapshot list", () => {
    const page = paginate([dev, fresh, prod], compileListQuery({ parent: "projects/p", pageSize: 1, pageToken: "" }, vclusterListSpec));
    expect(page.nextPageToken).not.toBe("");
    expect(
      invalidArgument(() => compileListQuery({ parent: "projects/p", pageSize: 1, pageToken: page.nextPageToken }, snapshotListSpec)),
    ).toMatch(/^page_token does not match the request/);
  });
});
