/**
 * Regression tests for bugs the conformance suite found (and that are fixed):
 * a forced delete during a snapshot, kubeconfig expiry on the API clock, a
 * suspended vcluster's replicas through an update, validate_only's phase
 * check, and Reset putting the clock back on real time.
 */
import { Code } from "@connectrpc/connect";
import { OperationState, Snapshot_Phase, VCluster_Phase as Phase } from "@open-vcluster/sdk";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { expectCode, hold, ms, phaseName, release, reset, seedVCluster, snapName, vcName } from "./phases.js";
import { TARGETS, createRunning, settle, type Target } from "./targets.js";

const NAME = vcName("dev");

describe.each(TARGETS)("$name", (kind) => {
  let t: Target;
  beforeAll(async () => {
    t = await kind.start();
  });
  afterAll(() => t.close());
  beforeEach(() => reset(t));

  /**
   * Snapshot.Phase: "PENDING | RUNNING -> FAILED (the operation was cancelled)".
   * A forced delete supersedes the snapshot operation (runner.supersede ends
   * it CANCELLED without running the step's finish), so the Snapshot stays
   * RUNNING forever, and DeleteSnapshot refuses it forever ("cancel its
   * operation first", but that operation is already done).
   */
  it("a forced delete during a snapshot upload leaves the snapshot FAILED, and deletable", async () => {
    await seedVCluster(t, "dev");
    await hold(t);
    const snap = await t.vclusters.snapshotVCluster({ name: NAME, snapshotId: "s1", storage: { kind: { case: "s3", value: { bucket: "bucket", key: "s1" } } } });
    const del = await t.vclusters.deleteVCluster({ name: NAME, force: true });
    expect(OperationState[(await t.operations.getOperation({ name: snap.name })).metadata!.state]).toBe("CANCELLED");
    await release(t);
    await settle(t, del.name);
    await expectCode(t.vclusters.getVCluster({ name: NAME }), Code.NotFound);
    const s = await t.snapshots.getSnapshot({ name: snapName("s1") });
    expect(Snapshot_Phase[s.phase]).toBe("FAILED");
    const op = await t.snapshots.deleteSnapshot({ name: snapName("s1") });
    expect((await settle(t, op.name)).result.case).toBe("response");
  });

  /**
   * The mock's clock is the API's clock ("Core never reads the system
   * clock", runtime/clock.ts), but the in-memory driver computes a
   * kubeconfig's expire_time from Date.now().
   */
  it("kubeconfig expire_time follows the mock clock", async () => {
    await createRunning(t, "dev");
    const at = 1_900_000_000n;
    await t.control.freezeClock({ time: { seconds: at } });
    const k = await t.vclusters.generateVClusterKubeconfig({ name: NAME, tokenTtl: { seconds: 3600n } });
    expect(ms(k.expireTime)).toBe(Number(at + 3600n) * 1000);
  });

  /**
   * VClusterStatus.desired_replicas: "0 while suspended". A seeded SUSPENDED
   * vcluster is unknown to the in-memory driver, whose host entry is then
   * created as not suspended, so an update reports 1 replica while SUSPENDED.
   */
  it("a seeded SUSPENDED vcluster stays at zero replicas through an update", async () => {
    await seedVCluster(t, "dev", Phase.SUSPENDED);
    const op = await t.vclusters.updateVCluster({
      vcluster: { name: NAME, spec: { kubernetesVersion: "v1.34.6" } },
      updateMask: { paths: ["spec.kubernetes_version"] },
    });
    await settle(t, op.name);
    const v = await t.vclusters.getVCluster({ name: NAME });
    expect(phaseName(v.status!.phase)).toBe("SUSPENDED");
    expect(v.status?.desiredReplicas).toBe(0);
    expect(v.status?.readyReplicas).toBe(0);
  });

  /**
   * validate_only: "Validate the request and report errors without changing
   * anything." A label update of a DELETING vcluster is FAILED_PRECONDITION,
   * but its validate_only twin succeeds.
   */
  it("validate_only reports the FAILED_PRECONDITION a real label update gets while DELETING", async () => {
    await seedVCluster(t, "dev", Phase.DELETING);
    const req = { vcluster: { name: NAME, labels: { a: "b" } }, updateMask: { paths: ["labels"] } };
    await expectCode(t.vclusters.updateVCluster(req), Code.FailedPrecondition);
    await expectCode(t.vclusters.updateVCluster({ ...req, validateOnly: true }), Code.FailedPrecondition);
  });

  /**
   * Reset "forgets every resource, operation, fault, failure and recorded
   * request, and unfreezes the clock", but a clock that was frozen at another
   * time keeps that offset after Reset: every later test of a shared mock
   * runs in, e.g., 2030.
   */
  it("Reset brings the clock back to real time", async () => {
    await t.control.freezeClock({ time: { seconds: 1_900_000_000n } });
    await reset(t);
    const v = await createRunning(t, "dev");
    expect(Math.abs(ms(v.createTime) - Date.now())).toBeLessThan(60_000);
  });
});
