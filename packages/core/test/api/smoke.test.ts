import { afterEach, describe, expect, it } from "vitest";
import { VCluster_Phase } from "@open-vcluster/sdk";
import { createHarness, settle, type Harness } from "./harness.js";

let h: Harness;
afterEach(() => h?.close());

describe("lifecycle smoke", () => {
  it("creates, suspends, resumes and deletes", async () => {
    h = createHarness();
    const op = await h.vclusters.createVCluster({ parent: "projects/p", vclusterId: "dev", vcluster: {} });
    expect(op.done).toBe(false);
    const done = await settle(h, op.name);
    expect(done.done).toBe(true);
    expect(done.result.case).toBe("response");
    const v = await h.vclusters.getVCluster({ name: "projects/p/vclusters/dev" });
    expect(v.status?.phase).toBe(VCluster_Phase.RUNNING);
    const s = await settle(h, (await h.vclusters.suspendVCluster({ name: v.name })).name);
    expect(s.result.case).toBe("response");
    expect((await h.vclusters.getVCluster({ name: v.name })).status?.phase).toBe(VCluster_Phase.SUSPENDED);
    await settle(h, (await h.vclusters.resumeVCluster({ name: v.name })).name);
    await settle(h, (await h.vclusters.deleteVCluster({ name: v.name })).name);
    await expect(h.vclusters.getVCluster({ name: v.name })).rejects.toThrow(/not found/);
    const list = await h.vclusters.listVClusters({ parent: "projects/p" });
    expect(list.vclusters).toHaveLength(0);
  });
});
