/**
 * GetVClusterUsage: the read-only usage singleton. NOT_FOUND for an unknown
 * vcluster; figures follow the phase; `hard` is the spec's resource quota;
 * reading it changes neither the etag nor fires a watch event.
 */
import { Code } from "@connectrpc/connect";
import { WatchVClustersResponse_EventType } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openWatch } from "../fixtures/util.js";
import { expectCode, reset } from "./phases.js";
import { TARGETS, createRunning, settle, type Target } from "./targets.js";

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  it("reports what a running vcluster uses, against its quota, without touching the vcluster", async () => {
    const op = await t.vclusters.createVCluster({
      parent: "projects/p",
      vclusterId: "dev",
      vcluster: { spec: { policies: { resourceQuota: { enabled: true, hard: { pods: "20", "requests.cpu": "4" } } } } },
    });
    await settle(t, op.name);
    const before = await t.vclusters.getVCluster({ name: "projects/p/vclusters/dev" });
    const watch = openWatch(t, { parent: "projects/p" });
    await watch.waitFor((events) => events.some((e) => e.type === WatchVClustersResponse_EventType.SYNCED), 5000, "the initial state");
    const seen = watch.events.length;
    const usage = await t.vclusters.getVClusterUsage({ name: "projects/p/vclusters/dev/usage" });
    expect(usage.name).toBe("projects/p/vclusters/dev/usage");
    expect(usage).toMatchObject({ cpu: "300m", memory: "326Mi", pods: 2, persistentVolumeClaims: 1 });
    expect(usage.hard).toEqual({ pods: "20", "requests.cpu": "4" });
    expect(usage.used).toEqual({ pods: "2", "requests.cpu": "300m" });
    expect(usage.sampleTime).toBeDefined();
    expect((await t.vclusters.getVCluster({ name: "projects/p/vclusters/dev" })).etag).toBe(before.etag);
    expect(watch.events.length).toBe(seen);
    watch.cancel();
  });

  it("reports no pods while suspended and no quota without one", async () => {
    await createRunning(t, "dev");
    await settle(t, (await t.vclusters.suspendVCluster({ name: "projects/p/vclusters/dev" })).name);
    const usage = await t.vclusters.getVClusterUsage({ name: "projects/p/vclusters/dev/usage" });
    expect(usage).toMatchObject({ cpu: "0", memory: "0", pods: 0, persistentVolumeClaims: 1 });
    expect(usage.hard).toEqual({});
    expect(usage.used).toEqual({});
  });

  it("is NOT_FOUND for an unknown vcluster and INVALID_ARGUMENT for a bad name", async () => {
    await expectCode(t.vclusters.getVClusterUsage({ name: "projects/p/vclusters/nope/usage" }), Code.NotFound, /vcluster "projects\/p\/vclusters\/nope" not found/);
    await expectCode(t.vclusters.getVClusterUsage({ name: "projects/p/vclusters/nope" }), Code.InvalidArgument, /name/);
  });
});
