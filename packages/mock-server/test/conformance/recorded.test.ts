import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { Code } from "@connectrpc/connect";
import { create, toJson } from "@bufbuild/protobuf";
import { CreateVClusterRequestSchema, ListVClustersRequestSchema, WatchVClustersResponse_EventType as EventType } from "@open-vcluster/sdk";
import { TARGETS, settle, type Target } from "./targets.js";
import { expectCode, openWatch } from "../fixtures/util.js";

const SVC = "openvcluster.v1.VClusterService";

describe.each(TARGETS)("ListRecordedRequests — $name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.control.reset({});
  });

  it("records method, request as protobuf JSON and the status code, oldest first", async () => {
    const createReq = {
      parent: "projects/p",
      vclusterId: "rec",
      vcluster: { labels: { env: "dev" }, displayName: "Récordé ✓", spec: { controlPlane: { replicas: 3 }, backingStore: { store: { case: "embeddedEtcd" as const, value: {} } } } },
      requestId: "8f14e45f-ceea-467f-a0e6-0f0e1f0b1f2a",
    };
    const op = await t.vclusters.createVCluster(createReq);
    await settle(t, op.name);
    await expectCode(t.vclusters.getVCluster({ name: "projects/p/vclusters/missing" }), Code.NotFound);
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p", pageSize: -1 }), Code.InvalidArgument);

    const { requests } = await t.control.listRecordedRequests({});
    expect(requests.map((r) => [r.method, r.code])).toEqual([
      [`${SVC}/CreateVCluster`, 0],
      ["openvcluster.v1.OperationService/WaitOperation", 0],
      [`${SVC}/GetVCluster`, Code.NotFound],
      [`${SVC}/ListVClusters`, Code.InvalidArgument],
    ]);
    const expected = toJson(CreateVClusterRequestSchema, create(CreateVClusterRequestSchema, createReq));
    expect(JSON.parse(requests[0]!.requestJson)).toEqual(expected);
    expect(JSON.parse(requests[0]!.requestJson)).toMatchObject({ vclusterId: "rec", vcluster: { displayName: "Récordé ✓" } });
    expect(JSON.parse(requests[2]!.requestJson)).toEqual({ name: "projects/p/vclusters/missing" });
    expect(JSON.parse(requests[3]!.requestJson)).toEqual(toJson(ListVClustersRequestSchema, create(ListVClustersRequestSchema, { parent: "projects/p", pageSize: -1 })));
    for (const r of requests) expect(r.time).toBeDefined();
    if (t.url) expect(requests[0]!.headers["content-type"]).toMatch(/^application\//);
  });

  it("records the code of an injected fault", async () => {
    await t.control.injectFault({ fault: { method: `${SVC}/ListVClusters`, code: Code.Unavailable, times: 1 } });
    await expectCode(t.vclusters.listVClusters({ parent: "projects/p" }), Code.Unavailable);
    await t.vclusters.listVClusters({ parent: "projects/p" });
    const { requests } = await t.control.listRecordedRequests({});
    expect(requests.map((r) => r.code)).toEqual([Code.Unavailable, 0]);
    expect(JSON.parse(requests[0]!.requestJson)).toEqual({ parent: "projects/p" });
  });

  it("filters by method and never records control calls", async () => {
    await t.control.seed({ vclusters: [{ name: "projects/p/vclusters/a" }] });
    await t.control.injectFault({ fault: { method: `${SVC}/GetVCluster`, latency: { nanos: 1_000_000 } } });
    await t.control.clearFaults({});
    await t.control.setLatency({});
    await t.vclusters.getVCluster({ name: "projects/p/vclusters/a" });
    await t.vclusters.getVCluster({ name: "projects/p/vclusters/a" });
    await t.snapshots.listSnapshots({ parent: "projects/p" });
    await t.control.listRecordedRequests({});

    const all = await t.control.listRecordedRequests({});
    expect(all.requests.map((r) => r.method)).toEqual([`${SVC}/GetVCluster`, `${SVC}/GetVCluster`, "openvcluster.v1.SnapshotService/ListSnapshots"]);
    expect(all.requests.some((r) => r.method.includes("MockControlService"))).toBe(false);
    const gets = await t.control.listRecordedRequests({ method: `${SVC}/GetVCluster` });
    expect(gets.requests).toHaveLength(2);
    expect(gets.requests.every((r) => r.method === `${SVC}/GetVCluster`)).toBe(true);
    expect((await t.control.listRecordedRequests({ method: `${SVC}/DeleteVCluster` })).requests).toEqual([]);
  });

  it("records a watch with its request", async () => {
    const w = openWatch(t, { parent: "projects/p", filter: "phase = RUNNING" });
    await w.waitFor((es) => es.some((e) => e.type === EventType.SYNCED), 5000, "SYNCED");
    const { requests } = await t.control.listRecordedRequests({ method: `${SVC}/WatchVClusters` });
    expect(requests).toHaveLength(1);
    expect(JSON.parse(requests[0]!.requestJson)).toEqual({ parent: "projects/p", filter: "phase = RUNNING" });
    w.cancel();
  });
});
