import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { timestampFromMs } from "@bufbuild/protobuf/wkt";
import { OperationVerb, Snapshot_Phase, VCluster_Phase as Phase } from "@open-vcluster/sdk";
import { TARGETS, settle, type Target } from "./targets.js";
import { expectCode, listAll } from "../fixtures/util.js";

const T0 = Date.parse("2026-01-01T00:00:00Z");
const MIN = 60_000;

const VCLUSTERS: [id: string, labels: Record<string, string>, phase: Phase, minute: number][] = [
  ["a", { env: "prod", tier: "web" }, Phase.RUNNING, 1],
  ["b", { env: "dev" }, Phase.SUSPENDED, 2],
  ["c", { env: "prod" }, Phase.SUSPENDED, 3],
  ["d", {}, Phase.FAILED, 4],
  ["web-1", { env: "staging", "example.com/team": "x" }, Phase.RUNNING, 5],
  ["web-2", {}, Phase.RUNNING, 6],
];

describe.each(TARGETS)("filters — $name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
    await t.control.seed({
      vclusters: VCLUSTERS.map(([id, labels, phase, minute]) => ({
        name: `projects/p/vclusters/${id}`,
        labels,
        status: { phase },
        createTime: timestampFromMs(T0 + minute * MIN),
      })),
      snapshots: [
        { name: "projects/p/snapshots/s1", sourceVcluster: "projects/p/vclusters/a", labels: { keep: "yes" }, createTime: timestampFromMs(T0) },
        { name: "projects/p/snapshots/s2", sourceVcluster: "projects/p/vclusters/a", phase: Snapshot_Phase.FAILED, createTime: timestampFromMs(T0 + 2 * MIN) },
        { name: "projects/p/snapshots/s3", sourceVcluster: "projects/p/vclusters/b", labels: { keep: "no" }, createTime: timestampFromMs(T0 + 4 * MIN) },
      ],
    });
  });
  afterAll(() => t.close());

  const ids = async (filter: string) => (await listAll(t, "projects/p", { filter })).map((v) => v.name.split("/").pop());

  it.each([
    ['labels.env = "prod"', ["a", "c"]],
    ["labels.env = prod", ["a", "c"]],
    ["labels:env", ["a", "b", "c", "web-1"]],
    ["labels.env:*", ["a", "b", "c", "web-1"]],
    ["labels:*", ["a", "b", "c", "web-1"]],
    ['labels.env != "prod"', ["b", "d", "web-1", "web-2"]],
    ['labels."example.com/team" = "x"', ["web-1"]],
    ["phase = SUSPENDED", ["b", "c"]],
    ["phase = PHASE_SUSPENDED", ["b", "c"]],
    ["phase != RUNNING", ["b", "c", "d"]],
    ['name = "projects/p/vclusters/web-*"', ["web-1", "web-2"]],
    ['name = "*/vclusters/?"', []],
    ['name = "projects/p/vclusters/c"', ["c"]],
    ['display_name = "web-*"', ["web-1", "web-2"]],
    ['create_time > "2026-01-01T00:03:00Z"', ["d", "web-1", "web-2"]],
    ['create_time >= "2026-01-01T00:03:00Z"', ["c", "d", "web-1", "web-2"]],
    ['create_time <= "2026-01-01T00:02:00Z"', ["a", "b"]],
    ['create_time < "2026-01-01T01:03:00+01:00"', ["a", "b"]],
    ['create_time = "2026-01-01T00:04:00.000Z"', ["d"]],
    ['labels.env = "prod" AND phase = SUSPENDED', ["c"]],
    ['labels.env = "prod" phase = RUNNING', ["a"]],
    ['labels.env = "prod" OR phase = FAILED', ["a", "c", "d"]],
    ["NOT phase = RUNNING", ["b", "c", "d"]],
    ["-phase = RUNNING", ["b", "c", "d"]],
    ['NOT (labels.env = "prod" OR labels:env)', ["d", "web-2"]],
    ['(labels.env = "prod" OR labels.env = "dev") AND NOT phase = SUSPENDED', ["a"]],
    // AIP-160: OR binds tighter than AND.
    ['labels.env = "prod" OR labels.env = "dev" AND phase = RUNNING', ["a"]],
    ['((phase = RUNNING)) AND (create_time > "2026-01-01T00:04:30Z" OR labels.tier = "web")', ["a", "web-1", "web-2"]],
    ["   ", ["a", "b", "c", "d", "web-1", "web-2"]],
  ])("ListVClusters filter %s", async (filter, expected) => {
    expect(await ids(filter)).toEqual(expected);
  });

  it.each([
    // [filter, position of the problem]
    ['labelz.env = "x"', 0],
    ["phase = BOGUS", 8],
    ["phase < RUNNING", 6],
    ['create_time > "yesterday"', 14],
    ['name = "unterminated', 7],
    ["phase = RUNNING)", 15],
    ['labels.env = "prod" AND', 20], // the dangling AND
    ["phase =", 7],
    ["(phase = RUNNING", 0], // the unbalanced (
    ['labels.env = "a" && phase = RUNNING', 20], // "&&" reads as a field, so a comparison is missing before "phase"
    ['display_name.x = "y"', 13],
  ])("rejects filter %j with INVALID_ARGUMENT at its position", async (filter, position) => {
    const err = await expectCode(t.vclusters.listVClusters({ parent: "projects/p", filter }), Code.InvalidArgument, /filter/);
    expect(err.rawMessage).toMatch(/at position (\d+)/);
    expect(Number(/at position (\d+)/.exec(err.rawMessage)?.[1])).toBe(position);
  });

  it("rejects a filter longer than 4096 characters", async () => {
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", filter: "phase = RUNNING OR ".repeat(300) + "phase = RUNNING" }), Code.InvalidArgument, /filter/);
  });

  it("filters snapshots by phase, source_vcluster, labels and create_time", async () => {
    const names = async (filter: string) => (await t.snapshots.listSnapshots({ parent: "projects/p", filter })).snapshots.map((s) => s.name.split("/").pop());
    expect(await names("phase = SUCCEEDED")).toEqual(["s1", "s3"]);
    expect(await names("phase = FAILED")).toEqual(["s2"]);
    expect(await names('source_vcluster = "projects/p/vclusters/a"')).toEqual(["s1", "s2"]);
    expect(await names('labels.keep = "yes" OR labels.keep = "no"')).toEqual(["s1", "s3"]);
    expect(await names('create_time > "2026-01-01T00:01:00Z" AND NOT phase = FAILED')).toEqual(["s3"]);
    const total = await t.snapshots.listSnapshots({ parent: "projects/p", filter: "labels:keep" });
    expect(total.totalSize).toBe(2);
    const err = await expectCode(t.snapshots.listSnapshots({ parent: "projects/p", filter: "size_bytes > 5" }), Code.InvalidArgument, /filter/);
    expect(err.rawMessage).toMatch(/at position 0/);
    await expectCode(t.snapshots.listSnapshots({ parent: "projects/p", filter: "phase = RUNNING AND (" }), Code.InvalidArgument, /position \d+/);
  });

  it("filters operations by target, verb, done and state", async () => {
    const create = await t.vclusters.createVCluster({ parent: "projects/ops", vclusterId: "x", vcluster: {} });
    await settle(t, create.name);
    const suspend = await t.vclusters.suspendVCluster({ name: "projects/ops/vclusters/x" });
    await settle(t, suspend.name);
    const other = await t.vclusters.createVCluster({ parent: "projects/ops", vclusterId: "y", vcluster: {} });
    await settle(t, other.name);
    const names = async (filter: string) => (await t.operations.listOperations({ parent: "projects/ops", filter })).operations.map((o) => o.name).sort();
    expect(await names("verb = SUSPEND")).toEqual([suspend.name]);
    expect(await names("verb = CREATE")).toEqual([create.name, other.name].sort());
    expect(await names('target = "projects/ops/vclusters/x"')).toEqual([create.name, suspend.name].sort());
    expect(await names('target = "projects/ops/vclusters/x" AND verb = OPERATION_VERB_CREATE')).toEqual([create.name]);
    expect(await names("done = true")).toHaveLength(3);
    expect(await names("done = false")).toEqual([]);
    expect(await names("state = SUCCEEDED AND NOT verb = CREATE")).toEqual([suspend.name]);
    const ops = await t.operations.listOperations({ parent: "projects/ops", filter: "verb = SUSPEND" });
    expect(ops.operations[0]?.metadata?.verb).toBe(OperationVerb.SUSPEND);
    const err = await expectCode(t.operations.listOperations({ parent: "projects/ops", filter: "done = maybe" }), Code.InvalidArgument, /filter/);
    expect(err.rawMessage).toMatch(/at position 7/);
    await expectCode(t.operations.listOperations({ parent: "projects/ops", filter: "phase = RUNNING" }), Code.InvalidArgument, /position 0/);
  });
});
